"""The store read through SQL: ``SqlReader`` implements ``StoreReader`` over a ``Store``.

Each method is one read transaction (a snapshot), so it is safe while an
add runs: SQLite readers see the last committed state through WAL, and
PostgreSQL readers never wait for the writers' lock. Only stories that have
been briefed at least once are listed: a story an add has grouped but not
yet briefed appears when its briefing is committed.

    >>> from parallax.store import open_reader
    >>> reader = open_reader("sqlite:///corpus.db")     # doctest: +SKIP
    >>> [row.id for row in reader.stories(order="sources")]   # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select

from parallax.model import Article, Briefing, Document, Quote
from parallax.store import tables as t
from parallax.store.engine import Store
from parallax.store.reader import Appearance, SearchHit, StoreReader, StoryOrder, StoryRow
from parallax.store.records import article_from_row, briefing_from_row
from parallax.store.search import locate, matching, story_filter, story_query

__all__ = ["SqlReader"]

# Characters of source text shown on each side of a search hit.
_CONTEXT = 80


class SqlReader:
    """``StoreReader`` over an open ``Store`` (``open_reader(url)`` opens both).

    A context manager: ``with open_reader(url) as reader:`` closes the store after.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> SqlReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def stories(self, *, order: StoryOrder = "newest", outlet: str | None = None,
                since: str | None = None, until: str | None = None,
                query: str | None = None, limit: int = 50,
                offset: int = 0) -> list[StoryRow]:
        s, a = t.stories.c, t.articles.c
        sources = (select(func.count(a.outlet.distinct())).where(a.story_id == s.id)
                   .scalar_subquery())
        statement = _briefed(select(t.stories))
        if outlet is not None:
            statement = statement.where(
                select(a.pk).where((a.story_id == s.id) & (a.outlet == outlet)).exists())
        if since is not None:
            statement = statement.where(func.coalesce(s.last_published, s.first_published)
                                        >= since)
        if until is not None:
            statement = statement.where(func.substr(s.first_published, 1, len(until)) <= until)
        params: dict[str, Any] = {}
        if query is not None:
            words = story_query(self.store.dialect, query)
            if not words.strip():
                return []
            statement = statement.where(s.id.in_(story_filter(self.store.dialect)
                                                 .columns(t.articles.c.story_id)))
            params["query"] = words
        if order == "sources":
            statement = statement.order_by(sources.desc(), s.articles.desc(),
                                           s.last_published.desc().nulls_last(), s.id)
        else:
            statement = statement.order_by(s.last_published.desc().nulls_last(),
                                           s.updated.desc(), s.id)
        statement = statement.limit(limit).offset(offset)
        with self.store.reading() as connection:
            rows = connection.execute(statement, params).mappings().all()
            outlets = _outlets(connection, [r["id"] for r in rows])
        return [_row(r, outlets.get(r["id"], ())) for r in rows]

    def story(self, story_id: str) -> StoryRow | None:
        with self.store.reading() as connection:
            row = connection.execute(_briefed(select(t.stories))
                                     .where(t.stories.c.id == story_id)).mappings().first()
            outlets = _outlets(connection, [story_id]) if row else {}
        return _row(row, outlets.get(story_id, ())) if row else None

    def briefing(self, story_id: str) -> Briefing | None:
        with self.store.reading() as connection:
            data = connection.execute(select(t.stories.c.briefing)
                                      .where(t.stories.c.id == story_id)).scalar_one_or_none()
            if data is None:
                return None
            ids = json.loads(data)["articles"]
            rows = connection.execute(select(t.articles).where(t.articles.c.id.in_(ids))
                                      ).mappings().all()
        return briefing_from_row(data, {r["id"]: article_from_row(r) for r in rows})

    def article(self, article_id: str) -> Article | None:
        with self.store.reading() as connection:
            row = connection.execute(select(t.articles).where(t.articles.c.id == article_id)
                                     ).mappings().first()
        return article_from_row(row) if row else None

    def documents(self, story_id: str) -> Sequence[Document]:
        with self.store.reading() as connection:
            rows = connection.execute(select(t.articles)
                                      .where(t.articles.c.story_id == story_id)
                                      .order_by(t.articles.c.pk)).mappings().all()
        return [article_from_row(r).document for r in rows]

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        with self.store.reading() as connection:
            found = matching(connection, query, limit)
            rows = connection.execute(
                select(t.articles).where(t.articles.c.id.in_([m.article_id for m in found]))
            ).mappings().all()
        articles = {r["id"]: article_from_row(r) for r in rows}
        return [_hit(m.story_id, articles[m.article_id], locate(m.marked,
                                                                 articles[m.article_id].text))
                for m in found]

    def actor(self, name: str) -> list[Appearance]:
        q, a = t.quotes.c, t.articles.c
        statement = (select(q.story_id, q.article_id, q.record, a.outlet, a.published)
                     .join_from(t.quotes, t.articles, a.id == q.article_id)
                     .where(func.lower(q.speaker) == name.strip().lower())
                     .order_by(a.published.asc().nulls_last(), q.pk))
        with self.store.reading() as connection:
            rows = connection.execute(statement).all()
        return [Appearance(r.story_id, r.article_id, r.outlet, r.published,
                           Quote.from_dict(json.loads(r.record))) for r in rows]

    def outlets(self) -> list[str]:
        a = t.articles.c
        with self.store.reading() as connection:
            return list(connection.execute(select(a.outlet).where(a.outlet.is_not(None))
                                           .distinct().order_by(a.outlet)).scalars())


def _briefed(statement: Select[Any]) -> Select[Any]:
    return statement.where(t.stories.c.briefed_version > 0)


def _outlets(connection: Any, story_ids: list[str]) -> dict[str, tuple[str, ...]]:
    a = t.articles.c
    rows = connection.execute(select(a.story_id, a.outlet).where(
        a.story_id.in_(story_ids) & a.outlet.is_not(None)).distinct()
        .order_by(a.story_id, a.outlet)).all()
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row.story_id, []).append(row.outlet)
    return {story: tuple(outlets) for story, outlets in found.items()}


def _row(row: Any, outlets: tuple[str, ...]) -> StoryRow:
    return StoryRow(row["id"], row["title"], row["articles"], outlets,
                    row["first_published"], row["last_published"], row["updated"])


def _hit(story_id: str | None, article: Article, where: tuple[int, int] | None) -> SearchHit:
    doc = article.document
    if where is None:
        start = end = 0
        snippet = " ".join(article.text[:2 * _CONTEXT].split())
    else:
        start, end = article.offsets.to_source(*where)
        left, right = max(start - _CONTEXT, 0), min(end + _CONTEXT, len(doc.source))
        snippet = ("…" if left else "") + " ".join(doc.source[left:right].split()) + (
            "…" if right < len(doc.source) else "")
    return SearchHit(doc.id, story_id, doc.title, doc.outlet, doc.published, snippet,
                     start, end)


if TYPE_CHECKING:  # mypy checks here that SqlReader is a StoreReader
    _CONFORMS: type[StoreReader] = SqlReader
