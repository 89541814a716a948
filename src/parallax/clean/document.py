"""Clean one document: drop boilerplate, repair text, keep the offset map exact.

The cleaned text is assembled piece by piece through ``TextBuilder``: kept
lines are copied verbatim, whitespace is normalised (one space inside a
paragraph, exactly "\\n\\n" between paragraphs) and every repair is applied
as its recorded edits, so each cleaned character maps back to the source
characters that produced it.
"""

from __future__ import annotations

import re

from parallax.clean.blocks import Line, Unit, split_units
from parallax.clean.boilerplate import find_boilerplate, removals
from parallax.clean.edits import Fix, non_overlapping
from parallax.clean.flags import article_flags
from parallax.clean.glued import DocumentWords, glued_fixes
from parallax.clean.linemodel import model_verdicts
from parallax.clean.repairs import (
    markdown_fixes,
    missing_space_fixes,
    mojibake_fixes,
    protected_spans,
)
from parallax.clean.shape import continues
from parallax.model import Article, Document, Repair
from parallax.offsets import TextBuilder
from parallax.options import DEFAULT_OPTIONS, CleanOptions

__all__ = ["clean_document"]

_SPACE_RUN = re.compile(r"[^\S\n]{2,}|[\t\r\f\v]")
_PARAGRAPH_BREAK = "\n\n"


def _gap_end(source: str, start: int) -> int:
    """End of the whitespace run at ``start`` (the break after a kept unit)."""
    position = start
    while position < len(source) and source[position].isspace():
        position += 1
    return position


def _line_fixes(line: Line, words: DocumentWords, options: CleanOptions) -> list[Fix]:
    """All repairs of one line, by precedence: markup, encoding, glued words, spaces."""
    protected = protected_spans(line.text)
    return non_overlapping([
        *markdown_fixes(line.text, line.start),
        *mojibake_fixes(line.text, line.start),
        *glued_fixes(line.text, line.start, words, protected, options=options),
        *missing_space_fixes(line.text, line.start, protected),
    ])


def _copy_collapsed(builder: TextBuilder, start: int, end: int) -> None:
    """Copy ``source[start:end]`` with runs of blanks (and tabs) reduced to one space."""
    position = start
    for run in _SPACE_RUN.finditer(builder.source, start, end):
        builder.copy(position, run.start())
        if builder.source[run.start()] == " ":
            builder.copy(run.start(), run.start() + 1)
        else:
            builder.replace(run.start(), run.end(), " ")
        position = run.end()
    builder.copy(position, end)


def _emit_line(builder: TextBuilder, line: Line, fixes: list[Fix]) -> None:
    position = line.start
    for edit in sorted((e for fix in fixes for e in fix.edits), key=lambda e: (e.start, e.end)):
        _copy_collapsed(builder, position, edit.start)
        builder.replace(edit.start, edit.end, edit.text)
        position = edit.end
    _copy_collapsed(builder, position, line.end)


def _join(builder: TextBuilder, start: int, end: int, separator: str) -> Repair | None:
    """Separate two kept runs of text; a sentence mended across a break is a repair."""
    source = builder.source
    if separator == _PARAGRAPH_BREAK and source.startswith(separator, start):
        builder.copy(start, start + len(separator))
        return None
    builder.replace(start, end, separator)
    if separator == " " and "\n" in source[start:end]:
        return Repair(source[start:end], separator, start, end, "broken-sentence")
    return None


def _assemble(source: str, kept: list[Unit], words: DocumentWords, options: CleanOptions
              ) -> tuple[TextBuilder, list[Repair]]:
    builder = TextBuilder(source)
    repairs: list[Repair] = []
    previous: Unit | None = None
    for unit in kept:
        if previous is not None:
            gap_end = _gap_end(source, previous.end)
            mended = continues(previous.text, unit.text, options.broken_sentence_min_words)
            repair = _join(builder, previous.end, gap_end, " " if mended else _PARAGRAPH_BREAK)
            repairs += [repair] if repair else []
        for index, line in enumerate(unit.lines):
            if index:
                start = unit.lines[index - 1].end
                repair = _join(builder, start, line.start, " ")
                repairs += [repair] if repair and not unit.wrapped else []
            fixes = _line_fixes(line, words, options)
            _emit_line(builder, line, fixes)
            repairs += [fix.repair for fix in fixes]
        previous = unit
    return builder, repairs


def clean_document(document: Document, *, repeated: frozenset[str] = frozenset(),
                   options: CleanOptions = DEFAULT_OPTIONS.clean) -> Article:
    """Cleaned text + OffsetMap (built only via ``TextBuilder``) + removed + repairs + flags.

    ``repeated`` holds normalised fragments that recur across the corpus
    (``repeated_lines``); they count as boilerplate evidence.
    """
    source = document.source
    units = split_units(source, options=options)
    # trafilatura has already cut a page down to its story: what is left
    # there goes on its own cues only, and the line model is for flattened
    # page text.
    extracted = document.html is not None
    verdicts = find_boilerplate(units, repeated, document.author, by_position=not extracted,
                                page_url=document.url, options=options)
    if not extracted:
        verdicts = model_verdicts(units, verdicts, threshold=options.line_threshold)
    kept = [unit for unit, verdict in zip(units, verdicts, strict=True) if verdict is None]
    builder, repairs = _assemble(source, kept, DocumentWords.of(source), options)
    text, offsets = builder.build()
    removed = removals(source, units, verdicts)
    repairs.sort(key=lambda r: (r.start, r.end))
    flags = (*document.flags, *article_flags(text, removed, document.language, options=options))
    return Article(document, text, offsets, removed, tuple(repairs), flags)
