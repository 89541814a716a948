"""Facts conflicts that real reporting raised falsely, and one person under two names.

Invented articles: a date's day read as a count, a bound read as a figure,
a rank read as a count, counts of different things of one noun.
"""

from __future__ import annotations

import pytest

from parallax.compare.conflicts import find_conflicts, number_mentions, same_person
from parallax.model import Actor

from builders import analyze, make_article


def _facts(first: str, second: str) -> tuple[str, ...]:
    items = [analyze(make_article("a", first, "North Post")),
             analyze(make_article("b", second, "Valley Herald"))]
    return tuple(c.topic for c in find_conflicts(items, [], []) if c.kind == "facts")


def test_the_day_of_a_date_and_a_rank_are_not_counts() -> None:
    assert number_mentions("Nine of the Sept. 4 hijackers were caught.") == {}
    assert number_mentions("Nine of the 19 hijackers were caught.") == {
        "hijacker": frozenset({19.0})}
    assert number_mentions("She kept the No. 2 position of the harbour board.") == {}


@pytest.mark.usefixtures("fake_embedder")
def test_a_bound_agrees_with_a_figure_near_it() -> None:
    assert _facts("The port sent more than 5,000 ferry workers home on Monday.",
                  "The port sent 5,200 ferry workers home on Monday.") == ()


@pytest.mark.usefixtures("fake_embedder")
def test_counts_of_one_noun_for_different_things_do_not_clash() -> None:
    assert _facts("The Harbour Party is on track to hold at least 240 seats in the Council "
                  "next year.",
                  "Council Greens have also lost nearly 60 seats over the past six years.") == ()
    assert _facts("The ferry strike kept 12 boats in the harbour on Monday, officials said.",
                  "Officials said the ferry strike kept 19 boats in the harbour on Monday.") == (
        "boats: 12 (1 source) vs 19 (1 source)",)


def test_one_person_under_two_name_forms() -> None:
    def person(name: str) -> Actor:
        return Actor(name, name, "person")

    assert same_person(person("Ida Brenn"), person("Ida K. Brenn"))
    assert same_person(person("Olek Varga"), person("J. Olek Varga"))
    assert not same_person(person("Ida Brenn"), person("Olek Brenn"))
    assert not same_person(person("Ida Brenn"), person("Ida Brenn Jr."))
    assert not same_person(Actor("x", "Harbour Board", "organization"),
                           Actor("y", "Harbour Board", "organization"))
