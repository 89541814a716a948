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
from parallax.options import DEFAULT_OPTIONS, CleanOptions

__all__ = ["article_flags"]

_ELLIPSES = ("...", "\u2026")


def _truncated(text: str, removed: Sequence[Removal]) -> bool:
    if any(r.reason == "paywall" for r in removed):
        return True
    last = text.rsplit("\n\n", 1)[-1].rstrip()
    if not last:
        return False
    return last.endswith(_ELLIPSES) or final_mark(last) not in (".", "?", "!")


def _non_english(tokens: list[str], language: str | None, options: CleanOptions) -> bool:
    if language:
        return not language.lower().startswith(ENGLISH.code)
    if len(tokens) < options.min_words_for_language:
        return False
    hits = sum(1 for t in tokens if t.casefold() in ENGLISH.common_words)
    return hits / len(tokens) < options.min_english_ratio


def article_flags(text: str, removed: Sequence[Removal], language: str | None, *,
                  options: CleanOptions = DEFAULT_OPTIONS.clean) -> tuple[str, ...]:
    """``truncated``, ``paywall``, ``very-short``, ``non-english`` and ``bad-bytes``, as they apply.

    ``bad-bytes``: the text holds U+FFFD, a byte the decoder could not read
    (``ingest.decode``) or a replacement already in the input: words may be missing.
    """
    tokens = words(text)
    checks = (
        ("truncated", _truncated(text, removed)),
        ("paywall", any(r.reason == "paywall" for r in removed)),
        ("very-short", len(tokens) < options.very_short_words),
        ("non-english", _non_english(tokens, language, options)),
        ("bad-bytes", "\ufffd" in text),
    )
    return tuple(name for name, applies in checks if applies)
