"""Who counts as an independent source.

Two articles are one source when they come from the same outlet, or when one
is a near-copy of the other (``Article.duplicate_of``, set by
``parallax.group.dedupe``): a wire story reprinted ten times is still one
voice, so corroboration counts outlets, never articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from parallax.model import Article, Span

__all__ = ["count_sources", "normalise_outlet", "source_key"]

_NON_WORD = re.compile(r"[^0-9a-z]+")
_PREFIXES = ("www.", "the ")


def normalise_outlet(outlet: str) -> str:
    """Fold spelling variants of one outlet name ("The Guardian", "guardian") together."""
    name = outlet.strip().casefold()
    for prefix in _PREFIXES:
        name = name.removeprefix(prefix)
    return _NON_WORD.sub(" ", name).strip()


def source_key(article: Article, articles: Mapping[str, Article] | None = None) -> str:
    """The independent-source identity of ``article``.

    A duplicate takes its original's identity; ``articles`` lets that original
    be looked up (its outlet may differ from the copy's). Without it, or when
    the original is unknown, the original's id stands in, which still makes all
    copies of one original count once.
    """
    seen = {article.id}
    original_id = article.duplicate_of
    while original_id is not None and original_id not in seen:
        original = (articles or {}).get(original_id)
        if original is None:
            return f"article:{original_id}"
        article, seen = original, seen | {original_id}
        original_id = article.duplicate_of
    outlet = article.document.outlet
    name = normalise_outlet(outlet) if outlet else ""
    return f"outlet:{name}" if name else f"article:{article.id}"


def count_sources(spans: Iterable[Span], articles: Mapping[str, Article]) -> int:
    """Number of independent sources among the articles that ``spans`` point into.

    Spans into articles missing from ``articles`` count as one source each.
    """
    keys = {
        source_key(articles[span.article], articles) if span.article in articles
        else f"article:{span.article}"
        for span in spans
    }
    return len(keys)
