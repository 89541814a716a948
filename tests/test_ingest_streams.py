"""JSONL dumps, plain or gzip, are read as streams: the file may exceed the input
limit, one line may not, and a dump that breaks mid-way keeps what came before."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from parallax.ingest import iter_inputs, read_inputs
from parallax.model import Document
from parallax.options import Options

LIMIT = Options.from_dict({"ingest": {"max_input_bytes": 2_000}}).ingest


def _line(number: int, words: int = 30) -> str:
    text = " ".join(["The ferry crews met the operator at the Westquay terminal."] * (words // 10))
    return json.dumps({"id": f"a{number}", "title": f"Talks, day {number}",
                       "text": f"Day {number}. {text}"})


def _dump(count: int) -> bytes:
    return ("\n".join(_line(n) for n in range(1, count + 1)) + "\n").encode()


def test_a_dump_larger_than_the_input_limit_is_read_line_by_line(tmp_path: Path) -> None:
    data = _dump(40)
    assert len(data) > 4 * LIMIT.max_input_bytes
    (tmp_path / "dump.jsonl").write_bytes(data)
    (tmp_path / "dump2.jsonl.gz").write_bytes(gzip.compress(data))
    inputs = read_inputs([str(tmp_path / "dump.jsonl"), str(tmp_path / "dump2.jsonl.gz")],
                         options=LIMIT)
    assert inputs.errors == ()
    ids = [d.id for d in inputs.documents]
    assert ids[:2] == ["a1", "a2"] and len(ids) == 80 and len(set(ids)) == 80


def test_a_line_over_the_limit_is_one_error_and_the_next_lines_load(tmp_path: Path) -> None:
    lines = [_line(1), _line(2, words=400), _line(3)]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = read_inputs([str(path)], options=LIMIT)
    assert [d.id for d in inputs.documents] == ["a1", "a3"]
    (error,) = inputs.errors
    assert error.one_line() == (f"error[P100]: {path}:2: line longer than the limit of 2,000 "
                                "bytes (ingest.max_input_bytes)")


def test_a_gzip_dump_cut_mid_way_keeps_the_lines_before(tmp_path: Path) -> None:
    packed = gzip.compress(_dump(40))
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    inputs = read_inputs([str(path)], options=LIMIT)
    assert len(inputs.documents) > 5
    (error,) = inputs.errors
    assert "dump.jsonl.gz: cannot read to the end" in error.one_line()


def test_a_line_not_in_utf8_is_repaired_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(_line(1).encode() + b"\n" + _line(2).replace("Westquay", "Westqu\xe9y")
                     .encode("latin-1") + b"\n")
    inputs = read_inputs([str(path)], options=LIMIT)
    assert [d.id for d in inputs.documents] == ["a1", "a2"]


def test_iterating_a_dump_keeps_memory_flat(tmp_path: Path) -> None:
    """``iter_inputs`` holds one line at a time: its peak is far below the dump's size."""
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for number in range(1, 4001):
            out.write(_line(number, words=300) + "\n")
    size = 4000 * len(_line(1, words=300))
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Document) for item in iter_inputs([str(path)]))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 4000 and size > 7_000_000
    assert peak < size / 5, f"peak {peak:,} bytes for a dump of {size:,}"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("packed", [False, True])
def test_a_dump_on_standard_input_is_streamed(monkeypatch: pytest.MonkeyPatch,
                                              packed: bool) -> None:
    """``zcat dump.jsonl.gz | parallax stories -``: more than the input limit, line by line."""
    data = b"\n\n" + _dump(40)
    assert len(data) > 4 * LIMIT.max_input_bytes
    _stdin(monkeypatch, gzip.compress(data) if packed else data)
    inputs = read_inputs(["-"], options=LIMIT)
    assert inputs.errors == ()
    assert len(inputs.documents) == 40 and inputs.documents[0].path == "<stdin>:3"


def test_a_text_on_standard_input_over_the_limit_is_one_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ("The ferry crews walked out. " * 200).encode())
    (error,) = read_inputs(["-"], options=LIMIT).errors
    assert error.one_line() == ("error[P100]: <stdin>: larger than the input limit of 2,000 "
                                "bytes (ingest.max_input_bytes)")
