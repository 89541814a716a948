"""What decided a check verdict, in a few words a reader can check against the evidence.

``proposition.relate`` names the rule that related an evidence sentence to the
claim (``Relation.reason``) and the words that decided it; a verdict shows
them as a short sentence: "the figure differs: 3 here, 5 in the claim
(hour)", "another weekday: friday / saturday", "only hedges it: may". The
words are the stems the rules read ("hour" for "hours"), near enough to find
in the evidence.
"""

from __future__ import annotations

from parallax.compare.conflicts import number_mentions
from parallax.compare.proposition import Relation

__all__ = ["UNSTATED", "explain"]

UNSTATED = "no sentence states the claim"
"""The reason of an *unrelated* verdict from the same story."""


def _values(values: frozenset[float]) -> str:
    return " or ".join(f"{value:g}" for value in sorted(values))


def _figures(claim: str, sentence: str, units: tuple[str, ...]) -> str:
    """ "3 here, 5 in the claim (hour)" for each unit the two count differently."""
    ours, theirs = number_mentions(claim), number_mentions(sentence)
    parts = [f"{_values(theirs[unit])} here, {_values(ours[unit])} in the claim ({unit})"
             for unit in units if unit in ours and unit in theirs]
    return "; ".join(parts) or ", ".join(units)


def explain(relation: Relation, claim: str, sentence: str) -> str:
    """The reason ``sentence`` takes the stance ``relation`` gives it on ``claim``."""
    words = relation.words
    listed = ", ".join(words)
    match relation.reason:
        case "figure":
            return f"the figure differs: {_figures(claim, sentence, words)}"
        case "year":
            return f"another year: {listed}"
        case "weekday" | "age":
            return f"another {relation.reason}: {' / '.join(words)}"
        case "polarity":
            return f"denies what the claim asserts: not {listed}"
        case "antonym":
            return f"the opposite outcome: {' / '.join(words)}"
        case "called wrong":
            return f"calls it wrong: {listed}"
        case "hedged":
            return f"only hedges it: {listed}"
        case "alleged":
            return f"reports it as an allegation: {listed}"
        case "quoted":
            return "states it only inside a quotation"
        case "unstated detail":
            return "states it without the claim's figure, date or age"
        case "restates" if relation.agreed:
            return f"restates it, with the same {', '.join(relation.agreed)}"
        case "restates":
            return "restates it"
    return UNSTATED
