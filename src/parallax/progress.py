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
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

__all__ = ["Reporter", "reporter"]

_log = logging.getLogger(__name__)


class Reporter:
    """Starts one task per stage; a silent reporter when progress is off."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._open: tuple[str, int | None, float] | None = None
        self._done = 0

    def stage(self, description: str, total: int | None) -> Callable[[], None]:
        """Begin a stage of ``total`` steps; returns the function that advances it.

        The stage before it, if any, ends here. ``total`` None: not known
        beforehand (a stream), so the bar shows the rate but no time left.
        """
        self.finish()
        self._open = (description, total, time.perf_counter())
        self._done = 0
        if self._progress is None:
            return self._count
        progress = self._progress
        task = progress.add_task(description, total=None if total is None else max(total, 1))

        def tick() -> None:
            self._done += 1
            progress.advance(task)

        return tick

    def _count(self) -> None:
        self._done += 1

    def finish(self) -> None:
        """End the open stage, logging how long it took and its steps (counted when unknown)."""
        if self._open is not None:
            description, total, began = self._open
            _log.debug("%s: %d in %.2f s", description, self._done if total is None else total,
                       time.perf_counter() - began)
            self._open = None


class _Rate(ProgressColumn):
    """Steps (articles) per second, over rich's recent-speed window."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="progress.data.speed")


@contextmanager
def reporter(enabled: bool) -> Iterator[Reporter]:
    if not enabled:
        report = Reporter(None)
        yield report
        report.finish()
        return
    columns = (TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
               _Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    console = Console(stderr=True)
    # Off a terminal a transient bar shows nothing but leaves an empty line on
    # standard error, before the error line of a run that fails: so none there.
    with Progress(*columns, console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        report = Reporter(progress)
        yield report
        report.finish()
