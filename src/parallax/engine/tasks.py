"""The per-article work an engine runs on its workers, as picklable tasks.

Each task takes one chunk of records and returns records: nothing here
reads or writes shared state, so a chunk gives the same result in any
process. ``warm_up`` is the workers' initializer: the models are loaded
once per worker process, before the first chunk, not once per chunk.

Analysis and embedding are two tasks: the vectors a briefing reads depend
on the whole story (claim candidates share words across its articles) and
on the analysis (the sentences quotes overlap), so the caller decides them
once every chunk of a story is analysed, and sends only those sentences,
each distinct text once, to be embedded. A worker is one of several on the
cores, so its embedder runs one onnxruntime thread and no thread of its
own embeds beside the parse.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from parallax.analyze.articles import analyze_part
from parallax.analyze.nlp import load_nlp
from parallax.analyze.vectors import Ref, VectorStore
from parallax.clean import clean_document
from parallax.model import AnalyzedArticle, Article, Document
from parallax.options import DEFAULT_OPTIONS, CleanOptions, Options
from parallax.registry import registry

__all__ = ["AnalysisChunk", "AnalysisDone", "CleanChunk", "EmbedChunk", "analyze_chunk",
           "clean_chunk", "embed_chunk", "warm_up"]

# onnxruntime threads of a worker's embedder: the engine runs one worker per core.
THREADS = 1


def warm_up(embedder: str = DEFAULT_OPTIONS.parts.embedder) -> None:
    """Load spaCy and the one-thread embedder the tasks use in this process.

    The tokenizer's own thread pool is turned off too (it reads the variable
    on every call): each worker already has its core.
    """
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    load_nlp()
    registry.get("embedders", embedder)(threads=THREADS)


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
    """Articles of one set (a story) to analyse; ``context``: dates written elsewhere in it."""

    articles: tuple[Article, ...]
    options: Options
    context: tuple[datetime.date, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysisDone:
    """The analysed records of a chunk and the full dates its articles write."""

    records: tuple[AnalyzedArticle, ...]
    written: tuple[datetime.date, ...]


def _nothing(texts: list[list[str]]) -> list[Ref]:
    """Vectors are the embedding task's: the background embedder has nothing to do."""
    del texts
    return []


def analyze_chunk(chunk: AnalysisChunk) -> AnalysisDone:
    """The chunk's records (``analyze_part``), without vectors."""
    options = chunk.options
    records, _, written = analyze_part(
        chunk.articles, None, _nothing, quotes=options.quotes, dates=options.dates,
        embedder=options.parts.embedder, context=chunk.context, threads=THREADS)
    return AnalysisDone(records, written)


@dataclass(frozen=True, slots=True)
class EmbedChunk:
    """Distinct sentence texts to embed, with the registered name of the embedder."""

    texts: tuple[str, ...]
    embedder: str = DEFAULT_OPTIONS.parts.embedder


def embed_chunk(chunk: EmbedChunk) -> np.ndarray[Any, Any]:
    """One vector per text, as a ``VectorStore`` of this process computes them."""
    store = VectorStore(registry.get("embedders", chunk.embedder)(threads=THREADS),
                        [chunk.texts])
    return store.rows(0, range(len(chunk.texts)))
