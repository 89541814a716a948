"""Number the sources and the evidence spans that briefing lines cite.

A reader sees ``[n]`` where ``n`` is the article's place in the Sources list;
the HTML page also needs one anchor per distinct evidence span, so each span
gets an evidence number the first time a line cites it. Numbering in reading
order keeps a rendered page stable for a given briefing, which is what lets
golden files compare byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parallax.errors import UsageError
from parallax.model import Article, Span

__all__ = ["Citation", "Citer", "MarkedSpan"]

# Spans are identified by where they point in the source, not by their text:
# two stages citing the same characters share one anchor.
_SpanKey = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited span: which source it is in and which anchor shows it."""

    source: int
    evidence: int
    label: str
    span: Span


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """An evidence anchor to draw in the source text (source offsets)."""

    start: int
    end: int
    evidence: int


def _suffix(repeat: int) -> str:
    """``""`` for the first span of a source in a line, then ``b``, ``c``... then ``.27``."""
    if repeat == 0:
        return ""
    return chr(ord("a") + repeat) if repeat < 26 else f".{repeat + 1}"


class Citer:
    """Hands out source numbers (fixed by article order) and evidence numbers.

    Evidence numbers are assigned lazily as lines are cited, so the object is
    a builder used while one page is assembled; ``marks`` then tells each
    source which spans to draw.
    """

    def __init__(self, articles: Sequence[Article]) -> None:
        self._number = {article.id: n for n, article in enumerate(articles, start=1)}
        self._evidence: dict[_SpanKey, int] = {}

    def number(self, article_id: str) -> int:
        """The 1-based place of an article in the Sources list."""
        try:
            return self._number[article_id]
        except KeyError:
            raise UsageError(f"evidence points to unknown article {article_id!r}",
                             hint="cite spans of the articles the page was built with") from None

    def cite(self, spans: Iterable[Span]) -> tuple[Citation, ...]:
        """Citations for one line, ordered by source, then by position.

        Several spans of one article in the same line get ``2``, ``2b``,
        ``2c`` so the labels stay distinct while still naming the source.
        """
        ordered = sorted(spans, key=lambda s: (self.number(s.article), s.start, s.end))
        seen: dict[int, int] = {}
        citations = []
        for span in ordered:
            source = self.number(span.article)
            repeat = seen.get(source, 0)
            seen[source] = repeat + 1
            label = f"{source}{_suffix(repeat)}"
            key = (span.article, span.start, span.end)
            evidence = self._evidence.setdefault(key, len(self._evidence) + 1)
            citations.append(Citation(source, evidence, label, span))
        return tuple(citations)

    def marks(self, article_id: str) -> tuple[MarkedSpan, ...]:
        """Every cited span of one article, in source order."""
        return tuple(sorted(
            (MarkedSpan(start, end, evidence)
             for (article, start, end), evidence in self._evidence.items()
             if article == article_id),
            key=lambda m: (m.start, -m.end, m.evidence),
        ))
