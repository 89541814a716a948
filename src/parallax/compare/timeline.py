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
reports, so the date it shows is the date its sentence gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS
from parallax.analyze.vectors import VectorStore
from parallax.compare.claims import NEGATION, Ref, SentenceIndex, term_weights
from parallax.compare.standalone import leans_back, standalone
from parallax.lang import pack_for
from parallax.model import AnalyzedArticle, DateMention, Sentence, Span, TimelineEntry
from parallax.options import DEFAULT_OPTIONS, TimelineOptions

__all__ = ["build_timeline", "names_a_thing"]

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
    """One sentence of one article that dates an event."""

    order: tuple[int, int]
    span: Span
    vector: Any
    centrality: float
    words: frozenset[str]
    """Content terms that may say what happened (see the module docstring)."""


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
    means = [_rows(vectors, n, range(min(leads, len(a.sentences)))).mean(axis=0)
             if a.sentences else None for n, a in enumerate(analyzed)]
    scores: list[float] = []
    for i, mine in enumerate(means):
        others = [m for j, m in enumerate(means) if j != i and m is not None
                  and mine is not None and m.shape == mine.shape]
        scores.append(float(np.mean([mine @ m for m in others])) if others else 0.0)
    return scores


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


def _reports(analyzed: Sequence[AnalyzedArticle], vectors: VectorStore, options: TimelineOptions,
             terms: dict[Ref, frozenset[str]]) -> dict[tuple[str, str | None], list[_Report]]:
    by_date: dict[tuple[str, str | None], list[_Report]] = {}
    said_nothing = _time_terms(analyzed)
    dated = [(index, m.sentence) for index, item in enumerate(analyzed) for m in item.dates
             if 0 <= m.sentence < len(item.sentences)]
    leads = [(index, s) for index, item in enumerate(analyzed)
             for s in range(min(options.lead_sentences, len(item.sentences)))]
    vectors.ensure(ref for ref in dated + leads if vectors.has(ref[0]))
    centralities = _centralities(analyzed, vectors, options.lead_sentences)
    for index, item in enumerate(analyzed):
        seen: set[int] = set()
        for mention in item.dates:
            if mention.sentence in seen or not 0 <= mention.sentence < len(item.sentences) or (
                    names_a_thing(item.article.text, mention)):
                continue
            seen.add(mention.sentence)
            sentence: Sentence = item.sentences[mention.sentence]
            words = frozenset(term for term in terms.get((index, mention.sentence), ())
                              if not term.isdigit() and term not in said_nothing)
            report = _Report((index, mention.sentence),
                             item.article.span(sentence.start, sentence.end),
                             _rows(vectors, index, [mention.sentence])[0], centralities[index],
                             words)
            by_date.setdefault((mention.value, mention.end_value), []).append(report)
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


def _clearest(reports: Sequence[_Report], analyzed: Sequence[AnalyzedArticle]) -> str:
    """The shortest complete sentence that does not lean on the one before it,
    from the most central article on a tie, worded to stand alone."""
    best = min(reports, key=lambda r: (leans_back(r.span.text), not _COMPLETE.match(r.span.text),
                                       len(r.span.text), -r.centrality))
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
    events = [event for (value, end_value), reports
              in _reports(analyzed, store, options, terms).items()
              for event in _cluster(value, end_value, reports, options.same_event, words)]
    entries = []
    for event in _fold_coarse(events, options.same_event, words):
        text = _clearest(event.reports, analyzed)
        if leans_back(text):
            continue  # "It was ...", a "He" between two people: no reader can place it
        reports = sorted(event.reports + event.coarser, key=lambda r: r.order)
        entries.append((event.value, event.end_value or "", reports[0].order, TimelineEntry(
            event.value, text, tuple(r.span for r in reports), event.end_value)))
    return tuple(entry for *_, entry in sorted(entries, key=lambda e: e[:3]))
