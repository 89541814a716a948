"""Character-level repairs of one line: markdown debris, missing spaces, mojibake.

Each finder takes a line's text and its source offset and returns ``Fix``
records; none of them reads anything but the line, so they compose in any
order and ``edits.non_overlapping`` settles conflicts by precedence.
"""

from __future__ import annotations

import re
from functools import cache

import ftfy
from ftfy.badness import is_bad

from parallax.clean.cues import URLISH
from parallax.clean.edits import Edit, Fix, insertion_fix
from parallax.model import Repair

__all__ = [
    "changed_runs", "markdown_fixes", "missing_space_fixes", "mojibake_fixes", "protected_spans",
]

_LINK = re.compile(r"\[((?:\\.|[^\]\\\n])*)\]\([^()\s]*\)")
_ESCAPE = re.compile(r"\\(.)")
# Link text wrapped in escaped brackets: "[\[Kestria\]](#)".
_BRACKETED = re.compile(r"\\\[(.*)\\\]")
# "**Who is right?**": bold markers around a run of text on one line.
_BOLD = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*")

# Sentence end glued to the next sentence: two lowercase letters (so "U.S."
# and "e.g." never qualify), terminal punctuation, then a capitalised word or an
# opening quote; closing quotes may sit before or after the punctuation. An
# all-caps word after the dot is a brand ("Hill.TV"), not a new sentence.
_GLUED_SENTENCE = re.compile(
    r"(?<=[a-z]{2}[.?!])(?=[A-Z][a-z]|[“\"][A-Z])"  # Hill.Kim / denuclearization."What
    r"|(?<=[a-z][”\"][.?!])(?=[A-Z][a-z]|[“\"])"  # results".The
    r"|(?<=[a-z][.?!][”\"])(?=[A-Z][a-z]|“)"  # stop."Then
)
# "partial denuclearization,and we": a word, not a list of codes ("pfi,PFI-X").
_GLUED_COMMA = re.compile(r"(?<=[a-z]{2},)(?=[a-z]{2,}\s)")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and domains in ``text``: their dots are no sentence ends."""
    if "." not in text:
        return []
    return [match.span() for match in URLISH.finditer(text)]


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index <= end for start, end in spans)


def _in_quotation(text: str, index: int) -> bool:
    """Is ``text[index]`` inside a quotation opened earlier on the line?"""
    before = text[:index]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _link_fix(text: str, offset: int, match: re.Match[str]) -> Fix:
    """Delete the link markup around its text, and the escapes inside it.

    Escaped brackets around the whole link text are kept inside a quotation,
    where they mark words the reporter added ("[North Korea] wanted"), and
    dropped elsewhere, where they are only more markup.
    """
    inner, inner_start = match.group(1), offset + match.start(1)
    deleted = [(match.start(), match.start() + 1), (match.end(1), match.end())]
    bracketed = _BRACKETED.fullmatch(inner)
    if bracketed and not _in_quotation(text, match.start()):
        deleted += [(match.start(1), match.start(1) + 2), (match.end(1) - 2, match.end(1))]
        replacement = _ESCAPE.sub(r"\1", bracketed.group(1))
        escapes = _ESCAPE.finditer(bracketed.group(1))
        inner_start += 2
    else:
        replacement = _ESCAPE.sub(r"\1", inner)
        escapes = _ESCAPE.finditer(inner)
    # Markup wedged inside a word ("ex[link](url)pires") separated words: a
    # space keeps them apart, so no word appears that the source does not have.
    before = " " if match.start() > 0 and text[match.start() - 1].isalnum() else ""
    after = " " if match.end() < len(text) and text[match.end()].isalnum() else ""
    (open_start, open_end), (close_start, close_end) = deleted[:2]
    edits = [Edit(offset + open_start, offset + open_end, before),
             Edit(offset + close_start, offset + close_end, after)]
    edits += [Edit(offset + a, offset + b, "") for a, b in deleted[2:]]
    edits += [Edit(inner_start + m.start(), inner_start + m.start() + 1, "") for m in escapes]
    start, end = offset + match.start(), offset + match.end()
    return Fix(Repair(match.group(), before + replacement + after, start, end, "markdown-link"),
               tuple(sorted(edits, key=lambda e: e.start)))


def markdown_fixes(text: str, offset: int) -> list[Fix]:
    """Markdown left in flattened text: links lose their markup, bold text its asterisks."""
    fixes = [_link_fix(text, offset, match) for match in _LINK.finditer(text)]
    for match in _BOLD.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        edits = (Edit(start, start + 2, ""), Edit(end - 2, end, ""))
        fixes.append(Fix(Repair(match.group(), match.group(1), start, end, "markdown-emphasis"),
                         edits))
    return fixes


def _opens_quote(text: str, index: int) -> bool:
    """Is the character at ``index`` an opening quote? Straight quotes alternate."""
    char = text[index]
    if char == '"':
        return text.count('"', 0, index) % 2 == 0
    return char != "”"


def missing_space_fixes(text: str, offset: int, protected: list[tuple[int, int]]) -> list[Fix]:
    """A space after a sentence end (or comma) glued to the next word."""
    fixes: list[Fix] = []
    for match in _GLUED_SENTENCE.finditer(text):
        index = match.start()
        if _inside(index, protected):
            continue
        closing = next((i for i in (index - 1, index - 2) if text[i] in "\"”"), None)
        if closing is not None and _opens_quote(text, closing):
            continue
        if text[index] in "“\"" and not _opens_quote(text, index):
            continue
        fixes.append(insertion_fix(text, offset, index, " ", "missing-space"))
    fixes += [insertion_fix(text, offset, m.start(), " ", "missing-space")
              for m in _GLUED_COMMA.finditer(text) if not _inside(m.start(), protected)]
    return fixes


@cache
def _ftfy_config() -> ftfy.TextFixerConfig:
    """Only undo encoding damage: quote direction, widths and line breaks carry meaning here."""
    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        remove_control_chars=False, normalization=None, explain=False,
    )


def mojibake_fixes(text: str, offset: int) -> list[Fix]:
    """Characters garbled by a wrong decoding, fixed by ftfy and mapped piece by piece."""
    if not is_bad(text):
        return []
    fixed = ftfy.fix_text(text, _ftfy_config())
    fixes: list[Fix] = []
    for i1, i2, j1, j2 in changed_runs(text, fixed):
        repair = Repair(text[i1:i2], fixed[j1:j2], offset + i1, offset + i2, "mojibake")
        fixes.append(Fix(repair, (Edit(offset + i1, offset + i2, fixed[j1:j2]),)))
    return fixes


# How far ahead a changed run may reach before the two texts agree again: a
# character decoded with the wrong code page becomes at most four (a UTF-8
# sequence read as cp1252 or Latin-1) and is fixed into one, so ftfy's own
# changes resynchronise within a few characters; the anchor of agreeing
# characters keeps a repeated letter from resynchronising too early.
_MAX_RUN = 12
_ANCHOR = 4


def changed_runs(text: str, fixed: str) -> list[tuple[int, int, int, int]]:
    """Where ``fixed`` differs from ``text``: ``(i1, i2, j1, j2)`` runs, in linear time.

    ftfy's changes are short and local, so walking both texts in step and
    resynchronising within ``_MAX_RUN`` characters finds them without the
    quadratic alignment of difflib (one stray byte in an 18 KB paragraph took
    minutes). A change that does not resynchronise within reach becomes one run
    up to the common suffix: still an exact edit, only a coarser one.
    """
    runs: list[tuple[int, int, int, int]] = []
    end_text, end_fixed = len(text), len(fixed)
    while end_text and end_fixed and text[end_text - 1] == fixed[end_fixed - 1]:
        end_text, end_fixed = end_text - 1, end_fixed - 1
    i = j = 0
    while i < end_text and j < end_fixed:
        if text[i] == fixed[j]:
            i, j = i + 1, j + 1
            continue
        resync = _resync(text, fixed, i, j, end_text, end_fixed)
        if resync is None:
            break
        runs.append((i, resync[0], j, resync[1]))
        i, j = resync
    if i < end_text or j < end_fixed:
        runs.append((i, end_text, j, end_fixed))
    return runs


def _resync(text: str, fixed: str, i: int, j: int, end_text: int, end_fixed: int
            ) -> tuple[int, int] | None:
    """The nearest ``(a, b)`` past ``(i, j)`` from which both texts agree for an anchor."""
    for reach in range(1, 2 * _MAX_RUN + 1):
        for a in range(max(0, reach - _MAX_RUN), min(reach, _MAX_RUN) + 1):
            x, y = i + a, j + reach - a
            if x > end_text or y > end_fixed:
                continue
            anchor = min(_ANCHOR, end_text - x, end_fixed - y)
            if (x, y) != (i, j) and text[x:x + anchor] == fixed[y:y + anchor] and (
                    anchor == _ANCHOR or (x == end_text and y == end_fixed)):
                return x, y
    return None
