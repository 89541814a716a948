"""The caller's side of an engine: chunk the records, map a task, put the results back.

What crosses articles stays here, in the caller: the boilerplate evidence
cleaning reads is computed before the map and sent with each chunk; a
story analysed in several chunks gets its dates resolved as one set
(``analyze_sets``); which sentence vectors a briefing reads is decided per
story once it is analysed, and only those are embedded on the engine
(``analyze_with_vectors``); grouping is a reduce over blocks of cleaned
articles (``group_blocks``). So an engine changes where the work runs,
never what it computes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any, TypeGuard, TypeVar

import numpy as np

from parallax.analyze.dates import reference_date
from parallax.analyze.vectors import Ref, VectorStore
from parallax.engine import Engine
from parallax.engine.tasks import (
    AnalysisChunk,
    AnalysisDone,
    CleanChunk,
    EmbedChunk,
    analyze_chunk,
    clean_chunk,
    embed_chunk,
)
from parallax.group.state import StoryState
from parallax.group.stories import group_articles
from parallax.model import AnalyzedArticle, Article, Document
from parallax.options import Options
from parallax.registry import registry

__all__ = ["analyze_sets", "analyze_with_vectors", "clean_all", "group_blocks", "parallel"]

T = TypeVar("T")

Needs = Callable[[Sequence[AnalyzedArticle]], Sequence[Ref]]
"""The (article, sentence) pairs whose vectors later stages read, given a set's records."""

# Sentence texts per embedding task. Chosen, not tuned: an article chunk's
# worth of needed sentences (8 articles hold about 200), so the pickling of a
# task is small next to its model calls while the last ones still spread.
TEXTS = 128

# Fewer chunks than this stay in-process: starting the workers and loading
# their models costs more than a second core saves on a small pile. Measured
# with `parallax brief --workers 1|2` on the 2-core development machine (under
# load): 10 articles (2 chunks of 8) took 9.5-9.9 s with two workers against
# 5.9-7.1 s with one, 30 BASIL articles 17.8 s against 24.7 s.
MIN_CHUNKS = 4


def parallel(engine: Engine | None, items: int) -> TypeGuard[Engine]:
    """Whether ``items`` records go to ``engine``'s workers (else today's in-process path).

    Not when there is one worker, nor when they fill fewer than ``MIN_CHUNKS``
    chunks: the workers' start would cost more than they save.
    """
    return (engine is not None and engine.workers > 1
            and items > (MIN_CHUNKS - 1) * engine.chunk)


def _chunks(items: Sequence[T], size: int) -> list[tuple[T, ...]]:
    return [tuple(items[i:i + size]) for i in range(0, len(items), size)]


def _advance(tick: Callable[[], None] | None, count: int) -> None:
    """Advance the progress bar once per record a chunk or block finished."""
    if tick:
        for _ in range(count):
            tick()


def clean_all(engine: Engine, documents: Sequence[Document], repeated: frozenset[str],
              options: Options, tick: Callable[[], None] | None = None) -> list[Article]:
    """Every document cleaned on the engine, in order (duplicates are the caller's)."""
    cleaned: list[Article] = []
    items = [CleanChunk(part, repeated, options.clean) for part in _chunks(documents, engine.chunk)]
    for done in engine.map(clean_chunk, items):
        cleaned.extend(done)
        _advance(tick, len(done))
    return cleaned


def analyze_sets(engine: Engine, sets: Sequence[Sequence[Article]], options: Options, *,
                 tick: Callable[[], None] | None = None
                 ) -> list[tuple[AnalyzedArticle, ...]]:
    """The analysed records of each set (a story), as one in-process run of it gives them
    (without vectors: ``analyze_with_vectors``)."""
    items: list[AnalysisChunk] = []
    owners: list[int] = []
    for number, articles in enumerate(sets):
        for part in _chunks(articles, engine.chunk):
            items.append(AnalysisChunk(part, options))
            owners.append(number)
    parts: list[list[AnalysisDone]] = [[] for _ in sets]
    for owner, done in zip(owners, engine.map(analyze_chunk, items), strict=True):
        parts[owner].append(done)
        _advance(tick, len(done.records))
    return _redated(engine, parts, options)


def _redated(engine: Engine, parts: Sequence[Sequence[AnalysisDone]], options: Options
             ) -> list[tuple[AnalyzedArticle, ...]]:
    """Each set's records, its stale undated ones (``_stale``) analysed again on the engine."""
    analyzed = [[record for done in found for record in done.records] for found in parts]
    again: list[tuple[int, tuple[int, ...]]] = []
    redo: list[AnalysisChunk] = []
    for number, found in enumerate(parts):
        stale, context = _stale(found)
        for positions in _chunks(stale, engine.chunk):
            again.append((number, positions))
            redo.append(AnalysisChunk(tuple(analyzed[number][k].article for k in positions),
                                      options, context))
    for (number, positions), done in zip(again, engine.map(analyze_chunk, redo), strict=True):
        for k, record in zip(positions, done.records, strict=True):
            analyzed[number][k] = record
    return [tuple(records) for records in analyzed]


def analyze_with_vectors(engine: Engine, sets: Sequence[Sequence[Article]], options: Options,
                         needs: Needs, tick: Callable[[], None] | None = None
                         ) -> list[tuple[tuple[AnalyzedArticle, ...], VectorStore]]:
    """Each set's records and the store of its sentence vectors, ``needs`` computed on the engine.

    The store computes in this process what a stage reads beyond ``needs``
    (as the in-process briefing does): a row does not depend on where or in
    which batch it was computed, so the briefing is the same bytes. A text
    that several sets (or copies) need is embedded once.
    """
    analyzed = analyze_sets(engine, sets, options, tick=tick)
    model = registry.get("embedders", options.parts.embedder)(threads=0)
    stores = [VectorStore(model, [[s.text for s in item.sentences] for item in records])
              for records in analyzed]
    asked = [store.missing(needs(records)) for records, store in zip(analyzed, stores,
                                                                       strict=True)]
    distinct = dict.fromkeys(text for found in asked for text in found)
    texts = sorted(distinct, key=len)  # similar lengths in one task pad little
    items = [EmbedChunk(part, options.parts.embedder) for part in _chunks(texts, TEXTS)]
    done: dict[str, np.ndarray[Any, Any]] = {}
    for part, vectors in zip(items, engine.map(embed_chunk, items), strict=True):
        done.update(zip(part.texts, vectors, strict=True))
    for store, found in zip(stores, asked, strict=True):
        if found:
            store.add(found, np.stack([done[text] for text in found]))
    return list(zip(analyzed, stores, strict=True))


def _stale(parts: Sequence[AnalysisDone]) -> tuple[list[int], tuple[datetime.date, ...]]:
    """The undated records of one set (positions in it) whose chunk lacked the set's
    latest written date, and that date as the context to analyse them with.

    An undated article resolves relative dates against the latest full date
    written anywhere in its set, so these are analysed again with it, on the
    engine (rare: most articles carry their publication date).
    """
    latest = max((d for part in parts for d in part.written), default=None)
    stale: list[int] = []
    position = 0
    for part in parts:
        behind = latest is not None and max(part.written, default=None) != latest
        for record in part.records:
            if behind and reference_date(record.article.document.published, ()) is None:
                stale.append(position)
            position += 1
    return stale, () if latest is None else (latest,)


def group_blocks(articles: Sequence[Article], state: StoryState | None, options: Options,
                 tick: Callable[[], None] | None = None) -> StoryState:
    """Grouping as a reduce: ``group_articles(block, state)`` block after block.

    Blocks are ``options.group.batch`` new articles long, the batches the
    grouping sorts by day and adds together, so the reduce gives the state
    one call over all of them gives; articles the state knows are skipped
    first, as that call skips them, so they do not shift the blocks.
    """
    known = set(state.assignment()) if state else set()
    fresh = [a for a in articles if a.id not in known]
    current = state
    for block in _chunks(fresh, options.group.batch):
        current = group_articles(block, current, options=options.group,
                                 embedder=options.parts.embedder)
        _advance(tick, len(block))
    return current if current is not None else StoryState()
