"""Does one sentence state the same proposition as another, and does it agree?

Shared vocabulary is not the same fact: "the talks ended with an agreement"
and "the talks ended without one" share every content word, and a source
that says the session lasted three hours is about the very session a claim
says lasted five. So a pair of sentences is read in three steps:

1. **Alignment**: does ``b`` carry ``a``'s content words, names and
   figures (who, did what, to what, how many)? Names (and the word opening
   ``a``, usually who acts) and figures weigh double: a sentence about the
   same predicate but another person is another proposition. A pronoun of
   ``b`` may stand for ``a``'s first name when the sentence before names it.
   Below ``CheckOptions.proposition_alignment`` (or the lower bar a close
   MiniLM cosine or a shared figure allows) the relation is *unrelated*.
2. **Contradiction**: the same proposition with another figure ("three
   hours" / "five hours"), another year or weekday, the opposite polarity
   ("without an agreement", "would not be held"), an antonym outcome
   ("accepted" / "disputed"), or ``b`` calling it wrong ("reported
   incorrectly that ..."). Figures and polarity are read with the helpers the
   briefing's factual conflicts use (``parallax.compare.conflicts``), so
   ``check`` and the briefing agree on what a clash is.
3. **Modality**: a ``b`` that only hedges, expects or reports the
   proposition as someone's allegation or another outlet's story ("was
   expected to be signed", "the report claimed that ..."), or carries it
   only inside a quotation, *discusses* it, unless ``a`` is itself about
   what was said or reported ("X reported that ..."). Plain attribution to
   a source ("officials said") still states the fact: news attributes
   nearly everything. A ``b`` that states the rest of ``a`` but not its
   figure, year, weekday or age discusses it too: a headline of the event
   is no support for the day it happened.

Public API (stable; ``compare.check`` and ``compare.conflicts`` use it)::

    relate(a, b, lang=ENGLISH, *, cosine=None, context="", options=...) -> Relation
    Relation(stance, reason, words, alignment, agreed)
    alignment(a, b, lang=ENGLISH, context="") -> float
    content_share(a, b, lang=ENGLISH) -> float     (what was done, names aside)
    asserts(b, a, lang=ENGLISH) -> (reason, words) | None   (modality alone)
    years_compared(a, b) -> "same" | "different" | None

``Relation.stance`` is what ``b`` does to ``a``, in ``check``'s vocabulary:
"supports", "contradicts", "discusses" or "unrelated". ``reason`` names the
rule that decided it (see ``REASONS``); ``words`` are the words of ``b``
(and, for a clash, of ``a``) that decide it, for a reader to check;
``agreed`` the figures, years or weekdays both state alike (a support that
agrees on the claim's figure outweighs one that only shares the topic).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from parallax.compare.conflicts import (
    compare_figures,
    date_anchor,
    is_name,
    negated_terms,
    negated_within,
    number_mentions,
)
from parallax.lang import LanguagePack
from parallax.lang.en import ENGLISH
from parallax.model import Stance
from parallax.options import DEFAULT_OPTIONS, CheckOptions

__all__ = ["IMPLICIT_NEGATION", "REASONS", "Relation", "alignment", "asserts",
           "content_share", "hedges", "relate", "years_compared"]

REASONS = (
    "different proposition",  # unrelated: b does not carry a's words and names
    "figure",                 # contradicts: another number for the same noun
    "year",                   # contradicts: another year for the same word
    "weekday",                # contradicts: another day of the week
    "age",                    # contradicts: another age for the person
    "polarity",               # contradicts: b negates what a asserts
    "antonym",                # contradicts: b states the opposite outcome
    "called wrong",           # contradicts: b says a's proposition is wrong
    "hedged",                 # discusses: b hedges or expects it
    "alleged",                # discusses: b reports it as someone's allegation
    "quoted",                 # discusses: b carries it only inside a quotation
    "unstated detail",        # discusses: b states it without a's figure, date or age
    "restates",               # supports: b states it
)

# A person's age: "a 14-year-old", "aged 14", "at the age of 14", "she was 14".
_AGE = re.compile(r"\b([a-z]+|\d{1,3})-year-old\b|\baged? (\d{1,3})\b|\bage of (\d{1,3})\b"
                  r"|\b(?:he|she|they|i) (?:was|were|is|are) (\d{1,3})\b(?![.,]\d)",
                  re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?!\d|[.,]\d)")
# A negator governs words of its own clause only: in '"... are not accurate,"
# said the spokesman' the "not" does not reach "said".
_CLAUSE_BREAK = re.compile(r"[,;:()\"\u201c\u201d\u2013\u2014]|\s-\s")
# Clauses for what a date dates: punctuation, and the conjunctions that open
# a clause of another event ("returned on Sunday after the talks ended").
_SUBCLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:after|before|when|while|since|until|"
                        r"as|because|although|though)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that negate without a negator: a claim built on them ("adopted him to
# prevent him from turning into ...") meets its affirmative paraphrase in
# sentences negated in other words, which a negator list cannot pair.
IMPLICIT_NEGATION = _lexicon("""
prevent prevents prevented stop stops stopped avoid avoids avoided deny denies denied refuse
refuses refused fail fails failed lack lacks lacked absent cancel cancels cancelled block blocks
blocked keep keeps kept fake hoax false
""")
# Modality: the sentence does not assert that it happened ("was expected to be
# signed", "may have", "could take place"). General English, not fitted.
_MODAL = _lexicon("""
may might could possibly perhaps probably likely unlikely expected expects expect anticipated
hoped hopes intends intended whether if potential potentially
""")
# The sentence reports the proposition as someone's allegation, another
# outlet's report or story, or a point in dispute, not as fact ("a report
# that said ...", "did not dispute that ...").
_ALLEGED = _lexicon("""
alleged allegedly allegation allegations allege alleges accused accuses accusation accusations
claim claims claimed claiming purportedly purported supposedly reportedly rumor rumors rumour
rumours rumored rumoured unconfirmed unverified theory theories speculation report reports
reported reporting article articles story stories dispute disputes disputed disputing
""")
# Pronouns that stand for a person named in the sentence before.
_PRONOUNS = _lexicon("he she they his her their him them")
# Words that call what the sentence reports wrong or made up ("reported
# incorrectly that ...", "the pictures are a hoax"). Not "denied" or "false":
# a party denying an accusation is one side of an account, which the article
# reports without taking (so it only discusses it).
_REPORTED_WRONGLY = _lexicon("incorrectly falsely erroneously wrongly mistakenly inaccurately")
# Made up: said of the thing itself. When the claim is about what someone
# said, these are the words of a side ("the very definition of fake news"),
# not the writer's correction of the claim.
_MADE_UP = _lexicon("hoax hoaxes fake faked doctored fabricated debunked untrue bogus photoshopped")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*(?:[\"\u201d]|$)")
# Opposite outcomes, by root (lang.root of lang.stem): general news verbs and
# adjectives, not drawn from any evaluation text.
_ANTONYM_PAIRS = (
    ("accept", "reject"), ("accept", "disput"), ("accept", "deny"), ("admit", "deny"),
    ("confirm", "deny"), ("confirm", "disput"), ("retract", "maintain"), ("retract", "defend"),
    ("approv", "reject"), ("approv", "veto"), ("pass", "fail"), ("win", "lose"),
    ("won", "lost"), ("increas", "decreas"), ("ris", "fall"), ("rais", "cut"),
    ("open", "clos"), ("guilty", "innocent"), ("acquit", "convict"), ("support", "oppos"),
    ("back", "oppos"), ("agre", "refus"), ("agre", "disagre"), ("aliv", "dead"),
    ("surviv", "di"), ("arrest", "releas"), ("true", "fals"), ("accurat", "inaccurat"),
    ("accurat", "distort"), ("accurat", "distortion"), ("accurat", "incorrect"),
    ("accept", "denial"), ("accept", "rejection"), ("legal", "illegal"),
    ("success", "failur"), ("allow", "ban"), ("allow", "block"), ("permit", "prohibit"),
    ("includ", "exclud"), ("includ", "omit"), ("lift", "impos"), ("expand", "shrink"),
)


def _opposites() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for left, right in _ANTONYM_PAIRS:
        found.setdefault(left, set()).add(right)
        found.setdefault(right, set()).add(left)
    return {word: frozenset(others) for word, others in found.items()}


_OPPOSITE = _opposites()


@dataclass(frozen=True, slots=True)
class Relation:
    """What sentence ``b`` does to the proposition of sentence ``a``.

    ``stance`` in check's vocabulary, ``reason`` one of ``REASONS``,
    ``words`` the deciding words (for a clash: ``b``'s value, then ``a``'s),
    ``alignment`` the weighted share of ``a``'s terms ``b`` carries,
    ``agreed`` the figures, years and weekdays both give alike.
    """

    stance: Stance
    reason: str
    words: tuple[str, ...] = ()
    alignment: float = 0.0
    agreed: tuple[str, ...] = ()


def _term(word: str, lang: LanguagePack) -> str:
    """A word's comparable form: possessive dropped, stemmed, final "e" dropped."""
    return lang.root(lang.stem(_POSSESSIVE.sub("", word.casefold())))


# A claim meets every sentence of every article, and each pair reads both
# sides' terms several times; bounded, so a long process does not grow.
@lru_cache(maxsize=1 << 15)
def _terms(text: str, lang: LanguagePack) -> Mapping[str, bool]:
    """Content terms of ``text`` (no negators, no digits), each with whether it is a name."""
    stop = lang.stopwords()
    found: dict[str, bool] = {}
    for position, raw in enumerate(lang.word.findall(text)):
        word = _POSSESSIVE.sub("", raw.casefold().replace("\u2019", "'"))
        if (word in stop or word in lang.negators or word in lang.negated_forms
                or any(c.isdigit() for c in word) or len(word) < 2):
            continue
        name = position > 0 and raw[:1].isupper()
        # "record-breaking" carries "record", "talking-points" "points".
        for part in (word, *(word.split("-") if "-" in word else ())):
            if part and part not in stop:
                term = _term(part, lang)
                found[term] = found.get(term, False) or name
    return MappingProxyType(found)


def _opening_name(a: str, lang: LanguagePack) -> str | None:
    """The term of ``a``'s first word when it is capitalised and not a stop word.

    A claim most often opens on who acts ("Trump backed ...", "BuzzFeed
    retracted ..."), which the capitalisation test for names cannot see at
    the start of a sentence.
    """
    words = lang.word.findall(a)
    if not words or not words[0][:1].isupper():
        return None
    word = _POSSESSIVE.sub("", words[0].casefold())
    return None if word in lang.stopwords() else _term(word, lang)


def alignment(a: str, b: str, lang: LanguagePack = ENGLISH, context: str = "") -> float:
    """The share of ``a``'s content terms that ``b`` carries, names and numbers weighing double.

    1.0: ``b`` names every actor, figure and content word of ``a``; 0.0: none.
    ``context`` is the text before ``b``, whose naming of ``a``'s first name a
    pronoun of ``b`` may stand for.
    A figure counts as carried when ``b`` counts the same noun ("8 billion",
    "five hours") or also gives an age, whatever the number: a different one is the same
    proposition with another value, a clash, not another proposition.
    """
    ours, theirs = _terms(a, lang), _terms(b, lang)
    counted = number_mentions(a)
    if not ours and not counted:
        return 0.0
    named = _terms(context, lang) if context else {}
    opening = _opening_name(a, lang)
    weight = {term: 2.0 if name or term == opening else 1.0 for term, name in ours.items()}
    aged = bool(_ages(a, lang))
    total = sum(weight.values()) + 2.0 * (len(counted) + aged)
    first = next((t for t, name in ours.items() if name or t == opening), None)
    if (context and first is not None and first not in theirs and first in named
            and not _PRONOUNS.isdisjoint(lang.letters.findall(b.lower()))):
        # "He obtained ..." after a sentence naming him: a pronoun stands for
        # the claim's first name (usually who acts) when the sentence before
        # names it. One name only: the rest must be in the sentence itself.
        theirs = {**theirs, first: True}
    carried = sum(w for t, w in weight.items() if t in theirs)
    same, different = compare_figures(a, b)
    carried += 2.0 * (len(counted.keys() & (same | different)) + (aged and bool(_ages(b, lang))))
    return carried / total


def content_share(a: str, b: str, lang: LanguagePack = ENGLISH) -> float:
    """The share of ``a``'s words other than names and counted nouns that ``b`` carries.

    What was done, not who or how many: "the two leaders returned to their
    hotels" names the leaders of "the two leaders signed the declaration"
    and counts them alike, but says nothing of a signing. 1.0 when ``a`` has
    no such words.
    """
    ours, theirs = _terms(a, lang), _terms(b, lang)
    counted = number_mentions(a).keys()
    words = [t for t, name in ours.items() if not name and t not in counted]
    return sum(t in theirs for t in words) / len(words) if words else 1.0


def _years(text: str) -> dict[str, set[str]]:
    """Four-digit years by the word they date ("completed in 2001" -> {"complet": {"2001"}})."""
    found = list(_YEAR.finditer(text))
    spans = [m.span() for m in found]
    dated: dict[str, set[str]] = {}
    for k, match in enumerate(found):
        anchor = date_anchor(text, spans, k)
        if anchor is not None:
            dated.setdefault(anchor, set()).add(match.group())
    return dated


def _ages(text: str, lang: LanguagePack) -> frozenset[int]:
    """The ages a sentence gives people, in digits or number words."""
    found: set[int] = set()
    for match in _AGE.finditer(text):
        value = next(g for g in match.groups() if g is not None).casefold()
        number = int(value) if value.isdigit() else lang.number_words.get(value)
        if number is not None:
            found.add(number)
    return frozenset(found)


def years_compared(a: str, b: str) -> str | None:
    """"same" or "different" when both date the same word with a year, else None.

    Only years are compared as dates: a claim has no publication date to
    resolve "31 March" against, and the briefing's date conflicts need the
    full date analysis of both sides.
    """
    left, right = _years(a), _years(b)
    shared = left.keys() & right.keys()
    if not shared:
        return None
    return "same" if any(left[w] & right[w] for w in shared) else "different"


def _weekdays(text: str, lang: LanguagePack) -> frozenset[str]:
    days = frozenset(lang.weekdays)
    return frozenset(w for w in lang.letters.findall(text.lower()) if w in days)


def _dated_weekdays(b: str, claim_terms: Mapping[str, bool], lang: LanguagePack
                    ) -> frozenset[str]:
    """The weekdays of ``b`` that date something of the claim: their clause carries one
    of the claim's other terms. In "the delegation returned on Sunday after the
    talks ended" Sunday dates the return, not the end of the talks. A clause
    of the weekday alone ("But on Friday, ...") reads on into the next one.
    """
    clauses = [c for c in _SUBCLAUSE.split(b) if c.strip()]
    found: set[str] = set()
    for k, clause in enumerate(clauses):
        days = _weekdays(clause, lang)
        if not days:
            continue
        terms = {t for t in _terms(clause, lang) if t not in days}
        if len(terms) < 2 and k + 1 < len(clauses):
            terms |= _terms(clauses[k + 1], lang).keys()
        if terms & claim_terms.keys():
            found |= days
    return frozenset(found)


def _words(text: str, lang: LanguagePack) -> frozenset[str]:
    return frozenset(lang.letters.findall(text.lower().replace("\u2019", "'")))


def _affirmative(text: str, lang: LanguagePack) -> bool:
    """A plainly affirmative sentence: no negator, implicit negation or question.

    Only such a claim is read against negated restatements: a negated one
    ("won't turn into") meets its affirmative paraphrase in sentences that
    negate in other words ("to prevent him from turning"), which a negator
    list cannot see.
    """
    words = _words(text, lang)
    return not negated_terms(text) and "?" not in text and not words & IMPLICIT_NEGATION


# Verbs of saying, in their written forms: a claim using one is about what
# someone said. (The pack's quote cues are broader: "talk", "point", "find"
# cue quotes but do not make "the talks ended" a report.)
_SAYING = _lexicon("""
say says said saying tell tells told state states stated claim claims claimed insist insists
insisted argue argues argued deny denies denied acknowledge acknowledges acknowledged admit
admits admitted announce announces announced report reports reported write writes wrote
written testify testifies testified stress stresses stressed emphasize emphasizes emphasized
emphasise emphasised assert asserts asserted contend contends contended confirm confirms
confirmed suggest suggests suggested object objects objected warn warns warned accuse accuses
accused allege alleges alleged dispute disputes disputed
""")


def _reporting(text: str, lang: LanguagePack) -> bool:
    """Whether ``text`` is itself about what someone said or reported ("X denied ...")."""
    return not _SAYING.isdisjoint(lang.letters.findall(text.lower()))


def _governing(b: str, cues: frozenset[str], claim_terms: frozenset[str], lang: LanguagePack,
               reach: int) -> list[str]:
    """The cue words of ``b`` that govern one of the claim's terms: one of the ``reach``
    words after the cue is a claim term ("expected to [be] signed"). A cue
    elsewhere in the sentence qualifies something else ("everything it could
    to save ...")."""
    words = [w.casefold() for w in lang.word.findall(b)]
    return sorted({w for i, w in enumerate(words) if w in cues and any(
        _term(_POSSESSIVE.sub("", x), lang) in claim_terms for x in words[i + 1:i + 1 + reach])})


def hedges(text: str, lang: LanguagePack = ENGLISH, *,
           options: CheckOptions = DEFAULT_OPTIONS.check) -> tuple[str, ...]:
    """The hedge cues with which the writer of ``text`` only expects, hopes or
    guesses what it says ("a deal was expected to be signed"): cues governing
    one of its own terms outside quotations. A speaker's hedge inside a quote,
    or a sentence reporting what someone said, is that side's account, which
    the sentence states as a fact. Empty when the writer asserts it."""
    bare = _QUOTED.sub(" ", text)
    if _reporting(bare, lang):
        return ()
    return tuple(_governing(bare, _MODAL, frozenset(_terms(bare, lang)), lang,
                            options.modal_reach))


def asserts(b: str, a: str, lang: LanguagePack = ENGLISH, *,
            options: CheckOptions = DEFAULT_OPTIONS.check) -> tuple[str, tuple[str, ...]] | None:
    """Why ``b`` only discusses ``a`` (``("hedged", words)``, ``("alleged", words)`` or
    ``("quoted", quotations)``), or None when it asserts it as a writer states a fact."""
    ours = _words(a, lang)
    claim_terms = frozenset(_terms(a, lang))
    modal = _governing(b, _MODAL - ours, claim_terms, lang, options.modal_reach)
    if modal and not ours & _MODAL:
        return "hedged", tuple(modal)
    # An allegation or report cue governs the clause it introduces, however long.
    alleged = _governing(b, _ALLEGED - ours, claim_terms, lang, len(b))
    if alleged and not ours & _ALLEGED and not _reporting(a, lang):
        return "alleged", tuple(alleged)
    if not _reporting(a, lang):
        # The claim's words only inside a quotation: a speaker says it, the
        # article does not.
        quoted = [q for q in _QUOTED.findall(b) if claim_terms & _terms(q, lang).keys()]
        outside = claim_terms & _terms(_QUOTED.sub(" ", b), lang).keys()
        if quoted and len(outside) < options.quoted_outside * len(claim_terms):
            return "quoted", tuple(quoted)
    return None


def _negated(text: str, reach: int) -> frozenset[str]:
    """The content terms negators govern in ``text``, clause by clause."""
    return frozenset().union(*(negated_within(clause, reach)
                               for clause in _CLAUSE_BREAK.split(text)))


# Negators that deny what follows a verb rather than the verb itself: "ended
# without a deal", "reached no agreement". ("His service never took him"
# denies the taking, not the service.)
_COMPLEMENT_NEGATORS = _lexicon("without no")


def _negated_complements(b: str, claim_terms: Mapping[str, bool], lang: LanguagePack
                         ) -> list[str]:
    """Claim terms that ``b`` follows straight with a negator: "ended without a deal" denies
    "ended with an agreement" whatever the deal is called."""
    words = [_POSSESSIVE.sub("", w.casefold()) for w in lang.word.findall(b)]
    return [words[i - 1] for i in range(1, len(words))
            if words[i] in _COMPLEMENT_NEGATORS and _term(words[i - 1], lang) in claim_terms
            and not claim_terms[_term(words[i - 1], lang)]]


def _clash(a: str, b: str, lang: LanguagePack, options: CheckOptions
           ) -> tuple[tuple[str, tuple[str, ...]] | None, tuple[str, ...]]:
    """The contradiction of ``a`` that ``b`` states (reason and words), and what they agree on."""
    claim_terms = _terms(a, lang)
    same, different = compare_figures(a, b)
    agreed: list[str] = sorted(same)
    if different and not same:
        return ("figure", tuple(sorted(different))), ()
    years = years_compared(a, b)
    if years == "different":
        return ("year", tuple(_YEAR.findall(b))), tuple(agreed)
    if years == "same" or set(_YEAR.findall(a)) & set(_YEAR.findall(b)):
        agreed.append("year")
    old, young = _ages(a, lang), _ages(b, lang)
    if old and young and not old & young:
        return ("age", tuple(str(n) for n in sorted(young | old))), tuple(agreed)
    if old & young:
        agreed.append("age")
    ours, theirs = _weekdays(a, lang), _dated_weekdays(b, claim_terms, lang)
    if ours and theirs and not ours & theirs:
        return ("weekday", tuple(sorted(theirs)) + tuple(sorted(ours))), tuple(agreed)
    agreed.extend(sorted(ours & theirs))
    if _affirmative(a, lang) and "?" not in b:
        denied = sorted(t for t in _negated(b, options.negation_reach)
                        if lang.root(t) in claim_terms and not is_name(b, t)
                        and not t.isdigit())
        denied += _negated_complements(b, claim_terms, lang)
        if _reporting(a, lang):
            # A claim about what someone said is denied only by "did not say";
            # "he said he had not ..." is another statement, which may also
            # have been made.
            denied = [t for t in denied if t in _SAYING]
        if denied:
            return ("polarity", tuple(denied)), tuple(agreed)
    b_terms = _terms(b, lang)
    negated = {lang.root(t) for t in _negated(b, options.negation_reach)}
    for term in claim_terms:
        # "not accurate" says what "inaccurate" says.
        opposite = sorted(_OPPOSITE.get(term, frozenset()) & b_terms.keys() - negated)
        if opposite and term not in b_terms:
            return ("antonym", (*opposite, term)), tuple(agreed)
    cues = _REPORTED_WRONGLY if _reporting(a, lang) else _REPORTED_WRONGLY | _MADE_UP
    wrong = sorted(_words(_QUOTED.sub(" ", b), lang) & cues - _words(a, lang))
    if wrong:
        return ("called wrong", tuple(wrong)), tuple(agreed)
    return None, tuple(agreed)


def _anchoring(a: str, same: frozenset[str]) -> bool:
    """Whether a figure both sentences give alike anchors them to one fact.

    "One" and "two" are too common to: "the two leaders", "the two sides"
    count who is there, not what happened ("two leaders returned to their
    hotels" is no restatement of "two leaders signed the declaration").
    """
    counted = number_mentions(a)
    return any(value > 2 for unit in same for value in counted.get(unit, ()))


def _specific(a: str, lang: LanguagePack) -> bool:
    """Whether ``a`` gives a figure, year, weekday or age a support has to state too."""
    return bool(number_mentions(a) or _YEAR.search(a) or _weekdays(a, lang) or _ages(a, lang))


def relate(a: str, b: str, lang: LanguagePack = ENGLISH, *, cosine: float | None = None,
           context: str = "", options: CheckOptions = DEFAULT_OPTIONS.check) -> Relation:
    """What sentence ``b`` does to the proposition of sentence ``a`` (see the module doc).

    ``cosine`` is the two sentences' MiniLM cosine when the caller has it: a
    close paraphrase in other words ("stripped out" for "removed") then needs
    fewer shared terms (``CheckOptions.paraphrase_cosine``), as does one giving
    the claim's own figure. ``context``: the sentence before ``b``, for the
    names ``b`` refers to by pronoun.
    """
    share = alignment(a, b, lang, context)
    needed = options.proposition_alignment
    paraphrase = cosine is not None and cosine >= options.paraphrase_cosine
    if paraphrase or _anchoring(a, compare_figures(a, b)[0]):
        # A close paraphrase, or the same figure for the same noun ("about $8
        # billion in all"), needs fewer of the claim's other words.
        needed = options.paraphrase_alignment
    if share < needed:
        return Relation("unrelated", "different proposition", (), share)
    clash, agreed = _clash(a, b, lang, options)
    modality = asserts(b, a, lang, options=options)
    if clash is not None:
        reason, words = clash
        # A clash the sentence only hedges or alleges ("may not be as bad")
        # reports a doubt, not the opposite; the writer's own "incorrectly"
        # is a statement whatever it reports.
        if modality is None or reason == "called wrong":
            return Relation("contradicts", reason, words, share, agreed)
    if modality is not None:
        return Relation("discusses", modality[0], modality[1], share, agreed)
    if not agreed and _specific(a, lang):
        # "released about 300 pages" is not stated by a sentence that gives
        # no number of pages, nor "ended on Sunday" by one without a day (a
        # headline of the event): the sentence addresses the claim only.
        return Relation("discusses", "unstated detail", (), share, agreed)
    return Relation("supports", "restates", (), share, agreed)
