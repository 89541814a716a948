"""Does a sentence place a date in the future? Read from its grammar, not its words alone.

A date written without a year ("27-28 February", "Friday") is resolved to the
most recent such day, because news mostly reports what has happened. An
announcement is the exception: "the summit will be held on 27-28 February",
"talks are scheduled for Friday", "the vote is to be held on March 3" name a
time after the article appeared. The verb that governs the date expression
decides: a future auxiliary (will, shall, 'll, a reported "would"), "be going
to", "be to", a scheduling verb (scheduled, planned, expected, hopes to) or a
present-tense verb the date modifies directly ("expires on 31 March"). The
past tense and the present perfect stay in the past, and so does a date
governed by the verb that reports a statement ("said on Friday that ...").
Three kinds of date lean ahead whatever the verb, so they take the nearer of
the past and the next such day: a date under a modal of obligation or
possibility ("must be returned Feb. 3"), a date that bounds a span of time
("demanding the report by April 2", "starting Jan. 1") unless its own verb
is a finite past ("battled from Dec. 22 through Jan. 25"), and an appointed
event ("the Jan. 3 caucuses", "a deadline of May 1", "the November
elections"), which a present-tense clause puts in the future outright. So
does an infinitive no finite verb governs ("Democrats, poised to take
control on Thursday, ..."): what someone is out to do.
"""

from __future__ import annotations

import datetime

from spacy.tokens import Doc, Token

__all__ = ["ahead", "attachment", "tense_of", "unreal"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "\u2019ll", "wo", "sha"})
# "would" without "have": a plan reported from the past ("said it would publish
# the proposal on Monday") lies after the saying, which news dates at about
# its own publication; "would have signed" is a counterfactual past.
_REPORTED_FUTURE_AUX = frozenset({"would", "'d", "\u2019d"})
# Modals of obligation and possibility without "have": what must or may happen
# is still to come, or has just come ("the subpoenas must be returned Feb. 3"
# in late January); "could" is left out, it mostly reports a past ability.
# Chosen by reading the yearless dates of every BASIL development event
# (BENCHMARKS.md, "Yearless dates that lie ahead of publication").
_PROSPECTIVE_AUX = frozenset({"must", "should", "may", "might"})
# Verbs (and participles used as adjectives) that put an event on a calendar
# or state an intention about it.
_SCHEDULING = frozenset({"schedule", "plan", "expect", "set", "due", "slate", "intend", "aim",
                         "hope", "want", "seek", "promise", "vow", "pledge", "prepare",
                         "upcoming", "forthcoming", "coming"})
# Nouns a date hangs from that only narrow it ("Saturday afternoon"): the date
# still modifies the verb.
_TIME_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
# Present-tense verbs that report or describe rather than happen: "the report
# covers January", "she says" never move a date into the future.
_STATIVE = frozenset({"say", "tell", "report", "show", "cover", "include", "remain", "mark",
                      "remember", "recall", "know", "mean", "follow", "describe", "list"})
# Words that make a date the bound of a span of time ("by April 2", "until
# Friday", "starting Jan. 1", "ahead of the vote"): a bound set in the
# past is mostly one still ahead when the article appeared. Read from the
# BASIL development events like ``_PROSPECTIVE_AUX``.
_BOUNDS = frozenset({"by", "before", "until", "till", "from", "through", "starting",
                     "beginning"})
# Events fixed on a calendar in advance: a yearless one in the news is the
# next one, or the one just held, never one a year before.
_APPOINTED = frozenset({"election", "primary", "caucus", "deadline", "runoff", "referendum",
                        "inauguration", "midterm"})
# How a date hangs from the noun it names ("the Jan. 3 caucuses", "the
# November elections", "Tuesday's primary").
_NOUN_MODIFIER = frozenset({"compound", "nmod", "npadvmod", "poss", "amod", "nummod"})


def _governing_verb(token: Token, climb: int) -> tuple[Token | None, bool]:
    """The first verb above the date's head ``token``, and whether the way up
    passed only through function words (the date modifies the verb itself,
    not a noun phrase such as "inflation in January")."""
    head, steps, direct = token, 0, True
    while head.pos_ not in ("VERB", "AUX") and steps < climb:
        if head.head.i == head.i:
            return None, False
        head, steps = head.head, steps + 1
        direct = direct and (head.pos_ not in ("NOUN", "PROPN", "PRON")
                             or head.lower_ in _TIME_OF_DAY)
    return (head, direct) if head.pos_ in ("VERB", "AUX") else (None, False)


def _scheduled_noun(token: Token, climb: int) -> bool:
    """Whether a noun between the date and its verb is "upcoming" or "planned"."""
    head, steps = token, 0
    while head.pos_ not in ("VERB", "AUX") and steps < climb:
        if any(c.dep_ == "amod" and c.lemma_.lower() in _SCHEDULING for c in head.children):
            return True
        if head.head.i == head.i:
            break
        head, steps = head.head, steps + 1
    return False


def _tense(verb: Token) -> str | None:
    """ "future", "past", "present", or None (an infinitive or participle, whose
    time comes from the verb it complements)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    perfect = any(a.lemma_ == "have" for a in auxes)
    if words & _FUTURE_AUX or (words & _REPORTED_FUTURE_AUX and not perfect):
        return "future"
    if words & _PROSPECTIVE_AUX and not perfect:
        return "planned"  # "must be returned Feb. 3": ahead, or just past
    finite = [a for a in auxes if a.lower_ != "to"] or [verb]
    if any(a.tag_ == "VBD" for a in finite) or (perfect and verb.tag_ == "VBN"):
        return "past"  # "was held", "has met": done by the time of writing
    if verb.lemma_.lower() in _SCHEDULING and verb.tag_ in ("VBN", "VBZ", "VBP", "JJ"):
        return "future"  # "is scheduled for", "are expected on", "plans to"
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp"
                                                          for c in verb.children):
        return "future"  # "are going to vote"
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
            for c in verb.children):
        return "future"  # "is to be held"
    if any(a.tag_ in ("VBZ", "VBP") for a in finite):
        return "present"
    return None


def _complemented(verb: Token, climb: int) -> Token | None:
    """The verb an untensed ``verb`` takes its time from: the head of an
    infinitive or participle complement ("expected to take place", "to be back
    to testify"), of a coordinated verb, or the copula of an adjective
    ("will be able to reach": able -> be); None for any other clause."""
    if verb.head.i == verb.i:
        return None
    if verb.dep_ in ("xcomp", "conj", "acomp"):
        return verb.head  # "acomp": "able" in "will be able to reach" takes the time of "be"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if infinitive and verb.dep_ == "acl":
        # "his promise to vote on Feb. 8": the verb of the noun's clause
        return _governing_verb(verb.head, climb)[0]
    return verb.head if infinitive and verb.dep_ in ("ccomp", "advcl") else None


def tense_of(doc: Doc, start: int, end: int, climb: int) -> str:
    """When the sentence places the date at characters ``start:end`` of ``doc``:
    "future", "planned", "appointed", "present", "present-noun" or "past"
    (the default: news reports what happened).

    The verbs read are the governing verb and those it complements ("expected
    to take place on Friday": take -> expected), never a clause that reports it
    ("said on Friday"). An infinitive that hangs from a scheduling verb lies
    ahead of it: "future" for a verb in the present ("plans to testify in
    February"), "planned" for one in the past ("the panel expected him to
    testify in February": the expecting was about now, the testimony after it,
    unless it has happened since). "present" needs the date
    to modify a present-tense verb directly ("the treaty expires on 31 March");
    "present-noun" is a date inside a noun phrase of a present-tense verb ("he
    heads into the 12 December election"); a verb that only reports or
    describes ("the report covers January") leaves the date in the past.
    "planned" is also a date under "must" or "may", a bound ("by April 2")
    and an appointed event ("the Jan. 3 caucuses"); "appointed" is such an
    event under a finite past verb ("set a deadline of May 1"), whose
    weekday stays in the past. The verb is looked for at most ``climb`` arcs
    above the date.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "past"
    # "a step forward from Friday, when he told reporters ...": a clause the date
    # heads says what that day was.
    if any(c.dep_ == "relcl" and _tense(c) == "past" for c in span.root.children):
        return "past"
    if _scheduled_noun(span.root, climb):
        return "future"
    tense = _verb_tense(span.root, climb)
    if tense not in ("past", None):
        if tense in ("present", "present-noun") and _appointed(span.root):
            return "future"  # "she heads into the 12 December election"
        return tense
    finite_past = tense == "past"  # "stayed closed until Feb. 20"
    if _appointed(span.root):
        # "set a deadline of May 1" in March: this May; "won Tuesday's
        # primary" stays the Tuesday past ("appointed" keeps weekdays).
        return "appointed" if finite_past else "planned"
    if _bounded(span.root) and not finite_past:
        return "planned"  # "demanding the report by April 2"
    return "past"


def _bounded(token: Token) -> bool:
    """Whether the date headed by ``token`` bounds a span of time: "by April 2",
    "until after Nov. 2", "ahead of the Jan. 3 caucuses", "through the Friday
    deadline" (through the noun the date names)."""
    named = token.dep_ in _NOUN_MODIFIER and token.head.pos_ in ("NOUN", "PROPN")
    head = token.head if named else token
    for _ in range(2):  # "until after Nov. 2": after -> until
        prep = head.head
        if prep.i == head.i:
            return False
        if prep.lower_ in _BOUNDS or (prep.lower_ == "of" and prep.head.lower_ == "ahead"):
            return True
        if prep.pos_ != "ADP":
            return False
        head = prep
    return False


def _appointed(token: Token) -> bool:
    """Whether the date headed by ``token`` names an appointed event: it
    modifies such a noun ("the Jan. 3 caucuses", "a May 1 deadline") or is
    the object of a preposition after one ("re-election in November", "a
    deadline of May 1", "the primary on June 3")."""
    head = token.head
    if token.dep_ == "pobj" and head.pos_ == "ADP":
        # The noun the preposition follows, also where the parser hung the
        # phrase on the verb ("up for re-election in November").
        nouns = [head.head] + ([head.doc[head.i - 1]] if head.i else [])
    elif token.dep_ in _NOUN_MODIFIER:
        nouns = [head]
    else:
        return False
    return any(n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower().rsplit("-", 1)[-1] in _APPOINTED
               for n in nouns)


def _verb_tense(root: Token, climb: int) -> str | None:
    """``tense_of`` read from the verbs alone: the governing verb and those it
    complements; None when none of them is finite."""
    verb, direct = _governing_verb(root, climb)
    untensed = infinitive = False
    while verb is not None:
        tense = _tense(verb)
        scheduling = verb.lemma_.lower() in _SCHEDULING
        if untensed and scheduling:
            return "planned" if tense == "past" else "future"
        if scheduling and not direct and tense == "past" and verb.tag_ == "VBD":
            # "groups prepared for a march on Saturday": the event the noun names was
            # ahead when they prepared it, so still ahead or just past ("vowed on
            # Monday" dates the vowing: direct, the past).
            return "planned"
        if tense == "present":
            if verb.lemma_.lower() in _STATIVE:
                return "past"
            return "present" if direct else "present-noun"
        if tense is not None:
            return tense
        untensed = True
        infinitive = infinitive or any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in verb.children)
        verb = _complemented(verb, climb)
    # "candidates running to face him in November": an infinitive under no finite
    # verb is what someone is out to do, still ahead or just done.
    return "planned" if infinitive else None


# A modal with "have" tells what did not happen ("could have endorsed", "would
# have signed"); "if" and "unless" make the event a condition.
_MODALS = frozenset({"could", "would", "might", "should", "may", "must", "'d", "\u2019d"})
_CONDITIONS = frozenset({"if", "unless"})


def _conditional(verb: Token) -> bool:
    """Whether ``verb``'s clause is a condition ("if talks resume", "unless ...")."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


def unreal(doc: Doc, start: int, end: int, climb: int) -> bool:
    """Whether the event the date at characters ``start:end`` dates is one the
    sentence says did not happen, or only might: a counterfactual ("could have
    ended the war of 1950-1953") or a condition ("if talks resume in May"). A
    negated verb is an event still: "were not able to agree on Thursday" is
    how a summit fails.

    The verbs read are those ``tense_of`` reads: the governing verb and the
    ones an untensed verb takes its time from."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb, _ = _governing_verb(span.root, climb)
    while verb is not None:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        modal = bool({a.lower_ for a in auxes} & _MODALS)
        counterfactual = modal and any(a.lemma_ == "have" for a in auxes)
        # "If it passes tonight, the bill could come up on Friday": what a condition
        # would bring about is no event either.
        consequence = modal and any(c.dep_ == "advcl" and _conditional(c)
                                    for c in verb.children)
        if counterfactual or consequence or _conditional(verb):
            return True
        if _tense(verb) is not None:
            return False
        verb = _complemented(verb, climb)
    return False


def attachment(doc: Doc, start: int, end: int, climb: int) -> tuple[bool, int]:
    """How central the event the date at ``start:end`` dates is to its sentence,
    smaller first: (the date sits in a noun phrase rather than modifying its
    verb, arcs from that verb up to the sentence root). "The White House on
    Wednesday released the emails on the 11 September attack" dates the
    release, not the attack; "said on Friday that it expected a vote in
    March" dates the saying."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True, climb + 1
    verb, direct = _governing_verb(span.root, climb)
    if verb is None:
        return True, climb + 1
    depth, head = 0, verb
    while head.head.i != head.i:  # spaCy makes a new Token object on every access
        head, depth = head.head, depth + 1
    return not direct, depth


def _shift(value: str, years: int, days: int) -> str | None:
    if len(value) == 4:
        return f"{int(value) + years:04d}"
    if len(value) == 7:
        return f"{int(value[:4]) + years:04d}{value[4:]}"
    day = datetime.date.fromisoformat(value)
    try:
        return (day.replace(year=day.year + years) + datetime.timedelta(days=days)).isoformat()
    except ValueError:  # 29 February in a common year
        return None


def _index(value: str) -> int:
    """Days (a day) or months (a month) since year 0, to compare distances."""
    if len(value) == 10:
        return datetime.date.fromisoformat(value).toordinal()
    return int(value[:4]) * 12 + int(value[5:7]) if len(value) == 7 else int(value)


def ahead(resolved: tuple[str, str | None], reference: datetime.date, *, by_week: bool,
          nearest: bool = False) -> tuple[str, str | None]:
    """``resolved`` (a yearless date read as the latest such on or before ``reference``)
    moved to the next one after it: a week later for a bare weekday, else a year
    later. With ``nearest`` (an arrangement in the present, or a plan reported
    in the past) a date moves only when that brings it closer to the reference:
    "expires on 31 March" in mid-March is this March, "stands at 4 % in January"
    in March is the January past.
    Dates that do not lie wholly before the reference stay as they are."""
    value, end_value = resolved
    last = end_value or value
    now = reference.isoformat()[:len(last)]
    if last >= now:
        return resolved
    years, days = (0, 7) if by_week else (1, 0)
    moved = _shift(value, years, days)
    moved_end = _shift(end_value, years, days) if end_value else None
    if moved is None or (end_value is not None and moved_end is None):
        return resolved
    if nearest and _index(moved) - _index(now) > _index(now) - _index(last):
        return resolved
    return moved, moved_end
