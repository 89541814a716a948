"""The stages embed only the sentences whose vectors can change what they say.

Timeline and conflicts compare vectors only after cheaper tests pass (a date
reported twice or nested in another, two statements with a point of dispute),
so the sentences no comparison reaches are never embedded. Each test checks
both halves on invented articles: what a stage compares still gets its vector,
and the stage's output is the one it gives with every vector computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from test_timeline import FLOOD, FLOOD_TOO, VOTE, analyzed

from parallax.analyze.articles import analyze_lazily
from parallax.analyze.vectors import VectorStore
from parallax.compare import record_needs, vector_needs
from parallax.compare.claims import claim_candidates
from parallax.compare.conflicts import find_conflicts
from parallax.compare.timeline import build_timeline, timeline_needs
from parallax.ingest import read_inputs
from parallax.model import Actor, AnalyzedArticle, Quote
from parallax.pipeline import brief_analyzed, briefing_needs, clean_documents

from builders import EXAMPLES, analyze, make_article


class _Recording:
    """An embedder that gives the records' own vectors and remembers what it was asked."""

    def __init__(self, records: Sequence[AnalyzedArticle]) -> None:
        self.known = {s.text: vector for item in records if item.embeddings is not None
                      for s, vector in zip(item.sentences, item.embeddings, strict=True)}
        self.asked: list[str] = []

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        self.asked.extend(texts)
        return np.stack([self.known[t] for t in texts]) if texts else np.zeros((0, 384))


def _lazy(records: Sequence[AnalyzedArticle]) -> tuple[VectorStore, _Recording]:
    """A store over ``records`` without their vectors, computing them when asked."""
    embedder = _Recording(records)
    texts = [[s.text for s in item.sentences] for item in records]
    return VectorStore(embedder, texts), embedder  # type: ignore[arg-type]


def test_a_date_reported_once_is_never_embedded_and_one_reported_twice_is() -> None:
    records = [
        analyzed("a", [("2024 The river rose over the quay wall.", "2024-05-02", FLOOD),
                       ("1998 The old ferry was built in the yard.", "1998-07-01", VOTE)]),
        analyzed("b", [("2024 Water rose over the quay wall.", "2024-05-02", FLOOD_TOO)]),
    ]
    store, embedder = _lazy(records)
    lazily = build_timeline(records, store)
    assert build_timeline(records) == lazily  # every vector there: the same entries
    assert timeline_needs(records) == [(0, 0), (1, 0)]
    assert set(embedder.asked) == {records[0].sentences[0].text, records[1].sentences[0].text}


def test_a_coarse_date_and_a_finer_one_of_its_period_are_compared() -> None:
    records = [
        analyzed("a", [("2024 The river rose over the quay wall.", "2024-05", FLOOD)]),
        analyzed("b", [("2024 Water rose over the quay wall.", "2024-05-02", FLOOD_TOO),
                       ("1998 The old ferry was built in the yard.", "1998", VOTE)]),
    ]
    store, embedder = _lazy(records)
    lazily = build_timeline(records, store)
    assert build_timeline(records) == lazily and len(lazily) == 2  # May folded into its day
    assert timeline_needs(records) == [(0, 0), (1, 0)]
    assert records[1].sentences[1].text not in embedder.asked


ACTORS = [Actor("mayor", "Ida Brenn", "person", affiliation="Harbour Party"),
          Actor("rival", "Olek Varga", "person", affiliation="River League")]


def _quoted(text: str, statements: Sequence[tuple[str, str]]) -> tuple[AnalyzedArticle,
                                                                      list[Quote]]:
    item = analyze(make_article("s", text, "Ferry News"))
    quotes = []
    for phrase, speaker in statements:
        start = item.article.text.index(phrase)
        quotes.append(Quote(item.article.span(start, start + len(phrase)), "indirect", speaker,
                            None, None))
    return item, quotes


@pytest.mark.usefixtures("fake_embedder")
def test_statements_with_no_point_of_dispute_are_not_embedded() -> None:
    item, quotes = _quoted(
        "Ms. Brenn said the ferry would sail at dawn. Mr. Varga said the bakery opens late.",
        [("the ferry would sail at dawn", "mayor"), ("the bakery opens late", "rival")])
    store, embedder = _lazy([item])
    assert find_conflicts([item], ACTORS, quotes, vectors=store) == ()
    assert embedder.asked == []


@pytest.mark.usefixtures("fake_embedder")
def test_statements_that_clash_are_compared_and_clash_as_with_every_vector() -> None:
    item, quotes = _quoted(
        "Ms. Brenn said the council had approved all the ferry subsidies. Mr. Varga said the "
        "council had approved only part of the ferry subsidies.",
        [("the council had approved all the ferry subsidies", "mayor"),
         ("the council had approved only part of the ferry subsidies", "rival")])
    store, embedder = _lazy([item])
    lazily = find_conflicts([item], ACTORS, quotes, vectors=store)
    assert lazily == find_conflicts([item], ACTORS, quotes) and len(lazily) == 1
    assert set(embedder.asked) == {s.text for s in item.sentences}


def test_the_briefing_reads_every_vector_it_was_promised_and_says_the_same() -> None:
    """The examples briefed from a lazy store: claim candidates and the dated
    sentences compared are all read, far from every sentence is embedded, and the
    briefing is the one made with every vector."""
    articles = clean_documents(read_inputs([str(EXAMPLES)]).documents)
    records, vectors = analyze_lazily(articles)  # no speculation: only reads embed
    everything = vectors.finished(records)
    store, embedder = _lazy(everything)
    lazily = brief_analyzed(records, vectors=store, stories=())
    assert lazily.to_json() == brief_analyzed(everything, stories=()).to_json()
    texts = [[s.text for s in item.sentences] for item in records]
    read = set(embedder.asked)
    assert {texts[a][s] for a, s in claim_candidates(texts)} <= read
    assert {texts[a][s] for a, s in timeline_needs(records)} <= read
    assert {texts[a][s] for a, s in record_needs(records)} - read <= {
        texts[a][s] for a, s in vector_needs(texts)}
    assert len(read) < len({t for group in texts for t in group})
    assert briefing_needs(texts) == vector_needs(texts)
