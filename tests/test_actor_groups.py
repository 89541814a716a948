"""Unnamed sources as the text describes them become group actors (issue 13)."""

from __future__ import annotations

from parallax.analyze._actor_groups import described_source
from parallax.analyze.actors import resolve_actors
from parallax.lang.en import ENGLISH

from builders import parsed

NOUNS = ENGLISH.source_nouns


def _named(text: str) -> str | None:
    """The description of the whole of ``text`` as a speaker mention."""
    return described_source(text, 0, len(text), [], NOUNS)


def test_descriptions_that_name_a_source() -> None:
    assert _named("Senior port officials") == "senior port officials"
    assert _named("A senior harbour official") == "senior harbour official"
    assert _named("Several island senators") == "island senators"
    assert _named("critics") == "critics"
    assert _named("Ferrante's campaign") == "Ferrante's campaign"
    assert _named("the special counsel\u2019s office") == "special counsel\u2019s office"


def test_descriptions_that_point_back_or_say_nothing() -> None:
    # A definite singular points back at someone named before.
    assert _named("The official") is None
    # "a spokesman" alone could be anyone's; "his campaign" is whoever "he" is.
    assert _named("a spokesman") is None
    assert _named("his campaign") is None
    assert _named("an opponent's campaign") is None
    # A person with a description, and nouns that are no source.
    assert _named("Mr. Tarn, a vocal critic") is None
    assert _named("the correspondence") is None
    assert _named("They") is None


def test_capital_kept_for_a_name_at_sentence_start() -> None:
    text = "The vote passed. Harbour Board officials said so."
    start = text.index("Harbour")
    end = text.index(" said")
    assert described_source(text, start, end, [(start, start + 12)], NOUNS) == (
        "Harbour Board officials")
    assert described_source(text, start, end, [], NOUNS) == "harbour Board officials"


def test_statements_of_unnamed_sources_get_a_group_actor() -> None:
    first = parsed("Senior port officials said the levy would pay for a breakwater. "
                   "Nadia Ferrante said the vote was fair. The official added that the "
                   "board would publish its accounts.", "one")
    second = parsed("Senior port officials said the levy was temporary. Critics say the "
                    "money will never reach the fund.", "two")
    actors, quotes = resolve_actors([first, second])
    by_id = {a.id: a for a in actors}
    officials = [a for a in actors if a.name == "senior port officials"]
    assert len(officials) == 1 and officials[0].described and officials[0].kind == "group"
    speakers = {q.text: by_id[q.speaker].name if q.speaker else None for q in quotes}
    assert speakers["the levy would pay for a breakwater"] == "senior port officials"
    assert speakers["the levy was temporary"] == "senior port officials"
    assert speakers["the money will never reach the fund"] == "critics"
    assert speakers["the vote was fair"] == "Nadia Ferrante"
    assert not by_id[next(q.speaker for q in quotes if q.text == "the vote was fair")
                     ].described


def test_a_qualifying_phrase_is_part_of_the_description() -> None:
    # "familiar with ...", "with knowledge of ..." and a named place say who speaks.
    assert _named("people familiar with the harbour talks") == (
        "people familiar with the harbour talks")
    assert _named("One person familiar with the pilot's testimony") == (
        "person familiar with the pilot's testimony")
    assert _named("people with knowledge of the tender") == "people with knowledge of the tender"
    assert _named("state prosecutors in Carvale") == "state prosecutors in Carvale"
    assert _named("three other women") == "women"
    # A part of a group is described by the group: "one of the mayor's aides".
    assert _named("one of Mr. Tarn's aides") == "Mr. Tarn's aides"
    # A possessive inside the phrase is no owner of the source.
    assert _named("people familiar with his thinking") == "people familiar with his thinking"


def test_a_qualified_definite_singular_still_points_back() -> None:
    assert _named("the person familiar with the talks") is None
    assert _named("the official in Carvale") is None


def test_a_described_source_takes_its_owners_full_name() -> None:
    # "Tarn's campaign" and "his campaign" in one article are the same source.
    item = parsed("Nadia Tarn's campaign called the story a smear on Monday. The levy "
                  "was never raised, according to Tarn's campaign.", "one")
    actors, quotes = resolve_actors([item])
    names = {q.text: next(a.name for a in actors if a.id == q.speaker)
             for q in quotes if q.speaker}
    assert "Nadia Tarn's campaign" in names.values()
