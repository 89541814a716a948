"""Text repairs as offset-exact edits of the source.

A repair is recorded once, for the reader (``Repair``: what the source said,
what the text says now), and applied as the smallest edits that produce it:
deleting markdown brackets, inserting a space, swapping a garbled character.
Everything between edits is copied verbatim, so a span of repaired text still
maps back to exactly the source characters it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from parallax.model import Repair

__all__ = ["Edit", "Fix", "insertion_fix", "non_overlapping"]


@dataclass(frozen=True, slots=True)
class Edit:
    """``source[start:end]`` becomes ``text`` ("" deletes; an empty range inserts)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One recorded repair and the edits that carry it out."""

    repair: Repair
    edits: tuple[Edit, ...]


def _token_bounds(text: str, index: int) -> tuple[int, int]:
    left = index
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = index
    while right < len(text) and not text[right].isspace():
        right += 1
    return left, right


def insertion_fix(text: str, offset: int, index: int, inserted: str, reason: str) -> Fix:
    """Insert ``inserted`` at ``text[index]`` (``text`` starts at source ``offset``).

    The recorded repair shows the whole whitespace-delimited token around the
    insertion ("Hill.Kim" -> "Hill. Kim"), which is what a reader recognises.
    """
    left, right = _token_bounds(text, index)
    original = text[left:right]
    replacement = text[left:index] + inserted + text[index:right]
    repair = Repair(original, replacement, offset + left, offset + right, reason)
    return Fix(repair, (Edit(offset + index, offset + index, inserted),))


def non_overlapping(fixes: Iterable[Fix]) -> list[Fix]:
    """Fixes in source order, dropping any that touch text an earlier-listed fix repairs.

    Callers list fixes by precedence, so a markdown link beats a missing
    space detected inside it.
    """
    accepted: list[Fix] = []
    for fix in fixes:
        start, end = fix.repair.start, fix.repair.end
        if all(end <= other.repair.start or start >= other.repair.end for other in accepted):
            accepted.append(fix)
    return sorted(accepted, key=lambda f: (f.repair.start, f.repair.end))
