"""Conflicts on the example corpus: exactly the two that examples/README.md names.

The ground truth: one wrong number (04 says the final session lasted three
hours, five outlets say about five) and one clash of accounts (Orvenia: Kestria
demanded control of the spillway schedule and Orvenia did not walk out;
Kestria: it asked only for a joint monitoring commission, never to run the
dam, and the Orvenians walked out). Everything else the outlets report at different
precision ("31 March" / "31 March 2025", "the summer of 2023" / "June 2023")
agrees, and the syndicated copy 02 is never a side.
"""

from __future__ import annotations

from parallax.model import Briefing, Conflict

COPY = "02_kestria-ledger"
FIVE_HOURS = {"01_littoral-press-agency", "03_orvenia-herald", "05_kbn-live",
              "06_tarsa-valley-times", "09_globe-dispatch"}
THREE_HOURS = "04_meridane-courier"


def _only(briefing: Briefing, kind: str) -> Conflict:
    found = [c for c in briefing.conflicts if c.kind == kind]
    assert len(found) == 1, [c.topic for c in found]
    return found[0]


def test_exactly_one_conflict_of_each_kind(examples_briefing: Briefing) -> None:
    assert sorted(c.kind for c in examples_briefing.conflicts) == ["accounts", "facts"]


def test_the_copy_is_never_a_side(examples_briefing: Briefing) -> None:
    assert all(side.span.article != COPY
               for conflict in examples_briefing.conflicts for side in conflict.sides)


def test_session_length_is_one_conflict_with_every_outlet_behind_each_value(
        examples_briefing: Briefing) -> None:
    conflict = _only(examples_briefing, "facts")
    assert conflict.topic == "hours: 5 (5 sources) vs 3 (1 source)"
    articles = [side.span.article for side in conflict.sides]
    assert set(articles[:-1]) == FIVE_HOURS and len(articles) == len(FIVE_HOURS) + 1
    assert articles[-1] == THREE_HOURS
    assert "three hours" in conflict.sides[-1].span.text
    assert all("five hours" in side.span.text for side in conflict.sides[:-1])
    assert all(side.actor is None for side in conflict.sides)


def test_orvenia_and_kestria_accounts_are_one_clash_with_its_points(
        examples_briefing: Briefing) -> None:
    """One clash of accounts: the demand (full control or only a commission), whether
    Kestria asked to run the dam, and who walked out, each side in its own words."""
    conflict = _only(examples_briefing, "accounts")
    assert conflict.topic.startswith("Kestria: full control / only for a joint monitoring")
    assert "walked / not walked" in conflict.topic
    camps: dict[str, list[str]] = {}
    for side in conflict.sides:
        actor = examples_briefing.actor(side.actor) if side.actor else None
        assert actor is not None
        camps.setdefault(actor.affiliation or actor.name, []).append(side.span.text)
    assert set(camps) == {"Orvenia", "Kestria"}
    assert any("full control" in text for text in camps["Orvenia"])
    assert any("not walked out" in text for text in camps["Orvenia"])
    assert any("joint monitoring commission" in text for text in camps["Kestria"])
    assert any("never asked" in text for text in camps["Kestria"])
