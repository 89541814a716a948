"""Decoding per region: a few bad bytes never turn a UTF-8 file into another code page."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.clean import clean_document
from parallax.clean.repairs import changed_runs
from parallax.ingest.decode import REPLACEMENT, DecodeError, decode_bytes
from parallax.model import Document

STORY = ("The harbour board\u2019s chair called the vote \u201ca fresh start\u201d \u2013 "
         "and the caf\u00e9 owners agreed. ") * 40


def test_stray_bytes_keep_the_file_utf8() -> None:
    data = STORY.encode("utf-8")
    damaged = data[:500] + b"\xff\xfe\xc3" + data[500:]
    text, encoding = decode_bytes(damaged)
    assert encoding == "utf-8"
    assert text.count("\u2019") == STORY.count("\u2019")
    assert text.count("caf\u00e9") == STORY.count("caf\u00e9")
    assert text.count(REPLACEMENT) == 3


def test_ascii_file_with_stray_bytes_is_not_another_code_page() -> None:
    text, encoding = decode_bytes(b"Litoral\xff\xfe\xc3 port reopened on Monday.")
    assert encoding == "utf-8"
    assert text == f"Litoral{REPLACEMENT * 3} port reopened on Monday."


def test_latin1_letter_inside_utf8_is_read_as_the_letter() -> None:
    text, _ = decode_bytes("The \u201cnew\u201d caf".encode() + b"\xe9 opened.")
    assert text == "The \u201cnew\u201d caf\u00e9 opened."


def test_cp1252_quotes_inside_utf8_are_read_as_quotes() -> None:
    text, _ = decode_bytes("Caf\u00e9 owners said ".encode() + b"\x93no\x94.")
    assert text == "Caf\u00e9 owners said \u201cno\u201d."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec: str) -> None:
    text, encoding = decode_bytes(STORY.encode(codec))
    assert (text, encoding) == (STORY, codec)


def test_nul_anywhere_is_refused_with_its_place() -> None:
    with pytest.raises(DecodeError, match="NUL bytes, first at byte 20000"):
        decode_bytes(b"a" * 20000 + b"\x00tail")


def test_bad_bytes_flag_the_article() -> None:
    data = STORY.encode("utf-8")
    text, _ = decode_bytes(data[:500] + b"\xff" + data[500:])
    article = clean_document(Document("a", "a.txt", text))
    assert "bad-bytes" in article.flags
    clean = clean_document(Document("b", "b.txt", STORY))
    assert "bad-bytes" not in clean.flags


def _apply(text: str, fixed: str, runs: list[tuple[int, int, int, int]]) -> str:
    out, last = [], 0
    for i1, i2, j1, j2 in runs:
        out += [text[last:i1], fixed[j1:j2]]
        last = i2
    return "".join([*out, text[last:]])


_PIECES = st.sampled_from(["a", "b", " ", "\u00e9", "\u00c3\u00a9", "\u2019", "\u00e2\u20ac\u2122"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.lists(st.tuples(st.integers(0, 40), _PIECES), max_size=5))
def test_changed_runs_rebuild_the_fixed_text(pieces: list[str],
                                             changes: list[tuple[int, str]]) -> None:
    text = "".join(pieces)
    edited = list(pieces)
    for index, piece in changes:
        if edited:
            edited[index % len(edited)] = piece
    fixed = "".join(edited)
    runs = changed_runs(text, fixed)
    assert _apply(text, fixed, runs) == fixed
    assert all(i1 <= i2 and j1 <= j2 and (i1, j1) != (i2, j2) for i1, i2, j1, j2 in runs)
    assert [r[0] for r in runs] == sorted(r[0] for r in runs)


def test_changed_runs_are_local_in_a_long_paragraph() -> None:
    text = ("The minister\u00e2\u20ac\u2122s aide spoke. " * 600)
    fixed = ("The minister\u2019s aide spoke. " * 600)
    runs = changed_runs(text, fixed)
    assert len(runs) == 600
    assert all(text[i1:i2] == "\u00e2\u20ac\u2122" and fixed[j1:j2] == "\u2019"
               for i1, i2, j1, j2 in runs)
