"""Grouping at scale on invented features: retired stories, bounded matrices, streamed input,
and the count behind the progress bar's time left."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from parallax.analyze.embed import DIMENSIONS
from parallax.errors import StateError
from parallax.group.blocking import NameIndex
from parallax.group.features import StoryFeatures
from parallax.group.stories import _Stories, add_features
from parallax.ingest import expected_documents
from parallax.model import Article, Document, StoryState
from parallax.offsets import OffsetMap
from parallax.options import GroupOptions
from parallax.streaming import ArticleStream

# A weekly crawl of invented events: each one's articles share a lead direction,
# its place and person names and its terms, and are published within two days.
EVENTS = 40
WEEK = 7
FIRST_DAY = 740000
SMALL = GroupOptions(batch=16, retire_articles=12)


def _event_features(event: int, dated: bool = True) -> list[StoryFeatures]:
    rng = np.random.default_rng(event)
    base = rng.normal(size=DIMENSIONS)
    items = []
    for number in range(3):
        vector = base + 0.15 * rng.normal(size=DIMENSIONS)
        vector /= np.linalg.norm(vector)
        day = FIRST_DAY + WEEK * event + number % 2 if dated else None
        items.append(StoryFeatures(
            f"e{event}-{number}{'' if dated else '-undated'}", f"Event {event}", True,
            vector.astype(np.float32), (f"harbour{event}", f"warden{event}"),
            ((f"quay{event}", 2), (f"ferry{event}", 1), ("council", 1)), day))
    return items


def _crawl() -> list[StoryFeatures]:
    return [f for event in range(EVENTS) for f in _event_features(event)]


def _members(state: StoryState) -> set[frozenset[str]]:
    return {frozenset(g.articles) for g in state.groups}


def test_retiring_stories_groups_as_comparing_with_all() -> None:
    blocked = add_features(_crawl(), options=SMALL)
    unblocked = add_features(_crawl(), options=replace(SMALL, retire=10**6))
    assert blocked.assignment() == unblocked.assignment()
    assert len(blocked.groups) == EVENTS
    assert sum(g.retired for g in blocked.groups) > EVENTS // 2
    assert not any(g.retired for g in unblocked.groups)


def test_shortlisting_by_names_groups_as_comparing_with_all() -> None:
    everything = replace(SMALL, retire=10**6)
    shortlisted = add_features(_crawl(), options=replace(everything, candidates=3))
    assert shortlisted.assignment() == add_features(_crawl(), options=everything).assignment()
    assert len(shortlisted.groups) == EVENTS


def test_the_shortlist_holds_the_stories_sharing_names_most_first() -> None:
    names = np.zeros((4, 1024), dtype=np.float32)
    names[0, [1, 2]] = 1.0
    names[1, [2, 3]] = 1.0
    names[2, [1, 2, 3]] = 1.0
    index = NameIndex(names)
    row = np.zeros(1024, dtype=np.float32)
    row[[1, 2, 3]] = 0.5
    assert index.shortlist(row, 4).tolist() == [0, 1, 2]
    assert index.shortlist(row, 1).tolist() == [2]
    assert index.shortlist(row, 2).tolist() == [1, 2]
    assert index.shortlist(np.zeros(1024, dtype=np.float32), 4).tolist() == []


def test_retired_stories_keep_their_ids_across_state_runs() -> None:
    crawl = _crawl()
    half = len(crawl) // 2
    first = StoryState.from_json(add_features(crawl[:half], options=SMALL).to_json())
    retired = {g.id: g.articles for g in first.groups if g.retired}
    assert retired and all(g.total.size == 0 for g in first.groups if g.retired)
    second = add_features(crawl[half:], first, options=SMALL)
    assert {g.id: g.articles for g in second.groups if g.id in retired} == retired
    assert second.assignment() == add_features(crawl, options=SMALL).assignment()
    assert [g.id for g in second.groups] == sorted((g.id for g in second.groups),
                                                   key=lambda i: int(i[1:]))


def test_the_dense_matrices_hold_the_live_stories_only() -> None:
    stories = _Stories(StoryState(), SMALL)
    live: list[int] = []
    for event in range(EVENTS):
        stories.add(_event_features(event))
        live.append(stories.count)
    # Stories within ``retire`` days of the newest are live: seven weekly events or so.
    window = SMALL.retire // WEEK + 2
    assert max(live) <= window < EVENTS
    assert len(stories._sizes) <= 2 * window
    assert len(stories.retired) == EVENTS - stories.count


def test_undated_articles_join_live_stories_not_retired_ones() -> None:
    crawl = _crawl()
    late, early = _event_features(EVENTS - 1, dated=False), _event_features(0, dated=False)
    state = add_features([*crawl, *late[:1], *early[:1]], options=SMALL)
    assignment = state.assignment()
    assert assignment[late[0].id] == assignment[f"e{EVENTS - 1}-0"]
    assert assignment[early[0].id] not in {assignment[f"e0-{n}"] for n in range(3)}


def test_the_stream_reads_a_block_at_a_time() -> None:
    pulled: list[int] = []

    def documents() -> Iterator[Document]:
        for number in range(10):
            pulled.append(number)
            yield Document(f"d{number}", f"d{number}.txt", f"The Quay {number} ferry left late.",
                           outlet="Harbour Post", title=f"Ferry {number}", published="2031-03-04")

    def clean(block: list[Document]) -> list[Article]:
        return [Article(d, d.source, OffsetMap.identity(len(d.source))) for d in block]

    stream = ArticleStream(documents(), clean, block=4)
    articles = stream.articles()
    assert next(articles).id == "d0" and len(pulled) == 4
    assert len(list(articles)) == 9 and len(pulled) == 10
    assert [r.id for r in stream.rows] == [f"d{n}" for n in range(10)]
    assert stream.rows[3].title == "Ferry 3" and not hasattr(stream.rows[3], "text")


def test_a_retired_story_in_a_state_file_is_checked() -> None:
    data = add_features(_crawl(), options=SMALL).to_dict()
    kept = next(s for s in data["stories"] if s.get("retired"))
    assert "total" not in kept and "terms" not in kept
    kept["retired"] = "yes"
    with pytest.raises(StateError, match="'retired' is a string"):
        StoryState.from_dict(data)


def test_the_progress_total_counts_lines_of_a_dump_and_files(tmp_path: Path) -> None:
    dump = tmp_path / "crawl.jsonl.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as out:
        for number in range(3):
            out.write(json.dumps({"id": f"q{number}", "text": "The quay reopened."}) + "\n")
        out.write("\n")
    (tmp_path / "note.txt").write_text("The ferry left at noon.\n", encoding="utf-8")
    assert expected_documents([str(tmp_path)]) == 4
    (tmp_path / "items.rss").write_text("<rss></rss>", encoding="utf-8")
    assert expected_documents([str(tmp_path)]) is None


def test_a_small_pile_keeps_every_story_for_a_late_article() -> None:
    early, late = _event_features(0), _event_features(30)
    first = add_features([*early[:2], *late], options=GroupOptions(batch=16))
    assert not any(g.retired for g in first.groups)
    second = add_features(early[2:], first, options=GroupOptions(batch=16))
    assert second.assignment()[early[2].id] == second.assignment()[early[0].id]
