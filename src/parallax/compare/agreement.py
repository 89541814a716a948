"""Whether a sentence states a claim's fact as the claim does: figures and polarity.

Sentences align on shared words and meaning, and a sentence saying the
opposite shares nearly all of them: "no formal charges have been filed" and
"he has been charged with five crimes", "$3.5 billion" and "$3.6 billion" for
one budget line. Opposite claims must never corroborate each other, so a
cluster's members are checked against the sentence it shows before they
count as support.

Figures are read twice: as plain counts of one noun, and as the facts
conflicts read them (nouns of one measure are one unit, a figure with no noun
of its own counts its change verb's subject: "detentions have dropped ... to
9,000" against "12,000 arrests"). A pair the briefing shows as a facts
conflict must never also corroborate a claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from parallax.compare.conflicts import figures_disagree, measures_clash
from parallax.compare.predicates import opposed, predications
from parallax.options import DEFAULT_OPTIONS, ConflictsOptions

__all__ = ["agreeing", "states_alike"]

T = TypeVar("T")


def states_alike(claim: str, text: str,
                 options: ConflictsOptions = DEFAULT_OPTIONS.conflicts) -> bool:
    """Whether ``text`` gives no other figure for what ``claim`` counts and denies
    nothing ``claim`` asserts (nor asserts what it denies)."""
    if figures_disagree(claim, text, options.hedge_tolerance) or measures_clash(claim, text,
                                                                                options):
        return False
    reach = options.account_negation_reach
    return not opposed(predications(claim, reach), predications(text, reach))


def agreeing(claim: str, members: Sequence[tuple[T, str]],
             options: ConflictsOptions = DEFAULT_OPTIONS.conflicts) -> list[T]:
    """The members (key, text) that state ``claim`` alike, in order."""
    return [key for key, text in members if text == claim or states_alike(claim, text, options)]
