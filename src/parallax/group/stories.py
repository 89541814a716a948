"""Group articles into stories, incrementally.

Two articles' similarity is

    cosine(lead vectors) + terms * cosine(term vectors)
                         + names * cosine(name vectors)

where term and name vectors are hashed TF-IDF over the article's words and
numbers and over the capitalised names of its opening: the lead vector says
what kind of event it is, the terms and names say which one, so two fires in
two towns part even when their leads read alike. A group's similarity to
another is the average over their member pairs (average link), which is a dot
product of the groups' summed vectors divided by their sizes, so a story is
compared without keeping its members. Time separates stories too: each day
between two groups' windows costs ``day_penalty`` (up to ``penalty_days``
days), so the same topic on another day is another story unless the articles
share enough specific names and terms to pay for it (a week-later analysis of
the same talks, naming the same people, still joins), and groups more than
``max_gap`` days apart never merge. A follow-up published while coverage
continues extends the story's window.

Similar is not enough for two groups of two or more articles: the articles of
one event share its places, people and numbers, so two groups whose average
term-and-name similarity (their "detail") falls below ``cohesion`` times the
lower of their own internal detail averages are two events of one kind (two
earthquakes, two arrests of footballers), however alike their leads read.
A group's internal average comes from its summed vectors too (the squared
length of a sum is the sum over its member pairs plus the members' own).

Articles arrive in batches of at most ``batch`` (publication order). A batch is
clustered by average link among itself, each of its clusters then joins the
existing story it is most similar to (or starts one) when the average
similarity reaches ``threshold``, and finally every story the batch touched
may merge into an older one it now reaches. Nothing else is regrouped, so
earlier ids and assignments stay put, and memory grows with the batch size and
the number of stories, never with pairs of articles.

The names in ``code`` are the fields of ``GroupOptions`` (``parallax.options``),
where each value's reason and benchmark are kept.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS
from parallax.group.features import Encoder, StoryFeatures, story_features
from parallax.group.identity import fingerprint
from parallax.group.state import NAME_DIMENSIONS, TERM_DIMENSIONS, StoryGroup, StoryState
from parallax.model import Article, Story
from parallax.options import DEFAULT_OPTIONS, GroupOptions

__all__ = [
    "add_features",
    "group_articles",
    "group_stories",
]

Matrix = np.ndarray[Any, Any]


@dataclass(slots=True)
class _Sums:
    """Summed channel vectors of groups (one row each), their sizes and day windows."""

    lead: Matrix
    terms: Matrix
    names: Matrix
    sizes: Matrix
    first: list[int | None]
    last: list[int | None]

    def similarity(self, other: _Sums, options: GroupOptions, detail: Matrix | None = None
                   ) -> Matrix:
        """Average-link similarity of every row here to every row of ``other``.

        ``detail`` is ``self.detail(other, options)`` when the caller has it already.
        """
        specifics = self.detail(other, options) if detail is None else detail
        average: Matrix = (self.lead @ other.lead.T) / np.outer(self.sizes, other.sizes)
        return average + specifics

    def detail(self, other: _Sums, options: GroupOptions) -> Matrix:
        """The terms' and names' share of ``similarity``: how far two rows agree on specifics."""
        dots = (options.terms * (self.terms @ other.terms.T)
                + options.names * (self.names @ other.names.T))
        average: Matrix = dots / np.outer(self.sizes, other.sizes)
        return average

    def cohesion(self, options: GroupOptions) -> Matrix:
        """Each row's average ``detail`` between two of its own members; NaN for one article.

        The sum over a row's member pairs is its summed vector's squared length
        less the members' own (1 each: every member is taken to have terms and
        names; one without makes the estimate, and so the test, more lenient).
        """
        sizes = self.sizes.astype(np.float64)
        own = (options.terms * (np.einsum("ij,ij->i", self.terms, self.terms) - sizes)
               + options.names * (np.einsum("ij,ij->i", self.names, self.names) - sizes))
        with np.errstate(invalid="ignore", divide="ignore"):
            cohesion: Matrix = np.where(sizes > 1, own / (sizes * (sizes - 1)), np.nan)
        return cohesion

    def gaps(self, other: _Sums) -> Matrix:
        """Days between every row's window and every row of ``other`` (0 when unknown)."""
        first, last = _days(self.first), _days(self.last)
        other_first, other_last = _days(other.first), _days(other.last)
        with np.errstate(invalid="ignore"):
            apart = np.maximum(other_first[None, :] - last[:, None],
                               first[:, None] - other_last[None, :])
        gaps: Matrix = np.nan_to_num(np.maximum(apart, 0.0), nan=0.0)
        return gaps

    def linked(self, other: _Sums, options: GroupOptions, cohesion: Matrix) -> Matrix:
        """``similarity`` less the time penalty; minus infinity beyond ``max_gap`` or apart.

        ``cohesion`` is ``other.cohesion(options)``, passed in so callers can keep it.
        """
        detail = self.detail(other, options)
        linked = _dated(self.similarity(other, options, detail), self.gaps(other), options)
        apart = _apart(detail, self.cohesion(options), cohesion, options)
        linked[apart] = -np.inf
        return linked


def _days(days: Sequence[int | None]) -> Matrix:
    return np.array([np.nan if d is None else d for d in days], dtype=np.float64)


def _dated(similarity: Matrix, gaps: Matrix, options: GroupOptions) -> Matrix:
    penalised: Matrix = similarity - options.day_penalty * np.minimum(gaps, options.penalty_days)
    penalised[gaps > options.max_gap] = -np.inf
    return penalised


def _apart(detail: Matrix, rows: Matrix, columns: Matrix, options: GroupOptions) -> Matrix:
    """Where two groups agree on specifics much less than each agrees within itself.

    Two earthquakes, or two arrests, read alike in their leads; what tells them
    apart is that each story's articles share their places, people and numbers
    with one another and not with the other story's. So a pair whose ``detail``
    falls below ``options.cohesion`` times the lower of the two groups' own
    ``cohesion`` stays apart. Only groups of two or more articles have a
    cohesion to compare with (NaN compares false: one-article groups pass).
    """
    floor = options.cohesion * np.minimum(rows[:, None], columns[None, :])
    with np.errstate(invalid="ignore"):
        apart: Matrix = detail < floor
    return apart


def _hashed(weights: Iterable[tuple[str, float]], size: int) -> Matrix:
    """L2-normalised signed feature hashing of (key, weight) pairs."""
    vector = np.zeros(size, dtype=np.float32)
    for key, weight in weights:
        code = zlib.crc32(key.encode())
        vector[(code >> 1) % size] += weight if code & 1 else -weight
    norm = float(np.linalg.norm(vector))
    normalised: Matrix = vector / norm if norm else vector
    return normalised


def _idf(seen: int, count: int) -> float:
    return math.log(1.0 + seen / max(1, count))


def _batch_sums(items: Sequence[StoryFeatures], seen: int, names: dict[str, int],
                terms: dict[str, int]) -> _Sums:
    """Each article as a group of one; IDF from the document frequencies given."""
    lead = np.stack([np.asarray(i.vector, dtype=np.float32) for i in items])
    term_rows = [_hashed(((t, (1.0 + math.log(c)) * _idf(seen, terms.get(t, 1)))
                          for t, c in i.terms), TERM_DIMENSIONS) for i in items]
    name_rows = [_hashed(((n, _idf(seen, names.get(n, 1))) for n in i.names), NAME_DIMENSIONS)
                 for i in items]
    days = [i.day for i in items]
    return _Sums(lead, np.stack(term_rows), np.stack(name_rows),
                 np.ones(len(items), dtype=np.float32), days, list(days))


def _average_link(sums: _Sums, options: GroupOptions) -> list[list[int]]:
    """Clusters of a batch: merge the most similar allowed pair while it reaches the threshold.

    Lance-Williams update of the average-link matrix; the time-window test is
    redone for a merged row only, since only its window changed.
    """
    count = len(sums.first)
    detail = sums.detail(sums, options)
    similarity = sums.similarity(sums, options, detail)
    cohesion = sums.cohesion(options)
    allowed = _dated(similarity, sums.gaps(sums), options)
    np.fill_diagonal(allowed, -np.inf)
    members = [[i] for i in range(count)]
    sizes = sums.sizes.astype(np.float64)
    first, last = list(sums.first), list(sums.last)
    while count > 1:
        flat = int(np.argmax(allowed))
        keep, gone = divmod(flat, len(members))
        if allowed[keep, gone] < options.threshold:
            break
        if gone < keep:
            keep, gone = gone, keep
        total = sizes[keep] + sizes[gone]
        similarity[keep] = (sizes[keep] * similarity[keep] + sizes[gone] * similarity[gone]) / total
        similarity[:, keep] = similarity[keep]
        detail[keep] = (sizes[keep] * detail[keep] + sizes[gone] * detail[gone]) / total
        detail[:, keep] = detail[keep]
        sizes[keep] = total
        members[keep] += members[gone]
        cohesion[keep] = _cluster_row(sums, members[keep]).cohesion(options)[0]
        members[gone] = []
        first[keep] = _earliest(first[keep], first[gone])
        last[keep] = _latest(last[keep], last[gone])
        window = _Sums(sums.lead[:1], sums.terms[:1], sums.names[:1], sums.sizes[:1],
                       [first[keep]], [last[keep]])
        gaps = window.gaps(_Sums(sums.lead, sums.terms, sums.names, sums.sizes, first, last))
        row = _dated(similarity[keep][None, :], gaps, options)[0]
        row[_apart(detail[keep][None, :], cohesion[keep:keep + 1], cohesion, options)[0]] = -np.inf
        row[[i for i, m in enumerate(members) if not m or i == keep]] = -np.inf
        allowed[keep], allowed[:, keep] = row, row
        allowed[gone], allowed[:, gone] = -np.inf, -np.inf
        count -= 1
    clusters = [m for m in members if m]
    clusters.sort(key=lambda m: min(m))
    return clusters


def _earliest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _rows(vectors: Sequence[Matrix], width: int) -> Matrix:
    return np.stack(vectors) if vectors else np.zeros((0, width), dtype=np.float32)


class _Stories:
    """Mutable working copy of a ``StoryState`` while one batch is added."""

    def __init__(self, state: StoryState, options: GroupOptions) -> None:
        groups = state.groups
        self.groups = list(groups)
        self.sums = _Sums(
            _rows([g.total for g in groups], DIMENSIONS),
            _rows([g.terms for g in groups], TERM_DIMENSIONS),
            _rows([g.names for g in groups], NAME_DIMENSIONS),
            np.array([g.size for g in groups], dtype=np.float32),
            [g.first for g in groups], [g.last for g in groups])
        self.alive = [True] * len(groups)
        self.options = options
        self.cohesion = self.sums.cohesion(options)

    def best(self, row: _Sums, options: GroupOptions, candidates: int) -> int | None:
        """The live story among the first ``candidates`` that ``row`` joins, if any."""
        if not candidates:
            return None
        head = self._head(candidates)
        scores = row.linked(head, options, self.cohesion[:candidates])[0]
        scores[[i for i in range(candidates) if not self.alive[i]]] = -np.inf
        best = int(np.argmax(scores))
        return best if scores[best] >= options.threshold else None

    def _head(self, count: int) -> _Sums:
        s = self.sums
        return _Sums(s.lead[:count], s.terms[:count], s.names[:count], s.sizes[:count],
                     s.first[:count], s.last[:count])

    def row(self, index: int) -> _Sums:
        s = self.sums
        return _Sums(s.lead[index:index + 1], s.terms[index:index + 1],
                     s.names[index:index + 1], s.sizes[index:index + 1],
                     s.first[index:index + 1], s.last[index:index + 1])

    def join(self, index: int, row: _Sums, articles: Sequence[str]) -> None:
        s = self.sums
        s.lead[index] += row.lead[0]
        s.terms[index] += row.terms[0]
        s.names[index] += row.names[0]
        s.sizes[index] += row.sizes[0]
        s.first[index] = _earliest(s.first[index], row.first[0])
        s.last[index] = _latest(s.last[index], row.last[0])
        self.cohesion[index] = self.row(index).cohesion(self.options)[0]
        group = self.groups[index]
        self.groups[index] = StoryGroup(group.id, group.title, group.total, group.terms,
                                        group.names, group.first, group.last,
                                        (*group.articles, *articles))

    def append(self, story_id: str, title: str, row: _Sums, articles: Sequence[str]) -> int:
        s = self.sums
        s.lead = np.concatenate([s.lead, row.lead])
        s.terms = np.concatenate([s.terms, row.terms])
        s.names = np.concatenate([s.names, row.names])
        s.sizes = np.concatenate([s.sizes, row.sizes])
        s.first.append(row.first[0])
        s.last.append(row.last[0])
        self.cohesion = np.append(self.cohesion, row.cohesion(self.options))
        empty = np.zeros(0)
        self.groups.append(StoryGroup(story_id, title, empty, empty, empty, None, None,
                                      tuple(articles)))
        self.alive.append(True)
        return len(self.groups) - 1

    def merge(self, keep: int, gone: int) -> None:
        self.join(keep, self.row(gone), self.groups[gone].articles)
        self.alive[gone] = False

    def frozen(self) -> tuple[StoryGroup, ...]:
        s = self.sums
        return tuple(
            StoryGroup(g.id, g.title, s.lead[i].astype(np.float32), s.terms[i].astype(np.float32),
                       s.names[i].astype(np.float32), s.first[i], s.last[i], g.articles)
            for i, g in enumerate(self.groups) if self.alive[i])


def _cluster_row(sums: _Sums, members: Sequence[int]) -> _Sums:
    days = [day for day in (sums.first[m] for m in members) if day is not None]
    return _Sums(sums.lead[members].sum(axis=0, keepdims=True),
                 sums.terms[members].sum(axis=0, keepdims=True),
                 sums.names[members].sum(axis=0, keepdims=True),
                 np.array([len(members)], dtype=np.float32),
                 [min(days) if days else None], [max(days) if days else None])


def _add_batch(state: StoryState, items: Sequence[StoryFeatures], options: GroupOptions
               ) -> StoryState:
    names, terms = dict(state.frequency), dict(state.term_frequency)
    for item in items:
        for name in item.names:
            names[name] = names.get(name, 0) + 1
        for term, _ in item.terms:
            terms[term] = terms.get(term, 0) + 1
    seen = state.seen + len(items)
    sums = _batch_sums(items, seen, names, terms)
    stories = _Stories(state, options)
    existing, next_id = len(state.groups), state.next_id
    touched = []
    for members in _average_link(sums, options):
        row = _cluster_row(sums, members)
        ids = [items[m].id for m in members]
        best = stories.best(row, options, existing)
        if best is None:
            titled = [items[m] for m in members if items[m].titled]
            best = stories.append(f"s{next_id}", (titled or [items[members[0]]])[0].title, row,
                                  ids)
            next_id += 1
        else:
            stories.join(best, row, ids)
        touched.append(best)
    for index in sorted(set(touched), reverse=True):
        if stories.alive[index] and index > 0:
            older = stories.best(stories.row(index), options, index)
            if older is not None:
                stories.merge(older, index)
    return StoryState(stories.frozen(), names, terms, seen, next_id, state.fingerprints)


def _batches(items: Iterable[StoryFeatures], size: int) -> Iterator[list[StoryFeatures]]:
    batch: list[StoryFeatures] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def add_features(features: Iterable[StoryFeatures], state: StoryState | None = None, *,
                 options: GroupOptions = DEFAULT_OPTIONS.group,
                 tick: Callable[[], None] | None = None) -> StoryState:
    """``state`` with the articles of ``features`` grouped in (ones it knows are skipped).

    Within a batch, articles are ordered by publication day (undated last,
    input order within a day), so the result does not depend on file order.
    ``tick`` is called once per article: at once for one the state knows,
    when its batch is grouped for the others.
    """
    current = state or StoryState()
    known = set(current.assignment())
    for chunk in _batches(_unknown(features, known, tick), options.batch):
        fresh = list({f.id: f for f in chunk}.values())
        fresh.sort(key=lambda f: (f.day is None, f.day or 0))
        current = _add_batch(current, fresh, options)
        known.update(f.id for f in fresh)
        if tick:
            for _ in chunk:
                tick()
    return current


def _unknown(features: Iterable[StoryFeatures], known: set[str],
             tick: Callable[[], None] | None) -> Iterator[StoryFeatures]:
    """The features of articles not in ``known``; ``tick`` for each one that is."""
    for item in features:
        if item.id not in known:
            yield item
        elif tick:
            tick()


def group_articles(articles: Iterable[Article], state: StoryState | None = None,
                   encode: Encoder | None = None, *,
                   options: GroupOptions = DEFAULT_OPTIONS.group,
                   embedder: str = DEFAULT_OPTIONS.parts.embedder,
                   tick: Callable[[], None] | None = None) -> StoryState:
    """Group cleaned articles, continuing from ``state`` when given.

    Lead vectors come from ``encode``, else from the registered ``embedder``.
    The state records the fingerprint of each article it adds
    (``parallax.group.identity``); ``tick`` is ``add_features``'.
    An article whose id ``state`` knows is skipped: ``identity.recognise``
    renames first the ones that are another article under a known id.
    """
    given = tuple(articles)
    before = set(state.assignment()) if state else set()
    grouped = add_features(story_features(given, encode, embedder=embedder), state,
                           options=options, tick=tick)
    added = {a.id: fingerprint(a) for a in given if a.id not in before}
    return replace(grouped, fingerprints={**grouped.fingerprints, **added})


def group_stories(articles: Sequence[Article], encode: Encoder | None = None, *,
                  options: GroupOptions = DEFAULT_OPTIONS.group) -> tuple[Story, ...]:
    """Stories of ``articles``, largest first; every article belongs to exactly one."""
    if not articles:
        return ()
    return group_articles(articles, encode=encode, options=options).stories()
