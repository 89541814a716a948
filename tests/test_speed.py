"""The fast paths give exactly what the plain ones give (no timing assertions).

Sentence spans are located with ``str.find`` instead of pysbd's per-sentence
regular expressions, embeddings run in length-sorted batches, and speculation
fills vectors from a background thread: each must leave every result unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any, cast

import numpy as np
import pysbd
import pytest

from parallax.analyze.embed import Embedder, load_embedder
from parallax.analyze.sentences import _Segmenter, split_sentences
from parallax.analyze.vectors import VectorStore
from parallax.ingest import read_inputs
from parallax.pipeline import clean_documents

from builders import EXAMPLES, shared_path
from fakes import FakeEmbedder

# Invented text with what makes span search tricky: a sentence repeated
# verbatim, abbreviations, runs of spaces, a trailing space and a quotation.
TRICKY = [
    "The council met. The council met. The council met again on Tuesday.",
    "Dr. Amara Velt said the U.S. delegation left at 5 p.m.   Talks resume Friday. ",
    "\u201cWe are not done,\u201d she said. We are not done. We are not done.",
    "Yes. Yes.  Yes.\tNo.",
    "",
    "   ",
]


def _article_texts() -> list[str]:
    documents = read_inputs([str(EXAMPLES)]).documents
    return [a.text for a in clean_documents(documents)]


@pytest.mark.parametrize("text", TRICKY)
def test_segmenter_spans_match_pysbd_on_invented_text(text: str) -> None:
    reference = pysbd.Segmenter(language="en", clean=False, char_span=True)
    ours = _Segmenter(language="en", clean=False, char_span=True)
    expected = [(s.sent, s.start, s.end) for s in reference.segment(text)]
    assert [(s.sent, s.start, s.end) for s in ours.segment(text)] == expected


def test_segmenter_keeps_a_repeated_sentence_at_each_of_its_places() -> None:
    text = TRICKY[0]
    starts = [s.start for s in _Segmenter(language="en", clean=False, char_span=True)
              .segment(text)]
    assert starts == [0, 17, 34]


def test_segmenter_spans_match_pysbd_on_the_examples_and_seeds() -> None:
    texts = _article_texts()
    seeds = shared_path("seeds")
    texts += [a.text for a in clean_documents(read_inputs([str(seeds)]).documents)]
    reference = pysbd.Segmenter(language="en", clean=False, char_span=True)
    ours = _Segmenter(language="en", clean=False, char_span=True)
    for text in texts:
        for paragraph in text.split("\n\n"):
            expected = [(s.sent, s.start, s.end) for s in reference.segment(paragraph)]
            assert [(s.sent, s.start, s.end) for s in ours.segment(paragraph)] == expected


def test_split_sentences_offsets_point_at_their_text() -> None:
    for text in _article_texts():
        sentences = split_sentences(text)
        assert sentences
        assert all(text[s.start:s.end] == s.text for s in sentences)
        assert all(a.end <= b.start for a, b in pairwise(sentences))


def test_embedding_rows_do_not_depend_on_batching_or_order() -> None:
    texts = [s.text for s in split_sentences(_article_texts()[0])][:24]
    embedder = load_embedder()
    alone = np.stack([embedder.encode([t])[0] for t in texts])
    batched = embedder.encode(texts, batch_size=5)
    reversed_rows = embedder.encode(texts[::-1], batch_size=64)[::-1]
    assert np.array_equal(alone, batched)
    assert np.array_equal(alone, reversed_rows)


def test_batches_cover_every_text_once_shortest_first() -> None:
    texts = ["A much longer sentence about the harbour authority and its budget.",
             "Short.", "A middling sentence here.", "Short."]
    embedder = load_embedder()
    batches = list(embedder.batches(texts, batch_size=2))
    rows = [r for positions, _ in batches for r in positions]
    assert sorted(rows) == [0, 1, 2, 3]
    assert rows[-1] == 0  # the longest runs last
    assert all(len(vectors) == len(positions) for positions, vectors in batches)


def test_speculation_then_ensure_equals_direct_encoding() -> None:
    groups = [[s.text for s in split_sentences(t)] for t in _article_texts()[:3]]
    # The store's bookkeeping is under test, not the model: hashed bags of words do.
    embedder = FakeEmbedder()
    store = VectorStore(cast(Embedder, embedder), groups, background=cast(Embedder, embedder))
    stop = threading.Event()
    worker = threading.Thread(target=store.speculate, args=(stop, None))
    worker.start()
    stop.set()  # stop early: part by speculation, the rest on demand
    worker.join()
    store.ensure([(a, s) for a, group in enumerate(groups) for s in range(len(group))])
    for a, group in enumerate(groups):
        assert np.array_equal(store.rows(a, range(len(group))), embedder.encode(group))


class _Counting(FakeEmbedder):
    """A fake embedder that records every text it is asked to encode."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def batches(self, texts: Sequence[str], batch_size: int = 16
                ) -> Iterator[tuple[list[int], np.ndarray[Any, Any]]]:
        self.seen.extend(texts)
        return super().batches(texts, batch_size)

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        self.seen.extend(texts)
        return super().encode(texts, batch_size)


def test_full_speculation_computes_each_distinct_sentence_once() -> None:
    groups = [["The ferry sailed at noon.", "Crowds gathered."],
              ["The ferry sailed at noon.", "Nobody was hurt."]]
    counting = _Counting()
    store = VectorStore(cast(Embedder, counting), groups)
    store.speculate(threading.Event())
    store.ensure([(0, 0), (0, 1), (1, 0), (1, 1)])
    assert sorted(counting.seen) == sorted({t for group in groups for t in group})
    assert np.array_equal(store.rows(0, [0]), store.rows(1, [0]))
