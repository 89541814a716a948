"""The stories state file: every wrong shape a clear error, atomic writes, one run at a time,
articles known by what they say (invented articles and states throughout)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from parallax import pipeline
from parallax.analyze.embed import DIMENSIONS
from parallax.cli import app
from parallax.errors import OutputError, StateError
from parallax.group import statefile
from parallax.group.identity import fingerprint, recognise
from parallax.model import Document, StoryGroup, StoryState
from parallax.progress import Reporter

from builders import FIRE_BRINDLEMOOR, FIRE_CASKWELL, ROOT, make_article

# Invented reports of two more events, for runs that must add different articles.
FLOOD_ORWELL = [
    ("Orwell bridge shut as river rises",
     "The Orwell river rose four feet overnight and closed the Tamsin bridge on Tuesday. "
     "Engineer Bram Coldwater said the bridge would stay shut until the water fell."),
    ("Tamsin bridge closed by Orwell flood",
     "Police closed the Tamsin bridge over the swollen Orwell on Tuesday. Bram Coldwater, "
     "the county engineer, said the river was four feet above normal."),
]
VOTE_HARLOW = [
    ("Harlow Fen council backs new library",
     "The Harlow Fen council voted seven to two on Wednesday for a new library on Mill Street. "
     "Councillor Ysolde Parry said building would start in spring."),
    ("Mill Street library approved in Harlow Fen",
     "Harlow Fen councillors approved the Mill Street library by seven votes to two. Ysolde "
     "Parry said the old reading room would close when the new one opens."),
]


def _group(story_id: str, articles: tuple[str, ...]) -> StoryGroup:
    total = np.full(DIMENSIONS, 0.25, dtype=np.float32)
    terms, names = np.zeros(2048, dtype=np.float32), np.zeros(1024, dtype=np.float32)
    terms[5], names[7] = 0.5, 0.75
    return StoryGroup(story_id, "A title", total, terms, names, 739000, 739001, articles)


def _valid() -> dict[str, Any]:
    state = StoryState((_group("s1", ("a1", "a2")), _group("s2", ("b1",))), {"odile": 2},
                       {"fire": 3}, 3, 3, {"a1": "0123456789abcdef" * 2})
    return state.to_dict()


def _story(data: dict[str, Any], number: int = 0) -> dict[str, Any]:
    story: dict[str, Any] = data["stories"][number]
    return story


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(data: dict[str, Any]) -> None:
        data[key] = value
    return change


def _set_story(key: str, value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(data: dict[str, Any]) -> None:
        _story(data)[key] = value
    return change


def _drop(key: str, story: bool = False) -> Callable[[dict[str, Any]], Any]:
    def change(data: dict[str, Any]) -> None:
        del (_story(data) if story else data)[key]
    return change


def _total_at(index: int, value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(data: dict[str, Any]) -> None:
        _story(data)["total"][index] = value
    return change


# (what is changed in a valid state, or the whole JSON value; what the message says)
WRONG_SHAPES: list[tuple[Any, str]] = [
    ([], "top level .* is a list, not an object"),
    (None, "top level .* is null, not an object"),
    (3, "top level .* is an integer, not an object"),
    ("state", "top level .* is a string, not an object"),
    (_drop("schema"), "schema=None"),
    (_set("schema", "parallax.stories-state/9"), r"schema='parallax.stories-state/9'"),
    (_set("schema", "parallax.briefing/1"), r"schema='parallax.briefing/1'"),
    (_drop("stories"), "no 'stories'"),
    (_set("stories", {"s1": {}}), "'stories' is an object, not a list"),
    (_set("stories", None), "'stories' is null, not a list"),
    (_set("stories", [3]), "story 1 is an integer, not an object"),
    (_set("stories", [[]]), "story 1 is a list, not an object"),
    (_drop("next_id"), "no 'next_id'"),
    (_drop("seen"), "no 'seen'"),
    (_drop("frequency"), "no 'frequency'"),
    (_drop("fingerprints"), "no 'fingerprints'"),
    (_set("seen", "x"), "'seen' is a string, not an integer"),
    (_set("seen", -1), "'seen' is -1, below 0"),
    (_set("next_id", 0), "'next_id' is 0, below 1"),
    (_set("next_id", True), "'next_id' is a boolean, not an integer"),
    (_set("next_id", 2), "story 's2' is numbered at or above 'next_id' \\(2\\)"),
    (_set("frequency", []), "'frequency' is a list, not an object"),
    (_set("term_frequency", {"fire": "3"}), "'fire' is a string, not an integer"),
    (_drop("total", story=True), r"story 1 \(s1\): no 'total'"),
    (_drop("articles", story=True), r"story 1 \(s1\): no 'articles'"),
    (_drop("title", story=True), r"story 1 \(s1\): no 'title'"),
    (_drop("terms", story=True), r"story 1 \(s1\): no 'terms'"),
    (_drop("first", story=True), r"story 1 \(s1\): no 'first'"),
    (_set_story("id", 5), "story 1: 'id' is an integer, not a string"),
    (_set_story("id", ""), "'id' is empty"),
    (_set_story("title", None), "'title' is null, not a string"),
    (_set_story("articles", "a1"), "'articles' is a string, not a list"),
    (_set_story("articles", ["a1", 2]), "'articles' holds an integer, not only strings"),
    (_set_story("articles", ["a1", "a1"]), "an article is listed twice"),
    (_set_story("articles", []), "story 's1' has no articles"),
    (_set_story("first", "monday"), "'first' is a string, not an integer"),
    (_set_story("last", 1.5), "'last' is a number, not an integer"),
    (_set_story("first", 739005), r"'first' \(739005\) is after 'last' \(739001\)"),
    (_set_story("total", [0.5]), "'total' has 1 values, not 384"),
    (_set_story("total", "0.5"), "'total' is a string, not a list"),
    (_total_at(7, "0.5"), r"'total\[7\]' is a string, not a number"),
    (_total_at(9, None), r"'total\[9\]' is null, not a number"),
    (_total_at(3, 1e300), r"'total\[3\]' is 1e\+300, not a finite 32-bit number"),
    (_set_story("terms", {"2048": 0.5}), "'terms' has slot '2048', not one of 0..2047"),
    (_set_story("terms", {"-1": 0.5}), "'terms' has slot '-1'"),
    (_set_story("names", {"x": 0.5}), "'names' has slot 'x', not one of 0..1023"),
    (_set_story("names", {"1024": 0.5}), "'names' has slot '1024'"),
    (_set_story("terms", {"3": "a"}), r"'terms'\['3'\] is a string, not a number"),
    (_set_story("terms", [0.5]), "'terms' is a list, not an object"),
    (lambda d: d["stories"].append(dict(_story(d), articles=["c1"])),
     "two stories have the id 's1'"),
    (lambda d: _story(d, 1)["articles"].append("a2"), "article 'a2' is in two stories"),
    (_set("fingerprints", {"zz": "0" * 32}), "'fingerprints' names 'zz', in no story"),
    (_set("fingerprints", {"a1": "not hex"}), "'fingerprints' of 'a1' is not 32 hex digits"),
    (_set("fingerprints", []), "'fingerprints' is a list, not an object"),
]


@pytest.mark.parametrize(("change", "message"), WRONG_SHAPES)
def test_every_wrong_shape_is_a_state_error_naming_it(change: Any, message: str) -> None:
    data = _valid()
    if callable(change):
        change(data)
    else:
        data = change
    with pytest.raises(StateError, match=message):
        StoryState.from_json(json.dumps(data))


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=4),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=6)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a JSON value (list items and object keys)."""
    items = (enumerate(value) if isinstance(value, list)
             else value.items() if isinstance(value, dict) else ())
    return [path] + [p for key, item in items for p in _places(item, (*path, key))]


@settings(max_examples=300, deadline=None)
@given(st.data(), JSON)
def test_any_value_anywhere_loads_or_is_a_state_error(data: st.DataObject, value: Any) -> None:
    state = _valid()
    # Of the 384 numbers of each "total", the first three, so the places drawn spread.
    places = [p for p in _places(state)[1:] if "total" not in p or p[-1] in ("total", 0, 1, 2)]
    path = data.draw(st.sampled_from(places))
    holder = state
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    try:
        StoryState.from_dict(state)
    except StateError as exc:
        assert "\n" not in str(exc)


def test_the_valid_state_of_these_cases_loads() -> None:
    # The cases above each break this one state in one place.
    state = StoryState.from_json(json.dumps(_valid()))
    assert state.assignment() == {"a1": "s1", "a2": "s1", "b1": "s2"}
    assert state.groups[0].terms[5] == 0.5 and state.fingerprints == {"a1": "0123456789abcdef" * 2}


def test_a_state_of_before_fingerprints_loads_without_them() -> None:
    data = _valid()
    data["schema"] = "parallax.stories-state/1"
    del data["fingerprints"]
    state = StoryState.from_json(json.dumps(data))
    assert state.fingerprints == {} and state.assignment()["b1"] == "s2"
    assert state.to_dict()["schema"] == "parallax.stories-state/2"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"  \n", "is empty"),
    (b"{\"schema\": ", "not JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[]", "is a list, not an object"),
])
def test_a_damaged_state_file_is_one_state_error_line(content: bytes, message: str,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    with pytest.raises(StateError, match=message) as caught:
        pipeline.load_state(path)
    line = caught.value.one_line()
    assert line.startswith(f"error[P600]: {path}: ") and "\n" not in line


def test_a_folder_as_state_is_a_state_error(tmp_path: Path) -> None:
    with pytest.raises(StateError, match="cannot read"):
        pipeline.load_state(tmp_path)


# --- atomic writes ------------------------------------------------------------

def _state_with(*articles: str) -> StoryState:
    return StoryState((_group("s1", articles),), seen=len(articles), next_id=2)


def test_a_failed_write_keeps_the_old_state_and_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.json"
    pipeline.save_state(_state_with("a1"), path)
    old = path.read_bytes()

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device") as caught:
        pipeline.save_state(_state_with("a1", "a2"), path)
    assert caught.value.one_line().startswith(f"error[P500]: {path}: cannot write")
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_write_keeps_the_file_mode_and_follows_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    pipeline.save_state(_state_with("a1"), real)
    real.chmod(0o640)
    link = tmp_path / "state.json"
    link.symlink_to(real)
    pipeline.save_state(_state_with("a1", "a2"), link)
    assert link.is_symlink() and (real.stat().st_mode & 0o777) == 0o640
    assert pipeline.load_state(link).assignment() == {"a1": "s1", "a2": "s1"}  # type: ignore[union-attr]


def test_a_write_into_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        pipeline.save_state(_state_with("a1"), tmp_path / "none" / "state.json")


# --- one run at a time --------------------------------------------------------

class _Stages(Reporter):
    def __init__(self) -> None:
        super().__init__(None)
        self.begun: list[str] = []

    def stage(self, description: str, total: int) -> Callable[[], None]:
        self.begun.append(description)
        return super().stage(description, total)


def test_a_held_state_makes_another_wait_then_fail_clearly(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    leftover = tmp_path / ".state.json.123.abcd.tmp"
    leftover.write_text("cut", encoding="utf-8")
    stages = _Stages()
    with statefile.held(path):
        assert not leftover.exists()  # a killed run's file, removed once the lock is held
        began = time.monotonic()
        with (pytest.raises(StateError, match="another parallax run holds it") as caught,
              statefile.held(path, wait=0.3, report=stages)):
            pass
        assert 0.3 <= time.monotonic() - began < 3
        assert "--wait" in caught.value.one_line() and stages.begun == ["Waiting"]
        with pytest.raises(StateError, match=r"waited 0 s"), statefile.held(path, wait=0):
            pass
    with statefile.held(path, wait=0):  # released on leaving
        assert statefile.lock_path(path).exists()


def test_a_waiting_run_goes_on_when_the_other_releases(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    entered = threading.Event()
    order: list[str] = []

    def first() -> None:
        with statefile.held(path):
            entered.set()
            time.sleep(0.3)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    entered.wait(5)
    with statefile.held(path, wait=10):
        order.append("second in")
    thread.join()
    assert order == ["first done", "second in"]


runner = CliRunner()


def test_the_cli_fails_at_once_with_wait_zero_while_held(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", FIRE_BRINDLEMOOR)
    state = tmp_path / "state.json"
    with statefile.held(state):
        result = runner.invoke(app, ["stories", str(folder), "--state", str(state), "--wait",
                                     "0"], prog_name="parallax")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error[P600]: ") and "another parallax run" in result.stderr
    assert result.stderr.count("\n") == 1 and not state.exists()


# --- articles known by what they say -------------------------------------------

def _document(article_id: str, text: str, url: str | None = None) -> Document:
    return Document(id=article_id, path=f"{article_id}.txt", source=text, url=url)


@pytest.mark.usefixtures("fake_embedder")
def test_another_article_under_a_known_id_is_grouped_not_skipped() -> None:
    fire, flood = (f"{t}\n\n{x}" for t, x in (FIRE_BRINDLEMOOR[0], FLOOD_ORWELL[0]))
    first = pipeline.stories([_document("lead", fire)])
    assert first.state.fingerprints.keys() == {"lead"} and not first.notes
    # The same name, another article: grouped as lead-2, with a note.
    second = pipeline.stories([_document("lead", flood)], state=first.state)
    assert [a.id for a in second.articles] == ["lead-2"]
    assert set(second.state.assignment()) == {"lead", "lead-2"}
    assert len(second.notes) == 1 and "'lead-2'" in second.notes[0]
    assert "lead.txt" in second.notes[0]
    # Both again: each is the article the state knows, nothing is added.
    third = pipeline.stories([_document("lead", flood), _document("other", fire)],
                             state=second.state)
    assert [a.id for a in third.articles] == ["lead-2", "other"]
    assert third.notes == ("note: lead.txt: the article the state knows as 'lead-2'",)
    assert third.state.seen == second.state.seen + 1  # only "other" was new
    again = pipeline.stories([_document("lead", fire)], state=third.state)
    assert again.state == third.state and [a.id for a in again.articles] == ["lead"]


@pytest.mark.usefixtures("fake_embedder")
def test_the_url_is_part_of_what_an_article_is() -> None:
    text = f"{FLOOD_ORWELL[0][0]}\n\n{FLOOD_ORWELL[0][1]}"
    first = pipeline.stories([_document("a", text, url="https://example.org/1")])
    same = pipeline.stories([_document("a", text, url="https://example.org/1")],
                            state=first.state)
    other = pipeline.stories([_document("a", text, url="https://example.org/2")],
                             state=first.state)
    assert same.state == first.state and [a.id for a in other.articles] == ["a-2"]


def test_an_old_state_takes_a_known_id_as_the_article_and_learns_its_fingerprint() -> None:
    old = _state_with("a1", "a1-2")
    article = make_article("a1", "Anything at all was said here.")
    known = recognise([article], old)
    assert known.articles == (article,) and not known.notes
    assert known.state is not None and known.state.fingerprints == {"a1": fingerprint(article)}
    # Now it is known: other content under a1 is another article, and a1-2 is taken.
    changed = recognise([make_article("a1", "Something else entirely.")], known.state)
    assert [a.id for a in changed.articles] == ["a1-3"] and len(changed.notes) == 1


def test_a_copy_follows_its_original_to_its_new_id() -> None:
    original, copy = make_article("a1", "First text."), make_article("c1", "First text.")
    state = replace(_state_with("a1"), fingerprints={"a1": "f" * 32})
    known = recognise([original, replace(copy, duplicate_of="a1")], state)
    assert [(a.id, a.duplicate_of) for a in known.articles] == [("a1-2", None), ("c1", "a1-2")]


# --- killed and concurrent runs of the command line ------------------------------

def _corpus(folder: Path, *reports: list[tuple[str, str]]) -> Path:
    folder.mkdir(parents=True)
    for n, (title, text) in enumerate((r for items in reports for r in items), 1):
        slug = title.split()[0].lower()
        (folder / f"{slug}-{n}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return folder


def _run(folder: Path, state: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen(
        [sys.executable, "-m", "parallax", "stories", str(folder), "--state", str(state),
         "-q", "-f", "json", "-o", os.devnull, *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(run: subprocess.Popen[bytes]) -> tuple[int, str]:
    """Wait for ``run`` (closing its pipe): its exit status and standard error."""
    _, errors = run.communicate(timeout=120)
    return run.returncode, errors.decode()


def _articles(state: Path) -> set[str]:
    loaded = pipeline.load_state(state, missing_ok=False)
    assert loaded is not None
    return set(loaded.assignment())


def _temporary(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


def test_a_killed_run_leaves_the_old_state_or_the_new_one(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", FLOOD_ORWELL, VOTE_HARLOW)
    new = {p.stem for p in folder.iterdir()}
    state = tmp_path / "state" / "stories.json"
    state.parent.mkdir()
    # A large state (800 stories, some MiB) makes the write last long enough to
    # be caught in the act; with a plain write_text most such kills cut the file.
    old_ids = tuple(f"old{i}" for i in range(800))
    groups = tuple(_group(f"s{i + 1}", (a,)) for i, a in enumerate(old_ids))
    pipeline.save_state(StoryState(groups, seen=800, next_id=801), state)
    old = state.read_bytes()

    def check_after_kill() -> str:
        if state.read_bytes() == old:
            return "old"
        assert _articles(state) == {*old_ids, *new}
        return "new"

    outcomes, write_at = [], []
    for _ in range(3):  # killed while the new state is being written
        state.write_bytes(old)
        began, run = time.monotonic(), _run(folder, state)
        while run.poll() is None and not _temporary(state.parent):
            pass
        writing, elapsed = run.poll() is None, time.monotonic() - began
        run.send_signal(signal.SIGKILL)
        _finish(run)
        outcomes.append(check_after_kill())
        if writing:
            write_at.append(elapsed)
            assert outcomes[-1] == "old"
    assert write_at, "no run was caught writing its temporary file"
    for fraction in (0.4, 0.9, 1.02):  # killed at times spread over the run
        state.write_bytes(old)
        run = _run(folder, state)
        time.sleep(fraction * min(write_at))
        run.send_signal(signal.SIGKILL)
        _finish(run)
        outcomes.append(check_after_kill())
    assert _finish(_run(folder, state)) == (0, "")
    assert _articles(state) == {*old_ids, *new} and not _temporary(state.parent)
    assert set(outcomes) <= {"old", "new"}


def test_two_runs_on_one_state_keep_the_articles_of_both(tmp_path: Path) -> None:
    one = _corpus(tmp_path / "one", FIRE_BRINDLEMOOR, FIRE_CASKWELL)
    two = _corpus(tmp_path / "two", FLOOD_ORWELL, VOTE_HARLOW)
    state = tmp_path / "stories.json"
    runs = [_run(one, state), _run(two, state)]
    assert [_finish(run) for run in runs] == [(0, ""), (0, "")]
    assert _articles(state) == {p.stem for p in (*one.iterdir(), *two.iterdir())}
