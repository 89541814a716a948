"""Matching rules of ``bench/realnews.py``: spans against hand-made gold snippets.

The gold of ``../shared/eval/basil/review*/`` gives text, not offsets: every
snippet is an exact substring of its article's ``text`` (the JSONL field that
becomes ``Document.source``), so ``locate`` finds it and the rules here compare
character ranges of that one text. Kept apart from the script so the rules can
be tested on invented strings (tests/test_realnews_scoring.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

WORD = re.compile(r"\w+")
Range = tuple[int, int]

# Name words that are not a surname: "Theodore J. Boutrous Jr." is Boutrous.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A timeline entry or summary line that opens on one of these leans on a
# sentence the reader does not see (issue 14's "entries that do not stand alone").
LEANING_OPENERS = frozenset({
    "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its",
    "their", "but", "and", "so", "yet", "however", "also", "still", "then",
})


def locate(text: str, snippet: str) -> Range | None:
    """Where ``snippet`` first occurs in ``text`` (the gold's convention), or None."""
    at = text.find(snippet)
    return (at, at + len(snippet)) if at >= 0 and snippet else None


def overlaps(text: str, a: Range, b: Range) -> bool:
    """Whether the two ranges share at least one word character (not a bare space or mark)."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low < high and WORD.search(text, low, high) is not None


def coverage(text: str, gold: Range, shown: Range) -> float:
    """Share of the words of ``gold`` that ``shown`` touches (0 when ``gold`` has none)."""
    words = [m.span() for m in WORD.finditer(text, gold[0], gold[1])]
    if not words:
        return 0.0
    return sum(1 for start, end in words if start < shown[1] and end > shown[0]) / len(words)


def name_words(name: str) -> set[str]:
    """Lower-cased words of a name ("Trump's office" has "trump")."""
    return set(WORD.findall(name.lower()))


def surname(name: str) -> str:
    """The last word of a name that is not a suffix, lower-cased ("" for none)."""
    words = [w for w in WORD.findall(name.lower()) if w not in SUFFIXES]
    return words[-1] if words else ""


def speaker_right(gold: str, actor_name: str) -> bool:
    """The suggested rule of the gold's README: the gold surname is among the actor's name words.

    A gold of several speakers ("Ada Quill and Ben Roe") is right for either's
    surname: the statement is listed under one of the people who made it.
    """
    words = name_words(actor_name)
    return any(last in words for part in re.split(r",|&|\band\b", gold)
               if (last := surname(part)))


def date_matches(shown: str, gold: str) -> bool:
    """``shown`` (ISO, any precision) equals ``gold`` at the gold's precision (YYYY, YYYY-MM
    or YYYY-MM-DD); a coarser shown date than the gold's is not a match."""
    return len(shown) >= len(gold) and shown[:len(gold)] == gold


def content_words(text: str, stopwords: Collection[str]) -> set[str]:
    """Lower-cased words of ``text`` that are not stop words (nor bare numbers of one digit)."""
    return {w for w in WORD.findall(text.lower()) if w not in stopwords and len(w) > 1}


def carried(point: set[str], lines: Iterable[set[str]]) -> tuple[float, float]:
    """Share of ``point``'s words in its best single line, and in all lines together."""
    rows = list(lines)
    if not point:
        return 0.0, 0.0
    best = max((len(point & line) for line in rows), default=0)
    union = set().union(*rows) if rows else set()
    return best / len(point), len(point & union) / len(point)


def opens_leaning(text: str) -> bool:
    """Whether ``text`` opens on a pronoun or connector (``LEANING_OPENERS``)."""
    first = WORD.search(text)
    return first is not None and first.group().lower() in LEANING_OPENERS
