"""Character-level repairs of one line: link debris, missing spaces, mojibake.

Each finder takes a line's text and its source offset and returns ``Fix``
records; none of them reads anything but the line, so they compose in any
order and ``edits.non_overlapping`` settles conflicts by precedence.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

import ftfy
from ftfy.badness import is_bad

from parallax.clean.cues import URLISH
from parallax.clean.edits import Edit, Fix, insertion_fix
from parallax.model import Repair

__all__ = ["link_fixes", "missing_space_fixes", "mojibake_fixes", "protected_spans"]

_LINK = re.compile(r"\[((?:\\.|[^\]\\\n])*)\]\([^()\s]*\)")
_ESCAPE = re.compile(r"\\(.)")

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


def link_fixes(text: str, offset: int) -> list[Fix]:
    """``[text](url)`` -> ``text`` and ``[\\[X\\]](#)`` -> ``[X]``, by deleting the markup."""
    fixes: list[Fix] = []
    for match in _LINK.finditer(text):
        inner = match.group(1)
        start, end = offset + match.start(), offset + match.end()
        edits = [Edit(start, start + 1, "")]
        edits += [Edit(offset + match.start(1) + m.start(), offset + match.start(1) + m.start()
                       + 1, "") for m in _ESCAPE.finditer(inner)]
        edits.append(Edit(offset + match.end(1), end, ""))
        replacement = _ESCAPE.sub(r"\1", inner)
        fixes.append(Fix(Repair(match.group(), replacement, start, end, "markdown-link"),
                         tuple(edits)))
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
    matcher = SequenceMatcher(None, text, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        repair = Repair(text[i1:i2], fixed[j1:j2], offset + i1, offset + i2, "mojibake")
        fixes.append(Fix(repair, (Edit(offset + i1, offset + i2, fixed[j1:j2]),)))
    return fixes
