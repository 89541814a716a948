"""Facts conflicts that real reporting raised falsely, and one person under two names.

Invented articles: a date's day read as a count, a bound read as a figure,
a rank read as a count, counts of different things of one noun; and the
clashes of names: one post with and without a rank word, one event in two
places.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from parallax.compare.conflicts import find_conflicts, number_mentions, same_person
from parallax.model import Actor, AnalyzedArticle, DateMention, Entity

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
    assert _facts("The Harbour Party expects to win no fewer than 240 seats on the Council "
                  "next year.",
                  "Council Greens gave up close to 60 seats across the last six years.") == ()
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


@pytest.mark.usefixtures("fake_embedder")
def test_one_post_with_and_without_a_rank_word_clashes() -> None:
    assert _facts("Ms. Brenn, then a deputy harbour master, signed the ferry toll contract "
                  "in the spring.",
                  "Ms. Brenn, then the harbour master, signed the ferry toll contract in the "
                  "spring.") == (
        "Brenn's post: deputy harbour master (1 source) vs harbour master (1 source)",)
    # The head of one body may be the deputy of another.
    assert _facts("Mr. Varga, the vice president, opened the ferry toll debate in the spring.",
                  "Mr. Varga, the president of the harbour senate, opened the ferry toll "
                  "debate in the spring.") == ()
    # Two different posts may both be true.
    assert _facts("Ms. Brenn, then a ferry inspector, signed the ferry toll contract in the "
                  "spring.",
                  "Ms. Brenn, then the harbour master, signed the ferry toll contract in the "
                  "spring.") == ()


def _placed(outlet: str, text: str, places: tuple[str, ...],
            dates: tuple[tuple[str, str], ...]) -> AnalyzedArticle:
    """``text`` analysed, with its ``places`` as GPE entities and its dates resolved."""
    item = analyze(make_article(outlet, text, outlet))
    entities = tuple(Entity(text.index(p), text.index(p) + len(p), p, "GPE") for p in places)
    mentions = tuple(DateMention(text.index(d), text.index(d) + len(d), d, value, 0)
                     for d, value in dates)
    return replace(item, entities=entities, dates=mentions)


CASKWELL = "The mayor said at a 2019 rally in Caskwell that the ferry tolls would fall."
BRINDLEMOOR = "The mayor said at a rally in Brindlemoor in {} that the ferry tolls would fall."


@pytest.mark.usefixtures("fake_embedder")
def test_one_event_in_two_places_clashes() -> None:
    first = _placed("North Post", CASKWELL, ("Caskwell",), (("2019", "2019"),))
    second = _placed("Valley Herald", BRINDLEMOOR.format("May 2019"), ("Brindlemoor",),
                     (("May 2019", "2019-05"),))
    [conflict] = find_conflicts([first, second], [], [])
    assert conflict.topic == "place (2019): Caskwell (1 source) vs Brindlemoor (1 source)"


@pytest.mark.usefixtures("fake_embedder")
def test_places_an_article_names_both_of_or_of_other_years_do_not_clash() -> None:
    first = _placed("North Post", CASKWELL, ("Caskwell",), (("2019", "2019"),))
    both = _placed("Valley Herald",
                   BRINDLEMOOR.format("May 2019")[:-1] + ", as she had said in Caskwell.",
                   ("Brindlemoor", "Caskwell"), (("May 2019", "2019-05"),))
    assert find_conflicts([first, both], [], []) == ()
    later = _placed("Valley Herald", BRINDLEMOOR.format("May 2021"), ("Brindlemoor",),
                    (("May 2021", "2021-05"),))
    assert find_conflicts([first, later], [], []) == ()


@pytest.mark.usefixtures("fake_embedder")
def test_one_measure_under_two_nouns_and_a_figure_set_by_its_change_verb() -> None:
    # "to 4,000" has no noun of its own: the verb "fallen" says it counts the
    # apprehensions, and apprehensions are what the other outlet calls arrests.
    assert _facts("Officials said harbour ferry apprehensions have actually fallen in "
                  "recent years, to 4,000 in the last fiscal year.",
                  "Officials said there were roughly 5,200 arrests at the harbour ferry in the "
                  "last fiscal year.") == ("apprehensions: 4000 (1 source) vs 5200 (1 source)",)
    # No change verb: nothing says what "4,000" counts, so it is no side.
    assert _facts("Officials said the harbour ferry carried 4,000 in the last fiscal year.",
                  "Officials said there were roughly 5,200 arrests at the harbour ferry in the "
                  "last fiscal year.") == ()
    # Nouns of two measures stay two counts.
    assert _facts("Officials said 4,000 tickets were sold at the harbour ferry last fiscal year.",
                  "Officials said 5,200 arrests were made at the harbour ferry last fiscal "
                  "year.") == ()
