"""Claims contradicted silently (another figure, year or polarity), on invented articles."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.analyze.embed import load_embedder
from parallax.analyze.sentences import split_sentences
from parallax.compare.check import judge
from parallax.compare.mismatch import Reading, read_mismatch, refine
from parallax.compare.stance import claim_texts

REPORT = (
    "The harbour festival in Lindqvist Bay ended without an agreement on the new mooring fees "
    "on Sunday. The final meeting of the harbour board lasted about four hours. The board "
    "has 14 members. The old quay, completed in 1987, was closed for repairs.")


def _verdict(claim: str, text: str = REPORT) -> tuple[str, list[str]]:
    sentences = [s.text for s in split_sentences(text)]
    vectors = load_embedder().encode(sentences)
    [(stance, evidence, _)] = judge(claim, load_embedder().encode(claim_texts(claim)),
                                 [(sentences, vectors)])
    return stance, [sentences[i] for i in evidence]


@pytest.mark.parametrize(("claim", "word"), [
    ("The final meeting of the harbour board lasted two hours.", "four hours"),
    ("The harbour festival ended with an agreement on the new mooring fees.", "without"),
    ("The old quay was completed in 1995.", "1987"),
])
def test_a_restated_claim_with_another_figure_year_or_polarity_is_contradicted(
        claim: str, word: str) -> None:
    stance, evidence = _verdict(claim)
    assert stance == "contradicts"
    assert evidence and all(word in sentence for sentence in evidence)


@pytest.mark.parametrize("claim", [
    "The final meeting of the harbour board lasted four hours.",
    "The old quay was completed in 1987.",
])
def test_the_same_figure_or_year_is_not_contradicted(claim: str) -> None:
    assert _verdict(claim)[0] != "contradicts"


def test_support_cites_the_sentence_that_restates_the_claim() -> None:
    stance, evidence = _verdict("The final meeting of the harbour board lasted four hours.")
    assert stance == "supports"
    assert evidence == ["The final meeting of the harbour board lasted about four hours."]


def _reading(claim: str, sentences: list[str]) -> Reading:
    vectors = load_embedder().encode(sentences)
    return read_mismatch(claim, sentences, vectors @ load_embedder().encode([claim])[0])


def test_a_negated_claim_is_not_read_against_affirmative_sentences() -> None:
    # "to stop it from ..." negates without a negator: no polarity reading.
    reading = _reading("The council fenced the quay to stop children from swimming there.",
                       ["The council fenced the quay so that children would not swim there."])
    assert reading.opposite == ()


def test_hedged_or_name_negations_are_not_opposite() -> None:
    claim = "The harbour board approved the new mooring fees."
    reading = _reading(claim, [
        "The harbour board may not have approved the new mooring fees, reports suggest.",
        "The harbour board approved fees that had nothing to do with Lindqvist mooring."])
    assert reading.opposite == ()
    assert _reading(claim, ["The harbour board did not approve the new mooring fees."]).opposite


def test_a_negation_governs_only_the_words_right_after_it() -> None:
    claim = "The fishermen wanted all mooring fees dropped."
    far = ("The fishermen wanted the mooring fees dropped, but the board could not give up "
           "all of the fees.")
    near = "The fishermen wanted the mooring fees dropped, and the board did not drop the fees."
    assert _reading(claim, [far]).opposite == ()
    assert _reading(claim, [near]).opposite == (0,)


def test_a_sentence_about_another_matter_does_not_clash() -> None:
    # Same unit, different subject: the sentence does not restate the claim.
    reading = _reading("Three fishing boats sank in the storm.",
                       ["Two cyclists were injured on the coast road during the storm."])
    assert reading == Reading((), (), ())


def test_refine_keeps_unrelated_and_prefers_agreement() -> None:
    assert refine("unrelated", (), Reading((), (3,), ())) == ("unrelated", ())
    assert refine("supports", (1,), Reading((2,), (3,), ())) == ("supports", (1,))
    assert refine("supports", (1,), Reading((), (3, 2), ())) == ("contradicts", (2, 3))
    assert refine("discusses", (1,), Reading((), (), (4,))) == ("contradicts", (4,))
    restated = Reading((), (), (), (7, 2, 5, 9))
    assert refine("supports", (1,), restated) == ("supports", (2, 5, 7))
    assert refine("discusses", (1,), restated) == ("discusses", (1,))


def test_a_restating_sentence_with_another_count_clashes() -> None:
    sentences = ["The board has 14 members."]
    reading = read_mismatch("The board has 12 members.", sentences, np.array([0.9]))
    assert reading.clash == (0,)
