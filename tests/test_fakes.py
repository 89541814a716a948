"""The fake embedder behaves as the tests that use it assume, and reaches the pipeline."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from parallax.analyze.articles import analyze_articles
from parallax.compare.check import check_claim
from parallax.compare.stance import claim_texts
from parallax.group.features import lead_text, story_features
from parallax.registry import registry

from builders import EMBEDDER, LEDGER, make_article
from fakes import FakeEmbedder


def test_fake_vectors_are_unit_rows_close_for_shared_words_and_batch_free() -> None:
    texts = ["The council approved the harbour budget on Monday.",
             "On Monday the council approved a harbour budget.",
             "Bakeries sold pumpkin bread this autumn.", ""]
    embedder = FakeEmbedder()
    vectors = embedder.encode(texts)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0)
    assert not vectors[3].any()
    assert vectors[0] @ vectors[1] > 0.7 and abs(vectors[0] @ vectors[2]) < 0.3
    batched = {row: vector for rows, batch in embedder.batches(texts, 3)
               for row, vector in zip(rows, batch, strict=True)}
    assert sorted(batched) == [0, 1, 2, 3]
    assert all(np.array_equal(batched[i], vectors[i]) for i in range(4))
    assert embedder.encode([]).shape == (0, 384)



def test_the_fixture_swaps_the_registry_embedder(fake_embedder: FakeEmbedder) -> None:
    assert registry.get("embedders", EMBEDDER)(threads=1) is fake_embedder


class _Recording(FakeEmbedder):
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        self.seen.update(texts)
        return super().encode(texts, batch_size)

    def batches(self, texts: Sequence[str], batch_size: int = 64
                ) -> Iterator[tuple[list[int], np.ndarray[Any, Any]]]:
        self.seen.update(texts)
        return super().batches(texts, batch_size)


def test_the_pipeline_loads_every_embedder_from_the_registry() -> None:
    """Sentence vectors, story leads and `check`'s claim all come from the registered part."""
    recording = _Recording()
    article = make_article("a", LEDGER, "Daily Ledger")
    claim = "The council approved the harbour budget."
    with registry.overriding("embedders", EMBEDDER, lambda threads=0: recording):
        [analyzed] = analyze_articles([article])
        np.asarray(analyzed.embeddings)  # vectors are filled on first read
        list(story_features([article]))
        check_claim(claim, [analyzed])
    assert {s.text for s in analyzed.sentences} <= recording.seen
    assert lead_text(article) in recording.seen
    assert set(claim_texts(claim)) <= recording.seen
