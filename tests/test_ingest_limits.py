"""Inputs that could hang or sink the run are refused by name, and nothing is dropped unsaid."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from parallax.ingest import read_inputs
from parallax.options import Options

STORY = "The ferry board approved the harbour budget on Monday after a long debate.\n"


def test_fifo_named_on_the_command_line_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    inputs = read_inputs([str(fifo)])
    assert not inputs.documents
    (error,) = inputs.errors
    assert "pipe.txt: a FIFO, not a file: refused" in error.one_line()


def test_character_device_is_refused() -> None:
    inputs = read_inputs(["/dev/zero"])
    assert [e.one_line() for e in inputs.errors] == [
        "error[P100]: /dev/zero: a character device, not a file: refused "
        "(reading it could block or never end)"]


def test_every_entry_of_a_folder_not_read_gets_a_note(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".draft.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "feed.txt")
    nested = tmp_path / "more.txt"  # a folder with an article's suffix: read what it holds
    nested.mkdir()
    (nested / "inner.txt").write_text(STORY, encoding="utf-8")
    inputs = read_inputs([str(tmp_path)])
    assert sorted(d.id for d in inputs.documents) == ["good", "inner"]
    assert sorted(Path(p).name for p in inputs.skipped) == [
        ".cache", ".draft.txt", "feed.txt", "photo.jpg"]
    assert len(inputs.notes) == 4
    assert any(n.endswith("feed.txt: skipped, a FIFO, not a file") for n in inputs.notes)
    assert any(n.endswith(".cache: skipped, hidden folder") for n in inputs.notes)


def test_unreadable_sub_folder_is_an_error_line(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path) == locked:  # root reads any folder: simulate the permission error
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    inputs = read_inputs([str(tmp_path)])
    assert [d.id for d in inputs.documents] == ["good"]
    assert [e.one_line() for e in inputs.errors] == [
        f"error[P100]: {locked}: cannot read folder (Permission denied)"]


def test_input_over_the_size_limit_is_one_line_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(STORY * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text(STORY, encoding="utf-8")
    options = Options.from_dict({"ingest": {"max_input_bytes": 1000}}).ingest
    inputs = read_inputs([str(tmp_path)], options=options)
    assert [d.id for d in inputs.documents] == ["small"]
    (error,) = inputs.errors
    assert "big.txt: larger than the input limit of 1,000 bytes" in error.one_line()


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    options = Options.from_dict({"ingest": {"max_input_bytes": 100_000}}).ingest
    inputs = read_inputs([str(path)], options=options)
    (error,) = inputs.errors
    assert "decompresses to more than the input limit of 100,000 bytes" in error.one_line()


def test_article_over_the_limit_is_cut_at_a_paragraph_and_flagged(tmp_path: Path) -> None:
    paragraph = STORY * 5
    (tmp_path / "long.txt").write_text("Harbour budget\n\n" + "\n\n".join([paragraph] * 40),
                                       encoding="utf-8")
    options = Options.from_dict({"ingest": {"max_article_chars": 5000}})
    inputs = read_inputs([str(tmp_path)], options=options.ingest)
    (document,) = inputs.documents
    assert len(document.source) <= 5000
    assert document.source.endswith(STORY.strip())
    assert document.flags == ("cut-at-limit",)
    (note,) = inputs.notes
    assert "long.txt" in note and "read the first" in note

    from parallax.clean import clean_document

    assert "cut-at-limit" in clean_document(document).flags


def test_single_huge_line_is_cut_at_a_sentence_end(tmp_path: Path) -> None:
    (tmp_path / "line.jsonl").write_text(
        '{"id": "big", "text": "' + (STORY.strip() + " ") * 2000 + '"}\n'
        '{"id": "small", "text": "' + STORY.strip() + '"}\n', encoding="utf-8")
    options = Options.from_dict({"ingest": {"max_article_chars": 20_000}})
    inputs = read_inputs([str(tmp_path)], options=options.ingest)
    big, small = inputs.documents
    assert big.source.endswith("debate.") and len(big.source) <= 20_000
    assert small.flags == ()
