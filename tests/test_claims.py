"""Claims: the same fact in two outlets merges, copies and unrelated sentences do not."""

from __future__ import annotations

import pytest

from parallax.compare.claims import content_terms, find_claims, is_claimable, sentence_index
from parallax.compare.sources import count_sources, source_key
from parallax.model import Claim

from builders import LEDGER, TIMES, analyze, make_article, shared_path

SeedClaims = tuple[tuple[str, ...], tuple[Claim, ...]]

def test_paraphrase_in_two_outlets_is_one_claim() -> None:
    claims = find_claims([analyze(make_article("a", LEDGER, "Daily Ledger")),
                          analyze(make_article("b", TIMES, "Coastal Times"))])
    assert len(claims) == 1
    claim = claims[0]
    assert claim.sources == 2
    assert {s.article for s in claim.support} == {"a", "b"}
    assert all("budget" in s.text for s in claim.support)
    assert claim.text in {s.text for s in claim.support}


def test_unrelated_sentences_never_merge() -> None:
    claims = find_claims([analyze(make_article("a", LEDGER, "Daily Ledger")),
                          analyze(make_article("b", TIMES, "Coastal Times"))])
    texts = " ".join(s.text for c in claims for s in c.support)
    assert "pumpkin" not in texts and "Mayor" not in texts


def test_duplicate_copy_does_not_add_a_source() -> None:
    original = make_article("a", LEDGER, "Daily Ledger")
    copy = make_article("c", "Reprinted. " + LEDGER, "Ledger Wire", flags=("duplicate-of:a",))
    assert find_claims([analyze(original), analyze(copy)]) == ()
    claims = find_claims([analyze(original), analyze(copy),
                          analyze(make_article("b", TIMES, "Coastal Times"))])
    budget = next(c for c in claims if "budget" in c.text)
    assert budget.sources == 2 and len(budget.support) == 3


def test_same_outlet_counts_once() -> None:
    first = make_article("a", LEDGER, "The Daily Ledger")
    second = make_article("b", TIMES, "daily ledger")
    assert source_key(first) == source_key(second)
    spans = [first.span(0, 10), second.span(0, 10)]
    assert count_sources(spans, {"a": first, "b": second}) == 1
    assert find_claims([analyze(first), analyze(second)]) == ()


def test_not_claimable() -> None:
    assert not is_claimable("Will the harbour budget pass next week?")
    assert not is_claimable("Harbour budget approved")
    assert not is_claimable('"Thank you, it is a great honour and a pleasure," she said.')
    assert is_claimable("The council approved a budget of 40 million euros on Monday.")


def test_content_terms_mark_negation() -> None:
    assert content_terms("No deal was reached") == ("<not>", "deal", "reach")
    assert "<not>" in content_terms("They didn't sign the accord.")


@pytest.fixture(scope="module")
def seed_claims() -> SeedClaims:
    paths = sorted(shared_path("seeds").glob("*.txt"))
    analyzed = [analyze(make_article(p.stem, p.read_text(), p.stem)) for p in paths]
    return tuple(p.stem for p in paths), find_claims(analyzed)


def test_seed_no_agreement_claim_has_three_sources(seed_claims: SeedClaims) -> None:
    ids, claims = seed_claims
    top = claims[0]
    assert top.sources == 3 and {s.article for s in top.support} == set(ids)
    assert all("agreement" in s.text for s in top.support)


def test_seed_cancelled_lunch_claim(seed_claims: SeedClaims) -> None:
    _, claims = seed_claims
    lunch = [c for c in claims if all("lunch" in s.text for s in c.support)]
    assert len(lunch) == 1 and lunch[0].sources == 2


@pytest.mark.usefixtures("fake_embedder")
def test_an_index_without_any_pair_still_answers_cosines() -> None:
    items = [analyze(make_article("a", "Ferries sailed late on Monday.", "North Post")),
             analyze(make_article("b", "Bakers sold pumpkin bread.", "Valley Herald"))]
    index = sentence_index(items)
    assert len(index.pairs.rows) == 0
    assert index.cosines([0], [1]).shape == (1, 1)
