"""Whether a cue asserts anything: what takes a cue back or shows it is no statement.

A cue in the parse is not yet someone asserting something. Nothing is
asserted when the cue is negated, merely possible, withheld, wished or planned
("did not say", "could say", "declined to say", "was hoping to prove"), when a
noun cue is taken back ("voiced no concern that"), when a belief is told in
the past (the writer's account of a mind), when the clause is an indirect
question ("asked whether", "questioned why"), when the source found up the
parse is something a person has ("Brann's priority lies in demanding"), and
when the words before a set-off cue are a clause saying when it spoke. Used by
``_quote_reported`` (reported statements) and ``quotes`` (partial quotes);
``unsaid`` also says why, the kind of the attribution kept instead
(``parallax.model.Attribution``).
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.analyze._quote_state import ArticleState
from parallax.lang import QuoteCues
from parallax.model import AttributionKind

__all__ = [
    "possessed",
    "question",
    "recounted",
    "subordinate",
    "subordinated",
    "unsaid",
    "unsaid_noun",
]

_NON_CLAUSAL = frozenset({"xcomp", "pcomp", "pobj", "prep", "advmod", "acomp"})


def unsaid(cue: Token, cues: QuoteCues, reach: int) -> AttributionKind | None:
    """Why the cue states nothing, or None when it asserts: negated, merely possible,
    withheld or wished.

    "did not say", "could say", "never claimed": a dependent of the cue's own;
    "without recommending", "declined to say", "stopped short of calling for",
    "hopes to show": a word the cue hangs from through an infinitive or a
    preposition (not through a clause, which is a statement of its own).
    """
    if cue.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ == "neither"
                                  for c in cue.head.children):
        return "negated"  # "could neither confirm nor deny that ...": nothing denied
    for child in cue.children:
        if child.dep_ == "neg":
            return "negated"
        if child.dep_ in ("aux", "advmod") and child.lower_ in cues.unsaid:
            return _unsaid_kind(child, cues)
    current = cue
    for _ in range(reach):
        if current.dep_ not in _NON_CLAUSAL or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in cues.unsaid or current.lower_ in cues.unsaid:
            return _unsaid_kind(current, cues)
        if any(c.dep_ == "neg" for c in current.children):
            return "negated"
    return None


def _unsaid_kind(word: Token, cues: QuoteCues) -> AttributionKind:
    """What a word of ``cues.unsaid`` makes of the cue it takes back."""
    forms = {word.lower_, word.lemma_.lower()}
    if forms & cues.possible:
        return "hypothetical"
    if forms & cues.withholding:
        return "refusal"
    return "plan" if forms & cues.wishes else "negated"


def unsaid_noun(noun: Token, cues: QuoteCues, reach: int) -> bool:
    """Whether a noun cue is taken back: "voiced no concern that ...", "did not repeat
    the claim that ...", "without a warning that ..." (the verb or preposition it hangs
    from is, as in ``unsaid``)."""
    if any(c.dep_ == "det" and c.lower_ in cues.unsaid for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ in ("dobj", "pobj") and head.i != noun.i and (
        head.lower_ in cues.unsaid or (head.pos_ == "VERB" and unsaid(head, cues, reach)
                                       is not None))


def recounted(cue: Token, cues: QuoteCues) -> bool:
    """Whether a belief cue tells what someone thought at the time ("Brann believed the
    levy was unfair", "because they feared a leak"): the writer's account of a mind, not
    a statement; the present ("officials fear the dam will fail") reports a stance held."""
    return cue.lemma_.lower() in cues.belief and cue.tag_ == "VBD" and not any(
        c.dep_ == "aux" for c in cue.children)


def question(state: ArticleState, cue: Token, reported: tuple[int, int]) -> bool:
    """Whether the statement is an indirect question: opened by "whether"/"if", or by a
    question word under a verb that asks ("Lind questioned why the memo was late");
    "described how they found it" tells how, and stays."""
    span = state.doc.char_span(*reported, alignment_mode="expand")
    if span is None:
        return False
    before = state.doc[span.start - 1] if span.start > 0 else None
    # Of the clause itself: "said if the talks failed, she would resign" asserts.
    if before is not None and before.lower_ in state.cues.whether and (
            before.head.i == span.root.i):
        return True
    return cue.lemma_.lower() in state.cues.questions and span[0].tag_ in ("WRB", "WP", "WDT")


def possessed(state: ArticleState, subject: Token, cue: Token) -> bool:
    """Whether the source found up the parse is something a person has, not who speaks.

    In `Brann's priority lies in demanding the lifting of the levy` the climb from
    "demanding" ends at "priority": the writer's reading of Brann's aims, not words
    of hers. A possessed noun speaks only when it is a source ("Brann's office"), a
    document ("Brann's letter") or a statement ("Brann's statement").
    """
    lemma = subject.lemma_.lower()
    while cue.dep_ == "conj":
        cue = cue.head
    # Only an act named after a preposition ("lies in demanding"): "the county's
    # auditor told X and said ..." climbs to a person.
    return (cue.dep_ == "pcomp" and subject.pos_ == "NOUN" and subject.head.i != cue.i
            and any(c.dep_ == "poss" for c in subject.children)
            and lemma not in state.sources.nouns and lemma not in state.sources.documents
            and lemma not in state.cues.nouns)


def subordinate(state: ArticleState, start: int, end: int) -> bool:
    """Whether ``start:end`` is a clause opened by a subordinator ("shortly after the
    letters were published"): it says when the words were said, not what."""
    span = state.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and subordinated(span.root)


def subordinated(head: Token) -> bool:
    """Whether the clause headed by ``head`` is opened by a subordinator other than the
    "that" of a reported clause ("after", "when", "because")."""
    return any(c.dep_ == "mark" and c.lower_ != "that" for c in head.children)
