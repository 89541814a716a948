"""Stand-ins for the heavy parts, for unit tests that are not about them.

``FakeEmbedder`` answers like ``parallax.analyze.embed.Embedder`` (``encode``
and ``batches``) without the MiniLM model: a sentence's vector is its bag of
lower-cased words, each word hashed to one of 384 dimensions with a sign, then
L2-normalised. Sentences that share words are close, sentences that share none
are near orthogonal, and the same text always gives the same row, in any batch
and any process (the hash is BLAKE2b, not Python's salted ``hash``). It knows
nothing of meaning: a test whose point is that two different wordings of one
statement are recognised as such needs the real model.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS

WORD = re.compile(r"\w+")


def _slot(word: str) -> tuple[int, float]:
    """The dimension a word adds to, and with which sign."""
    digest = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
    return digest % DIMENSIONS, 1.0 if digest >> 63 else -1.0


def hashed_vectors(texts: Sequence[str]) -> np.ndarray[Any, Any]:
    """One L2-normalised row per text (all zeros for a text without words)."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in WORD.findall(text.lower()):
            slot, sign = _slot(word)
            out[row, slot] += sign
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    normalised: np.ndarray[Any, Any] = out / np.clip(norms, 1e-12, None)
    return normalised


class FakeEmbedder:
    """Hashed bag-of-words vectors with the interface of ``Embedder``."""

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        """One row per text; empty input gives a (0, 384) array."""
        return hashed_vectors(texts)

    def batches(self, texts: Sequence[str], batch_size: int = 64
                ) -> Iterator[tuple[list[int], np.ndarray[Any, Any]]]:
        """(positions, vectors) ``batch_size`` texts at a time, in input order."""
        for first in range(0, len(texts), batch_size):
            rows = list(range(first, min(first + batch_size, len(texts))))
            yield rows, hashed_vectors([texts[i] for i in rows])
