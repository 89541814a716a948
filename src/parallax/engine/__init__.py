"""Engines: where the per-article stages run (``engines`` kind of the registry).

Cleaning and analysis are pure functions of picklable records
(``parallax.engine.tasks``), so an engine only has to map one of them over
chunks of records and hand the results back in order; the cross-article
stages (boilerplate evidence, duplicates, grouping, the briefing) stay in
the caller. ``parallax.engine.local.v1`` runs the chunks in-process (today's
behaviour), ``parallax.engine.pool.v1`` in a pool of worker processes,
``parallax.engine.dask.v1`` on a Dask cluster. A new engine is one class with
``map`` and ``close`` registered under a new name; no stage changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from parallax.errors import UsageError
from parallax.registry import registry

__all__ = ["CHUNK", "Engine", "default_workers", "engine_name", "open_engine"]

# Articles per task. Chosen, not tuned: large enough that spaCy's nlp.pipe
# batches and the pickling of a chunk's records are small next to its
# parse, small enough that a story of a few articles still spreads and the
# last chunk does not leave the other workers idle for long.
CHUNK = 8

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Maps a picklable task over items, results in the order of the items.

    ``chunk`` is how many records the caller puts in one task.
    """

    workers: int
    chunk: int

    def map(self, task: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        """``task(item)`` for every item, yielded in order as they finish."""
        ...

    def close(self) -> None:
        """Stop the workers (and a cluster the engine started)."""
        ...


def default_workers() -> int:
    """The cores this process may use (the default of ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without affinity
        return max(1, os.cpu_count() or 1)


def engine_name(engine: str, workers: int) -> str:
    """The registered name of ``--engine local|dask`` with ``--workers N``.

    ``local`` with one worker is the in-process engine, so ``--workers 1``
    runs exactly the code it ran before engines existed.
    """
    if engine == "dask":
        return "parallax.engine.dask.v1"
    if engine == "local":
        return "parallax.engine.local.v1" if workers <= 1 else "parallax.engine.pool.v1"
    raise UsageError(f"no engine {engine!r}", hint="local or dask")


def open_engine(engine: str = "local", workers: int | None = None,
                scheduler: str | None = None, chunk: int = CHUNK) -> Engine:
    """The engine ``--engine``/``--workers``/``--scheduler`` ask for, started.

    ``chunk``: records per task (tests make it small to spread a few articles).
    """
    count = default_workers() if workers is None else workers
    if count < 1:
        raise UsageError(f"--workers must be at least 1, not {count}")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    factory = registry.get("engines", engine_name(engine, count))
    started: Engine = factory(workers=count, scheduler=scheduler, chunk=chunk)
    return started
