"""The stance features, the NumPy tree evaluator and the shipped model file."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import numpy as np
import pytest

from parallax.compare.stance import (
    FEATURE_NAMES,
    FEATURE_VERSION,
    HEAD_FEATURES,
    LABELS,
    StanceModel,
    claim_texts,
    decide,
    head_inputs,
    load_stance_model,
    pair_features,
)
from parallax.errors import ModelError


def _unit(*values: float) -> np.ndarray[Any, Any]:
    vector = np.zeros(384, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)


# Claim, refuted and hedged wordings (see claim_texts): close, but apart on axes 3 and 4.
CLAIM_ROWS = np.stack([_unit(1.0), _unit(1.0, 0.0, 0.0, 0.6), _unit(1.0, 0.0, 0.0, 0.0, 0.6)])


def _features(claim: str, sentences: list[str], best: int) -> dict[str, float]:
    """Features where sentence ``best`` is the one closest to the claim."""
    vectors = np.stack([_unit(1.0, 0.1) if i == best else _unit(0.1, 1.0, 0.2 * i)
                        for i in range(len(sentences))])
    found = pair_features(claim, CLAIM_ROWS, sentences, vectors)
    assert best in found.evidence
    return dict(zip(FEATURE_NAMES, found.values.tolist(), strict=True))


def _spec(**changes: Any) -> dict[str, Any]:
    """A hand-made model: one stump per label on feature 0 (leaf values chosen below)."""
    stump: dict[str, list[Any]] = {
        "feature": [0, 0, 0], "threshold": [0.5, 0.0, 0.0], "left": [1, -1, -1],
        "right": [2, -1, -1], "value": [0.0, 0.0, 0.0]}
    trees = []
    for label in range(len(LABELS)):
        tree = {k: list(v) for k, v in stump.items()}
        tree["value"] = [0.0, 2.0 if label == 3 else 0.0, 2.0 if label == 0 else 0.0]
        trees.append([tree])
    head = {"weights": np.zeros((len(LABELS), 5 * 384)).tolist(), "intercept": [0.0] * 4}
    spec = {"feature_version": FEATURE_VERSION, "features": [*FEATURE_NAMES, *HEAD_FEATURES],
            "labels": list(LABELS), "head": head, "baseline": [0.0] * len(LABELS),
            "bias": [0.0] * 4, "trees": trees}
    return spec | changes


def test_refuting_words_near_the_best_sentence_are_counted() -> None:
    sentences = ["The harbour festival drew crowds on Sunday.",
                 "Officials said the story of a shark in the canal was a hoax.",
                 "Tickets for next year go on sale in May."]
    found = _features("A shark was seen swimming in the city canal", sentences, best=1)
    assert found["ev_refute"] > 0
    assert found["win_refute"] > 0
    assert found["claim_refute"] == 0


def test_hedges_negations_and_questions() -> None:
    found = _features("Is the mayor resigning?",
                      ["The mayor reportedly will not resign, aides claimed."], best=0)
    assert found["claim_question"] == 1
    assert found["ev_hedge"] >= 2  # reportedly, claimed
    assert found["ev_negation"] >= 1
    assert found["negation_mismatch"] == 1


def test_numbers_that_differ_and_antonyms() -> None:
    found = _features("The ferry sank with 40 passengers, all alive",
                      ["The ferry carried 12 passengers and two were dead."], best=0)
    assert found["claim_numbers"] == 1
    assert found["numbers_missing_ev"] == 1
    assert found["numbers_conflict"] == 1
    assert found["antonym_ev"] == 1
    same = _features("The ferry carried 12 passengers",
                     ["The ferry carried 12 passengers, the operator said."], best=0)
    assert same["numbers_conflict"] == 0
    assert same["overlap_top1"] == 1.0


def test_sentences_nearer_the_refuted_wording_raise_the_refuted_gap() -> None:
    sentences = ["Shark seen in canal.", "Officials said the shark story was invented."]
    plain = np.stack([_unit(1.0, 0.3), _unit(0.6, 0.3)])
    leaning = np.stack([_unit(1.0, 0.3), _unit(0.6, 0.3, 0.0, 0.8)])
    claim = "A shark swam in the canal"
    before = dict(zip(FEATURE_NAMES, pair_features(claim, CLAIM_ROWS, sentences, plain).values,
                      strict=True))
    after = dict(zip(FEATURE_NAMES, pair_features(claim, CLAIM_ROWS, sentences, leaning).values,
                     strict=True))
    assert after["refuted_gap_body"] > before["refuted_gap_body"]
    assert after["refuted_gap_body"] > 0 > before["refuted_gap_body"]
    assert after["hedged_top"] == before["hedged_top"]


def test_claim_texts_wrap_the_claim() -> None:
    texts = claim_texts("The bridge reopened")
    assert texts[0] == "The bridge reopened"
    assert len(texts) == 3 and all("The bridge reopened" in t for t in texts)


def test_no_sentences_give_a_zero_row_and_no_evidence() -> None:
    found = pair_features("Anything", CLAIM_ROWS, [], np.zeros((0, 384), np.float32))
    assert found.evidence == ()
    assert not found.values.any()
    assert len(found.values) == len(FEATURE_NAMES)


def test_tree_evaluator_follows_thresholds() -> None:
    model = StanceModel(_spec())
    rows = np.zeros((2, len(FEATURE_NAMES)))
    rows[1, 0] = 0.9  # right branch: supports
    probs = model.predict_proba(rows, np.tile(CLAIM_ROWS[0], (2, 3, 1)))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert decide(probs, model.bias) == ["unrelated", "supports"]
    # A bias can move a decision: a large one for "contradicts" wins everywhere.
    assert decide(probs, np.array([0.0, 5.0, 0.0, 0.0])) == ["contradicts", "contradicts"]
    # A text without sentences (no sentence in its pairing) is unrelated, whatever the row.
    assert decide(model.predict_proba(rows[1:], np.zeros((1, 3, 384))), model.bias) == [
        "unrelated"]


def test_model_refuses_other_feature_versions() -> None:
    with pytest.raises(ModelError, match="retrain"):
        StanceModel(_spec(feature_version="stance-features/0"))
    with pytest.raises(ModelError, match="feature names"):
        StanceModel(_spec(features=list(reversed(FEATURE_NAMES))))


def test_shipped_model_matches_the_code_and_is_small() -> None:
    path = resources.files("parallax").joinpath("data", "stance.json")
    spec = json.loads(path.read_text("utf-8"))
    assert spec["feature_version"] == FEATURE_VERSION
    assert spec["features"] == [*FEATURE_NAMES, *HEAD_FEATURES]
    assert spec["split_seed"] and spec["training"]["pairs"] > 0
    assert len(path.read_bytes()) < 2 * 1024 * 1024
    model = load_stance_model()
    probs = model.predict_proba(np.zeros((3, len(FEATURE_NAMES))), np.zeros((3, 3, 384)))
    assert probs.shape == (3, len(LABELS))
    # No similarity and no overlap at all: nothing to take a stance on.
    assert decide(probs, model.bias) == ["unrelated"] * 3


def test_evidence_for_a_stance_adds_the_closest_sentence_with_its_cue() -> None:
    sentences = ["The canal shark drew a crowd.", "Boats were stopped for an hour.",
                 "Police closed the towpath.", "A café stayed open late.",
                 "The coastguard later called the sighting a hoax."]
    vectors = np.stack([_unit(1.0, 0.1 * i, 0.05 * i * i) for i in range(len(sentences))])
    found = pair_features("A shark swam in the canal", CLAIM_ROWS, sentences, vectors)
    assert found.evidence == (0, 1, 2)
    assert found.evidence_for("supports") == (0, 1, 2)
    assert found.evidence_for("contradicts") == (0, 1, 4)
    assert found.evidence_for("unrelated") == ()


def test_the_pairing_holds_claim_closest_sentence_and_centroid() -> None:
    sentences = ["The canal shark drew a crowd.", "Boats were stopped for an hour."]
    vectors = np.stack([_unit(1.0, 0.2), _unit(0.0, 1.0)])
    found = pair_features("A shark swam in the canal", CLAIM_ROWS, sentences, vectors)
    claim, closest, centroid = found.pairing
    assert np.allclose(claim, CLAIM_ROWS[0]) and np.allclose(closest, vectors[0])
    assert np.isclose(np.linalg.norm(centroid), 1.0)
    assert np.allclose(centroid, _unit(*vectors.mean(axis=0)[:2]))
    inputs = head_inputs(found.pairing[None])
    assert inputs.shape == (1, 5 * 384)
    # Claim times sentence first: its sum is the cosine of the claim to the closest sentence.
    assert np.isclose(inputs[0, :384].sum(), float(vectors[0] @ CLAIM_ROWS[0]))


def test_the_head_scores_reach_the_trees() -> None:
    weights = np.zeros((len(LABELS), 5 * 384))
    weights[0, :384] = 10.0  # supports rises with the claim-sentence cosine
    spec = _spec(head={"weights": weights.tolist(), "intercept": [0.0, 0.0, 0.0, 1.0]})
    for per_label in spec["trees"]:  # the stumps split on the head's supports score
        per_label[0]["feature"][0] = len(FEATURE_NAMES)
        per_label[0]["threshold"][0] = 5.0
    model = StanceModel(spec)
    near = np.stack([CLAIM_ROWS[0], CLAIM_ROWS[0], CLAIM_ROWS[0]])[None]
    far = np.stack([CLAIM_ROWS[0], _unit(0.0, 1.0), _unit(0.0, 1.0)])[None]
    assert np.allclose(model.head_scores(near), [[10.0, 0.0, 0.0, 1.0]], atol=1e-4)
    assert np.allclose(model.head_scores(far), [[0.0, 0.0, 0.0, 1.0]], atol=1e-4)
    probs = model.predict_proba(np.zeros((2, len(FEATURE_NAMES))), np.concatenate([near, far]))
    assert decide(probs, model.bias) == ["supports", "unrelated"]
