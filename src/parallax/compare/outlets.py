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

from parallax.compare.claims import NEGATION, SentenceIndex, content_terms, is_claimable
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


def _plain_terms(text: str) -> int:
    """Content words that are neither names nor numbers: how much a sentence says."""
    words = [w for k, w in enumerate(text.split()) if k == 0 or not w[:1].isupper()]
    return sum(1 for t in content_terms(" ".join(words)) if t != NEGATION and not t.isdigit())


def _matched_elsewhere(index: SentenceIndex, keys: Sequence[str]) -> np.ndarray[Any, Any]:
    """Per sentence row: does a sentence of another independent source say the same?"""
    owner_key = np.array([keys[a] for a, _ in index.refs], dtype=object)
    match = index.matches()
    elsewhere = owner_key[match.rows[:, 0]] != owner_key[match.rows[:, 1]]
    return match.where(elsewhere).involved(len(index.refs))


def _core(index: SentenceIndex, rows: Sequence[int], keys: Sequence[str]) -> frozenset[str]:
    """What a claim's support lines state in common: the terms the lines of two or more
    independent sources use (a copy repeats its original's every word)."""
    by_source: dict[str, set[str]] = {}
    for row in rows:
        by_source.setdefault(keys[index.refs[row][0]], set()).update(index.terms[row])
    counts: dict[str, int] = {}
    for terms in by_source.values():
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
    return frozenset(t for t, n in counts.items() if n >= 2)


def _covers(index: SentenceIndex, fact: frozenset[str], row: int, share: float) -> bool:
    """Whether the sentence at ``row`` carries ``share`` of the IDF weight of ``fact``."""
    total = sum(index.idf.get(t, 0.0) for t in fact)
    held = sum(index.idf.get(t, 0.0) for t in fact & index.terms[row])
    return total > 0 and held >= share * total


def _states(index: SentenceIndex, fact: frozenset[str], support: Sequence[int],
            rows: Sequence[int], options: OutletsOptions) -> bool:
    """Whether any of ``rows`` may state the fact of a claim (its shared words ``fact``,
    its ``support`` rows) in its own words: it carries ``fact_coverage`` of those
    words, or sits within ``fact_cosine`` of a support line ("a Kestrian demand to
    control the spillway" for "demanded full control over the spillway schedule")."""
    if not rows:
        return False
    if any(_covers(index, fact, row, options.fact_coverage) for row in rows):
        return True
    return bool(support) and float(index.cosines(support, rows).max()) >= options.fact_cosine


def _said_elsewhere(index: SentenceIndex, rows: Sequence[int], others: Sequence[int],
                    options: OutletsOptions) -> list[bool]:
    """Per row: does a sentence of ``others`` say it in other words (``_states`` with
    the row's own words as the fact), computed for all rows at once."""
    if not rows or not others:
        return [False] * len(rows)
    left, right = np.asarray(rows, dtype=np.int64), np.asarray(others, dtype=np.int64)
    covered = np.asarray(index.words.shared(left, right)
                         >= options.fact_coverage * index.words.totals[left][:, None])
    close = np.asarray(index.cosines(rows, others) >= options.fact_cosine)
    said: list[bool] = np.asarray((covered | close).any(axis=1), dtype=bool).tolist()
    return said


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
    rows = {index.span(ref): row for row, ref in enumerate(index.refs)}
    supports = [[rows[span] for span in claim.support if span in rows] for claim in claims]
    cores = [_core(index, support, keys) for support in supports]
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
            if score and (score >= options.min_specific or _DIGIT.search(text)
                          or _plain_terms(text) >= options.min_plain_terms):
                found.append((score, row, analyzed[a].article.span(sentence.start, sentence.end)))
        own = [row for row, (a, _) in enumerate(index.refs) if a in positions]
        others = [row for row, (a, _) in enumerate(index.refs) if a not in positions]
        # "Only here" also means no other outlet says it in other words.
        ranked = sorted(found, key=lambda f: (-f[0], f[1]))
        elsewhere = _said_elsewhere(index, [row for _, row, _ in ranked], others, options)
        best = [f for f, said in zip(ranked, elsewhere, strict=True)
                if not said][:options.max_exclusive]
        # Copies of an original count as that original; show the original's outlet.
        lead = analyzed[positions[0]].article
        # An outlet omits a widely reported fact only when none of its sentences
        # states it, in the claim's words or in other words: an omission is an
        # accusation, and a paraphrase missed by the alignment is no omission.
        omits = tuple(i for i, claim in enumerate(claims)
                      if widely_reported(claim, len(groups)) and key not in claim_keys[i]
                      and not _states(index, cores[i], supports[i], own, options))
        reports.append(OutletReport(
            outlet=lead.document.outlet or lead.id,
            articles=tuple(analyzed[p].id for p in positions),
            exclusive=tuple(span for _, _, span in sorted(best, key=lambda f: f[1])),
            omits=omits,
        ))
    return tuple(reports)
