"""Records that flow between the stages, and the JSON contract they serialise to.

Every stage reads one kind of record and returns a new one
(``Document -> Article -> AnalyzedArticle -> Briefing``); nothing is mutated.
Records that reach the briefing serialise to the ``parallax.briefing/1``
contract of DESIGN.md with ``to_dict`` and come back with ``from_dict``.

Offsets: ``Span.start``/``Span.end`` index the article's *original input*
(``Document.source``), which is what a reader checks; ``clean_start`` and
``clean_end`` index the cleaned ``Article.text`` that analysis ran on, and
``Span.text`` is exactly ``Article.text[clean_start:clean_end]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from parallax.offsets import OffsetMap

__all__ = [
    "BRIEFING_SCHEMA",
    "Actor",
    "ActorKind",
    "AnalyzedArticle",
    "Article",
    "Briefing",
    "Claim",
    "Conflict",
    "ConflictSide",
    "DateMention",
    "Document",
    "Entity",
    "OutletReport",
    "Quote",
    "QuoteKind",
    "Removal",
    "Repair",
    "Sentence",
    "Span",
    "Story",
    "SummaryLine",
    "TimelineEntry",
]

BRIEFING_SCHEMA = "parallax.briefing/1"

ActorKind = Literal["person", "organization", "place", "group"]
QuoteKind = Literal["direct", "indirect", "partial"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input as read, before any cleaning.

    ``source`` is the text every offset in a briefing points into: the decoded
    file for text inputs, the ``text`` field for JSONL, and for HTML the text
    trafilatura extracts (the markup itself is kept in ``html``).
    """

    id: str
    path: str
    source: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    html: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Removal:
    """Source text the cleaner dropped, and why."""

    text: str
    reason: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removal:
        return cls(data["text"], data["reason"], data["start"], data["end"])


@dataclass(frozen=True, slots=True)
class Repair:
    """Source text ``original`` at ``start:end`` that the cleaner rewrote as ``replacement``."""

    original: str
    replacement: str
    start: int
    end: int
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.original, "to": self.replacement, "start": self.start,
                "end": self.end, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Repair:
        return cls(data["from"], data["to"], data["start"], data["end"], data.get("reason", ""))


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: characters of one article, in source and in cleaned offsets."""

    article: str
    start: int
    end: int
    text: str
    clean_start: int
    clean_end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text,
                "clean_start": self.clean_start, "clean_end": self.clean_end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["article"], data["start"], data["end"], data.get("text", ""),
                   data.get("clean_start", 0), data.get("clean_end", 0))


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned document: readable text, what was removed or repaired, and flags."""

    document: Document
    text: str
    offsets: OffsetMap
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.document.id

    def span(self, clean_start: int, clean_end: int) -> Span:
        """Evidence for cleaned ``text[clean_start:clean_end]``, mapped to the source."""
        start, end = self.offsets.to_source(clean_start, clean_end)
        return Span(self.id, start, end, self.text[clean_start:clean_end], clean_start, clean_end)

    def with_flags(self, *flags: str) -> Article:
        merged = tuple(dict.fromkeys((*self.flags, *flags)))
        return replace(self, flags=merged)

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "id": doc.id, "path": doc.path, "outlet": doc.outlet, "title": doc.title,
            "published": doc.published, "url": doc.url, "author": doc.author,
            "language": doc.language, "text": self.text, "flags": list(self.flags),
            "removed": [r.to_dict() for r in self.removed],
            "repairs": [r.to_dict() for r in self.repairs],
            "source": doc.source, "offsets": self.offsets.to_list(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        doc = Document(
            id=data["id"], path=data["path"], source=data.get("source", data["text"]),
            outlet=data.get("outlet"), title=data.get("title"), published=data.get("published"),
            url=data.get("url"), author=data.get("author"), language=data.get("language"),
        )
        offsets = (OffsetMap.from_list(data["offsets"]) if "offsets" in data
                   else OffsetMap.identity(len(data["text"])))
        return cls(doc, data["text"], offsets,
                   tuple(Removal.from_dict(r) for r in data.get("removed", [])),
                   tuple(Repair.from_dict(r) for r in data.get("repairs", [])),
                   tuple(data.get("flags", [])))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text (cleaned offsets)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention in the cleaned text (cleaned offsets, spaCy label)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to ``value`` (YYYY, YYYY-MM or YYYY-MM-DD).

    ``end_value`` is set for ranges such as "27-28 February".
    """

    start: int
    end: int
    text: str
    value: str
    sentence: int
    end_value: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone (or some body) that acts or speaks, merged across its names."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None

    @property
    def side(self) -> str:
        """The camp it speaks for in a dispute: its affiliation, else itself (a country
        and its foreign minister are one side)."""
        return self.affiliation or self.name

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "aliases": list(self.aliases), "affiliation": self.affiliation}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(data["id"], data["name"], data["kind"], tuple(data.get("aliases", [])),
                   data.get("affiliation"))


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement and who made it.

    ``span`` covers the quoted or reported content; ``speaker_span`` the mention
    of the speaker in this article (may be absent when unresolved); ``cue_span``
    the verb or phrase that introduces it.
    """

    span: Span
    kind: QuoteKind
    speaker: str | None
    speaker_span: Span | None
    cue_span: Span | None

    @property
    def article(self) -> str:
        return self.span.article

    @property
    def text(self) -> str:
        return self.span.text

    def to_dict(self) -> dict[str, Any]:
        speaker, cue = self.speaker_span, self.cue_span
        return {
            "article": self.span.article, "start": self.span.start, "end": self.span.end,
            "text": self.span.text, "clean_start": self.span.clean_start,
            "clean_end": self.span.clean_end, "kind": self.kind, "speaker": self.speaker,
            "speaker_text": speaker.text if speaker else None,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "cue": cue.text if cue else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "speaker_clean_start": speaker.clean_start if speaker else None,
            "speaker_clean_end": speaker.clean_end if speaker else None,
            "cue_clean_start": cue.clean_start if cue else None,
            "cue_clean_end": cue.clean_end if cue else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        span = Span.from_dict(data)

        def sub(prefix: str, text_key: str) -> Span | None:
            if data.get(f"{prefix}_start") is None:
                return None
            return Span(data["article"], data[f"{prefix}_start"], data[f"{prefix}_end"],
                        data.get(text_key) or "", data.get(f"{prefix}_clean_start") or 0,
                        data.get(f"{prefix}_clean_end") or 0)

        return cls(span, data["kind"], data.get("speaker"), sub("speaker", "speaker_text"),
                   sub("cue", "cue"))


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with its sentences, entities, quotes, dates and sentence embeddings.

    ``embeddings`` behaves like a read-only ``(len(sentences), 384)`` array of
    L2-normalised rows: in the pipeline a lazily computed
    ``parallax.analyze.vectors.SentenceVectors``, in tests often a plain NumPy
    array. It is excluded from equality (arrays do not compare to a bool).
    """

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    embeddings: Any = field(default=None, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.article.id


def _spans_to_dicts(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in spans]


def _spans_from_dicts(items: list[dict[str, Any]]) -> tuple[Span, ...]:
    return tuple(Span.from_dict(s) for s in items)


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of fact and the spans of every article that makes it.

    ``sources`` counts independent outlets, not articles.
    """

    text: str
    support: tuple[Span, ...]
    sources: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "support": _spans_to_dicts(self.support),
                "sources": self.sources}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(data["text"], _spans_from_dicts(data["support"]), data["sources"])


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One side of a conflict: who (if anyone) says what, and where."""

    actor: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "text": self.span.text, **self.span.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConflictSide:
        return cls(data.get("actor"), Span.from_dict(data))


@dataclass(frozen=True, slots=True)
class Conflict:
    """Accounts (different actors) or facts (different sources) that disagree."""

    topic: str
    kind: Literal["accounts", "facts"]
    sides: tuple[ConflictSide, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "kind": self.kind,
                "sides": [s.to_dict() for s in self.sides]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Conflict:
        return cls(data["topic"], data["kind"],
                   tuple(ConflictSide.from_dict(s) for s in data["sides"]))


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """An event date (not a publication date) and the spans that report it."""

    date: str
    text: str
    support: tuple[Span, ...]
    end_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "end_date": self.end_date, "text": self.text,
                "support": _spans_to_dicts(self.support)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEntry:
        return cls(data["date"], data["text"], _spans_from_dicts(data["support"]),
                   data.get("end_date"))


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One summary sentence and every span (in any outlet) that says it."""

    text: str
    support: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "support": _spans_to_dicts(self.support)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummaryLine:
        return cls(data["text"], _spans_from_dicts(data["support"]))


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same events."""

    id: str
    title: str
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "articles": list(self.articles)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(data["id"], data["title"], tuple(data["articles"]))


@dataclass(frozen=True, slots=True)
class OutletReport:
    """What one independent source adds to the story, and what it leaves out.

    ``exclusive`` holds statements no other source makes; ``omits`` the
    positions (in ``Briefing.claims``) of widely reported claims this source
    does not carry. Both are what an editor comparing coverage asks first.
    """

    outlet: str
    articles: tuple[str, ...]
    exclusive: tuple[Span, ...] = ()
    omits: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "articles": list(self.articles),
                "exclusive": _spans_to_dicts(self.exclusive), "omits": list(self.omits)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OutletReport:
        return cls(data["outlet"], tuple(data["articles"]),
                   _spans_from_dicts(data.get("exclusive", [])), tuple(data.get("omits", [])))


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a reader gets about one story, each line with its evidence."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummaryLine, ...] = ()
    stories: tuple[Story, ...] = ()
    errors: tuple[str, ...] = ()
    outlets: tuple[OutletReport, ...] = ()

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": BRIEFING_SCHEMA,
            "articles": [a.to_dict() for a in self.articles],
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "timeline": [t.to_dict() for t in self.timeline],
            "summary": [s.to_dict() for s in self.summary],
            "stories": [s.to_dict() for s in self.stories],
            "errors": list(self.errors),
            "outlets": [o.to_dict() for o in self.outlets],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        if data.get("schema") != BRIEFING_SCHEMA:
            raise ValueError(f"not a {BRIEFING_SCHEMA} document: schema={data.get('schema')!r}")
        return cls(
            articles=tuple(Article.from_dict(a) for a in data["articles"]),
            actors=tuple(Actor.from_dict(a) for a in data["actors"]),
            quotes=tuple(Quote.from_dict(q) for q in data["quotes"]),
            claims=tuple(Claim.from_dict(c) for c in data["claims"]),
            conflicts=tuple(Conflict.from_dict(c) for c in data["conflicts"]),
            timeline=tuple(TimelineEntry.from_dict(t) for t in data["timeline"]),
            summary=tuple(SummaryLine.from_dict(s) for s in data["summary"]),
            stories=tuple(Story.from_dict(s) for s in data.get("stories", [])),
            errors=tuple(data.get("errors", [])),
            outlets=tuple(OutletReport.from_dict(o) for o in data.get("outlets", [])),
        )

    @classmethod
    def from_json(cls, text: str) -> Briefing:
        return cls.from_dict(json.loads(text))
