"""Does each article support, contradict, discuss or ignore a claim?

``parallax check`` reads articles about the claim's own story, so every one
is on its topic; what matters is whether it states the claim's proposition.
Each sentence that states something is read against the claim as a
proposition (``parallax.compare.proposition.relate``: the same actors, words
and figures; then another figure, date, polarity or outcome contradicts, a
hedge, allegation or quotation only discusses), and the sentences that
decide the verdict are its evidence. An article none of whose sentences
states the proposition is *unrelated* and cites no evidence.

:func:`judge` also serves FNC-1's headline-body pairs (``bench/check.py``),
where a body may be about another story altogether: there the stance model
of ``parallax.compare.stance`` (boosted trees trained on FNC-1, reading
similarity, word overlap, refuting and hedging cues, negation, number and
antonym mismatches) decides, corrected by ``parallax.compare.mismatch``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from parallax.analyze.vectors import VectorStore
from parallax.compare.claims import is_claimable
from parallax.compare.mismatch import read_mismatch, refine
from parallax.compare.proposition import Relation, content_share, relate
from parallax.compare.stance import (
    Stance,
    claim_texts,
    decide,
    load_stance_model,
    pair_features,
)
from parallax.compare.verdict_reason import UNSTATED, explain
from parallax.lang import LanguagePack, pack_for
from parallax.model import AnalyzedArticle, CheckResult, Verdict
from parallax.options import DEFAULT_OPTIONS, CheckOptions
from parallax.registry import registry

__all__ = ["CheckResult", "Judged", "Stance", "Verdict", "check_claim", "judge"]

Judged = tuple[Stance, tuple[int, ...], str | None]
"""A text's stance on a claim, its evidence sentences' indices and the reason (or None)."""


def check_claim(claim: str, analyzed: Sequence[AnalyzedArticle],
                vectors: VectorStore | None = None, *,
                embedder: str = DEFAULT_OPTIONS.parts.embedder) -> CheckResult:
    """One verdict per article, in article order.

    ``vectors`` is the cache of the articles' sentence vectors when the caller
    holds one; by default the records' finished vectors, with the registered
    embedder named ``embedder`` computing any they lack (and the claim's).
    """
    model = registry.get("embedders", embedder)(threads=0)
    store = VectorStore.of(analyzed, model) if vectors is None else vectors
    store.ensure((n, s) for n, item in enumerate(analyzed) for s in range(len(item.sentences)))
    claim_vectors = model.encode(claim_texts(claim))
    texts = [([s.text for s in item.sentences], store.rows(n, range(len(item.sentences))))
             for n, item in enumerate(analyzed) if item.sentences]
    judged = iter(judge(claim, claim_vectors, texts,
                        [pack_for(item.article.document.language)
                         for item in analyzed if item.sentences], same_story=True))
    verdicts = [_verdict(item, *next(judged)) if item.sentences
                else Verdict(item.id, "unrelated", ()) for item in analyzed]
    return CheckResult(claim, tuple(verdicts))


def judge(claim: str, claim_vectors: np.ndarray[Any, Any],
          texts: Sequence[tuple[Sequence[str], np.ndarray[Any, Any]]],
          packs: Sequence[LanguagePack] | None = None, *, same_story: bool = False
          ) -> list[Judged]:
    """Stance, evidence sentence indices and reason for each text (its sentences and
    their vectors).

    ``claim_vectors`` embed :func:`parallax.compare.stance.claim_texts` of the claim;
    ``packs`` hold each text's language pack (English for all when not given).

    ``same_story``: the texts are reports of the claim's own story, as the
    articles given to ``parallax check`` are. Every text is then on the
    claim's topic, and what matters is whether it states the claim's
    proposition, so its sentences read as propositions decide
    (:func:`read_text`): a text that never states it does not address the
    claim and is *unrelated*. Otherwise (FNC-1's headline-body pairs, where
    a body may be about another story altogether and *discusses* means "on
    the topic") the stance model decides, then a sentence that restates the
    claim with another figure, year or polarity overrides it
    (``parallax.compare.mismatch``). ``bench/check.py`` scores this function
    on FNC-1, ``bench/realnews.py`` the same-story reading. The reason (what
    decided, in words: ``verdict_reason.explain``) is given by the same-story
    reading; the stance model's verdicts carry none.
    """
    if not texts:
        return []
    langs = list(packs) if packs is not None else [pack_for(None)] * len(texts)
    if same_story:
        claim_vector = np.asarray(claim_vectors[0], dtype=np.float32)
        return [read_text(claim, sentences, np.asarray(vectors, np.float32) @ claim_vector, lang)
                for (sentences, vectors), lang in zip(texts, langs, strict=True)]
    model = load_stance_model()
    found = [pair_features(claim, claim_vectors, sentences, vectors, lang)
             for (sentences, vectors), lang in zip(texts, langs, strict=True)]
    stances = decide(model.predict_proba(np.stack([f.values for f in found]),
                                         np.stack([f.pairing for f in found])), model.bias)
    results: list[Judged] = []
    for (sentences, _), features, stance, lang in zip(texts, found, stances, langs,
                                                      strict=True):
        reading = read_mismatch(claim, sentences, features.similarities, lang)
        refined, evidence = refine(stance, features.evidence_for(stance), reading)
        results.append((refined, evidence, None))
    return results


def read_text(claim: str, sentences: Sequence[str], sims: np.ndarray[Any, Any],
              lang: LanguagePack, *, options: CheckOptions = DEFAULT_OPTIONS.check
              ) -> Judged:
    """The stance the text's own sentences decide, read as propositions, with their
    indices and the reason of the first (``verdict_reason.explain``).

    Every sentence that states something (``compare.claims.is_claimable``: no
    heading, headline or question) and is near the claim
    (``proposition_cosine``) is related to it with
    :func:`parallax.compare.proposition.relate`. A sentence that states the
    claim and agrees on its figure, year or weekday decides *supports*; else
    one that states it with another figure, date, polarity or outcome decides
    *contradicts*; else one that states it plainly *supports*, one that hedges
    or alleges it *discusses*; *unrelated* when no sentence states the proposition.
    """
    # Clauses joined by a semicolon are propositions of their own: an article
    # may state one and not the other.
    parts = [claim, *(p for p in claim.split(";") if ";" in claim and p.strip())]
    related = [(i, relate(part, sentences[i], lang, cosine=float(sims[i]),
                          context=sentences[i - 1] if i else "", options=options))
               for i in range(len(sentences))
               if sims[i] >= options.proposition_cosine and is_claimable(sentences[i], lang=lang)
               for part in parts]
    # Evidence ranked by how much of what the claim says was done it carries,
    # how much of its words, and how close in meaning it is.
    related.sort(key=lambda item: -(content_share(claim, sentences[item[0]], lang)
                                    + item[1].alignment + float(sims[item[0]])))
    by_stance: dict[str, list[tuple[int, Relation]]] = {}
    for i, relation in related:
        key = ("supports+" if relation.stance == "supports" and relation.agreed
               else relation.stance)
        by_stance.setdefault(key, []).append((int(i), relation))
    for key, stance in (("supports+", "supports"), ("contradicts", "contradicts"),
                        ("supports", "supports"), ("discusses", "discusses")):
        if key in by_stance:
            chosen: Stance = stance  # type: ignore[assignment]
            first, relation = by_stance[key][0]
            evidence = by_stance[key][:options.evidence_sentences]
            return (chosen, tuple(sorted(i for i, _ in evidence)),
                    explain(relation, claim, sentences[first]))
    return "unrelated", (), UNSTATED


def _verdict(item: AnalyzedArticle, stance: Stance, evidence: tuple[int, ...],
             reason: str | None) -> Verdict:
    return Verdict(item.id, stance, tuple(
        item.article.span(item.sentences[i].start, item.sentences[i].end) for i in evidence),
        reason)
