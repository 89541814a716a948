"""Per-outlet view: what each independent source reports alone, and what it leaves out.

Comparing coverage is half of reading several outlets: a fact only one outlet
has is either a scoop or an error and needs checking; a fact most outlets
carry and one omits says something about that outlet. Both fall out of the
sentence alignment the claims already computed, so this stage adds no model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from parallax.compare.claims import SentenceIndex, is_claimable
from parallax.compare.sources import source_key
from parallax.model import AnalyzedArticle, Article, Claim, OutletReport, Span
from parallax.options import DEFAULT_OPTIONS, OutletsOptions

__all__ = ["outlet_reports", "widely_reported"]

# Names, numbers and dates are what a second outlet could confirm or refute;
# a sentence with none of them is usually framing or colour.
_SPECIFIC_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "DATE",
                              "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "LAW"})
_DIGIT = re.compile(r"\d")


def widely_reported(claim: Claim, total_sources: int) -> bool:
    """Carried by at least half of the independent sources (and by two or more)."""
    return claim.sources >= max(2, math.ceil(total_sources / 2))


def _specificity(item: AnalyzedArticle, start: int, end: int, text: str) -> int:
    """Names, numbers and dates in a sentence: what another outlet could check."""
    named = sum(1 for e in item.entities
                if e.label in _SPECIFIC_LABELS and start <= e.start and e.end <= end)
    return named + (1 if _DIGIT.search(text) else 0)


def _matched_elsewhere(index: SentenceIndex, keys: Sequence[str]) -> np.ndarray[Any, Any]:
    """Per sentence row: does a sentence of another independent source say the same?"""
    owner_key = np.array([keys[a] for a, _ in index.refs], dtype=object)
    match = index.matches()
    elsewhere = owner_key[match.rows[:, 0]] != owner_key[match.rows[:, 1]]
    return match.where(elsewhere).involved(len(index.refs))


def outlet_reports(analyzed: Sequence[AnalyzedArticle], claims: Sequence[Claim],
                   index: SentenceIndex, *, options: OutletsOptions = DEFAULT_OPTIONS.outlets
                   ) -> tuple[OutletReport, ...]:
    """One report per independent source, in order of first appearance.

    A single source has nothing to be compared with, so the tuple is empty.
    """
    articles: dict[str, Article] = {item.id: item.article for item in analyzed}
    keys = [source_key(item.article, articles) for item in analyzed]
    groups: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        groups.setdefault(key, []).append(position)
    if len(groups) < 2:
        return ()
    matched = _matched_elsewhere(index, keys)
    claim_keys = [{source_key(articles[s.article], articles) for s in c.support if
                   s.article in articles} for c in claims]
    reports = []
    for key, positions in groups.items():
        found: list[tuple[int, int, Span]] = []
        seen: set[str] = set()
        for row, (a, s) in enumerate(index.refs):
            sentence = analyzed[a].sentences[s]
            text = " ".join(sentence.text.split())
            # A copy inside the same source repeats its original word for word.
            if (a not in positions or matched[row] or text in seen
                    or not is_claimable(text, index.options.min_words)):
                continue
            seen.add(text)
            score = _specificity(analyzed[a], sentence.start, sentence.end, text)
            if score:
                found.append((score, row, analyzed[a].article.span(sentence.start, sentence.end)))
        best = sorted(found, key=lambda f: (-f[0], f[1]))[:options.max_exclusive]
        # Copies of an original count as that original; show the original's outlet.
        lead = analyzed[positions[0]].article
        omits = tuple(i for i, claim in enumerate(claims)
                      if widely_reported(claim, len(groups)) and key not in claim_keys[i])
        reports.append(OutletReport(
            outlet=lead.document.outlet or lead.id,
            articles=tuple(analyzed[p].id for p in positions),
            exclusive=tuple(span for _, _, span in sorted(best, key=lambda f: f[1])),
            omits=omits,
        ))
    return tuple(reports)
