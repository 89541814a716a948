"""Group articles into stories.

First version: average-link agglomerative clustering of article vectors (the
mean embedding of each article's opening sentences, where news states what the
story is about), stopping when the closest pair of clusters is less similar
than ``SAME_STORY``. Dates and shared actors join the decision in the
across-sources work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS
from parallax.analyze.vectors import prefetch
from parallax.model import AnalyzedArticle, Story

__all__ = ["SAME_STORY", "group_stories"]

# Cosine between mean sentence vectors of two articles on the same events is
# typically above 0.6 with MiniLM; different events of one topic fall near 0.4-0.55.
SAME_STORY = 0.6


# Opening sentences that stand for an article.
LEAD_SENTENCES = 5


def _article_vector(item: AnalyzedArticle) -> np.ndarray[Any, Any]:
    lead = list(range(min(LEAD_SENTENCES, len(item.sentences))))
    vectors = np.asarray(item.embeddings[lead], dtype=np.float32) if lead else np.zeros((0,))
    if not len(vectors):
        return np.zeros(DIMENSIONS, dtype=np.float32)
    mean: np.ndarray[Any, Any] = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


def _title(members: Sequence[AnalyzedArticle]) -> str:
    titles = [m.article.document.title for m in members if m.article.document.title]
    if titles:
        return Counter(titles).most_common(1)[0][0]
    first = members[0]
    return first.sentences[0].text if first.sentences else first.id


def group_stories(analyzed: Sequence[AnalyzedArticle]) -> tuple[Story, ...]:
    """Stories, largest first; every article belongs to exactly one."""
    if not analyzed:
        return ()
    prefetch((a.embeddings for a in analyzed),
             [(i, s) for i, a in enumerate(analyzed)
              for s in range(min(LEAD_SENTENCES, len(a.sentences)))])
    vectors = np.stack([_article_vector(a) for a in analyzed])
    similarity = vectors @ vectors.T
    clusters: list[list[int]] = [[i] for i in range(len(analyzed))]
    while len(clusters) > 1:
        best, pair = -1.0, (0, 0)
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                score = float(similarity[np.ix_(clusters[i], clusters[j])].mean())
                if score > best:
                    best, pair = score, (i, j)
        if best < SAME_STORY:
            break
        i, j = pair
        clusters[i].extend(clusters.pop(j))
    clusters.sort(key=lambda c: (-len(c), min(c)))
    return tuple(
        Story(f"s{n}", _title([analyzed[i] for i in members]),
              tuple(analyzed[i].id for i in sorted(members)))
        for n, members in enumerate(clusters, start=1)
    )
