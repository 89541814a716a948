"""Outlet names from the text itself when the file name is an id or a hash."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from parallax.ingest import read_inputs
from parallax.ingest.metadata import guess_outlet
from parallax.ingest.named_outlet import outlet_named_in

HASHED = "000_1a2b3c4d5e6f7a8b.txt"
STORY = ("Ferry crossings resume after storm\n\n"
         "The first ferry left the harbour at dawn on Tuesday after three days of gales, "
         "the operator said.\n\n"
         "Crews checked the quay and the mooring lines overnight, a spokeswoman added.\n")


def _outlet(text: str, name: str = HASHED) -> str | None:
    return guess_outlet(name, text)


def test_a_sign_up_line_names_the_outlet() -> None:
    assert _outlet(STORY + "\nGet updates by The Weekly Harbour\n\nEmail *\n") == (
        "The Weekly Harbour")
    assert _outlet(STORY + "\nSign up for the morning newsletter from Coastline Daily\n") == (
        "Coastline Daily")
    # "... Team" names the outlet's people; the outlet is the rest.
    assert _outlet(STORY + "\nSubscribe to the Island Updates by The Weekly Harbour Team\n") == (
        "The Weekly Harbour")


def test_a_sign_up_phrase_inside_a_sentence_is_not_a_cue() -> None:
    text = STORY + ("\nResidents can get updates from the Port Authority, which said the "
                    "timetable would return to normal by the end of the week.\n")
    assert _outlet(text) == "000_1a2b3c4d5e6f7a8b"


def test_a_sign_up_from_a_person_is_not_an_outlet() -> None:
    for line in ("Sign up for the Sunday letter from Editor Maria Lind",
                 "Get updates from Maria Lind"):
        assert _outlet(f"{STORY}\n{line}\n") == "000_1a2b3c4d5e6f7a8b", line


def test_a_byline_field_shaped_like_an_outlet_names_it() -> None:
    assert _outlet("Ferry crossings resume\nBy Ana Ruiz, Coastal Times\n\n" + STORY) == (
        "Coastal Times")
    assert _outlet("Ferry crossings resume\nBY ANA RUIZ | COASTAL TIMES | 4 March 2025\n\n"
                   + STORY) == "Coastal Times"


def test_a_byline_place_or_role_is_not_an_outlet() -> None:
    for byline in ("By Ana Ruiz, Lisbon", "By Ana Ruiz, Staff Reporter",
                   "By Ana Ruiz | 4 March 2025", "By Ana Ruiz and Tom Bell"):
        assert _outlet(f"Ferry crossings resume\n{byline}\n\n" + STORY) == (
            "000_1a2b3c4d5e6f7a8b"), byline


def test_an_organisation_byline_counts_when_a_domain_of_the_text_matches() -> None:
    footer = ("\nONLINE COURSE IN MARITIME LAW\nBY THE WEEKLY HARBOUR\n\n"
              "team@theweeklyharbour.example\ncourses.theweeklyharbour.example\n")
    assert _outlet(STORY + footer) == "The Weekly Harbour"
    # Without the matching domain an all-caps "BY THE ..." line proves nothing.
    assert _outlet(STORY + "\nBY THE WEEKLY HARBOUR\n") == "000_1a2b3c4d5e6f7a8b"


def test_an_editorial_address_names_the_outlet_through_a_written_name() -> None:
    footer = "\nWrite to us: newsroom@harbourpost.example\n\n© 2025 The Harbour Post\n"
    assert _outlet(STORY + footer) == "The Harbour Post"
    # The domain alone is never spelt out into a name.
    assert _outlet(STORY + "\nWrite to us: newsroom@harbourpost.example\n") == (
        "000_1a2b3c4d5e6f7a8b")
    # A press office's address belongs to whoever the story is about.
    press = "\nAcme Ferries said so in a statement (press@acmeferries.example).\n"
    assert _outlet(STORY + press) == "000_1a2b3c4d5e6f7a8b"


def test_cues_that_disagree_give_no_outlet() -> None:
    text = ("Ferry crossings resume\nBy Ana Ruiz, Coastal Times\n\n" + STORY
            + "\nGet updates by The Weekly Harbour\n")
    assert outlet_named_in(text) is None
    assert _outlet(text) == "000_1a2b3c4d5e6f7a8b"


def test_a_meaningful_file_name_still_decides() -> None:
    text = STORY + "\nGet updates by The Weekly Harbour\n"
    assert _outlet(text, "03_riverland-herald.txt") == "Riverland Herald"
    assert _outlet(text, "2025/0042.txt") == "The Weekly Harbour"


def test_read_inputs_uses_the_text_for_hashed_files_and_stdin(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = STORY + "\nGet updates by The Weekly Harbour\n"
    (tmp_path / HASHED).write_text(text, encoding="utf-8")
    (tmp_path / "001_99aa88bb77cc66dd.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    outlets = {d.id: d.outlet for d in read_inputs([str(tmp_path)]).documents}
    assert outlets == {"000_1a2b3c4d5e6f7a8b": "The Weekly Harbour",
                       "001_99aa88bb77cc66dd": "001_99aa88bb77cc66dd"}
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    (doc,) = read_inputs(["-"]).documents
    assert doc.outlet == "The Weekly Harbour"
