"""Conflicts: different numbers across sources, opposite accounts of one matter."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_claims import analyze, make_article

from parallax.compare.conflicts import find_conflicts, number_mentions, scope_of
from parallax.model import Actor, Quote

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
    assert number_mentions("It happened in 2019.") == {}


def test_different_numbers_across_sources_are_a_facts_conflict() -> None:
    conflicts = find_conflicts([analyze(make_article("a", FLOOD_A, "North Post")),
                                analyze(make_article("b", FLOOD_B, "Valley Herald"))], [], [])
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "facts" and conflict.topic == "people"
    assert {s.span.article for s in conflict.sides} == {"a", "b"}
    assert all(s.actor is None for s in conflict.sides)


def test_agreeing_numbers_and_same_outlet_are_no_conflict() -> None:
    assert find_conflicts([analyze(make_article("a", FLOOD_A, "North Post")),
                           analyze(make_article("c", FLOOD_C, "Valley Herald"))], [], []) == ()
    assert find_conflicts([analyze(make_article("a", FLOOD_A, "North Post")),
                           analyze(make_article("b", FLOOD_B, "North Post"))], [], []) == ()


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
