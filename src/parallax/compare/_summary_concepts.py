"""Word pairs as units of content: how likely a roundup is to repeat each one.

An editor's roundup of several outlets restates what they have in common, so
a word pair (bigram) that several outlets write, early in their articles and
often, is likely to be in it; one outlet's aside is not. Scoring *pairs*
rather than sentences lets the summary count each piece of content once: a
second outlet's sentence that repeats the first adds only its new pairs
(Gillick & Favre 2009 cover such concepts; Li et al. 2013 learn their
weights). The weights here are a logistic model over a few generic features
of each pair, trained by ``tools/train_summary.py`` and shipped as
``parallax/data/summary.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from parallax.errors import ModelError
from parallax.lang import LanguagePack
from parallax.lang.en import ENGLISH

__all__ = ["FEATURE_NAMES", "Bigram", "ConceptModel", "bigrams", "concept_features",
           "concept_values", "load_model"]

Bigram = tuple[str, str]

FEATURE_NAMES = (
    "bias",
    "several_articles",  # written by two articles or more
    "article_share",  # share of the articles that write it
    "in_titles",  # headlines that hold it (capped at 2)
    "early",  # exp(-(position of the earliest body sentence holding it) / 2)
    "stopwords_only",  # "of the": common, so often matched by chance
    "one_stopword",  # "the summit"
    "log_count",  # how often the story writes it
    "name",  # one of its words is written capitalised mid-sentence
    "word_share_min",  # the rarer content word's share of articles
    "word_share_mean",
    "number",  # holds a digit
    "word_early",  # ``early`` of each of its two words on its own, averaged
    "word_length",  # characters per word (long words are specific)
)
_CAPITALISED = re.compile(r"(?<=\S)\s+([A-Z][a-z]+)")
# Features of a trained model (tools/train_summary.py): not in ``parallax.options``, since a
# value here changes only together with a retrained model.
# "early" halves about every 1.4 sentences: news states its gist in the first
# one or two. Positions from _NEVER on (or none: headline only) count as never.
_EARLY_DECAY = 2.0
_NEVER = 20
_MAX_TITLES = 2


@dataclass(frozen=True, slots=True)
class ConceptModel:
    """Logistic weights, one per ``FEATURE_NAMES`` entry."""

    weights: npt.NDArray[np.float64]

    def probability(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.asarray(1.0 / (1.0 + np.exp(-(features @ self.weights))))


@dataclass(slots=True)
class _Seen:
    articles: set[int] = field(default_factory=set)
    titles: int = 0
    first: int = _NEVER
    count: int = 0
    name: bool = False


# A story repeats its words: stemming each spelling once halves the cost.
@lru_cache(maxsize=1 << 16)
def _stemmed(word: str, lang: LanguagePack) -> str:
    return lang.stem(word)


def _words(text: str, lang: LanguagePack) -> list[str]:
    return [_stemmed(word, lang) for word in lang.bare_word.findall(text.lower())]


def _early(position: int) -> float:
    return math.exp(-position / _EARLY_DECAY)


def bigrams(text: str, lang: LanguagePack = ENGLISH) -> frozenset[Bigram]:
    """The word pairs of ``text`` (lower-cased, crudely stemmed, stopwords kept)."""
    words = _words(text, lang)
    return frozenset(pairwise(words))


def concept_features(sentences: Sequence[Sequence[str]], titles: Sequence[bool],
                     packs: Sequence[LanguagePack] | None = None
                     ) -> tuple[list[Bigram], npt.NDArray[np.float64]]:
    """Every word pair of a story and its ``FEATURE_NAMES`` row.

    ``sentences`` holds each article's sentences; ``titles[a]`` says whether
    article ``a``'s first sentence is its headline (headlines are not body
    text: they do not count as the earliest sentence). ``packs[a]`` is article
    ``a``'s language pack (English for all when not given); a word is a
    stopword when it is one in any of them.
    """
    langs = list(packs) if packs is not None else [ENGLISH] * len(sentences)
    n = max(len(sentences), 1)
    seen: dict[Bigram, _Seen] = {}
    word_articles: dict[str, set[int]] = {}
    word_first: dict[str, int] = {}
    for a, group in enumerate(sentences):
        lang = langs[a]
        body = 0
        for s, text in enumerate(group):
            headline = s == 0 and titles[a]
            names = {_stemmed(w.lower(), lang) for w in _CAPITALISED.findall(text)}
            words = _words(text, lang)
            for word in words:
                word_articles.setdefault(word, set()).add(a)
                if not headline:
                    word_first[word] = min(word_first.get(word, _NEVER), body)
            for pair in pairwise(words):
                entry = seen.get(pair)
                if entry is None:
                    entry = seen[pair] = _Seen()
                entry.articles.add(a)
                entry.count += 1
                entry.name |= pair[0] in names or pair[1] in names
                if headline:
                    entry.titles += 1
                else:
                    entry.first = min(entry.first, body)
            body += not headline
    stop = frozenset().union(*(pack.stopwords() for pack in set(langs)))
    keys = list(seen)
    rows = np.zeros((len(keys), len(FEATURE_NAMES)))
    for row, pair in enumerate(keys):
        entry = seen[pair]
        content = [len(word_articles[w]) / n for w in pair if w not in stop] or [0.0]
        stops = sum(w in stop for w in pair)
        rows[row] = (1.0, len(entry.articles) >= 2, len(entry.articles) / n,
                     min(entry.titles, _MAX_TITLES), _early(entry.first),
                     stops == 2, stops == 1, math.log(entry.count), entry.name,
                     min(content), sum(content) / len(content),
                     any(c.isdigit() for c in pair[0] + pair[1]),
                     sum(_early(word_first.get(w, _NEVER)) for w in pair) / 2,
                     (len(pair[0]) + len(pair[1])) / 2)
    return keys, rows


def concept_values(sentences: Sequence[Sequence[str]], titles: Sequence[bool],
                   model: ConceptModel | None = None,
                   packs: Sequence[LanguagePack] | None = None) -> Mapping[Bigram, float]:
    """Each word pair of the story and the probability that a roundup repeats it
    (``packs``: each article's language pack, as in ``concept_features``)."""
    keys, rows = concept_features(sentences, titles, packs)
    if not keys:
        return {}
    return dict(zip(keys, (model or load_model()).probability(rows).tolist(), strict=True))


@cache
def load_model() -> ConceptModel:
    """The shipped weights (``parallax/data/summary.json``), loaded once per process."""
    text = resources.files("parallax").joinpath("data", "summary.json").read_text("utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ModelError("parallax/data/summary.json was trained on other features; retrain it "
                         "with tools/train_summary.py")
    return ConceptModel(np.asarray(data["weights"], dtype=np.float64))
