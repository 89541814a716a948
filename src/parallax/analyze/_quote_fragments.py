"""Pieces of a sentence no reader could quote: shown as a statement, they mislead.

A statement's words must say something on their own. Not so when they are
only how or when it was said (a quoted adverb, `spoke "endlessly" to her`;
a date after a label, `Correction: May 2, 2011`), nor when they stop inside
a phrase: on a determiner or conjunction, on a preposition whose object the
parse puts outside them (`That is described as` where marks nest), or on
an auxiliary whose verb is lost (`he said he would`). Read on the parse,
after every rule that finds statements, so no shape escapes it.
"""

from __future__ import annotations

from spacy.tokens import Span

from parallax.analyze._quote_state import WHEN, ArticleState
from parallax.model import Quote

__all__ = ["fragmentary"]

# Dependents that open a phrase: they never end a statement.
_OPENING = frozenset({"det", "cc", "mark", "preconj"})
# Word classes that end one only with their object inside it.
_LINKING = frozenset({"ADP", "PART"})
# Dependents an auxiliary keeps when its verb is lost: no complement among them.
_BARE = frozenset({"nsubj", "nsubjpass", "expl", "mark", "neg", "punct", "advmod", "aux", "cc"})


def fragmentary(state: ArticleState, quote: Quote) -> bool:
    """Whether ``quote``'s words are only a manner, a time or a phrase cut short."""
    span = state.doc.char_span(quote.span.clean_start, quote.span.clean_end,
                               alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return True
    if all(t.pos_ == "ADV" for t in words) or all(t.ent_type_ in WHEN for t in words):
        return True
    where = quote.cue_span
    cue = state.doc.char_span(where.clean_start, where.clean_end, alignment_mode="expand") if (
        where is not None) else None
    return _cut(span, words[-1].i, range(cue.start, cue.end) if cue is not None else range(0))


def _cut(span: Span, last: int, cue: range) -> bool:
    """Whether the words stop inside a phrase (``last``: the last word's index; ``cue``:
    the indices of the cue's words)."""
    token = span.doc[last]
    # "once called a", "and": a word that opens a phrase the words do not hold (not the
    # cue's: a parse may hang a closing "... I appreciate that" on the cue after it).
    if token.dep_ in _OPENING and token.head.i > last and token.head.i not in cue:
        return True
    if token.pos_ in _LINKING and any(not (span.start <= c.i < span.end) and not c.is_punct
                                      for c in token.children):
        return True
    # "he would", "she had not": an auxiliary with nothing it helps, where the words end.
    root = span.root
    ending = root.i == last or (token.dep_ == "neg" and token.head.i == root.i)
    return ending and root.pos_ == "AUX" and all(c.dep_ in _BARE for c in root.children)
