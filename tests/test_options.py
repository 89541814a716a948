"""Options: a TOML file changes behaviour through the public API, bad files fail by name."""

from __future__ import annotations

import dataclasses
import pickle
import sys
from pathlib import Path

import pytest

from parallax.errors import ConfigError
from parallax.model import Document
from parallax.options import DEFAULT_OPTIONS, GroupOptions, Options, default_config_path, describe
from parallax.pipeline import brief_documents, brief_stories

from builders import LEDGER, ROOT, TIMES

sys.path.insert(0, str(ROOT / "tools"))
from options_doc import DOC, options_markdown

# Two invented reports of one council vote: one story under the packaged options.
HARBOUR = [
    Document("ledger", "ledger.txt", LEDGER, outlet="Harbour Ledger", title="Harbour budget passes",
             published="2024-03-04"),
    Document("times", "times.txt", TIMES, outlet="Port Times", title="Council backs harbour plan",
             published="2024-03-04"),
]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_override_changes_the_briefing(tmp_path: Path) -> None:
    assert len(brief_stories(HARBOUR)) == 1
    strict = Options.load(_write(tmp_path, "[group]\nthreshold = 0.99\n"))
    assert strict.group.threshold == 0.99
    assert strict.claims == DEFAULT_OPTIONS.claims  # what the file leaves out keeps its default
    assert len(brief_stories(HARBOUR, options=strict)) == 2


def test_a_summary_override_changes_the_summary(tmp_path: Path) -> None:
    default = brief_documents(HARBOUR)
    one_line = Options.load(_write(tmp_path, "[summary]\nlength = 1\n"))
    short = brief_documents(HARBOUR, options=one_line)
    assert len(default.summary) > 1
    assert len(short.summary) == 1


@pytest.mark.parametrize(("text", "named"), [
    ("[group]\nthreshhold = 0.5\n", "'threshhold'"),
    ("[grouping]\nthreshold = 0.5\n", "'grouping'"),
    ('[group]\nthreshold = "high"\n', "group.threshold"),
    ("[summary]\nlength = 2.5\n", "summary.length"),
    ("[summary]\nlength = true\n", "summary.length"),
    ("group = 3\n", "group"),
    ("[group\n", "not valid TOML"),
])
def test_bad_files_are_errors_naming_the_key(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(ConfigError, match=named.replace(".", r"\.")):
        Options.load(_write(tmp_path, text))


def test_a_missing_named_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such options file"):
        Options.load(tmp_path / "absent.toml")


def test_the_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARALLAX_CONFIG", str(_write(tmp_path, "[timeline]\nsame_event = 0.5\n")))
    assert Options.load().timeline.same_event == 0.5
    monkeypatch.delenv("PARALLAX_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert default_config_path() == tmp_path / "xdg" / "parallax" / "config.toml"
    assert Options.load() == Options()  # nothing there: the packaged defaults


def test_options_travel_and_round_trip() -> None:
    options = Options().merged({"group": {"threshold": 0.7}, "render": {"max_ticks": 5}})
    assert options.group == GroupOptions(threshold=0.7)
    assert options.render.max_ticks == 5
    assert pickle.loads(pickle.dumps(options)) == options
    assert Options.from_dict(options.to_dict()) == options
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.group.threshold = 0.1  # type: ignore[misc]


def test_every_option_says_why_and_sits_in_a_part() -> None:
    rows = describe()
    assert len({name for name, *_ in rows}) == len(rows) > 90
    for name, _, why, _ in rows:
        assert why.strip(), f"{name} has no reason"
        assert name.count(".") == 1, f"{name} is not in exactly one part"


def test_the_options_document_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == options_markdown(), (
        "docs/OPTIONS.md is stale: run python tools/options_doc.py")
