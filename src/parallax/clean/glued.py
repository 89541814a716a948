"""Split words glued together where page markup used to separate them.

"North Koreawanted", "whileNorth", "stopthe": flattening HTML drops the space
between two tags. Splitting is dangerous (names, new coinages, technical
terms), so a token is split only when everything agrees:

* it is not a known word (wordsegment's unigram list) and occurs nowhere
  else in the document (a recurring "Yongbyon" is a name, not an accident);
* a candidate split (wordninja, or the case changes) gives two or three
  parts, each a common word or a capitalised name the document uses
  (a known name may also be cut off the front: "Velmorawanted");
* every boundary between parts shows glue: a lowercase function word on one
  side ("stopthe", "whileNorth"), or a name mid-sentence followed by a common
  verb form ("Koreawanted"); a bare case change ("BlackRock", "mergeAccounts")
  only counts when another boundary shows glue ("MichaelCohenaccused").

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
from parallax.options import DEFAULT_OPTIONS, CleanOptions

__all__ = ["DocumentWords", "glued_fixes"]

_TOKEN = re.compile(r"[^\W\d_]+")
# Five letters is the shortest glue worth finding ("ofthe", "thedam"); shorter
# tokens are abbreviations and names far more often than accidents.
_CANDIDATE = re.compile(r"\b[^\W\d_]{5,}\b")
_CASE_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Parts shorter than ``CleanOptions.glue_min_part_length`` may only be one of
# these, and only in an all-lowercase token ("ofthe", "tothe").
_SHORT_FUNCTION_WORDS = frozenset(("of", "to", "in", "on", "at", "by", "an", "as", "is", "or"))
_VERB_ENDINGS = ("ed", "s")
_FUNCTION_WORDS = frozenset((
    "the", "and", "for", "with", "from", "that", "this", "was", "were", "has", "have", "had",
    "but", "not", "are", "his", "her", "its", "their", "they", "who", "which", "will", "would",
    "said", "into", "over", "after", "before", "about", "than", "then", "also", "been", "being",
    "our", "your", "you", "she", "him", "them", "when", "where", "while",
    *_SHORT_FUNCTION_WORDS,
))
_LONGEST_FUNCTION_WORD = max(map(len, _FUNCTION_WORDS))


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
    """wordsegment's unigram counts, read on first use (about 0.3 s, once).

    Read directly rather than through ``wordsegment.load()``, which also
    reads the bigrams and the word list: most documents never need them.
    """
    from wordsegment import Segmenter

    unigrams: dict[str, float] = Segmenter.parse(Segmenter.UNIGRAMS_FILENAME)
    return unigrams


@cache
def _bigrams() -> dict[str, float]:
    """wordsegment's bigram counts ("of the"), read the first time a glued pair of
    function words needs them."""
    from wordsegment import Segmenter

    bigrams: dict[str, float] = Segmenter.parse(Segmenter.BIGRAMS_FILENAME)
    return bigrams


def _common_glue_split(token: str, options: CleanOptions) -> list[str]:
    """Two function words the web writes far more often apart than as this one "word".

    Only function words: the corpus also splits real words ("cannot" is
    counted 2000 times more often as "can not").
    """
    for cut in range(2, min(len(token) - 1, _LONGEST_FUNCTION_WORD + 1)):
        left, right = token[:cut], token[cut:]
        if left in _FUNCTION_WORDS and right in _FUNCTION_WORDS and _bigrams().get(
                f"{left} {right}", 0.0) >= options.glue_common_ratio * _lexicon().get(token, 0.0):
            return [left, right]
    return [token]


def _wordninja_split(token: str) -> list[str]:
    import wordninja

    parts: list[str] = wordninja.split(token)
    return parts


def _name_prefix_split(token: str, words: DocumentWords, options: CleanOptions) -> list[str]:
    """A name the document uses, then the rest: "Velmorawanted" when "Velmora" recurs."""
    shortest = options.glue_min_part_length
    for cut in range(len(token) - shortest, shortest - 1, -1):
        if token[:cut] in words.names:
            return [token[:cut], token[cut:]]
    return [token]


def _is_capitalised(part: str) -> bool:
    return part[0].isupper() and part[1:].islower()


def _known(part: str, words: DocumentWords, options: CleanOptions) -> bool:
    if _lexicon().get(part.casefold(), 0.0) >= options.glue_min_part_count:
        return True
    return _is_capitalised(part) and part in words.names


def _name_glue(name: str, tail: str, words: DocumentWords, options: CleanOptions) -> bool:
    if min(len(name), len(tail)) < options.glue_min_name_length:
        return False
    lexicon = _lexicon()
    known_name = (name in words.names
                  or lexicon.get(name.casefold(), 0.0) >= options.glue_min_name_count)
    verb_like = (tail.endswith(_VERB_ENDINGS)
                 and lexicon.get(tail, 0.0) >= options.glue_min_verb_tail_count)
    return known_name and verb_like


def _boundary(left: str, right: str, words: DocumentWords, options: CleanOptions, *,
              name_ok: bool) -> str | None:
    """"glue", "camel" (a case change only) or None for one part boundary.

    Only a lowercase function word is glue by itself ("stop|the", "while|North");
    a capitalised one is part of a title or brand ("You|Tubers", "From|Software"),
    and a bare case change is how identifiers and brands are written
    ("merge|Accounts", "Black|Rock").
    """
    if left in _FUNCTION_WORDS or right in _FUNCTION_WORDS:
        return "glue"
    if _is_capitalised(left) and right.islower():
        return "glue" if name_ok and _name_glue(left, right, words, options) else None
    if right[0].isupper() and (left.islower() or _is_capitalised(left)):
        return "camel"
    return None


def _acceptable(parts: list[str], words: DocumentWords, options: CleanOptions, *,
                name_ok: bool) -> bool:
    if not 2 <= len(parts) <= options.glue_max_parts:
        return False
    lowercase = all(p.islower() for p in parts)
    if any(not _known(p, words, options) or (len(p) < options.glue_min_part_length
           and not (lowercase and p in _SHORT_FUNCTION_WORDS)) for p in parts):
        return False
    kinds = [_boundary(a, b, words, options, name_ok=name_ok) for a, b in pairwise(parts)]
    return None not in kinds and "glue" in kinds


def _sentence_initial(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"'\u201c\u2018([")
    return not before or before[-1] in ".!?:"


def _worth_trying(token: str, words: DocumentWords) -> bool:
    """An unknown token, or a lowercase known one (it may be common glue), seen only once."""
    folded = token.casefold()
    if token.isupper() or words.counts[folded] > 1:
        return False
    return token.islower() or folded not in _lexicon()


def _split(token: str, words: DocumentWords, options: CleanOptions, *,
           mid_sentence: bool) -> list[str] | None:
    if token in _lexicon():
        candidates: tuple[list[str], ...] = (_common_glue_split(token, options),)
    else:
        candidates = (_CASE_PARTS.findall(token), _name_prefix_split(token, words, options),
                      _wordninja_split(token))
    for parts in candidates:
        if "".join(parts) != token:
            continue
        if len(token) < options.glue_short_token and " ".join(parts).casefold() not in _bigrams():
            continue
        name_ok = mid_sentence or parts[0] in words.names
        if _acceptable(parts, words, options, name_ok=name_ok):
            return parts
    return None


def glued_fixes(text: str, offset: int, words: DocumentWords,
                protected: Iterable[tuple[int, int]], *,
                options: CleanOptions = DEFAULT_OPTIONS.clean) -> list[Fix]:
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
        parts = _split(token, words, options, mid_sentence=not _sentence_initial(text, start))
        if parts is None:
            continue
        cuts, position = [], offset + start
        for part in parts[:-1]:
            position += len(part)
            cuts.append(Edit(position, position, " "))
        repair = Repair(token, " ".join(parts), offset + start, offset + match.end(), "glued-words")
        fixes.append(Fix(repair, tuple(cuts)))
    return fixes
