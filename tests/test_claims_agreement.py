"""Claims state one fact alike in every support line; their text is a clean sentence."""

from __future__ import annotations

from parallax.compare.agreement import states_alike
from parallax.compare.claims import find_claims, is_claimable
from parallax.compare.conflicts import figures_disagree, measures_clash
from parallax.datelines import without_dateline

from builders import analyze, make_article

HARBOUR = ("The harbour council approved a dredging budget of 40 million euros on Monday, "
           "officials said.")
OTHER = ("Officials said the harbour council approved a dredging budget of 45 million euros "
         "on Monday.")
SAME = ("Officials said the harbour council approved a dredging budget of 40 million euros "
        "on Monday.")


def _claims(first: str, second: str) -> list[str]:
    items = [analyze(make_article("a", first, "North Post")),
             analyze(make_article("b", second, "Valley Herald"))]
    return [c.text for c in find_claims(items)]


def test_other_figures_never_corroborate() -> None:
    assert _claims(HARBOUR, SAME) != []
    assert _claims(HARBOUR, OTHER) == []


def test_states_alike_reads_figures_and_polarity() -> None:
    assert states_alike(HARBOUR, SAME)
    assert not states_alike(HARBOUR, OTHER)
    assert not states_alike("The council approved the dredging budget on Monday.",
                            "The council never approved the dredging budget on Monday.")


def test_a_claims_text_drops_the_dateline() -> None:
    assert without_dateline("NORTH HAVEN, Lorvania (HPA) - The council approved the budget.") == (
        "The council approved the budget.")
    assert without_dateline("NORTH HAVEN \u2014 The council approved the budget.") == (
        "The council approved the budget.")
    assert without_dateline("NORTH HAVEN, Lor. -- The council approved it.") == (
        "The council approved it.")
    assert without_dateline("NORTH HAVEN\u2014The council approved it.") == (
        "The council approved it.")
    for text in ("Mayor Brenn - the council's chair - approved it.",
                 "U.S.-backed councils approved it.", "NATO said the council approved it."):
        assert without_dateline(text) == text


def test_a_dateline_never_opens_a_claim() -> None:
    assert _claims("NORTH HAVEN, Lorvania (HPA) - " + HARBOUR, SAME) in ([SAME], [HARBOUR])


def test_a_signpost_is_never_a_claim() -> None:
    assert not is_claimable("The answer lies in the floods of 2019.")
    assert not is_claimable("The short version: the harbour flooded.")
    assert is_claimable("The answer from the council came on Monday after a long debate "
                        "over the harbour budget and the dredging plan.")


# A figure with no noun of its own counts its change verb's subject, as the facts
# conflicts read it: a pair shown as a facts conflict never also corroborates.
DETENTIONS = ("There were about 12,000 detentions at the harbour gates last year, the port "
              "authority said.")
FALLEN = ("Port officials say harbour detentions have dropped sharply over the decade, to {} in "
          "the last year.")


def test_a_figure_the_facts_conflicts_read_as_another_never_corroborates() -> None:
    assert not figures_disagree(DETENTIONS, FALLEN.format("9,000"))
    assert measures_clash(DETENTIONS, FALLEN.format("9,000"))
    assert not states_alike(DETENTIONS, FALLEN.format("9,000"))
    assert states_alike(DETENTIONS, FALLEN.format("12,000"))
    assert _claims(DETENTIONS, FALLEN.format("12,000")) != []
    assert _claims(DETENTIONS, FALLEN.format("9,000")) == []
