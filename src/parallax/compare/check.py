"""Does each article support, contradict, discuss or ignore a claim?

Each article's sentences are compared with the claim in MiniLM space; the
closest ones are its evidence, and the stance model of
``parallax.compare.stance`` (boosted trees trained on FNC-1, reading
similarity, word overlap, refuting and hedging cues, negation, number and
antonym mismatches around that evidence) picks one of the four stances.
An unrelated article cites no evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from parallax.analyze.vectors import prefetch
from parallax.compare.mismatch import read_mismatch, refine
from parallax.compare.stance import (
    Stance,
    claim_texts,
    decide,
    load_stance_model,
    pair_features,
)
from parallax.lang import LanguagePack, pack_for
from parallax.model import AnalyzedArticle, Span
from parallax.registry import registry

__all__ = ["CheckResult", "Stance", "Verdict", "check_claim", "judge"]

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
    prefetch([item.embeddings for item in analyzed],
             [(n, s) for n, item in enumerate(analyzed) for s in range(len(item.sentences))])
    claim_vectors = registry.get("embedders", "parallax.embed.minilm.v1")(threads=0).encode(
        claim_texts(claim))
    judged = iter(judge(claim, claim_vectors,
                        [([s.text for s in item.sentences], np.asarray(item.embeddings))
                         for item in analyzed if item.sentences],
                        [pack_for(item.article.document.language)
                         for item in analyzed if item.sentences]))
    verdicts = [_verdict(item, *next(judged)) if item.sentences
                else Verdict(item.id, "unrelated", ()) for item in analyzed]
    return CheckResult(claim, tuple(verdicts))


def judge(claim: str, claim_vectors: np.ndarray[Any, Any],
          texts: Sequence[tuple[Sequence[str], np.ndarray[Any, Any]]],
          packs: Sequence[LanguagePack] | None = None
          ) -> list[tuple[Stance, tuple[int, ...]]]:
    """Stance and evidence sentence indices for each text (its sentences and their vectors).

    ``claim_vectors`` embed :func:`parallax.compare.stance.claim_texts` of the claim;
    ``packs`` hold each text's language pack (English for all when not given).

    The model decides first, then a sentence that restates the claim with
    another figure, year or polarity overrides it (``parallax.compare.mismatch``).
    ``bench/check.py`` scores this very function.
    """
    if not texts:
        return []
    model = load_stance_model()
    langs = list(packs) if packs is not None else [pack_for(None)] * len(texts)
    found = [pair_features(claim, claim_vectors, sentences, vectors, lang)
             for (sentences, vectors), lang in zip(texts, langs, strict=True)]
    stances = decide(model.predict_proba(np.stack([f.values for f in found])), model.bias)
    results = []
    for (sentences, _), features, stance, lang in zip(texts, found, stances, langs,
                                                      strict=True):
        reading = read_mismatch(claim, sentences, features.similarities, lang)
        results.append(refine(stance, features.evidence_for(stance), reading))
    return results


def _verdict(item: AnalyzedArticle, stance: Stance, evidence: tuple[int, ...]) -> Verdict:
    return Verdict(item.id, stance, tuple(
        item.article.span(item.sentences[i].start, item.sentences[i].end) for i in evidence))
