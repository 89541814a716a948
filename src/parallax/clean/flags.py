"""Flags a reader needs before trusting an article: cut off, paywalled, short, foreign.

Each test is deliberately cheap (string ends, a word count, a stopword
ratio), because it runs on every article and only has to be right about
what the text obviously is.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.clean.shape import final_mark, words
from parallax.lang.en import ENGLISH
from parallax.model import Removal

__all__ = ["article_flags"]

_ELLIPSES = ("...", "\u2026")
# Fewer content words than a short news brief (~80) means the page kept the story elsewhere.
_VERY_SHORT_WORDS = 80
# A text without a language tag is English when enough of its words are the
# English pack's common words (news prose runs at 35-50%). Too few words make
# any ratio noise.
_MIN_ENGLISH_RATIO = 0.15
_MIN_WORDS_FOR_LANGUAGE = 20


def _truncated(text: str, removed: Sequence[Removal]) -> bool:
    if any(r.reason == "paywall" for r in removed):
        return True
    last = text.rsplit("\n\n", 1)[-1].rstrip()
    if not last:
        return False
    return last.endswith(_ELLIPSES) or final_mark(last) not in (".", "?", "!")


def _non_english(tokens: list[str], language: str | None) -> bool:
    if language:
        return not language.lower().startswith(ENGLISH.code)
    if len(tokens) < _MIN_WORDS_FOR_LANGUAGE:
        return False
    hits = sum(1 for t in tokens if t.casefold() in ENGLISH.common_words)
    return hits / len(tokens) < _MIN_ENGLISH_RATIO


def article_flags(text: str, removed: Sequence[Removal], language: str | None) -> tuple[str, ...]:
    """``truncated``, ``paywall``, ``very-short`` and ``non-english``, as they apply."""
    tokens = words(text)
    checks = (
        ("truncated", _truncated(text, removed)),
        ("paywall", any(r.reason == "paywall" for r in removed)),
        ("very-short", len(tokens) < _VERY_SHORT_WORDS),
        ("non-english", _non_english(tokens, language)),
    )
    return tuple(name for name, applies in checks if applies)
