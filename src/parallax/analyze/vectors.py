"""Sentence embeddings computed when a stage asks for them, never twice.

Embedding a sentence with MiniLM costs several times what spaCy spends on it,
and most stages need only some sentences: leads for story vectors and the
summary pool, dated sentences for the timeline, sentences that share specific
words with another article for claims. So vectors live in one ``VectorStore``
per run; each ``AnalyzedArticle.embeddings`` is a ``SentenceVectors`` view that
behaves like a read-only ``(sentences, 384)`` array and computes the rows it is
indexed with (``np.asarray(view)`` computes them all). Stages call
``prefetch`` with everything they will read, so the model sees full batches.

While spaCy parses, ``speculate`` fills the store in the background in the
order stages usually need (every article's first sentence, then every second
one, ...): that core would otherwise sit idle, so the speculation is free and
most requests later find their rows ready. Identical sentences (syndicated
copies) are embedded once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS, Embedder

__all__ = ["SentenceVectors", "VectorStore", "prefetch"]

Ref = tuple[int, int]
_BATCH = 16
# Speculation sorts this many upcoming sentences by length before batching: on
# the examples, seeds and PolNeAR texts, windows of 64 cut padded tokens by
# 30-40 % against batching in priority order, and 64 sentences are still a small
# slice of a briefing's needs, so the most certain ones still come first.
_WINDOW = 64


class VectorStore:
    """Cache of sentence vectors for one run, keyed by (article, sentence)."""

    def __init__(self, embedder: Embedder, texts: Sequence[Sequence[str]],
                 background: Embedder | None = None) -> None:
        self._embedder = embedder
        self._background = background or embedder
        self._texts = [list(t) for t in texts]
        self._by_text: dict[str, np.ndarray[Any, Any]] = {}
        self._lock = threading.Lock()

    def views(self) -> list[SentenceVectors]:
        return [SentenceVectors(self, a, len(t)) for a, t in enumerate(self._texts)]

    def _missing(self, refs: Iterable[Ref]) -> list[str]:
        wanted: dict[str, None] = {}
        for a, s in refs:
            text = self._texts[a][s]
            if text not in self._by_text:
                wanted[text] = None
        return list(wanted)

    def _keep(self, texts: Sequence[str], vectors: np.ndarray[Any, Any]) -> None:
        with self._lock:
            for text, vector in zip(texts, vectors, strict=True):
                self._by_text[text] = vector

    def ensure(self, refs: Iterable[Ref]) -> None:
        """Compute every missing vector among ``refs`` in batched calls."""
        with self._lock:
            missing = self._missing(refs)
        if missing:
            self._keep(missing, self._embedder.encode(missing, batch_size=_BATCH))

    def rows(self, article: int, sentences: Sequence[int]) -> np.ndarray[Any, Any]:
        self.ensure((article, s) for s in sentences)
        out = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        for row, s in enumerate(sentences):
            out[row] = self._by_text[self._texts[article][s]]
        return out

    @property
    def texts(self) -> list[list[str]]:
        return self._texts

    def lead_first(self) -> list[Ref]:
        """Every article's first sentence, then every second one, and so on."""
        depth = max((len(t) for t in self._texts), default=0)
        return [(a, s) for s in range(depth) for a, t in enumerate(self._texts) if s < len(t)]

    def speculate(self, stop: threading.Event, order: Sequence[Ref] | None = None) -> None:
        """Fill the store in ``order`` (default ``lead_first``) until ``stop`` is set,
        with the background embedder (one thread, so it leaves spaCy its core).

        ``order`` is taken ``_WINDOW`` sentences at a time and each window runs
        shortest first, so batches pad little while the order still holds
        roughly. One batch at a time, so at most one batch runs past ``stop``.
        """
        order = self.lead_first() if order is None else order
        for first in range(0, len(order), _WINDOW):
            with self._lock:
                missing = self._missing(order[first:first + _WINDOW])
            for rows, vectors in self._background.batches(missing, _BATCH):
                self._keep([missing[row] for row in rows], vectors)
                if stop.is_set():
                    return


class SentenceVectors:
    """One article's sentence vectors as a lazily filled, read-only array."""

    __slots__ = ("_article", "_count", "_store")

    def __init__(self, store: VectorStore, article: int, count: int) -> None:
        self._store = store
        self._article = article
        self._count = count

    def __len__(self) -> int:
        return self._count

    @property
    def shape(self) -> tuple[int, int]:
        return self._count, DIMENSIONS

    @property
    def store(self) -> VectorStore:
        return self._store

    @property
    def article(self) -> int:
        return self._article

    def __getitem__(self, index: Any) -> np.ndarray[Any, Any]:
        positions = np.arange(self._count)[index]
        if np.ndim(positions) == 0:
            row: np.ndarray[Any, Any] = self._store.rows(self._article, [int(positions)])[0]
            return row
        return self._store.rows(self._article, [int(p) for p in positions])

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray[Any, Any]:
        full = self._store.rows(self._article, range(self._count))
        return full if dtype is None else full.astype(dtype)

    def __iter__(self) -> Any:
        return iter(np.asarray(self))


def prefetch(vectors: Iterable[Any], refs: Iterable[tuple[Any, int]]) -> None:
    """Compute the vectors of ``(views[i], sentence)`` pairs in one batched call.

    ``vectors`` are the ``embeddings`` of the analyzed articles in order; plain
    arrays (tests build those) need nothing and are skipped.
    """
    views = list(vectors)
    stores: dict[int, tuple[VectorStore, list[Ref]]] = {}
    for position, sentence in refs:
        view = views[position]
        if isinstance(view, SentenceVectors):
            entry = stores.setdefault(id(view.store), (view.store, []))
            entry[1].append((view.article, sentence))
    for store, wanted in stores.values():
        store.ensure(wanted)
