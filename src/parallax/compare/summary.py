"""Extractive summary: a few sentences that cover the story, each with its evidence.

A sentence earns its place by being central (close to the centroid of every
sentence in the corpus: it speaks of what most of the coverage speaks of),
corroborated (independent outlets say it too: the claims found earlier) and
early (news puts the gist up front). Maximal marginal relevance then keeps
the picked lines from repeating one another. Every line carries the spans of
each article that says it, so it never stands without evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from parallax.analyze.vectors import prefetch
from parallax.compare.claims import Ref, SentenceIndex, is_claimable, sentence_index
from parallax.model import AnalyzedArticle, Claim, Span, SummaryLine

__all__ = ["summarize"]

# Weights of the score. Centrality (cosine to the centroid) spreads over about
# 0.3-0.8 on news; each extra independent source is worth a sizeable step,
# capped so one much-repeated line cannot crowd out the rest; the lead prior
# decays over the first few sentences of an article. Set by reading the seed
# summaries (three outlets on the Hanoi summit) for informative, non-redundant
# lines.
CORROBORATION_WEIGHT = 0.15
CORROBORATION_CAP = 3
LEAD_WEIGHT = 0.2
LEAD_DECAY = 4.0
# MMR trade-off between relevance and novelty (0.7 is the usual choice for
# extractive news summaries; 0.5 pushed off-topic lines in on the seeds).
MMR_LAMBDA = 0.7
# Never pick a line this close in meaning to one already picked.
REDUNDANT_COSINE = 0.75
# Candidate pool: corroborated sentences plus each article's first sentences.
# News states the gist up front (lead-3 is the classic strong baseline), and a
# bounded pool keeps the embedding cost of the summary independent of length.
LEAD_POOL = 5


def _claim_of(claims: Sequence[Claim]) -> dict[tuple[str, int, int], Claim]:
    return {(span.article, span.clean_start, span.clean_end): claim
            for claim in claims for span in claim.support}


def summarize(analyzed: Sequence[AnalyzedArticle], claims: Sequence[Claim],
              length: int = 5, index: SentenceIndex | None = None) -> tuple[SummaryLine, ...]:
    """Up to ``length`` lines: corroborated ones first, then in story order.

    ``index`` is ``sentence_index(analyzed)`` when the caller already has it.
    """
    if index is None:
        index = sentence_index(analyzed)
    claim_of = _claim_of(claims)

    def claim_at(ref: Ref) -> Claim | None:
        sentence = index.analyzed[ref[0]].sentences[ref[1]]
        return claim_of.get((index.analyzed[ref[0]].id, sentence.start, sentence.end))

    rows = [k for k, ref in enumerate(index.refs)
            if (ref[1] < LEAD_POOL or claim_at(ref) is not None)
            and is_claimable(index.text(ref))]
    if not rows or length <= 0:
        return ()
    spans = [index.span(index.refs[k]) for k in rows]
    claim_for = [claim_at(index.refs[k]) for k in rows]
    pool = [index.refs[k] for k in rows]
    prefetch((item.embeddings for item in index.analyzed), pool)
    vectors = np.vstack([np.asarray(index.analyzed[a].embeddings[s], dtype=np.float32)
                         for a, s in pool])
    centroid = vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    sources = np.array([c.sources - 1 if c else 0 for c in claim_for], dtype=np.float32)
    lead = np.array([np.exp(-index.refs[k][1] / LEAD_DECAY) for k in rows], dtype=np.float32)
    relevance = (vectors @ centroid
                 + CORROBORATION_WEIGHT * np.minimum(sources, CORROBORATION_CAP)
                 + LEAD_WEIGHT * lead)
    similarity = vectors @ vectors.T
    chosen: list[int] = []
    open_ = np.ones(len(rows), dtype=bool)
    while len(chosen) < length and open_.any():
        redundancy = similarity[:, chosen].max(axis=1) if chosen else np.zeros(len(rows))
        mmr = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy
        best = int(np.argmax(np.where(open_, mmr, -np.inf)))
        chosen.append(best)
        open_ &= similarity[best] < REDUNDANT_COSINE
        same_claim = claim_for[best]
        if same_claim is not None:
            open_ &= np.array([c is not same_claim for c in claim_for])
    def order(k: int) -> tuple[bool, Ref]:
        return claim_for[k] is None, index.refs[rows[k]]

    lines = []
    for k in sorted(chosen, key=order):
        claim = claim_for[k]
        support: tuple[Span, ...] = claim.support if claim else (spans[k],)
        lines.append(SummaryLine(spans[k].text, support))
    return tuple(lines)
