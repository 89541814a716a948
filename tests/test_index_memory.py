"""The sentence index grows about linearly with a story's sentences, and stays exact.

Issue 12: dense n x n matrices of every sentence pair made one 5 MB article
ask for 18 GB. The index keeps only the pairs of different articles that share
enough words; these tests hold its memory well under a single dense matrix
and check that the pairs it keeps are the ones a dense computation finds.
"""

from __future__ import annotations

import random
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np

from parallax.compare.claims import _lexical, find_claims, sentence_index
from parallax.model import AnalyzedArticle
from parallax.options import DEFAULT_OPTIONS

from builders import analyze, make_article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from robustness import invented_sentence, invented_words

OPTIONS = DEFAULT_OPTIONS.claims


def _story(articles: int, sentences: int, seed: int = 1) -> list[list[str]]:
    """Articles retelling one pool of invented facts, so many pairs share words."""
    rng = random.Random(seed)
    words = invented_words(rng, 1200)
    pool = [invented_sentence(rng, words) for _ in range(sentences * 3)]
    return [rng.sample(pool, sentences) for _ in range(articles)]


def _analyzed(texts: list[list[str]]) -> list[AnalyzedArticle]:
    return [analyze(make_article(f"a{k}", " ".join(sentences), f"Outlet {k}"))
            for k, sentences in enumerate(texts)]


def test_a_story_of_4000_sentences_indexes_in_far_less_than_one_dense_matrix(
        fake_embedder: Any) -> None:
    items = _analyzed(_story(40, 100))
    n = sum(len(item.sentences) for item in items)
    assert n >= 3900
    sentence_index(_analyzed(_story(3, 10, seed=2)))  # imports and caches outside the count
    tracemalloc.start()
    try:
        index = sentence_index(items)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    dense = 4 * n * n  # one float32 matrix of every pair; the old index held several
    assert len(index.pairs.rows) > n  # the story has plenty of pairs to keep
    assert peak < dense, f"{peak / 1e6:.0f} MB for {n} sentences (the old index: 280 MB)"


def _dense_shared(texts: list[list[str]]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Shared IDF mass of every pair, and the article of each row, the slow way."""
    lex = _lexical(texts, OPTIONS)
    n = len(lex.refs)
    shared = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            common = {t for t in lex.terms[i] & lex.terms[j] if t in lex.idf}
            shared[i, j] = sum(lex.idf[t] for t in common)
    return shared, lex.owner


def test_the_pairs_kept_are_those_a_dense_computation_finds() -> None:
    texts = _story(6, 30, seed=3)
    lex = _lexical(texts, OPTIONS)
    shared, owner = _dense_shared(texts)
    wanted = {(i, j) for i, j in zip(*np.nonzero(shared >= OPTIONS.min_shared_weight), strict=True)
              if i < j and owner[i] != owner[j]
              and abs(shared[i, j] - OPTIONS.min_shared_weight) > 1e-5}
    kept = {(i, j) for i, j in lex.pairs.rows.tolist()}
    assert wanted and wanted <= kept
    assert all(abs(shared[i, j] - OPTIONS.min_shared_weight) <= 1e-5 for i, j in kept - wanted)
    rows = lex.pairs.rows
    assert np.allclose(lex.pairs.shared, shared[rows[:, 0], rows[:, 1]], atol=1e-5)
    assert (rows[:, 0] < rows[:, 1]).all() and (owner[rows[:, 0]] != owner[rows[:, 1]]).all()


def test_values_computed_for_a_few_rows_repeat_the_kept_ones_bit_for_bit(
        fake_embedder: Any) -> None:
    """Pairs not kept are computed from the vectors and words when asked for; the
    same computation gives a kept pair's values to the bit, whatever comes along."""
    index = sentence_index(_analyzed(_story(5, 40, seed=4)))
    assert len(index.pairs.rows) > 20
    for k in range(0, len(index.pairs.rows), 7):
        i, j = index.pairs.rows[k].tolist()
        others = np.array([j, (j + 1) % len(index.refs), (j + 5) % len(index.refs)])
        cosine, score = index._computed(np.array([i]), others)
        assert cosine[0, 0] == index.pairs.cosine[k] and score[0, 0] == index.pairs.score[k]
        scores = index.scores([i, j, i])
        assert scores[0, 1] == scores[1, 0] == index.pairs.score[k]
        assert np.isneginf(scores[0, 0]) and np.isneginf(scores[0, 2])


def test_matches_agree_with_is_match_and_claims_use_them(fake_embedder: Any) -> None:
    items = _analyzed(_story(4, 30, seed=5))
    index = sentence_index(items)
    matched = {(i, j) for i, j in index.matches().rows.tolist()}
    assert matched
    assert all(index.is_match(j, i) for i, j in matched)
    unmatched = [(i, j) for i, j in index.pairs.rows.tolist() if (i, j) not in matched]
    assert not any(index.is_match(i, j) for i, j in unmatched)
    supported = {(s.article, s.clean_start) for c in find_claims(items, index) for s in c.support}
    rows = {(index.analyzed[a].id, index.analyzed[a].sentences[s].start): r
            for r, (a, s) in enumerate(index.refs)}
    assert all(index.matches().involved(len(index.refs))[rows[key]] for key in supported)
