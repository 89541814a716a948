"""Candidate stories by shared rare names: an inverted index over hashed name slots.

Retiring old stories bounds what a new article is compared with by the
crawl's density, not its length; a crawl of many outlets can still hold
thousands of live stories. Beyond ``GroupOptions.candidates`` live stories,
a batch's clusters are compared only with the stories that share one of
their heaviest name slots (the names' IDF makes the rare ones, the people
and places of one event, the heaviest), at most ``candidates`` each, the
ones sharing the most first. A story of the same event names the same
people and places, so the story a cluster joins is among them; one that
shares no specific name with it is not compared (it would rarely have
reached the threshold on its lead alone).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["NameIndex", "heaviest"]

Matrix = np.ndarray[Any, Any]

# Name slots indexed per story and looked up per cluster: a story's people and
# places are a few dozen names, and its rarest dozen or so say which event it is.
SLOTS = 16


def heaviest(names: Matrix, count: int = SLOTS) -> list[Matrix]:
    """Per row of ``names``, its ``count`` slots of largest magnitude that are not zero."""
    magnitude = np.abs(names)
    width = names.shape[1]
    if count < width:
        top = np.argpartition(-magnitude, count, axis=1)[:, :count]
    else:
        top = np.tile(np.arange(width), (len(names), 1))
    return [slots[magnitude[row, slots] > 0] for row, slots in enumerate(top)]


class NameIndex:
    """Which rows (stories) hold each name slot among their heaviest."""

    def __init__(self, names: Matrix) -> None:
        self.rows = len(names)
        slots = heaviest(names)
        owners = np.repeat(np.arange(self.rows), [len(s) for s in slots])
        flat = np.concatenate(slots) if slots else np.zeros(0, dtype=np.intp)
        order = np.argsort(flat, kind="stable")
        self._owners = owners[order]
        self._starts = np.searchsorted(flat[order], np.arange(names.shape[1] + 1))

    def shortlist(self, names: Matrix, cap: int) -> Matrix:
        """The rows sharing a heaviest slot with ``names`` (one vector), at most ``cap``:
        the most slots shared first, then the newest (the highest row)."""
        hits = [self._owners[self._starts[slot]:self._starts[slot + 1]]
                for slot in heaviest(names[None, :])[0]]
        if not hits:
            return np.zeros(0, dtype=np.intp)
        counts = np.bincount(np.concatenate(hits), minlength=self.rows)
        found = np.flatnonzero(counts)
        if len(found) > cap:
            ranked = np.lexsort((-found, -counts[found]))
            found = np.sort(found[ranked[:cap]])
        return found
