"""Cut source text into units: the lines a reader would see as one paragraph.

Flattened pages come in two layouts. Either every paragraph is one long line
(blank lines or single newlines between them), or text is hard-wrapped at a
fixed width and a paragraph spans several lines. A unit is one paragraph in
either layout, so classification and repairs see whole sentences; its lines
keep their source offsets so nothing needs re-locating later.
"""

from __future__ import annotations

from dataclasses import dataclass

from parallax.clean.cues import strongest_cue
from parallax.clean.shape import continues, ends_sentence, is_prose, starts_lowercase
from parallax.options import DEFAULT_OPTIONS, CleanOptions

__all__ = ["Line", "Unit", "split_units"]



@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank source line, whitespace trimmed: ``source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Unit:
    """Consecutive lines of one paragraph.

    ``wrapped`` says the lines were joined because the block is hard-wrapped;
    otherwise every join mended a sentence broken by a line break, which the
    cleaner records as a repair. ``block`` numbers the blank-line-delimited
    block the unit comes from: units of one block sit together on the page,
    which is how a widget (a form, an advert box) shows its extent.
    """

    lines: tuple[Line, ...]
    wrapped: bool
    block: int

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


# Whitespace plus the invisible characters pages leave on otherwise blank lines.
_BLANK = " \t\n\r\f\v\x1c\x1d\x1e\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005" \
    "\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060" \
    "\u3000\ufeff"


def _blocks(source: str) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    position = 0
    for raw in source.splitlines(keepends=True):
        stripped = raw.strip(_BLANK)
        if stripped:
            start = position + raw.index(stripped)
            blocks[-1].append(Line(start, start + len(stripped), stripped))
        elif blocks[-1]:
            blocks.append([])
        position += len(raw)
    return [block for block in blocks if block]


def _looks_like_heading(text: str) -> bool:
    return not ends_sentence(text) and not is_prose(text) and not starts_lowercase(text)


def _is_wrapped(lines: list[Line], options: CleanOptions) -> bool:
    if len(lines) < 2:
        return False
    width = max(len(line.text) for line in lines)
    return options.wrap_min_width <= width <= options.wrap_max_width and all(
        len(line.text) >= options.wrap_min_fill * width for line in lines[:-1]
    )


def _stands_alone(line: Line, options: CleanOptions) -> bool:
    """A capitalised line that is furniture by itself, never a wrapped continuation.

    A continuation line starting lowercase ("by the minister, who...") may
    match a cue by accident; a line starting "By Jane Doe |" is a byline.
    """
    if starts_lowercase(line.text):
        return False
    cue = strongest_cue(line.text)
    return cue is not None and cue.score >= options.own_line_score


def _joins(previous: Line, line: Line, options: CleanOptions, *, wrapped: bool) -> bool:
    if wrapped and not _looks_like_heading(previous.text) and not _stands_alone(line, options):
        return True
    return continues(previous.text, line.text, options.broken_sentence_min_words)


def split_units(source: str, *, options: CleanOptions = DEFAULT_OPTIONS.clean) -> list[Unit]:
    """Units of ``source`` in order; blank lines always end a unit."""
    units: list[Unit] = []
    for number, block in enumerate(_blocks(source)):
        wrapped = _is_wrapped(block, options)
        current = [block[0]]
        for line in block[1:]:
            if _joins(current[-1], line, options, wrapped=wrapped):
                current.append(line)
            else:
                units.append(Unit(tuple(current), wrapped, number))
                current = [line]
        units.append(Unit(tuple(current), wrapped, number))
    return units
