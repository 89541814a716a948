"""Does each article support, contradict, discuss or ignore a claim?

First version: relevance only. An article whose best sentence is close to the
claim in embedding space *discusses* it, with those sentences as evidence;
others are *unrelated*. Telling support from contradiction needs the stance
model of the across-sources work and is deliberately not guessed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from parallax.analyze.embed import load_embedder
from parallax.model import AnalyzedArticle, Span

__all__ = ["CheckResult", "Stance", "Verdict", "check_claim"]

Stance = Literal["supports", "contradicts", "discusses", "unrelated"]

# Cosine between a claim and a sentence above which the sentence is about the
# claim. all-MiniLM-L6-v2 puts paraphrases around 0.6-0.9 and same-topic
# sentences around 0.4-0.6; 0.45 keeps topical sentences as evidence.
RELATED = 0.45
MAX_EVIDENCE = 3


@dataclass(frozen=True, slots=True)
class Verdict:
    article: str
    stance: Stance
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, object]:
        return {"article": self.article, "stance": self.stance,
                "evidence": [{"start": s.start, "end": s.end, "text": s.text}
                             for s in self.evidence]}


@dataclass(frozen=True, slots=True)
class CheckResult:
    claim: str
    verdicts: tuple[Verdict, ...]

    def to_dict(self) -> dict[str, object]:
        return {"claim": self.claim, "verdicts": [v.to_dict() for v in self.verdicts]}


def check_claim(claim: str, analyzed: Sequence[AnalyzedArticle]) -> CheckResult:
    """One verdict per article, in article order."""
    vector = load_embedder().encode([claim])[0]
    verdicts: list[Verdict] = []
    for item in analyzed:
        if not item.sentences:
            verdicts.append(Verdict(item.id, "unrelated", ()))
            continue
        scores = np.asarray(item.embeddings) @ vector
        best = [int(i) for i in np.argsort(-scores)[:MAX_EVIDENCE] if scores[i] >= RELATED]
        evidence = tuple(item.article.span(item.sentences[i].start, item.sentences[i].end)
                         for i in sorted(best))
        verdicts.append(Verdict(item.id, "discusses" if evidence else "unrelated", evidence))
    return CheckResult(claim, tuple(verdicts))
