"""Pair quotation marks into quoted passages, recovering from unbalanced marks.

Straight (" or '') and typographic (“ ” « » „) double marks are paired per
paragraph with a small state machine; a straight mark opens or closes by
state and context, so `said, "yes` and `said "yes" and` both work and mixed
pairs (`"...”`) close normally. Single marks are mostly apostrophes, so a
single-quoted passage counts only in its plain shape: an opening mark after a
space, a closing mark before a space or punctuation, no other single mark or
line break between them, outside every double-quoted passage (`called the
outcome 'regrettable'`). Recovery rules, so the caller never sees an exception:

* a closing mark with nothing open is dropped (a lost opener), unless it stands
  where only an opener fits (after a blank, glued to the next word): then it opens;
* an opening mark while a passage is open restarts the passage there;
* a passage still open at the end of its paragraph runs to the paragraph end.
  When it opened at the paragraph start and the next paragraph opens with a
  mark too, that is the news convention for a quote running over several
  paragraphs, and the next passage is flagged ``continued``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parallax.analyze.sentences import paragraphs

__all__ = ["Quoted", "find_quoted", "opens_on_quotation"]

_OPENERS = "“«„"
_CLOSERS = "”»"
_STRAIGHT = '"'
_DOUBLED = "''"
_TRIM = " \t\n"
# Single-quoted passages: bounded length, so an apostrophe far away never pairs with one.
_SINGLE = re.compile(r"(?<![\w'\u2018\u2019])['\u2018](\w[^'\u2018\u2019\"\n]{0,200}?)"
                     r"['\u2019](?![\w'\u2018\u2019])")


def opens_on_quotation(text: str) -> bool:
    """Whether ``text`` opens on a quotation mark: a double mark, or a single one before a
    capital letter ("'One party ..."; an elision such as "'90s" or "'em" is lower case or
    a digit). A sentence that does is someone's words, even when its marks do not pair
    (opened with a single mark, closed with a double one), never the outlet's own."""
    head = text.lstrip(_TRIM)
    if head[:1] in (*_OPENERS, _STRAIGHT) or head.startswith(_DOUBLED):
        return True
    return head[:1] in "'\u2018" and head[1:2].isupper()


@dataclass(frozen=True, slots=True)
class Quoted:
    """Quoted content ``start:end`` (marks excluded) and the marks' own positions.

    ``close`` is None when the passage was never closed; ``continued`` when it
    carries on the passage of the previous paragraph.
    """

    start: int
    end: int
    open: int
    close: int | None
    continued: bool = False


def _stray_closer(text: str, i: int, width: int = 1) -> bool:
    """A straight mark glued to the word before it and followed by a break closes, never opens."""
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    glued = not before.isspace() and before not in "([{-\u2013\u2014"
    return glued and (after.isspace() or after in ",.;:!?)")


def _turned_opener(text: str, i: int, first: int) -> bool:
    """A closing mark where only an opener fits: nothing is open, and it starts the
    paragraph or follows a blank, glued to the word after it (`”Fear. I am afraid.”`,
    pages that set every mark as a closer). A lost opener leaves its closer glued to
    the word before it, not after."""
    before_blank = i == first or text[i - 1].isspace()
    return before_blank and i + 1 < len(text) and text[i + 1].isalnum()


def _mark(text: str, i: int) -> tuple[str, int]:
    """The mark at ``i`` and its width: two apostrophes stand for a straight double mark
    (the ''...'' convention of some newspaper archives)."""
    if text.startswith(_DOUBLED, i):
        return _STRAIGHT, 2
    return text[i], 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    # A comma before the closing mark is punctuation of the frame ("yes," he said).
    while end > start and text[end - 1] in _TRIM + ",":
        end -= 1
    return start, end


def _paragraph(text: str, first: int, last: int, continued: bool) -> tuple[list[Quoted], bool]:
    """Passages of ``text[first:last]`` and whether the last one is left open at its start."""
    found: list[Quoted] = []
    opened: int | None = None
    content = 0  # where the open passage's content starts (after its mark)
    i = first
    while i < last:
        char, width = _mark(text, i)
        if opened is None:
            if char in _OPENERS or (char == _STRAIGHT and not _stray_closer(text, i, width)) or (
                    char in _CLOSERS and _turned_opener(text, i, first)):
                opened, content = i, i + width
        elif char in _CLOSERS or char == _STRAIGHT:
            start, end = _trimmed(text, content, i)
            if start < end:
                found.append(Quoted(start, end, opened, i + width - 1,
                                    continued and opened == first))
            opened = None
        elif char in _OPENERS:
            opened, content = i, i + width
        i += width
    if opened is None:
        return found, False
    start, end = _trimmed(text, content, last)
    if start < end:
        found.append(Quoted(start, end, opened, None, continued and opened == first))
    return found, opened == first


def _single_quoted(text: str, double: list[Quoted]) -> list[Quoted]:
    spans = [(q.open, q.close if q.close is not None else q.end) for q in double]
    found = []
    for match in _SINGLE.finditer(text):
        if any(s <= match.start() <= e for s, e in spans):
            continue
        start, end = _trimmed(text, match.start(1), match.end(1))
        if start < end:
            found.append(Quoted(start, end, match.start(), match.end() - 1))
    return found


def find_quoted(text: str) -> tuple[Quoted, ...]:
    """All quoted passages of ``text`` in order (never raises on odd marks)."""
    found: list[Quoted] = []
    open_at_start = False
    for first, last in paragraphs(text):
        continued = open_at_start and _mark(text, first)[0] in _OPENERS + _STRAIGHT
        passages, open_at_start = _paragraph(text, first, last, continued)
        found.extend(passages)
    return tuple(sorted([*found, *_single_quoted(text, found)], key=lambda q: q.open))
