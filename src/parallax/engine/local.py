"""The in-process engine and the process-pool engine.

The pool starts its workers with ``warm_up`` (spaCy and the embedder loaded
once per worker process, not once per chunk) and maps with
``ProcessPoolExecutor.map``, which keeps the input order. Workers come from
a fork server where the platform has one: the parent may already run
onnxruntime's threads (grouping embeds leads), and forking a process with
threads can deadlock; the server imports the stages once, so each worker
starts from a process that has them.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from parallax.engine import CHUNK
from parallax.engine.tasks import warm_up

__all__ = ["LocalEngine", "PoolEngine"]


class LocalEngine:
    """Runs every task in this process, one after the other."""

    workers = 1

    def __init__(self, workers: int = 1, scheduler: str | None = None,
                 chunk: int = CHUNK) -> None:
        del workers, scheduler  # one process by definition; no cluster
        self.chunk = chunk

    def map(self, task: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        return map(task, items)

    def close(self) -> None:
        """Nothing to stop."""


class PoolEngine:
    """Runs tasks in ``workers`` processes, each with its models loaded once."""

    def __init__(self, workers: int = 2, scheduler: str | None = None,
                 chunk: int = CHUNK) -> None:
        del scheduler
        self.workers, self.chunk = workers, chunk
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods
                                              else "spawn")
        if "forkserver" in methods:
            context.set_forkserver_preload(["parallax.engine.tasks"])
        self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up)

    def map(self, task: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        return self._pool.map(task, items)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)
