"""Cleaning the example corpus: exactly the noise examples/README.md lists, and nothing else.

The examples are ours, so the checks quote them. Each file is cleaned both
alone (``parallax extract``) and with the corpus evidence the pipeline passes
(``repeated_lines``): every listed noise item must go with the right reason,
every removed line must be one of them (so no sentence of a story is lost),
and the listed repairs and flags must be exactly those.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from parallax.clean import clean_document, repeated_lines
from parallax.ingest import read_inputs
from parallax.model import Article, Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "meridane-talks"

DASHES = "-" * 60

# Per document id: noise fragment -> reason. Every removed line contains one of them.
NOISE: dict[str, dict[str, str]] = {
    "01_littoral-press-agency": {
        "By Tomasz Ellery-Brandt | Littoral Press Agency": "byline",
        "Photo: Delegates leave the Old Customs House": "caption",
        DASHES: "newsletter",
        "LPA Daily: the day's top wire stories in your inbox": "newsletter",
        "Full Name": "newsletter",
        "Email Address *": "newsletter",
        "Subscribe": "newsletter",
        "powered by MailHarbour": "newsletter",
    },
    "02_kestria-ledger": {
        "By Tomasz Ellery-Brandt, Littoral Press Agency | The Kestria Ledger": "byline",
        "republished under a syndication agreement": "disclaimer",
        "***": "newsletter",
        "Subscribe to The Ledger Morning Brief": "newsletter",
        "Our editors' pick of the news": "newsletter",
        "Full Name": "newsletter",
        "Email Address *": "newsletter",
        "Subscribe": "newsletter",
        "powered by Postwise": "newsletter",
    },
    "03_orvenia-herald": {},
    "04_meridane-courier": {
        "By Petra Lindqvist-Amare | The Meridane Courier": "byline",
        "-----": "advert",
        "ADVERTISEMENT": "advert",
        "Meridane Language Institute": "advert",
        "Evening and weekend classes start 7 April": "advert",
        "courses@meridane-language.example | Tel. +99 41 555 0187": "advert",
        "Related: Customs Quay closures": "related",
        "Related: Ferry timetable changes": "related",
        "Related: Old Customs House restoration": "related",
    },
    "05_kbn-live": {
        "KBN News | Live coverage from Port Meridane": "byline",
        "Reporting: Anja Holt-Mensah and Dariusz Lemaire": "byline",
        "We use cookies": "cookie",
        "Accept   Manage settings": "cookie",
        "Share this article": "share",
        "Facebook Twitter WhatsApp": "share",
    },
    "06_tarsa-valley-times": {
        "By Oskar Rennet-Dahl, Agriculture Editor": "byline",
        "To continue reading, subscribe to the Tarsa Valley Times.": "paywall",
        "Unlimited access to local news": "paywall",
        "Start your free trial": "paywall",
        "Already a subscriber? Log in": "paywall",
    },
    "07_continental-review": {
        "By Dr Selma Achterberg-Nduka | The Continental Review": "byline",
        "Dr Selma Achterberg-Nduka is a senior fellow": "bio",
        "The views expressed are the author\u2019s own": "disclaimer",
        "Share this article": "share",
        "Facebook   Twitter   LinkedIn   Email": "share",
        "Related:": "related",
        "Explainer: the Tarsa River from source to sea": "related",
        "Opinion: Upstream states and the myth": "related",
        "The Brennock Dam at 24": "related",
        "Comments (14)": "comments",
        "Sign in to join the conversation.": "comments",
    },
    "harbourline-2025-03-16-brennock-explainer": {
        "By Nikolai Strand-Oduya | Harbourline | 16 March 2025": "byline",
        "Read more: [Brennock Dam timeline](#)": "related",
    },
    "maraveltoday-2025-03-15-deeply-concerned": {
        "Maravel Today staff | 15 March 2025": "byline",
    },
    "09_globe-dispatch": {
        "By Rafael Quist-Mbeki, Globe Dispatch | Published 16 March 2025": "byline",
    },
}

# Per document id: (source text, cleaned text, repair reason).
REPAIRS: dict[str, set[tuple[str, str, str]]] = {
    "04_meridane-courier": {("river.The", "river. The", "missing-space"),
                            ("Varrsaid", "Varr said", "glued-words")},
    "06_tarsa-valley-times": {("thedam", "the dam", "glued-words"),
                              ("whileKestria", "while Kestria", "glued-words"),
                              ("\n\n", " ", "broken-sentence")},
    "harbourline-2025-03-16-brennock-explainer": {
        ("[\\[Kestria\\]](#)", "Kestria", "markdown-link"),
        ("[joint monitoring commission](#)", "joint monitoring commission", "markdown-link"),
        *((f"**{q}**", q, "markdown-emphasis") for q in (
            "What is the Brennock Dam?", "What is the treaty?", "What happened in Port Meridane?",
            "What does Orvenia say?", "What does Kestria say?", "Who is right?",
            "Why does it matter so much?", "What happens next?")),
    },
    "09_globe-dispatch": {("ofthe", "of the", "glued-words")},
}

# Flags the cleaner sets (02's duplicate flag comes later, from dedupe).
FLAGS = {"06_tarsa-valley-times": ("truncated", "paywall"), "09_globe-dispatch": ("truncated",)}

# Per document id: the first and last paragraph of the cleaned text start so.
ENDS: dict[str, tuple[str, str]] = {
    "01_littoral-press-agency": ("Water talks between Orvenia and Kestria collapse",
                                "Two preliminary rounds held last year"),
    "02_kestria-ledger": ("Kestria and Orvenia trade blame", "Two preliminary rounds held"),
    "03_orvenia-herald": ("Orvenia\u2019s delegation returned to Haldstad",
                          "The mediator, the Littoral Cooperation Forum"),
    "04_meridane-courier": ("Harbour front reopens", "City councillor Baptiste Orimah"),
    "05_kbn-live": ("LIVE: Brennock Dam talks collapse", "The talks are the first face-to-face"),
    "06_tarsa-valley-times": ("Valley farmers fear dry summer", "Board chair Frans Ekwueme"),
    "07_continental-review": ("Analysis: Why a narrow dispute", "The uncomfortable truth"),
    "harbourline-2025-03-16-brennock-explainer": ("Explainer: What is the Brennock Dam",
                                                  "The mediator, Beatrix Oyelaran-Holm, says"),
    "maraveltoday-2025-03-15-deeply-concerned": ("Maravel 'deeply concerned'",
                                                 "Maravel is not a party"),
    "09_globe-dispatch": ("Two days, two stories, no deal", "The treaty expires on 31 March."),
}


@cache
def _documents() -> tuple[Document, ...]:
    inputs = read_inputs([str(EXAMPLES)])
    assert not inputs.errors
    return inputs.documents


@cache
def _cleaned(mode: str) -> dict[str, Article]:
    documents = _documents()
    repeated = repeated_lines(documents) if mode == "corpus" else frozenset()
    return {d.id: clean_document(d, repeated=repeated) for d in documents}


MODES = ["alone", "corpus"]


def test_every_example_document_is_covered() -> None:
    assert {d.id for d in _documents()} == set(NOISE)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("doc_id", sorted(NOISE))
def test_listed_noise_is_removed_with_its_reason(mode: str, doc_id: str) -> None:
    article = _cleaned(mode)[doc_id]
    for fragment, reason in NOISE[doc_id].items():
        lines = [(line, r.reason) for r in article.removed for line in r.text.splitlines()]
        reasons = {r for line, r in lines if fragment in line}
        assert reasons == {reason}, (fragment, reasons)
        assert all(fragment not in paragraph for paragraph in article.text.split("\n\n")
                   if len(fragment) > len("Subscribe")), fragment


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("doc_id", sorted(NOISE))
def test_nothing_but_noise_is_removed(mode: str, doc_id: str) -> None:
    article = _cleaned(mode)[doc_id]
    for removal in article.removed:
        assert article.document.source[removal.start:removal.end] == removal.text
        for line in removal.text.splitlines():
            assert any(fragment in line for fragment in NOISE[doc_id]), line


@pytest.mark.parametrize("doc_id", sorted(NOISE))
def test_rule_lines_are_gone(doc_id: str) -> None:
    text = _cleaned("alone")[doc_id].text
    assert not any(p.strip("-*=_ ") == "" for p in text.split("\n\n"))


@pytest.mark.parametrize("doc_id", sorted(NOISE))
def test_story_keeps_its_first_and_last_paragraph(doc_id: str) -> None:
    paragraphs = _cleaned("alone")[doc_id].text.split("\n\n")
    first, last = ENDS[doc_id]
    assert paragraphs[0].startswith(first)
    assert paragraphs[-1].startswith(last)


@pytest.mark.parametrize("doc_id", sorted(NOISE))
def test_repairs_are_exactly_the_listed_ones(doc_id: str) -> None:
    article = _cleaned("alone")[doc_id]
    found = {(r.original, r.replacement, r.reason) for r in article.repairs}
    assert found == REPAIRS.get(doc_id, set())
    for original, replacement, _ in found:
        if original.strip():
            assert original not in article.text
            assert replacement in article.text


@pytest.mark.parametrize("doc_id", sorted(NOISE))
def test_flags_are_exactly_right(doc_id: str) -> None:
    assert _cleaned("alone")[doc_id].flags == FLAGS.get(doc_id, ())


def test_sentence_broken_across_a_blank_line_is_one_paragraph() -> None:
    text = _cleaned("alone")["06_tarsa-valley-times"].text
    assert "would meet on Monday to discuss whether to cut allocations" in text


def test_live_blog_timestamps_stay_as_headings() -> None:
    paragraphs = _cleaned("alone")["05_kbn-live"].text.split("\n\n")
    assert "21:10 - We are closing this live page" in paragraphs
    assert "17:20 - Press conference cancelled" in paragraphs
    assert "Accept" not in "\n".join(paragraphs[:2])


def test_html_page_keeps_exactly_the_story_paragraphs() -> None:
    text = _cleaned("alone")["03_orvenia-herald"].text
    assert len(text.split("\n\n")) == 11
    for noise in ("We use cookies", "Accept all", "Most read", "Related"):
        assert noise not in text


def test_markdown_headings_become_their_own_paragraphs() -> None:
    paragraphs = _cleaned("alone")["harbourline-2025-03-16-brennock-explainer"].text.split("\n\n")
    assert "Who is right?" in paragraphs
    assert not any("**" in p or "](#)" in p for p in paragraphs)


def test_cp1252_analysis_keeps_its_punctuation() -> None:
    text = _cleaned("alone")["07_continental-review"].text
    assert "14\u201315 March" in text and "\u2018regrettable\u2019" in text
