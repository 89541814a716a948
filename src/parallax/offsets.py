"""Map cleaned text back to the original input, character by character.

Cleaning deletes boilerplate and repairs text, yet every briefing line must
point at the exact characters of the original input. ``TextBuilder`` is the
only way cleaned text is made: each piece it appends remembers which source
range it came from, so the map can never drift from the text it describes.

A piece is either *verbatim* (cleaned char ``i`` is source char ``src_start + i``)
or a *replacement* (every cleaned char of the piece stands for the whole source
range; an insertion is a replacement of an empty range). Mapping a cleaned span
takes the union of the source ranges of its characters, so it always covers the
source text that produced it, never less.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from parallax.errors import UsageError

__all__ = ["OffsetMap", "Piece", "TextBuilder"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of cleaned text and the source range it came from."""

    clean_start: int
    clean_end: int
    src_start: int
    src_end: int
    verbatim: bool

    def to_list(self) -> list[int]:
        return [self.clean_start, self.clean_end, self.src_start, self.src_end, int(self.verbatim)]

    @classmethod
    def from_list(cls, values: list[int]) -> Piece:
        clean_start, clean_end, src_start, src_end, verbatim = values
        return cls(clean_start, clean_end, src_start, src_end, bool(verbatim))


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Cleaned-text offsets to source-text offsets (immutable, serialisable)."""

    pieces: tuple[Piece, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.clean_start for p in self.pieces))

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((Piece(0, length, 0, length, True),) if length else ())

    @property
    def clean_length(self) -> int:
        return self.pieces[-1].clean_end if self.pieces else 0

    def _piece_at(self, clean_index: int) -> Piece:
        return self.pieces[max(0, bisect_right(self._starts, clean_index) - 1)]

    def _char_range(self, clean_index: int) -> tuple[int, int]:
        piece = self._piece_at(clean_index)
        if piece.verbatim:
            src = piece.src_start + clean_index - piece.clean_start
            return src, src + 1
        return piece.src_start, piece.src_end

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source range covering cleaned ``text[start:end]``.

        An empty cleaned span maps to the source position just before its
        neighbour, so insertion points stay anchored.
        """
        if not self.pieces:
            return 0, 0
        if not 0 <= start <= end <= self.clean_length:
            raise UsageError(f"span {start}:{end} outside cleaned text of {self.clean_length}")
        if start == end:
            if start == self.clean_length:
                last = self.pieces[-1]
                return last.src_end, last.src_end
            src = self._char_range(start)[0]
            return src, src
        head, tail = self._char_range(start), self._char_range(end - 1)
        return min(head[0], tail[0]), max(head[1], tail[1])

    def to_list(self) -> list[list[int]]:
        return [p.to_list() for p in self.pieces]

    @classmethod
    def from_list(cls, values: list[list[int]]) -> OffsetMap:
        return cls(tuple(Piece.from_list(v) for v in values))


class TextBuilder:
    """Accumulates cleaned text together with its offset map."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0

    @property
    def length(self) -> int:
        return self._length

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def copy(self, src_start: int, src_end: int) -> None:
        """Append ``source[src_start:src_end]`` unchanged."""
        if src_end <= src_start:
            return
        self._append(self.source[src_start:src_end], src_start, src_end, verbatim=True)

    def replace(self, src_start: int, src_end: int, text: str) -> None:
        """Append ``text`` standing for ``source[src_start:src_end]`` (insert if empty)."""
        if not text:
            return
        self._append(text, src_start, src_end, verbatim=False)

    def _append(self, text: str, src_start: int, src_end: int, *, verbatim: bool) -> None:
        previous = self._pieces[-1] if self._pieces else None
        if (
            verbatim
            and previous is not None
            and previous.verbatim
            and previous.src_end == src_start
        ):
            merged = Piece(previous.clean_start, previous.clean_end + len(text),
                           previous.src_start, src_end, True)
            self._pieces[-1] = merged
        else:
            self._pieces.append(
                Piece(self._length, self._length + len(text), src_start, src_end, verbatim)
            )
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._pieces))
