"""The store's commands end to end: add, list, show, search, brief --db; and its errors.

JSON outputs are validated against the schemas the package ships.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from parallax.cli import app
from parallax.errors import StoreError
from parallax.render import schema_text
from parallax.store import open_reader, open_store
from parallax.store.url import default_path, resolve_url

from storecorpus import BRIDGE, FERRY, write_articles

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def valid(text: str, schema: str) -> dict[str, object]:
    data = json.loads(text)
    Draft202012Validator(json.loads(schema_text(schema))).validate(data)
    assert isinstance(data, dict)
    return data


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A store made by ``parallax add`` of both events, and the folder it read."""
    folder = tmp_path / "in"
    write_articles(folder, [*FERRY, *BRIDGE])
    db = tmp_path / "corpus.db"
    status, out, _ = invoke("-q", "add", str(folder), "--db", str(db))
    assert status == 0, out
    assert out.startswith("added 5 article(s), 0 in the store already")
    return db, folder


def test_list_show_and_brief_db_agree_with_brief(corpus: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    db, folder = corpus
    status, out, _ = invoke("list", "--db", str(db), "--format", "json")
    assert status == 0
    stories = valid(out, "corpus")["stories"]
    assert isinstance(stories, list) and sorted(s["articles"] for s in stories) == [2, 3]
    markdown = invoke("list", "--db", str(db))[1]
    assert all(f"**{s['id']}**" in markdown for s in stories)
    ferry = next(s["id"] for s in stories if s["articles"] == 3)
    status, shown, _ = invoke("show", ferry, "--db", str(db), "--format", "json")
    assert status == 0
    valid(shown, "briefing")
    direct = invoke("brief", str(folder), "--story", ferry, "--format", "json")[1]
    assert shown == direct
    assert invoke("brief", "--db", str(db), "--story", ferry, "-f", "json")[1] == shown
    page = tmp_path / "s.html"
    assert invoke("-q", "show", ferry, "--db", str(db), "-f", "html", "-o", str(page))[0] == 0
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_search_command(corpus: tuple[Path, Path]) -> None:
    db, _ = corpus
    status, out, _ = invoke("search", "night rotas", "--db", str(db), "-f", "json")
    assert status == 0
    hits = valid(out, "search")["hits"]
    assert isinstance(hits, list) and hits
    assert {h["article"] for h in hits} <= {a["id"] for a in FERRY}
    markdown = invoke("search", "night rotas", "--db", str(db))[1]
    assert "Calder" in markdown


def test_adding_again_through_the_cli_adds_nothing(corpus: tuple[Path, Path]) -> None:
    db, folder = corpus
    status, out, _ = invoke("-q", "add", str(folder), "--db", str(db))
    assert status == 0 and out.startswith("added 0 article(s), 5 in the store already")
    assert "stories briefed: none" in out


def test_a_bad_input_is_one_line_and_the_rest_go_in(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, BRIDGE)
    (folder / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    db = tmp_path / "s.db"
    status, out, err = invoke("-q", "add", str(folder), "--db", str(db))
    assert status == 1
    assert out.startswith("added 2 article(s)")
    assert next(line for line in err.splitlines() if "broken.jsonl" in line).startswith(
        "error[P100]")


def test_brief_db_wants_a_story_and_no_paths(corpus: tuple[Path, Path]) -> None:
    db, folder = corpus
    assert invoke("brief", "--db", str(db))[0] == 2
    assert invoke("brief", str(folder), "--db", str(db), "--story", "s1")[0] == 2
    status, _, err = invoke("show", "s404", "--db", str(db))
    assert status == 2 and "no story 's404'" in err
    assert invoke("brief")[0] == 2


def test_a_missing_store_is_one_clear_error(tmp_path: Path) -> None:
    status, _, err = invoke("list", "--db", str(tmp_path / "none.db"))
    assert status == 3
    assert err.strip().startswith("error[P700]") and "no store there" in err
    assert not (tmp_path / "none.db").exists()  # a reader makes no empty store


def test_a_corrupt_store_is_one_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"these bytes are not a database at all\n" * 200)
    for command in (["list"], ["search", "x"], ["show", "s1"], ["add", str(junk)]):
        status, _, err = invoke(*command, "--db", str(junk))
        assert status == 3, command
        assert len(err.strip().splitlines()) == 1 and "error[P700]" in err, err
        assert "not a readable store" in err


def test_a_store_of_another_program_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (number INTEGER)")
    with pytest.raises(StoreError, match="not a parallax store"):
        open_reader(str(other))


def test_a_store_made_by_a_newer_parallax_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9001'")
    status, _, err = invoke("list", "--db", str(db))
    assert status == 3 and "made by a newer parallax" in err and "9001" in err
    with pytest.raises(StoreError, match="newer"):
        open_store(str(db))


def test_which_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PARALLAX_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "parallax" / "parallax.db"
    assert resolve_url() == f"sqlite:///{tmp_path / 'data' / 'parallax' / 'parallax.db'}"
    monkeypatch.setenv("PARALLAX_DB", "sqlite:///env.db")
    assert resolve_url() == "sqlite:///env.db"
    assert resolve_url("given.db") == "sqlite:///given.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(StoreError, match="mysql"):
        resolve_url("mysql://u@h/db")


def test_add_finds_the_default_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PARALLAX_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    write_articles(tmp_path / "in", BRIDGE)
    assert invoke("-q", "add", str(tmp_path / "in"))[0] == 0
    assert (tmp_path / "data" / "parallax" / "parallax.db").is_file()
    assert "Wrenfield" in invoke("list")[1]


def test_the_commands_on_postgresql(tmp_path: Path, postgres_server: object) -> None:
    url: str = postgres_server.database()  # type: ignore[attr-defined]
    write_articles(tmp_path / "in", [*FERRY, *BRIDGE])
    status, out, _ = invoke("-q", "add", str(tmp_path / "in"), "--db", url)
    assert status == 0 and out.startswith("added 5 article(s)")
    stories = valid(invoke("list", "--db", url, "-f", "json")[1], "corpus")["stories"]
    assert isinstance(stories, list) and len(stories) == 2
    hits = valid(invoke("search", "footbridge", "--db", url, "-f", "json")[1], "search")["hits"]
    assert isinstance(hits, list) and {h["article"] for h in hits} == {a["id"] for a in BRIDGE}
    ferry = next(s["id"] for s in stories if s["articles"] == 3)
    shown = invoke("show", ferry, "--db", url, "-f", "json")[1]
    assert shown == invoke("brief", str(tmp_path / "in"), "--story", ferry, "-f", "json")[1]
