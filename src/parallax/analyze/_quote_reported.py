"""Reported statements: what a cue says in the parse, attributed to its source.

A speech or belief verb's clause (`X said (that) ...`), the statement
around an attribution set off by commas (`..., officials said.`), the
object, infinitive or topic of a cue verb (see ``_quote_cues``), a noun
cue's "that" clause, the sentence around `according to X`, and the rest of
a paragraph opened by a name and a colon. Each gives one indirect quote,
unless the cue asserts nothing (``_quote_asserted``): then, with what it
reports and who it is reported of, an attribution of the kind that says why
(``Attribution``), as do plans and refusals (``_quote_intents``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from parallax.analyze._quote_asserted import (
    possessed,
    question,
    recounted,
    subordinate,
    subordinated,
    unsaid,
    unsaid_noun,
)
from parallax.analyze._quote_cues import object_tokens, reported_clause
from parallax.analyze._quote_intents import intended, intends, intention, opened, unstated
from parallax.analyze._quote_speakers import SPEAKER_LABELS
from parallax.analyze._quote_state import (
    OUTSIDE,
    RELATIVE,
    ArticleState,
    find_source,
    find_subject,
    speaker_like,
    token_span,
)
from parallax.datelines import DATELINE
from parallax.lang import QuoteCues
from parallax.model import Attribution, AttributionKind, Quote, QuoteKind, Span

__all__ = ["aside", "carried", "noun_cued", "reported_quotes"]

# Objects of a cue that are what was said, not whom it was told to.
_NOT_HEARERS = frozenset({"it", "this", "that", "so", "what", "which", "nothing", "something"})
# The writer and the one addressed: an "as" aside of theirs attributes nothing.
_PERSONAL = frozenset({"i", "we", "you"})
# Pronouns by which a clause after an attribution speaks of the speakers again.
_SPEAKERS_AGAIN = frozenset({"he", "she", "they", "we", "i"})
# What may close a quoted passage after the last word of the clause it ends.
_CLOSING = " .,;:!?"
# Dependents that are a verb's arguments.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# Closing brackets and their openers.
_BRACKETS = {")": "(", "]": "["}
# Dependents of a cue that say when or how the words were said ("Speaking to reporters,").
_ABOUT_THE_SAYING = frozenset({"advcl", "prep", "npadvmod", "advmod"})


def _clause_range(tokens: Sequence[Token], cues: QuoteCues) -> tuple[int, int] | None:
    """Characters of a reported statement without its "that", edge punctuation and marks."""
    # In text order: a subtree lists a fronted word after its head ("asked what the town
    # suffers from" gives "what" after "suffers"), and the span runs first to last.
    tokens = sorted(tokens, key=lambda t: t.i)
    # A clause never runs over a line break (a heading glued to the next line).
    breaks = [i for i, t in enumerate(tokens) if "\n" in t.text_with_ws]
    if breaks:
        tokens = tokens[:breaks[0] + (not tokens[breaks[0]].is_space)]
    # The clause's own "that" goes; "if" opening a condition inside it stays ("said if
    # the storm passed, the pier would reopen").
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    # A conjunction the parse made an argument ("that" as the object of a verb inside the
    # clause) is the clause's "that" all the same.
    while tokens and ((tokens[0].dep_ == "mark" and (root is None or tokens[0].head.i == root.i))
                      or (tokens[0].pos_ == "SCONJ" and tokens[0].dep_ in _ARGUMENTS
                          and tokens[0].head.i in inside and root is not None
                          and tokens[0].head.i != root.i)
                      or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    cut = aside(tokens)
    if cut is not None:
        tokens = tokens[:cut]
    tokens = tokens[:_next_statement(tokens, cues)]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc") and not _closes(tokens):
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _closes(tokens: Sequence[Token]) -> bool:
    """Whether the last token closes a bracket opened inside ``tokens`` ("Ada Moss
    (D-Ore.)"): cut, the statement would end inside the parenthesis."""
    closer = tokens[-1].text
    opener = _BRACKETS.get(closer)
    return opener is not None and sum(t.text == opener for t in tokens) > sum(
        t.text == closer for t in tokens[:-1])


def _next_statement(tokens: Sequence[Token], cues: QuoteCues) -> int:
    """Where a second statement joined by "and" starts, or the end.

    In `Kestria said it would return and warned against delays` the warning is
    a statement of its own, with its own cue.
    """
    for index, token in enumerate(tokens[1:], start=1):
        # A conjunct in the form of the verb it joins goes on the reported clause
        # (`witnesses said the driver ran the light and talked about ...`); one in another
        # form (`it would return and warned`) or after another cue (`she promised to stay
        # and said ...`) is a statement of its own.
        fits = token.tag_ == token.head.tag_ and token.head.lemma_.lower() not in cues.lemmas
        # "neither confirm nor deny", "both admitted and regretted": one statement.
        fits = fits or any(c.dep_ == "preconj" for c in token.head.children)
        if token.dep_ == "conj" and token.pos_ == "VERB" and (
                token.lemma_.lower() in cues.lemmas) and not fits and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return token.left_edge.i - tokens[0].i if token.left_edge.i > tokens[0].i else index
    return len(tokens)


def aside(tokens: Sequence[Token]) -> int | None:
    """Where a trailing aside set off by a comma starts, if the statement ends with one.

    `... in the air, contradicting the police` and `... climate change, which
    makes him an outlier` add the writer's comment to the reported words, and
    `..., according to the Ledger` the outlet's source; a
    relative clause in the middle (`the law, which passed in May, was unfair`)
    does not reach the end and stays.
    """
    if not tokens:
        return None
    last = tokens[-1].i
    for index, token in enumerate(tokens[1:], start=1):
        # "..., according to the Ledger" names a source: no part of what was said.
        participle = (token.dep_ in ("advcl", "acl") and token.tag_ == "VBG") or (
            token.lower_ == "according")
        relative = token.dep_ == "relcl" or (
            token.dep_ == "advcl" and token.left_edge.lower_ in RELATIVE)
        if not (participle or relative) or token.right_edge.i < last:
            continue
        start = token.left_edge.i - tokens[0].i
        if 1 < start <= index and tokens[start - 1].text == ",":
            return start - 1
    return None


def _according_to(state: ArticleState, token: Token) -> Quote | None:
    """ "according to X, ..." : the sentence around the phrase, attributed to X."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if to is None or source is None:
        return None
    phrase_start, phrase_end = token.idx, source.right_edge.idx + len(source.right_edge)
    sentence = state.sentences[state.sentence_range(token.idx, token.idx + 1)[0]]
    if not state.speakers.names_person(source) and _speaks(
            state, sentence.start, sentence.end, (phrase_start, phrase_end)):
        return None
    text = state.article.text
    start, end = sentence.start, sentence.end
    if text[start:phrase_start].strip(" ,") == "":
        start = phrase_end
    elif text[phrase_end:end].strip(" ,.") == "":
        end = phrase_start
    start += len(text[start:end]) - len(text[start:end].lstrip(" ,"))
    end -= len(text[start:end]) - len(text[start:end].rstrip(" ,.;"))
    if end - start < 2:
        return None
    return state.quote(start, end, "indirect", source, (token.idx, to.idx + len(to)))


def _speaks(state: ArticleState, start: int, end: int, phrase: tuple[int, int]) -> bool:
    """Whether someone makes a statement of their own in ``start:end`` outside ``phrase``.

    In `Moss warned Roe in private that ..., according to the Post` Moss is
    the speaker and the outlet only the channel: the sentence is Moss's
    statement (found from "warned"), not the Post's. A person after
    "according to" is the speaker (`According to Moss, Roe demanded ...`).
    """
    span = state.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ == "VERB" and t.lemma_.lower() in state.cues.reporting
        and not phrase[0] <= t.idx < phrase[1] and not state.marked(t.idx)
        and not any(c.dep_ == "neg" for c in t.children)
        and (subject := find_subject(t, state.speakers, resolvable=False)) is not None
        and speaker_like(subject, state.speakers) for t in span)


def _set_off(state: ArticleState, verb: Token) -> tuple[int, int] | None:
    """The statement around an attribution set off by commas, with no clause of its own.

    `The plan is sound, officials said.` and `The plan, he said, is sound.`:
    the parse often hangs the statement elsewhere (the cue becomes a
    parenthetical). A trailing attribution leaves the sentence before its
    comma; a parenthetical one sits inside the statement, which is then the
    whole sentence (one span cannot skip the middle).
    """
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or any(c.dep_ == "xcomp" or (c.dep_ == "dobj" and not _hearer(c))
                              for c in verb.children):
        return None
    # "..., especially when she is speaking at dinners": a cue under a subordinator
    # says when the main clause holds, not who said it.
    if any(c.i < verb.i and (c.dep_ == "mark" or c.pos_ == "SCONJ") for c in verb.children):
        return None
    # "..., a role in which she advises the president": a relative clause describes
    # its noun; what comes before it is not what the cue reports.
    if verb.dep_ == "relcl":
        return None
    first, last = _attribution_phrase(verb)
    doc = state.doc
    if first == 0 or doc[first - 1].text != ",":
        return None
    sentence = state.sentences[state.sentence_range(verb.idx, verb.idx + 1)[0]]
    after = doc[last + 1] if last + 1 < len(doc) else None
    text = state.article.text
    # "In a response on Monday, Ada Moss said": the words before the comma say when
    # or how she spoke, not what.
    about_the_saying = any(
        c.dep_ in _ABOUT_THE_SAYING and c.i < first and c.right_edge.i >= first - 2
        and c.left_edge.idx <= sentence.start + 1 for c in verb.children)
    if after is None or after.idx >= sentence.end or after.text in (".", "!", "?"):
        start, end = sentence.start, doc[first - 1].idx
        if about_the_saying or subordinate(state, start, end):
            return None
    elif after.text == "," and not _goes_on(verb, last + 2):
        # "Reacting to the firing, the president tweeted, "finally," ...": the opening
        # is about the saying, unless a clause of its own follows the attribution
        # ("Driven by greed, they said, he used his power ..." speaks of "he").
        if about_the_saying and not _clause_after(doc, last + 2, sentence.end):
            return None
        start, end = sentence.start, sentence.end
    elif after.text == ",":
        # "..., harbour leaders said Friday, as they gathered ...": the cue's own clause
        # follows the comma; the statement is before the attribution.
        start, end = sentence.start, doc[first - 1].idx
    else:
        return None
    # A dateline opening the story is no part of its first statement.
    dateline = DATELINE.match(text, sentence.start, end)
    return _fragment(state, dateline.end() if dateline else start, end)


def _attribution_phrase(verb: Token) -> tuple[int, int]:
    """The first and last token of the attribution a cue verb makes: the verb with its
    subject and modifiers ("officials said in a June report"), not what it reports."""
    phrase = [verb, *(t for c in verb.children if c.dep_ not in OUTSIDE for t in c.subtree)]
    return min(t.i for t in phrase), max(t.i for t in phrase)


def _clause_after(doc: Doc, index: int, end: int) -> bool:
    """Whether the words from ``index`` to the character ``end`` hold a main clause: a
    verb with a subject, under no subordinator ("whether the case will be dropped")."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i >= index and not any(
        c.dep_ == "mark" for c in t.head.children) and t.head.dep_ not in ("relcl", "acl")
        for t in doc[index:] if t.idx < end)


def _around_attribution(state: ArticleState, verb: Token, reported: tuple[int, int]
                        ) -> tuple[Span, ...]:
    """The pieces of a statement that its own attribution interrupts, set off by commas
    ("The launch, the ministry said, was its largest"): the words before the first comma
    and after the second, so the statement reads without "the ministry said" while its
    span still runs over the whole (as a direct quote's ``parts`` do). None otherwise."""
    first, last = _attribution_phrase(verb)
    doc = state.doc
    if first == 0 or last + 2 >= len(doc) or doc[first - 1].text != "," or (
            doc[last + 1].text != ",") or not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return ()
    before, after = doc[first - 1].idx, doc[last + 2].idx
    if not reported[0] < before or not after < reported[1]:
        return ()
    return (state.article.span(reported[0], before), state.article.span(after, reported[1]))


def _fragment(state: ArticleState, start: int, end: int, tail: str = " ,.;"
              ) -> tuple[int, int] | None:
    """``start:end`` without the blanks before it and the blanks and ``tail``
    punctuation after it, when it keeps ``fragment_words`` words: shorter is a
    fragment of a sentence, no statement."""
    text = state.article.text
    start += len(text[start:end]) - len(text[start:end].lstrip())
    # The closing mark of the quote before (a sentence split after it) opens nothing.
    if any(close == start + 1 for _, close in state.marks):
        start += 1 + len(text[start + 1:end]) - len(text[start + 1:end].lstrip())
    end -= len(text[start:end]) - len(text[start:end].rstrip(tail))
    return (start, end) if len(text[start:end].split()) >= state.options.fragment_words else None


def _as_noted(state: ArticleState, verb: Token) -> tuple[int, int] | None:
    """The sentence an "as" clause attributes: `As engineers have noted, the dam is sound.`

    The cue is a clause of its own, under the sentence it sets off, with its
    subject and nothing said in it (no clause or object but whom it was told
    to); the statement is the sentence without that clause, or the whole
    sentence when the clause sits inside it. Not verbs that also name a spell
    of talking ("as she testified, crowds gathered" says when).
    """
    cues = state.cues
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
    if mark is None or mark.lower_ not in cues.asides or verb.dep_ != "advcl" or (
            verb.lemma_.lower() in cues.activities or verb.lemma_.lower() not in cues.speech):
        return None
    # "as I noted", "as you pointed out": the writer's own aside, or an interviewer's.
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _PERSONAL or any(
            c.dep_ in ("ccomp", "xcomp", "nsubjpass") or (c.dep_ == "dobj" and not _hearer(c))
            for c in verb.children):
        return None
    doc = state.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    sentence = state.sentences[state.sentence_range(verb.idx, verb.idx + 1)[0]]
    before = doc[first - 1] if first > 0 and doc[first - 1].idx >= sentence.start else None
    after = doc[last + 1] if last + 1 < len(doc) and doc[last + 1].idx < sentence.end else None
    if before is None and after is not None and after.text == ",":
        start, end = after.idx + 1, sentence.end
    elif before is not None and before.text == "," and (
            after is None or after.text in (".", "!", "?")):
        start, end = sentence.start, before.idx
    elif before is not None and before.text == "," and after is not None and after.text == "," and (
            not subordinated(verb.head)) and verb.head.dep_ == "ROOT":
        # Inside the sentence: the whole of it, unless what the clause sits in is itself
        # subordinate ("If, as I noted, the dam fails, ...": what it is said of is unclear).
        start, end = sentence.start, sentence.end
    else:
        return None
    return _fragment(state, start, end)


def _told_that(verb: Token, cues: QuoteCues) -> Token | None:
    """The "that" clause the parse hung on the cue's hearer: in `told a meeting of
    leaders that few people understood the stakes` it makes "understood" a relative
    clause of "meeting", but a relative clause has no "that" as a conjunction (its
    "that" is a subject or object); one marked so is what was told. Only after a verb
    of telling, whose object is a hearer: after others ("emphasizing the threat that
    a defeat would constitute") the parse's mark is a relative "that"."""
    if verb.lemma_.lower() not in cues.telling:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return next((t for t in obj.subtree if t.dep_ in ("relcl", "acl") and t.pos_ == "VERB"
                 and any(c.dep_ == "mark" and c.lower_ == "that" and c.i < t.i
                         for c in t.children)), None)


def _hearer(obj: Token) -> bool:
    """Whether a cue's object is whom the words were told ("he told me", "she told
    reporters", "told The Ledger"), a short name or pronoun, not what was said."""
    words = [t for t in obj.subtree if not t.is_punct]
    return len(words) <= 3 and obj.lower_ not in _NOT_HEARERS and (
        obj.pos_ in ("NOUN", "PROPN") or (obj.pos_ == "PRON" and obj.tag_ == "PRP"))


def _goes_on(verb: Token, index: int) -> bool:
    """Whether the word at ``index`` (after the comma closing an attribution) hangs from
    the cue as a clause of its own ("..., she said, adding that ...", "as they ...")."""
    doc = verb.doc
    if index >= len(doc) or not verb.is_ancestor(doc[index]):
        return False
    child = doc[index]
    while child.head.i != verb.i:
        child = child.head
    # "..., Brask said, until the yard closed in 1999": a clause with a subject of its
    # own goes on the statement; "as they gathered" speaks of the speakers.
    subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    own = subject is not None and subject.lower_ not in _SPEAKERS_AGAIN
    return child.i > verb.i and child.dep_ in ("advcl", "conj", "xcomp") and not own


def _relayed(state: ArticleState, verb: Token, start: int, end: int) -> bool:
    """Whether a statement before its attribution is itself someone named saying something.

    In `Mr. Roe said he lied because he was afraid, prosecutors said.` the
    claim is Roe's, relayed by the prosecutors: his own cue reports it (the
    reader quotes Roe, as reported), and the prosecutors' attribution adds no
    statement of theirs. Only a verb of saying: in `Roe thinks the plan will
    fail, his office said.` the office states what Roe thinks. Not when the
    attribution speaks for the one it names (`The Ledger stood by its report,
    its editor, Ada Moss, said.`): the editor makes the statement.
    """
    subject = find_subject(verb, state.speakers, resolvable=False)
    if subject is not None and any(t.dep_ == "poss" and t.pos_ == "PRON"
                                   for t in subject.subtree):
        return False
    span = state.doc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None else None
    return (root is not None and root.pos_ == "VERB" and not state.marked(root.idx)
            and root.lemma_.lower() in state.cues.speech
            and find_subject(root, state.speakers, resolvable=True) is not None)


def _verb_statement(state: ArticleState, verb: Token, lemma: str, partial: Sequence[Quote]
                    ) -> tuple[tuple[int, int], AttributionKind | None] | None:
    """What a cue verb reports: its set-off statement, clause, object, infinitive or
    topic, and why that is no statement (None when it is one; see ``object_tokens``).

    An object or infinitive holding a quoted fragment (`called the plan "a
    trap"`) is already that partial quote, which says more than the
    paraphrase would.
    """
    if lemma in state.cues.reporting:
        # The clause after the cue: one before it is a statement of its own that
        # the parse hung here ("X says A; Y says B" makes "X says A" a clause of
        # the second "says"). A clause before it with no break between is the
        # set-off case below.
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        # "In a reply shortly after the letters were published, Brandt said just that":
        # a clause before the cue opened by a subordinator says when, not what.
        clause = next((c for c in clauses if c.i > verb.i), None) or next(
            (c for c in clauses if not any(t.text == ";" for t in verb.doc[c.i:verb.i])
             and not subordinated(c)), None) or _told_that(verb, state.cues)
        # "The launch, the ministry said, was its largest": the parse may give the cue a
        # clause that misses the words before it; a set-off attribution wins.
        reported = _as_noted(state, verb) or _set_off(state, verb) or (
            _clause_range(whole, state.cues) if clause is not None and (
                whole := _whole(verb, clause)) else None)
        if reported is not None and reported[1] <= verb.idx and _relayed(state, verb, *reported):
            return None
        if reported is not None:
            return reported, None
    tokens, kind = object_tokens(verb, lemma, state.cues, state.options.min_object_words,
                                 bare=state.options.bare_objects,
                                 writings=state.speakers.sources.documents)
    reported = _clause_range(tokens, state.cues) if tokens else None
    if reported is None or any(s < reported[1] and reported[0] < e for s, e in (
            (q.span.clean_start, q.span.clean_end) for q in partial)):
        return None
    return reported, kind


def _whole(verb: Token, clause: Token) -> list[Token]:
    """The words of the clause a cue reports, where the parse split it or made it none.

    `saying $2 million in aid was too little`: the parse takes the clause's
    subject for the cue's object, and the clause alone ("was too little") is
    cut inside. `insisting that he'd rather the board decide`: a modal left
    with its subject, the rest hung on the cue as a clause of its own. A
    participle with no auxiliary and a reflexive subject (`found itself
    defending the plan`) is what someone was found doing, no finding: no words.
    """
    children = list(clause.children)
    # Only with a reflexive subject: "a poll shows Moss leading" is the poll's finding.
    if clause.tag_ == "VBG" and any(c.dep_ == "nsubj" and "Yes" in c.morph.get("Reflex", [])
                                    for c in children) and not any(
            c.dep_ in ("aux", "auxpass", "mark") for c in children):
        return []
    tokens = list(clause.subtree)
    # Not past a "that" opening the clause: what comes before it is whom it was told to
    # ("told the Ledger that the site had ...").
    subject = any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark")
                  for t in clause.subtree if t.i < clause.i)
    obj = next((c for c in verb.children if c.dep_ == "dobj"
                and c.right_edge.i + 1 == clause.left_edge.i), None)
    # Only a clause that opens on its verb or an auxiliary of it ("was too little", "have
    # been"): one opening on another word ("what he thought of") is no piece of a clause.
    first = clause.left_edge
    opens = first.i == clause.i or (first.head.i == clause.i and first.dep_ in ("aux", "auxpass"))
    if not subject and opens and clause.pos_ in ("VERB", "AUX") and obj is not None and (
            obj.pos_ != "PRON"):
        tokens = [*obj.subtree, *tokens]
    if clause.tag_ == "MD" and all(c.dep_ in ("nsubj", "mark", "neg", "punct", "advmod")
                                   for c in children):
        after = next((c for c in verb.children if c.dep_ == "ccomp"
                      and c.left_edge.i == clause.right_edge.i + 1 and not c.left_edge.is_punct),
                     None)
        tokens = [*tokens, *(after.subtree if after is not None else ())]
    return tokens


def _declined(state: ArticleState, reported: tuple[int, int]) -> AttributionKind | None:
    """A refusal when what the cue reports is that the speaker does not answer: "said
    she could neither confirm nor deny the figures", "said he would not comment" (the
    reported clause's own verb of answering, negated, with the speaker as its subject)."""
    span = state.doc.char_span(*reported, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() not in state.cues.disclosing:
        return None
    children = list(span.root.children)
    if not any(c.dep_ == "nsubj" and c.lower_ in _SPEAKERS_AGAIN for c in children):
        return None
    negated = any(c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither")
                  for c in children)
    return "refusal" if negated else None


def _noun_source(noun: Token) -> Token | None:
    """Who makes the statement a noun cue names: "Kestria's claim", "X repeated the claim"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None


def _label(state: ArticleState, colon: Token) -> Token | None:
    """The name a paragraph opens with before a colon ("Ministry: talks will resume",
    "HOLT: We are ready" in a transcript): the source of what follows; not the label of
    an editor's notice (``QuoteCues.notices``)."""
    start = state.paragraph_starts[state.paragraph(colon.idx)]
    label = state.doc.char_span(start, colon.idx)
    if label is None or not 0 < len(label) <= state.options.label_words:
        return None
    if not all(t.pos_ == "PROPN" or t.ent_type_ in SPEAKER_LABELS for t in label):
        return None
    # "Correction: ...", "Editor's Note: ...": a notice, nobody's words.
    if any(t.lower_ in state.cues.notices for t in label):
        return None
    return label.root


def _rest_of_sentence(state: ArticleState, colon: Token) -> tuple[int, int] | None:
    """What follows a label's colon to the end of its sentence; not a question, which
    asserts nothing (a kicker before a heading: "Explainer: Why did the talks fail?"),
    nor a heading (``_heading``)."""
    sentence = state.sentences[state.sentence_range(colon.idx, colon.idx + 1)[0]]
    text = state.article.text
    if text[sentence.start:sentence.end].rstrip().endswith("?"):
        return None
    found = _fragment(state, colon.idx + 1, sentence.end, " .;")
    return None if found is None or _heading(text[found[0]:found[1]]) else found


def _heading(text: str) -> bool:
    """Words set as a heading ("Stealth Over Health: Minister Was Headed Home", "BOSS: HE
    IS OUT"): every longer word capitalised. A kicker and its headline, not someone's
    words after a label; a transcript turn is written as a sentence."""
    words = [w for w in text.split() if sum(c.isalpha() for c in w) > 3]
    return len(words) >= 2 and all(w.lstrip("\"'\u201c\u2018(")[:1].isupper() for w in words)


def reported_quotes(state: ArticleState, direct: Sequence[Quote]
                    ) -> tuple[list[Quote], list[Attribution]]:
    """The reported statements, and the attributions a cue makes that are none.

    Both come from one pass over the cues: what a cue reports and who it is
    reported of are read alike; ``kind`` (``AttributionKind``) says when the
    cue takes back, wishes or only points at what it reports.
    """
    quoted = [q for q in direct if q.kind == "direct"]
    partial = [q for q in direct if q.kind == "partial"]
    found: list[Quote] = []
    others: list[Attribution] = []
    for token in state.doc:
        if state.marked(token.idx) or not state.sentences:
            continue
        if token.lower_ == "according":
            quote = _according_to(state, token)
            if quote is not None:
                found.append(quote)
            continue
        lemma = token.lemma_.lower()
        reported: tuple[int, int] | None = None
        speaker: Token | None = None
        # Why what the cue reports is no statement; None while it is one.
        kind: AttributionKind | None = None
        if token.text == ":":
            speaker = _label(state, token)
            reported = _rest_of_sentence(state, token) if speaker is not None else None
        elif token.pos_ == "NOUN":
            clause = reported_clause(token, state.cues)
            if clause is None:
                continue
            # "voiced no concern that ...": taken back.
            negated = unsaid_noun(token, state.cues, state.options.unsaid_reach)
            kind = "negated" if negated else None
            reported = _clause_range(list(clause.subtree), state.cues)
            speaker = _noun_source(token)
        elif token.pos_ == "VERB" and (lemma in state.cues.lemmas or intends(token, state.cues)):
            passive = any(c.dep_ == "nsubjpass" for c in token.children) and not any(
                c.dep_ == "agent" for c in token.children)
            # "senators accused of appeasing the president": a reduced passive; the
            # senators are accused, not accusing (with a clause of its own, "CNN, which
            # ..., announced that ...", or on a subject, "its proposal asked only for
            # ...", also one the parse makes the object of a verb of saying, "Kestria
            # says its proposal asked ...", it is a misparsed verb of saying).
            head = token.head
            passive = passive or (token.dep_ == "acl" and token.tag_ == "VBN" and not any(
                c.dep_ in ("agent", "ccomp") for c in token.children)
                and head.dep_ not in ("nsubj", "nsubjpass") and not (
                    head.dep_ == "dobj" and head.head.lemma_.lower() in state.cues.speech))
            if passive:
                continue  # "Ada Moss was asked whether ...": the passive subject is the hearer
            # "has not announced a date", "without recommending charges": nothing was said.
            kind = unsaid(token, state.cues, state.options.unsaid_reach) or (
                "belief" if recounted(token, state.cues) else None)
            statement = _verb_statement(state, token, lemma, partial) if (
                lemma in state.cues.lemmas) else None
            if statement is not None:
                reported, kind = statement[0], kind or statement[1] or _declined(
                    state, statement[0])
            elif intends(token, state.cues):
                # "plans to visit the dam", "refused to release the files": no statement.
                reported = _clause_range(intended(token, state.cues), state.cues)
                kind = kind or intention(token, state.cues)
            # "X said the port would reopen and warned against ...": the parse joins the
            # warning to the reported clause, but X warns, as in the cut of _next_statement.
            reporter = token.head.head if token.dep_ == "conj" and (
                token.head.dep_ == "ccomp") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children) else token
            # Verbs that are not plainly about saying ("pledged", "criticized") take
            # their own subject, or a source up the parse that names someone: in "rules
            # urging staff to ..." the rules make no statement.
            speakers = state.speakers
            climb = state.options.climb_limit
            speaker = find_source(reporter, speakers, resolvable=False, climb=climb) if (
                lemma in state.cues.reporting) else (
                    find_subject(token, speakers, resolvable=False)
                    or find_source(reporter, speakers, resolvable=True, climb=climb))
        if reported is None or not _carries(state, token, reported, quoted, speaker) or (
                speaker is not None and possessed(state, speaker, token)):
            continue
        # A statement holding a quoted passage of its own cue is a partial quote.
        shape: QuoteKind = "indirect"
        if any(q.span.clean_start < reported[1] and reported[0] < q.span.clean_end
               for q in quoted):
            reported, shape = _marks_kept(state, reported), "partial"
        if kind is None and question(state, token, reported):
            kind = "question"
        # "Here is an excerpt:\n\n"...," she said": words before a line break that a
        # cue after it would report are the outlet's lead-in, not the speaker's.
        if reported[1] <= token.idx and "\n" in state.article.text[reported[1]:token.idx]:
            continue
        if kind is not None:
            reported = opened(state.doc, reported, state.cues)
        # "Correction: ... an earlier version said": the notice's label speaks for no one.
        if speaker is not None and speaker_like(speaker, state.speakers) and not (
                speaker.pos_ == "PROPN" and speaker.lower_ in state.cues.notices):
            named = [t for t in (speaker, *speaker.conjuncts)
                     if state.speakers.name(t)] if speaker.conjuncts else []
            if named:
                # Made jointly ("Kestria and Orvenia agreed to ..."): each named one says it.
                made = [state.quote(*reported, shape, who, token_span(token))
                        for who in named]
            else:
                made = [state.quote(*reported, shape, speaker, token_span(token),
                                    group=True)]
            if kind is None:
                pieces = _around_attribution(state, token, reported)
                found.extend(replace(quote, parts=pieces) for quote in made)
            else:
                others.extend(unstated(quote, kind) for quote in made)
    return found, others


def _carries(state: ArticleState, cue: Token, reported: tuple[int, int],
             quoted: Sequence[Quote], speaker: Token | None) -> bool:
    """Whether the reported statement may stand next to the direct quotes it overlaps.

    It may when it overlaps none, or when every one it overlaps is a passage of
    its own clause, under the same cue, that the clause runs past (`said that
    "we will appeal" against what she called a biased ruling`, `said the
    vote shows that "the town wants the pier"`): the statement is the whole
    clause, and the passage is shown inside it (``carried``). The words
    between the passages of `"A," he said, "B."` are the attribution, not
    more of the clause: that quote stays direct. Nor when the passage has
    another speaker than the clause (`warned that the police advised "..."`).
    """
    overlapping = [q for q in quoted if q.span.clean_start < reported[1]
                   and reported[0] < q.span.clean_end]
    if not overlapping:
        return True
    where = token_span(cue)
    text = state.article.text
    mention = state.article.span(*state.speakers.mention(speaker)) if speaker else None
    if any(q.speaker_span is not None and q.speaker_span != mention for q in overlapping):
        return False
    # The clause may stop short of the passage's own closing punctuation ("... the pier.").
    if not all(q.cue_span is not None and (q.cue_span.clean_start, q.cue_span.clean_end) == where
               and reported[0] <= q.span.clean_start
               and not text[reported[1]:q.span.clean_end].strip(_CLOSING)
               for q in overlapping):
        return False
    first = min(q.span.clean_start for q in overlapping)
    last = max(q.span.clean_end for q in overlapping)
    # A passage closed by its own punctuation (`"That is smart," when ...`) ended the
    # words; what follows is the writer's.
    ended = any(c in ",.;!?" for c in state.article.text[last - 1:last + 1])
    span = state.doc.char_span(*reported, alignment_mode="expand")
    beyond = [t for t in span or () if t.is_alpha and not state.marked(t.idx)
              and t.idx > cue.idx and (t.idx < first or (t.idx >= last and not ended))]
    # `said "walls work" as he confirmed the plan`: a cue of its own past the passage
    # reports something else (one before it is the way down to the passage).
    if any(t.idx >= last and t.pos_ == "VERB" and t.lemma_.lower() in state.cues.lemmas
           for t in beyond):
        return False
    # `warned that the police advised "..."`: the passage is the police's words, relayed.
    if any(t.idx < first and t.pos_ == "VERB" and t.lemma_.lower() in state.cues.speech
           and (subject := find_subject(t, state.speakers, resolvable=False)) is not None
           and speaker_like(subject, state.speakers) for t in beyond):
        return False
    return len(beyond) >= state.options.fragment_words


def _marks_kept(state: ArticleState, reported: tuple[int, int]) -> tuple[int, int]:
    """A reported statement that opens or ends on a quoted passage keeps its marks
    (`"we will appeal" against ...`), as a partial quote's statement does."""
    start, end = reported
    text = state.article.text
    for passage in state.quoted:
        if passage.start == start:
            start = passage.open
        if passage.close is not None and passage.start < end <= passage.end and (
                not text[end:passage.end].strip(_CLOSING)):
            end = passage.close + 1
    return start, end


def carried(direct: Sequence[Quote], indirect: Sequence[Quote]) -> list[Quote]:
    """The direct quotes but those a reported statement of the same cue holds
    (``_carries``): shown once, as the clause they belong to."""
    holders = [(q.span.clean_start, q.span.clean_end, q.cue_span) for q in indirect
               if q.cue_span is not None]
    return [q for q in direct if q.kind != "direct" or q.cue_span is None or not any(
        start <= q.span.clean_start and q.span.clean_end <= end and cue == q.cue_span
        for start, end, cue in holders)]


def noun_cued(state: ArticleState, quote: Quote) -> bool:
    cue = quote.cue_span
    token = state.doc.char_span(cue.clean_start, cue.clean_end) if cue is not None else None
    return token is not None and token.root.pos_ == "NOUN"
