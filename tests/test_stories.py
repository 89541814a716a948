"""Story grouping on invented articles: events apart, wordings together, days, increments."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from parallax.errors import StateError, UsageError
from parallax.group.features import StoryFeatures, names_in, story_features, terms_in
from parallax.group.state import StoryState
from parallax.group.stories import add_features, group_articles, group_stories
from parallax.model import Article, Briefing, Story
from parallax.options import GroupOptions
from parallax.pipeline import brief_stories, select_story

from builders import EXAMPLES, FIRE_BRINDLEMOOR, FIRE_CASKWELL, story_articles

FERRY_STRIKE = [
    ("Lunport ferry crews walk out over pay",
     "Ferry crews in Lunport stopped work on Monday in a dispute over pay, leaving island "
     "commuters stranded. Union leader Ines Halvorsen said the strike would last three days "
     "unless the Lunport ferry board raised wages."),
    ("Strike halts Lunport island ferries",
     "No ferries left Lunport on Monday as crews began a three-day strike over wages. Ines "
     "Halvorsen of the seafarers' union said talks with the ferry board had failed, and "
     "islanders queued for the few water taxis."),
]
COUNCIL_VOTE = ("Ostrava Vale council approves budget",
                "The Ostrava Vale council voted to approve the town budget, which raises spending "
                "on roads and the library. Mayor Celia Brannagh said the vote was close.")


def _members(stories: tuple[Story, ...]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


@pytest.fixture(scope="module")
def fires() -> list[Article]:
    return story_articles([("brindlemoor", FIRE_BRINDLEMOOR, "2025-05-03"),
                      ("caskwell", FIRE_CASKWELL, "2025-05-03")])


def test_names_and_terms_are_cheap_and_specific() -> None:
    text = "Chief Odile Marrick\u2019s crews met on Monday. The Bank of England said 6.1 percent."
    assert {"odile marrick", "marrick", "bank of england", "england"} <= set(names_in(text))
    assert not {"the", "monday", "chief odile marrick\u2019s"} & set(names_in(text))
    assert dict(terms_in(text))["6.1"] == 1
    assert "the" not in dict(terms_in(text))


def test_two_events_of_one_kind_are_apart_and_wordings_together(fires: list[Article]) -> None:
    stories = group_stories(fires)
    assert _members(stories) == {frozenset({"brindlemoor1", "brindlemoor2"}),
                                 frozenset({"caskwell1", "caskwell2"})}


@pytest.mark.usefixtures("fake_embedder")
def test_same_topic_on_distant_days_is_two_stories() -> None:
    same_day = story_articles([("vote", [COUNCIL_VOTE], "2025-02-01"),
                          ("again", [COUNCIL_VOTE], "2025-02-02")])
    assert len(group_stories(same_day)) == 1
    apart = story_articles([("vote", [COUNCIL_VOTE], "2025-02-01"),
                       ("again", [COUNCIL_VOTE], "2025-04-01")])
    assert len(group_stories(apart)) == 2


def test_adding_articles_keeps_ids_and_untouched_stories(fires: list[Article]) -> None:
    first = group_articles([fires[0], fires[2], fires[3]])
    before = {s.id: s.articles for s in first.stories()}
    strike = story_articles([("ferry", FERRY_STRIKE, "2025-05-05")])
    second = group_articles([fires[1], *strike], first)
    after = {s.id: s.articles for s in second.stories()}
    old_fire = first.assignment()["brindlemoor1"]
    caskwell = first.assignment()["caskwell1"]
    assert after[old_fire] == (*before[old_fire], "brindlemoor2")
    assert after[caskwell] == before[caskwell]
    assert second.assignment()["ferry1"] == second.assignment()["ferry2"]
    assert second.assignment()["ferry1"] not in before
    # Known articles are not added twice.
    assert group_articles(fires, second).assignment() == second.assignment()


def _quake(id: str, place: str, person: str, toll: str) -> StoryFeatures:
    """An earthquake report whose lead vector is the same for every quake."""
    lead = np.zeros(384, dtype=np.float32)
    lead[0] = 1.0
    terms = ((place, 2), ("quake", 2), ("magnitude", 1), (toll, 1), (person, 1))
    return StoryFeatures(id, f"Quake in {place}", True, lead, (place, person, "usgs"), terms)


QUAKES = [_quake("north1", "varnholt", "ilse brask", "6.2"),
          _quake("north2", "varnholt", "ilse brask", "6.2"),
          _quake("south1", "pellacombe", "osric dunmore", "5.4"),
          _quake("south2", "pellacombe", "osric dunmore", "5.4")]


def test_alike_leads_with_disjoint_details_stay_two_stories() -> None:
    # The leads alone (cosine 1) would merge everything; each pair agrees on
    # its place, people and toll, and the two pairs only on the topic words.
    pairs = {frozenset({"north1", "north2"}), frozenset({"south1", "south2"})}
    assert _members(add_features(QUAKES).stories()) == pairs
    assert len(add_features(QUAKES, options=GroupOptions(cohesion=0.0)).groups) == 1
    # A lone report still joins the group it reads like: cohesion needs two sides.
    assert len(add_features(QUAKES[:3]).groups) == 1
    # The same holds when the second event arrives in a later batch.
    later = add_features(QUAKES[2:], add_features(QUAKES[:2]))
    assert _members(later.stories()) == pairs


@pytest.mark.usefixtures("fake_embedder")
def test_state_round_trips_and_continues_the_same(fires: list[Article]) -> None:
    state = group_articles(fires[:3])
    loaded = StoryState.from_json(state.to_json())
    assert loaded.assignment() == state.assignment()
    assert loaded.next_id == state.next_id and loaded.frequency == state.frequency
    for a, b in zip(state.groups, loaded.groups, strict=True):
        assert np.allclose(a.total, b.total, atol=1e-5)
        assert np.allclose(a.terms, b.terms, atol=1e-5)
        assert (a.first, a.last, a.title) == (b.first, b.last, b.title)
    features = list(story_features(fires[3:]))
    assert (add_features(features, loaded).assignment()
            == add_features(features, state).assignment())
    with pytest.raises(StateError, match="stories-state"):
        StoryState.from_json(json.dumps({"schema": "something/1"}))


def test_select_story() -> None:
    stories = (Story("s2", "Big", ("a", "b")), Story("s1", "Small", ("c",)))
    assert select_story(stories, None) == stories
    assert select_story(stories, "largest") == stories[:1]
    assert select_story(stories, "s1") == stories[1:]
    with pytest.raises(UsageError, match=r"s2, s1"):
        select_story(stories, "s9")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Briefing, ...]:
    """The example corpus plus two articles on an unrelated invented strike."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copytree(EXAMPLES, folder / "examples")
    for n, (title, text) in enumerate(FERRY_STRIKE, 1):
        (folder / f"ferry{n}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    from parallax.ingest import read_inputs

    return brief_stories(read_inputs([str(folder)]).documents)


def test_a_mixed_folder_briefs_each_story_largest_first(mixed: tuple[Briefing, ...]) -> None:
    from parallax.render import FORMATS, render_briefings

    assert len(mixed) == 2
    examples, ferry = mixed
    assert len(examples.articles) == 10 and {a.id for a in ferry.articles} == {"ferry1", "ferry2"}
    assert [b.stories[0].articles for b in mixed] == [tuple(a.id for a in b.articles)
                                                      for b in mixed]
    assert any("Halvorsen" in q.text or "Halvorsen" in (q.speaker or "") for q in ferry.quotes) \
        or any("Halvorsen" in a.name for a in ferry.actors)
    data = json.loads(render_briefings(mixed, FORMATS["json"]))
    assert data["schema"] == "parallax.briefing/1"
    assert [s["id"] for s in data["stories"]] == [b.stories[0].id for b in mixed]
    assert [len(b["articles"]) for b in data["briefings"]] == [10, 2]
    assert {a["id"] for a in data["articles"]} == {a.id for a in examples.articles}
    markdown = render_briefings(mixed, FORMATS["md"])
    assert markdown.index("Brennock") < markdown.index("Lunport")
    page = render_briefings(mixed, FORMATS["html"])
    assert page.count("<iframe") == 2 and "srcdoc=" in page
