"""Conflicts: where actors' accounts or sources' facts disagree.

Precision comes first (a wrong conflict misleads more than a missed one
does), so both kinds need two things at once: evidence that the two
statements are about the same matter, and an explicit, local marker that
they differ. ``accounts`` pairs quotes of different actors (different sides
when affiliations are known) that share a key term and qualify it in opposite
ways ("all the sanctions" against "partial sanctions") or disagree on a
number next to it. ``facts`` pairs aligned sentences of different independent
sources that give different numbers for the same noun, different dates, or
opposite polarity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from parallax.compare.claims import (
    MATCH_THRESHOLD,
    MIN_SHARED_WEIGHT,
    NEGATION,
    SentenceIndex,
    content_terms,
    is_claimable,
    sentence_index,
)
from parallax.compare.sources import source_key
from parallax.model import Actor, AnalyzedArticle, Article, Conflict, ConflictSide, Quote, Span

__all__ = ["find_conflicts", "number_mentions", "scope_of"]

# Quotes on the same matter: cosine of the sentences that carry them. Tuned on
# the seeds: Trump's and Ri Yong Ho's statements on sanctions sit at 0.6-1.0
# (1.0 when one sentence reports both); quotes on unrelated matters within one
# story sit below 0.45.
ACCOUNT_SIMILARITY = 0.45
# Words either side of a key term searched for a qualifier.
WINDOW = 5
# Opposite polarity between aligned sentences is only trusted when they are
# otherwise near paraphrases (cosine on invented and seed pairs: paraphrases
# 0.8+, related-but-different statements 0.5-0.75).
NEGATION_COSINE = 0.8
_WHOLE = frozenset({"all", "entire", "entirety", "every", "complete", "completely", "fully",
                    "full", "total", "totally", "whole"})
_PART = frozenset({"partial", "partially", "part", "portion", "some", "only", "limited",
                   "certain", "few", "half", "several"})
_CUES = _WHOLE | _PART
_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,'\u2019-][A-Za-z0-9]+)*")
_NUMBER_WORDS = {w: float(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _term(word: str) -> str:
    terms = content_terms(word)
    return terms[0] if terms else ""


def scope_of(text: str, term: str) -> str | None:
    """"whole" or "part" when ``term`` is qualified one way only near it, else None."""
    words = _words(text)
    found: set[str] = set()
    for i, word in enumerate(words):
        if _term(word) != term:
            continue
        near = words[max(0, i - WINDOW):i + WINDOW + 1]
        found |= {"whole" for w in near if w in _WHOLE} | {"part" for w in near if w in _PART}
    return found.pop() if len(found) == 1 else None


def _number(word: str) -> float | None:
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def number_mentions(text: str) -> dict[str, frozenset[float]]:
    """Numbers by the noun they count ("12 people" -> {"people": {12}}).

    The noun is the next content word within two words; four-digit years are
    left to date comparison.
    """
    words = _words(text)
    found: dict[str, set[float]] = {}
    for i, word in enumerate(words):
        value = _number(word)
        if value is None or (len(word) == 4 and 1800 <= value <= 2100):
            continue
        for follower in words[i + 1:i + 3]:
            unit = _term(follower)
            if unit and unit != NEGATION and _number(follower) is None:
                found.setdefault(unit, set()).add(value)
                break
    return {unit: frozenset(values) for unit, values in found.items()}


def _number_clash(left: str, right: str) -> str | None:
    a, b = number_mentions(left), number_mentions(right)
    for unit in sorted(a.keys() & b.keys()):
        if not a[unit] & b[unit]:
            return unit
    return None


def _quote_vector(item: AnalyzedArticle, quote: Quote) -> np.ndarray[Any, Any] | None:
    """Mean embedding of the sentences a quote overlaps (quotes have no vector of their own)."""
    rows = [k for k, s in enumerate(item.sentences)
            if s.start < quote.span.clean_end and quote.span.clean_start < s.end]
    if not rows or item.embeddings is None:
        return None
    vector = np.asarray(item.embeddings[rows]).mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


def _key_terms(text: str) -> set[str]:
    return {t for t in content_terms(text) if t != NEGATION and t not in _CUES and not t.isdigit()}


def _account_topic(left: Quote, right: Quote) -> str | None:
    """A shared key term the two quotes qualify oppositely or count differently."""
    shared = _key_terms(left.text) & _key_terms(right.text)
    for term in sorted(shared):
        scopes = {scope_of(left.text, term), scope_of(right.text, term)}
        if scopes == {"whole", "part"}:
            return _surface(left.text, term)
    unit = _number_clash(left.text, right.text)
    return _surface(left.text, unit) if unit else None


def _surface(text: str, term: str) -> str:
    """The word as written for a term (the reader sees "sanctions", not "sanction")."""
    return next((w for w in _WORD.findall(text) if _term(w.casefold()) == term), term)


def _sides_differ(left: str, right: str, actors: Mapping[str, Actor]) -> bool:
    if left == right:
        return False
    a, b = actors.get(left), actors.get(right)
    affiliations = (a.affiliation if a else None, b.affiliation if b else None)
    return None in affiliations or affiliations[0] != affiliations[1]


def _accounts(analyzed: Sequence[AnalyzedArticle], actors: Sequence[Actor],
              quotes: Sequence[Quote]) -> Iterator[Conflict]:
    by_id = {item.id: item for item in analyzed}
    by_actor = {actor.id: actor for actor in actors}
    usable = [(q.speaker, q, vector) for q in quotes
              if q.speaker is not None and q.article in by_id
              and (vector := _quote_vector(by_id[q.article], q)) is not None]
    seen: set[tuple[frozenset[str], str]] = set()
    for i, (left_actor, left, left_vec) in enumerate(usable):
        for right_actor, right, right_vec in usable[i + 1:]:
            if not _sides_differ(left_actor, right_actor, by_actor):
                continue
            if float(left_vec @ right_vec) < ACCOUNT_SIMILARITY:
                continue
            topic = _account_topic(left, right)
            key = (frozenset({left_actor, right_actor}), (topic or "").casefold())
            if topic is None or key in seen:
                continue
            seen.add(key)
            yield Conflict(topic, "accounts", (ConflictSide(left_actor, left.span),
                                               ConflictSide(right_actor, right.span)))


def _fact_topic(index: SentenceIndex, i: int, j: int) -> str | None:
    left, right = index.text(index.refs[i]), index.text(index.refs[j])
    unit = _number_clash(left, right)
    if unit:
        return _surface(left, unit)
    dates = [{d.value for d in index.analyzed[a].dates if d.sentence == s}
             for a, s in (index.refs[i], index.refs[j])]
    if all(dates) and not dates[0] & dates[1]:
        return "date"
    negated = [NEGATION in index.terms[k] for k in (i, j)]
    if negated[0] != negated[1] and index.cosine[i, j] >= NEGATION_COSINE:
        shared = index.terms[i] & index.terms[j]
        term = max(sorted(shared), key=lambda t: index.idf[t], default=None)
        return _surface(left, term) if term else None
    return None


def _facts(analyzed: Sequence[AnalyzedArticle]) -> Iterator[Conflict]:
    index = sentence_index(analyzed)
    articles: dict[str, Article] = {item.id: item.article for item in analyzed}
    keys = [source_key(item.article, articles) for item in analyzed]
    claimable = np.array([is_claimable(index.text(ref)) for ref in index.refs], dtype=bool)
    mask = (index.score >= MATCH_THRESHOLD) & (index.shared >= MIN_SHARED_WEIGHT)
    mask &= claimable[:, None] & claimable[None, :]
    for i, j in np.argwhere(np.triu(mask, k=1)).tolist():
        (a, _), (b, _) = index.refs[i], index.refs[j]
        if keys[a] == keys[b]:
            continue
        topic = _fact_topic(index, i, j)
        if topic is not None:
            spans: tuple[Span, Span] = (index.span(index.refs[i]), index.span(index.refs[j]))
            yield Conflict(topic, "facts", tuple(ConflictSide(None, s) for s in spans))


def find_conflicts(analyzed: Sequence[AnalyzedArticle], actors: Sequence[Actor],
                   quotes: Sequence[Quote]) -> tuple[Conflict, ...]:
    """Accounts conflicts (between actors) first, then facts conflicts (between sources)."""
    return (*_accounts(analyzed, actors, quotes), *_facts(analyzed))
