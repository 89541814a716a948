"""Split words glued together where page markup used to separate them.

"North Koreawanted", "whileNorth", "stopthe": flattening HTML drops the space
between two tags. Splitting is dangerous (names, new coinages, technical
terms), so a token is split only when everything agrees:

* it is not a known word (wordsegment's unigram list) and occurs nowhere
  else in the document (a recurring "Yongbyon" is a name, not an accident);
* a candidate split (wordninja, or the case changes) gives two or three
  parts, each a common word or a capitalised name the document uses;
* every boundary between parts shows glue: a lowercase word followed by a
  capital ("whileNorth"), a function word on one side ("stopthe"), or a name
  mid-sentence followed by a lowercase word ("Koreawanted"); two capitalised
  halves ("BlackRock") only count when another boundary shows glue.

Compounds the lexicon predates ("blockchain", "livestreamed") show no glue
and stay whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from parallax.clean.edits import Edit, Fix
from parallax.model import Repair

__all__ = ["DocumentWords", "glued_fixes"]

_TOKEN = re.compile(r"[^\W\d_]+")
_CANDIDATE = re.compile(r"\b[^\W\d_]{7,}\b")
_CASE_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Parts rarer than this in the web corpus behind wordsegment (counts out of
# about a trillion words) are too obscure to trust as a split: it keeps
# "dismantled" (530k) and rejects shredded names ("Sun|ak", "Hou|thi").
_MIN_PART_COUNT = 100_000
# Two-letter parts are how names get shredded ("Yong|by|on").
_MIN_PART_LENGTH = 3
# A name glued to a lowercase word is the weakest sign of glue, so both halves
# must be common words (1M+), not syllables of one unknown name: "Young|kin",
# "Vel|mora", "Tarn|holm" (235k) stay whole; "Cohen|accused" (6.7M, 8.7M) splits.
_MIN_NAME_GLUE_LENGTH = 4
_MIN_NAME_GLUE_COUNT = 1_000_000
_MAX_PARTS = 3
_FUNCTION_WORDS = frozenset((
    "the", "and", "for", "with", "from", "that", "this", "was", "were", "has", "have", "had",
    "but", "not", "are", "his", "her", "its", "their", "they", "who", "which", "will", "would",
    "said", "into", "over", "after", "before", "about", "than", "then", "also", "been", "being",
    "our", "your", "you", "she", "him", "them", "when", "where", "while",
))


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """Tokens of the whole document, counted once so each candidate costs a lookup."""

    counts: Counter[str]
    names: frozenset[str]

    @classmethod
    def of(cls, source: str) -> DocumentWords:
        tokens = _TOKEN.findall(source)
        return cls(Counter(t.casefold() for t in tokens),
                   frozenset(t for t in tokens if t[0].isupper()))


@cache
def _lexicon() -> dict[str, float]:
    """wordsegment's unigram counts, loaded on first use (about 0.7 s, once)."""
    import wordsegment

    wordsegment.load()
    unigrams: dict[str, float] = wordsegment.UNIGRAMS
    return unigrams


def _wordninja_split(token: str) -> list[str]:
    import wordninja

    parts: list[str] = wordninja.split(token)
    return parts


def _is_capitalised(part: str) -> bool:
    return part[0].isupper() and part[1:].islower()


def _known(part: str, words: DocumentWords) -> bool:
    if _lexicon().get(part.casefold(), 0.0) >= _MIN_PART_COUNT:
        return True
    return _is_capitalised(part) and part in words.names


def _boundary(left: str, right: str, *, name_ok: bool) -> str | None:
    """"glue", "camel" (two capitalised halves) or None for one part boundary."""
    if left.casefold() in _FUNCTION_WORDS or right.casefold() in _FUNCTION_WORDS:
        return "glue"
    if left.islower() and right[0].isupper():
        return "glue"
    if _is_capitalised(left) and right.islower():
        lexicon = _lexicon()
        common = all(len(part) >= _MIN_NAME_GLUE_LENGTH
                     and lexicon.get(part.casefold(), 0.0) >= _MIN_NAME_GLUE_COUNT
                     for part in (left, right))
        return "glue" if name_ok and common else None
    if _is_capitalised(left) and _is_capitalised(right):
        return "camel"
    return None


def _acceptable(parts: list[str], words: DocumentWords, *, name_ok: bool) -> bool:
    if not 2 <= len(parts) <= _MAX_PARTS:
        return False
    if any(len(p) < _MIN_PART_LENGTH or not _known(p, words) for p in parts):
        return False
    kinds = [_boundary(a, b, name_ok=name_ok) for a, b in pairwise(parts)]
    return None not in kinds and "glue" in kinds


def _sentence_initial(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"'\u201c\u2018([")
    return not before or before[-1] in ".!?:"


def _worth_trying(token: str, words: DocumentWords) -> bool:
    folded = token.casefold()
    return not token.isupper() and words.counts[folded] <= 1 and folded not in _lexicon()


def _split(token: str, words: DocumentWords, *, mid_sentence: bool) -> list[str] | None:
    for parts in (_CASE_PARTS.findall(token), _wordninja_split(token)):
        name_ok = mid_sentence or parts[0] in words.names
        if "".join(parts) == token and _acceptable(parts, words, name_ok=name_ok):
            return parts
    return None


def glued_fixes(text: str, offset: int, words: DocumentWords,
                protected: Iterable[tuple[int, int]]) -> list[Fix]:
    """Spaces to insert into glued tokens of ``text`` (a line starting at ``offset``)."""
    fixes: list[Fix] = []
    spans = list(protected)
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        if any(a <= start < b for a, b in spans) or text[start - 1:start] in ("@", "#"):
            continue
        token = match.group()
        if not _worth_trying(token, words):
            continue
        parts = _split(token, words, mid_sentence=not _sentence_initial(text, start))
        if parts is None:
            continue
        cuts, position = [], offset + start
        for part in parts[:-1]:
            position += len(part)
            cuts.append(Edit(position, position, " "))
        repair = Repair(token, " ".join(parts), offset + start, offset + match.end(), "glued-words")
        fixes.append(Fix(repair, tuple(cuts)))
    return fixes
