"""Per-outlet view: statements only one source makes, widely reported claims a source omits."""

from __future__ import annotations

from dataclasses import replace

import pytest

from parallax.compare.claims import find_claims, sentence_index
from parallax.compare.outlets import outlet_reports, widely_reported
from parallax.model import AnalyzedArticle, Briefing, Claim, Entity

from builders import LEDGER, TIMES, analyze, make_article

GAZETTE = ("Fishermen in the old port held a meeting on Tuesday evening. "
           "About 300 boats are registered in the harbour, the port authority said. "
           "The weather was mild for the season.")


def _with_person(item: AnalyzedArticle, name: str) -> AnalyzedArticle:
    start = item.article.text.index(name)
    return replace(item, entities=(Entity(start, start + len(name), name, "PERSON"),))


def _corpus() -> list[AnalyzedArticle]:
    return [
        _with_person(analyze(make_article("a", LEDGER, "Daily Ledger")), "Elena Ruiz"),
        analyze(make_article("b", TIMES, "Coastal Times")),
        analyze(make_article("c", GAZETTE, "Harbour Gazette")),
    ]


def test_each_source_lists_its_specific_exclusive_statements() -> None:
    corpus = _corpus()
    index = sentence_index(corpus)
    reports = outlet_reports(corpus, find_claims(corpus, index), index)
    by_outlet = {r.outlet: r for r in reports}
    assert set(by_outlet) == {"Daily Ledger", "Coastal Times", "Harbour Gazette"}
    ledger = [s.text for s in by_outlet["Daily Ledger"].exclusive]
    # The number and the named mayor are specific; the shared budget sentence is not exclusive.
    assert any("40 million" in t for t in ledger)
    assert any("Elena Ruiz" in t for t in ledger)
    assert not any("budget" in t for t in ledger)
    gazette = [s.text for s in by_outlet["Harbour Gazette"].exclusive]
    assert any("300 boats" in t for t in gazette)
    assert not any("weather" in t for t in gazette), "colour without names or numbers"
    texts = {item.id: item.article.text for item in corpus}
    for report in reports:
        for span in report.exclusive:
            assert span.article in report.articles
            assert texts[span.article][span.clean_start:span.clean_end] == span.text


def test_widely_reported_claim_is_listed_as_omitted_by_the_others() -> None:
    corpus = _corpus()
    index = sentence_index(corpus)
    claims = find_claims(corpus, index)
    assert len(claims) == 1 and claims[0].sources == 2
    by_outlet = {r.outlet: r for r in outlet_reports(corpus, claims, index)}
    assert by_outlet["Harbour Gazette"].omits == (0,)
    assert by_outlet["Daily Ledger"].omits == () and by_outlet["Coastal Times"].omits == ()


@pytest.mark.usefixtures("fake_embedder")
def test_a_copy_belongs_to_its_original_source() -> None:
    original = make_article("a", LEDGER, "Daily Ledger")
    copy = make_article("d", LEDGER, "Ledger Wire", flags=("duplicate-of:a",))
    corpus = [analyze(original), analyze(copy), analyze(make_article("b", TIMES, "Coastal Times"))]
    index = sentence_index(corpus)
    reports = outlet_reports(corpus, find_claims(corpus, index), index)
    assert [r.articles for r in reports] == [("a", "d"), ("b",)]
    texts = [s.text for s in reports[0].exclusive]
    assert len(texts) == len(set(texts)), "the copy repeats the original's exclusives"


@pytest.mark.usefixtures("fake_embedder")
def test_one_source_has_nothing_to_compare() -> None:
    corpus = [analyze(make_article("a", LEDGER, "Daily Ledger"))]
    index = sentence_index(corpus)
    assert outlet_reports(corpus, find_claims(corpus, index), index) == ()


def test_widely_reported_means_half_of_the_sources_and_at_least_two() -> None:
    claim = Claim("x", (), 2)
    assert widely_reported(claim, 3) and widely_reported(claim, 4)
    assert not widely_reported(claim, 5)
    assert not widely_reported(replace(claim, sources=1), 1)


@pytest.mark.usefixtures("fake_embedder")
def test_reports_round_trip_through_json() -> None:
    corpus = _corpus()
    index = sentence_index(corpus)
    claims = find_claims(corpus, index)
    briefing = Briefing(articles=tuple(c.article for c in corpus), claims=claims,
                        outlets=outlet_reports(corpus, claims, index))
    assert Briefing.from_json(briefing.to_json()) == briefing


def test_a_fact_stated_in_other_words_is_not_omitted() -> None:
    # The Gazette says the budget was approved, in words the alignment does not pair.
    note = ("Fishermen in the old port sold cod all morning. "
            "By the end of a busy Monday the harbour budget had the council's approval, "
            "to the relief of the fishermen. The weather was mild for the season.")
    corpus = [analyze(make_article("a", LEDGER, "Daily Ledger")),
              analyze(make_article("b", TIMES, "Coastal Times")),
              analyze(make_article("c", note, "Harbour Gazette"))]
    index = sentence_index(corpus)
    claims = find_claims(corpus, index)
    assert [c.sources for c in claims] == [2]
    by_outlet = {r.outlet: r for r in outlet_reports(corpus, claims, index)}
    assert by_outlet["Harbour Gazette"].omits == ()


def test_framing_lines_are_not_exclusive_statements() -> None:
    gazette = ("Fishermen in the old port held a meeting on Tuesday evening. "
               "The Harbour Board gave a very different account. "
               "About 300 boats are registered in the harbour, the port authority said.")
    framed = _with_person(analyze(make_article("c", gazette, "Harbour Gazette")), "Harbour Board")
    corpus = [*_corpus()[:2], framed]
    index = sentence_index(corpus)
    reports = outlet_reports(corpus, find_claims(corpus, index), index)
    gazette_lines = [s.text for r in reports if r.outlet == "Harbour Gazette" for s in r.exclusive]
    assert any("300 boats" in t for t in gazette_lines)
    assert not any("different account" in t for t in gazette_lines)
