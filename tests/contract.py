"""A checker for the parallax.briefing/1 JSON contract (docs/ARCHITECTURE.md), used by the tests.

Beyond key presence and types it checks provenance: every span lies inside its
article's original source, its ``text`` is exactly the cleaned text at
``clean_start:clean_end``, and every word of that text occurs in the source
slice (repairs only add spaces or drop markup, never words).
"""

from __future__ import annotations

import re
from typing import Any, get_args

from parallax.model import Article, AttributionKind

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
WORD = re.compile(r"[A-Za-z0-9]+")
WORD_CHARS = re.compile(r"\w+")
ATTRIBUTION_KINDS = get_args(AttributionKind)


def _check_span(span: dict[str, Any], articles: dict[str, dict[str, Any]], where: str) -> None:
    assert span["article"] in articles, f"{where}: unknown article {span['article']!r}"
    article = articles[span["article"]]
    source, text = article["source"], article["text"]
    start, end = span["start"], span["end"]
    assert isinstance(start, int) and isinstance(end, int), where
    assert 0 <= start < end <= len(source), f"{where}: {start}:{end} outside source"
    if "clean_start" in span and "text" in span:
        assert text[span["clean_start"]:span["clean_end"]] == span["text"], where
        window = source[start:end]
        for word in WORD.findall(span["text"]):
            assert word in window, f"{where}: {word!r} not in source slice {window[:80]!r}"


def check_briefing(data: dict[str, Any]) -> None:
    """Raise AssertionError with the first violation of the contract."""
    assert data["schema"] == "parallax.briefing/1"
    for key in ("articles", "actors", "quotes", "claims", "conflicts", "timeline", "summary"):
        assert isinstance(data[key], list), key
    articles = {a["id"]: a for a in data["articles"]}
    assert len(articles) == len(data["articles"]), "article ids must be unique"
    for article in data["articles"]:
        for key in ("id", "path", "outlet", "title", "published", "text", "flags", "removed",
                    "repairs"):
            assert key in article, f"article lacks {key}"
        assert article["published"] is None or ISO_DATE.match(article["published"])
        for removal in article["removed"]:
            assert set(removal) >= {"text", "reason", "start", "end"}
            assert article["source"][removal["start"]:removal["end"]] == removal["text"]
        for repair in article["repairs"]:
            assert set(repair) >= {"from", "to", "start", "end"}
            assert article["source"][repair["start"]:repair["end"]] == repair["from"]
    actor_ids = {a["id"] for a in data["actors"]}
    for actor in data["actors"]:
        assert actor["kind"] in ("person", "organization", "place", "group"), actor
        assert isinstance(actor["aliases"], list)
    attributed = [("quotes", ("direct", "indirect", "partial"))]
    if "attributions" in data:  # optional: absent in older files
        attributed.append(("attributions", ATTRIBUTION_KINDS))
    for key, kinds in attributed:
        for i, quote in enumerate(data[key]):
            where = f"{key}[{i}]"
            assert quote["kind"] in kinds, where
            assert quote["speaker"] is None or quote["speaker"] in actor_ids, where
            _check_span(quote, articles, where)
            for part in ("speaker", "cue"):
                if quote[f"{part}_start"] is not None:
                    source = articles[quote["article"]]["source"]
                    assert 0 <= quote[f"{part}_start"] <= quote[f"{part}_end"] <= len(source), (
                        where)
    for i, claim in enumerate(data["claims"]):
        assert claim["support"] and isinstance(claim["sources"], int), f"claims[{i}]"
        for span in claim["support"]:
            _check_span(span, articles, f"claims[{i}]")
    for i, conflict in enumerate(data["conflicts"]):
        assert conflict["kind"] in ("accounts", "facts") and len(conflict["sides"]) >= 2
        for side in conflict["sides"]:
            assert side["actor"] is None or side["actor"] in actor_ids
            _check_span(side, articles, f"conflicts[{i}]")
    for i, entry in enumerate(data["timeline"]):
        assert ISO_DATE.match(entry["date"]), entry["date"]
        assert entry["support"], f"timeline[{i}]"
        for span in entry["support"]:
            _check_span(span, articles, f"timeline[{i}]")
    for i, line in enumerate(data["summary"]):
        assert line["support"], f"summary[{i}] has no support"
        for span in line["support"]:
            _check_span(span, articles, f"summary[{i}]")


def check_paragraphs_map_back(article: Article) -> None:
    """Every cleaned paragraph maps to a source slice that holds all of its words."""
    source = article.document.source
    position = 0
    for paragraph in article.text.split("\n\n"):
        start = article.text.index(paragraph, position)
        position = start + len(paragraph)
        span = article.span(start, position)
        mapped = source[span.start:span.end]
        assert all(word in mapped for word in WORD_CHARS.findall(paragraph)), paragraph
