"""The fake embedder behaves as the tests that use it assume."""

from __future__ import annotations

import numpy as np

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
