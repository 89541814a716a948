"""What the read commands and the web app need from a store.

The store (SQLAlchemy Core over SQLite or PostgreSQL) and the web app are built
side by side; this module is the seam between them. ``parallax list``, ``show``,
``search`` and every page and JSON route of ``parallax serve`` read through a
:class:`StoreReader`, never through SQL, so a route can be tested against any
implementation and the store can change its tables without touching the app.
Rows are frozen records built from the stored ``to_dict`` forms; a briefing comes
back as the same :class:`~parallax.model.Briefing` that ``pipeline.brief``
returns, so every renderer works on it unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from parallax.model import Article, Briefing, Document, Quote

StoryOrder = Literal["newest", "sources"]


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story as a list shows it.

    ``first_published`` and ``last_published`` are the earliest and latest
    publication dates (ISO) of its articles; ``updated`` is when the store last
    re-briefed it (ISO timestamp, UTC), so a reader sees which stories moved.
    """

    id: str
    title: str
    articles: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    updated: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match: the article, its story, and where in its source text.

    ``start``/``end`` are source offsets of the matched words, so a page can
    highlight them exactly as it highlights a citation; ``snippet`` is plain
    text around them (the caller escapes it).
    """

    article_id: str
    story_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Appearance:
    """One statement an actor made in a stored story."""

    story_id: str
    article_id: str
    outlet: str | None
    published: str | None
    quote: Quote


class StoreReader(Protocol):
    """Read access to a store; every method is safe to call while an add runs."""

    def stories(self, *, order: StoryOrder = "newest", outlet: str | None = None,
                since: str | None = None, until: str | None = None,
                query: str | None = None, limit: int = 50,
                offset: int = 0) -> list[StoryRow]:
        """Stories, newest first or most sources first; ``since``/``until`` are ISO
        dates bounding publication, ``query`` keeps stories with a full-text match."""
        ...

    def story(self, story_id: str) -> StoryRow | None:
        """One story's row, or None when no story has this id."""
        ...

    def briefing(self, story_id: str) -> Briefing | None:
        """The story's latest briefing, or None when no story has this id."""
        ...

    def article(self, article_id: str) -> Article | None:
        """One stored article with its source text, offsets and removed spans."""
        ...

    def documents(self, story_id: str) -> Sequence[Document]:
        """The documents of a story, for a claim check over them."""
        ...

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """Full-text search over article texts (SQLite FTS5, PostgreSQL tsvector)."""
        ...

    def actor(self, name: str) -> list[Appearance]:
        """Everything a person or body said across stories, oldest first."""
        ...

    def outlets(self) -> list[str]:
        """Every outlet in the store, for the stories page's filter."""
        ...
