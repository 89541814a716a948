"""The command line end to end: formats, schemas, stdin, bad inputs, exit codes, help."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parallax.cli import app

from builders import EXAMPLES
from contract import check_briefing

runner = CliRunner()


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three example articles plus a broken file and an empty one."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(EXAMPLES.rglob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_bytes(b"\x00\xff\x00\xfe" * 64)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_brief_json_on_examples_follows_the_contract() -> None:
    result = invoke("brief", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    check_briefing(data)
    assert len(data["articles"]) >= 6
    for key in ("actors", "quotes", "claims", "timeline", "summary"):
        assert data[key], f"{key} is empty on the example corpus"


def test_broken_files_are_named_and_the_rest_is_briefed(small_corpus: Path) -> None:
    result = invoke("brief", str(small_corpus), "--format", "json")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(lines) == 2
    assert any("broken.txt" in line and "binary" in line for line in lines)
    assert any("empty.txt" in line and "empty" in line for line in lines)
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 3
    assert len(data["errors"]) == 2


def test_nothing_readable_exits_3(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = invoke("brief", str(tmp_path))
    assert result.exit_code == 3
    assert "no readable article" in result.stderr


def test_markdown_is_the_default_and_html_writes_a_file(small_corpus: Path,
                                                       tmp_path: Path) -> None:
    markdown = invoke("brief", str(small_corpus))
    assert markdown.stdout.lstrip().startswith("#")
    target = tmp_path / "briefing.html"
    result = invoke("brief", str(small_corpus), "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert result.stdout == ""
    assert page.lstrip().lower().startswith("<!doctype html>")
    head = page.split("<body", 1)[0]
    assert "http://" not in head and "https://" not in head


def test_extract_json_and_text() -> None:
    path = sorted(EXAMPLES.rglob("*.txt"))[0]
    data = json.loads(invoke("extract", str(path), "--format", "json").stdout)
    assert data["schema"] == "parallax.document/1"
    assert {"title", "published", "text", "flags", "removed", "repairs"} <= set(data)
    text = invoke("extract", str(path)).stdout
    assert text.strip() == data["text"].strip()


def test_extract_reads_stdin() -> None:
    article = ("Ferry service resumes\n\nThe ferry between the two islands resumed on Monday "
               "after a storm, the operator said.\n")
    result = invoke("extract", "-", stdin=article)
    assert result.exit_code == 0
    assert "ferry between the two islands resumed" in result.stdout


def test_quotes_stories_and_check_schemas(tmp_path: Path) -> None:
    path = str(sorted(EXAMPLES.rglob("*.txt"))[0])
    quotes = json.loads(invoke("quotes", path, "--format", "json").stdout)
    assert quotes["schema"] == "parallax.quotes/1"
    for quote in quotes["quotes"]:
        expected = {"speaker_start", "speaker_end", "cue_start", "cue_end", "kind", "text"}
        assert expected <= set(quote)
    stories = json.loads(invoke("stories", str(EXAMPLES), "--format", "json").stdout)
    assert stories["schema"] == "parallax.stories/1"
    members = [a for story in stories["stories"] for a in story["articles"]]
    assert len(members) == len(set(members)) >= 6
    single = json.loads(invoke("check", "The talks ended without an agreement", path,
                               "--format", "json").stdout)
    assert single["schema"] == "parallax.check/1" and single["claim"]
    assert single["verdicts"][0]["stance"] in ("supports", "contradicts", "discusses", "unrelated")
    claims = tmp_path / "claims.txt"
    claims.write_text("The talks ended without an agreement\nA new bridge opened\n",
                      encoding="utf-8")
    many = json.loads(invoke("check", "--claims", str(claims), path, "--format", "json").stdout)
    assert [r["claim"] for r in many["results"]] == ["The talks ended without an agreement",
                                                     "A new bridge opened"]


def test_check_without_paths_is_a_usage_error() -> None:
    assert invoke("check", "only a claim").exit_code == 2


@pytest.mark.parametrize("command", ["brief", "extract", "quotes", "stories", "check"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example: parallax " + command in result.stdout


def test_stories_state_keeps_ids_when_articles_are_added(tmp_path: Path) -> None:
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for path in sorted(EXAMPLES.rglob("*.txt"))[:3]:
        shutil.copy(path, first / path.name)
    (later / "ferry.txt").write_text(
        "Lunport ferry crews walk out over pay\n\nFerry crews in Lunport stopped work on Monday "
        "in a dispute over pay. Union leader Ines Halvorsen said the strike would last three "
        "days unless the ferry board raised wages.\n", encoding="utf-8")
    state = tmp_path / "state.json"
    one = json.loads(invoke("stories", str(first), "--state", str(state), "--format",
                            "json").stdout)
    assert len(one["stories"]) == 1 and state.exists()
    two = json.loads(invoke("stories", str(later), str(first), "--state", str(state),
                            "--format", "json").stdout)
    assert one["stories"][0] in two["stories"]
    assert ["ferry"] in [s["articles"] for s in two["stories"]]
    state.write_text("{}", encoding="utf-8")
    assert invoke("stories", str(first), "--state", str(state)).exit_code == 2


def test_brief_story_option_picks_one_or_fails(small_corpus: Path) -> None:
    result = invoke("brief", str(small_corpus), "--story", "s404", "--format", "json")
    assert result.exit_code == 2 and "no story 's404'" in result.stderr


def test_brief_length_in_words_and_bad_length() -> None:
    from parallax.compare.summary import parse_length

    assert parse_length("120w") == (120, 120) and parse_length("3") == (3, None)
    bad = runner.invoke(app, ["brief", str(EXAMPLES), "--length", "ten"])
    assert bad.exit_code == 2 and "--length" in bad.output
