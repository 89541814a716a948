"""The per-article work an engine runs on its workers, as picklable tasks.

Each task takes one chunk of records and returns records: nothing here
reads or writes shared state, so a chunk gives the same result in any
process. ``warm_up`` is the workers' initializer: the models are loaded
once per worker process, before the first chunk, not once per chunk.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from parallax.analyze.articles import analyze_part
from parallax.analyze.nlp import load_nlp
from parallax.analyze.vectors import Ref
from parallax.clean import clean_document
from parallax.model import AnalyzedArticle, Article, Document
from parallax.options import DEFAULT_OPTIONS, CleanOptions, Options
from parallax.registry import registry

__all__ = ["AnalysisChunk", "AnalysisDone", "CleanChunk", "analyze_chunk", "clean_chunk",
           "warm_up"]


def warm_up(embedder: str = DEFAULT_OPTIONS.parts.embedder) -> None:
    """Load spaCy and the embedder (both thread settings analysis uses) in this process."""
    load_nlp()
    registry.get("embedders", embedder)(threads=0)
    registry.get("embedders", embedder)(threads=1)


@dataclass(frozen=True, slots=True)
class CleanChunk:
    """Documents to clean, with the corpus-level evidence computed over all of them."""

    documents: tuple[Document, ...]
    repeated: frozenset[str]
    options: CleanOptions


def clean_chunk(chunk: CleanChunk) -> tuple[Article, ...]:
    """``clean_document`` of each document of the chunk, in order."""
    return tuple(clean_document(d, repeated=chunk.repeated, options=chunk.options)
                 for d in chunk.documents)


@dataclass(frozen=True, slots=True)
class AnalysisChunk:
    """Articles of one set (a story) to analyse; ``context``: dates written elsewhere in it.

    ``vectors``: whether the records carry their finished sentence vectors
    (a briefing reads them; quotes do not, so no worker spends time on them).
    """

    articles: tuple[Article, ...]
    options: Options
    vectors: bool = True
    context: tuple[datetime.date, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysisDone:
    """The analysed records of a chunk and the full dates its articles write."""

    records: tuple[AnalyzedArticle, ...]
    written: tuple[datetime.date, ...]


def _nothing(texts: list[list[str]]) -> list[Ref]:
    """No vector is wanted: the background embedder has nothing to speculate on."""
    del texts
    return []


def analyze_chunk(chunk: AnalysisChunk) -> AnalysisDone:
    """The chunk's records (``analyze_part``), with finished vectors when asked."""
    options = chunk.options
    records, store, written = analyze_part(
        chunk.articles, None, None if chunk.vectors else _nothing, quotes=options.quotes,
        dates=options.dates, embedder=options.parts.embedder, context=chunk.context)
    return AnalysisDone(store.finished(records) if chunk.vectors else records, written)
