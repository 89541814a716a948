"""Numeric evidence about each unit of a flattened page, for the trained line model.

The rules in ``boilerplate`` decide on one cue at a time; a flattened page
(menus, teasers, footers and all) needs the evidence weighed together: how
long and sentence-like a unit is, what its neighbours are, and where it sits
relative to the story. The story of a page is one contiguous run dominated
by long prose units, found as the maximum-sum run of per-unit scores (prose
words count for it, fragments against it); distances to that run are the
strongest positional evidence there is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from parallax.clean.blocks import Unit
from parallax.clean.cues import URLISH, strongest_cue
from parallax.clean.shape import ends_sentence, is_prose, starts_lowercase, words
from parallax.lang.en import ENGLISH

__all__ = ["FEATURE_NAMES", "line_features", "story_run"]

# Features of a trained model (tools/train_lines.py): not in ``parallax.options``, since a
# value here changes only together with a retrained model.
# Score of a fragment in the story-run search: what a short heading or a
# dateline between paragraphs costs, so a few of them do not split the story
# while a menu (dozens of fragments) does. Set by hand: a heading costs what
# a three-word sentence earns, a long fragment (a teaser title) half its words.
_FRAGMENT_COST = 3.0
_FRAGMENT_WORD_COST = 0.5

# Scripts written without spaces between words (Chinese, Japanese): about two
# characters make a word, and "。" ends a sentence.
_WIDE = "\u2e80"
_WIDE_CHARS_PER_WORD = 2
_WIDE_TERMINALS = "\u3002\uff01\uff1f"
_WIDE_SENTENCE_MIN_CHARS = 10

_DIGIT = re.compile(r"\d")
_SYMBOL = re.compile(r"[^\w\s]|_")

_OWN = (
    "log_words", "wide_share", "log_chars", "prose", "ends_sentence", "starts_lowercase",
    "lower_share", "capital_share", "function_share", "digit_share", "symbol_share",
    "sentence_marks", "url", "separators", "cue_score", "rule_removed", "lines",
    "block_units", "bullet",
)
_CONTEXT = ("log_words", "prose", "function_share", "rule_removed")
_WINDOW = 2
_OFFSETS = (-2, -1, 1, 2)
_POSITION = (
    "relative_index", "in_story", "before_story", "after_story", "log_distance",
    "story_share", "log_units",
)
FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *(f"{name}@{offset:+d}" for offset in _OFFSETS for name in _CONTEXT),
    *_POSITION,
)


def _wide(text: str) -> int:
    return sum(1 for char in text if char >= _WIDE)


def _size(text: str) -> int:
    """Length in words, counting spaceless scripts by characters."""
    return max(len(words(text)), _wide(text) // _WIDE_CHARS_PER_WORD)


def _prose(text: str) -> bool:
    """``shape.is_prose``, or a full sentence of a spaceless script."""
    stripped = text.rstrip()
    return is_prose(text) or (stripped[-1:] in _WIDE_TERMINALS
                              and _wide(text) >= _WIDE_SENTENCE_MIN_CHARS)


def _own(unit: Unit, removed: bool, block_units: int) -> list[float]:
    text = unit.text
    tokens = words(text)
    count = len(tokens)
    chars = max(1, len(text))
    cue = strongest_cue(text)
    lower = sum(1 for t in tokens if t[0].islower())
    return [
        math.log1p(_size(text)),
        _wide(text) / chars,
        math.log1p(len(text)),
        float(_prose(text)),
        float(ends_sentence(text)),
        float(starts_lowercase(text)),
        lower / count if count else 0.0,
        (count - lower) / count if count else 0.0,
        # The line model (lines.json) was trained on English pages with this feature.
        sum(1 for t in tokens if t.casefold() in ENGLISH.common_words) / count if count else 0.0,
        len(_DIGIT.findall(text)) / chars,
        len(_SYMBOL.findall(text)) / chars,
        sum(text.count(mark) for mark in ".?!") / max(1, count),
        float(bool(URLISH.search(text))),
        float(sum(text.count(mark) for mark in "|\u00bb>/\u2022\u00b7")),
        float(cue.score) if cue else 0.0,
        float(removed),
        float(len(unit.lines)),
        math.log1p(block_units),
        float(text[:1] in "-*\u2022\u00b7+>#"),
    ]


def story_run(scores: Sequence[float]) -> tuple[int, int]:
    """``(start, end)`` of the run of units with the largest score sum, (0, 0) if none."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


def _run_scores(units: Sequence[Unit], removed: Sequence[bool]) -> list[float]:
    """Kept prose scores its word count; anything else costs, more the longer it is."""
    scores: list[float] = []
    for unit, dropped in zip(units, removed, strict=True):
        count = _size(unit.text)
        prose = _prose(unit.text) and not dropped
        scores.append(float(count) if prose
                      else -(_FRAGMENT_COST + _FRAGMENT_WORD_COST * count))
    return scores


def _position(index: int, total: int, run: tuple[int, int]) -> list[float]:
    start, end = run
    inside = start <= index < end
    distance = start - index if index < start else (index - end + 1 if index >= end else 0)
    return [
        index / max(1, total - 1),
        float(inside),
        float(index < start),
        float(index >= end),
        math.log1p(distance),
        (end - start) / max(1, total),
        math.log1p(total),
    ]


def line_features(units: Sequence[Unit], removed: Sequence[bool]) -> npt.NDArray[np.float64]:
    """One row of ``FEATURE_NAMES`` per unit; ``removed`` is the rules' verdict per unit."""
    if not units:
        return np.zeros((0, len(FEATURE_NAMES)))
    block_sizes: dict[int, int] = {}
    for unit in units:
        block_sizes[unit.block] = block_sizes.get(unit.block, 0) + 1
    own = np.array([_own(u, r, block_sizes[u.block]) for u, r in zip(units, removed, strict=True)])
    columns = [_OWN.index(name) for name in _CONTEXT]
    pad = np.zeros((_WINDOW, len(_CONTEXT)))
    padded = np.vstack([pad, own[:, columns], pad])
    total = len(units)
    context = [padded[_WINDOW + offset:_WINDOW + offset + total] for offset in _OFFSETS]
    run = story_run(_run_scores(units, removed))
    position = np.array([_position(i, total, run) for i in range(total)])
    return np.hstack([own, *context, position])
