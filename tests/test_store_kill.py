"""Reliability of ``parallax add``: killed with SIGKILL at any point, and two at once.

Each test runs the real command in subprocesses. After a kill the store must
be consistent (every article in one story, the grouping state agreeing with
the articles, the full-text index whole, each briefing over articles of its
story), and running the same add again must complete it with nothing lost.
Two adds on one store at once must both get all their articles in.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from parallax.model import StoryState
from parallax.store import open_store
from parallax.store import tables as t

from storecorpus import BRIDGE, FERRY, write_articles

ARTICLES = [*FERRY, *BRIDGE]


def command(folder: Path, url: str, config: Path) -> list[str]:
    return [sys.executable, "-m", "parallax", "-v", "--config", str(config), "add",
            str(folder), "--db", url]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    write_articles(folder, ARTICLES)
    config = tmp_path / "options.toml"
    config.write_text("[store]\nbatch = 1\n", encoding="utf-8")  # a commit per article
    return folder, config


def run_and_kill(argv: list[str], *, after_lines: int | None = None, marker: str = "",
                 after_seconds: float | None = None) -> bool:
    """Run ``argv``, SIGKILL it after ``after_lines`` stderr lines holding ``marker`` (or
    after ``after_seconds``); True when it was killed before it finished."""
    with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True) as process:
        assert process.stderr is not None
        if after_seconds is not None:
            try:
                process.wait(after_seconds)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
        else:
            seen = 0
            for line in process.stderr:
                if marker in line:
                    seen += 1
                    if seen == after_lines:
                        process.send_signal(signal.SIGKILL)
                        break
        process.wait()
    return process.returncode == -signal.SIGKILL


def check_consistent(url: str, *, complete: bool) -> set[str]:
    """Assert what must hold after any kill; with ``complete``, that all the work is done.
    Returns the ids of the stored articles."""
    store = open_store(url, create=False)
    with store.store.reading() as connection:
        articles = dict(connection.execute(select(t.articles.c.id, t.articles.c.story_id)).all())
        stories = {r.id: r for r in connection.execute(select(t.stories)).all()}
        data = connection.execute(select(t.state.c.data)).scalar_one_or_none()
        counts = dict(connection.execute(select(t.articles.c.story_id, func.count())
                                         .group_by(t.articles.c.story_id)).all())
        if store.store.dialect == "sqlite":
            connection.execute(text("INSERT INTO article_search(article_search) "
                                    "VALUES ('integrity-check')"))
    store.close()
    assignment = StoryState.from_json(data).assignment() if data else {}
    assert assignment == articles  # every stored article grouped, in the story the rows say
    assert set(counts) == set(stories)
    for story_id, row in stories.items():
        assert row.articles == counts[story_id]
        if row.briefing is not None:
            assert set(json.loads(row.briefing)["articles"]) <= {
                a for a, s in articles.items() if s == story_id}
        if complete:
            assert row.briefed_version == row.version and row.briefing is not None
    return set(articles)


@pytest.mark.parametrize("point", [1, 3, 5, "briefed", 2.0, 4.5])
def test_sigkill_at_any_point_then_rerun_completes(setup: tuple[Path, Path], tmp_path: Path,
                                                   point: int | str | float) -> None:
    folder, config = setup
    url = f"sqlite:///{tmp_path / 'store.db'}"
    argv = command(folder, url, config)
    if isinstance(point, float):
        killed = run_and_kill(argv, after_seconds=point + random.random())
    elif point == "briefed":
        killed = run_and_kill(argv, after_lines=1, marker="briefed story")
    else:
        killed = run_and_kill(argv, after_lines=int(point), marker="committed")
    if not isinstance(point, float):
        assert killed
    if (tmp_path / "store.db").exists():  # a kill during start-up leaves none yet
        check_consistent(url, complete=False)
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert check_consistent(url, complete=True) == {a["id"] for a in ARTICLES}


def test_sigkill_then_rerun_on_postgresql(setup: tuple[Path, Path],
                                          postgres_server: object) -> None:
    folder, config = setup
    url: str = postgres_server.database()  # type: ignore[attr-defined]
    argv = command(folder, url, config)
    assert run_and_kill(argv, after_lines=3, marker="committed")
    check_consistent(url, complete=False)
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert check_consistent(url, complete=True) == {a["id"] for a in ARTICLES}


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_two_adds_at_once_lose_nothing(tmp_path: Path, request: pytest.FixtureRequest,
                                       database: str) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    write_articles(first, [FERRY[0], FERRY[2], BRIDGE[0]])
    write_articles(second, [FERRY[1], BRIDGE[1]])
    config = tmp_path / "options.toml"
    config.write_text("[store]\nbatch = 1\n", encoding="utf-8")
    url = (f"sqlite:///{tmp_path / 'store.db'}" if database == "sqlite"
           else request.getfixturevalue("postgres_server").database())
    runs = [subprocess.Popen(command(folder, url, config), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for folder in (first, second)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    # Started together, each runs for seconds with a commit per article, so their
    # write transactions interleave.
    assert check_consistent(url, complete=True) == {a["id"] for a in ARTICLES}
    store = open_store(url, create=False)
    sizes = sorted(r.articles for r in store.reader().stories())
    store.close()
    assert sizes == [2, 3]  # grouped as one add of them all would


def test_readers_keep_reading_while_an_add_writes(setup: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    """WAL: readers answer while an add writes, and see what was committed before it."""
    _, config = setup
    url = f"sqlite:///{tmp_path / 'store.db'}"
    write_articles(tmp_path / "first", BRIDGE)
    subprocess.run(command(tmp_path / "first", url, config), check=True, capture_output=True)
    write_articles(tmp_path / "second", FERRY)
    reads, slowest = 0, 0.0
    with subprocess.Popen(command(tmp_path / "second", url, config),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True) as process:
        assert process.stderr is not None
        for line in process.stderr:
            if "committed" not in line and "briefed story" not in line:
                continue
            began = time.perf_counter()
            store = open_store(url, create=False)
            rows = store.reader().stories()
            hits = store.reader().search("footbridge")
            store.close()
            slowest = max(slowest, time.perf_counter() - began)
            reads += 1
            assert rows and {h.article_id for h in hits} == {a["id"] for a in BRIDGE}
        process.wait()
    assert process.returncode == 0 and reads >= 3
    assert slowest < 5.0  # far below the writer's busy timeout: no reader waited for it
