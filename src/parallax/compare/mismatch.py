"""Claims that the evidence contradicts silently: a different figure, the opposite polarity.

The stance model learnt from FNC-1, where disagreement is voiced: "a hoax",
"denied", "no evidence". The case a fact-checker meets most is quieter. The
claim says the session lasted three hours and the source, on the same
session, says about five; the claim says the talks ended with an agreement
and the source says without one. The source never argues with the claim, so
the model sees a close, confirming paraphrase and answers *supports*. These
mismatches are read directly, with the same rules that find factual
conflicts between sources (``parallax.compare.conflicts``), so that `check`
and the briefing never disagree about what counts as a clash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from parallax.compare.claims import NEGATION, content_terms
from parallax.compare.conflicts import (
    compare_figures,
    is_name,
    negated_terms,
    negated_within,
)
from parallax.compare.proposition import IMPLICIT_NEGATION, years_compared
from parallax.compare.stance import Stance, hedged
from parallax.lang import LanguagePack
from parallax.lang.en import ENGLISH
from parallax.options import DEFAULT_OPTIONS, CheckOptions

__all__ = ["Reading", "read_mismatch", "refine"]

@dataclass(frozen=True, slots=True)
class Reading:
    """What the evidence says about the claim's figures and polarity.

    ``agree``/``clash`` hold the indices of sentences that restate the claim
    and give its figures or years the same or a different value;
    ``opposite`` those that negate what the claim asserts; ``restating``
    every sentence that restates the claim, closest first.
    """

    agree: tuple[int, ...]
    clash: tuple[int, ...]
    opposite: tuple[int, ...]
    restating: tuple[int, ...] = ()


def _terms(text: str, lang: LanguagePack) -> frozenset[str]:
    """Content terms without negators and digits (number words are stopwords there),
    as roots: "did not approve" is how "approved" is negated."""
    return frozenset(lang.root(t) for t in content_terms(text, lang)
                     if t != NEGATION and not t.isdigit())


def read_mismatch(claim: str, sentences: Sequence[str], sims: np.ndarray[Any, Any],
                  lang: LanguagePack = ENGLISH, *,
                  options: CheckOptions = DEFAULT_OPTIONS.check) -> Reading:
    """Compare the claim with every sentence of a text that restates it.

    ``sims`` holds each sentence's cosine to the claim. Only restating
    sentences are read: elsewhere a figure or a negated word may be about
    something else ("two policemen" in a story about three soldiers; on the
    FNC-1 training bodies, withholding *supports* whenever the model's
    evidence gave a claim's figure differently was wrong in 5 of 5 cases).
    """
    claim_terms = _terms(claim, lang)
    # Only a plainly affirmative claim is read against negated restatements. A
    # negated claim ("won't turn into", "no segregation") meets its affirmative
    # paraphrase in sentences that negate in other words ("to prevent him from
    # turning"), which a negator list cannot see.
    affirmative = (not negated_terms(claim) and not hedged(claim, lang) and "?" not in claim
                   and IMPLICIT_NEGATION.isdisjoint(lang.letters.findall(claim.lower())))
    agree: list[int] = []
    clash: list[int] = []
    opposite: list[int] = []
    restating: list[int] = []
    for index, text in enumerate(sentences):
        if float(sims[index]) < options.related_cosine or not claim_terms or (
                len(claim_terms & _terms(text, lang))
                < options.claim_coverage * len(claim_terms)):
            continue
        restating.append(index)
        same, different = compare_figures(claim, text)
        years = years_compared(claim, text)
        if same or years == "same":
            agree.append(index)
        elif different or years == "different":
            clash.append(index)
        if affirmative and _negates(text, claim_terms, lang, options.negation_reach):
            opposite.append(index)
    restating.sort(key=lambda i: -float(sims[i]))
    return Reading(tuple(agree), tuple(clash), tuple(opposite), tuple(restating))


def _negates(text: str, claim_terms: frozenset[str], lang: LanguagePack, reach: int) -> bool:
    """Whether ``text`` plainly negates one of the claim's words, and asserts rather than hedges.

    The negated word must follow the negator closely ("without an
    agreement", "did not approve"): further on, the negation usually governs
    a verb of its own ("we could not drop every one of the tariffs" does not
    deny that tariffs were wanted). A negated name ("nothing to do with
    Harlow") denies a link, not the claim; a hedged sentence ("may not be as
    bad") only reports a doubt.
    """
    if hedged(text, lang) or "?" in text:
        return False
    return any(lang.root(t) in claim_terms and not is_name(text, t)
               for t in negated_within(text, reach))


def refine(stance: Stance, evidence: tuple[int, ...], reading: Reading, *,
           options: CheckOptions = DEFAULT_OPTIONS.check) -> tuple[Stance, tuple[int, ...]]:
    """The model's stance and evidence, corrected by what the reading found.

    A figure the evidence gives differently, with no evidence sentence giving
    the claim's own, contradicts; so does a paraphrase of opposite polarity.
    Evidence that never states the claim's figure is left to the model: on
    FNC-1 headlines ("split into two companies") the figure is often given in
    other words, and reading silence as doubt cost more than it gained. An
    unrelated verdict stays unrelated, since the evidence then is not about
    the claim. A supporting verdict cites the sentences that restate the
    claim when there are any: a reader checks a restatement at a glance,
    while the closest sentences in MiniLM space may only share the topic.
    """
    if stance == "unrelated":
        return stance, evidence
    if reading.clash and not reading.agree:
        return "contradicts", tuple(sorted(reading.clash))
    if reading.opposite and not reading.agree:
        return "contradicts", tuple(sorted(reading.opposite))
    if stance == "supports" and reading.restating:
        return stance, tuple(sorted(reading.restating[:options.evidence_sentences]))
    return stance, evidence
