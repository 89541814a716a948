"""Actor merging, affiliations and speaker ids, on invented articles and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.analyze._actor_names import (
    display_name,
    expand_surname,
    name_end,
    name_key,
    person_name,
)
from parallax.analyze.actors import resolve_actors

from builders import parsed

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"


def test_name_helpers() -> None:
    assert name_key("U.S.") == name_key("United States") == name_key("the US")
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")
    assert person_name("United States President Donald Trump") == "Donald Trump"
    assert expand_surname("Haddad", ["Omar Haddad", "Lena Kowalski"]) == "Omar Haddad"
    assert expand_surname("Haddad", ["Omar Haddad", "Sami Haddad"]) == "Haddad"
    assert expand_surname("Haddad", ["Haddad-Kowalski"]) == "Haddad"


def test_aliases_merge_across_articles_and_speakers_get_ids() -> None:
    first = parsed('Prime Minister Ingrid Solberg opened the port in Norway. '
                          '"This is a great day," Solberg said.', "one")
    second = parsed('Ingrid Solberg spoke again on Friday. "Trade will grow," she said.',
                      "two")
    actors, quotes = resolve_actors([first, second])
    solberg = [a for a in actors if a.name == "Ingrid Solberg"]
    assert len(solberg) == 1 and solberg[0].kind == "person"
    assert "Prime Minister Ingrid Solberg" in solberg[0].aliases
    assert {q.speaker for q in quotes} == {solberg[0].id}
    assert [a.id for a in actors] == [f"a{n}" for n in range(1, len(actors) + 1)]


@pytest.mark.parametrize(("text", "name", "affiliation"), [
    ('Portugal hosted the talks. Portuguese foreign minister Rui Matos arrived first. '
     '"We want a deal," Matos said.', "Rui Matos", "Portugal"),
    # The body after the title beats the place before it.
    ('"The members are furious," said Ezra Quint, the Oslo director of TideWatch.org, '
     'a group that fights the levy. "We will not forget," Quint said.', "Ezra Quint",
     "TideWatch.org"),
])
def test_affiliation_from_title(text: str, name: str, affiliation: str) -> None:
    actors, _ = resolve_actors([parsed(text, "t")])
    assert next(a for a in actors if a.name == name).affiliation == affiliation


def test_unimportant_actors_are_dropped() -> None:
    text = 'Lucia Ferri met a trader from Brazil. "Prices are high," Ferri said.'
    actors, _ = resolve_actors([parsed(text, "x")])
    names = {a.name for a in actors}
    assert "Lucia Ferri" in names and "Brazil" not in names


def test_seed_actors() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"seeds absent under {SEEDS} (texts are not shipped with the repository)")
    items = [parsed(p.read_text(encoding="utf-8"), p.stem) for p in paths]
    actors, quotes = resolve_actors(items)
    trump = [a for a in actors if "Trump" in a.name and a.kind == "person"
             and "-" not in a.name]
    assert len(trump) == 1 and trump[0].name == "Donald Trump"
    assert {"President Trump", "Trump"} <= set(trump[0].aliases)
    ri = next(a for a in actors if a.name == "Ri Yong Ho")
    assert ri.affiliation == "North Korea"
    by_id = {a.id: a.name for a in actors}
    spoken = {by_id[q.speaker] for q in quotes if q.speaker}
    assert {"Donald Trump", "Kim Jong-un", "Ri Yong Ho", "White House", "South Korea"} <= spoken
    assert len([a for a in actors if a.name == "United States"]) == 1


def test_hyphenated_and_heading_names() -> None:
    assert name_end("Ama Diallo-Berg said", len("Ama Diallo")) == len("Ama Diallo-Berg")
    assert name_end("Kim-led talks", 3) == 3
    assert expand_surname("Diallo-Berg", ["Ama Diallo-Berg"]) == "Ama Diallo-Berg"
    assert expand_surname("Diallo", ["Ama Diallo-Berg"]) == "Diallo"
    assert display_name("16:30 - Fisheries Ministry") == "Fisheries Ministry"


def test_surname_tagged_as_place_merges_into_the_person() -> None:
    items = [parsed('Foreign Minister Ama Diallo-Berg arrived. "We came to talk," '
                           'Diallo-Berg said.', "one"),
             parsed("Diallo-Berg said the talks would go on.", "two")]
    actors, _ = resolve_actors(items)
    names = [a.name for a in actors]
    assert "Ama Diallo-Berg" in names
    assert not {"Diallo-Berg", "Ama Diallo"} & set(names)


def test_its_title_and_national_bodies() -> None:
    first = parsed('Norway rejected the plan on Friday. Its foreign minister, Eirik '
                          'Dahl, said the deal was "unfair". The Norwegian Fisheries Ministry '
                          'said the fleet would stay in port.', "one")
    second = parsed("The Fisheries Ministry said talks would resume. Norwegian boats "
                           "stayed home and Norway waited.", "two")
    actors, _ = resolve_actors([first, second])
    dahl = next(a for a in actors if a.name == "Eirik Dahl")
    assert dahl.affiliation == "Norway"
    ministry = [a for a in actors if "Fisheries Ministry" in a.name]
    assert len(ministry) == 1 and ministry[0].affiliation == "Norway"
    assert "Fisheries Ministry" in ministry[0].aliases


def _short_paper_speaker(papers: str, word: str) -> str:
    """The actor name a statement by "The ``word``" gets, ``papers`` named before."""
    first = parsed(papers, "one")
    second = parsed(f"The {word} reported that the mayor misled the council about the ferry "
                    "contract, a claim the mayor denied.", "two")
    actors, quotes = resolve_actors([first, second])
    speaker = next(q for q in quotes if "ferry contract" in q.text).speaker
    return next(a.name for a in actors if a.id == speaker)


def test_a_paper_named_short_is_the_one_paper_of_that_name() -> None:
    assert _short_paper_speaker("The Harbour Valley Times reported on Monday that the mayor "
                                "had misled the council.", "Times") == "Harbour Valley Times"


def test_a_short_name_two_papers_end_on_stays_apart() -> None:
    assert _short_paper_speaker("The Harbour Post reported on Monday that the mayor had "
                                "misled the council. The River Post said the claim was "
                                "false.", "Post") == "Post"


def test_an_outlet_by_its_brand_is_its_newsroom() -> None:
    first = parsed("QuillFeed News reported on Monday that the mayor had lied to the council. "
                   "Its editor, Ben Roe, defended the story.", "one")
    second = parsed("Ada Fox said the ruling was wrong. QuillFeed said in a statement that its "
                    "reporting was sound. Fox News aired the ruling live.", "two")
    actors, quotes = resolve_actors([first, second])
    outlet = next(a for a in actors if a.name == "QuillFeed News")
    assert not any(a.name == "QuillFeed" for a in actors)
    assert next(q for q in quotes if "reporting was sound" in q.text).speaker == outlet.id
    # A person of the brand's name stays a person.
    assert any(a.name == "Ada Fox" and a.kind == "person" for a in actors)
