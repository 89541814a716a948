"""Link debris in a sentence shown on its own: what link text leaves behind.

A page's links are cleaned down to their text, and what stood around them
stays: a quote mark spaced off the words it opens ("said, \u201c [Country]
wanted ..."), a bracket or quote pair whose link had no text, a space before a
comma where a link was dropped. A summary line or timeline entry shows the
sentence tidied; its citation keeps the source's own characters, and the
Markdown view compares a line with its evidence tidied the same way, so the
tidying is no other wording. One function, so every view agrees.
"""

from __future__ import annotations

import re

__all__ = ["tidy"]

# Only curly double quotes, round and square brackets are tidied: "\u2019" is
# also an apostrophe (" \u201990s"), straight quotes do not say which way they
# face, and "\u201c" closes a quote where "\u201e" opens it (German, Czech), so
# the curly quotes are tidied only in text without "\u201e".
_EMPTY_PAIR = re.compile(r"\s*(?:\(\s*\)|\[\s*\]|\u201c\s*\u201d)")
_SPACED_OPENER = re.compile(r"([(\[])\s+")
_SPACED_CLOSER = re.compile(r"\s+([)\]])")
_SPACED_QUOTE_OPENER = re.compile(r"(?:^|(?<=\s))\u201c\s+(?=\S)")
_SPACED_QUOTE_CLOSER = re.compile(r"(?<=\S)\s+\u201d(?=\s|$|[,.;:!?)])")
# A comma or a full stop (not an ellipsis, nor a decimal point) spaced off its word.
_SPACED_STOP = re.compile(r"(?<=\w)\s+([,.])(?![.\w])")
_LOW_OPENER = "\u201e"


def tidy(text: str) -> str:
    """``text`` without link debris: empty bracket or quote pairs, brackets and
    curly quotes spaced off what they hold, commas and full stops spaced off
    their word, runs of spaces. The words and their order stay as written."""
    text = _EMPTY_PAIR.sub("", text)
    text = _SPACED_CLOSER.sub(r"\1", _SPACED_OPENER.sub(r"\1", text))
    if _LOW_OPENER not in text:
        text = _SPACED_QUOTE_CLOSER.sub("\u201d", _SPACED_QUOTE_OPENER.sub("\u201c", text))
    return " ".join(_SPACED_STOP.sub(r"\1", text).split())
