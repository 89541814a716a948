"""Which sentences are someone's account, and of which camp: the sides of a summary.

A roundup of a disputed event says first what happened, then each side's
account. A summary that opens on one camp's account, or gives only one camp's,
reads as taking that camp's side: with "--length 1" the one line would state a
claim as the event. The camps a summary must give are those of the story's
first "accounts" conflict that sets two camps or more against each other
(conflicts come best first; a camp is a speaker's side, ``Actor.side``: a
government and its minister are one). A sentence is an *account* when it
holds a side of an "accounts" conflict, or a statement (a quote the speaker
stage found) by a member of one of those camps. Other statements are not
accounts of the dispute: "The president said on Friday he is declaring an
emergency" may well be the event itself.

A sentence that is mostly a direct quotation (``quotation``: "“We will
cooperate fully,” said the spokesman.") is one actor's words whether or not
a dispute is found: it may follow what happened, never stand for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parallax.analyze._quote_marks import find_quoted
from parallax.compare.claims import Ref, SentenceIndex
from parallax.model import Actor, Conflict, Quote

__all__ = ["Camps", "camps_of", "quotation"]

# Marks that open a double quotation (a straight one may open or close).
_OPENS = "\u201c\u00ab\u201e\""
# A line is a quotation when at least this share of its characters sit inside
# quotation marks: "“...,” said the spokesman." and "Moss told reporters that
# Roe “believes ...”", not "called it a “compromise”" (a reading of the
# first lines of the 53 BASIL development briefings; BENCHMARKS.md,
# "Multi-source summary", fifth round).
_QUOTED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Camps:
    """The story's accounts by sentence, and the camps its main dispute opposes."""

    accounts: frozenset[Ref]
    """Sentences holding a side of an accounts conflict, or a statement by a disputing camp."""
    sides: dict[str, tuple[Ref, ...]]
    """Each camp of the main accounts conflict and its sides' sentences, in the
    conflict's order (empty when no conflict opposes two camps)."""
    camp_of: dict[Ref, frozenset[str]]
    """The camps whose account a sentence gives: it holds one of their sides, or
    their statement that says the same as one."""


def quotation(text: str) -> bool:
    """Whether ``text`` opens on someone's quoted words, or is mostly theirs:
    ``_QUOTED_SHARE`` of its letters and digits inside double quotation marks,
    paired as the quote stage pairs them (``analyze._quote_marks``: a
    quotation left open runs to the end, as a quoted paragraph that goes on
    in the next one does)."""
    if text.lstrip()[:1] in _OPENS:
        return True
    inside = [False] * len(text)
    for passage in find_quoted(text):
        if text[passage.open] in _OPENS:
            inside[passage.start:passage.end] = [True] * (passage.end - passage.start)
    letters = [inside[i] for i, char in enumerate(text) if char.isalnum()]
    return bool(letters) and sum(letters) >= _QUOTED_SHARE * len(letters)


def _main_dispute(conflicts: Iterable[Conflict], side: dict[str, str]) -> Conflict | None:
    for conflict in conflicts:
        camps = {side.get(s.actor) for s in conflict.sides if s.actor}
        camps.discard(None)
        if conflict.kind == "accounts" and len(camps) >= 2:
            return conflict
    return None


def camps_of(index: SentenceIndex, conflicts: Sequence[Conflict], actors: Sequence[Actor],
             quotes: Sequence[Quote]) -> Camps:
    """The accounts of ``index``'s sentences given the briefing's records."""
    side = {actor.id: actor.side for actor in actors}
    dispute = _main_dispute(conflicts, side)
    disputing = {side[s.actor] for s in dispute.sides if s.actor in side} if dispute else set()
    accounts: set[Ref] = set()
    camp_of: dict[Ref, set[str]] = {}
    sides: dict[str, list[Ref]] = {}
    for conflict in conflicts:
        for conflict_side in conflict.sides if conflict.kind == "accounts" else ():
            if (ref := index.sentence_of(conflict_side.span)) is not None:
                accounts.add(ref)
    for conflict_side in dispute.sides if dispute else ():
        ref = index.sentence_of(conflict_side.span)
        camp = side.get(conflict_side.actor) if conflict_side.actor else None
        if ref is not None and camp is not None:
            sides.setdefault(camp, []).append(ref)
            camp_of.setdefault(ref, set()).add(camp)
    row = {ref: k for k, ref in enumerate(index.refs)}
    for quote in quotes:
        camp = side.get(quote.speaker) if quote.speaker else None
        if camp in disputing and (ref := index.sentence_of(quote.span)) is not None:
            accounts.add(ref)
            # It gives the camp's account when it says what one of its sides
            # says ("hailed him as a great leader" is the camp's, not its account).
            if ref in row and any(other in row and index.is_match(row[ref], row[other])
                                  for other in sides.get(camp or "", ())):
                camp_of.setdefault(ref, set()).add(camp or "")
    return Camps(frozenset(accounts), {camp: tuple(refs) for camp, refs in sides.items()},
                 {ref: frozenset(camps) for ref, camps in camp_of.items()})
