"""Quotes and actors on the example corpus, against examples/README.md.

The README lists, per file, who said what in the conflicting accounts, by the
mediator and by the third countries. Each entry here is (article id, actor
name, accepted kinds, a piece of the quote's text): the briefing must hold a
quote of that article whose text contains the piece, attributed to that
actor, with one of those kinds. The actors must come out once each, with the
full hyphenated names and their affiliations.
"""

from __future__ import annotations

import pytest

from parallax.model import Actor, Briefing

OKONKWO = "Adaeze Okonkwo-Varr"
VESK = "Joran Vesk"
SAROKHIN = "Lena Sarokhin"
GALLORAN = "Piet Galloran"
ENVOY = "Beatrix Oyelaran-Holm"
KESTRIAN_MINISTRY = "Kestrian Foreign Ministry"
PRESIDENTIAL = "Orvenian Presidential Office"

LPA, LEDGER, HERALD, COURIER, KBN = ("01_littoral-press-agency", "02_kestria-ledger",
                                     "03_orvenia-herald", "04_meridane-courier", "05_kbn-live")
VALLEY, REVIEW, GLOBE = "06_tarsa-valley-times", "07_continental-review", "09_globe-dispatch"
HARBOURLINE = "harbourline-2025-03-16-brennock-explainer"
MARAVEL_TODAY = "maraveltoday-2025-03-15-deeply-concerned"

DIRECT = ("direct",)
INDIRECT = ("indirect",)
PARTIAL = ("partial",)
# A quoted fragment inside reported speech may come out either way.
REPORTED = ("partial", "indirect")

EXPECTED = [
    (LPA, OKONKWO, DIRECT, "Kestria asked us to hand over the timetable of our own spillway"),
    (LPA, VESK, DIRECT, "We asked for a window, not for the keys"),
    (LPA, VESK, INDIRECT, "his government had sought control of the spillway"),
    (LPA, ENVOY, DIRECT, "The talks are paused, not over"),
    (LPA, SAROKHIN, INDIRECT, "the Orvenian side had left the negotiating room"),
    (LPA, "Corvanian Foreign Ministry", REPORTED, "regrettable"),
    (LEDGER, VESK, DIRECT, "We asked for a window, not for the keys"),
    (HERALD, OKONKWO, DIRECT, "We came to Port Meridane in good faith"),
    (HERALD, OKONKWO, DIRECT, "and we leave with our good faith intact"),
    (HERALD, OKONKWO, DIRECT, "The door is not closed, but it will not be opened"),
    (HERALD, OKONKWO, INDIRECT, "her delegation had walked out of Saturday"),
    (HERALD, GALLORAN, REPORTED, "lack of good faith"),
    (HERALD, GALLORAN, INDIRECT, "the document would have required Orvenian engineers"),
    (HERALD, GALLORAN, DIRECT, "Every engineer on that dam answers to Orvenian law"),
    (HERALD, PRESIDENTIAL, REPORTED + DIRECT, "was never part of the agreed agenda"),
    (HERALD, PRESIDENTIAL, REPORTED + DIRECT, "until the last day of the treaty"),
    (COURIER, OKONKWO, REPORTED, "something no sovereign government could accept"),
    (COURIER, SAROKHIN, INDIRECT, "Orvenia had left the table"),
    (COURIER, "Corvania", PARTIAL, "regrettable"),
    (KBN, SAROKHIN, DIRECT, "Our proposal was two pages long and it will be public"),
    (KBN, KESTRIAN_MINISTRY, REPORTED, "left the negotiating room without explanation"),
    (KBN, KESTRIAN_MINISTRY, DIRECT + PARTIAL, "a joint commission of engineers"),
    (KBN, "Teodor Aalwyn", INDIRECT, "Kestria remained ready to return to the table"),
    (KBN, "Saldana", REPORTED, "unilateral steps"),
    (VALLEY, VESK, INDIRECT, "the government would not accept being painted"),
    (VALLEY, SAROKHIN, DIRECT, "They stood up and left the room"),
    (REVIEW, OKONKWO, DIRECT, "Kestria asked us to hand over the timetable of our own spillway"),
    (REVIEW, VESK, DIRECT, "Kestria never asked to run the Brennock Dam"),
    (REVIEW, ENVOY, DIRECT, "the talks are paused, not over"),
    (REVIEW, "Maravel", REPORTED, "deeply concerned"),
    (REVIEW, "Corvania", PARTIAL, "regrettable"),
    # "... Orvenia cut releases from the dam and Kestria accused it of ...".
    (REVIEW, "Kestria", INDIRECT, "under-reporting the inflow"),
    (HARBOURLINE, OKONKWO, INDIRECT, "Kestria demanded full control of the dam's spillway"),
    (HARBOURLINE, VESK, INDIRECT, "Kestria had ever sought to operate the dam"),
    (HARBOURLINE, PRESIDENTIAL, REPORTED + DIRECT, "was never part of the agreed agenda"),
    (MARAVEL_TODAY, ENVOY, DIRECT, "Both delegations worked hard for two days"),
    (MARAVEL_TODAY, "Ottilie Brandvold-Sene", DIRECT, "We are deeply concerned"),
    (MARAVEL_TODAY, "Saldana", PARTIAL, "unilateral steps"),
    # "... while Kestria says its two-page proposal asked only for ...": "its" is Kestria's.
    (VALLEY, "Kestria", INDIRECT, "a joint monitoring commission of engineers from both"),
    # "Orvenia says A; Kestria says B": each report keeps its own speaker.
    (MARAVEL_TODAY, "Orvenia", INDIRECT, "Kestria wanted to control the spillway timetable"),
    (MARAVEL_TODAY, "Kestria", INDIRECT, "it asked only for joint monitoring"),
    (GLOBE, GALLORAN, DIRECT, "That is not monitoring. That is management"),
    (GLOBE, VESK, DIRECT, "Kestria never asked to run the Brennock Dam"),
    (GLOBE, ENVOY, DIRECT, "Both delegations worked hard for two days"),
]


def _named(briefing: Briefing, name: str) -> Actor:
    found = [a for a in briefing.actors if a.name == name]
    assert len(found) == 1, (name, [a.name for a in briefing.actors])
    return found[0]


@pytest.mark.parametrize(("article", "speaker", "kinds", "piece"), EXPECTED,
                         ids=[f"{e[0][:12]}-{e[3][:24]}" for e in EXPECTED])
def test_readme_quote_is_found_with_its_speaker_and_kind(
        examples_briefing: Briefing, article: str, speaker: str, kinds: tuple[str, ...],
        piece: str) -> None:
    candidates = [q for q in examples_briefing.quotes
                  if q.span.article == article and piece in q.span.text]
    assert candidates, f"no quote with {piece!r} in {article}"
    actor = _named(examples_briefing, speaker)
    assert any(q.speaker == actor.id and q.kind in kinds for q in candidates), [
        (q.kind, examples_briefing.actor(q.speaker) if q.speaker else None)
        for q in candidates]


def test_hyphenated_names_survive_whole(examples_briefing: Briefing) -> None:
    names = {a.name for a in examples_briefing.actors}
    assert {OKONKWO, ENVOY, "Ottilie Brandvold-Sene"} <= names
    assert not names & {"Adaeze Okonkwo", "Okonkwo-Varr", "Okonkwo", "Galloran"}


@pytest.mark.parametrize(("name", "affiliation"), [
    (OKONKWO, "Orvenia"), (VESK, "Kestria"), (SAROKHIN, "Kestria"),
    (ENVOY, "Littoral Cooperation Forum"), (KESTRIAN_MINISTRY, "Kestria"),
    ("Corvanian Foreign Ministry", "Corvania"), (PRESIDENTIAL, "Orvenia"),
])
def test_affiliations(examples_briefing: Briefing, name: str, affiliation: str) -> None:
    assert _named(examples_briefing, name).affiliation == affiliation


def test_aliases_and_kinds(examples_briefing: Briefing) -> None:
    assert "Foreign Minister Joran Vesk" in _named(examples_briefing, VESK).aliases
    assert "Deputy Foreign Minister Lena Sarokhin" in _named(examples_briefing, SAROKHIN).aliases
    assert "Presidential Office" in _named(examples_briefing, PRESIDENTIAL).aliases
    assert _named(examples_briefing, GALLORAN).kind == "person"
    for country in ("Orvenia", "Kestria", "Corvania", "Maravel", "Saldana"):
        assert _named(examples_briefing, country).kind == "place"
