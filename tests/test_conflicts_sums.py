"""Facts conflicts on sums of money (a scale unit: "billion"), with invented articles.

A story about public money names several sums ("$2.4 billion for dredging",
"$9 billion in all"); two outlets disagree only when they give close figures
for the same pot, not whenever two sentences on the topic hold a "billion".
"""

from __future__ import annotations

from parallax.compare.conflicts import find_conflicts

from builders import analyze, make_article

NORTH = ("The port authority will move $2.4 billion from the harbour dredging budget to the "
         "new ferry terminal, officials said. ")
SOUTH = ("Officials said the port authority will shift $2.5 billion from the harbour dredging "
         "budget toward the new ferry terminal. ")
TOTAL = ("The port authority said the new ferry terminal will cost $9 billion in all, most of "
         "it from the harbour dredging budget. ")


def test_close_sums_for_one_pot_are_a_facts_conflict() -> None:
    [conflict] = find_conflicts([analyze(make_article("n", NORTH, "North Post")),
                                 analyze(make_article("s", SOUTH, "South Times"))], [], [])
    assert conflict.kind == "facts"
    assert conflict.topic.endswith(": 2.4 billion (1 source) vs 2.5 billion (1 source)")
    assert "harbour dredging budget" in conflict.topic


def test_different_pots_in_one_scale_are_no_conflict() -> None:
    assert find_conflicts([analyze(make_article("n", NORTH, "North Post")),
                           analyze(make_article("t", TOTAL, "Coast Courier"))], [], []) == ()
