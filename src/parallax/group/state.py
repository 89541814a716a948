"""The grouped corpus as a record that a later run continues from.

A story keeps only what assigning a new article needs: the sums of its
members' lead vectors, hashed term vectors and hashed name vectors (so the
average similarity of anything to its members is one dot product divided by
its size, and adding a member is one addition), and its time window. The
state also counts in how many articles each name and each term occurs, so
rare ones (the people and places of one event) weigh more than common ones
("Washington", "police"). ``to_json`` and ``from_json`` round-trip it so
``parallax stories --state FILE`` can add articles without regrouping the
ones it has seen.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS
from parallax.model import Story

__all__ = ["NAME_DIMENSIONS", "STATE_SCHEMA", "TERM_DIMENSIONS", "StoryGroup", "StoryState"]

STATE_SCHEMA = "parallax.stories-state/1"
# Decimals kept for centroid sums in the state file: cosines change by < 1e-5.
_DECIMALS = 6
# Width of the hashed term vectors: a few hundred distinct terms per article
# rarely collide in 2,048 slots, and a story costs 8 KiB of memory.
TERM_DIMENSIONS = 2048
# Names are fewer (a few dozen per article), so half the width does.
NAME_DIMENSIONS = 1024


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One story as grouping sees it; ``first``/``last`` are day ordinals or None."""

    id: str
    title: str
    total: np.ndarray[Any, Any] = field(compare=False, repr=False)
    terms: np.ndarray[Any, Any] = field(compare=False, repr=False)
    names: np.ndarray[Any, Any] = field(compare=False, repr=False)
    first: int | None = None
    last: int | None = None
    articles: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.articles)

    def story(self) -> Story:
        return Story(self.id, self.title, self.articles)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "articles": list(self.articles),
                "first": self.first, "last": self.last,
                "total": [round(float(x), _DECIMALS) for x in self.total],
                "terms": _sparse(self.terms), "names": _sparse(self.names)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryGroup:
        total = np.asarray(data["total"], dtype=np.float32)
        if total.shape != (DIMENSIONS,):
            raise ValueError(f"story {data['id']}: centroid has shape {total.shape}")
        return cls(data["id"], data["title"], total,
                   _dense(data.get("terms", {}), TERM_DIMENSIONS),
                   _dense(data.get("names", {}), NAME_DIMENSIONS),
                   data.get("first"), data.get("last"), tuple(data["articles"]))


def _sparse(vector: np.ndarray[Any, Any]) -> dict[str, float]:
    return {str(i): round(float(vector[i]), _DECIMALS) for i in np.flatnonzero(vector)}


def _dense(values: Mapping[str, float], size: int) -> np.ndarray[Any, Any]:
    vector = np.zeros(size, dtype=np.float32)
    for index, value in values.items():
        vector[int(index)] = value
    return vector


@dataclass(frozen=True, slots=True)
class StoryState:
    """Stories in creation order, name and term document frequencies, the next story number."""

    groups: tuple[StoryGroup, ...] = ()
    frequency: Mapping[str, int] = field(default_factory=dict)
    term_frequency: Mapping[str, int] = field(default_factory=dict)
    seen: int = 0
    next_id: int = 1

    def assignment(self) -> dict[str, str]:
        """Article id -> story id."""
        return {a: g.id for g in self.groups for a in g.articles}

    def stories(self) -> tuple[Story, ...]:
        """Largest first; ties in creation order, so ids and order stay stable."""
        ordered = sorted(self.groups, key=lambda g: -g.size)
        return tuple(g.story() for g in ordered)

    def to_json(self) -> str:
        return json.dumps({"schema": STATE_SCHEMA, "seen": self.seen, "next_id": self.next_id,
                           "frequency": dict(self.frequency),
                           "term_frequency": dict(self.term_frequency),
                           "stories": [g.to_dict() for g in self.groups]},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> StoryState:
        data = json.loads(text)
        if data.get("schema") != STATE_SCHEMA:
            raise ValueError(f"not a {STATE_SCHEMA} file: schema={data.get('schema')!r}")
        return cls(tuple(StoryGroup.from_dict(g) for g in data["stories"]),
                   dict(data.get("frequency", {})), dict(data.get("term_frequency", {})),
                   int(data["seen"]), int(data["next_id"]))
