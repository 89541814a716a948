"""Sentence splitting inside news abbreviations, on invented sentences.

pysbd splits after a party-state tag ("Sen. Ana Ruiz, D-Calif., said ...")
and after titles it does not know ("Gens."); the splitter re-joins those
boundaries when what follows goes on, and keeps real sentence ends after an
abbreviation. The count on the development data is tools/count_splits.py.
"""

from __future__ import annotations

import dataclasses
import re
import sys

import pytest

from parallax.analyze.sentences import split_sentences
from parallax.lang.en import ENGLISH

from builders import ROOT


def _texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize("text", [
    # party-state tags before a comma, a closing bracket, a semicolon, a lower-case word
    "Sen. Ana Ruiz, D-Calif., told reporters at the harbour on Friday.",
    "Rep. Tom Bell, R-Va., said the ferry bill was dead.",
    "Mayor Ko met Sen. Ida Lund, D-N.Y., and Rep. Bo Li, R-Texas, on Monday.",
    "The senator, I-Vt., voted against the dredging plan.",
    "Sen. Ida Lund, D-W.Va., called the vote a mistake.",
    "Sen. Ana Ruiz (D-Calif.) and Rep. Bo Li (R-Ohio) signed the letter.",
    "Ana Ruiz, D-Calif. and Bo Li, R-Ohio, voted no on the ferry plan.",
    "The letter was signed by Ana Ruiz, D-Calif.; Bo Li, R-Ohio; and Ida Lund.",
    # titles before a name
    "Gens. Ana Li and Bo Ko spoke at the harbour.",
    "Atty. Gen. Ana Li filed the brief on Tuesday.",
    "Pres. Ana Li opened the ferry terminal.",
    "Msgr. Bo Li blessed the fishing fleet.",
    "Lt. Gov. Ana Li and Sgt. Maj. Bo Ko toured the dock.",
    "Mr. Ruiz and Mrs. Ko met Prof. Lund and Rev. Moss.",
    # after a hyphenated prefix
    "The ferry law, a post-Sept. 11 measure, was renewed.",
    "The bill honours then-Rep. Ana Li and ex-Gov. Bo Ko for the harbour works.",
    # place names' prefixes
    "The ad runs in Tampa, West Palm Beach and Ft. Myers.",
    "The ferry calls at Mt. Olive and Ft. Lauderdale twice a week.",
    # months before a day, numbers
    "The ferry stops on Sept. 30 and resumes on Jan. 5 at the old quay.",
    "It was ranked No. 2 behind the Nos. 1 and 3 ports.",
    # initials
    "John F. Kennedy and J. K. Rowling never met at the harbour.",
    # U.S. and its kind, clock times, companies and suffixes before a lower-case word
    "The U.S. ambassador met the U.N. envoy in the U.K. capital.",
    "The ferry left at 9 a.m. and came back at 5 p.m. on the same day.",
    "Acme Inc. and Beta Corp. said they would appeal.",
    "Bo Li Jr. was born on the island.",
])
def test_one_sentence_stays_whole(text: str) -> None:
    assert _texts(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("He moved to the U.S. He was 12.", ["He moved to the U.S.", "He was 12."]),
    ("The mayor met Ana Ruiz, D-Calif. She left early.",
     ["The mayor met Ana Ruiz, D-Calif.", "She left early."]),
    ("The council met at 9 a.m. The vote came later.",
     ["The council met at 9 a.m.", "The vote came later."]),
    ("The dock was sold to Acme Inc. Its workers stayed.",
     ["The dock was sold to Acme Inc.", "Its workers stayed."]),
    ("The ferry resumes in Jan. Nobody knows the day.",
     ["The ferry resumes in Jan.", "Nobody knows the day."]),
])
def test_a_real_end_after_an_abbreviation_still_splits(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_joined_sentences_keep_exact_offsets() -> None:
    text = ("Harbour news.\n\nSen. Ana Ruiz, D-Calif.,  told reporters on Friday.  "
            "Rep. Bo Li, R-Va., agreed.\n\nGens.   Ana Li and Bo Ko left.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Harbour news.", "Sen. Ana Ruiz, D-Calif.,  told reporters on Friday.",
        "Rep. Bo Li, R-Va., agreed.", "Gens.   Ana Li and Bo Ko left."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_paragraph_break_after_an_abbreviation_is_kept() -> None:
    assert _texts("The vote was Ana Ruiz, D-Calif.\n\nand others followed.") == [
        "The vote was Ana Ruiz, D-Calif.", "and others followed."]


def test_the_abbreviations_come_from_the_language_pack() -> None:
    text = "Sen. Ana Ruiz, D-Calif., told reporters on Friday."
    no_tags = dataclasses.replace(ENGLISH.abbreviations, party_tag=re.compile(r"(?!)"))
    assert len(split_sentences(text, dataclasses.replace(ENGLISH, abbreviations=no_tags))) == 2
    assert len(split_sentences(text, ENGLISH)) == 1


def _flagged(before: str, after: str) -> list[str]:
    """The classes tools/count_splits.py counts a boundary between ``before`` and ``after`` in."""
    sys.path.insert(0, str(ROOT / "tools"))
    from count_splits import CLASSES

    return [label for label, (ends, continues) in CLASSES.items()
            if ends.search(before) and continues(after)]


@pytest.mark.parametrize(("before", "after", "labels"), [
    ("Sen. Ana Ruiz, D-Calif.", ", told reporters.", ["party tag"]),
    ("The ferry left at 9 a.m.", "and came back.", ["a.m./p.m."]),
    ("It opens on Sept.", "30 at the quay.", ["month"]),
    ("The mayor met Ana Ruiz, D-Calif.", "She left early.", []),
    ("He moved to the U.S.", "He was 12.", []),
])
def test_the_counter_flags_splits_inside_abbreviations_only(before: str, after: str,
                                                            labels: list[str]) -> None:
    assert _flagged(before, after) == labels
