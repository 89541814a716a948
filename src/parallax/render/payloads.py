"""The JSON every command prints, one function per schema, and the schemas themselves.

Each payload is a plain dict with a ``schema`` key naming its contract
(docs/ARCHITECTURE.md): ``parallax.briefing/1``, ``parallax.document/1``,
``parallax.quotes/1``, ``parallax.stories/1``, ``parallax.check/1``, and for
the store ``parallax.corpus/1`` (``list``) and ``parallax.search/1``. The
records serialise themselves (``to_dict``); this module only wraps them, so
the command line and a web route print the same bytes. The JSON Schema of
each contract ships in ``parallax/schemas`` (``schema_text``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from parallax.errors import UsageError
from parallax.model import Actor, Article, Attribution, Briefing, Quote, Story
from parallax.store.reader import SearchHit, StoryRow

if TYPE_CHECKING:
    from parallax.compare.check import CheckResult

__all__ = [
    "SCHEMAS",
    "briefing_json",
    "briefing_payload",
    "check_json",
    "check_payload",
    "corpus_json",
    "corpus_payload",
    "document_json",
    "document_payload",
    "quotes_json",
    "quotes_payload",
    "schema_text",
    "search_json",
    "search_payload",
    "stories_json",
    "stories_payload",
    "to_json",
]

# Schema name -> its JSON Schema file in parallax/schemas.
SCHEMAS = {
    "parallax.briefing/1": "briefing-1.json",
    "parallax.document/1": "document-1.json",
    "parallax.quotes/1": "quotes-1.json",
    "parallax.stories/1": "stories-1.json",
    "parallax.check/1": "check-1.json",
    "parallax.corpus/1": "corpus-1.json",
    "parallax.search/1": "search-1.json",
}

# The article fields of ``parallax.document/1``: the briefing's article
# without the source text and its offset map, which only evidence needs.
_DOCUMENT_FIELDS = ("id", "path", "outlet", "title", "published", "url", "author", "language",
                    "text", "flags", "removed", "repairs")


def to_json(payload: object) -> str:
    """The printed form of every payload: UTF-8 as is, indented by two."""
    return json.dumps(payload, ensure_ascii=False, indent=2)


def briefing_payload(briefings: Briefing | Sequence[Briefing]) -> dict[str, Any]:
    """``parallax.briefing/1`` of one briefing, or of several stories.

    Several keep the top level of the first (largest) story's briefing, with
    ``stories`` listing every story, and add ``briefings``: one full briefing
    per story, in order.
    """
    if isinstance(briefings, Briefing):
        return briefings.to_dict()
    if len(briefings) == 1:
        return briefings[0].to_dict()
    return {**briefings[0].to_dict(), "stories": [b.stories[0].to_dict() for b in briefings],
            "briefings": [b.to_dict() for b in briefings]}


def briefing_json(briefings: Briefing | Sequence[Briefing]) -> str:
    """The briefing renderer ``parallax.render.json.v1``."""
    return to_json(briefing_payload(briefings))


def document_payload(articles: Sequence[Article]) -> dict[str, Any] | list[dict[str, Any]]:
    """``parallax.document/1``: one object for one article, else a list of them."""
    records = [_document(a.to_dict()) for a in articles]
    return records[0] if len(records) == 1 else records


def _document(article: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "parallax.document/1", **{key: article[key] for key in _DOCUMENT_FIELDS}}


def document_json(articles: Sequence[Article]) -> str:
    return to_json(document_payload(articles))


def quotes_payload(quotes: Sequence[Quote], actors: Sequence[Actor],
                   attributions: Sequence[Attribution] = ()) -> dict[str, Any]:
    """``parallax.quotes/1``: the statements, the actors their speakers name, and the
    attributions that are no statements."""
    return {"schema": "parallax.quotes/1", "quotes": [q.to_dict() for q in quotes],
            "actors": [a.to_dict() for a in actors],
            "attributions": [a.to_dict() for a in attributions]}


def quotes_json(quotes: Sequence[Quote], actors: Sequence[Actor],
                attributions: Sequence[Attribution] = ()) -> str:
    return to_json(quotes_payload(quotes, actors, attributions))


def stories_payload(stories: Sequence[Story]) -> dict[str, Any]:
    """``parallax.stories/1``: the stories, largest first."""
    return {"schema": "parallax.stories/1", "stories": [s.to_dict() for s in stories]}


def stories_json(stories: Sequence[Story]) -> str:
    return to_json(stories_payload(stories))


def check_payload(results: CheckResult | Sequence[CheckResult]) -> dict[str, Any]:
    """``parallax.check/1``: one claim's verdicts at the top level, or ``results`` for a list.

    A list (``--claims FILE``) keeps its shape even with one claim in it.
    """
    if isinstance(results, Sequence):
        return {"schema": "parallax.check/1", "results": [r.to_dict() for r in results]}
    return {"schema": "parallax.check/1", **results.to_dict()}


def check_json(results: CheckResult | Sequence[CheckResult]) -> str:
    return to_json(check_payload(results))


def corpus_payload(rows: Sequence[StoryRow]) -> dict[str, Any]:
    """``parallax.corpus/1``: the stories of a store as ``parallax list`` gives them."""
    return {"schema": "parallax.corpus/1", "stories": [
        {"id": r.id, "title": r.title, "articles": r.articles, "outlets": list(r.outlets),
         "first_published": r.first_published, "last_published": r.last_published,
         "updated": r.updated} for r in rows]}


def corpus_json(rows: Sequence[StoryRow]) -> str:
    return to_json(corpus_payload(rows))


def search_payload(query: str, hits: Sequence[SearchHit]) -> dict[str, Any]:
    """``parallax.search/1``: the articles matching ``query``, best first, with source offsets."""
    return {"schema": "parallax.search/1", "query": query, "hits": [
        {"article": h.article_id, "story": h.story_id, "title": h.title, "outlet": h.outlet,
         "published": h.published, "snippet": h.snippet, "start": h.start, "end": h.end}
        for h in hits]}


def search_json(query: str, hits: Sequence[SearchHit]) -> str:
    return to_json(search_payload(query, hits))


def schema_text(name: str) -> str:
    """The JSON Schema (Draft 2020-12) of an output: ``briefing``, ``parallax.briefing/1``, ..."""
    wanted = "parallax." + name.removeprefix("parallax.")
    wanted += "" if "/" in wanted else "/1"
    if wanted not in SCHEMAS:
        raise UsageError(f"no schema named {name!r}", hint=f"schemas: {', '.join(SCHEMAS)}")
    return (files("parallax") / "schemas" / SCHEMAS[wanted]).read_text(encoding="utf-8")
