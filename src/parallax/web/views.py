"""What the web pages show, prepared as plain values: links, paging, article pieces.

Templates only lay these out (and escape them); every href the app writes is
built here, from ids quoted whole (``/`` too), so no stored value can add a
path segment, a query or a scheme to a link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from parallax.model import Article
from parallax.render.view import web_link

__all__ = ["Piece", "actor_href", "article_href", "article_pieces", "page_href", "removed_count",
           "story_href", "web_link"]


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """The article page; with ``start``/``end``, those source characters highlighted."""
    href = "/articles/" + quote(article_id, safe="")
    if start is not None and end is not None and end > start:
        href += f"?start={start}&end={end}#hit"
    return href


def actor_href(name: str) -> str:
    return "/actors/" + quote(name, safe="")


def page_href(path: str, query: Mapping[str, str | int | None]) -> str:
    """``path`` with the non-empty values of ``query``."""
    kept = {k: v for k, v in query.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of an article's source text: kept ``text``, ``removed`` (with why), or the ``hit``."""

    kind: str
    text: str
    reason: str = ""


def article_pieces(article: Article, hit: tuple[int, int] | None = None) -> list[Piece]:
    """The source text cut at each removed span and at ``hit`` (source offsets).

    Spans are taken in order of their start; a span overlapping an earlier one
    keeps only its part after it, so every character is shown exactly once.
    """
    source = article.document.source
    spans: list[tuple[int, int, str, str]] = [(r.start, r.end, "removed", r.reason)
                                              for r in article.removed]
    if hit is not None:
        spans.append((hit[0], hit[1], "hit", ""))
    pieces, at = [], 0
    for start, end, kind, reason in sorted(spans):
        start, end = max(start, at), min(end, len(source))
        if end <= start:
            continue
        if start > at:
            pieces.append(Piece("text", source[at:start]))
        pieces.append(Piece(kind, source[start:end], reason))
        at = end
    if at < len(source):
        pieces.append(Piece("text", source[at:]))
    return pieces


def removed_count(pieces: Sequence[Piece]) -> int:
    return sum(1 for p in pieces if p.kind == "removed")
