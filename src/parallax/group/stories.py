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
the number of live stories, never with pairs of articles.

What a new cluster is compared with is bounded, so a long crawl costs about
the same per article as a short one. The live stories sit in matrices that
grow by doubling, and a batch's clusters are scored against them in one
product (a story a cluster joined is scored again for the clusters after
it, so the result is that of comparing them one by one). After each batch,
a story whose last day is more than ``retire`` days before the newest day
seen, and has not grown for ``retire_articles`` articles, retires: it leaves
the matrices and keeps its id, title, window and articles in the state
(``StoryGroup.retired``). A pile or a store of fewer articles than that
never retires a story. An article dated within
``retire - max_gap`` days of the newest is then more than ``max_gap`` days
after the retired story and could not have joined it anyway, so for a crawl
in roughly date order this changes nothing; an article further back in time
than that can no longer join it. An undated article is
taken to be current: it is compared with the live stories only, and a story
of undated articles alone retires ``retire_articles`` articles after it last
grew. Beyond ``candidates`` live stories, each cluster is compared
only with a shortlist of them found by an inverted index of rare names
(``parallax.group.blocking``).

The names in ``code`` are the fields of ``GroupOptions`` (``parallax.options``),
where each value's reason and benchmark are kept.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS
from parallax.group.blocking import NameIndex
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


def _stack(rows: Sequence[_Sums]) -> _Sums:
    """One ``_Sums`` of the rows of several (the clusters of a batch, side by side)."""
    return _Sums(np.concatenate([r.lead for r in rows]), np.concatenate([r.terms for r in rows]),
                 np.concatenate([r.names for r in rows]), np.concatenate([r.sizes for r in rows]),
                 [d for r in rows for d in r.first], [d for r in rows for d in r.last])


class _Stories:
    """The stories while batches are added: live ones in growable matrices, retired ones aside.

    Row ``i`` of the matrices is a live story; rows keep creation order (a
    retired or merged-away row is dropped by ``retire``, between batches), so
    "older than row ``i``" is "before it". ``ranks`` is each story's place in
    ``StoryState.groups``, where retired and live stories are put back in
    creation order. ``grown`` is the count of articles seen when each story
    last grew (for a story loaded from a state: when it was loaded).
    """

    def __init__(self, state: StoryState, options: GroupOptions) -> None:
        self.options = options
        self.names, self.terms = dict(state.frequency), dict(state.term_frequency)
        self.seen, self.next_id = state.seen, state.next_id
        self.newest = max((g.last for g in state.groups if g.last is not None), default=None)
        self.ranks: list[int] = []
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.members: list[list[str]] = []
        self.alive: list[bool] = []
        self.grown: list[int] = []
        self.count = 0
        self._lead = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self._terms = np.zeros((0, TERM_DIMENSIONS), dtype=np.float32)
        self._names = np.zeros((0, NAME_DIMENSIONS), dtype=np.float32)
        self._sizes = np.zeros(0, dtype=np.float32)
        self._cohesion = np.zeros(0, dtype=np.float64)
        self.first: list[int | None] = []
        self.last: list[int | None] = []
        live = [(rank, g) for rank, g in enumerate(state.groups) if not g.retired]
        self.retired: list[tuple[int, StoryGroup]] = [
            (rank, g) for rank, g in enumerate(state.groups) if g.retired]
        self._reserve(len(live))
        for rank, group in live:
            row = _Sums(group.total[None, :], group.terms[None, :], group.names[None, :],
                        np.array([group.size], dtype=np.float32), [group.first], [group.last])
            self._add_row(rank, group.id, group.title, row, list(group.articles))
        self.rank = len(state.groups)

    @property
    def sums(self) -> _Sums:
        """The live stories' rows (views: valid until the next ``append``)."""
        n = self.count
        return _Sums(self._lead[:n], self._terms[:n], self._names[:n], self._sizes[:n],
                     self.first, self.last)

    @property
    def cohesion(self) -> Matrix:
        return self._cohesion[:self.count]

    def _reserve(self, rows: int) -> None:
        """Room for ``rows`` more rows, doubling the matrices when full (appends stay cheap)."""
        need = self.count + rows
        if need <= len(self._sizes):
            return
        size = max(need, 2 * len(self._sizes), 16)

        def grown(matrix: Matrix) -> Matrix:
            bigger = np.zeros((size, *matrix.shape[1:]), dtype=matrix.dtype)
            bigger[:self.count] = matrix[:self.count]
            return bigger

        self._lead, self._terms, self._names = grown(self._lead), grown(self._terms), grown(
            self._names)
        self._sizes, self._cohesion = grown(self._sizes), grown(self._cohesion)

    def _add_row(self, rank: int, story_id: str, title: str, row: _Sums,
                 articles: list[str]) -> int:
        self._reserve(1)
        index = self.count
        self._lead[index], self._terms[index], self._names[index] = (
            row.lead[0], row.terms[0], row.names[0])
        self._sizes[index] = row.sizes[0]
        self._cohesion[index] = row.cohesion(self.options)[0]
        self.count += 1
        self.first.append(row.first[0])
        self.last.append(row.last[0])
        self.ranks.append(rank)
        self.ids.append(story_id)
        self.titles.append(title)
        self.members.append(articles)
        self.alive.append(True)
        self.grown.append(self.seen)
        return index

    def row(self, index: int) -> _Sums:
        s = self.sums
        return _Sums(s.lead[index:index + 1], s.terms[index:index + 1],
                     s.names[index:index + 1], s.sizes[index:index + 1],
                     s.first[index:index + 1], s.last[index:index + 1])

    def _columns(self, indices: Sequence[int]) -> _Sums:
        s = self.sums
        return _Sums(s.lead[indices], s.terms[indices], s.names[indices], s.sizes[indices],
                     [s.first[i] for i in indices], [s.last[i] for i in indices])

    def scores(self, rows: _Sums, upto: int) -> Matrix:
        """``linked`` of each of ``rows`` to the first ``upto`` live stories; dead ones -inf.

        Beyond ``options.candidates`` stories, each row is scored against its
        shortlist only (``group.blocking``), the others -inf.
        """
        if not upto:
            return np.full((len(rows.first), 0), -np.inf)
        cap = self.options.candidates
        if upto <= cap:
            head = _Sums(self._lead[:upto], self._terms[:upto], self._names[:upto],
                         self._sizes[:upto], self.first[:upto], self.last[:upto])
            scores = rows.linked(head, self.options, self._cohesion[:upto])
        else:
            index = NameIndex(self._names[:upto])
            lists = [index.shortlist(names, cap) for names in rows.names]
            union = np.unique(np.concatenate(lists)) if lists else np.zeros(0, dtype=np.intp)
            scores = np.full((len(rows.first), upto), -np.inf)
            if len(union):
                found = rows.linked(self._columns(union.tolist()), self.options,
                                    self._cohesion[union])
                for k, columns in enumerate(lists):
                    scores[k, columns] = found[k, np.searchsorted(union, columns)]
        scores[:, [i for i in range(upto) if not self.alive[i]]] = -np.inf
        return scores

    def refresh(self, scores: Matrix, row: _Sums, changed: set[int]) -> Matrix:
        """``scores`` of one row again at the stories in ``changed`` (they grew since)."""
        columns = sorted(i for i in changed if i < len(scores))
        if columns:
            fresh = row.linked(self._columns(columns), self.options, self.cohesion[columns])[0]
            scores[columns] = np.where([self.alive[i] for i in columns], fresh, -np.inf)
        return scores

    def choose(self, scores: Matrix) -> int | None:
        if not len(scores):
            return None
        best = int(np.argmax(scores))
        return best if scores[best] >= self.options.threshold else None

    def join(self, index: int, row: _Sums, articles: Sequence[str]) -> None:
        self._lead[index] += row.lead[0]
        self._terms[index] += row.terms[0]
        self._names[index] += row.names[0]
        self._sizes[index] += row.sizes[0]
        self.first[index] = _earliest(self.first[index], row.first[0])
        self.last[index] = _latest(self.last[index], row.last[0])
        self._cohesion[index] = self.row(index).cohesion(self.options)[0]
        self.members[index].extend(articles)
        self.grown[index] = self.seen

    def append(self, title: str, row: _Sums, articles: Sequence[str]) -> int:
        index = self._add_row(self.rank, f"s{self.next_id}", title, row, list(articles))
        self.rank += 1
        self.next_id += 1
        return index

    def merge(self, keep: int, gone: int) -> None:
        self.join(keep, self.row(gone), self.members[gone])
        self.alive[gone] = False

    def retire(self) -> None:
        """Drop merged-away rows, and retire the stories left behind by the stream.

        A story retires when it has not grown for ``options.retire_articles``
        articles and its last day is more than ``options.retire`` days before
        the newest day seen (no article that recent can be within ``max_gap``
        days of it); a story of undated articles only, on the first condition.
        """
        horizon = None if self.newest is None else self.newest - self.options.retire
        keep = []
        for i in range(self.count):
            if not self.alive[i]:
                continue
            quiet = self.seen - self.grown[i] >= self.options.retire_articles
            last = self.last[i]
            behind = last is None or (horizon is not None and last < horizon)
            if quiet and behind:
                self.retired.append((self.ranks[i], self._group(i, retired=True)))
            else:
                keep.append(i)
        if len(keep) == self.count:
            return
        n = len(keep)
        for matrix in (self._lead, self._terms, self._names, self._sizes, self._cohesion):
            matrix[:n] = matrix[keep]
        self.count = n
        for name in ("first", "last", "ranks", "ids", "titles", "members", "alive", "grown"):
            values = getattr(self, name)
            setattr(self, name, [values[i] for i in keep])

    def _group(self, index: int, retired: bool = False) -> StoryGroup:
        if retired:
            empty = np.zeros(0, dtype=np.float32)
            lead, terms, names = empty, empty, empty
        else:
            lead, terms, names = (self._lead[index].copy(), self._terms[index].copy(),
                                  self._names[index].copy())
        return StoryGroup(self.ids[index], self.titles[index], lead, terms, names,
                          self.first[index], self.last[index], tuple(self.members[index]),
                          retired)

    def state(self, fingerprints: Mapping[str, str]) -> StoryState:
        """The grouping as a record: every story, retired or live, in creation order."""
        live = [(self.ranks[i], self._group(i)) for i in range(self.count) if self.alive[i]]
        groups = tuple(g for _, g in sorted([*self.retired, *live], key=lambda pair: pair[0]))
        return StoryState(groups, dict(self.names), dict(self.terms), self.seen, self.next_id,
                          fingerprints)

    def add(self, items: Sequence[StoryFeatures]) -> None:
        """Group one batch in: cluster it, join or start stories, then merge what it joined."""
        for item in items:
            for name in item.names:
                self.names[name] = self.names.get(name, 0) + 1
            for term, _ in item.terms:
                self.terms[term] = self.terms.get(term, 0) + 1
        self.seen += len(items)
        days = [i.day for i in items if i.day is not None]
        if days:
            self.newest = max(days) if self.newest is None else max(self.newest, *days)
        sums = _batch_sums(items, self.seen, self.names, self.terms)
        clusters = _average_link(sums, self.options)
        rows = [_cluster_row(sums, members) for members in clusters]
        existing = self.count
        scores = self.scores(_stack(rows), existing)
        changed: set[int] = set()
        touched = []
        for members, row, line in zip(clusters, rows, scores, strict=True):
            ids = [items[m].id for m in members]
            best = self.choose(self.refresh(line, row, changed))
            if best is None:
                titled = [items[m] for m in members if items[m].titled]
                best = self.append((titled or [items[members[0]]])[0].title, row, ids)
            else:
                self.join(best, row, ids)
                changed.add(best)
            touched.append(best)
        self._merge_touched(sorted(set(touched), reverse=True))
        self.retire()

    def _merge_touched(self, touched: Sequence[int]) -> None:
        """Each story the batch touched, newest first, merges into an older one it now reaches."""
        candidates = [i for i in touched if i > 0]
        if not candidates:
            return
        scores = self.scores(_stack([self.row(i) for i in candidates]), self.count)
        changed: set[int] = set()
        for index, line in zip(candidates, scores, strict=True):
            if not self.alive[index]:
                continue
            row = self.row(index)
            if index in changed:
                line = self.scores(row, index)[0]
            else:
                line = self.refresh(line[:index], row, changed)
            older = self.choose(line)
            if older is not None:
                self.merge(older, index)
                changed.add(older)


def _cluster_row(sums: _Sums, members: Sequence[int]) -> _Sums:
    days = [day for day in (sums.first[m] for m in members) if day is not None]
    return _Sums(sums.lead[members].sum(axis=0, keepdims=True),
                 sums.terms[members].sum(axis=0, keepdims=True),
                 sums.names[members].sum(axis=0, keepdims=True),
                 np.array([len(members)], dtype=np.float32),
                 [min(days) if days else None], [max(days) if days else None])


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
    when its batch is grouped for the others. ``features`` is read as it
    comes: memory holds one batch and the live stories, never the corpus.
    """
    current = state or StoryState()
    known = set(current.assignment())
    stories = _Stories(current, options)
    for chunk in _batches(_unknown(features, known, tick), options.batch):
        fresh = list({f.id: f for f in chunk}.values())
        fresh.sort(key=lambda f: (f.day is None, f.day or 0))
        stories.add(fresh)
        known.update(f.id for f in fresh)
        if tick:
            for _ in chunk:
                tick()
    return stories.state(current.fingerprints)


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
    ``articles`` is read as it comes (a generator keeps memory flat).
    """
    before = set(state.assignment()) if state else set()
    added: dict[str, str] = {}

    def fresh() -> Iterator[Article]:
        """The articles the state does not know: no lead vector is computed for the others."""
        for article in articles:
            if article.id in before:
                if tick:
                    tick()
                continue
            added[article.id] = fingerprint(article)
            yield article

    grouped = add_features(story_features(fresh(), encode, embedder=embedder), state,
                           options=options, tick=tick)
    return replace(grouped, fingerprints={**grouped.fingerprints, **added})


def group_stories(articles: Sequence[Article], encode: Encoder | None = None, *,
                  options: GroupOptions = DEFAULT_OPTIONS.group) -> tuple[Story, ...]:
    """Stories of ``articles``, largest first; every article belongs to exactly one."""
    if not articles:
        return ()
    return group_articles(articles, encode=encode, options=options).stories()
