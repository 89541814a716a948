"""Rows from records and records from rows: the one place that knows both shapes.

An article row holds the whole ``Article`` (source, cleaned text, offset
map, removed spans) plus the columns a query filters on. A story's briefing
is kept as its ``parallax.briefing/1`` JSON without the articles (they are
rows already; ``"articles"`` holds their ids) and spread over the ``actors``,
``quotes``, ``claims``, ``conflicts`` and ``spans`` tables for queries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from parallax.model import Article, Briefing, Document, Removal, Repair, Span
from parallax.offsets import OffsetMap

__all__ = ["article_from_row", "article_row", "briefing_from_row", "briefing_rows",
           "briefing_text", "content_hash", "dumps", "now"]


def now() -> str:
    """The current time as the store writes it: ISO 8601, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def dumps(value: Any) -> str:
    """JSON text as the store keeps it (UTF-8, no ASCII escapes)."""
    return json.dumps(value, ensure_ascii=False)


def content_hash(document: Document) -> str:
    """SHA-256 (hex) of the text as read: the same article twice hashes the same,
    whatever its file name and whatever the cleaner makes of it in a run."""
    return hashlib.sha256(document.source.encode("utf-8", "surrogatepass")).hexdigest()


def article_row(article: Article, added: str) -> dict[str, Any]:
    """The ``articles`` row of ``article`` (no story yet)."""
    doc = article.document
    return {
        "id": doc.id, "story_id": None, "content_hash": content_hash(doc), "url": doc.url,
        "path": doc.path, "outlet": doc.outlet, "title": doc.title,
        "published": doc.published, "author": doc.author, "language": doc.language,
        "source": doc.source, "text": article.text, "offsets": dumps(article.offsets.to_list()),
        "removed": dumps([r.to_dict() for r in article.removed]),
        "repairs": dumps([r.to_dict() for r in article.repairs]),
        "flags": dumps(list(article.flags)), "duplicate_of": article.duplicate_of,
        "added": added,
    }


def article_from_row(row: Mapping[Any, Any]) -> Article:
    """The ``Article`` an ``articles`` row was made from."""
    document = Document(row["id"], row["path"], row["source"], row["outlet"], row["title"],
                        row["published"], row["url"], row["author"], row["language"])
    return Article(document, row["text"], OffsetMap.from_list(json.loads(row["offsets"])),
                   tuple(Removal.from_dict(r) for r in json.loads(row["removed"])),
                   tuple(Repair.from_dict(r) for r in json.loads(row["repairs"])),
                   tuple(json.loads(row["flags"])), row["duplicate_of"])


def briefing_text(briefing: Briefing) -> str:
    """The briefing's JSON with article ids in place of the articles."""
    data = briefing.to_dict()
    data["articles"] = [a.id for a in briefing.articles]
    return dumps(data)


def briefing_from_row(text: str, articles: Mapping[str, Article]) -> Briefing:
    """The briefing ``briefing_text`` wrote, its articles taken from ``articles`` by id."""
    data = json.loads(text)
    data["articles"] = [articles[a].to_dict() for a in data["articles"]]
    return Briefing.from_dict(data)


def _offsets(span: Span) -> dict[str, int]:
    """The offset columns (``tables._offsets``) of ``span``."""
    return {"source_start": span.start, "source_end": span.end,
            "clean_start": span.clean_start, "clean_end": span.clean_end}


def _span_row(story: str, role: str, number: int, span: Span, actor: str | None = None
              ) -> dict[str, Any]:
    return {"story_id": story, "role": role, "number": number, "actor": actor,
            "article_id": span.article, "text": span.text, **_offsets(span)}


def _spans(story: str, role: str, items: Iterable[tuple[int, Sequence[Span]]]
           ) -> list[dict[str, Any]]:
    return [_span_row(story, role, number, span) for number, support in items
            for span in support]


def briefing_rows(story: str, briefing: Briefing) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``briefing`` per table (``actors``, ``quotes``, ``claims``, ...)."""
    names = {a.id: a.name for a in briefing.actors}
    conflict_sides = [_span_row(story, "conflict", number, side.span, side.actor)
                      for number, c in enumerate(briefing.conflicts, 1) for side in c.sides]
    return {
        "actors": [{"story_id": story, "actor_id": a.id, "name": a.name, "kind": a.kind,
                    "affiliation": a.affiliation, "aliases": dumps(list(a.aliases))}
                   for a in briefing.actors],
        "quotes": [{"story_id": story, "article_id": q.article, "actor_id": q.speaker,
                    "speaker": names.get(q.speaker) if q.speaker else None, "kind": q.kind,
                    "text": q.text, **_offsets(q.span), "record": dumps(q.to_dict())}
                   for q in briefing.quotes],
        "claims": [{"story_id": story, "number": number, "text": c.text, "sources": c.sources}
                   for number, c in enumerate(briefing.claims, 1)],
        "conflicts": [{"story_id": story, "number": number, "topic": c.topic, "kind": c.kind}
                      for number, c in enumerate(briefing.conflicts, 1)],
        "spans": [
            *_spans(story, "claim", ((n, c.support) for n, c in enumerate(briefing.claims, 1))),
            *conflict_sides,
            *_spans(story, "summary",
                    ((n, s.support) for n, s in enumerate(briefing.summary, 1))),
            *_spans(story, "timeline",
                    ((n, t.support) for n, t in enumerate(briefing.timeline, 1))),
        ],
    }
