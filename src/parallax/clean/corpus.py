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
from parallax.options import DEFAULT_OPTIONS, CleanOptions

__all__ = ["repeated_lines"]



def _fragments(document: Document, options: CleanOptions) -> set[str]:
    keys = (normalise_line(u.text) for u in split_units(document.source, options=options)
            if not is_prose(u.text))
    return {key for key in keys if key}


def repeated_lines(documents: Sequence[Document], *,
                   options: CleanOptions = DEFAULT_OPTIONS.clean) -> frozenset[str]:
    """Normalised lines that recur across documents (same outlet twice, or 3+ documents overall)."""
    overall: Counter[str] = Counter()
    per_outlet: Counter[tuple[str, str]] = Counter()
    for document in documents:
        outlet = document.outlet or document.id
        for key in _fragments(document, options):
            overall[key] += 1
            per_outlet[outlet, key] += 1
    same_outlet = {key for (_, key), count in per_outlet.items()
                   if count >= options.same_outlet_min}
    corpus = {key for key, count in overall.items() if count >= options.corpus_min}
    return frozenset(same_outlet | corpus)
