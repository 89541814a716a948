"""Stance of a text towards a claim: features and the shipped boosted-tree model.

Whether an article *discusses* a claim is a matter of similarity; whether it
*supports* or *contradicts* it is carried by a few words near the sentences
that talk about it: refuting words ("hoax", "denied", "false"), hedges
("reportedly", "unconfirmed"), negations, numbers that differ, words of
opposite meaning. So the features are measured on the evidence sentences (the
ones closest to the claim in MiniLM space) as well as on the whole body, and
a gradient-boosted tree ensemble trained on FNC-1 (``tools/train_stance.py``)
turns them into four probabilities. Word lists miss how a sentence states
what it states ("it appears the cat survived" against "the cat survived"),
so a linear head on the MiniLM vectors of the claim, the sentence closest to
it and the text's centroid (their products and differences) gives the trees
four more inputs: its scores per stance. Training and ``parallax check`` both
call :func:`pair_features` and :func:`head_inputs`, so they cannot drift; the
model file records the feature version it was trained on and loading refuses
a mismatch.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS
from parallax.errors import ModelError
from parallax.lang import LanguagePack
from parallax.lang.en import ENGLISH
from parallax.model import Stance
from parallax.options import DEFAULT_OPTIONS, CheckOptions

__all__ = [
    "FEATURE_NAMES",
    "FEATURE_VERSION",
    "HEAD_FEATURES",
    "LABELS",
    "PairFeatures",
    "Stance",
    "StanceModel",
    "claim_texts",
    "decide",
    "head_inputs",
    "hedged",
    "load_stance_model",
    "pair_features",
]

FEATURE_VERSION = "stance-features/3"
# Order of the model's outputs; FNC-1 agree/disagree/discuss/unrelated.
LABELS: tuple[Stance, ...] = ("supports", "contradicts", "discusses", "unrelated")
REFUTED = "It is false that {claim}: the story is a hoax and it was denied."
HEDGED = "It is reported, but not confirmed, that {claim}."

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Cue lexicons: small, general English word lists (not fitted to any data set).
_REFUTING = _lexicon("""
fake fakes faked fraud hoax hoaxes false falsely deny denies denied denial denying debunk
debunked debunks debunking bogus prank pranks retract retracts retracted retraction untrue
misleading fabricated fabrication baseless unfounded satire satirical refute refutes refuted
rebut rebuts rebutted dismiss dismisses dismissed myth scam incorrect wrong nonsense rubbish
lie lies lying disputes disputed contradicts contradicted doctored photoshopped hoaxer hoaxers
suspicious suspicion suspicions skeptical sceptical skepticism scepticism falsehood
misinformation disinformation unsubstantiated staged parody spoof fictional phony phoney sham
forged forgery
""")
_HEDGING = _lexicon("""
reportedly allegedly alleged alleges purportedly purported supposedly apparently
rumor rumors rumour rumours rumored rumoured unconfirmed unverified speculation speculated
speculate may might could possibly perhaps likely unlikely claim claims claimed claiming
suggests suggest suggested appears appear seems seem believed unclear whether if
""")
# Attribution is not doubt ("the coastguard said it was a hoax"), but articles
# that only discuss a claim lean on it, so it is counted on its own.
_ATTRIBUTION = _lexicon("say says said saying told tells according report reports reported")
_CONFIRMING = _lexicon("""
confirm confirms confirmed confirmation official officially announced announces announce
revealed reveals verified proof proves proved true indeed actually
""")
_ANTONYMS = (
    ("alive", "dead"), ("alive", "died"), ("alive", "killed"), ("true", "false"),
    ("real", "fake"), ("real", "hoax"), ("confirm", "deny"), ("confirmed", "denied"),
    ("win", "lose"), ("won", "lost"), ("increase", "decrease"), ("rise", "fall"),
    ("accept", "reject"), ("accepted", "rejected"), ("guilty", "innocent"),
    ("open", "closed"), ("found", "missing"), ("arrested", "released"), ("safe", "killed"),
    ("married", "divorced"), ("approve", "reject"), ("approved", "rejected"),
    ("legal", "illegal"), ("start", "end"), ("more", "less"), ("support", "oppose"),
    ("agree", "disagree"), ("success", "failure"), ("survived", "died"), ("exists", "myth"),
)
_OPPOSITE = {word: frozenset(b if a == word else a for a, b in _ANTONYMS if word in (a, b))
             for pair in _ANTONYMS for word in pair}
_STOP = _lexicon("""
a an the and or but of to in on at by for with from as is are was were be been being it its
this that these those he she they we you i his her their our your my me him them us who whom
which what when where why how than then there here so such do does did has have had will would
shall should can about into over after before up down out off just also very more most
""")

FEATURE_NAMES = (
    "sim_top1", "sim_top3", "sim_lead", "sim_mean", "sim_gap", "share_sim_05",
    "best_position", "overlap_body", "overlap_top1", "overlap_top3", "bigram_overlap_body",
    "claim_refute", "claim_hedge", "claim_negation", "claim_question", "claim_confirm",
    "ev_refute", "ev_hedge", "ev_negation", "ev_confirm", "ev_quote",
    "win_refute", "win_hedge", "win_negation",
    "body_refute", "body_hedge", "body_negation", "body_confirm", "body_question",
    "negation_mismatch", "antonym_ev", "antonym_body",
    "claim_numbers", "numbers_missing_ev", "numbers_missing_body", "numbers_conflict",
    "body_sentences",
    "refute_sim", "hedge_sim", "negation_sim", "confirm_sim", "lead_refute", "lead_hedge",
    "related_refute", "ev_attribution", "body_attribution",
    "refuted_gap_ev", "refuted_gap_body", "refuted_top", "hedged_gap_ev", "hedged_top",
    # stance-features/3: the best sentence's own cues, the share of the sentences
    # about the claim carrying each cue, how many sentences are about it at all.
    "sim_second", "sentences_sim_06", "sentences_sim_07", "sim_centroid",
    "best_refute", "best_hedge", "best_negation", "best_confirm", "best_attribution",
    "best_quote", "best_question",
    "related_hedge", "related_negation", "related_confirm", "related_attribution",
    "related_quote", "related_count", "body_quote", "overlap_lead", "claim_words",
)
# The trees read FEATURE_NAMES, then the linear head's score for each label.
HEAD_FEATURES = tuple(f"head_{label}" for label in LABELS)


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """One claim-text pair: the feature row and the sentences it was read from.

    ``evidence`` holds the sentences closest to the claim, best first: of the
    ``evidence_sentences`` the features read, those within ``related_margin`` of
    the best (``CheckOptions``). ``cues``
    holds the closest sentence carrying a refuting, hedging or confirming
    word, by stance it points to, which is what a reader wants to see next to
    a verdict.
    """

    values: np.ndarray[Any, Any]
    evidence: tuple[int, ...]
    cues: dict[Stance, int] = field(default_factory=dict)
    # Each sentence's cosine to the claim, for readers of the same text (check's
    # figure and polarity reading).
    similarities: np.ndarray[Any, Any] = field(
        default_factory=lambda: np.zeros(0, dtype=np.float32))
    # The claim's vector, the closest sentence's and the text's normalised
    # centroid (3 x 384, zeros for an empty text): what the linear head reads.
    pairing: np.ndarray[Any, Any] = field(
        default_factory=lambda: np.zeros((3, DIMENSIONS), dtype=np.float32))

    def evidence_for(self, stance: Stance, limit: int = DEFAULT_OPTIONS.check.evidence_sentences
                     ) -> tuple[int, ...]:
        """The sentences behind ``stance``, in text order: the closest to the claim, and
        the closest one carrying that stance's cue when there is one (``limit`` in all)."""
        if stance == "unrelated" or not self.evidence:
            return ()
        cue = self.cues.get(stance)
        if cue is None or cue in self.evidence:
            return tuple(sorted(self.evidence))
        return tuple(sorted({*self.evidence[:limit - 1], cue}))


@dataclass(frozen=True, slots=True)
class _Cues:
    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    refute: int
    hedge: int
    negation: int
    confirm: int
    attribution: int
    words: frozenset[str]
    quote: bool
    question: bool


# Bounded: a claim is checked against the same sentences many times (and
# training reads each body for many claims), but a long process must not grow.
@lru_cache(maxsize=1 << 15)
def _cues(text: str, lang: LanguagePack) -> _Cues:
    lowered = text.lower().replace("\u2019", "'")
    words = lang.cue_word.findall(lowered)
    negation = lang.negators | lang.negated_forms
    content = [lang.stance_stem(w) for w in words if w not in _STOP and w not in negation]
    return _Cues(
        content=frozenset(content),
        bigrams=frozenset(itertools.pairwise(content)),
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
        refute=sum(w in _REFUTING for w in words),
        hedge=sum(w in _HEDGING for w in words),
        negation=sum(w in negation for w in words),
        confirm=sum(w in _CONFIRMING for w in words),
        attribution=sum(w in _ATTRIBUTION for w in words),
        words=frozenset(words),
        quote=any(q in text for q in ('"', "\u201c", "\u201d")),
        question="?" in text,
    )


def hedged(text: str, lang: LanguagePack = ENGLISH) -> bool:
    """Whether ``text`` hedges ("reportedly", "may", "suggests"): it reports, not asserts."""
    return _cues(text, lang).hedge > 0


def _share(part: frozenset[Any], whole: frozenset[Any]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _antonyms(claim: frozenset[str], other: frozenset[str]) -> int:
    """Words of the claim with an opposite that the other text uses (and the claim does not)."""
    return sum(bool(_OPPOSITE[w] & other - claim) for w in claim & _OPPOSITE.keys())


def claim_texts(claim: str) -> list[str]:
    """The claim, then the claim wrapped as refuted and as hedged: embed all three.

    A sentence that calls the claim a hoax sits closer to the refuted wording
    than to the bare claim, one that only reports it closer to the hedged one;
    the gaps are features (a zero-shot stand-in for an entailment model).
    """
    return [claim, REFUTED.format(claim=claim), HEDGED.format(claim=claim)]


def pair_features(claim: str, claim_vectors: np.ndarray[Any, Any], sentences: Sequence[str],
                  vectors: np.ndarray[Any, Any], lang: LanguagePack = ENGLISH, *,
                  options: CheckOptions = DEFAULT_OPTIONS.check) -> PairFeatures:
    """Features of a claim against a text's sentences.

    ``claim_vectors`` are the embeddings of :func:`claim_texts` (one row each),
    ``vectors`` those of the sentences; all L2-normalised. The evidence is the
    sentences most similar to the claim, best first.
    """
    count = len(sentences)
    if count == 0:
        return PairFeatures(np.zeros(len(FEATURE_NAMES), dtype=np.float64), ())
    against = np.asarray(vectors, dtype=np.float32) @ np.asarray(claim_vectors, np.float32).T
    sims = against[:, 0]
    refuted, hedged = against[:, 1] - sims, against[:, 2] - sims
    order = np.argsort(-sims, kind="stable")
    top = [int(i) for i in order[:options.evidence_sentences]]
    best = top[0]
    window = range(max(0, best - 1), min(count, best + 2))
    c = _cues(claim, lang)
    per = [_cues(s, lang) for s in sentences]
    body_content = frozenset().union(*(p.content for p in per))
    body_bigrams = frozenset().union(*(p.bigrams for p in per))
    body_words = frozenset().union(*(p.words for p in per))
    body_numbers = frozenset().union(*(p.numbers for p in per))
    ev = [per[i] for i in top]
    ev_words = frozenset().union(*(p.words for p in ev))
    ev_numbers = frozenset().union(*(p.numbers for p in ev))
    ev_negation = sum(p.negation for p in ev)

    def ratio(values: Sequence[int]) -> float:
        return sum(values) / len(values)

    def closest(counts: Sequence[int]) -> int | None:
        """The sentence closest to the claim among those carrying a cue."""
        return max((i for i, n in enumerate(counts) if n), key=lambda i: sims[i], default=None)

    def cue_sim(counts: Sequence[int]) -> float:
        """How close to the claim the closest sentence carrying a cue is (0: none does)."""
        found = closest(counts)
        return 0.0 if found is None else float(sims[found])

    centroid = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    centroid /= float(np.linalg.norm(centroid)) or 1.0
    refutes = [p.refute for p in per]
    near = [i for i in range(count) if sims[i] >= sims[best] - options.related_margin]
    related = [refutes[i] for i in near]

    row = [
        float(sims[best]), float(sims[top].mean()), float(sims[0]), float(sims.mean()),
        float(sims[best] - sims.mean()), float((sims >= 0.5).mean()),
        best / count,
        _share(c.content, body_content), _share(c.content, per[best].content),
        _share(c.content, frozenset().union(*(p.content for p in ev))),
        _share(c.bigrams, body_bigrams),
        float(c.refute), float(c.hedge), float(c.negation), float(c.question), float(c.confirm),
        ratio([p.refute for p in ev]), ratio([p.hedge for p in ev]),
        ratio([p.negation for p in ev]), ratio([p.confirm for p in ev]),
        ratio([int(p.quote) for p in ev]),
        ratio([per[i].refute for i in window]), ratio([per[i].hedge for i in window]),
        ratio([per[i].negation for i in window]),
        ratio([p.refute for p in per]), ratio([p.hedge for p in per]),
        ratio([p.negation for p in per]), ratio([p.confirm for p in per]),
        ratio([int(p.question) for p in per]),
        float((c.negation > 0) != (ev_negation > 0)),
        float(_antonyms(c.words, ev_words)), float(_antonyms(c.words, body_words)),
        float(len(c.numbers)),
        1.0 - _share(c.numbers, ev_numbers) if c.numbers else 0.0,
        1.0 - _share(c.numbers, body_numbers) if c.numbers else 0.0,
        float(bool(c.numbers) and bool(ev_numbers) and not c.numbers & ev_numbers),
        float(np.log1p(count)),
        cue_sim(refutes), cue_sim([p.hedge for p in per]), cue_sim([p.negation for p in per]),
        cue_sim([p.confirm for p in per]), ratio(refutes[:2]), ratio([p.hedge for p in per[:2]]),
        ratio([int(n > 0) for n in related]),
        ratio([p.attribution for p in ev]), ratio([p.attribution for p in per]),
        float(refuted[top].max()), float(refuted.max()), float(against[:, 1].max()),
        float(hedged[top].max()), float(against[:, 2].max()),
        float(sims[order[1]]) if count > 1 else 0.0,
        float(np.log1p((sims >= 0.6).sum())), float(np.log1p((sims >= 0.7).sum())),
        float(centroid @ np.asarray(claim_vectors[0], np.float32)),
        float(per[best].refute), float(per[best].hedge), float(per[best].negation),
        float(per[best].confirm), float(per[best].attribution), float(per[best].quote),
        float(per[best].question),
        *(ratio([int(getattr(per[i], cue) > 0) for i in near])
          for cue in ("hedge", "negation", "confirm", "attribution", "quote")),
        float(np.log1p(len(near))), ratio([int(p.quote) for p in per]),
        _share(c.content, frozenset().union(*(p.content for p in per[:2]))),
        float(np.log1p(len(c.content))),
    ]
    carriers: tuple[tuple[Stance, int | None], ...] = (
        ("contradicts", closest(refutes)), ("discusses", closest([p.hedge for p in per])),
        ("supports", closest([p.confirm for p in per])))
    cues = {stance: index for stance, index in carriers if index is not None}
    evidence = tuple(i for i in top if i in near)
    pairing = np.stack([np.asarray(claim_vectors[0], np.float32),
                        np.asarray(vectors[best], np.float32), centroid])
    return PairFeatures(np.asarray(row, dtype=np.float64), evidence, cues, sims, pairing)


def head_inputs(pairings: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The linear head's input per pair, from ``PairFeatures.pairing`` rows (n x 3 x 384).

    Claim times sentence and their distance say whether the sentence states
    what the claim states; the sentence and the centroid alone carry how the
    text speaks (reporting, asserting, debunking); claim times centroid how
    much of the text is about the claim.
    """
    p = np.asarray(pairings, dtype=np.float32).reshape(-1, 3, DIMENSIONS)
    claim, sentence, centroid = p[:, 0], p[:, 1], p[:, 2]
    return np.hstack([claim * sentence, np.abs(claim - sentence), sentence, centroid,
                      claim * centroid])


class StanceModel:
    """A linear head, then gradient-boosted regression trees, evaluated in NumPy.

    The head's weights (one row per label over :func:`head_inputs`) and
    intercepts give four scores that are appended to the feature row. Each
    tree is stored as flat arrays (feature, threshold, left, right, value;
    a leaf has ``left == -1``); a row's score for a label is the baseline plus
    the sum of its leaves, and a softmax over labels gives probabilities.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        if spec.get("feature_version") != FEATURE_VERSION:
            raise ModelError(f"stance model was trained on {spec.get('feature_version')!r} "
                             f"features, the code computes {FEATURE_VERSION!r}: retrain it "
                             "with tools/train_stance.py")
        if (tuple(spec["labels"]) != LABELS
                or tuple(spec["features"]) != FEATURE_NAMES + HEAD_FEATURES):
            raise ModelError("stance model labels or feature names do not match the code")
        self.spec = spec
        self._head = np.asarray(spec["head"]["weights"], dtype=np.float64)
        self._intercept = np.asarray(spec["head"]["intercept"], dtype=np.float64)
        self._baseline = np.asarray(spec["baseline"], dtype=np.float64)
        self._trees = [[{k: np.asarray(v) for k, v in tree.items()} for tree in per_label]
                       for per_label in spec["trees"]]
        self.bias = np.asarray(spec["bias"], dtype=np.float64)

    def head_scores(self, pairings: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """The linear head's score per label for each pair (``PairFeatures.pairing`` rows)."""
        scores: np.ndarray[Any, Any] = head_inputs(pairings) @ self._head.T + self._intercept
        return scores

    def predict_proba(self, rows: np.ndarray[Any, Any], pairings: np.ndarray[Any, Any]
                      ) -> np.ndarray[Any, Any]:
        """One probability row (in ``LABELS`` order) per feature row and its pairing."""
        x = np.hstack([np.atleast_2d(np.asarray(rows, dtype=np.float64)),
                       self.head_scores(pairings)])
        raw = np.tile(self._baseline, (len(x), 1))
        for label, trees in enumerate(self._trees):
            for tree in trees:
                raw[:, label] += _leaf_values(tree, x)
        raw -= raw.max(axis=1, keepdims=True)
        expd = np.exp(raw)
        probs: np.ndarray[Any, Any] = expd / expd.sum(axis=1, keepdims=True)
        # A text without sentences states nothing (its pairing has no sentence):
        # unrelated, whatever the head and trees make of inputs they never saw.
        empty = ~np.asarray(pairings).reshape(len(x), 3, -1)[:, 1].any(axis=1)
        probs[empty] = np.eye(len(LABELS))[LABELS.index("unrelated")]
        return probs


def decide(probs: np.ndarray[Any, Any], bias: np.ndarray[Any, Any]) -> list[Stance]:
    """Labels from probabilities, each label's log-probability shifted by its bias.

    The biases are chosen in training by cross-validation to trade a little
    accuracy on the frequent stances for recall on the rare ones.
    """
    return [LABELS[i] for i in np.argmax(np.log(np.asarray(probs) + 1e-12) + bias, axis=1)]


def _leaf_values(tree: dict[str, np.ndarray[Any, Any]], x: np.ndarray[Any, Any]) -> Any:
    node = np.zeros(len(x), dtype=np.int64)
    rows = np.arange(len(x))
    while True:
        left = tree["left"][node]
        inner = left >= 0
        if not inner.any():
            return tree["value"][node]
        go_left = x[rows, tree["feature"][node]] <= tree["threshold"][node]
        node = np.where(inner, np.where(go_left, left, tree["right"][node]), node)


@cache
def load_stance_model() -> StanceModel:
    """The shipped model (``parallax/data/stance.json``), loaded once per process."""
    try:
        text = resources.files("parallax").joinpath("data", "stance.json").read_text("utf-8")
    except OSError as exc:
        raise ModelError(f"stance model missing: {exc}") from exc
    return StanceModel(json.loads(text))
