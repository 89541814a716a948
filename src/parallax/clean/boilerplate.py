"""Decide which units are page furniture, and why.

Three kinds of evidence combine. Lexicon cues (``cues``) say what a line
looks like it is for; shape (``shape.is_prose``) says whether it reads like a
sentence; position says whether it comes after the story's last sentence,
where pages pile their forms, adverts and link lists. Prose is only dropped
on strong lexical evidence, fragments inside the story (section headings)
only on a clear cue, and fragments after the story always: that region is
removed block by block, each with the reason of its strongest cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.clean.blocks import Unit
from parallax.clean.cues import strongest_cue
from parallax.clean.shape import is_prose, normalise_line, words
from parallax.model import Removal

__all__ = ["find_boilerplate", "removals"]

# Evidence a unit needs before it is dropped. A news sentence may well mention
# cookies or a newsletter, so prose needs a strong phrase plus another cue; a
# fragment needs one strong phrase. Checked against the seeds and the unit tests.
_PROSE_MIN_SCORE = 3
_FRAGMENT_MIN_SCORE = 2
# A fragment seen across the corpus (``repeated_lines``) is a strong cue by itself.
_REPEATED_SCORE = 2
# An uncued fragment after the story with this many words is a headline
# linking elsewhere; shorter ones are leftovers of the block around them.
_HEADLINE_MIN_WORDS = 4


def _own_reason(unit: Unit, prose: bool, repeated: frozenset[str]) -> tuple[str | None, int]:
    cue = strongest_cue(unit.text)
    reason, score = (cue.reason, cue.score) if cue else (None, 0)
    if not prose and normalise_line(unit.text) in repeated:
        return reason or "repeated", score + _REPEATED_SCORE
    return reason, score


def _trailing_reason(index: int, reasons: list[str | None], unit: Unit) -> str:
    before = next((r for r in reversed(reasons[:index]) if r), None)
    after = next((r for r in reasons[index + 1:] if r), None)
    if before and before == after:
        return before
    if len(words(unit.text)) >= _HEADLINE_MIN_WORDS:
        return "related"
    return before or after or "trailing"


def find_boilerplate(units: Sequence[Unit], repeated: frozenset[str]) -> list[str | None]:
    """For each unit, the reason it is boilerplate, or None to keep it."""
    prose = [is_prose(unit.text) for unit in units]
    evidence = [_own_reason(u, p, repeated) for u, p in zip(units, prose, strict=True)]
    verdicts: list[str | None] = [
        reason if score >= (_PROSE_MIN_SCORE if p else _FRAGMENT_MIN_SCORE) else None
        for (reason, score), p in zip(evidence, prose, strict=True)
    ]
    content = [i for i, p in enumerate(prose) if p and verdicts[i] is None]
    if not content:
        return verdicts
    cued = [reason for reason, _ in evidence]
    for index in range(content[-1] + 1, len(units)):
        if verdicts[index] is None:
            verdicts[index] = cued[index] or _trailing_reason(index, cued, units[index])
    return verdicts


def removals(
    source: str, units: Sequence[Unit], verdicts: Sequence[str | None]
) -> tuple[Removal, ...]:
    """Adjacent removed units with the same reason, merged into one ``Removal`` each."""
    merged: list[Removal] = []
    previous: str | None = None
    for unit, reason in zip(units, verdicts, strict=True):
        if reason is not None and reason == previous and merged:
            last = merged[-1]
            merged[-1] = Removal(source[last.start:unit.end], reason, last.start, unit.end)
        elif reason is not None:
            merged.append(Removal(source[unit.start:unit.end], reason, unit.start, unit.end))
        previous = reason
    return tuple(merged)
