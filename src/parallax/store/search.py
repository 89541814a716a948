"""Full-text search over the articles' cleaned text: SQLite FTS5 or PostgreSQL tsvector.

Both engines stem English words (FTS5's porter tokenizer, PostgreSQL's
``english`` configuration), so "talks" finds "talk". The engine marks the
matched words in the cleaned text (FTS5 ``highlight``, PostgreSQL
``ts_headline`` with ``HighlightAll``); the first mark gives cleaned offsets,
which the article's offset map turns into source offsets, so a hit points
at the same characters a citation would. Boilerplate the cleaner removed is
not indexed: a sign-up box never matches.

A query is words (all must occur); on PostgreSQL also ``websearch_to_tsquery``
syntax ("quoted phrases", ``or``, ``-word``). On SQLite every word is quoted
before it reaches FTS5, so no query is a syntax error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.sql.elements import TextClause

__all__ = ["Match", "fts_query", "index_articles", "locate", "matching", "story_filter",
           "story_query"]

_START, _STOP = "\x02", "\x03"
_WORD = re.compile(r"\w+")

# The best ``:limit`` rows are chosen first (FTS5's rank, no text read), and only
# they are highlighted: ``highlight`` in the outer query alone, since SQLite
# computes a query's columns for every row it sorts, and a common word
# matches most of the store. PostgreSQL's ``ts_headline`` likewise runs on the
# chosen rows only (bench/serve.py; BENCHMARKS.md).
_SQLITE = text(
    "SELECT a.id, a.story_id, highlight(article_search, 0, char(2), char(3)) AS marked "
    "FROM article_search JOIN articles a ON a.pk = article_search.rowid "
    "WHERE article_search MATCH :query AND article_search.rowid IN ("
    "SELECT rowid FROM article_search WHERE article_search MATCH :query "
    "ORDER BY rank, rowid LIMIT :limit) "
    "ORDER BY bm25(article_search), a.pk")
_POSTGRES = text(
    "SELECT m.id, m.story_id, ts_headline('english', m.text, m.q, "
    "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS marked "
    "FROM (SELECT a.id, a.story_id, a.text, a.pk, q, ts_rank(a.tsv, q) AS rank "
    "FROM articles a, websearch_to_tsquery('english', :query) q "
    "WHERE a.tsv @@ q ORDER BY rank DESC, a.pk LIMIT :limit) m ORDER BY m.rank DESC, m.pk")


_INDEX = text("INSERT INTO article_search(rowid, text) SELECT pk, text FROM articles "
              "WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))


def index_articles(connection: Connection, ids: Sequence[str]) -> None:
    """Index the stored articles ``ids`` for search (their rows written in this transaction).

    SQLite's FTS5 table is kept by hand; PostgreSQL's ``tsv`` column is
    generated, so there is nothing to do there.
    """
    if connection.dialect.name == "sqlite" and ids:
        connection.execute(_INDEX, {"ids": list(ids)})


@dataclass(frozen=True, slots=True)
class Match:
    """One matching article and its cleaned text with the matched words marked."""

    article_id: str
    story_id: str | None
    marked: str


def fts_query(query: str) -> str:
    """The words of ``query`` as an FTS5 query of quoted terms (all must occur)."""
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


def matching(connection: Connection, query: str, limit: int) -> list[Match]:
    """Articles matching ``query``, best first (at most ``limit``)."""
    dialect = connection.dialect.name
    statement = _POSTGRES if dialect == "postgresql" else _SQLITE
    value = story_query(dialect, query)
    if not value.strip():
        return []
    rows = connection.execute(statement, {"query": value, "limit": limit}).all()
    return [Match(row.id, row.story_id, row.marked) for row in rows]


def story_filter(dialect: str) -> TextClause:
    """SQL for the ids of stories with an article matching ``:query`` (for ``stories(query=)``)."""
    if dialect == "postgresql":
        return text("SELECT a.story_id FROM articles a WHERE a.story_id IS NOT NULL AND "
                    "a.tsv @@ websearch_to_tsquery('english', :query)")
    return text("SELECT a.story_id FROM article_search JOIN articles a "
                "ON a.pk = article_search.rowid WHERE article_search MATCH :query "
                "AND a.story_id IS NOT NULL")


def story_query(dialect: str, query: str) -> str:
    """``query`` as ``dialect``'s ``:query`` wants it (``matching``, ``story_filter``)."""
    return query if dialect == "postgresql" else fts_query(query)


def locate(marked: str, cleaned: str) -> tuple[int, int] | None:
    """Cleaned offsets of the first marked word, or None when the marks cannot be placed.

    The marked text is the cleaned text plus marks; when the engine changed
    anything else (PostgreSQL may), the first marked word is looked up in the
    cleaned text instead, and a word not found there is not placed at all.
    """
    start = marked.find(_START)
    stop = marked.find(_STOP, start + 1)
    if start < 0 or stop < 0:
        return None
    word = marked[start + 1:stop]
    if marked.replace(_START, "").replace(_STOP, "") == cleaned:
        offset = marked.count(_STOP, 0, start) * 2  # marks before this one
        return start - offset, stop - offset - 1
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", cleaned, re.IGNORECASE)
    return (found.start(), found.end()) if found else None

