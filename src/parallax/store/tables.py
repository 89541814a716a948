"""The store's tables (SQLAlchemy Core), as the latest migration leaves them.

Offsets are columns (``source_start``/``source_end`` into ``articles.source``,
``clean_start``/``clean_end`` into ``articles.text``) so a ``sqlite3`` or
``datasette`` user can join evidence to its article without parsing JSON;
docs/STORE.md shows such queries. Lists and maps that nobody filters on
(an article's offset map, removed spans, flags; a story's briefing) are JSON
text. ``record`` columns hold a row's ``to_dict`` form, which is what the
reader rebuilds records from, so a column added for queries never has to
round-trip every field.

The full-text index is dialect-specific and lives outside this metadata:
the FTS5 table ``article_search`` (SQLite) or the generated ``tsv`` column of
``articles`` with its GIN index (PostgreSQL); see ``parallax.store.search``.
Changing a table here means a new migration under ``migrations/versions``.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

__all__ = ["actors", "articles", "claims", "conflicts", "metadata", "quotes", "spans",
           "state", "stories"]

metadata = MetaData()


def _offsets() -> list[Column[int]]:
    """A span's source and cleaned offsets, the same four columns on every table with spans."""
    return [Column(name, Integer, nullable=False)
            for name in ("source_start", "source_end", "clean_start", "clean_end")]


articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False, unique=True),
    Column("story_id", String(64), index=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text, unique=True),
    Column("path", Text, nullable=False),
    Column("outlet", Text, index=True),
    Column("title", Text),
    Column("published", String(40), index=True),
    Column("author", Text),
    Column("language", String(20)),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("offsets", Text, nullable=False),
    Column("removed", Text, nullable=False),
    Column("repairs", Text, nullable=False),
    Column("flags", Text, nullable=False),
    Column("duplicate_of", String(200)),
    Column("added", String(40), nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("first_published", String(40)),
    Column("last_published", String(40)),
    Column("version", Integer, nullable=False),
    Column("briefed_version", Integer, nullable=False),
    Column("updated", String(40), nullable=False),
    Column("briefing", Text),
)

state = Table(
    "state", metadata,
    Column("id", Integer, primary_key=True),
    Column("data", Text, nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("actor_id", String(64), primary_key=True),
    Column("name", Text, nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("affiliation", Text),
    Column("aliases", Text, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(64), nullable=False, index=True),
    Column("article_id", String(200), nullable=False, index=True),
    Column("actor_id", String(64)),
    Column("speaker", Text, index=True),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    *_offsets(),
    Column("record", Text, nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("sources", Integer, nullable=False),
)

conflicts = Table(
    "conflicts", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("topic", Text, nullable=False),
    Column("kind", String(20), nullable=False),
)

spans = Table(
    "spans", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(64), nullable=False),
    Column("role", String(20), nullable=False),
    Column("number", Integer, nullable=False),
    Column("actor", Text),
    Column("article_id", String(200), nullable=False, index=True),
    Column("text", Text, nullable=False),
    *_offsets(),
    Index("ix_spans_story_role", "story_id", "role", "number"),
)
