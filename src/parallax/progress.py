"""Progress bars on standard error, so standard output stays clean for data.

Each stage's duration is also logged (logger ``parallax.progress``, level
DEBUG), which ``parallax -v`` shows: the bars vanish when done, the timings stay.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

__all__ = ["Reporter", "reporter"]

_log = logging.getLogger(__name__)


class Reporter:
    """Starts one task per stage; a silent reporter when progress is off."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._open: tuple[str, int, float] | None = None

    def stage(self, description: str, total: int) -> Callable[[], None]:
        """Begin a stage of ``total`` steps; returns the function that advances it.

        The stage before it, if any, ends here.
        """
        self.finish()
        self._open = (description, total, time.perf_counter())
        if self._progress is None:
            return lambda: None
        progress = self._progress
        task = progress.add_task(description, total=max(total, 1))

        def tick() -> None:
            progress.advance(task)

        return tick

    def finish(self) -> None:
        """End the open stage, logging how long it took."""
        if self._open is not None:
            description, total, began = self._open
            _log.debug("%s: %d in %.2f s", description, total, time.perf_counter() - began)
            self._open = None


@contextmanager
def reporter(enabled: bool) -> Iterator[Reporter]:
    if not enabled:
        report = Reporter(None)
        yield report
        report.finish()
        return
    columns = (TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    console = Console(stderr=True)
    # Off a terminal a transient bar shows nothing but leaves an empty line on
    # standard error, before the error line of a run that fails: so none there.
    with Progress(*columns, console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        report = Reporter(progress)
        yield report
        report.finish()
