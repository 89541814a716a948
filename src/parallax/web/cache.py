"""Rendered story pages kept in memory, keyed by the story and when it was last briefed.

A story page is the dearest page to draw (the store reads a whole briefing and
the renderer cuts every source into marks), and readers reopen the same
stories. The key holds ``StoryRow.updated``, which the store moves whenever it
re-briefs the story, so a cached page is never an older briefing's.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock

__all__ = ["PageCache"]


class PageCache:
    """A least-recently-used map of at most ``size`` pages; ``size`` 0 keeps none."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Hashable, render: Callable[[], str | None]) -> str | None:
        """The page of ``key``, rendered by ``render`` (outside the lock) when not kept.

        A None from ``render`` (the story went away) is returned and not kept.
        """
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        page = render()
        if page is not None and self.size > 0:
            with self._lock:
                self._pages[key] = page
                while len(self._pages) > self.size:
                    self._pages.popitem(last=False)
        return page
