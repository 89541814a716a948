"""Boilerplate evidence from the corpus: fragments that recur across documents.

A site's footer, form labels and section furniture repeat from page to page
while its stories do not. Only fragments (never prose) are collected, so a
sentence shared by wire copies or duplicates is never taken for boilerplate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from parallax.clean.blocks import split_units
from parallax.clean.shape import is_prose, normalise_line
from parallax.model import Document

__all__ = ["repeated_lines"]

# Two pages of one outlet sharing a fragment is already a template; across
# outlets it takes three documents, since two stories may share a heading.
_SAME_OUTLET_MIN = 2
_CORPUS_MIN = 3


def _fragments(document: Document) -> set[str]:
    keys = (normalise_line(u.text) for u in split_units(document.source) if not is_prose(u.text))
    return {key for key in keys if key}


def repeated_lines(documents: Sequence[Document]) -> frozenset[str]:
    """Normalised lines that recur across documents (same outlet twice, or 3+ documents overall)."""
    overall: Counter[str] = Counter()
    per_outlet: Counter[tuple[str, str]] = Counter()
    for document in documents:
        outlet = document.outlet or document.id
        for key in _fragments(document):
            overall[key] += 1
            per_outlet[outlet, key] += 1
    same_outlet = {key for (_, key), count in per_outlet.items() if count >= _SAME_OUTLET_MIN}
    corpus = {key for key, count in overall.items() if count >= _CORPUS_MIN}
    return frozenset(same_outlet | corpus)
