"""A ``StoreReader`` held in memory, for the few web tests a store cannot serve.

Built from briefings (what ``pipeline.brief_stories`` returns), one per story,
it answers every method of ``parallax.store.reader.StoreReader`` by scanning
them. The web tests read the SQL store (the ``reader_factory`` fixture);
test_web_security.py uses this class for briefings edited after the store
made them (speakers renamed to payloads) and for an app over no store at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from parallax.model import Article, Briefing, Document
from parallax.store.reader import Appearance, SearchHit, StoryOrder, StoryRow

SNIPPET = 60
"""Characters of context on each side of a search match."""


class MemoryReader:
    """The stories of ``briefings`` (each briefing's first story is its story)."""

    def __init__(self, briefings: Sequence[Briefing]) -> None:
        updated = datetime.now(UTC).isoformat(timespec="seconds")
        self._briefings = {b.stories[0].id: b for b in briefings if b.stories}
        if len(self._briefings) != sum(1 for b in briefings if b.stories):
            raise ValueError("two briefings have one story id")
        self._rows = {sid: _row(sid, b, updated) for sid, b in self._briefings.items()}
        self._articles = {a.id: (sid, a) for sid, b in self._briefings.items()
                          for a in b.articles}
        self._folded = {aid: a.document.source.casefold()
                        for aid, (_, a) in self._articles.items()}

    def stories(self, *, order: StoryOrder = "newest", outlet: str | None = None,
                since: str | None = None, until: str | None = None,
                query: str | None = None, limit: int = 50,
                offset: int = 0) -> list[StoryRow]:
        rows = list(self._rows.values())
        if outlet:
            rows = [r for r in rows if outlet in r.outlets]
        if since:
            rows = [r for r in rows if (r.last_published or "") >= since]
        if until:
            rows = [r for r in rows if r.first_published and r.first_published[:len(until)]
                    <= until]
        if query:
            matched = {h.story_id for h in self.search(query, limit=len(self._articles))}
            rows = [r for r in rows if r.id in matched]
        if order == "sources":
            rows.sort(key=lambda r: (-len(r.outlets), -r.articles, r.id))
        else:
            rows.sort(key=lambda r: (r.last_published or "", r.id), reverse=True)
        return rows[offset:offset + limit]

    def story(self, story_id: str) -> StoryRow | None:
        return self._rows.get(story_id)

    def briefing(self, story_id: str) -> Briefing | None:
        return self._briefings.get(story_id)

    def article(self, article_id: str) -> Article | None:
        found = self._articles.get(article_id)
        return found[1] if found else None

    def documents(self, story_id: str) -> Sequence[Document]:
        briefing = self._briefings.get(story_id)
        return [a.document for a in briefing.articles] if briefing else []

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """Articles whose source holds every word of ``query`` (case-folded), in store order;
        the hit is the first word's first place."""
        words = query.casefold().split()
        hits = []
        for aid, folded in self._folded.items():
            if not words or not all(w in folded for w in words):
                continue
            sid, article = self._articles[aid]
            start = folded.index(words[0])
            end = start + len(words[0])
            source, doc = article.document.source, article.document
            hits.append(SearchHit(aid, sid, doc.title, doc.outlet, doc.published,
                                  source[max(0, start - SNIPPET):end + SNIPPET], start, end))
            if len(hits) == limit:
                break
        return hits

    def actor(self, name: str) -> list[Appearance]:
        wanted = name.casefold()
        found = []
        for sid, briefing in self._briefings.items():
            ids = {a.id for a in briefing.actors
                   if wanted in (n.casefold() for n in (a.name, *a.aliases))}
            for quote in briefing.quotes:
                if quote.speaker in ids:
                    doc = self._articles[quote.article][1].document
                    found.append(Appearance(sid, quote.article, doc.outlet, doc.published, quote))
        return sorted(found, key=lambda a: (a.published or "", a.story_id, a.quote.span.start))

    def outlets(self) -> list[str]:
        return sorted({o for r in self._rows.values() for o in r.outlets})


def _row(story_id: str, briefing: Briefing, updated: str) -> StoryRow:
    dates = sorted(a.document.published for a in briefing.articles if a.document.published)
    return StoryRow(story_id, briefing.stories[0].title, len(briefing.articles),
                    tuple(sorted({a.document.outlet for a in briefing.articles
                                  if a.document.outlet})),
                    dates[0] if dates else None, dates[-1] if dates else None, updated)
