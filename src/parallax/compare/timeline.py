"""Order the story's events by date, one entry per event across all sources.

An event is a sentence with an event date (see ``analyze.dates``): the date of
its main event, which ``find_dates`` lists first among the sentence's dates, so
no sentence stands under two dates. Two reports
of the same date are the same event when their sentences say similar things,
so one entry collects the evidence of every article. The cosine of sentence
embeddings alone cannot tell: every sentence of one story sits at 0.4-0.6 from
every other, and a day of news holds several events (a resignation, the video
announcing it, the account deleted after it). So the score adds the IDF mass
of the content words two reports share, as claims do (``claims.term_weights``),
leaving out what says nothing of the event: names (who, not what; weight 0
there) and the time words the date finder read. A report at a
coarser precision ("last year", "June 2018") is folded into a finer entry of
the same period ("12 June 2018") by the same score, so the reader sees one
Singapore summit, not three; the entry's text is then one of the finer
reports, so the date it shows is the date its sentence gives. A date inside
the marks of a direct quote dates nothing the outlet reports: it is the
speaker's ("“We remember June 2023,” she said" happened when she said it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from parallax.analyze.dates import inside_quote
from parallax.analyze.embed import DIMENSIONS
from parallax.analyze.vectors import Ref, VectorStore
from parallax.compare.claims import NEGATION, SentenceIndex, term_weights
from parallax.compare.standalone import leans_back, standalone
from parallax.lang import pack_for
from parallax.model import AnalyzedArticle, DateMention, Span, TimelineEntry
from parallax.options import DEFAULT_OPTIONS, TimelineOptions

__all__ = ["build_timeline", "names_a_thing", "timeline_needs"]

_COMPLETE = re.compile(r"^[\"“\u2018'(]?[A-Z0-9][^\n]*[.!?][\"”\u2019')]?$")


# "the 1998 treaty", "its 2023 drought": a year between a determiner and a noun
# names a thing; the sentence's event ("the 1998 treaty runs out this month")
# is not dated by it.
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$",
                              re.IGNORECASE)
_OCCASION_BEFORE = re.compile(r"\b(?:at|during|in)\s+\w+\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"^[-\u2013]?\s*[A-Za-z]")


def names_a_thing(text: str, mention: DateMention) -> bool:
    """Whether a date mention is a bare year used as a noun modifier ("the 1998
    treaty"), unless the noun is an occasion that sets the sentence's time ("at
    a 2008 ceremony", "during his 2016 campaign", "in the 2000 fiscal year")."""
    if not re.fullmatch(r"\d{4}", mention.text.strip()):
        return False
    before = text[max(0, mention.start - 20):mention.start]
    return bool(_MODIFIER_BEFORE.search(before[-12:]) and not _OCCASION_BEFORE.search(before)
                and _WORD_AFTER.match(text[mention.end:mention.end + 3]))


@dataclass(frozen=True, slots=True)
class _Report:
    """One sentence of one article that dates an event.

    Its vector is read from ``vectors`` when a comparison first asks for it:
    a report alone under its date, in no coarser or finer period, is compared
    with nothing, and its sentence needs no embedding (``_reports`` fetches the
    ones that will be compared in one batched call beforehand).
    """

    order: tuple[int, int]
    span: Span
    words: frozenset[str]
    """Content terms that may say what happened (see the module docstring)."""
    vectors: VectorStore = field(compare=False, repr=False)

    @property
    def vector(self) -> Any:
        return _rows(self.vectors, self.order[0], [self.order[1]])[0]


@dataclass(frozen=True, slots=True)
class _Words:
    """The story's IDF of content terms, and the weight of the words two reports share."""

    idf: dict[str, float]
    weight: float

    def shared(self, one: _Report, other: _Report) -> float:
        return self.weight * sum(self.idf.get(term, 0.0) for term in one.words & other.words)


@dataclass(slots=True)
class _Event:
    value: str
    end_value: str | None
    reports: list[_Report] = field(default_factory=list)
    coarser: list[_Report] = field(default_factory=list)
    """Reports of a coarser date folded in: support, never the entry's text."""

    def similarity(self, others: Sequence[_Report], words: _Words) -> float:
        """Mean over report pairs of cosine plus the weight of their shared words."""
        mine = np.stack([r.vector for r in self.reports])
        theirs = np.stack([r.vector for r in others])
        lexical = np.array([[words.shared(a, b) for b in others] for a in self.reports])
        return float((mine @ theirs.T + lexical).mean())

    def within(self, coarse: _Event) -> bool:
        """Whether this event's dates lie inside the coarser period ``coarse``."""
        prefix = coarse.value + "-"
        return (coarse.end_value is None and self.value.startswith(prefix)
                and (self.end_value or self.value).startswith(prefix))


def _rows(vectors: VectorStore, article: int, sentences: Sequence[int]) -> Any:
    """Vectors of the given sentences; zeros (similar to nothing) when the article has none."""
    if not vectors.has(article):
        return np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
    return vectors.rows(article, sentences)


def _centralities(analyzed: Sequence[AnalyzedArticle], vectors: VectorStore, leads: int
                  ) -> list[float]:
    """How close each article's mean lead vector is to the others' (a tie-break
    for the entry text: the most typical account reads best out of context), by
    their first ``leads`` sentences."""
    vectors.ensure((n, s) for n, a in enumerate(analyzed) if vectors.has(n)
                   for s in range(min(leads, len(a.sentences))))
    means = [_rows(vectors, n, range(min(leads, len(a.sentences)))).mean(axis=0)
             if a.sentences else None for n, a in enumerate(analyzed)]
    scores: list[float] = []
    for i, mine in enumerate(means):
        others = [m for j, m in enumerate(means) if j != i and m is not None
                  and mine is not None and m.shape == mine.shape]
        scores.append(float(np.mean([mine @ m for m in others])) if others else 0.0)
    return scores


def _compared(dates: Sequence[tuple[str, str | None]]) -> set[tuple[str, str | None]]:
    """The dates whose reports ``_cluster`` or ``_fold_coarse`` may compare: a date
    reported twice, or one with a coarser or finer period among ``dates``."""
    found = {date for date, n in Counter(dates).items() if n > 1}
    events = {date: _Event(*date) for date in dates}
    for date, event in events.items():
        for other, coarse in events.items():
            if other != date and event.within(coarse):
                found |= {date, other}
    return found


def _dated(analyzed: Sequence[AnalyzedArticle]) -> dict[tuple[str, str | None], list[Ref]]:
    """The sentences that date an event, by (date, end date), in reading order."""
    by_date: dict[tuple[str, str | None], list[Ref]] = {}
    for index, item in enumerate(analyzed):
        seen: set[int] = set()
        quoted = [q.span for q in item.quotes if q.kind == "direct"]
        for mention in item.dates:
            if mention.sentence in seen or not 0 <= mention.sentence < len(item.sentences) or (
                    names_a_thing(item.article.text, mention)) or (
                    _quoted(item.article.text, mention, quoted)):
                continue
            seen.add(mention.sentence)
            by_date.setdefault((mention.value, mention.end_value), []).append(
                (index, mention.sentence))
    return by_date


def _quoted(text: str, mention: DateMention, quoted: Sequence[Span]) -> bool:
    """Whether ``mention`` lies in a direct quote's content and inside its
    quotation marks (a quote span the quote stage ran too far is not enough)."""
    return any(q.clean_start <= mention.start < q.clean_end for q in quoted) and (
        inside_quote(text, mention.start))


def timeline_needs(analyzed: Sequence[AnalyzedArticle]) -> list[Ref]:
    """The sentences whose vectors ``build_timeline`` compares (bar a tie-break's leads):
    those of dates reported twice or in a coarser or finer period of another."""
    by_date = _dated(analyzed)
    dates = [date for date, refs in by_date.items() for _ in refs]
    compared = _compared(dates)
    return [ref for date, refs in by_date.items() if date in compared for ref in refs]


def _time_terms(analyzed: Sequence[AnalyzedArticle]) -> frozenset[str]:
    """The terms of every date expression of the story, and of month and weekday names
    (with the negation marker: "not" says nothing of which event)."""
    found: set[str] = {NEGATION}
    for item in analyzed:
        pack = pack_for(item.article.document.language)
        found.update(pack.stem(name) for name in (*pack.months, *pack.weekdays))
        for mention in item.dates:
            found.update(pack.stem(word.casefold()) for word in pack.word.findall(mention.text))
    return frozenset(found)


def _reports(analyzed: Sequence[AnalyzedArticle], vectors: VectorStore,
             terms: dict[Ref, frozenset[str]]) -> dict[tuple[str, str | None], list[_Report]]:
    said_nothing = _time_terms(analyzed)

    def words(ref: Ref) -> frozenset[str]:
        return frozenset(term for term in terms.get(ref, ())
                         if not term.isdigit() and term not in said_nothing)

    by_date = {date: [_Report((a, s), analyzed[a].article.span(
        analyzed[a].sentences[s].start, analyzed[a].sentences[s].end), words((a, s)), vectors)
        for a, s in refs] for date, refs in _dated(analyzed).items()}
    # One batched model call for every report that will be compared.
    vectors.ensure(ref for ref in timeline_needs(analyzed) if vectors.has(ref[0]))
    return by_date


def _cluster(value: str, end_value: str | None, reports: list[_Report], same_event: float,
             words: _Words) -> list[_Event]:
    """Greedy average-link grouping, in reading order (deterministic)."""
    events: list[_Event] = []
    for report in reports:
        scored = [(event.similarity([report], words), event) for event in events]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= same_event:
            best[1].reports.append(report)
        else:
            events.append(_Event(value, end_value, [report]))
    return events


def _fold_coarse(events: list[_Event], same_event: float, words: _Words) -> list[_Event]:
    """Fold each coarse event into the most similar finer event of its period,
    coarsest first so a year can reach a day through a month."""
    kept: list[_Event] = []
    for event in sorted(events, key=lambda e: len(e.value)):
        finer = [e for e in events if e is not event and e.within(event) and e.reports]
        scored = [(e.similarity(event.reports, words), e) for e in finer]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= same_event:
            best[1].coarser.extend(event.reports + event.coarser)
            event.reports, event.coarser = [], []
        else:
            kept.append(event)
    return kept


def _clearest(reports: Sequence[_Report], analyzed: Sequence[AnalyzedArticle],
              centralities: Callable[[], Sequence[float]]) -> str:
    """The shortest complete sentence that does not lean on the one before it,
    from the most central article on a tie, worded to stand alone.

    ``centralities`` (per article) are read only on such a tie: they need
    every article's lead vectors."""
    def plain(r: _Report) -> tuple[bool, bool, int]:
        return leans_back(r.span.text), not _COMPLETE.match(r.span.text), len(r.span.text)

    first = min(plain(r) for r in reports)
    tied = [r for r in reports if plain(r) == first]
    best = tied[0] if len(tied) == 1 else min(
        tied, key=lambda r: (*plain(r), -centralities()[r.order[0]]))
    article, sentence = best.order
    return standalone(analyzed[article], sentence, " ".join(best.span.text.split()))


def build_timeline(analyzed: Sequence[AnalyzedArticle], vectors: VectorStore | None = None, *,
                   options: TimelineOptions = DEFAULT_OPTIONS.timeline,
                   index: SentenceIndex | None = None) -> tuple[TimelineEntry, ...]:
    """Events ordered by date; one entry per (date, event) merged across articles.

    Each support span is a whole sentence that dates the event; ``text`` is the
    clearest of them, worded to stand alone (``compare.standalone``). An event
    none of whose sentences can be worded to stand alone is left out: a dated
    "It was ..." tells the reader nothing they can place. Coarser dates sort
    before finer ones of the same period.
    ``vectors`` is the cache of the articles' sentence vectors (by default their
    finished ones; an article without any merges with nothing). ``index``, the
    story's sentence index the claims were found with, lends its content terms
    and their IDF (computed here when not given).
    """
    store = VectorStore.of(analyzed) if vectors is None else vectors
    terms, idf = (term_weights(analyzed) if index is None
                  else (dict(zip(index.refs, index.terms, strict=True)), index.idf))
    words = _Words(idf, options.event_word_weight)
    centralities = cache(lambda: _centralities(analyzed, store, options.lead_sentences))
    events = [event for (value, end_value), reports in _reports(analyzed, store, terms).items()
              for event in _cluster(value, end_value, reports, options.same_event, words)]
    entries = []
    for event in _fold_coarse(events, options.same_event, words):
        text = _clearest(sorted(event.reports, key=lambda r: r.order), analyzed, centralities)
        if leans_back(text):
            continue  # "It was ...", a "He" between two people: no reader can place it
        reports = sorted(event.reports + event.coarser, key=lambda r: r.order)
        entries.append((event.value, event.end_value or "", reports[0].order, TimelineEntry(
            event.value, text, tuple(r.span for r in reports), event.end_value)))
    return tuple(entry for *_, entry in sorted(entries, key=lambda e: e[:3]))
