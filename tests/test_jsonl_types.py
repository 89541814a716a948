"""JSON Lines fields of the wrong type are errors for that record, never stored as a repr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.ingest import read_inputs

GOOD = {"id": "ok", "text": "The ferry board approved the harbour budget on Monday."}


@pytest.mark.parametrize(("field", "value", "kind"), [
    ("text", 42, "a number"), ("text", ["a", "b"], "a list"), ("text", {"a": 1}, "an object"),
    ("text", True, "a boolean"), ("html", 3.5, "a number"), ("title", ["x"], "a list"),
    ("outlet", False, "a boolean"), ("id", [1], "a list"),
])
def test_wrong_type_is_one_error_line_and_the_rest_loads(tmp_path: Path, field: str,
                                                          value: object, kind: str) -> None:
    bad = {**GOOD, "id": "bad", field: value}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(bad) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    inputs = read_inputs([str(path)])
    assert [d.id for d in inputs.documents] == ["ok"]
    (error,) = inputs.errors
    assert error.one_line().endswith(f"feed.jsonl:1: field {field!r} must be a string"
                                     f"{' or an integer' if field == 'id' else ''}, not {kind}")


def test_integer_id_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({**GOOD, "id": 7}) + "\n", encoding="utf-8")
    assert [d.id for d in read_inputs([str(path)]).documents] == ["7"]
