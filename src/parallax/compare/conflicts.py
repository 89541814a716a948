"""Conflicts: where actors' accounts or sources' facts disagree.

Precision comes first (a wrong conflict misleads more than a missed one
does), so both kinds need two things at once: evidence that the two
statements are about the same matter, and an explicit, local marker that
they differ.

``accounts`` pairs quotes of different actors (different sides when
affiliations are known) that share a key term and qualify it in opposite ways
("all the sanctions" against "partial sanctions") or disagree on a number next
to it.

``facts`` pairs aligned sentences of different independent sources that give
different numbers for the same noun, incompatible dates for the same event, or
opposite polarity on the same predicate. A syndicated copy is never a side: it
says what its original says. Pairwise clashes on one topic merge into one
conflict whose sides are grouped by the value they give, with the sentences
that agree with one of those values joining that value's side, so a reader
sees "five hours (5 sources) vs three hours (1 source)" once rather than one
conflict per pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np

from parallax.analyze.vectors import VectorStore
from parallax.compare.claims import NEGATION, SentenceIndex, content_terms, sentence_index
from parallax.compare.sources import count_sources, source_key
from parallax.lang.en import ENGLISH
from parallax.model import (
    Actor,
    AnalyzedArticle,
    Article,
    Conflict,
    ConflictSide,
    DateMention,
    Quote,
    Span,
)
from parallax.options import DEFAULT_OPTIONS, ConflictsOptions

__all__ = ["compare_figures", "date_anchor", "date_fields", "find_conflicts", "is_name",
           "negated_terms", "negated_within", "number_mentions", "scope_of"]

_WHOLE = frozenset({"all", "entire", "entirety", "every", "complete", "completely", "fully",
                    "full", "total", "totally", "whole"})
_PART = frozenset({"partial", "partially", "part", "portion", "some", "only", "limited",
                   "certain", "few", "half", "several"})
_HEDGES = frozenset({"about", "around", "roughly", "nearly", "almost", "approximately",
                     "some", "over", "under", "more", "less", "up", "least", "estimated"})
_CUES = _WHOLE | _PART
# Conflicts compare texts of any article pair through helpers that take only
# text, so they read the English pack (the only one shipped, see
# parallax.lang.pack_for) rather than each article's.
_WORD = ENGLISH.figure_word
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?![\d.,])")
_NUMBER_WORDS = {word: float(value) for word, value in ENGLISH.number_words.items()}
_MONTHS = frozenset(ENGLISH.months)
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _term(word: str) -> str:
    terms = content_terms(word)
    return terms[0] if terms else ""


def _surface(text: str, term: str) -> str:
    """The word as written for a term (the reader sees "sanctions", not "sanction")."""
    return next((w for w in _WORD.findall(text) if _term(w.casefold()) == term), term)


# --- accounts -------------------------------------------------------------------------


def scope_of(text: str, term: str, window: int = DEFAULT_OPTIONS.conflicts.window) -> str | None:
    """"whole" or "part" when ``term`` is qualified one way only within ``window`` words."""
    words = _words(text)
    found: set[str] = set()
    for i, word in enumerate(words):
        if _term(word) != term:
            continue
        near = words[max(0, i - window):i + window + 1]
        found |= {"whole" for w in near if w in _WHOLE} | {"part" for w in near if w in _PART}
    return found.pop() if len(found) == 1 else None


def _quote_rows(item: AnalyzedArticle, quote: Quote) -> list[int]:
    """The sentences a quote overlaps."""
    return [k for k, s in enumerate(item.sentences)
            if s.start < quote.span.clean_end and quote.span.clean_start < s.end]


def _quote_vector(item: AnalyzedArticle, position: int, quote: Quote, vectors: VectorStore
                  ) -> np.ndarray[Any, Any] | None:
    """Mean embedding of the sentences a quote overlaps (quotes have no vector of their own).

    ``position`` is the article's place in the analysed set ``vectors`` covers.
    """
    rows = _quote_rows(item, quote)
    if not rows or not vectors.has(position):
        return None
    vector = vectors.rows(position, rows).mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


def _key_terms(text: str) -> set[str]:
    return {t for t in content_terms(text) if t != NEGATION and t not in _CUES and not t.isdigit()}


def is_name(text: str, term: str) -> bool:
    """Whether ``term`` is written capitalised in ``text`` (a name says who, not what)."""
    return _surface(text, term)[:1].isupper()


_PHRASE_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


def _scope_phrase(text: str, term: str, options: ConflictsOptions) -> str | None:
    """The words qualifying ``term``: its whole/part cue and the content words after the cue."""
    tokens = _PHRASE_TOKEN.findall(text)
    lowered = [t.casefold() for t in tokens]
    places = [i for i, t in enumerate(lowered) if _term(t) == term]
    for i, token in enumerate(lowered):
        if token not in _CUES or not any(abs(i - k) <= options.window for k in places):
            continue
        phrase = [tokens[i]]
        seen_content = False
        end = i + 1 + options.phrase_words
        for word, low in zip(tokens[i + 1:end], lowered[i + 1:end], strict=True):
            content = bool(_term(low)) and _term(low) != NEGATION
            if not word[0].isalnum() or (seen_content and not content):
                break
            phrase.append(word)
            seen_content = seen_content or content
        if seen_content:
            return " ".join(phrase)
    return None


def _name_topic(left: str, right: str, term: str, options: ConflictsOptions) -> str:
    """The topic label: the disputed word, or for a name the two qualifying phrases.

    "sanctions" says what is disputed; "Kestria" does not, so a name comes
    with what each side says about it ("Kestria: full control / only for a
    joint monitoring commission").
    """
    word = _surface(left, term)
    if not is_name(left, term):
        return word
    phrases = [_scope_phrase(left, term, options), _scope_phrase(right, term, options)]
    if None in phrases:
        return word
    return f"{word}: {phrases[0]} / {phrases[1]}"


def _account_topic(left: Quote, right: Quote, contexts: tuple[str, str],
                   options: ConflictsOptions) -> tuple[str, str] | None:
    """A shared key term the two quotes qualify oppositely or count differently,
    and the word as the first quote writes it.

    ``contexts`` are the sentences carrying each quote: a condition stated
    outside the quote ("if the allegations were true, he would not ...")
    still makes it conditional.

    Common words come before names: "sanctions" says what is disputed better
    than the name of a country both quotes mention.
    """
    shared = _key_terms(left.text) & _key_terms(right.text)
    for term in sorted(shared, key=lambda t: (is_name(left.text, t), t)):
        scopes = {scope_of(left.text, term, options.window),
                  scope_of(right.text, term, options.window)}
        if scopes == {"whole", "part"}:
            return term, _name_topic(left.text, right.text, term, options)
    unit = _number_clash(left.text, right.text, options.hedge_tolerance)
    if unit:
        return unit, _surface(left.text, unit)
    # Opposite polarity ("had not walked out" against "walked out") is a dispute
    # only between statements about the same thing: they share another key word
    # besides the one negated ("no agreement was reached" and "make the right
    # agreement" share nothing else, and do not disagree).
    if not all(_asserts_either_way(text) for text in contexts):
        return None
    reach = options.account_negation_reach
    denied = [_denied_terms(q, reach) for q in (left, right)]
    # The other side asserts the term: no negator of its own reaches it ("did not
    # reach a complete agreement" denies no less than "no agreement was reached").
    negated = [negated_within(q.text, reach) for q in (left, right)]
    for term in sorted(shared, key=lambda t: (is_name(left.text, t), t)):
        denial = [term in d for d in denied]
        if (denial[0] != denial[1] and term not in negated[denial.index(False)]
                and len(shared) >= options.polarity_shared and not is_name(left.text, term)
                and _same_frame(left.text, right.text, term)):
            word = _surface(left.text, term)
            return f"not:{term}", f"{word} / not {word}"
    return None


_DENIALS = frozenset({"deny", "denies", "denied", "denying"})
# A statement under one of these asserts nothing either way ("if the allegations
# are true, he must step aside"; "whether he knew"): real news is full of
# conditional positions that several camps share, and none is a denial.
_CONDITIONALS = frozenset({"if", "unless", "whether"})
# "not only", "not just": the negator adds, it does not deny.
_ADDITIVE = frozenset({"only", "just", "merely", "simply"})
_PLAIN_WORD = ENGLISH.word


def _asserts_either_way(text: str) -> bool:
    """Whether a statement can assert or deny a proposition: not a question, not conditional."""
    return "?" not in text and not _CONDITIONALS & set(_words(text))


def _denying_negators(text: str) -> Iterator[int]:
    """Word positions of the negators in ``text`` that deny what follows them.

    Left out: a contrast ("intelligence officials, not political advisers,
    drove the debate"), a pair of alternatives ("what is and is not in the
    e-mails"), an instruction ("urged him not to declare") and an addition
    ("not only"); none of them denies a proposition someone else asserts.
    """
    matches = list(_PLAIN_WORD.finditer(text))
    words = [m.group().casefold() for m in matches]
    for i, match in enumerate(matches):
        if content_terms(words[i]) != (NEGATION,):
            continue
        before = text[:match.start()].rstrip()
        after = words[i + 1] if i + 1 < len(words) else ""
        if (before.endswith((",", ";", "(", "\u2014", "\u2013")) or after in _ADDITIVE
                or after == "to" or (i and words[i - 1] in {"and", "or", "but"})
                or (i >= 2 and words[i - 2] in {"and", "or"})):
            continue
        yield i


# Words between a subject and its predicate ("Kestria had never asked"), skipped
# when reading what stands next to a predicate.
_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "be", "been", "did",
                          "does", "do", "would", "will", "could", "should", "can", "may",
                          "might", "must", "also", "ever", "ve", "d", "s"})
# A predicate after one of these, in the same statement, is what someone else
# said ("he said he had served"), not what the speaker asserts.
_REPORTING = frozenset({"said", "says", "say", "told", "tells", "claimed", "claims", "stated",
                        "insisted", "wrote", "alleged", "reported", "suggested"})


def _frames(text: str, term: str) -> set[tuple[str, str]]:
    """For each asserted or denied use of ``term``: the word before it (auxiliaries and
    negators skipped) and the word after it.

    A use after a reporting verb ("said he had served") is left out.
    """
    words = [w.casefold() for w in _PLAIN_WORD.findall(text)]
    frames: set[tuple[str, str]] = set()
    for i, word in enumerate(words):
        if _term(word) != term or _REPORTING & set(words[max(0, i - 4):i]):
            continue
        k = i - 1
        while k >= 0 and (words[k] in _AUXILIARIES or content_terms(words[k]) == (NEGATION,)):
            k -= 1
        frames.add((words[k] if k >= 0 else "", words[i + 1] if i + 1 < len(words) else ""))
    return frames


def _same_frame(left: str, right: str, term: str) -> bool:
    """Whether two statements use ``term`` in one frame: the same word before it (its
    subject: "Kestria asked" / "Kestria never asked") or after it ("walked out" / "not
    walked out").

    A predicate is a proposition only with its arguments; "the steps he took"
    and "his service never took him overseas" share the verb and nothing else.
    """
    return any(bool((a == c and a) or (b == d and b))
               for a, b in _frames(left, term) for c, d in _frames(right, term))


def _denied_terms(quote: Quote, reach: int) -> frozenset[str]:
    """What a statement denies: the predicate after each denying negator, its first
    content word within ``reach`` words ("had not walked out" denies "walked"), or
    everything when its cue is a denial ("denied that her delegation had walked out").

    Only the first content word counts: the words further on are that
    predicate's own arguments ("cannot allow a mere allegation" denies the
    allowing, not the allegation).
    """
    cue = quote.cue_span.text.casefold() if quote.cue_span is not None else ""
    if cue in _DENIALS:
        return frozenset(_key_terms(quote.text))
    words = [m.group() for m in _PLAIN_WORD.finditer(quote.text)]
    found: set[str] = set()
    for i in _denying_negators(quote.text):
        following = content_terms(" ".join(words[i + 1:i + 1 + reach]))
        if following and following[0] != NEGATION:
            found.add(following[0])
    return frozenset(found)


def _sides_differ(left: str, right: str, actors: Mapping[str, Actor]) -> bool:
    """Whether two speakers may be on different sides (``Actor.side``); a speaker
    who is not a known actor may be on any."""
    if left == right:
        return False
    a, b = actors.get(left), actors.get(right)
    return a is None or b is None or a.side != b.side


def _context(item: AnalyzedArticle, quote: Quote) -> str:
    """The text of the sentences a quote overlaps (the quote itself when none)."""
    rows = _quote_rows(item, quote)
    return " ".join(item.sentences[k].text for k in rows) if rows else quote.text


def _accounts(analyzed: Sequence[AnalyzedArticle], actors: Sequence[Actor],
              quotes: Sequence[Quote], copies: frozenset[str], vectors: VectorStore,
              options: ConflictsOptions
              ) -> Iterator[Conflict]:
    """One conflict per pair of camps, with every quote that takes a side on a point
    they dispute."""
    by_id = {item.id: (position, item) for position, item in enumerate(analyzed)}
    by_actor = {actor.id: actor for actor in actors}
    usable = [(q.speaker, q, vector, _context(by_id[q.article][1], q)) for q in quotes
              if q.speaker is not None and q.article in by_id and q.article not in copies
              and (vector := _quote_vector(by_id[q.article][1], by_id[q.article][0], q,
                                           vectors)) is not None]
    topics: dict[str, tuple[str, dict[Span, ConflictSide]]] = {}
    for i, (left_actor, left, left_vec, left_context) in enumerate(usable):
        for right_actor, right, right_vec, right_context in usable[i + 1:]:
            if not _sides_differ(left_actor, right_actor, by_actor):
                continue
            if float(left_vec @ right_vec) < options.account_similarity:
                continue
            found = _account_topic(left, right, (left_context, right_context), options)
            if found is None:
                continue
            _, sides = topics.setdefault(found[0], (found[1], {}))
            for actor, quote in ((left_actor, left), (right_actor, right)):
                sides.setdefault(quote.span, ConflictSide(actor, quote.span))
    # The points two camps dispute form one clash of accounts ("full control or
    # only a commission", "asked or not", "walked out or not"): one conflict per
    # pair of camps, its topic listing the points.
    # Points of scope or number come before bare polarity ("asked / not asked").
    disputes: dict[frozenset[str | None], tuple[list[str], dict[Span, ConflictSide]]] = {}
    for _, (label, sides) in sorted(topics.items(), key=lambda t: t[0].startswith("not:")):
        camps = frozenset(by_actor[side.actor].side if side.actor in by_actor else side.actor
                          for side in sides.values())
        labels, merged = disputes.setdefault(camps, ([], {}))
        labels.append(label)
        for span, side in sides.items():
            merged.setdefault(span, side)
    for labels, sides in disputes.values():
        actor_order = list(dict.fromkeys(side.actor for side in sides.values()))
        ordered = sorted(sides.values(), key=lambda side: actor_order.index(side.actor))
        yield Conflict("; ".join(labels), "accounts", tuple(ordered))


# --- facts: what each sentence asserts --------------------------------------------------


def number_value(word: str) -> float | None:
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


# Units that scale or price an amount without saying what it is an amount of:
# "$3.6 billion" for military construction and "$5.7 billion" for the wall are
# two sums, not two accounts of one.
_SCALES = frozenset({"billion", "million", "thousand", "trillion", "hundred", "percent",
                     "dollar", "cent"})


@dataclass(frozen=True, slots=True)
class _Figure:
    """Numbers given for one noun in one sentence, whether any was hedged, and the
    content terms around them (``figure_context`` words either side)."""

    values: frozenset[float]
    hedged: bool
    context: frozenset[str] = frozenset()


def _figures(text: str, reach: int = DEFAULT_OPTIONS.conflicts.figure_context
             ) -> dict[str, _Figure]:
    """Numbers by the noun they count; see ``number_mentions``."""
    plain = _TIME.sub(" ", text)
    written = _WORD.findall(plain)
    words = [w.casefold() for w in written]
    # The plain content terms (no names, numbers or negators) with their places.
    plain_terms = [(k, t) for k, w in enumerate(written)
                   if w[:1].islower() and number_value(w.casefold()) is None
                   and (t := _term(w.casefold())) and t != NEGATION]
    found: dict[str, tuple[set[float], bool, set[str]]] = {}
    for i, word in enumerate(words):
        value = number_value(word)
        if value is None or (len(word) == 4 and 1800 <= value <= 2100):
            continue
        followers = words[i + 1:i + 3]
        if followers and followers[0] in _MONTHS:
            continue  # the day of a date, compared as a date
        hedged = i > 0 and words[i - 1] in _HEDGES
        at = bisect_left(plain_terms, (i,))
        near = {t for _, t in (*plain_terms[max(0, at - reach):at],
                               *plain_terms[at:at + reach + 1])}
        for follower in followers:
            unit = _term(follower)
            if not unit or unit == NEGATION or number_value(follower) is not None:
                break
            values, was_hedged, context = found.setdefault(unit, (set(), False, set()))
            values.add(value)
            context |= near - {unit}
            found[unit] = (values, was_hedged or hedged, context)
    return {unit: _Figure(frozenset(v), h, frozenset(c)) for unit, (v, h, c) in found.items()}


def _same_amount(a: _Figure, b: _Figure, unit: str, options: ConflictsOptions) -> bool:
    """Whether two figures in a scale unit ("billion", "percent") may measure one thing.

    Two accounts of one sum differ by rounding or a slip ("$3.5 billion" and
    "$3.6 billion" for military construction); sums far apart in one story
    are different pots ("$5.7 billion" demanded, "$8 billion" in all). So the
    values must lie within ``scale_gap`` of each other and the words around
    them share a content term.
    """
    if unit not in _SCALES:
        return True
    gap = min(abs(x - y) / max(abs(x), abs(y), 1e-9) for x in a.values for y in b.values)
    return gap <= options.scale_gap and bool(a.context & b.context)


def number_mentions(text: str) -> dict[str, frozenset[float]]:
    """Numbers by the noun they count ("12 people" -> {"people": {12}}).

    A number counts each of the (at most two) content words right after it
    ("two preliminary rounds" counts both "preliminary" and "round"), since
    without a parser the noun may be either. Four-digit years and the days of
    dates are left to date comparison, clock times ("19:50") are not counts.
    """
    return {unit: figure.values for unit, figure in _figures(text).items()}


def _figures_clash(a: _Figure, b: _Figure, tolerance: float) -> bool:
    if a.values & b.values:
        return False
    if not (a.hedged or b.hedged):
        return True
    gap = min(abs(x - y) for x in a.values for y in b.values)
    return gap > tolerance * max(*a.values, *b.values)


def compare_figures(left: str, right: str,
                    hedge_tolerance: float = DEFAULT_OPTIONS.conflicts.hedge_tolerance
                    ) -> tuple[frozenset[str], frozenset[str]]:
    """The nouns both texts count, split into those they agree on and those they clash on.

    "about five hours" and "three hours" clash on "hour"; "12 members" and
    "twelve members" agree; hedged figures agree within ``hedge_tolerance`` (a share of the larger).
    """
    a, b = _figures(left), _figures(right)
    shared = a.keys() & b.keys()
    clash = frozenset(u for u in shared if _figures_clash(a[u], b[u], hedge_tolerance))
    return frozenset(shared - clash), clash


def _number_clash(left: str, right: str, tolerance: float) -> str | None:
    return min(compare_figures(left, right, tolerance)[1], default=None)


def date_fields(mention: DateMention) -> frozenset[str]:
    """The parts of a date the writer spelled out: "year", "month", "day".

    Everything else in ``mention.value`` was inferred (a weekday or "31 March"
    resolved against a publication date), and inference is not testimony: two
    sources only contradict each other on what both actually wrote.
    """
    words = _words(mention.text)
    fields = {"year" for w in words if len(w) == 4 and w.isdigit()}
    if any(w.rstrip(".") in _MONTHS for w in words):
        fields.add("month")
        if any(w.isdigit() and len(w) <= 2 for w in re.split(r"\D+", mention.text) if w):
            fields.add("day")
    return frozenset(fields)


_FIELD_SLICES = {"year": slice(0, 4), "month": slice(5, 7), "day": slice(8, 10)}


def _project(value: str, fields: frozenset[str]) -> tuple[str, ...]:
    return tuple(value[_FIELD_SLICES[f]] for f in ("year", "month", "day") if f in fields)


def _dates_clash(a: DateMention, b: DateMention) -> bool:
    """Whether two dates cannot both be true, judged only on what both wrote.

    Values are compared at the coarser of the two precisions ("June 2023" and
    "2023" agree) and ranges agree with any date inside them.
    """
    common = date_fields(a) & date_fields(b)
    if not common or ("day" in common and "month" not in common):
        return False
    if not all(len(m.value) >= 10 or f != "day" for m in (a, b) for f in common):
        return False
    if not all(len(m.value) >= 7 or f == "year" for m in (a, b) for f in common):
        return False
    lo_a, hi_a = _project(a.value, common), _project(a.end_value or a.value, common)
    lo_b, hi_b = _project(b.value, common), _project(b.end_value or b.value, common)
    return hi_a < lo_b or hi_b < lo_a


def date_anchor(text: str, spans: Sequence[tuple[int, int]], k: int) -> str | None:
    """What the ``k``-th date of a sentence dates: the nearest common word before it.

    "signed in 1998" dates the signing and "completed in 2001" the completion;
    the subject both share ("the treaty") does not make them one event, so
    only the nearest word counts, looked for back to the previous date or
    clause break. A date that opens its clause ("In 2019 the bridge opened")
    takes the first word after it instead.
    """
    start, end = spans[k]
    breaks = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
    before = _plain_terms(text[max([0, *breaks, *(e for s, e in spans if e <= start)]):start])
    if before:
        return before[-1]
    stop = _CLAUSE.search(text, end)
    limit = min([len(text), *([stop.start()] if stop else []), *(s for s, _ in spans if s >= end)])
    after = _plain_terms(text[end:limit])
    return after[0] if after else None


def _plain_terms(text: str) -> list[str]:
    """Content terms in order, without numbers, months, negators and names."""
    return [t for t in content_terms(text)
            if t != NEGATION and not t.isdigit() and t not in _MONTHS and not is_name(text, t)]


def negated_within(text: str, reach: int) -> frozenset[str]:
    """Content terms among the ``reach`` words after each negator ("did not reach a
    complete agreement" with reach 4 negates all four), up to the next negator."""
    words = _WORD.findall(text)
    found: set[str] = set()
    for i, word in enumerate(words):
        if content_terms(word) != (NEGATION,):
            continue
        for term in content_terms(" ".join(words[i + 1:i + 1 + reach])):
            if term == NEGATION:
                break
            found.add(term)
    return frozenset(found)


def negated_terms(text: str) -> frozenset[str]:
    """Content terms a negator governs: the first content word after it."""
    terms = content_terms(text)
    return frozenset(b for a, b in pairwise(terms)
                     if a == NEGATION and b != NEGATION)


# --- facts: clashes between aligned sentences, merged by topic --------------------------


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one sentence asserts, in the forms the clash rules compare."""

    text: str
    terms: frozenset[str]
    figures: dict[str, _Figure]
    dates: tuple[tuple[DateMention, str | None], ...]
    negated: frozenset[str]


def _read(index: SentenceIndex, row: int, options: ConflictsOptions) -> _Reading:
    a, s = index.refs[row]
    item = index.analyzed[a]
    sentence = item.sentences[s]
    text = sentence.text
    mentions = [d for d in item.dates if d.sentence == s]
    spans = [(d.start - sentence.start, d.end - sentence.start) for d in mentions]
    dates = tuple((d, date_anchor(text, spans, k))
                  for k, d in enumerate(mentions) if date_fields(d))
    return _Reading(text, index.terms[row], _figures(text, options.figure_context), dates,
                    negated_terms(text))


@dataclass(frozen=True, slots=True)
class _Clash:
    """Two sentences give values ``a`` and ``b`` for topic ``key`` (shown as ``label``)."""

    key: str
    label: str
    a: str
    b: str


def _format(values: frozenset[float]) -> str:
    return " or ".join(f"{v:g}" for v in sorted(values))


def _clashes(left: _Reading, right: _Reading, cosine: float,
             options: ConflictsOptions) -> Iterator[_Clash]:
    """Every way two aligned sentences contradict each other."""
    for unit in sorted(left.figures.keys() & right.figures.keys()):
        a, b = left.figures[unit], right.figures[unit]
        if (_figures_clash(a, b, options.hedge_tolerance)
                and _same_amount(a, b, unit, options)):
            yield _figure_clash(left.text, unit, a, b)
    for date_a, anchor_a in left.dates:
        for date_b, anchor_b in right.dates:
            if anchor_a is not None and anchor_a == anchor_b and _dates_clash(date_a, date_b):
                yield _Clash(f"date:{anchor_a}", _surface(left.text, anchor_a),
                             date_a.text, date_b.text)
    if cosine >= options.negation_cosine:
        for term in sorted((left.negated ^ right.negated) & left.terms & right.terms):
            word = _surface(left.text, term)
            yield _Clash(f"polarity:{term}", word,
                         ("not " if term in left.negated else "") + word,
                         ("not " if term in right.negated else "") + word)


def _figure_clash(text: str, unit: str, a: _Figure, b: _Figure) -> _Clash:
    """The clash of two figures for ``unit``; a scale unit is keyed and labelled by what
    it measures, the words both figures stand among, as ``text`` writes them."""
    if unit not in _SCALES:
        return _Clash(f"number:{unit}", _surface(text, unit), _format(a.values),
                      _format(b.values))
    shared = a.context & b.context
    label = " ".join(dict.fromkeys(w for w in _WORD.findall(text)
                                   if w[:1].islower() and _term(w.casefold()) in shared))
    word = _surface(text, unit)
    return _Clash(f"number:{unit}", label, f"{_format(a.values)} {word}",
                  f"{_format(b.values)} {word}")


def _agrees(reading: _Reading, key: str, values: set[str]) -> str | None:
    """The value ``reading`` gives for a number topic, when it is one already in dispute."""
    kind, _, unit = key.partition(":")
    figure = reading.figures.get(unit) if kind == "number" else None
    if figure is None:
        return None
    value = _format(figure.values)
    if unit in _SCALES:
        value = f"{value} {_surface(reading.text, unit)}"
    return value if value in values else None


def _groups(edges: Sequence[tuple[int, int]]) -> list[set[int]]:
    """Connected components of an undirected graph given by its edges."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j in edges:
        parent[root(i)] = root(j)
    components: dict[int, set[int]] = {}
    for x in list(parent):
        components.setdefault(root(x), set()).add(x)
    return list(components.values())


def _plural(count: int) -> str:
    return f"{count} source" if count == 1 else f"{count} sources"


def _conflict(index: SentenceIndex, label: str, values: Mapping[int, str],
              strength: Mapping[int, float], articles: Mapping[str, Article]) -> Conflict:
    """Sides grouped by value, best supported first; one side per article, the
    sentence that clashes most closely (``strength``: its best cosine in the clash)."""
    chosen: dict[int, int] = {}
    for row in sorted(values, key=lambda r: (-strength.get(r, 0.0), r)):
        chosen.setdefault(index.refs[row][0], row)
    by_value: dict[str, list[Span]] = {}
    for row in sorted(chosen.values()):
        by_value.setdefault(values[row], []).append(index.span(index.refs[row]))
    ranked = sorted(by_value.items(), key=lambda kv: -count_sources(kv[1], articles))
    topic = f"{label}: " + " vs ".join(
        f"{value} ({_plural(count_sources(spans, articles))})" for value, spans in ranked)
    return Conflict(topic, "facts",
                    tuple(ConflictSide(None, span) for _, spans in ranked for span in spans))


def _facts(index: SentenceIndex, copies: frozenset[str], options: ConflictsOptions
           ) -> Iterator[Conflict]:
    analyzed = index.analyzed
    articles: dict[str, Article] = {item.id: item.article for item in analyzed}
    source = np.array([source_key(analyzed[a].article, articles) for a, _ in index.refs])
    usable = np.array([analyzed[a].id not in copies and index.claimable((a, s))
                       for a, s in index.refs], dtype=bool)
    match = index.matches()
    first, second = match.rows[:, 0], match.rows[:, 1]
    match = match.where(usable[first] & usable[second] & (source[first] != source[second]))
    readings: dict[int, _Reading] = {}

    def reading(row: int) -> _Reading:
        if row not in readings:
            readings[row] = _read(index, row, options)
        return readings[row]

    found: dict[str, tuple[list[tuple[int, int, float, str]], dict[int, str]]] = {}
    for (i, j), cosine in zip(match.rows.tolist(), match.cosine.tolist(), strict=True):
        for clash in _clashes(reading(i), reading(j), cosine, options):
            edges, values = found.setdefault(clash.key, ([], {}))
            edges.append((i, j, cosine, clash.label))
            values.setdefault(i, clash.a)
            values.setdefault(j, clash.b)
    for key, (edges, values) in found.items():
        for rows in _groups([(i, j) for i, j, _, _ in edges]):
            group = {row: values[row] for row in rows}
            strength: dict[int, float] = {}
            closest = max((e for e in edges if e[0] in rows), key=lambda e: e[2])
            for i, j, cosine, _ in edges:
                for row in (i, j) if i in rows else ():
                    strength[row] = max(strength.get(row, 0.0), cosine)
            disputed = set(group.values())
            for row in match.partners(rows):
                if row not in group and (value := _agrees(reading(row), key, disputed)):
                    group[row] = value
            yield _conflict(index, closest[3], group, strength, articles)


def _copies(analyzed: Sequence[AnalyzedArticle]) -> frozenset[str]:
    """Ids of articles that copy another article of the corpus (never a side of their own)."""
    ids = {item.id for item in analyzed}
    return frozenset(item.id for item in analyzed if item.article.duplicate_of in ids)


def find_conflicts(analyzed: Sequence[AnalyzedArticle], actors: Sequence[Actor],
                   quotes: Sequence[Quote], index: SentenceIndex | None = None,
                   vectors: VectorStore | None = None, *,
                   options: ConflictsOptions = DEFAULT_OPTIONS.conflicts
                   ) -> tuple[Conflict, ...]:
    """Accounts conflicts (between actors) first, then facts conflicts (between sources).

    ``index`` is ``sentence_index(analyzed, vectors)`` when the caller already
    has it; which sentences align is the index's (the claims options) to say,
    and its sentence-vector cache serves the quotes too.
    """
    if index is None:
        index = sentence_index(analyzed, vectors)
    copies = _copies(analyzed)
    return (*_accounts(analyzed, actors, quotes, copies, index.vectors, options),
            *_facts(index, copies, options))
