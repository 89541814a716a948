"""Conflicts: where actors' accounts or sources' facts disagree.

Precision comes first (a wrong conflict misleads more than a missed one
does), so both kinds need two things at once: evidence that the two
statements are about the same matter, and an explicit, local marker that
they differ.

``accounts`` pairs quotes of different actors (different sides when
affiliations are known) that share a key term and qualify it in opposite ways
("all the sanctions" against "partial sanctions"), disagree on a number next
to it, or one denies the predicate the other asserts in the same frame ("had
not walked out" against "walked out"; never a conditional, a question, a
contrast or an instruction). A report called false by someone ("told The Post
the allegations were completely false") is a dispute between its disputers and
its author's statements. An outlet's own sentence that denies, with a verb's
negator, what a speaker asserts in the same frame ("I served in the navy"
against "Mr. Hale never served in the navy") is a dispute between that speaker
and the outlet (a side with no actor), as is the writer's "In fact, ..." right
after a speaker's statement; a criticism the outlet reports ("criticism that
the toll sets a precedent") against a speaker who denies it ("zero
precedent") is a dispute between that speaker and the critics. A report of
a person's words that the outlet calls wrong ("The Gazette reported
incorrectly that Mr. Hale had urged ...") is a dispute between its author
and that person's own quote in the article.

``facts`` pairs aligned sentences of different independent sources that give
different numbers for the same noun (nouns of one measure are one noun,
"arrests" and "apprehensions", and a figure with no noun counts its change
verb's subject: "apprehensions have fallen ... to 400,000"), incompatible
dates for the same event,
opposite polarity on the same predicate, one person's post with and without a
rank word, or one event's place in one year differently
(``compare._fact_names``). A syndicated copy is never a side: it
says what its original says. Pairwise clashes on one topic merge into one
conflict whose sides are grouped by the value they give, with the sentences
that agree with one of those values joining that value's side, so a reader
sees "five hours (5 sources) vs three hours (1 source)" once rather than one
conflict per pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np

from parallax.analyze._quote_marks import opens_on_quotation
from parallax.analyze.vectors import VectorStore
from parallax.compare._fact_names import (
    PLACE_LABELS,
    places_clash,
    places_in,
    titles,
    titles_clash,
)
from parallax.compare.claims import NEGATION, SentenceIndex, content_terms, sentence_index
from parallax.compare.predicates import (
    Predication,
    asserts_either_way,
    meaning_terms,
    opposed,
    predications,
)
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

__all__ = ["compare_figures", "date_anchor", "date_fields", "figures_disagree", "find_conflicts",
           "is_name", "measures_clash", "negated_terms", "negated_within", "number_mentions",
           "quote_rows", "same_person", "scope_of"]

_WHOLE = frozenset({"all", "entire", "entirety", "every", "complete", "completely", "fully",
                    "full", "total", "totally", "whole"})
# Not "some", "few", "several", "certain" or "part": they count or pick out
# ("some demonstrators", "not in any part of the report") far more often than
# they limit a demand, and set unrelated real-news statements against each other.
_PART = frozenset({"partial", "partially", "portion", "only", "limited", "half"})
_HEDGES = frozenset({"about", "around", "roughly", "nearly", "almost", "approximately",
                     "some", "over", "under", "more", "less", "up", "least", "estimated",
                     "than"})
_CUES = _WHOLE | _PART
# Conflicts compare texts of any article pair through helpers that take only
# text, so they read the English pack (the only one shipped, see
# parallax.lang.pack_for) rather than each article's.
_WORD = ENGLISH.figure_word
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?![\d.,])")
_NUMBER_WORDS = {word: float(value) for word, value in ENGLISH.number_words.items()}
_MONTHS = frozenset(ENGLISH.months)
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _term(word: str) -> str:
    terms = content_terms(word)
    return terms[0] if terms else ""


def _surface(text: str, term: str) -> str:
    """The word as written for a term (the reader sees "sanctions", not "sanction")."""
    return next((w for w in _WORD.findall(text) if _term(w.casefold()) == term), term)


# --- accounts -------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def scope_of(text: str, term: str, window: int = DEFAULT_OPTIONS.conflicts.window) -> str | None:
    """"whole" or "part" when ``term`` is qualified one way only within ``window`` words
    of its own sentence ("everything they want every time. The proposal ..." does
    not qualify the proposal)."""
    found: set[str] = set()
    for sentence in _SENTENCE_END.split(text):
        words = _words(sentence)
        for i, word in enumerate(words):
            if _term(word) != term:
                continue
            near = words[max(0, i - window):i + window + 1]
            found |= {"whole" for w in near if w in _WHOLE} | {"part" for w in near if w in _PART}
    return found.pop() if len(found) == 1 else None


def quote_rows(item: AnalyzedArticle, quote: Quote) -> list[int]:
    """The sentences a quote overlaps."""
    return [k for k, s in enumerate(item.sentences)
            if s.start < quote.span.clean_end and quote.span.clean_start < s.end]


class _Unit:
    """The unit vector of the mean embedding of some sentences of one article (a
    quote's: quotes have no vector of their own), computed when a comparison first
    reads it.

    Most statements are compared by embedding only after cheaper tests pass (two
    sides, a shared key word, a clash of scope, number or polarity), so most are
    never embedded; ``refs`` lets a caller fetch the ones it will compare in one
    batched call first. The mean of a few MiniLM unit vectors is never the zero
    vector (their cosines are far from -1); were it, it would compare as 0 with
    everything.
    """

    __slots__ = ("_value", "position", "rows", "vectors")

    def __init__(self, vectors: VectorStore, position: int, rows: Sequence[int]) -> None:
        self.vectors, self.position, self.rows = vectors, position, tuple(rows)
        self._value: np.ndarray[Any, Any] | None = None

    @property
    def refs(self) -> list[tuple[int, int]]:
        return [(self.position, k) for k in self.rows]

    @property
    def value(self) -> np.ndarray[Any, Any]:
        if self._value is None:
            vector = self.vectors.rows(self.position, self.rows).mean(axis=0)
            norm = float(np.linalg.norm(vector))
            self._value = vector / norm if norm else vector
        return self._value

    def __matmul__(self, other: _Unit) -> float:
        return float(self.value @ other.value)


def _fetch(units: Iterable[_Unit]) -> None:
    """Compute the sentence vectors of ``units`` in batched calls (the store's ``ensure``)."""
    chosen = list(units)
    if chosen:
        chosen[0].vectors.ensure(ref for unit in chosen for ref in unit.refs)


def _quote_vector(item: AnalyzedArticle, position: int, quote: Quote, vectors: VectorStore
                  ) -> _Unit | None:
    """The vector of the sentences a quote overlaps, None when it has none.

    ``position`` is the article's place in the analysed set ``vectors`` covers.
    """
    rows = quote_rows(item, quote)
    if not rows or not vectors.has(position):
        return None
    return _Unit(vectors, position, rows)


# Every pair of quotes asks for both sides' key terms and scopes (``_account_topic``):
# read once per text; bounded, so a long-running process does not grow.
@lru_cache(maxsize=1 << 14)
def _key_terms(text: str) -> frozenset[str]:
    return frozenset(t for t in content_terms(text)
                     if t != NEGATION and t not in _CUES and not t.isdigit())


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
    outside the quote ("were the claims to hold, she would not ...")
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
    unit = _number_clash(left.text, right.text, options)
    if unit:
        return unit, _surface(left.text, unit)
    # Opposite polarity ("had not walked out" against "walked out") is a dispute
    # only between statements about the same thing: they share another key word
    # besides the one negated ("no agreement was reached" and "make the right
    # agreement" share nothing else, and do not disagree).
    if len(shared) < options.polarity_shared or not all(map(asserts_either_way, contexts)):
        return None
    left_reading, right_reading = (
        predications(q.text, options.account_negation_reach,
                     cue=q.cue_span.text if q.cue_span is not None else "")
        for q in (left, right))
    meant = shared | (meaning_terms(left.text) & meaning_terms(right.text))
    for term in opposed(left_reading, right_reading):
        if term in meant and not is_name(left.text, term):
            word = _surface(left.text, term)
            return f"not:{term}", f"{word} / not {word}"
    return None


_PLAIN_WORD = ENGLISH.word


def _name_words(actor: Actor) -> list[str]:
    return [w.strip(".").casefold() for w in actor.name.split() if w.strip(".")]


def same_person(a: Actor, b: Actor) -> bool:
    """Whether two person actors are one person under two name forms ("Susan Rice" and
    "Susan E. Rice", "Michael Conaway" and "K. Michael Conaway").

    The same surname, the same generational suffix, and every full word of the
    shorter name in the longer; initials may be added or dropped. Actor
    resolution merges most such pairs; a pair it leaves apart must still
    never be set against itself.
    """
    if a.kind != "person" or b.kind != "person":
        return False
    short, long = sorted((_name_words(a), _name_words(b)), key=len)
    if len(short) < 2 or short[-1] != long[-1]:
        return False
    return all(len(w) == 1 or w in long for w in short)


def _sides_differ(left: str, right: str, actors: Mapping[str, Actor]) -> bool:
    """Whether two speakers may be on different sides (``Actor.side``); a speaker
    who is not a known actor may be on any."""
    if left == right:
        return False
    a, b = actors.get(left), actors.get(right)
    return a is None or b is None or (a.side != b.side and not same_person(a, b))


def _context(item: AnalyzedArticle, quote: Quote) -> str:
    """The text of the sentences a quote overlaps (the quote itself when none)."""
    rows = quote_rows(item, quote)
    return " ".join(item.sentences[k].text for k in rows) if rows else quote.text


# A statement calling a report one of these disputes it as a whole ("the
# allegations were completely false", "correcting the false story").
_REFUTING = frozenset({"false", "phony", "fake", "baseless", "untrue", "inaccurate", "bogus",
                       "distortion", "distorts", "distorted", "fabrication", "fabricated",
                       "hoax", "smear", "lies", "garbage", "nonsense"})
_NOT_REFUTING = frozenset({"accurate", "true", "correct"})
_DISPUTING_CUES = frozenset({"deny", "denies", "denied", "denying", "dispute", "disputes",
                             "disputed", "disputing", "reject", "rejects", "rejected",
                             "refute", "refutes", "refuted"})
# What a dispute of a report is about: a report, story or allegation someone made.
_REPORT_NOUNS = {"report": "report", "reports": "report", "reporting": "report",
                 "story": "story", "article": "article", "piece": "story",
                 "allegation": "allegations", "allegations": "allegations",
                 "accusation": "allegations", "accusations": "allegations",
                 "account": "account", "claims": "claims",
                 # "the Gazette's description of the contract is not accurate"
                 "description": "description", "characterization": "characterization",
                 "portrayal": "portrayal"}
_NOUN_ORDER = list(dict.fromkeys(_REPORT_NOUNS.values()))

_Usable = tuple[str, Quote, _Unit, str]


def _refuting_words(text: str) -> set[str]:
    """The refuting words of ``text`` that no negator before them in their clause
    takes back: "we found no sign that any line of our story was inaccurate"
    stands by a story, it does not call it inaccurate."""
    found: set[str] = set()
    for clause in _CLAUSE.split(text):
        for sentence in _SENTENCE_END.split(clause):
            words = _words(sentence)
            for i, word in enumerate(words):
                if word in _REFUTING and not any(content_terms(w) == (NEGATION,)
                                                 for w in words[:i]):
                    found.add(word)
    return found


def _refutes(quote: Quote) -> bool:
    """Whether a statement disputes something as a whole: a disputing cue ("denied the
    allegations") or a refuting word in its own words ("completely false", "not
    accurate")."""
    cue = quote.cue_span.text.casefold() if quote.cue_span is not None else ""
    words = _words(quote.text)
    return (cue in _DISPUTING_CUES or bool(_refuting_words(quote.text))
            or any(a in {"not", "never"} and b in _NOT_REFUTING for a, b in pairwise(words)))


def _names(actor: Actor) -> list[str]:
    return [name for name in (actor.name, *actor.aliases) if len(name) > 2]


def _named(text: str, actor: Actor) -> bool:
    """Whether ``text`` names ``actor`` (its name or an alias, as written)."""
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in _names(actor))


def _report_of(text: str, actor: Actor, reach: int) -> str | None:
    """The report noun ``text`` ties to ``actor`` as its author, if any: the name within
    ``reach`` words before the noun ("the BuzzFeed report", "told The Post that the
    allegations") or after "in" or "by" right after it ("a report in the Times")."""
    for name in _names(actor):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            # Within its clause: in "the Gazette offices, and the description of
            # the contract" the noun is not the Gazette's.
            rest = text[match.end():]
            stop = _CLAUSE.search(rest)
            after = _words(rest[:stop.start()] if stop else rest)[:reach]
            noun = next((w for w in after if w in _REPORT_NOUNS), None)
            if noun is not None:
                return _REPORT_NOUNS[noun]
            before = _words(text[:match.start()])[-3:]
            if len(before) >= 2 and before[-1] in {"in", "by"} and before[-2] in _REPORT_NOUNS:
                return _REPORT_NOUNS[before[-2]]
    return None


def _report_disputes(usable: Sequence[_Usable], actors: Mapping[str, Actor],
                     options: ConflictsOptions
                     ) -> Iterator[tuple[str, str, list[ConflictSide]]]:
    """Reports disputed as a whole, each with its disputers and the statements of the
    one who reported it.

    "Ms. Vale told the Ledger that the allegations were entirely untrue" names
    what is disputed (a report noun: "the allegations") and whose it is (an
    actor named in the sentence, of another camp: the Ledger). The other side is
    what that reporter says, in the statements attributed to it or to its own
    people, and the statements of others in sentences that name it, when they
    neither dispute it nor only suppose it ("if the story is true ...").
    """
    def camp(actor_id: str) -> str:
        return actors[actor_id].side if actor_id in actors else actor_id

    disputed: dict[str, tuple[set[str], list[_Usable]]] = {}
    for entry in usable:
        speaker, quote, _, context = entry
        if not (_refutes(quote) and asserts_either_way(context)):
            continue
        for actor in actors.values():
            if actor.kind == "place" or camp(actor.id) == camp(speaker):
                continue
            noun = _report_of(context, actor, options.report_reach)
            if noun is not None:
                nouns, entries = disputed.setdefault(actor.id, (set(), []))
                nouns.add(noun)
                entries.append(entry)
    for reporter_id, (nouns, disputers) in disputed.items():
        # The whole report before a part of it: "story" reads better than "description".
        noun = min(nouns, key=_NOUN_ORDER.index)
        reporter = actors[reporter_id]
        against = {camp(speaker) for speaker, *_ in disputers}
        # The reporter's own statements are its report; another's count when
        # they name the reporter and stand near a disputer's words.
        backing = [ConflictSide(speaker, quote.span) for speaker, quote, vector, context in usable
                   if camp(speaker) not in against and not _refutes(quote)
                   and asserts_either_way(context)
                   and (camp(speaker) == reporter.side
                        or (_named(context, reporter)
                            and max(vector @ d[2] for d in disputers)
                            >= options.account_similarity))]
        if backing:
            verb = "are" if noun.endswith("s") else "is"
            yield (f"report:{reporter_id}", f"whether {reporter.name}'s {noun} {verb} accurate",
                   [*(ConflictSide(speaker, quote.span) for speaker, quote, *_ in disputers),
                    *backing])


# Words that report what unnamed others hold, with the claim in the clause after
# "that" ("rejected criticism from the quays that the toll was setting a
# precedent"): that clause is the critics' assertion, not the outlet's.
_CRITICS = re.compile(r"\b(?:criticism|criticisms|accusations?|charges?|complaints?|concerns?|"
                      r"fears?|suggestions?)\b[^.;:]*?\bthat\b", re.IGNORECASE)


def _narrations(analyzed: Sequence[AnalyzedArticle], quotes: Sequence[Quote],
                copies: frozenset[str], vectors: VectorStore, options: ConflictsOptions
                ) -> Iterator[tuple[Span, _Unit, tuple[Predication, ...], str, bool]]:
    """The outlets' own sentences that deny something or report a criticism: no quote
    overlaps them and they assert either way, with their unit vector, their
    readings and whether the readings are the critics' (then only of the clause
    after "that", and the statements they clash with are the denials).

    A denial is the outlet's: a predicate in it is denied ("Mr. Hale, a former
    officer, never served in the navy"). A criticism is another camp's: what
    it asserts ("criticism that the toll was setting a precedent").
    """
    by_id = {item.id: item for item in analyzed}
    quoted: dict[str, set[int]] = {}
    for quote in quotes:
        if quote.article in by_id:
            quoted.setdefault(quote.article, set()).update(quote_rows(by_id[quote.article], quote))
    found: list[tuple[int, int, tuple[Predication, ...], bool]] = []
    for position, item in enumerate(analyzed):
        if item.id in copies or not vectors.has(position):
            continue
        for k, sentence in enumerate(item.sentences):
            if k in quoted.get(item.id, set()) or opens_on_quotation(sentence.text) or (
                    not asserts_either_way(sentence.text)):
                continue
            critics = _CRITICS.search(sentence.text)
            said = predications(sentence.text[critics.end():] if critics else sentence.text,
                                options.account_negation_reach)
            if critics or any(p.denied for p in said):
                found.append((position, k, said, critics is not None))
    for position, k, said, by_critics in found:
        item, sentence = analyzed[position], analyzed[position].sentences[k]
        yield (item.article.span(sentence.start, sentence.end), _Unit(vectors, position, [k]),
               said, sentence.text, by_critics)


def _fact_checks(analyzed: Sequence[AnalyzedArticle], usable: Sequence[_Usable],
                 quotes: Sequence[Quote], copies: frozenset[str], vectors: VectorStore,
                 options: ConflictsOptions) -> Iterator[tuple[str, str, list[ConflictSide]]]:
    """An outlet's own sentence denying what a speaker asserts, or reporting a criticism
    the speaker denies, on the same matter.

    "I served in the navy", quoted, against the outlet's "Mr. Hale never served
    in the navy" is a dispute of accounts whose second side is the outlet (no
    actor); "The toll sets zero precedent", quoted, against "her office rejected
    criticism that the toll was setting a precedent" one whose second side is the
    critics (no actor either). The same rules as between two speakers hold: one
    matter (cosine ``account_similarity``, ``polarity_shared`` key words in
    common) and one predicate denied in the frame the other asserts it in.
    Only these directions count: an outlet asserting what a speaker denies is
    most often the report of what the speaker denies.
    """
    # The readings first, the embeddings (one batched call) last: a narration and a
    # statement are compared by embedding only when the narration denies what the
    # statement asserts, which most pairs do not.
    opposing = [(narration, list(_denials(narration, usable, options)))
                for narration in _narrations(analyzed, quotes, copies, vectors, options)]
    _fetch([*(narration[1] for narration, found in opposing if found),
            *{id(f[3]): f[3] for _, found in opposing for f in found}.values()])
    for (span, vector, *_), denials in opposing:
        found = [(cosine, term, speaker, quote) for term, speaker, quote, quote_vector in denials
                 if (cosine := vector @ quote_vector) >= options.account_similarity]
        if found:
            # A rebuttal answers one statement: the closest of those it denies.
            _, term, speaker, quote = max(found, key=lambda f: f[0])
            word = _surface(quote.text, term)
            yield (f"not:{term}", f"{word} / not {word}",
                   [ConflictSide(speaker, quote.span), ConflictSide(None, span)])


def _denials(narration: tuple[Span, _Unit, tuple[Predication, ...], str, bool],
             usable: Sequence[_Usable], options: ConflictsOptions
             ) -> Iterator[tuple[str, str, Quote, _Unit]]:
    """(term, speaker, statement, its vector) for each of ``usable`` that shares
    ``polarity_shared`` key words with a narration (``_narrations``) and asserts a
    predicate the narration denies, or (by critics) denies what it asserts."""
    _, _, said, text, critics = narration
    denied = {p.term for p in said if _denies_a_verb(p)}
    for speaker, quote, quote_vector, context in usable:
        shared = _key_terms(quote.text) & _key_terms(text)
        if len(shared) < options.polarity_shared or not asserts_either_way(context):
            continue
        reading = predications(quote.text, options.account_negation_reach,
                               cue=quote.cue_span.text if quote.cue_span is not None else "")
        if critics:
            denied = {p.term for p in reading if _denies_a_verb(p)}
        meant = shared | (meaning_terms(quote.text) & meaning_terms(text))
        term = next((t for t in opposed(reading, said)
                     if t in denied and t in meant and not is_name(quote.text, t)), None)
        if term is not None:
            yield term, speaker, quote, quote_vector


def _denies_a_verb(predication: Predication) -> bool:
    """Whether a verb's negator denies the predicate ("never served", "is not", "didn't",
    "sets zero precedent"): "without" or "no" before a noun makes an argument
    ("reopen without a border deal"), not a denial of what someone said."""
    negator = predication.negator
    return negator in {"not", "never", "zero"} or negator.endswith("n't")


# The writer's own correction of what was just said: "... ,” Mr. Hale said. In
# fact, the ferry has run at a loss since 2019."
_CORRECTION = re.compile(r"(?:but\s+)?in\s+fact,", re.IGNORECASE)


def _corrections(analyzed: Sequence[AnalyzedArticle], usable: Sequence[_Usable],
                 quotes: Sequence[Quote], actors: Mapping[str, Actor]
                 ) -> Iterator[tuple[str, str, list[ConflictSide]]]:
    """An outlet's "In fact, ..." right after one speaker's statement: the writer
    setting the record against what was said.

    Only the writer's own words count: the sentence is no part of a quote that
    runs into it, opens with no quotation mark ("“In fact, I have never ..."
    presses the speaker's own point), carries no statement of the speaker just
    quoted, and asserts either way; the sentence before carries statements of
    one speaker only. The correction's side is the speaker a quote in it names
    ("according to prosecutors"), else the outlet (no actor).
    """
    by_article: dict[str, list[_Usable]] = {}
    for entry in usable:
        by_article.setdefault(entry[1].article, []).append(entry)
    for item in analyzed:
        mine = [q for q in quotes if q.article == item.id]
        for k, sentence in enumerate(item.sentences[1:], start=1):
            if not _CORRECTION.match(sentence.text) or not asserts_either_way(sentence.text):
                continue
            if any(q.span.clean_start < sentence.start < q.span.clean_end for q in mine):
                continue
            speakers = {q.speaker for q in mine if k - 1 in (rows := quote_rows(item, q))
                        and k not in rows}
            speaker = speakers.pop() if len(speakers) == 1 else None
            if speaker is None:
                continue
            before = [e for e in by_article.get(item.id, ()) if e[0] == speaker
                      and k - 1 in (rows := quote_rows(item, e[1])) and k not in rows]
            inside = [q for q in mine if k in quote_rows(item, q)]
            if any(q.speaker == speaker for q in inside):
                continue
            named = next((q.speaker for q in inside if q.speaker is not None), None)
            span = item.article.span(sentence.start, sentence.end)
            name = actors[speaker].name if speaker in actors else "the speaker"
            yield (f"corrected:{item.id}:{k}", f"whether {name}'s statement is accurate",
                   [*(ConflictSide(speaker, entry[1].span) for entry in before
                      if asserts_either_way(entry[3])),
                    ConflictSide(named, span)])


# The writer calling one source's report of another's words wrong: "The Gazette
# reported incorrectly that Mr. Hale had urged ...".
_FALSELY = r"(?:incorrectly|falsely|wrongly|erroneously|mistakenly|inaccurately)"
_REPORTED = r"(?:reported|said|wrote|claimed|stated|suggested|asserted)"
_MISREPORTED = re.compile(rf"\b(?:{_REPORTED}\s+{_FALSELY}|{_FALSELY}\s+{_REPORTED})\s+that\s*$",
                          re.IGNORECASE)


def _misreports(analyzed: Sequence[AnalyzedArticle], usable: Sequence[_Usable],
                actors: Mapping[str, Actor], options: ConflictsOptions
                ) -> Iterator[tuple[str, str, list[ConflictSide]]]:
    """A report of what a person said that the outlet calls wrong, against what that
    person is quoted saying in the same article.

    "The Gazette reported incorrectly that Mr. Hale had urged the board to sell
    the ferry" sets the Gazette's account against Mr. Hale's own words on the
    matter: his quote in that article closest to the report (cosine at least
    ``account_similarity``). Only a person named at the head of the reported
    clause counts: "falsely stated that the port is the only one" reports no
    one's words.
    """
    sentences = {item.id: item.sentences for item in analyzed}
    for speaker, quote, vector, _ in usable:
        rows = [s for s in sentences.get(quote.article, ())
                if s.start <= quote.span.clean_start < s.end]
        if not rows:
            continue
        sentence = rows[0]
        if not _MISREPORTED.search(sentence.text[:quote.span.clean_start - sentence.start]):
            continue
        head = quote.text[:40]
        named = [a for a in actors.values() if a.kind == "person" and _named(head, a)
                 and _sides_differ(speaker, a.id, actors)]
        if len(named) != 1:
            continue
        person = named[0]
        own = [(vector @ v, q) for who, q, v, _ in usable
               if who == person.id and q.article == quote.article]
        best = max(own, key=lambda found: found[0], default=None)
        if best is None or best[0] < options.account_similarity:
            continue
        reporter = actors[speaker].name if speaker in actors else "the report"
        yield (f"misreported:{speaker}:{person.id}",
               f"whether {reporter}'s account of {person.name} is accurate",
               [ConflictSide(speaker, quote.span), ConflictSide(person.id, best[1].span)])


def _accounts(analyzed: Sequence[AnalyzedArticle], actors: Sequence[Actor],
              quotes: Sequence[Quote], copies: frozenset[str], vectors: VectorStore,
              options: ConflictsOptions
              ) -> Iterator[Conflict]:
    """One conflict per pair of camps, with every quote that takes a side on a point
    they dispute."""
    by_id = {item.id: (position, item) for position, item in enumerate(analyzed)}
    by_actor = {actor.id: actor for actor in actors}
    # An unnamed source ("critics", "Tarn's campaign") takes no camp: which side
    # it speaks for is not known.
    named = [(q.speaker, q) for q in quotes
             if q.speaker is not None and q.article in by_id and q.article not in copies
             and not (q.speaker in by_actor and by_actor[q.speaker].described)]
    usable = [(speaker, q, vector, _context(by_id[q.article][1], q)) for speaker, q in named
              if (vector := _quote_vector(by_id[q.article][1], by_id[q.article][0], q,
                                          vectors)) is not None]
    # Two sides and a point of dispute first, the embeddings (one batched call) last:
    # most pairs of quotes have no point of dispute, and then no quote of theirs
    # needs a vector.
    clashes = [(left, right, found) for i, left in enumerate(usable) for right in usable[i + 1:]
               if _sides_differ(left[0], right[0], by_actor)
               and (found := _account_topic(left[1], right[1], (left[3], right[3]), options))]
    _fetch({id(entry[2]): entry[2] for pair in clashes for entry in pair[:2]}.values())
    topics: dict[str, tuple[str, dict[Span, ConflictSide]]] = {}
    for (left_actor, left, left_vec, _), (right_actor, right, right_vec, _), found in clashes:
        if left_vec @ right_vec < options.account_similarity:
            continue
        _, sides = topics.setdefault(found[0], (found[1], {}))
        for actor, quote in ((left_actor, left), (right_actor, right)):
            sides.setdefault(quote.span, ConflictSide(actor, quote.span))
    for key, label, found_sides in (*_report_disputes(usable, by_actor, options),
                                    *_fact_checks(analyzed, usable, quotes, copies, vectors,
                                                  options),
                                    *_corrections(analyzed, usable, quotes, by_actor),
                                    *_misreports(analyzed, usable, by_actor, options)):
        _, sides = topics.setdefault(key, (label, {}))
        for side in found_sides:
            sides.setdefault(side.span, side)
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
# "$2.1 billion" for dam repairs and "$4.4 billion" for the canal are
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


# A measure counted under near-synonym nouns, by the stem of the group's first noun.
_MEASURES = {_term(noun): _term(group[0]) for group in ENGLISH.meanings.measures
             for noun in group}
_CHANGES = ENGLISH.meanings.changes
# How far back from a figure with no noun its change verb may stand, in words (not
# tuned: about the length of a clause in news prose).
_CHANGE_REACH = 12


def _counted_subject(written: Sequence[str], words: Sequence[str], i: int) -> int | None:
    """The place of the noun a figure with no noun of its own counts, when a change
    verb sets it: "harbour detentions have in fact dropped over the decade, to
    9,000" counts detentions. The figure follows the verb or its "to" or
    "from" (a hedge between allowed); the subject is the plural word before the
    verb, past auxiliaries and adverbs."""
    k = i - 1 if i and words[i - 1] in _HEDGES else i
    if k == 0:
        return None
    if words[k - 1] in {"to", "from"}:
        verbs = [j for j in range(max(0, k - _CHANGE_REACH), k - 1) if words[j] in _CHANGES]
        if not verbs:
            return None
        verb = verbs[-1]
    elif words[k - 1] in _CHANGES:
        verb = k - 1
    else:
        return None
    j = verb - 1
    while j >= 0 and (words[j] in {"have", "has", "had", "was", "were", "is", "are", "been"}
                      or words[j].endswith("ly")):
        j -= 1
    subject = words[j] if j >= 0 else ""
    if (j < 0 or not written[j][:1].islower() or not subject.endswith("s")
            or number_value(subject) is not None or not _term(subject)):
        return None
    return j


# Accounts ask for the same quote's figures once per pair; bounded, so a
# long-running process does not grow. Callers never change the result.
@lru_cache(maxsize=1 << 14)
def _figures(text: str, reach: int = DEFAULT_OPTIONS.conflicts.figure_context,
             measures: bool = False) -> dict[str, _Figure]:
    """Numbers by the noun they count; see ``number_mentions``.

    With ``measures`` (facts between outlets), nouns of one measure are one
    unit ("apprehensions" counts as "arrests") and a figure with no noun
    counts the subject of its change verb (``_counted_subject``), the words
    around that subject joining its context ("border apprehensions").
    """
    plain = _TIME.sub(" ", text)
    written = _WORD.findall(plain)
    words = [w.casefold() for w in written]
    # The plain content terms (no names, numbers or negators) with their places.
    plain_terms = [(k, t) for k, w in enumerate(written)
                   if w[:1].islower() and number_value(w.casefold()) is None
                   and (t := _term(w.casefold())) and t != NEGATION]

    def near(at_word: int) -> set[str]:
        at = bisect_left(plain_terms, (at_word,))
        return {t for _, t in (*plain_terms[max(0, at - reach):at],
                               *plain_terms[at:at + reach + 1])}

    found: dict[str, tuple[set[float], bool, set[str]]] = {}

    def count(unit: str, value: float, hedged: bool, context: set[str]) -> None:
        if measures:
            unit = _MEASURES.get(unit, unit)
        values, was_hedged, known = found.setdefault(unit, (set(), False, set()))
        values.add(value)
        found[unit] = (values, was_hedged or hedged, known | (context - {unit}))

    for i, word in enumerate(words):
        value = number_value(word)
        if value is None or (len(word) == 4 and 1800 <= value <= 2100):
            continue
        followers = words[i + 1:i + 3]
        if (followers and followers[0] in _MONTHS) or (i and words[i - 1].rstrip(".") in _MONTHS):
            continue  # the day of a date ("31 March", "Sept. 11"), compared as a date
        if i and words[i - 1] in {"no", "number"}:
            continue  # a rank ("the No. 2 position"), not a count
        hedged = i > 0 and words[i - 1] in _HEDGES
        counted = False
        for follower in followers:
            unit = _term(follower)
            if not unit or unit == NEGATION or number_value(follower) is not None:
                break
            count(unit, value, hedged, near(i))
            counted = True
            if measures and unit in _SCALES:
                break  # "1.6 million arrests": compared as millions, not as 1.6 arrests
        if (measures and not counted
                and (subject := _counted_subject(written, words, i)) is not None):
            count(_term(words[subject]), value, hedged, near(i) | near(subject))
    return {unit: _Figure(frozenset(v), h, frozenset(c)) for unit, (v, h, c) in found.items()}


def _close(a: _Figure, b: _Figure, options: ConflictsOptions) -> bool:
    """Figures within ``scale_gap`` of each other whose surrounding words share a term."""
    gap = min(abs(x - y) / max(abs(x), abs(y), 1e-9) for x in a.values for y in b.values)
    return gap <= options.scale_gap and bool(a.context & b.context)


def _same_amount(a: _Figure, b: _Figure, unit: str, options: ConflictsOptions) -> bool:
    """Whether two figures may measure one thing: counts of a noun whose surrounding
    words share ``count_shared`` terms, or sums in a scale unit ("billion") close
    to each other (``_close``).

    Two accounts of one sum differ by rounding or a slip ("$3.5 billion" and
    "$3.6 billion" for dam repairs); sums far apart in one story
    are different pots ("$5.7 billion" demanded, "$8 billion" in all). So the
    values must lie within ``scale_gap`` of each other and the words around
    them share a content term.
    """
    if unit not in _SCALES:
        return len(a.context & b.context) >= options.count_shared
    return _close(a, b, options)


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


def _clashing_units(a: Mapping[str, _Figure], b: Mapping[str, _Figure],
                    options: ConflictsOptions) -> list[str]:
    """The units both texts count with figures that clash and may measure one thing."""
    return [unit for unit in sorted(a.keys() & b.keys())
            if _figures_clash(a[unit], b[unit], options.hedge_tolerance)
            and _same_amount(a[unit], b[unit], unit, options)]


def measures_clash(left: str, right: str,
                   options: ConflictsOptions = DEFAULT_OPTIONS.conflicts) -> bool:
    """Whether the two texts give different figures for one measure, read as the
    facts conflicts read figures (claims use the same test, so one pair is never
    both a facts conflict and a corroboration)."""
    reach = options.figure_context
    return bool(_clashing_units(_figures(left, reach, True), _figures(right, reach, True),
                                options))


def figures_disagree(left: str, right: str,
                     hedge_tolerance: float = DEFAULT_OPTIONS.conflicts.hedge_tolerance) -> bool:
    """Whether two texts count one noun differently ("48 pages" / "47 pages"); what
    each counts is read as ``compare_figures`` reads it."""
    return bool(compare_figures(left, right, hedge_tolerance)[1])


def _number_clash(left: str, right: str, options: ConflictsOptions) -> str | None:
    """A noun (not a name) two statements count differently, close enough to be one
    count: actors' numbers far apart ("23 states" against "the two states") count
    different things."""
    a, b = _figures(left, options.figure_context), _figures(right, options.figure_context)
    return min((u for u in a.keys() & b.keys()
                if _figures_clash(a[u], b[u], options.hedge_tolerance)
                and not is_name(left, u) and _close(a[u], b[u], options)), default=None)


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
    said: tuple[Predication, ...]
    titles: dict[str, str]
    places: frozenset[str]
    named: frozenset[str]
    years: frozenset[str]


def _read(index: SentenceIndex, row: int, options: ConflictsOptions) -> _Reading:
    a, s = index.refs[row]
    item = index.analyzed[a]
    sentence = item.sentences[s]
    text = sentence.text
    mentions = [d for d in item.dates if d.sentence == s]
    spans = [(d.start - sentence.start, d.end - sentence.start) for d in mentions]
    dates = tuple((d, date_anchor(text, spans, k))
                  for k, d in enumerate(mentions) if date_fields(d))
    return _Reading(text, index.terms[row], _figures(text, options.figure_context, True),
                    dates,
                    predications(text, options.account_negation_reach), titles(text),
                    places_in(text, sentence.start, item.entities),
                    frozenset(e.text.casefold() for e in item.entities
                              if e.label in PLACE_LABELS),
                    frozenset(d.value[:4] for d, _ in dates if "year" in date_fields(d)))


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
    for unit in _clashing_units(left.figures, right.figures, options):
        yield _figure_clash(left.text, unit, left.figures[unit], right.figures[unit])
    for date_a, anchor_a in left.dates:
        for date_b, anchor_b in right.dates:
            if anchor_a is not None and anchor_a == anchor_b and _dates_clash(date_a, date_b):
                yield _Clash(f"date:{anchor_a}", _surface(left.text, anchor_a),
                             date_a.text, date_b.text)
    for name in sorted(left.titles.keys() & right.titles.keys()):
        if titles_clash(left.titles[name], right.titles[name]):
            yield _Clash(f"title:{name}", f"{_surface(left.text, name)}'s post",
                         left.titles[name], right.titles[name])
    places = places_clash(left.places, right.places, left.named, right.named)
    if places is not None and (year := min(left.years & right.years, default=None)):
        yield _Clash(f"place:{year}", f"place ({year})", *places)
    if cosine >= options.negation_cosine:
        denied = {p.term for p in left.said if p.denied}
        meant = meaning_terms(left.text) & meaning_terms(right.text)
        for term in sorted(set(opposed(left.said, right.said)) & (left.terms | meant)
                           & (right.terms | meant)):
            word = _surface(left.text, term)
            yield _Clash(f"polarity:{term}", word, ("not " if term in denied else "") + word,
                         ("" if term in denied else "not ") + word)


def _figure_clash(text: str, unit: str, a: _Figure, b: _Figure) -> _Clash:
    """The clash of two figures for ``unit``; a scale unit is keyed and labelled by what
    it measures, the words both figures stand among, as ``text`` writes them."""
    if unit not in _SCALES:
        word = next((w for w in _WORD.findall(text)
                     if _MEASURES.get(_term(w.casefold()), _term(w.casefold())) == unit), unit)
        return _Clash(f"number:{unit}", word, _format(a.values), _format(b.values))
    shared = a.context & b.context
    label = " ".join(dict.fromkeys(w for w in _WORD.findall(text)
                                   if w[:1].islower() and _term(w.casefold()) in shared))
    word = _surface(text, unit)
    return _Clash(f"number:{unit}", label, f"{_format(a.values)} {word}",
                  f"{_format(b.values)} {word}")


def _agrees(reading: _Reading, key: str, values: set[str]) -> str | None:
    """The value ``reading`` gives for a number, title or place topic, when it is one
    already in dispute."""
    kind, _, unit = key.partition(":")
    if kind == "title":
        title = reading.titles.get(unit)
        return title if title in values else None
    if kind == "place":
        given = reading.places & values
        return next(iter(given)) if len(given) == 1 and unit in reading.years else None
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
            joining: dict[int, dict[int, str]] = {}
            for row in match.partners(rows):
                if row not in group and (value := _agrees(reading(row), key, disputed)):
                    joining.setdefault(index.refs[row][0], {})[row] = value
            # An article whose sentences give both values takes no side.
            for joined in joining.values():
                if len(set(joined.values())) == 1:
                    group.update(joined)
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
