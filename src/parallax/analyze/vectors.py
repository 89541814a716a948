"""Sentence vectors of one analysed set of articles, computed when a stage asks.

Embedding a sentence with MiniLM costs several times what spaCy spends on it,
and most stages need only some sentences: leads for story vectors and the
summary pool, dated sentences for the timeline, sentences that share specific
words with another article for claims. So a briefing's vectors live in one
``VectorStore``, held by the pipeline and handed to the compare stages that
read vectors (claims, conflicts, summary, timeline, check); a stage calls
``ensure`` with everything it will read, so the model sees full batches, and
then ``rows``/``stack``. Records never hold the store: ``finished`` gives
records with their vectors as plain arrays (to ship to another process), and
``VectorStore.of`` builds a store back from such records.

While spaCy parses, ``speculate`` fills the store in the background in the
order stages usually need (every article's first sentence, then every second
one, ...): that core would otherwise sit idle, so the speculation is free and
most requests later find their rows ready. Identical sentences (syndicated
copies) are embedded once. An engine computes vectors on its workers: it
asks a store what is ``missing`` and hands the results back with ``add``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS, Embedder
from parallax.errors import UsageError
from parallax.model import AnalyzedArticle

__all__ = ["Ref", "VectorStore"]

Ref = tuple[int, int]
"""(article position in the analysed set, sentence position in that article)."""
_BATCH = 16
# Speculation sorts this many upcoming sentences by length before batching: on
# the examples, seeds and PolNeAR texts, windows of 64 cut padded tokens by
# 30-40 % against batching in priority order, and 64 sentences are still a small
# slice of a briefing's needs, so the most certain ones still come first.
_WINDOW = 64


class VectorStore:
    """Cache of sentence vectors for one set of articles, keyed by (article, sentence).

    ``embedder`` computes what is missing; without one, only the ``arrays``
    given (finished vectors of records, one per article or None) are there,
    and ``has`` tells which articles have vectors at all.
    """

    def __init__(self, embedder: Embedder | None, texts: Sequence[Sequence[str]],
                 background: Embedder | None = None,
                 arrays: Sequence[np.ndarray[Any, Any] | None] | None = None) -> None:
        self._embedder = embedder
        self._background = background or embedder
        self._texts = [list(t) for t in texts]
        self._arrays = list(arrays) if arrays is not None else [None] * len(self._texts)
        self._by_text: dict[str, np.ndarray[Any, Any]] = {}
        self._lock = threading.Lock()

    @classmethod
    def of(cls, analyzed: Sequence[AnalyzedArticle], embedder: Embedder | None = None
           ) -> VectorStore:
        """A store over records' finished vectors; ``embedder`` computes the ones they lack."""
        return cls(embedder, [[s.text for s in item.sentences] for item in analyzed],
                   arrays=[item.embeddings for item in analyzed])

    def has(self, article: int) -> bool:
        """Whether the article's vectors are there or can be computed."""
        return self._arrays[article] is not None or self._embedder is not None

    def missing(self, refs: Iterable[Ref]) -> list[str]:
        """The distinct texts among ``refs`` whose vectors are not here yet."""
        with self._lock:
            return self._missing(refs)

    def add(self, texts: Sequence[str], vectors: np.ndarray[Any, Any]) -> None:
        """Vectors of ``texts`` computed elsewhere (on an engine's workers), one row each."""
        self._keep(texts, vectors)

    def _missing(self, refs: Iterable[Ref]) -> list[str]:
        wanted: dict[str, None] = {}
        for a, s in refs:
            if self._arrays[a] is not None:
                continue
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
        missing = self.missing(refs)
        if not missing:
            return
        if self._embedder is None:
            raise UsageError(f"{len(missing)} sentence vectors asked for were never computed",
                             hint="analyse with vectors, or give the store an embedder")
        self._keep(missing, self._embedder.encode(missing, batch_size=_BATCH))

    def rows(self, article: int, sentences: Iterable[int]) -> np.ndarray[Any, Any]:
        """The vectors of some sentences of one article, one row each."""
        return self.stack([(article, s) for s in sentences])

    def stack(self, refs: Sequence[Ref]) -> np.ndarray[Any, Any]:
        """The vectors of ``refs``, one row each, in order (computed first if missing)."""
        self.ensure(refs)
        out = np.zeros((len(refs), DIMENSIONS), dtype=np.float32)
        for row, (a, s) in enumerate(refs):
            array = self._arrays[a]
            out[row] = array[s] if array is not None else self._by_text[self._texts[a][s]]
        return out

    def finished(self, analyzed: Sequence[AnalyzedArticle]) -> tuple[AnalyzedArticle, ...]:
        """``analyzed`` (the records this store was built for) with every vector as an array."""
        self.ensure((a, s) for a, t in enumerate(self._texts) for s in range(len(t)))
        return tuple(replace(item, embeddings=self.rows(a, range(len(self._texts[a]))))
                     for a, item in enumerate(analyzed))

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
        if self._background is None:
            return
        order = self.lead_first() if order is None else order
        for first in range(0, len(order), _WINDOW):
            missing = self.missing(order[first:first + _WINDOW])
            for rows, vectors in self._background.batches(missing, _BATCH):
                self._keep([missing[row] for row in rows], vectors)
                if stop.is_set():
                    return
