"""``parallax add``: new articles into the store, grouped with the stored state, stories re-briefed.

The work is cut into transactions so that a run killed at any moment
(SIGKILL, power loss) leaves a consistent store, and running the same add
again completes it:

1. Cleaning runs over all the inputs at once (boilerplate evidence is
   corpus-level), outside any transaction.
2. Per batch of ``StoreOptions.batch`` articles, one write transaction:
   drop the articles the store holds already (same text, or same URL), read
   the grouping state, group the others into it, write the articles, the
   state, the stories they touched (their ``version`` goes up) and each
   article's story. Writes take turns (``Store.writing``), so a second add
   waits here and then groups into the state the first one left: neither
   loses the other's articles.
3. Each story whose ``briefed_version`` is below its ``version`` is briefed
   from its stored articles outside any transaction, then written in one
   transaction only if its version is still the one briefed (another add
   that grew it meanwhile briefs it again itself). A killed run leaves such
   stories behind, and the next add (even of nothing new) briefs them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from parallax import pipeline
from parallax.group.identity import recognise
from parallax.model import Article, Briefing, Document, Story, StoryState
from parallax.options import Options
from parallax.progress import Reporter
from parallax.store import tables as t
from parallax.store.engine import Store
from parallax.store.records import (
    article_from_row,
    article_row,
    briefing_rows,
    briefing_text,
    content_hash,
    now,
)
from parallax.store.search import index_articles

__all__ = ["AddResult", "add_documents", "brief_pending", "insert_briefing_rows"]

_log = logging.getLogger(__name__)
_STATE_ROW = 1


@dataclass(frozen=True, slots=True)
class AddResult:
    """What an add did: ids of the articles added, paths of the inputs the store held
    already, ids of the stories briefed, and notes (an article stored under a fresh id)."""

    added: tuple[str, ...]
    known: tuple[str, ...]
    briefed: tuple[str, ...]
    notes: tuple[str, ...] = ()


def add_documents(store: Store, documents: Sequence[Document], report: Reporter, *,
                  options: Options | None = None) -> AddResult:
    """Clean, store and group ``documents``, then brief every story that changed."""
    options = options or Options()
    articles = pipeline.clean_documents(documents, report, options=options)
    tick = report.stage("Storing", len(articles))
    added: list[str] = []
    known: list[str] = []
    notes: list[str] = []
    size = max(options.store.batch, 1)
    for first in range(0, len(articles), size):
        batch = articles[first:first + size]
        with store.writing() as connection:
            new, held = _new_articles(connection, batch)
            stored, batch_notes = _group(connection, new, options)
        _log.debug("committed %d new article(s), %d held already", len(stored), len(held))
        added += stored
        known += held
        notes += batch_notes
        for _ in batch:
            tick()
    return AddResult(tuple(added), tuple(known), brief_pending(store, report, options=options),
                     tuple(notes))


def _new_articles(connection: Connection, batch: Sequence[Article]
                  ) -> tuple[list[Article], list[str]]:
    """The articles of ``batch`` the store does not hold (by text or URL), and the others' paths.

    A copy (``duplicate_of``) whose original the store held already points
    at the stored id.
    """
    hashes = [content_hash(a.document) for a in batch]
    urls = [a.document.url for a in batch if a.document.url]
    rows = connection.execute(
        select(t.articles.c.id, t.articles.c.content_hash, t.articles.c.url)
        .where(t.articles.c.content_hash.in_(hashes) | t.articles.c.url.in_(urls))).all()
    by_hash = {row.content_hash: row.id for row in rows}
    by_url = {row.url: row.id for row in rows if row.url}
    stored_as: dict[str, str] = {}
    new: list[Article] = []
    held: list[str] = []
    for article, digest in zip(batch, hashes, strict=True):
        url = article.document.url
        earlier = by_hash.get(digest) or (by_url.get(url) if url else None)
        if earlier is not None:
            stored_as[article.id] = earlier
            held.append(article.document.path)
            continue
        by_hash[digest] = article.id
        if url:
            by_url[url] = article.id
        new.append(article)
    return [_repointed(a, stored_as) for a in new], held


def _repointed(article: Article, stored_as: dict[str, str]) -> Article:
    original = article.duplicate_of
    if original is None or original not in stored_as:
        return article
    return replace(article, duplicate_of=stored_as[original])


def _group(connection: Connection, new: list[Article], options: Options
           ) -> tuple[list[str], list[str]]:
    """Group ``new`` into the stored state and write articles, state and stories."""
    if not new:
        return [], []
    before = _state(connection)
    known = recognise(new, before)
    grouped = pipeline.group_into_stories(known.articles, known.state, options=options)
    stamp = now()
    connection.execute(insert(t.articles), [article_row(a, stamp) for a in known.articles])
    index_articles(connection, [a.id for a in known.articles])
    _write_state(connection, grouped, exists=before is not None)
    _write_stories(connection, before, grouped, stamp)
    return [a.id for a in known.articles], list(known.notes)


def _state(connection: Connection) -> StoryState | None:
    data = connection.execute(select(t.state.c.data).where(t.state.c.id == _STATE_ROW)
                              ).scalar_one_or_none()
    return StoryState.from_json(data) if data is not None else None


def _write_state(connection: Connection, state: StoryState, *, exists: bool) -> None:
    if exists:
        connection.execute(update(t.state).where(t.state.c.id == _STATE_ROW)
                           .values(data=state.to_json()))
    else:
        connection.execute(insert(t.state).values(id=_STATE_ROW, data=state.to_json()))


def _write_stories(connection: Connection, before: StoryState | None, after: StoryState,
                   stamp: str) -> None:
    """Stories the grouping made, grew or merged away: rows, versions, article links."""
    old = {g.id: g.articles for g in before.groups} if before else {}
    new = {g.id: g for g in after.groups}
    for gone in set(old) - set(new):  # merged into an older story
        _delete_briefing_rows(connection, gone)
        connection.execute(delete(t.stories).where(t.stories.c.id == gone))
    changed = [g for g in after.groups if old.get(g.id) != g.articles]
    links = [{"a": article, "s": g.id} for g in changed for article in g.articles
             if article not in old.get(g.id, ())]
    if links:
        connection.execute(update(t.articles).where(t.articles.c.id == bindparam("a"))
                           .values(story_id=bindparam("s")), links)
    a = t.articles.c
    counted = {row.story_id: row for row in connection.execute(
        select(a.story_id, func.min(a.published).label("first"),
               func.max(a.published).label("last"), func.count().label("n"))
        .where(a.story_id.in_([g.id for g in changed])).group_by(a.story_id))}
    for group in changed:
        row = counted[group.id]
        values: dict[str, Any] = {"title": group.title, "articles": row.n,
                                  "first_published": row.first, "last_published": row.last}
        if group.id in old:
            connection.execute(update(t.stories).where(t.stories.c.id == group.id)
                               .values(version=t.stories.c.version + 1, **values))
        else:
            connection.execute(insert(t.stories).values(id=group.id, version=1,
                                                        briefed_version=0, updated=stamp,
                                                        **values))


def brief_pending(store: Store, report: Reporter, *, options: Options | None = None
                  ) -> tuple[str, ...]:
    """Brief every story whose briefing is older than its articles; the ids briefed."""
    options = options or Options()
    with store.reading() as connection:
        pending = connection.execute(
            select(t.stories.c.id).where(t.stories.c.briefed_version < t.stories.c.version)
            .order_by(t.stories.c.articles.desc(), t.stories.c.id)).scalars().all()
        state = _state(connection) if pending else None
    # The grouping's order of each story's articles, which ``parallax brief`` briefs in.
    order = {g.id: g.articles for g in state.groups} if state else {}
    tick = report.stage("Briefing", len(pending))
    briefed = []
    for story_id in pending:
        if _brief(store, story_id, order.get(story_id, ()), options):
            briefed.append(story_id)
        tick()
    return tuple(briefed)


def _brief(store: Store, story_id: str, order: Sequence[str], options: Options) -> bool:
    """Brief one story from its stored articles (in ``order``, then as stored); False when
    it changed meanwhile (or went)."""
    with store.reading() as connection:
        row = connection.execute(select(t.stories).where(t.stories.c.id == story_id)).first()
        if row is None:
            return False
        rows = connection.execute(select(t.articles).where(t.articles.c.story_id == story_id)
                                  .order_by(t.articles.c.pk)).mappings().all()
    place = {article_id: number for number, article_id in enumerate(order)}
    articles = sorted((article_from_row(r) for r in rows),
                      key=lambda a: place.get(a.id, len(place)))
    story = Story(story_id, row.title, tuple(a.id for a in articles))
    briefing = pipeline.brief_story(articles, story, options=options)
    with store.writing() as connection:
        done = connection.execute(
            update(t.stories).where((t.stories.c.id == story_id)
                                    & (t.stories.c.version == row.version))
            .values(briefing=briefing_text(briefing), briefed_version=row.version,
                    updated=now()))
        if done.rowcount != 1:
            return False
        _delete_briefing_rows(connection, story_id)
        insert_briefing_rows(connection, story_id, briefing)
    _log.debug("briefed story %s (%d article(s))", story_id, len(articles))
    return True


def insert_briefing_rows(connection: Connection, story_id: str, briefing: Briefing) -> None:
    """Write ``briefing``'s rows for SQL users (``records.briefing_rows``) under ``story_id``."""
    for table, items in briefing_rows(story_id, briefing).items():
        if items:
            connection.execute(insert(t.metadata.tables[table]), items)


def _delete_briefing_rows(connection: Connection, story_id: str) -> None:
    for table in (t.actors, t.quotes, t.claims, t.conflicts, t.spans):
        connection.execute(delete(table).where(table.c.story_id == story_id))
