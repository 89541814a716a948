"""The Dask distributed engine: the per-article tasks on a cluster's workers.

``--scheduler tcp://HOST:8786`` joins a running cluster; without one a
``LocalCluster`` of ``--workers`` processes (one thread each: spaCy and the
embedder use the core) is started and stopped with the engine. Every worker
runs ``warm_up`` once when the client connects (and a worker that joins
later loads its models on its first chunk), so chunks never reload models.
Chunks are submitted together and gathered in order, so the caller sees
what the in-process engine gives. The workers need parallax and its models
installed (docs/ENGINES.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from parallax.engine import CHUNK
from parallax.engine.tasks import warm_up
from parallax.errors import UsageError

__all__ = ["DaskEngine"]


class DaskEngine:
    """Maps tasks over a Dask cluster (joined, or a LocalCluster started here)."""

    def __init__(self, workers: int = 2, scheduler: str | None = None,
                 chunk: int = CHUNK) -> None:
        self.chunk = chunk
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("the Dask engine is not installed",
                             hint='pip install "parallax-news[dask]"') from None
        # distributed ships no type hints for these two constructors.
        self._cluster = (None if scheduler else
                         LocalCluster(n_workers=workers,  # type: ignore[no-untyped-call]
                                      threads_per_worker=1, processes=True,
                                      dashboard_address=None))
        try:
            self._client = Client(scheduler or self._cluster)  # type: ignore[no-untyped-call]
        except OSError as exc:
            self.close()
            raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self._client.run(warm_up)
        self.workers = max(workers, len(self._client.scheduler_info().get("workers", {})))

    def map(self, task: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        # pure=False: two equal chunks are two tasks, both results are wanted.
        futures = self._client.map(task, items, pure=False)
        for future in futures:
            yield future.result()

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        cluster = getattr(self, "_cluster", None)
        if cluster is not None:
            cluster.close()
