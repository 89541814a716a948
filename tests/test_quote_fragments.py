"""Pieces no reader could quote, on invented news prose: one test per class (issue 13).

A quoted adverb, a time, a title, a label that names no speaker, a clause the
parse cut inside (its subject taken for the cue's object, a modal split from
its verb, a predicate hung on the cue, a parenthesis), and the objects of cues
that only aim at something ("argued for his pier"): shown as a statement, each
would put a piece of a sentence, or a thing, in someone's mouth in "Who said what".
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_attributed
from parallax.analyze.sentences import split_sentences
from parallax.model import Attribution, Quote
from tests.builders import make_article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def found(nlp: Language, text: str) -> tuple[tuple[Quote, ...], tuple[Attribution, ...]]:
    return extract_attributed(make_article("t", text), nlp(text), split_sentences(text))


def texts(nlp: Language, text: str) -> list[str]:
    return [q.text for q in found(nlp, text)[0]]


@pytest.mark.parametrize("text", [
    # How she spoke, not what she said.
    "Ms. Quill said she has spoken “endlessly” to the mayor about the pier.",
    # When the words were asked for, not what.
    "Mr. Brask, whose resignation the councillors asked for last year, stayed on.",
    # An editor's notice and its date.
    "The mayor spoke on Monday.\n\nThis story was revised to reflect a correction:\n\n"
    "Correction: May 4, 2019\n\nBecause of an editing error, this story misstated her age.",
    # A programme named in a sentence.
    "Senator Olin Brask appeared on CBS' \"Meet the Harbour.\"",
    # What the agency was found doing.
    "The agency found itself defending its levy again after the leak.",
])
def test_a_manner_a_time_a_title_or_a_state_is_no_statement(nlp: Language, text: str) -> None:
    assert texts(nlp, text) == []


def test_a_label_that_names_no_speaker_gives_no_statement(nlp: Language) -> None:
    text = ("The mayor spoke on Monday.\n\nCorrection: Because of an editing error, an "
            "earlier version of this story said that the mayor was from Tarn.")
    assert [q.speaker_span for q in found(nlp, text)[0]] == []


def test_a_clause_ending_on_its_auxiliary_is_no_statement(nlp: Language) -> None:
    text = ("Asked whether the mayor would veto the levy, her spokesman said he would not. "
            "Ms. Quill said she had no plans to run again.")
    assert texts(nlp, text) == ["she had no plans to run again"]


def test_a_question_whose_word_comes_first_is_asked_not_said(nlp: Language) -> None:
    quotes, others = found(nlp, "Senator Olin Brask asked what the harbour towns suffer from.")
    assert quotes == ()
    assert [(a.kind, a.text) for a in others] == [
        ("question", "what the harbour towns suffer from")]


def test_a_subject_the_parse_took_for_the_cues_object_stays_in_the_clause(
        nlp: Language) -> None:
    text = ("Before he met the council on Tuesday, Mr. Brask rejected a deal the unions had "
            "floated, saying $2.5 billion in harbour security spending was insufficient.")
    assert "$2.5 billion in harbour security spending was insufficient" in texts(nlp, text)
    # The clause's verb made the cue's head ("claiming" the subject of "harm").
    text = ("The board kept the levy after the agency issued a study Monday claiming the new "
            "rule would not hurt the fleet over time.")
    assert texts(nlp, text) == ["the new rule would not hurt the fleet over time"]


def test_a_modal_split_from_its_verb_is_one_clause(nlp: Language) -> None:
    text = ("Ms. Quill rejected the plan while insisting that she\u2019d rather the council "
            "approve the budget.")
    assert "she\u2019d rather the council approve the budget" in texts(nlp, text)


def test_a_predicate_the_parse_hung_on_the_cue_completes_the_topic(nlp: Language) -> None:
    text = "Quill accused Democrats of holding dock workers hostage over the budget."
    assert texts(nlp, text) == ["holding dock workers hostage over the budget"]


def test_a_name_with_its_party_tag_after_a_demand_is_whom_it_is_about(nlp: Language) -> None:
    text = ("Ms. Quill joined other Republicans calling for Rep. Olin Brask (R-Ore.) to leave "
            "the race.")
    assert not any("Brask (R-Ore." in t for t in texts(nlp, text))


def test_what_a_cue_argues_for_or_apologizes_for_is_its_target(nlp: Language) -> None:
    quotes, others = found(nlp, "Mr. Brask argued for his pier and apologized for his remarks.")
    assert quotes == ()
    assert [(a.kind, a.text) for a in others] == [("target", "his pier"),
                                                  ("target", "his remarks")]
    # A demand is what was asked for: a statement.
    assert texts(nlp, "The councillors called for a recount.") == ["a recount"]


def test_a_month_is_no_speaker(nlp: Language) -> None:
    text = "The aide met a lawyer in May 2015 who had promised harmful details about the mayor."
    assert [q.speaker for q in found(nlp, text)[0]] == []
