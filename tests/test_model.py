"""Records serialise to the parallax.briefing/1 contract and come back unchanged."""

from __future__ import annotations

import json

import pytest

from parallax.errors import InputError
from parallax.model import (
    BRIEFING_SCHEMA,
    Actor,
    Article,
    Briefing,
    Claim,
    Conflict,
    ConflictSide,
    Document,
    Quote,
    Removal,
    Repair,
    Story,
    SummaryLine,
    TimelineEntry,
)
from parallax.offsets import TextBuilder

SOURCE = 'Headline\n\nThe mayor said "we will rebuild" on [Monday](#).\n\nSubscribe now'


def _article() -> Article:
    builder = TextBuilder(SOURCE)
    link = SOURCE.index("[Monday]")
    builder.copy(0, link)
    builder.replace(link, link + len("[Monday](#)"), "Monday")
    builder.copy(link + len("[Monday](#)"), SOURCE.index("\n\nSubscribe"))
    text, offsets = builder.build()
    document = Document("a1", "a1.txt", SOURCE, outlet="Gazette", title="Headline",
                        published="2025-03-15")
    sub = SOURCE.index("Subscribe")
    return Article(document, text, offsets,
                   removed=(Removal("Subscribe now", "newsletter", sub, len(SOURCE)),),
                   repairs=(Repair("[Monday](#)", "Monday", link, link + 11, "markdown-link"),),
                   flags=("very-short",))


def _briefing() -> Briefing:
    article = _article()
    quote_start = article.text.index("we will")
    content = article.span(quote_start, quote_start + len("we will rebuild"))
    speaker = article.span(article.text.index("The mayor"), article.text.index(" said"))
    cue = article.span(article.text.index("said"), article.text.index("said") + 4)
    sentence = article.span(article.text.index("The mayor"), len(article.text))
    return Briefing(
        articles=(article,),
        actors=(Actor("a1", "The mayor", "person", ("mayor",), None),),
        quotes=(Quote(content, "direct", "a1", speaker, cue),),
        claims=(Claim(sentence.text, (sentence,), 1),),
        conflicts=(Conflict("rebuilding", "accounts", (ConflictSide("a1", content),)),),
        timeline=(TimelineEntry("2025-03-10", sentence.text, (sentence,)),),
        summary=(SummaryLine(sentence.text, (sentence,)),),
        stories=(Story("s1", "Headline", ("a1",)),),
    )


def test_span_maps_repaired_text_back_to_source() -> None:
    article = _article()
    where = article.text.index("Monday")
    span = article.span(where, where + 6)
    assert span.text == "Monday"
    assert SOURCE[span.start:span.end] == "[Monday](#)"


def test_briefing_round_trips_through_json() -> None:
    briefing = _briefing()
    again = Briefing.from_json(briefing.to_json())
    assert again == briefing


def test_contract_keys_exist() -> None:
    data = json.loads(_briefing().to_json())
    assert data["schema"] == BRIEFING_SCHEMA
    assert set(data) >= {"articles", "actors", "quotes", "claims", "conflicts", "timeline",
                         "summary"}
    article = data["articles"][0]
    assert set(article) >= {"id", "path", "outlet", "title", "published", "text", "flags",
                            "removed", "repairs"}
    assert set(article["repairs"][0]) >= {"from", "to", "start", "end"}
    quote = data["quotes"][0]
    assert set(quote) >= {"article", "start", "end", "text", "kind", "speaker", "speaker_text",
                          "cue", "speaker_start", "speaker_end", "cue_start", "cue_end"}
    assert set(data["claims"][0]) >= {"text", "support", "sources"}
    assert set(data["conflicts"][0]["sides"][0]) >= {"actor", "text", "article", "start", "end"}
    assert set(data["timeline"][0]) >= {"date", "text", "support"}
    assert set(data["summary"][0]["support"][0]) >= {"article", "start", "end"}


def test_records_are_immutable() -> None:
    article = _article()
    with pytest.raises(AttributeError):
        article.text = "changed"  # type: ignore[misc]


def test_wrong_schema_is_refused() -> None:
    with pytest.raises(InputError, match="schema"):
        Briefing.from_dict({"schema": "other/1"})
