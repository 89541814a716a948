"""Conflicts: one rule per test, on sentences invented for the purpose."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from parallax.compare.claims import sentence_index
from parallax.compare.conflicts import (
    date_fields,
    find_conflicts,
    negated_terms,
    number_mentions,
    scope_of,
)
from parallax.model import Actor, AnalyzedArticle, Conflict, DateMention, Quote

from builders import analyze, make_article

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"

FLOOD_A = ("The flood killed 12 people in the northern valley, officials said. "
           "Rescue teams worked through the night.")
FLOOD_B = ("Officials said the flood in the northern valley killed 19 people. "
           "Schools in the region will stay closed until Thursday.")
FLOOD_C = ("Officials said the flood in the northern valley killed 12 people. "
           "The weather service expects more rain.")


def test_number_mentions() -> None:
    assert number_mentions("The flood killed 12 people and sank two boats.") == {
        "people": frozenset({12.0}), "boat": frozenset({2.0})}
    assert number_mentions("Two preliminary rounds failed.") == {
        "preliminary": frozenset({2.0}), "round": frozenset({2.0})}
    assert number_mentions("It happened in 2019.") == {}
    # Clock times and the days of dates are not counts.
    assert number_mentions("19:50 - Officials arrive") == {}
    assert number_mentions("The treaty expires on 31 March.") == {}


@pytest.mark.usefixtures("fake_embedder")
def test_different_numbers_across_sources_are_a_facts_conflict() -> None:
    conflicts = find_conflicts([analyze(make_article("a", FLOOD_A, "North Post")),
                                analyze(make_article("b", FLOOD_B, "Valley Herald"))], [], [])
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "facts"
    assert conflict.topic == "people: 12 (1 source) vs 19 (1 source)"
    assert [s.span.article for s in conflict.sides] == ["a", "b"]
    assert all(s.actor is None for s in conflict.sides)


@pytest.mark.usefixtures("fake_embedder")
def test_agreeing_numbers_and_same_outlet_are_no_conflict() -> None:
    assert find_conflicts([analyze(make_article("a", FLOOD_A, "North Post")),
                           analyze(make_article("c", FLOOD_C, "Valley Herald"))], [], []) == ()
    assert find_conflicts([analyze(make_article("a", FLOOD_A, "North Post")),
                           analyze(make_article("b", FLOOD_B, "North Post"))], [], []) == ()


@pytest.mark.usefixtures("fake_embedder")
def test_pairwise_clashes_merge_into_one_conflict_grouped_by_value() -> None:
    items = [analyze(make_article("a", FLOOD_A, "North Post")),
             analyze(make_article("b", FLOOD_B, "Valley Herald")),
             analyze(make_article("c", FLOOD_C, "Coast Courier"))]
    conflicts = find_conflicts(items, [], [])
    assert [c.topic for c in conflicts] == ["people: 12 (2 sources) vs 19 (1 source)"]
    assert [s.span.article for s in conflicts[0].sides] == ["a", "c", "b"]


@pytest.mark.usefixtures("fake_embedder")
def test_a_copy_is_never_a_side() -> None:
    copy = make_article("a2", FLOOD_A, "Syndicate Daily", flags=("duplicate-of:a",))
    items = [analyze(make_article("a", FLOOD_A, "North Post")), analyze(copy),
             analyze(make_article("b", FLOOD_B, "Valley Herald"))]
    conflicts = find_conflicts(items, [], [])
    assert [[s.span.article for s in c.sides] for c in conflicts] == [["a", "b"]]
    # Without its original in the corpus, a copy speaks for it.
    alone = find_conflicts([analyze(copy), items[2]], [], [])
    assert [[s.span.article for s in c.sides] for c in alone] == [["a2", "b"]]


@pytest.mark.usefixtures("fake_embedder")
def test_hedged_numbers_within_tolerance_agree() -> None:
    road_a = "Engineers said the new road runs about 40 kilometres along the coast."
    road_b = "The new road runs 38 kilometres along the coast, engineers said."
    road_c = "The new road runs 25 kilometres along the coast, engineers said."
    a = analyze(make_article("a", road_a, "North Post"))
    assert find_conflicts([a, analyze(make_article("b", road_b, "Valley Herald"))], [], []) == ()
    far = find_conflicts([a, analyze(make_article("c", road_c, "Valley Herald"))], [], [])
    assert [c.topic for c in far] == ["kilometres: 40 (1 source) vs 25 (1 source)"]


@pytest.mark.usefixtures("fake_embedder")
def test_precomputed_index_gives_the_same_answer() -> None:
    items = [analyze(make_article("a", FLOOD_A, "North Post")),
             analyze(make_article("b", FLOOD_B, "Valley Herald"))]
    assert find_conflicts(items, [], [], sentence_index(items)) == find_conflicts(items, [], [])


# --- dates ------------------------------------------------------------------------------

BRIDGE = "The transport ministry said the new bridge over the river opened {}."


def _dated(article_id: str, outlet: str, when: str, value: str,
           text: str = BRIDGE) -> AnalyzedArticle:
    body = text.format(when)
    item = analyze(make_article(article_id, body, outlet))
    start = body.index(when.removeprefix("on ").removeprefix("in "))
    end = start + len(when.removeprefix("on ").removeprefix("in "))
    return replace(item, dates=(DateMention(start, end, body[start:end], value, 0),))


def _date(text: str, value: str) -> DateMention:
    return DateMention(0, len(text), text, value, 0)


def test_date_fields_are_what_the_writer_spelled_out() -> None:
    assert date_fields(_date("31 March", "2024-03-31")) == {"month", "day"}
    assert date_fields(_date("31 March 2025", "2025-03-31")) == {"year", "month", "day"}
    assert date_fields(_date("the summer of 2023", "2023")) == {"year"}
    assert date_fields(_date("Monday", "2025-03-10")) == frozenset()
    assert date_fields(_date("the end of this month", "2025-03")) == frozenset()


@pytest.mark.usefixtures("fake_embedder")
def test_different_explicit_days_for_one_event_conflict() -> None:
    a = _dated("a", "North Post", "on 4 May 2019", "2019-05-04")
    b = _dated("b", "Valley Herald", "on 9 May 2019", "2019-05-09")
    conflicts = find_conflicts([a, b], [], [])
    assert [(c.kind, c.topic) for c in conflicts] == [
        ("facts", "opened: 4 May 2019 (1 source) vs 9 May 2019 (1 source)")]


@pytest.mark.usefixtures("fake_embedder")
def test_same_date_at_another_precision_or_inferred_is_no_conflict() -> None:
    full = _dated("a", "North Post", "on 4 May 2019", "2019-05-04")
    # A year-less "4 May" resolved to the wrong year still says the same day.
    yearless = _dated("b", "Valley Herald", "on 4 May", "2018-05-04")
    month = _dated("c", "Coast Courier", "in May 2019", "2019-05")
    weekday = _dated("d", "Hill Times", "on Monday", "2019-05-06")
    for other in (yearless, month, weekday):
        assert find_conflicts([full, other], [], []) == (), other.dates[0].text


@pytest.mark.usefixtures("fake_embedder")
def test_dates_of_different_events_do_not_conflict() -> None:
    text = "The transport ministry said the new bridge over the river was designed {}."
    designed = _dated("a", "North Post", "in 2015", "2015", text)
    opened = _dated("b", "Valley Herald", "in 2019", "2019")
    assert find_conflicts([designed, opened], [], []) == ()


# --- polarity ---------------------------------------------------------------------------


def test_negated_terms() -> None:
    assert negated_terms("The bridge will not open before winter.") == {"open"}
    assert negated_terms("They left the room without explanation.") == {"explan"}


@pytest.mark.usefixtures("fake_embedder")
def test_opposite_polarity_on_the_same_predicate_conflicts() -> None:
    yes = "The regional council said the new bridge will open to traffic before the winter."
    no = "The regional council said the new bridge will not open to traffic before the winter."
    conflicts = find_conflicts([analyze(make_article("a", yes, "North Post")),
                                analyze(make_article("b", no, "Valley Herald"))], [], [])
    assert [c.topic for c in conflicts] == ["open: open (1 source) vs not open (1 source)"]


@pytest.mark.usefixtures("fake_embedder")
def test_negation_of_something_else_is_no_conflict() -> None:
    plain = "The visiting delegation left the conference hall early on the second day."
    without = ("The visiting delegation left the conference hall early on the second day "
               "without explanation.")
    assert find_conflicts([analyze(make_article("a", plain, "North Post")),
                           analyze(make_article("b", without, "Valley Herald"))], [], []) == ()


# --- accounts ---------------------------------------------------------------------------


def test_scope_of() -> None:
    assert scope_of("they wanted every tariff removed at once", "tariff") == "whole"
    assert scope_of("we asked only for partial tariff relief", "tariff") == "part"
    assert scope_of("tariffs were discussed", "tariff") is None


def _quote(article_text: str, article_id: str, phrase: str, speaker: str) -> Quote:
    start = article_text.index(phrase)
    span = make_article(article_id, article_text).span(start, start + len(phrase))
    return Quote(span, "direct", speaker, None, None)


TRADE = ("The trade talks ended without a deal on Tuesday. "
         "The minister said the other side demanded that all tariffs be scrapped at once. "
         "Their envoy replied that his team had only sought partial tariff relief for farmers.")
ACTORS = [Actor("minister", "Ana Costa", "person", affiliation="Portland"),
          Actor("envoy", "Boris Vel", "person", affiliation="Eastland")]


def test_opposite_accounts_of_one_matter() -> None:
    item = analyze(make_article("t", TRADE, "Trade Daily"))
    quotes = [_quote(TRADE, "t", "all tariffs be scrapped at once", "minister"),
              _quote(TRADE, "t", "only sought partial tariff relief for farmers", "envoy")]
    conflicts = find_conflicts([item], ACTORS, quotes)
    assert [(c.kind, c.topic) for c in conflicts] == [("accounts", "tariffs")]
    assert [s.actor for s in conflicts[0].sides] == ["minister", "envoy"]
    same_side = [Actor("minister", "Ana Costa", "person", affiliation="Portland"),
                 Actor("envoy", "Boris Vel", "person", affiliation="Portland")]
    assert find_conflicts([item], same_side, quotes) == ()
    unknown = [_quote(TRADE, "t", "all tariffs be scrapped at once", "minister"),
               Quote(quotes[1].span, "direct", None, None, None)]
    assert find_conflicts([item], ACTORS, unknown) == ()


@pytest.mark.usefixtures("fake_embedder")
def test_a_disputed_name_is_labelled_with_what_each_side_says() -> None:
    text = ("Eastland demanded full control of the harbour cranes, the minister said. "
            "Eastland said it asked only for a shared inspection of the harbour cranes.")
    item = analyze(make_article("h", text, "Harbour Post"))
    quotes = [_quote(text, "h", "Eastland demanded full control of the harbour cranes", "minister"),
              _quote(text, "h", "Eastland said it asked only for a shared inspection of the "
                     "harbour cranes", "envoy")]
    [conflict] = find_conflicts([item], ACTORS, quotes)
    assert conflict.topic == "Eastland: full control / only for a shared inspection"


def _two_statements(first: tuple[str, str, str], second: tuple[str, str, str],
                    actors: list[Actor] = ACTORS) -> tuple[Conflict, ...]:
    """Conflicts between two reported statements, each (sentence, statement, speaker)."""
    text = f"{first[0]} {second[0]}"
    item = analyze(make_article("s", text, "Ferry News"))
    return find_conflicts([item], actors, [_quote(text, "s", first[1], first[2]),
                                           _quote(text, "s", second[1], second[2])])


@pytest.mark.usefixtures("fake_embedder")
def test_opposite_polarity_on_a_shared_matter_is_an_account_clash() -> None:
    [conflict] = _two_statements(
        ("The minister said the Eastland team walked out of the ferry talks.",
         "the Eastland team walked out of the ferry talks", "minister"),
        ("The envoy said his team had not walked out of the ferry talks.",
         "his team had not walked out of the ferry talks", "envoy"))
    assert conflict.kind == "accounts" and conflict.topic == "walked / not walked"


def test_a_negated_word_shared_with_nothing_else_is_no_clash() -> None:
    assert _two_statements(
        ("The minister said no agreement was reached on Tuesday.",
         "no agreement was reached on Tuesday", "minister"),
        ("The envoy said what counts is to sign the proper accord.",
         "what counts is to sign the proper accord", "envoy")) == ()


@pytest.mark.usefixtures("fake_embedder")
def test_a_country_and_its_minister_are_one_camp() -> None:
    actors = [Actor("eastland", "Eastland", "country"),
              Actor("envoy", "Boris Vel", "person", affiliation="Eastland")]
    assert _two_statements(
        ("Eastland said its team walked out of the ferry talks.",
         "its team walked out of the ferry talks", "eastland"),
        ("The envoy said his team had not walked out of the ferry talks.",
         "his team had not walked out of the ferry talks", "envoy"), actors) == ()


def test_points_two_camps_dispute_are_one_conflict() -> None:
    text = (TRADE + " The minister said the envoy's team walked out of the talks. "
            "The envoy said his team had not walked out of the talks.")
    item = analyze(make_article("p", text, "Trade Daily"))
    quotes = [_quote(text, "p", "all tariffs be scrapped at once", "minister"),
              _quote(text, "p", "only sought partial tariff relief for farmers", "envoy"),
              _quote(text, "p", "the envoy's team walked out of the talks", "minister"),
              _quote(text, "p", "his team had not walked out of the talks", "envoy")]
    [conflict] = find_conflicts([item], ACTORS, quotes)
    assert conflict.topic == "tariffs; walked / not walked"
    assert len(conflict.sides) == 4


def test_accounts_merge_by_topic_and_skip_copies() -> None:
    again = ("Speaking later, the minister repeated that the other side wanted every tariff "
             "scrapped at once.")
    items = [analyze(make_article("t", TRADE, "Trade Daily")),
             analyze(make_article("u", again, "Market Wire")),
             analyze(make_article("t2", TRADE, "Reprint News", flags=("duplicate-of:t",)))]
    quotes = [_quote(TRADE, "t", "all tariffs be scrapped at once", "minister"),
              _quote(TRADE, "t", "only sought partial tariff relief for farmers", "envoy"),
              _quote(again, "u", "wanted every tariff scrapped at once", "minister"),
              _quote(TRADE, "t2", "only sought partial tariff relief for farmers", "envoy")]
    conflicts = find_conflicts(items, ACTORS, quotes)
    assert len(conflicts) == 1
    assert [(s.actor, s.span.article) for s in conflicts[0].sides] == [
        ("minister", "t"), ("minister", "u"), ("envoy", "t")]


def test_seed_sanctions_accounts_conflict() -> None:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(f"seed articles not found at {SEEDS}")
    text = paths[0].read_text()
    item = analyze(make_article(paths[0].stem, text, paths[0].stem))
    # Locate the two statements by short phrases, so no seed sentence is copied here.
    trump_start = text.index("wanted the sanctions")
    trump_end = text.index("have to do more") + len("have to do more")
    ri_start = text.index("a realistic proposal")
    ri_end = text.index("both countries", ri_start) + len("both countries")
    quotes = [Quote(item.article.span(trump_start, trump_end), "direct", "trump", None, None),
              Quote(item.article.span(ri_start, ri_end), "direct", "ri", None, None)]
    actors = [Actor("trump", "Donald Trump", "person", affiliation="United States"),
              Actor("ri", "Ri Yong Ho", "person", affiliation="North Korea")]
    others = [analyze(make_article(p.stem, p.read_text(), p.stem)) for p in paths[1:]]
    conflicts = find_conflicts([item, *others], actors, quotes)
    accounts = [c for c in conflicts if c.kind == "accounts"]
    assert [(c.topic, [s.actor for s in c.sides]) for c in accounts] == [
        ("sanctions", ["trump", "ri"])]
    assert not [c for c in conflicts if c.kind == "facts"]
