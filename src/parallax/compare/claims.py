"""Claims: statements that two or more independent sources make.

Sentences of different articles are aligned by meaning. Sentence embeddings
alone are a poor judge on news: every sentence about one summit sits at cosine
0.5-0.7 from every other, and a long sentence that *contains* the shared fact
scores lower than a topical neighbour. So a pair's score adds an IDF-weighted
overlap of content words (stems, numbers and a negation marker) to the cosine,
and a pair must share at least one specific word (the lexical guard) before it
may merge. Clusters hold at most one sentence per article and grow greedily
from the best pair down, so each article contributes its best match.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from parallax.analyze.vectors import VectorStore
from parallax.compare.sources import count_sources
from parallax.lang import LanguagePack, pack_for
from parallax.lang.en import ENGLISH
from parallax.model import AnalyzedArticle, Article, Claim, Span
from parallax.options import DEFAULT_OPTIONS, ClaimsOptions

__all__ = [
    "NEGATION",
    "SentenceIndex",
    "align",
    "claim_candidates",
    "content_terms",
    "find_claims",
    "is_claimable",
    "sentence_index",
]

Ref = tuple[int, int]
"""(article position in the input, sentence position in that article)."""

NEGATION = "<not>"
_TERMINAL = re.compile("[.!\u2026]['\"\u2019\u201d)\\]]*$")
_QUOTED = re.compile(r"[\"“](.+?)[\"”]")
# Words that make up pleasantries ("a great honour", "thank you"): a sentence
# that is mostly a quote made of these says nothing checkable.
_PLEASANTRIES = frozenset({
    "thank", "thanks", "great", "honor", "honour", "pleasure", "wonderful", "good", "nice",
    "beautiful", "friend", "friendship", "happy", "love", "welcome", "congratulat", "amaz",
    "fantastic", "excellent", "terrific", "glad", "delight", "warm", "hope", "success",
    "successful", "tremendous", "incredible", "special", "relationship", "lot", "really",
})

def _tokens(text: str, lang: LanguagePack) -> list[tuple[str, bool]]:
    """(term, written capitalised inside the sentence) for each content word."""
    stop = lang.stopwords()
    tokens: list[tuple[str, bool]] = []
    for position, raw in enumerate(lang.word.findall(text)):
        word = raw.casefold().replace("\u2019", "'")
        if word in lang.negators or word.endswith(lang.negating_suffixes):
            tokens.append((NEGATION, False))
        elif word not in stop and (len(word) > 1 or word.isdigit()):
            tokens.append((lang.stem(word), position > 0 and raw[0].isupper()))
    return tokens


# Conflicts and claims ask for the same sentences' (and words') terms once per
# pair; bounded, so a long-running process does not grow.
@lru_cache(maxsize=1 << 16)
def content_terms(text: str, lang: LanguagePack = ENGLISH) -> tuple[str, ...]:
    """Stems of the content words of ``text`` in order; negators become ``NEGATION``.

    Crude suffix stripping is enough here: both sides of a comparison go
    through the same function, and it runs without a parser.
    """
    return tuple(term for term, _ in _tokens(text, lang))


def is_claimable(text: str, min_words: int = DEFAULT_OPTIONS.claims.min_words,
                 lang: LanguagePack = ENGLISH) -> bool:
    """False for questions, headings, quotes that are only pleasantries, and short lines.

    Headings and page furniture carry no terminal punctuation; questions ask
    rather than state; a sentence that is mostly a quote of courtesies states
    nothing a second source could confirm.
    """
    stripped = text.strip()
    if len(stripped.split()) < min_words or "?" in stripped[-3:]:
        return False
    if not _TERMINAL.search(stripped):
        return False
    quoted = "".join(_QUOTED.findall(stripped))
    if len(quoted) >= 0.6 * len(stripped):
        terms = [t for t in content_terms(quoted, lang) if not t.isdigit()]
        specific = [t for t in terms if t not in _PLEASANTRIES]
        return len(specific) >= max(3, len(terms) // 2)
    return True


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Every sentence of a corpus and its pairwise similarity to every other.

    ``cosine`` is the embedding dot product, ``lexical`` the IDF-weighted Dice
    overlap of content terms, ``shared`` the IDF mass of the shared terms and
    ``score`` what alignment ranks by. Rows follow ``refs``; pairs within one
    article are set to -inf in ``score`` so they never align. ``options`` are
    the ones it was built with, and the ones its matches are judged by;
    ``vectors`` is the sentence-vector cache the cosines came from, for stages
    that read more.
    """

    analyzed: tuple[AnalyzedArticle, ...]
    refs: tuple[Ref, ...]
    terms: tuple[frozenset[str], ...]
    idf: dict[str, float]
    cosine: np.ndarray[Any, Any]
    lexical: np.ndarray[Any, Any]
    shared: np.ndarray[Any, Any]
    score: np.ndarray[Any, Any]
    options: ClaimsOptions
    vectors: VectorStore

    def row(self, ref: Ref) -> int:
        return self.refs.index(ref)

    def text(self, ref: Ref) -> str:
        return self.analyzed[ref[0]].sentences[ref[1]].text

    def span(self, ref: Ref) -> Span:
        sentence = self.analyzed[ref[0]].sentences[ref[1]]
        return self.analyzed[ref[0]].article.span(sentence.start, sentence.end)

    def matches(self) -> np.ndarray[Any, Any]:
        """``is_match`` for every pair at once, as a boolean matrix."""
        o = self.options
        mask = (self.score >= o.match_threshold) & (self.cosine >= o.cosine_floor)
        return np.asarray(mask & (self.shared >= o.min_shared_weight))

    def is_match(self, i: int, j: int) -> bool:
        """Whether rows ``i`` and ``j`` say the same thing (score and guards)."""
        o = self.options
        return bool(self.score[i, j] >= o.match_threshold and self.cosine[i, j] >= o.cosine_floor
                    and self.shared[i, j] >= o.min_shared_weight)

    def claimable(self, ref: Ref) -> bool:
        """``is_claimable`` of the sentence at ``ref``, by this index's options and the
        language pack of its article."""
        language = self.analyzed[ref[0]].article.document.language
        return is_claimable(self.text(ref), self.options.min_words, pack_for(language))


@dataclass(frozen=True, slots=True)
class _Lexical:
    """The word-overlap half of a ``SentenceIndex``, computable without any model."""

    refs: tuple[Ref, ...]
    terms: tuple[frozenset[str], ...]
    idf: dict[str, float]
    shared: np.ndarray[Any, Any]
    lexical: np.ndarray[Any, Any]
    owner: np.ndarray[Any, Any]
    candidates: np.ndarray[Any, Any]


def _lexical(texts: Sequence[Sequence[str]], options: ClaimsOptions,
             packs: Sequence[LanguagePack] | None = None) -> _Lexical:
    """``packs``: each article's language pack (English for all when not given)."""
    return _lexical_of(tuple(tuple(group) for group in texts), options,
                       tuple(packs) if packs is not None else (ENGLISH,) * len(texts))


# The briefing asks for the same corpus twice (which sentences to embed while
# parsing, then the alignment itself): keep the last result.
@lru_cache(maxsize=1)
def _lexical_of(texts: tuple[tuple[str, ...], ...], options: ClaimsOptions,
                packs: tuple[LanguagePack, ...]) -> _Lexical:
    """IDF-weighted overlaps of every sentence pair, and the rows that may align.

    A candidate is a claimable sentence sharing at least ``min_shared_weight``
    with a claimable sentence of another article: any other sentence can never
    align, so it needs no embedding. This keeps the embedding cost proportional
    to what claims can use.
    """
    refs = tuple((a, s) for a, group in enumerate(texts) for s in range(len(group)))
    tokens = [_tokens(texts[a][s], packs[a]) for a, s in refs]
    terms = tuple(frozenset(term for term, _ in bag) for bag in tokens)
    n = len(refs)
    df = Counter(t for bag in terms for t in bag)
    capitalised = Counter(term for bag in tokens for term, upper in bag if upper)
    lowercase = Counter(term for bag in tokens for term, upper in bag if not upper)
    # IDF over sentences, scaled to 1 for a word found in two sentences so
    # weights mean the same in a 10-sentence test and a 2000-sentence corpus:
    # words every sentence of the story uses ("summit") weigh least. Names
    # (written capitalised mid-sentence more often than not) say who, not
    # what happened, and a story repeats them everywhere: ``name_weight``.
    scale = math.log((2 + n) / 2)
    idf = {
        t: math.log((2 + n) / (1 + c)) / scale
        * (options.name_weight if capitalised[t] > lowercase[t] else 1.0)
        for t, c in df.items()
    }
    totals = np.array([sum(idf[t] for t in bag) for bag in terms], dtype=np.float32)
    vocab = {t: k for k, t in enumerate(t for t, c in df.items() if c > 1)}
    present = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, bag in enumerate(terms):
        for t in bag:
            if t in vocab:
                present[row, vocab[t]] = 1.0
    weights = np.array([idf[t] for t in vocab], dtype=np.float32)
    shared = (present * weights) @ present.T
    lexical = 2.0 * shared / np.maximum(totals[:, None] + totals[None, :], 1e-9)
    owner = np.array([a for a, _ in refs], dtype=np.int64)
    claimable = np.array([is_claimable(texts[a][s], options.min_words, packs[a])
                          for a, s in refs], dtype=bool)
    partnered = (shared >= options.min_shared_weight) & (owner[:, None] != owner[None, :])
    partnered &= claimable[None, :]
    candidates = np.flatnonzero(partnered.any(axis=1) & claimable)
    return _Lexical(refs, terms, idf, shared, lexical, owner, candidates)


def claim_candidates(texts: Sequence[Sequence[str]], *,
                     options: ClaimsOptions = DEFAULT_OPTIONS.claims) -> list[Ref]:
    """Sentences (per article, in order) that claims may use: the ones worth embedding."""
    lexical = _lexical(texts, options)
    return [lexical.refs[int(k)] for k in lexical.candidates]


def sentence_index(analyzed: Sequence[AnalyzedArticle], vectors: VectorStore | None = None,
                   *, options: ClaimsOptions = DEFAULT_OPTIONS.claims) -> SentenceIndex:
    """Pairwise similarities of all sentences, vectorised (one matrix product each).

    Cosines are computed only between claim candidates (see ``_lexical``);
    the rest are 0, which no threshold accepts. ``vectors`` is the cache of
    the articles' sentence vectors (by default their finished ones).
    """
    if vectors is None:
        vectors = VectorStore.of(analyzed)
    lex = _lexical([[s.text for s in item.sentences] for item in analyzed], options,
                   [pack_for(item.article.document.language) for item in analyzed])
    n = len(lex.refs)
    cosine = np.zeros((n, n), dtype=np.float32)
    if len(lex.candidates):
        wanted = [lex.refs[int(k)] for k in lex.candidates]
        rows = vectors.stack(wanted)
        cosine[np.ix_(lex.candidates, lex.candidates)] = rows @ rows.T
    score = cosine + options.lexical_weight * lex.lexical
    score[lex.owner[:, None] == lex.owner[None, :]] = -np.inf
    return SentenceIndex(tuple(analyzed), lex.refs, lex.terms, lex.idf, cosine, lex.lexical,
                         lex.shared, score, options, vectors)


def align(
    index: SentenceIndex, eligible: Sequence[bool] | None = None
) -> tuple[tuple[Ref, ...], ...]:
    """Clusters of sentences that say the same thing, at most one per article.

    Matching pairs are taken from the best score down. A pair joins a cluster
    holding one of its sentences when the cluster's *core* (the content words
    all members share) keeps enough weight with the newcomer and every member
    clears the cosine floor with it; otherwise it starts a cluster. A sentence
    may sit in several clusters: news sentences often state two facts ("the
    summit ended early without an agreement") and each may be confirmed by a
    different sentence elsewhere. Clusters contained in another are dropped.
    ``eligible`` (one flag per row) leaves rows out entirely.
    """
    n = len(index.refs)
    o = index.options
    allowed = np.ones(n, dtype=bool) if eligible is None else np.asarray(eligible, dtype=bool)
    mask = index.matches() & allowed[:, None] & allowed[None, :]
    pairs = np.argwhere(np.triu(mask, k=1))
    order = np.argsort(-index.score[pairs[:, 0], pairs[:, 1]], kind="stable")
    clusters: list[list[int]] = []
    cores: list[frozenset[str]] = []
    weights: list[float] = []
    for i, j in pairs[order].tolist():
        placed = False
        for k, members in enumerate(clusters):
            if (i in members) == (j in members):
                placed = placed or i in members
                continue
            newcomer = j if i in members else i
            core = cores[k] & index.terms[newcomer]
            kept_weight = sum(index.idf[t] for t in core)
            if (index.refs[newcomer][0] in {index.refs[m][0] for m in members}
                    or kept_weight < max(o.min_shared_weight, o.core_retained * weights[k])
                    or index.cosine[newcomer, members].min() < o.cosine_floor):
                continue
            members.append(newcomer)
            cores[k], weights[k] = core, kept_weight
            placed = True
        if not placed:
            clusters.append([i, j])
            cores.append(index.terms[i] & index.terms[j])
            weights.append(float(index.shared[i, j]))
    return _distinct(index, clusters)


def _distinct(index: SentenceIndex, clusters: list[list[int]]) -> tuple[tuple[Ref, ...], ...]:
    """Drop clusters that mostly repeat a larger or tighter one, ordered by first sentence.

    Overlapping growth yields variants of one fact (the same hub sentence
    with different partners); a cluster sharing half or more of its members
    with one already kept adds no new fact.
    """
    def strength(rows: list[int]) -> tuple[int, float]:
        sub = index.score[np.ix_(rows, rows)]
        return len(rows), float(sub[np.isfinite(sub)].mean())

    kept: list[set[int]] = []
    for rows in sorted(clusters, key=strength, reverse=True):
        if all(2 * len(set(rows) & other) < len(rows) for other in kept):
            kept.append(set(rows))
    ordered = sorted(sorted(rows) for rows in kept)
    return tuple(tuple(index.refs[r] for r in rows) for rows in ordered)


def medoid(index: SentenceIndex, refs: Sequence[Ref]) -> Ref:
    """The member most similar to the others; the shorter sentence wins ties."""
    rows = [index.row(r) for r in refs]
    sub = index.score[np.ix_(rows, rows)]
    totals = np.where(np.isfinite(sub), sub, 0.0).sum(axis=1)
    best = max(range(len(refs)), key=lambda k: (round(float(totals[k]), 6),
                                                  -len(index.text(refs[k]))))
    return refs[best]


def _position(index: SentenceIndex, refs: Sequence[Ref]) -> tuple[float, int]:
    """Earliest relative place in its article of any member, then article order."""
    return min((s / max(1, len(index.analyzed[a].sentences)), a) for a, s in refs)


def find_claims(analyzed: Sequence[AnalyzedArticle], index: SentenceIndex | None = None,
                vectors: VectorStore | None = None, *,
                options: ClaimsOptions = DEFAULT_OPTIONS.claims) -> tuple[Claim, ...]:
    """Statements shared by two or more independent sources, best supported first.

    ``index`` is ``sentence_index(analyzed, vectors, options=options)`` when
    the caller already has it (then its own options rule).
    """
    if index is None:
        index = sentence_index(analyzed, vectors, options=options)
    eligible = [index.claimable(ref) for ref in index.refs]
    articles: dict[str, Article] = {item.id: item.article for item in analyzed}
    found: list[tuple[int, tuple[float, int], Claim]] = []
    for refs in align(index, eligible):
        support = tuple(index.span(ref) for ref in refs)
        sources = count_sources(support, articles)
        if sources < 2:
            continue
        claim = Claim(index.text(medoid(index, refs)), support, sources)
        found.append((sources, _position(index, refs), claim))
    found.sort(key=lambda item: (-item[0], item[1]))
    return tuple(claim for _, _, claim in found)
