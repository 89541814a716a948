"""Records that flow between the stages, and the JSON contract they serialise to.

Every stage reads one kind of record and returns a new one
(``Document -> Article -> AnalyzedArticle -> Briefing``, and ``StoryState``
for grouping, ``CheckResult`` for claim checks); nothing is mutated. Every
record pickles (an engine ships records between processes) and round-trips
``to_dict``/``from_dict``; records that reach the briefing serialise to the
``parallax.briefing/1`` contract (docs/ARCHITECTURE.md, README). No record holds a cache or a
model: sentence vectors travel as finished arrays, and the lazy vector cache
of a run belongs to the pipeline (``parallax.analyze.vectors``).

Offsets: ``Span.start``/``Span.end`` index the article's *original input*
(``Document.source``), which is what a reader checks; ``clean_start`` and
``clean_end`` index the cleaned ``Article.text`` that analysis ran on, and
``Span.text`` is exactly ``Article.text[clean_start:clean_end]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Self

import numpy as np

from parallax.analyze.embed import DIMENSIONS
from parallax.errors import InputError, StateError, UsageError
from parallax.offsets import OffsetMap

__all__ = [
    "BRIEFING_SCHEMA",
    "DUPLICATE_FLAG",
    "NAME_DIMENSIONS",
    "STATE_SCHEMA",
    "TERM_DIMENSIONS",
    "Actor",
    "ActorKind",
    "AnalyzedArticle",
    "Article",
    "Attribution",
    "AttributionKind",
    "Briefing",
    "CheckResult",
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
    "Stance",
    "Story",
    "StoryGroup",
    "StoryState",
    "SummaryLine",
    "TimelineEntry",
    "Verdict",
]

BRIEFING_SCHEMA = "parallax.briefing/1"
STATE_SCHEMA = "parallax.stories-state/2"
# How a copy names its original in the JSON ``flags`` of an article: other
# tools read it there, so ``Article.to_dict`` keeps writing it next to the
# ``duplicate_of`` key, and ``from_dict`` reads either.
DUPLICATE_FLAG = "duplicate-of:"

ActorKind = Literal["person", "organization", "place", "group"]
QuoteKind = Literal["direct", "indirect", "partial"]
# Why an attribution is no statement (``Attribution``): the words were only about a topic
# ("spoke about X"), aimed at a target with no content ("denied the allegations"), a plan
# or wish ("plans to visit"), a refusal ("declined to say"), negated ("has not
# announced"), merely possible ("could say"), an indirect question ("asked whether") or
# a belief told in the past ("expected that").
AttributionKind = Literal["topic", "target", "plan", "refusal", "negated", "hypothetical",
                          "question", "belief"]
Stance = Literal["supports", "contradicts", "discusses", "unrelated"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input as read, before any cleaning.

    ``source`` is the text every offset in a briefing points into: the decoded
    file for text inputs, the ``text`` field for JSONL, and for HTML the text
    trafilatura extracts (the markup itself is kept in ``html``). ``html`` is
    left out of equality: the cleaner reads it, but what a document says, and
    every offset, is ``source``, and a briefing's JSON does not carry the markup.
    ``flags`` are what reading found that the article must carry (an input cut
    at the size limit); the cleaner puts them on the article.
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
    html: str | None = field(default=None, repr=False, compare=False)
    flags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "source": self.source, "outlet": self.outlet,
                "title": self.title, "published": self.published, "url": self.url,
                "author": self.author, "language": self.language, "html": self.html,
                "flags": list(self.flags)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(data["id"], data["path"], data["source"], data.get("outlet"),
                   data.get("title"), data.get("published"), data.get("url"),
                   data.get("author"), data.get("language"), data.get("html"),
                   tuple(data.get("flags", ())))


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
    """A cleaned document: readable text, what was removed or repaired, and flags.

    ``duplicate_of`` is the id of the article this one copies (set by
    ``parallax.group.dedupe``), None for an original. A ``duplicate-of:<id>``
    string among ``flags`` (the JSON form, and how records were built before
    the field existed) is read into ``duplicate_of`` and left out of ``flags``.
    """

    document: Document
    text: str
    offsets: OffsetMap
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    flags: tuple[str, ...] = ()
    duplicate_of: str | None = None

    def __post_init__(self) -> None:
        marked = [f for f in self.flags if f.startswith(DUPLICATE_FLAG)]
        if marked:
            object.__setattr__(self, "flags",
                               tuple(f for f in self.flags if not f.startswith(DUPLICATE_FLAG)))
            if self.duplicate_of is None:
                object.__setattr__(self, "duplicate_of", marked[0][len(DUPLICATE_FLAG):])

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
        """The contract form; a copy's ``duplicate-of:<id>`` flag comes last in ``flags``.

        The raw markup (``document.html``) stays out of a briefing; ``Document.to_dict``
        carries it where a document itself is shipped.
        """
        doc = self.document
        copy = [f"{DUPLICATE_FLAG}{self.duplicate_of}"] if self.duplicate_of is not None else []
        return {
            "id": doc.id, "path": doc.path, "outlet": doc.outlet, "title": doc.title,
            "published": doc.published, "url": doc.url, "author": doc.author,
            "language": doc.language, "text": self.text, "flags": [*self.flags, *copy],
            "duplicate_of": self.duplicate_of,
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
                   tuple(data.get("flags", [])), data.get("duplicate_of"))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text (cleaned offsets)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(data["start"], data["end"], data["text"])


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention in the cleaned text (cleaned offsets, spaCy label)."""

    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(data["start"], data["end"], data["text"], data["label"])


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

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "sentence": self.sentence, "end_value": self.end_value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return cls(data["start"], data["end"], data["text"], data["value"], data["sentence"],
                   data.get("end_value"))


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone (or some body) that acts or speaks, merged across its names."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    # An unnamed source as the text describes it ("senior administration officials"):
    # it says who spoke, but not which camp it speaks for.
    described: bool = False

    @property
    def side(self) -> str:
        """The camp it speaks for in a dispute: its affiliation, else itself (a country
        and its foreign minister are one side)."""
        return self.affiliation or self.name

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "aliases": list(self.aliases), "affiliation": self.affiliation,
                "described": self.described}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(data["id"], data["name"], data["kind"], tuple(data.get("aliases", [])),
                   data.get("affiliation"), bool(data.get("described", False)))


@dataclass(frozen=True, slots=True)
class _Attributed:
    """What a quote and an attribution share: content, speaker and cue spans, and their
    JSON form. ``kind`` is each one's own vocabulary."""

    span: Span
    kind: str
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
        return _attributed_dict(self.span, self.kind, self.speaker, self.speaker_span,
                                self.cue_span)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(Span.from_dict(data), data["kind"], data.get("speaker"),
                   *_attributed_spans(data))


@dataclass(frozen=True, slots=True)
class Quote(_Attributed):
    """A statement and who made it.

    ``span`` covers the quoted or reported content; ``speaker_span`` the mention
    of the speaker in this article (may be absent when unresolved); ``cue_span``
    the verb or phrase that introduces it. ``parts`` are the content's pieces
    when its own attribution interrupts it (“A,” she said, “B.”, or "A,
    officials said, B": the spans of A and B, ``span`` running from the
    first to the last): the words between are the writer's, so ``text``
    leaves them out, as PolNeAR's discontinuous content spans do.
    """

    kind: QuoteKind
    parts: tuple[Span, ...] = ()

    @property
    def text(self) -> str:
        """The quoted words: the pieces joined by an ellipsis when there are several."""
        return " \u2026 ".join(p.text for p in self.parts) if self.parts else self.span.text

    def to_dict(self) -> dict[str, Any]:
        data = _attributed_dict(self.span, self.kind, self.speaker, self.speaker_span,
                                self.cue_span)
        if self.parts:
            data["parts"] = [p.to_dict() for p in self.parts]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        parts = tuple(Span.from_dict(p) for p in data.get("parts") or ())
        return cls(Span.from_dict(data), data["kind"], data.get("speaker"),
                   *_attributed_spans(data), parts)


@dataclass(frozen=True, slots=True)
class Attribution(_Attributed):
    """Someone reported in relation to content they did not assert: not a statement.

    PolNeAR's attributions are wider than a briefing's statements: "X spoke
    about the budget", "X plans to visit", "X declined to say whether" report
    X in relation to some content, but nobody can quote X as asserting it.
    The quote stage keeps them apart from ``Quote`` with ``kind`` saying why
    (``AttributionKind``); they never reach "Who said what", claims, conflicts
    or the summary. Spans are as a ``Quote``'s: the content, the speaker's
    mention (absent when unresolved) and the cue.
    """

    kind: AttributionKind


def _attributed_dict(span: Span, kind: str, speaker: str | None, speaker_span: Span | None,
                     cue: Span | None) -> dict[str, Any]:
    """The JSON form of a quote or an attribution: content, speaker and cue offsets."""
    return {
        "article": span.article, "start": span.start, "end": span.end,
        "text": span.text, "clean_start": span.clean_start,
        "clean_end": span.clean_end, "kind": kind, "speaker": speaker,
        "speaker_text": speaker_span.text if speaker_span else None,
        "speaker_start": speaker_span.start if speaker_span else None,
        "speaker_end": speaker_span.end if speaker_span else None,
        "cue": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "speaker_clean_start": speaker_span.clean_start if speaker_span else None,
        "speaker_clean_end": speaker_span.clean_end if speaker_span else None,
        "cue_clean_start": cue.clean_start if cue else None,
        "cue_clean_end": cue.clean_end if cue else None,
    }


def _attributed_spans(data: dict[str, Any]) -> tuple[Span | None, Span | None]:
    """The speaker and cue spans ``_attributed_dict`` wrote."""

    def sub(prefix: str, text_key: str) -> Span | None:
        if data.get(f"{prefix}_start") is None:
            return None
        return Span(data["article"], data[f"{prefix}_start"], data[f"{prefix}_end"],
                    data.get(text_key) or "", data.get(f"{prefix}_clean_start") or 0,
                    data.get(f"{prefix}_clean_end") or 0)

    return sub("speaker", "speaker_text"), sub("cue", "cue")


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with its sentences, entities, quotes, dates and sentence embeddings.

    ``attributions`` are what the quote stage found reported of someone that is
    no statement (``Attribution``); no later stage reads them but the output.

    ``embeddings`` is a finished ``(len(sentences), 384)`` float32 array of
    L2-normalised rows, or None when they were not computed: the briefing
    computes only the vectors it reads, in a cache the pipeline holds and hands
    to the compare stages (``parallax.analyze.vectors.VectorStore``), so its
    records carry none. Records never hold that cache, so they pickle and can
    be shipped to another process as they are. ``embeddings`` is left out of
    equality (arrays do not compare to a bool).
    """

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    embeddings: np.ndarray[Any, Any] | None = field(default=None, compare=False, repr=False)
    attributions: tuple[Attribution, ...] = ()

    def __post_init__(self) -> None:
        vectors = self.embeddings
        if vectors is not None:
            vectors = np.asarray(vectors, dtype=np.float32)
            if vectors.shape != (len(self.sentences), DIMENSIONS):
                raise UsageError(f"article {self.id}: {vectors.shape} embeddings for "
                                 f"{len(self.sentences)} sentences",
                                 hint=f"give one {DIMENSIONS}-wide row per sentence, or None")
            object.__setattr__(self, "embeddings", vectors)

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        """Everything, vectors as nested lists; ``html`` carries the markup the
        article's contract form leaves out, so the record comes back whole."""
        vectors = self.embeddings
        return {"article": self.article.to_dict(),
                "html": self.article.document.html,
                "sentences": [s.to_dict() for s in self.sentences],
                "entities": [e.to_dict() for e in self.entities],
                "quotes": [q.to_dict() for q in self.quotes],
                "dates": [d.to_dict() for d in self.dates],
                "embeddings": None if vectors is None else vectors.tolist(),
                "attributions": [a.to_dict() for a in self.attributions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnalyzedArticle:
        article = Article.from_dict(data["article"])
        if data.get("html") is not None:
            article = replace(article, document=replace(article.document, html=data["html"]))
        vectors = data.get("embeddings")
        return cls(article, tuple(Sentence.from_dict(s) for s in data["sentences"]),
                   tuple(Entity.from_dict(e) for e in data["entities"]),
                   tuple(Quote.from_dict(q) for q in data["quotes"]),
                   tuple(DateMention.from_dict(d) for d in data["dates"]),
                   None if vectors is None else np.asarray(vectors, dtype=np.float32)
                   .reshape(-1, DIMENSIONS),
                   tuple(Attribution.from_dict(a) for a in data.get("attributions", [])))


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
class Verdict:
    """What one article does with a checked claim, and the sentences that show it.

    An ``unrelated`` article cites no evidence. ``reason`` says in a few words
    what decided the stance ("the figure differs: 3 here, 5 in the claim (hour)"), when the
    reading that decided it gives one.
    """

    article: str
    stance: Stance
    evidence: tuple[Span, ...]
    reason: str | None = None

    def to_dict(self, *, full: bool = False) -> dict[str, Any]:
        """The ``parallax.check/1`` verdict: evidence as source ``start``/``end`` and ``text``.

        ``full`` adds each span's cleaned offsets, so that ``from_dict`` gives
        this very record back; the contract form leaves them out (they index
        text the reader of a check does not see).
        """
        return {"article": self.article, "stance": self.stance,
                "evidence": [{"start": s.start, "end": s.end, "text": s.text,
                              **({"clean_start": s.clean_start, "clean_end": s.clean_end}
                                 if full else {})}
                             for s in self.evidence],
                **({"reason": self.reason} if self.reason is not None else {})}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        article = data["article"]
        return cls(article, data["stance"], tuple(
            Span(article, e["start"], e["end"], e["text"], e.get("clean_start", 0),
                 e.get("clean_end", 0)) for e in data["evidence"]), data.get("reason"))


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One claim and a verdict per checked article, in article order."""

    claim: str
    verdicts: tuple[Verdict, ...]

    def to_dict(self, *, full: bool = False) -> dict[str, Any]:
        """The ``parallax.check/1`` result; ``full`` as in ``Verdict.to_dict``."""
        return {"claim": self.claim, "verdicts": [v.to_dict(full=full) for v in self.verdicts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckResult:
        return cls(data["claim"], tuple(Verdict.from_dict(v) for v in data["verdicts"]))


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
    # Reported of someone but no statement: never among the quotes (``Attribution``).
    attributions: tuple[Attribution, ...] = ()

    def article(self, article_id: str) -> Article:
        """The article with id ``article_id``; ``UsageError`` when the briefing has none."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise UsageError(f"no article {article_id!r} in this briefing",
                         hint=f"articles: {', '.join(a.id for a in self.articles) or 'none'}")

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
            "attributions": [a.to_dict() for a in self.attributions],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        """The briefing a ``to_dict`` wrote; ``InputError`` for any other document."""
        if not isinstance(data, dict) or data.get("schema") != BRIEFING_SCHEMA:
            found = data.get("schema") if isinstance(data, dict) else type(data).__name__
            raise InputError("briefing", f"not a {BRIEFING_SCHEMA} document: schema={found!r}")
        try:
            return cls._read(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError("briefing", f"malformed {BRIEFING_SCHEMA} document "
                                         f"({type(exc).__name__}: {exc})") from exc

    @classmethod
    def _read(cls, data: dict[str, Any]) -> Briefing:
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
            attributions=tuple(Attribution.from_dict(a) for a in data.get("attributions", [])),
        )

    @classmethod
    def from_json(cls, text: str) -> Briefing:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError("briefing", f"not JSON ({exc})") from exc
        return cls.from_dict(data)


# --- grouping state --------------------------------------------------------------------

# Decimals kept for centroid sums in the state file: cosines change by < 1e-5.
_DECIMALS = 6
# Width of the hashed term vectors: a few hundred distinct terms per article
# rarely collide in 2,048 slots, and a story costs 8 KiB of memory.
TERM_DIMENSIONS = 2048
# Names are fewer (a few dozen per article), so half the width does.
NAME_DIMENSIONS = 1024


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One story as grouping sees it; ``first``/``last`` are day ordinals or None.

    A story keeps only what assigning a new article needs: the sums of its
    members' lead vectors (``total``), hashed term vectors and hashed name
    vectors, so the average similarity of anything to its members is one dot
    product divided by its size, and adding a member is one addition. The
    arrays are left out of equality; ``to_dict`` keeps ``_DECIMALS`` decimals.
    A ``retired`` story is one grouping no longer compares new articles with
    (its window lies too far behind the newest date seen, see
    ``parallax.group.stories``): it keeps its id, title, window and articles,
    and its arrays are empty, in memory and in the state file.
    """

    id: str
    title: str
    total: np.ndarray[Any, Any] = field(compare=False, repr=False)
    terms: np.ndarray[Any, Any] = field(compare=False, repr=False)
    names: np.ndarray[Any, Any] = field(compare=False, repr=False)
    first: int | None = None
    last: int | None = None
    articles: tuple[str, ...] = ()
    retired: bool = False

    @property
    def size(self) -> int:
        return len(self.articles)

    def story(self) -> Story:
        return Story(self.id, self.title, self.articles)

    def to_dict(self) -> dict[str, Any]:
        written = {"id": self.id, "title": self.title, "articles": list(self.articles),
                   "first": self.first, "last": self.last}
        if self.retired:
            return {**written, "retired": True}
        return {**written, "total": [round(float(x), _DECIMALS) for x in self.total],
                "terms": _sparse(self.terms), "names": _sparse(self.names)}

    @classmethod
    def from_dict(cls, data: Any, where: str = "story") -> StoryGroup:
        """The group ``to_dict`` wrote; a ``StateError`` naming what is wrong otherwise.

        ``where`` names the group in the message (``StoryState`` passes
        "story 3 (s7)"). Every key ``to_dict`` writes must be there with its
        type: a state is only ever written by ``to_dict``, so anything else is
        a damaged or hand-edited file, and grouping on it would go wrong later.
        """
        data = _object(data, where)
        story_id = _text(data, "id", where)
        if not story_id:
            raise StateError(f"{where}: 'id' is empty")
        articles = _texts(data, "articles", where)
        if len(set(articles)) != len(articles):
            raise StateError(f"{where}: an article is listed twice in 'articles'")
        first, last = _day(data, "first", where), _day(data, "last", where)
        if first is not None and last is not None and first > last:
            raise StateError(f"{where}: 'first' ({first}) is after 'last' ({last})")
        retired = data.get("retired", False)
        if retired is not True and retired is not False:
            raise StateError(f"{where}: 'retired' is {_kind(retired)}, not true or false")
        if retired:
            empty = np.zeros(0, dtype=np.float32)
            return cls(story_id, _text(data, "title", where), empty, empty, empty, first, last,
                       articles, retired=True)
        return cls(story_id, _text(data, "title", where), _total(data, where),
                   _dense(data, "terms", TERM_DIMENSIONS, where),
                   _dense(data, "names", NAME_DIMENSIONS, where), first, last, articles)


# The parsers of the state file below check one key each and name it, the
# story and what was found, so a damaged state is one clear ``StateError``.

def _kind(value: Any) -> str:
    """What a JSON value is, in the words of an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    names = {dict: "an object", list: "a list", str: "a string", int: "an integer",
             float: "a number"}
    return names.get(type(value), type(value).__name__)


def _object(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise StateError(f"{where} is {_kind(data)}, not an object")
    return data


def _key(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise StateError(f"{where}: no {key!r}")
    return data[key]


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = _key(data, key, where)
    if not isinstance(value, str):
        raise StateError(f"{where}: {key!r} is {_kind(value)}, not a string")
    return value


def _texts(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = _key(data, key, where)
    if not isinstance(value, list):
        raise StateError(f"{where}: {key!r} is {_kind(value)}, not a list")
    for item in value:
        if not isinstance(item, str):
            raise StateError(f"{where}: {key!r} holds {_kind(item)}, not only strings")
    return tuple(value)


def _count(data: dict[str, Any], key: str, where: str, least: int = 0) -> int:
    value = _key(data, key, where)
    if not isinstance(value, int) or isinstance(value, bool):
        raise StateError(f"{where}: {key!r} is {_kind(value)}, not an integer")
    if value < least:
        raise StateError(f"{where}: {key!r} is {value}, below {least}")
    return value


def _day(data: dict[str, Any], key: str, where: str) -> int | None:
    if _key(data, key, where) is None:
        return None
    return _count(data, key, where)


def _number(value: Any, what: str) -> float:
    """A finite JSON number that fits the state's 32-bit vectors."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise StateError(f"{what} is {_kind(value)}, not a number")
    if abs(value) <= _LARGEST:  # false for NaN too
        return float(value)
    raise StateError(f"{what} is {str(value)[:12]}, not a finite 32-bit number")


def _total(data: dict[str, Any], where: str) -> np.ndarray[Any, Any]:
    value = _key(data, "total", where)
    if not isinstance(value, list):
        raise StateError(f"{where}: 'total' is {_kind(value)}, not a list")
    if len(value) != DIMENSIONS:
        raise StateError(f"{where}: 'total' has {len(value)} values, not {DIMENSIONS}")
    # Checked as a whole first (a state holds thousands of these), one by one to name a bad one.
    if all((type(x) is float or type(x) is int) and abs(x) <= _LARGEST for x in value):
        return np.asarray(value, dtype=np.float32)
    for index, number in enumerate(value):
        _number(number, f"{where}: 'total[{index}]'")
    raise StateError(f"{where}: 'total' is not {DIMENSIONS} finite numbers")


def _dense(data: dict[str, Any], key: str, size: int, where: str) -> np.ndarray[Any, Any]:
    """The vector of ``size`` slots that ``_sparse`` wrote as {slot: value}."""
    value = _object(_key(data, key, where), f"{where}: {key!r}")
    vector = np.zeros(size, dtype=np.float32)
    for slot, weight in value.items():
        index = int(slot) if slot.isdigit() else -1
        if not 0 <= index < size:
            raise StateError(f"{where}: {key!r} has slot {slot!r}, not one of 0..{size - 1}")
        vector[index] = _number(weight, f"{where}: {key!r}[{slot!r}]")
    return vector


def _frequencies(data: dict[str, Any], key: str) -> dict[str, int]:
    value = _object(_key(data, key, "the state"), f"the state's {key!r}")
    return {name: _count(value, name, f"the state's {key!r}") for name in value}


def _sparse(vector: np.ndarray[Any, Any]) -> dict[str, float]:
    return {str(i): round(float(vector[i]), _DECIMALS) for i in np.flatnonzero(vector)}


# The largest number a state's vectors (float32) hold.
_LARGEST = float(np.finfo(np.float32).max)
# An article's fingerprint: hex of a truncated SHA-256 (``group.identity``).
_FINGERPRINT = re.compile(r"[0-9a-f]{32}")
# Story ids grouping makes: "s" and a number below ``StoryState.next_id``.
_MADE_ID = re.compile(r"s([1-9][0-9]*)")


@dataclass(frozen=True, slots=True)
class StoryState:
    """The grouped corpus as a record that a later run continues from.

    Stories in creation order, name and term document frequencies (in how many
    articles each name and term occurs, so rare ones, the people and places of
    one event, weigh more than "Washington" or "police"), the articles seen and
    the next story number. ``fingerprints`` holds, per article id, a hash of
    what the article said (``parallax.group.identity``), so an article of a
    known id but other content is told apart; ids without one (states written
    before ``parallax.stories-state/2``) are taken to be the article they name.
    ``to_json``/``from_json`` round-trip it so ``parallax stories --state FILE``
    adds articles without regrouping the ones it has seen.
    """

    groups: tuple[StoryGroup, ...] = ()
    frequency: Mapping[str, int] = field(default_factory=dict)
    term_frequency: Mapping[str, int] = field(default_factory=dict)
    seen: int = 0
    next_id: int = 1
    fingerprints: Mapping[str, str] = field(default_factory=dict)

    def assignment(self) -> dict[str, str]:
        """Article id -> story id."""
        return {a: g.id for g in self.groups for a in g.articles}

    def stories(self) -> tuple[Story, ...]:
        """Largest first; ties in creation order, so ids and order stay stable."""
        ordered = sorted(self.groups, key=lambda g: -g.size)
        return tuple(g.story() for g in ordered)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": STATE_SCHEMA, "seen": self.seen, "next_id": self.next_id,
                "frequency": dict(self.frequency), "term_frequency": dict(self.term_frequency),
                "fingerprints": dict(self.fingerprints),
                "stories": [g.to_dict() for g in self.groups]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Any) -> StoryState:
        """The state ``to_dict`` wrote (or a ``parallax.stories-state/1`` one).

        Anything else is a ``StateError`` naming the key and story that are
        wrong: the top level not an object, an unknown schema, a missing key or
        one of another type, a vector of the wrong width or a slot outside it,
        two stories of one id, an article in two stories, a story without
        articles, a story number at or above ``next_id`` (the next story would
        take it again), a fingerprint that is not one or names no article.
        """
        data = _object(data, f"the top level of a {STATE_SCHEMA} file")
        schema = data.get("schema")
        if schema not in (STATE_SCHEMA, _STATE_SCHEMA_1):
            raise StateError(f"not a {STATE_SCHEMA} file: schema={schema!r}")
        stories = _key(data, "stories", "the state")
        if not isinstance(stories, list):
            raise StateError(f"the state's 'stories' is {_kind(stories)}, not a list")
        groups = tuple(StoryGroup.from_dict(g, _story_where(i, g))
                       for i, g in enumerate(stories, 1))
        next_id = _count(data, "next_id", "the state", least=1)
        _check_stories(groups, next_id)
        fingerprints = (_fingerprints(data, groups) if schema == STATE_SCHEMA else {})
        return cls(groups, _frequencies(data, "frequency"),
                   _frequencies(data, "term_frequency"), _count(data, "seen", "the state"),
                   next_id, fingerprints)

    @classmethod
    def from_json(cls, text: str) -> StoryState:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise StateError(f"not a {STATE_SCHEMA} file: not JSON ({exc})") from exc
        return cls.from_dict(data)


# States written before fingerprints: read (their articles have none), never written.
_STATE_SCHEMA_1 = "parallax.stories-state/1"


def _story_where(number: int, data: Any) -> str:
    story_id = data.get("id") if isinstance(data, dict) else None
    return f"story {number} ({story_id})" if isinstance(story_id, str) else f"story {number}"


def _check_stories(groups: tuple[StoryGroup, ...], next_id: int) -> None:
    """What holds between the stories: distinct ids, each article in one story."""
    owner: dict[str, str] = {}
    ids: set[str] = set()
    for group in groups:
        if group.id in ids:
            raise StateError(f"two stories have the id {group.id!r}")
        ids.add(group.id)
        if not group.articles:
            raise StateError(f"story {group.id!r} has no articles")
        made = _MADE_ID.fullmatch(group.id)
        if made and int(made[1]) >= next_id:
            raise StateError(f"story {group.id!r} is numbered at or above 'next_id' ({next_id})")
        for article in group.articles:
            if article in owner:
                raise StateError(f"article {article!r} is in two stories: "
                                 f"{owner[article]!r} and {group.id!r}")
            owner[article] = group.id


def _fingerprints(data: dict[str, Any], groups: tuple[StoryGroup, ...]) -> dict[str, str]:
    value = _object(_key(data, "fingerprints", "the state"), "the state's 'fingerprints'")
    known = {a for g in groups for a in g.articles}
    for article, fingerprint in value.items():
        if article not in known:
            raise StateError(f"the state's 'fingerprints' names {article!r}, in no story")
        if not isinstance(fingerprint, str) or not _FINGERPRINT.fullmatch(fingerprint):
            raise StateError(f"the state's 'fingerprints' of {article!r} is not 32 hex digits")
    return dict(value)
