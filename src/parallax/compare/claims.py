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
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from parallax.analyze.vectors import VectorStore
from parallax.compare.sources import count_sources
from parallax.datelines import without_dateline
from parallax.lang import LanguagePack, pack_for
from parallax.lang.en import ENGLISH
from parallax.model import AnalyzedArticle, Article, Claim, Span
from parallax.options import DEFAULT_OPTIONS, ClaimsOptions

if TYPE_CHECKING:
    from parallax.compare.same_fact import Voices

__all__ = [
    "NEGATION",
    "Pairs",
    "SentenceIndex",
    "align",
    "claim_candidates",
    "content_terms",
    "dots",
    "find_claims",
    "is_claimable",
    "sentence_index",
    "term_weights",
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


# Nouns by which a writer points ahead to what comes next ("The answer lies in
# the summer of 2023."): a short sentence opening on one states nothing itself.
_SIGNPOSTS = frozenset({"answer", "question", "reason", "truth", "point", "catch", "version",
                        "lesson", "irony", "twist", "upshot", "bottom"})
_SIGNPOST_WORDS = 10


def _signpost(text: str) -> bool:
    """A short sentence opening "The answer ...", "The short version: ...": a pointer."""
    words = text.split()
    head = [w.strip(":,").casefold() for w in words[:3]]
    return (len(words) <= _SIGNPOST_WORDS and bool(head) and head[0] == "the"
            and bool(_SIGNPOSTS & set(head[1:3])))


def is_claimable(text: str, min_words: int = DEFAULT_OPTIONS.claims.min_words,
                 lang: LanguagePack = ENGLISH) -> bool:
    """False for questions, headings, quotes that are only pleasantries, signposts and
    short lines.

    Headings and page furniture carry no terminal punctuation; questions ask
    rather than state; a sentence that is mostly a quote of courtesies states
    nothing a second source could confirm.
    """
    stripped = text.strip()
    if len(stripped.split()) < min_words or "?" in stripped[-3:]:
        return False
    if not _TERMINAL.search(stripped) or _signpost(stripped):
        return False
    quoted = "".join(_QUOTED.findall(stripped))
    if len(quoted) >= 0.6 * len(stripped):
        terms = [t for t in content_terms(quoted, lang) if not t.isdigit()]
        specific = [t for t in terms if t not in _PLEASANTRIES]
        return len(specific) >= max(3, len(terms) // 2)
    return True


# Cells of one block of a pairwise computation: 2^20 float32 cells are 4 MB,
# so comparing a story's sentences costs memory linear in their number
# (bench/robustness.py --index: 8,000 sentences grow the process by 114 MiB,
# against 1,252 MiB for the dense matrices), and blocks this big keep the
# products about as fast as one over everything.
_BLOCK_CELLS = 1 << 20


def dots(unit: np.ndarray[Any, Any], left: np.ndarray[Any, Any],
          right: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``unit[left] @ unit[right].T``, the same bits for a pair whichever others come along.

    A float32 product rounds its sums in the order the BLAS kernel picks for the
    shapes and the CPU (small-matrix kernels, blocking, vector width), so one
    pair asked for alone and in a block could differ in the last bit, and a
    threshold could then flip between runs. Summed in float64 and rounded once
    to float32, the order no longer shows.
    """
    wide_left = unit[left].astype(np.float64)
    wide_right = unit[right].astype(np.float64)
    return np.asarray((wide_left @ wide_right.T).astype(np.float32))


@dataclass(frozen=True, slots=True)
class Pairs:
    """Sentence pairs of different articles, as parallel arrays in row-major order.

    ``rows`` holds (i, j) with i < j; ``shared``, ``lexical``, ``cosine`` and
    ``score`` are each pair's values (see ``SentenceIndex``).
    """

    rows: np.ndarray[Any, Any]
    shared: np.ndarray[Any, Any]
    lexical: np.ndarray[Any, Any]
    cosine: np.ndarray[Any, Any]
    score: np.ndarray[Any, Any]

    def where(self, keep: np.ndarray[Any, Any]) -> Pairs:
        """The pairs for which ``keep`` (one flag per pair) is true, in order."""
        return Pairs(self.rows[keep], self.shared[keep], self.lexical[keep], self.cosine[keep],
                     self.score[keep])

    def involved(self, n: int) -> np.ndarray[Any, Any]:
        """Per row (of ``n``): whether it is a side of any pair."""
        found = np.zeros(n, dtype=bool)
        found[self.rows.ravel()] = True
        return found

    def partners(self, rows: Iterable[int]) -> list[int]:
        """Rows paired with any of ``rows``, ascending."""
        members = np.isin(self.rows, np.fromiter(rows, dtype=np.int64))
        found = np.concatenate([self.rows[members[:, 0], 1], self.rows[members[:, 1], 0]])
        return [int(row) for row in np.unique(found)]


@dataclass(frozen=True, slots=True)
class _Words:
    """Which weighed words each sentence holds: enough to compute the overlap of
    any two sentences without a matrix of every sentence and word, or of every pair.

    ``columns`` are each row's vocabulary ids (words of two sentences or more,
    ascending), ``postings`` each id's rows, ``weights`` each id's IDF and
    ``totals`` each row's IDF mass over all its words.
    """

    columns: tuple[np.ndarray[Any, Any], ...]
    postings: tuple[np.ndarray[Any, Any], ...]
    weights: np.ndarray[Any, Any]
    totals: np.ndarray[Any, Any]

    def shared(self, rows: np.ndarray[Any, Any], cols: np.ndarray[Any, Any]
               ) -> np.ndarray[Any, Any]:
        """IDF mass of the words each of ``rows`` shares with each of ``cols`` (float32).

        Weights are added word by word in vocabulary order, so a pair's value is
        the same whichever others are computed with it (the product of
        word-presence matrices this replaces summed blocks of the vocabulary
        apart, and could differ from it in the last bit).
        """
        distinct, back = np.unique(cols, return_inverse=True)
        out = np.zeros((len(rows), len(distinct)), dtype=np.float32)
        ids = [self.columns[r] for r in rows.tolist()]
        if not len(distinct) or not sum(len(c) for c in ids):
            return out[:, back]
        where = np.full(len(self.columns), -1, dtype=np.int64)
        where[distinct] = np.arange(len(distinct))
        flat = np.concatenate(ids)
        holders = np.repeat(np.arange(len(rows)), [len(c) for c in ids])
        order = np.argsort(flat, kind="stable")
        flat, holders = flat[order], holders[order]
        starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]])
        for term, block in zip(flat[starts].tolist(), np.split(holders, starts[1:]), strict=True):
            found = where[self.postings[term]]
            found = found[found >= 0]
            if len(found):
                out[np.ix_(block, found)] += self.weights[term]
        return out[:, back]

    def lexical(self, shared: np.ndarray[Any, Any], left: np.ndarray[Any, Any],
                right: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """IDF-weighted Dice overlap from ``shared`` of rows ``left`` and ``right``
        (broadcast as ``shared`` is)."""
        return np.asarray(2.0 * shared / np.maximum(self.totals[left] + self.totals[right], 1e-9))


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Every sentence of a corpus, and the pairs of them that may say the same thing.

    ``pairs`` are the sentence pairs of different articles whose shared words
    carry ``min_shared_weight`` (no other pair can ever match; keeping every
    pair cost memory in the square of the sentences, issue 12: one 5 MB
    article asked for 18 GB): ``cosine`` the embedding dot product (0 unless
    both are claim candidates), ``lexical`` the IDF-weighted Dice overlap of
    content terms, ``shared`` the IDF mass of the shared terms and ``score``
    what alignment ranks by. ``scores`` and ``cosines`` compute the same for
    any few rows. ``options`` are the ones it was built with, and the ones its
    matches are judged by; ``vectors`` is the sentence-vector cache the
    cosines came from, for stages that read more.
    """

    analyzed: tuple[AnalyzedArticle, ...]
    refs: tuple[Ref, ...]
    terms: tuple[frozenset[str], ...]
    idf: dict[str, float]
    pairs: Pairs
    options: ClaimsOptions
    vectors: VectorStore
    owner: np.ndarray[Any, Any]
    words: _Words
    unit: np.ndarray[Any, Any]
    """Vectors of the claim candidates, in row order."""
    position: np.ndarray[Any, Any]
    """Per row: its row in ``unit``, or -1."""
    matched: frozenset[tuple[int, int]]
    keys: np.ndarray[Any, Any]
    """``i * len(refs) + j`` of each pair (i, j), ascending as ``pairs`` are."""

    def row(self, ref: Ref) -> int:
        return self.refs.index(ref)

    def text(self, ref: Ref) -> str:
        return self.analyzed[ref[0]].sentences[ref[1]].text

    def span(self, ref: Ref) -> Span:
        sentence = self.analyzed[ref[0]].sentences[ref[1]]
        return self.analyzed[ref[0]].article.span(sentence.start, sentence.end)

    def matches(self) -> Pairs:
        """The pairs that pass ``is_match``, in row-major order."""
        return _matching(self.pairs, self.options)

    def is_match(self, i: int, j: int) -> bool:
        """Whether rows ``i`` and ``j`` say the same thing (score and guards)."""
        return (min(i, j), max(i, j)) in self.matched

    def _stored(self, left: np.ndarray[Any, Any], right: np.ndarray[Any, Any]
                ) -> np.ndarray[Any, Any]:
        """Per (left, right) row pair: its place in ``pairs``, or -1 when not kept."""
        n = len(self.refs)
        keys = (np.minimum(left[:, None], right[None, :]) * n
                + np.maximum(left[:, None], right[None, :]))
        at = np.minimum(np.searchsorted(self.keys, keys), max(0, len(self.keys) - 1))
        found = (self.keys[at] == keys) if len(self.keys) else np.zeros(keys.shape, dtype=bool)
        return np.where(found, at, -1)

    def _computed(self, left: np.ndarray[Any, Any], right: np.ndarray[Any, Any]
                  ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """(cosine, score) of rows ``left`` with rows ``right`` from the vectors and words."""
        at_left, at_right = self.position[left], self.position[right]
        cosine = np.zeros((len(left), len(right)), dtype=np.float32)
        li, ri = np.flatnonzero(at_left >= 0), np.flatnonzero(at_right >= 0)
        if len(li) and len(ri):
            cosine[np.ix_(li, ri)] = dots(self.unit, at_left[li], at_right[ri])
        lexical = self.words.lexical(self.words.shared(left, right), left[:, None],
                                     right[None, :])
        return cosine, np.asarray(cosine + self.options.lexical_weight * lexical)

    def _values(self, left: Sequence[int], right: Sequence[int], *, within_too: bool
                ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """(cosine, score, within one article) of rows ``left`` with rows ``right``.

        Pairs that align are kept pairs (they share the words); the others are
        computed, to the same bits: pairs within one article only ``within_too``.
        """
        lo, ro = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        within = self.owner[lo][:, None] == self.owner[ro][None, :]
        at = self._stored(lo, ro)
        if len(self.keys):
            cosine, score = self.pairs.cosine[at], self.pairs.score[at]
        else:  # no pair kept at all: every value is computed
            cosine = score = np.zeros(at.shape, dtype=np.float32)
        missing = (at < 0) & (within_too | ~within)
        if missing.any():
            computed = self._computed(lo, ro)
            cosine = np.where(missing, computed[0], cosine)
            score = np.where(missing, computed[1], score)
        return cosine, score, within

    def cosines(self, left: Sequence[int], right: Sequence[int]) -> np.ndarray[Any, Any]:
        """Cosines of rows ``left`` with rows ``right`` (0 unless both are candidates)."""
        return self._values(left, right, within_too=True)[0]

    def scores(self, rows: Sequence[int]) -> np.ndarray[Any, Any]:
        """``score`` among ``rows``; -inf for pairs within one article, the diagonal included."""
        _, score, within = self._values(rows, rows, within_too=False)
        return np.where(within, np.float32(-np.inf), score)

    def sentence_of(self, span: Span) -> Ref | None:
        """The sentence holding the start of ``span`` (by its cleaned offsets), or None
        when ``span`` is of no article of the index."""
        for position, item in enumerate(self.analyzed):
            if item.id == span.article and item.sentences:
                starts = [sentence.start for sentence in item.sentences]
                return position, max(0, bisect_right(starts, span.clean_start) - 1)
        return None

    def claimable(self, ref: Ref) -> bool:
        """``is_claimable`` of the sentence at ``ref``, by this index's options and the
        language pack of its article."""
        language = self.analyzed[ref[0]].article.document.language
        return is_claimable(self.text(ref), self.options.min_words, pack_for(language))


@dataclass(frozen=True, slots=True)
class _Lexical:
    """The word-overlap half of a ``SentenceIndex``, computable without any model
    (``pairs`` with cosines still 0)."""

    refs: tuple[Ref, ...]
    terms: tuple[frozenset[str], ...]
    idf: dict[str, float]
    owner: np.ndarray[Any, Any]
    words: _Words
    pairs: Pairs
    candidates: np.ndarray[Any, Any]


def _lexical(texts: Sequence[Sequence[str]], options: ClaimsOptions,
             packs: Sequence[LanguagePack] | None = None) -> _Lexical:
    """``packs``: each article's language pack (English for all when not given)."""
    return _lexical_of(tuple(tuple(group) for group in texts), options,
                       tuple(packs) if packs is not None else (ENGLISH,) * len(texts))


def _partners(words: _Words, owner: np.ndarray[Any, Any], min_shared: float) -> Pairs:
    """Pairs of rows of different articles sharing ``min_shared``, a block of rows at a time.

    Rows come in article order, so a block starting in article ``a`` is
    compared only with the rows after ``a``'s last.
    """
    n = len(owner)
    ends = np.searchsorted(owner, owner, side="right")
    found: list[np.ndarray[Any, Any]] = [np.zeros((0, 2), dtype=np.int64)]
    values: list[np.ndarray[Any, Any]] = [np.zeros(0, dtype=np.float32)]
    start = 0
    while start < n:
        first = int(ends[start])
        rows = np.arange(start, min(n, start + max(1, _BLOCK_CELLS // max(1, n - first))))
        start = int(rows[-1]) + 1
        if first < n:
            cols = np.arange(first, n)
            shared = words.shared(rows, cols)
            i, j = np.nonzero((shared >= min_shared) & (cols[None, :] >= ends[rows][:, None]))
            found.append(np.stack([rows[i], cols[j]], axis=1))
            values.append(shared[i, j])
    pairs, shared = np.concatenate(found), np.concatenate(values)
    lexical = words.lexical(shared, pairs[:, 0], pairs[:, 1])
    zeros = np.zeros(len(pairs), dtype=np.float32)
    return Pairs(pairs, shared, lexical, zeros, zeros)


# The briefing asks for the same corpus twice (which sentences to embed while
# parsing, then the alignment itself): keep the last result.
@lru_cache(maxsize=1)
def _lexical_of(texts: tuple[tuple[str, ...], ...], options: ClaimsOptions,
                packs: tuple[LanguagePack, ...]) -> _Lexical:
    """IDF-weighted overlaps of the sentence pairs that may align, and the rows that may.

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
    columns = tuple(np.array(sorted(vocab[t] for t in bag if t in vocab), dtype=np.int64)
                    for bag in terms)
    holders: list[list[int]] = [[] for _ in vocab]
    for row, ids in enumerate(columns):
        for k in ids.tolist():
            holders[k].append(row)
    words = _Words(columns, tuple(np.array(rows, dtype=np.int64) for rows in holders),
                   np.array([idf[t] for t in vocab], dtype=np.float32), totals)
    owner = np.array([a for a, _ in refs], dtype=np.int64)
    pairs = _partners(words, owner, options.min_shared_weight)
    claimable = np.array([is_claimable(texts[a][s], options.min_words, packs[a])
                          for a, s in refs], dtype=bool)
    both = claimable[pairs.rows[:, 0]] & claimable[pairs.rows[:, 1]]
    candidates = np.unique(pairs.rows[both].ravel())
    return _Lexical(refs, terms, idf, owner, words, pairs, candidates)


def term_weights(analyzed: Sequence[AnalyzedArticle], *,
                 options: ClaimsOptions = DEFAULT_OPTIONS.claims
                 ) -> tuple[dict[Ref, frozenset[str]], dict[str, float]]:
    """Each sentence's content terms and the story's IDF of them, names at
    ``name_weight``: the word weights claims align by, for other stages that
    compare one story's sentences by their words (the timeline)."""
    lex = _lexical([[s.text for s in item.sentences] for item in analyzed], options,
                   [pack_for(item.article.document.language) for item in analyzed])
    return dict(zip(lex.refs, lex.terms, strict=True)), lex.idf


def claim_candidates(texts: Sequence[Sequence[str]], *,
                     options: ClaimsOptions = DEFAULT_OPTIONS.claims) -> list[Ref]:
    """Sentences (per article, in order) that claims may use: the ones worth embedding."""
    lexical = _lexical(texts, options)
    return [lexical.refs[int(k)] for k in lexical.candidates]


def _matching(pairs: Pairs, options: ClaimsOptions) -> Pairs:
    """The ``pairs`` whose score and cosine pass (all of them share enough words)."""
    return pairs.where((pairs.score >= options.match_threshold)
                       & (pairs.cosine >= options.cosine_floor))


def _pair_cosines(unit: np.ndarray[Any, Any], position: np.ndarray[Any, Any],
                  rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The cosine of each pair of ``rows`` (0 unless both are candidates).

    A chunk of p pairs asks for at most p x p products, so chunks of the
    square root of a block keep each within one block; fewer, larger calls
    than a chunk per row, as the library's threads start once a call.
    """
    out = np.zeros(len(rows), dtype=np.float32)
    left, right = position[rows[:, 0]], position[rows[:, 1]]
    both = np.flatnonzero((left >= 0) & (right >= 0))
    step = math.isqrt(_BLOCK_CELLS)
    for start in range(0, len(both), step):
        chunk = both[start:start + step]
        firsts, at_first = np.unique(left[chunk], return_inverse=True)
        seconds, at_second = np.unique(right[chunk], return_inverse=True)
        out[chunk] = dots(unit, firsts, seconds)[at_first, at_second]
    return out


def sentence_index(analyzed: Sequence[AnalyzedArticle], vectors: VectorStore | None = None,
                   *, options: ClaimsOptions = DEFAULT_OPTIONS.claims) -> SentenceIndex:
    """The sentence pairs that may align, with their similarities, block by block.

    Cosines are computed only between claim candidates (see ``_lexical``);
    the rest are 0, which no threshold accepts. ``vectors`` is the cache of
    the articles' sentence vectors (by default their finished ones).
    """
    if vectors is None:
        vectors = VectorStore.of(analyzed)
    lex = _lexical([[s.text for s in item.sentences] for item in analyzed], options,
                   [pack_for(item.article.document.language) for item in analyzed])
    position = np.full(len(lex.refs), -1, dtype=np.int64)
    position[lex.candidates] = np.arange(len(lex.candidates))
    unit = vectors.stack([lex.refs[int(k)] for k in lex.candidates])
    cosine = _pair_cosines(unit, position, lex.pairs.rows)
    score = cosine + options.lexical_weight * lex.pairs.lexical
    pairs = Pairs(lex.pairs.rows, lex.pairs.shared, lex.pairs.lexical, cosine, score)
    matched = frozenset((i, j) for i, j in _matching(pairs, options).rows.tolist())
    return SentenceIndex(tuple(analyzed), lex.refs, lex.terms, lex.idf, pairs, options, vectors,
                         lex.owner, lex.words, unit, position, matched,
                         pairs.rows[:, 0] * len(lex.refs) + pairs.rows[:, 1])


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
    o = index.options
    matched = index.matches()
    if eligible is not None:
        allowed = np.asarray(eligible, dtype=bool)
        matched = matched.where(allowed[matched.rows[:, 0]] & allowed[matched.rows[:, 1]])
    order = np.argsort(-matched.score, kind="stable")
    clusters: list[list[int]] = []
    cores: list[frozenset[str]] = []
    weights: list[float] = []
    # The clusters holding each row: a pair can only join or confirm those, so
    # only they are visited (in order), not every cluster for every pair.
    holding: dict[int, list[int]] = {}
    for (i, j), shared in zip(matched.rows[order].tolist(), matched.shared[order].tolist(),
                              strict=True):
        placed = False
        for k in sorted({*holding.get(i, ()), *holding.get(j, ())}):
            members = clusters[k]
            if (i in members) == (j in members):
                placed = placed or i in members
                continue
            newcomer = j if i in members else i
            core = cores[k] & index.terms[newcomer]
            kept_weight = sum(index.idf[t] for t in core)
            if (index.refs[newcomer][0] in {index.refs[m][0] for m in members}
                    or kept_weight < max(o.min_shared_weight, o.core_retained * weights[k])
                    or index.cosines([newcomer], members).min() < o.cosine_floor):
                continue
            members.append(newcomer)
            holding.setdefault(newcomer, []).append(k)
            cores[k], weights[k] = core, kept_weight
            placed = True
        if not placed:
            holding.setdefault(i, []).append(len(clusters))
            holding.setdefault(j, []).append(len(clusters))
            clusters.append([i, j])
            cores.append(index.terms[i] & index.terms[j])
            weights.append(shared)
    return _distinct(index, clusters)


def _distinct(index: SentenceIndex, clusters: list[list[int]]) -> tuple[tuple[Ref, ...], ...]:
    """Drop clusters that mostly repeat a larger or tighter one, ordered by first sentence.

    Overlapping growth yields variants of one fact (the same hub sentence
    with different partners); a cluster sharing half or more of its members
    with one already kept adds no new fact.
    """
    def strength(rows: list[int]) -> tuple[int, float]:
        sub = index.scores(rows)
        return len(rows), float(sub[np.isfinite(sub)].mean())

    kept: list[set[int]] = []
    for rows in sorted(clusters, key=strength, reverse=True):
        if all(2 * len(set(rows) & other) < len(rows) for other in kept):
            kept.append(set(rows))
    ordered = sorted(sorted(rows) for rows in kept)
    return tuple(tuple(index.refs[r] for r in rows) for rows in ordered)


def medoid(index: SentenceIndex, refs: Sequence[Ref]) -> Ref:
    """The member most similar to the others; the shorter sentence wins ties."""
    sub = index.scores([index.row(r) for r in refs])
    totals = np.where(np.isfinite(sub), sub, 0.0).sum(axis=1)
    best = max(range(len(refs)), key=lambda k: (round(float(totals[k]), 6),
                                                  -len(index.text(refs[k]))))
    return refs[best]


def _position(index: SentenceIndex, refs: Sequence[Ref]) -> tuple[float, int]:
    """Earliest relative place in its article of any member, then article order."""
    return min((s / max(1, len(index.analyzed[a].sentences)), a) for a, s in refs)


_QUOTE_MARKS = re.compile("[\"\u201c\u201d]")


def _clean(text: str) -> bool:
    """Whether a sentence reads as a claim by itself: it opens on a capital, its
    quotation marks pair up and none opens on a gap left by removed markup (a
    link's text: 'said, \u201c [')."""
    marks = list(_QUOTE_MARKS.finditer(text))
    opening = [m for k, m in enumerate(marks)
               if m.group() == "\u201c" or (m.group() == '"' and k % 2 == 0)]
    letters = text.lstrip("\"\u201c\u2018' ")
    return (len(marks) % 2 == 0 and letters[:1].isupper()
            and not any(text[m.end():m.end() + 1].isspace() for m in opening))


def _spokesman(index: SentenceIndex, refs: Sequence[Ref]) -> Ref:
    """The member whose text the claim shows: the medoid, unless it reads badly
    (``_clean``) and another member does not."""
    best = medoid(index, refs)
    if _clean(without_dateline(index.text(best))):
        return best
    clean = [ref for ref in refs if _clean(without_dateline(index.text(ref)))]
    return medoid(index, clean) if len(clean) >= 2 else clean[0] if clean else best


def find_claims(analyzed: Sequence[AnalyzedArticle], index: SentenceIndex | None = None,
                vectors: VectorStore | None = None, *,
                options: ClaimsOptions = DEFAULT_OPTIONS.claims,
                voices: Voices | None = None) -> tuple[Claim, ...]:
    """Statements shared by two or more independent sources, best supported first.

    A member that does not match the sentence shown by itself, gives its
    figures otherwise, or denies what it asserts, is no support (``agreeing``),
    nor is one that gives another named person's words than the shown one's
    (``same_fact.said_by_another``; needs ``voices``).
    Claims that are one fact are shown once (``same_fact.one_per_fact``):
    ``voices``, the statements of each sentence (``same_fact.voices_of``), lets
    one camp's account found twice merge. ``index`` is ``sentence_index(analyzed,
    vectors, options=options)`` when the caller already has it (then its own
    options rule).
    """
    # Imported here: the agreement rules read figures and polarity through the
    # conflicts stage, which itself builds on this module's sentence index.
    from parallax.compare.agreement import agreeing
    from parallax.compare.same_fact import Told, one_per_fact, said_by_another

    if index is None:
        index = sentence_index(analyzed, vectors, options=options)
    eligible = [index.claimable(ref) for ref in index.refs]
    articles: dict[str, Article] = {item.id: item.article for item in analyzed}
    found: list[Told] = []
    rows = {ref: row for row, ref in enumerate(index.refs)}
    for cluster in align(index, eligible):
        shown = _spokesman(index, cluster)
        # Each support line must itself match the sentence shown: a cluster grows
        # through its members, and a member near another may state something else.
        direct = [ref for ref in cluster
                  if ref == shown or (index.is_match(rows[shown], rows[ref]) and not (
                      voices is not None and said_by_another(voices, shown, ref)))]
        refs = agreeing(index.text(shown), [(ref, index.text(ref)) for ref in direct])
        support = tuple(index.span(ref) for ref in refs)
        sources = count_sources(support, articles)
        if sources < 2:
            continue
        claim = Claim(without_dateline(index.text(shown)), support, sources)
        found.append(Told(claim, rows[shown], _position(index, refs)))
    kept = one_per_fact(index, found, articles, voices)
    return tuple(item.claim for item in sorted(kept, key=lambda item: (-item.claim.sources,
                                                                      item.position)))
