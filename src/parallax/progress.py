"""Progress bars on standard error, so standard output stays clean for data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

__all__ = ["Reporter", "reporter"]


class Reporter:
    """Starts one task per stage; a silent reporter when progress is off."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress

    def stage(self, description: str, total: int) -> Callable[[], None]:
        """Begin a stage of ``total`` steps; returns the function that advances it."""
        if self._progress is None:
            return lambda: None
        progress = self._progress
        task = progress.add_task(description, total=max(total, 1))

        def tick() -> None:
            progress.advance(task)

        return tick


@contextmanager
def reporter(enabled: bool) -> Iterator[Reporter]:
    if not enabled:
        yield Reporter(None)
        return
    columns = (TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield Reporter(progress)
