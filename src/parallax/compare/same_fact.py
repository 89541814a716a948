"""Which claims are one fact: the same sentence shown twice, or one camp's account found twice.

Claims grow from clusters of sentences, and one fact often gathers two: a
minister's quotation and the outlet's own paraphrase of it in the next
sentence, or two outlets' wordings of one government's position. Each wording
finds its partners elsewhere, and a sentence of a third outlet that reports
the account supports both, so the briefing would show the account twice.

Sharing a support line does not make two claims one. A sentence often reports
both camps' opposite accounts ("Orvenia says it asked for ..., while Kestria
says ..."), or two facts ("signed in 1998, expires on 31 March"). So two
claims sharing a support line are one fact only when

- the sentences they show say the same thing (they match, as aligned
  sentences must), or
- both are the account of one camp (every statement the speaker stage found
  in each shown sentence is by a member of that camp, ``Actor.side``: a
  government and its minister are one), the shared line carries a statement
  of that camp, and that statement holds a content word both claims use (one
  camp's two points in one line, "she said they had asked for too much and
  had not walked out", are still two facts);

and in either case no contradiction reading separates them: another figure,
year or weekday, the opposite polarity or an antonym outcome
(``agreement.states_alike`` and ``proposition.relate``, both ways). A claim
whose shown sentence holds no statement is the writer's own reporting and
merges only by the first rule; a speaker of no known camp (an unnamed
"official") never merges by the second.

The first rule keeps the better claim and drops the other (its shown sentence
matches, so its lines restate the kept one's); the second merges: the kept
claim gains the other's support lines that state its text alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from parallax.compare.agreement import agreeing, states_alike
from parallax.compare.claims import NEGATION, Ref, SentenceIndex, content_terms
from parallax.compare.proposition import relate
from parallax.compare.sources import count_sources
from parallax.lang import pack_for
from parallax.model import Actor, Article, Claim, Quote, Span

__all__ = ["Statement", "Told", "Voices", "contradicted", "one_per_fact", "said_by_another",
           "voices_of"]


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement the speaker stage found in a sentence: its speaker's camp (None for
    a speaker of no known camp), the content terms of what was said, the
    speaker's actor id when the text names them (None for "an official"), and
    whether it is a direct quotation."""

    camp: str | None
    terms: frozenset[str]
    speaker: str | None = None
    direct: bool = False


Voices = Mapping[Ref, tuple[Statement, ...]]
"""The statements of each sentence that holds any (a sentence absent holds none)."""


@dataclass(frozen=True, slots=True)
class Told:
    """A claim as found: the row of the sentence it shows, and its place for ordering."""

    claim: Claim
    shown: int
    position: tuple[float, int]


def voices_of(index: SentenceIndex, actors: Sequence[Actor], quotes: Sequence[Quote]) -> Voices:
    """The statements of ``quotes`` by the sentence of ``index`` each starts in."""
    camp = {actor.id: None if actor.described else actor.side for actor in actors}
    named = {actor.id for actor in actors if not actor.described}
    found: dict[Ref, list[Statement]] = {}
    for quote in quotes:
        ref = index.sentence_of(quote.span)
        if ref is None:
            continue
        language = index.analyzed[ref[0]].article.document.language
        terms = frozenset(content_terms(quote.span.text, pack_for(language)))
        speaker = camp.get(quote.speaker) if quote.speaker else None
        found.setdefault(ref, []).append(Statement(
            speaker, terms, quote.speaker if quote.speaker in named else None,
            quote.kind == "direct"))
    return {ref: tuple(statements) for ref, statements in found.items()}


def _only(values: set[str | None]) -> str | None:
    """The one value of ``values``, None when there are several or none."""
    return next(iter(values)) if len(values) == 1 else None


def _quoted(voices: Voices, ref: Ref) -> str | None:
    """The one named speaker the sentence at ``ref`` quotes directly, if it holds only
    that speaker's direct quotations."""
    statements = voices.get(ref, ())
    if not all(statement.direct for statement in statements):
        return None
    return _only({statement.speaker for statement in statements})


def said_by_another(voices: Voices, one: Ref, other: Ref) -> bool:
    """Whether the sentences at ``one`` and ``other`` each quote one named person's
    words, and not the same person's.

    Two people's words that sound alike are two facts, not one confirmed
    twice: a lawyer's "it is not a witch hunt" and the president's "a total
    witch hunt" share their words and say opposite things, and even alike
    they would tell the reader that two people said it, not that two outlets
    report one statement. Only direct quotations are judged: a paraphrase's
    speaker is more often a group or a description ("Republicans", "the
    letter") whose words one of its members' quotation does confirm. A
    sentence without statements (the writer's own reporting), or with an
    unnamed or several speakers, is not judged either.
    """
    first, second = _quoted(voices, one), _quoted(voices, other)
    return first is not None and second is not None and first != second


def contradicted(left: str, right: str) -> bool:
    """Whether a contradiction reading separates two claims' texts, either way round:
    another figure for one measure, the opposite polarity, another year or weekday."""
    if not (states_alike(left, right) and states_alike(right, left)):
        return True
    return "contradicts" in {relate(left, right).stance, relate(right, left).stance}


def _camp(voices: Voices, ref: Ref) -> str | None:
    """The one known camp every statement of the sentence at ``ref`` is by, if any."""
    return _only({statement.camp for statement in voices.get(ref, ())})


def _weighed(index: SentenceIndex, terms: frozenset[str]) -> float:
    """The IDF mass of ``terms``, names at ``ClaimsOptions.name_weight`` (they say who,
    not what)."""
    return sum(index.idf.get(term, 0.0) for term in terms)


def _one_camps_account(index: SentenceIndex, voices: Voices, left: int, right: int,
                       shared: Sequence[Ref]) -> bool:
    """Whether the sentences of rows ``left`` and ``right`` give one camp's account and
    a shared line's statement of that camp holds a content word of both."""
    camp = _camp(voices, index.refs[left])
    if camp is None or _camp(voices, index.refs[right]) != camp:
        return False
    both = (index.terms[left] & index.terms[right]) - {NEGATION}
    return any(statement.camp == camp and _weighed(index, both & statement.terms) > 0
               for ref in shared for statement in voices.get(ref, ()))


def _closeness(index: SentenceIndex, claim: Claim, rows: Mapping[Span, int]) -> float:
    """Mean score among the support lines (how tightly they say one thing)."""
    sub = index.scores([rows[span] for span in claim.support if span in rows])
    finite = sub[np.isfinite(sub)]
    return float(finite.mean()) if finite.size else 0.0


def _merged(index: SentenceIndex, kept: Told, other: Claim, rows: Mapping[Span, int],
            articles: Mapping[str, Article]) -> Told:
    """``kept`` with the lines of ``other`` that state its shown sentence alike."""
    shown = index.text(index.refs[kept.shown])
    extra = [span for span in other.support if span not in kept.claim.support]
    added = agreeing(shown, [(span, index.text(index.refs[rows[span]])) for span in extra])
    support = tuple(sorted((*kept.claim.support, *added), key=lambda span: rows[span]))
    claim = Claim(kept.claim.text, support, count_sources(support, articles))
    return Told(claim, kept.shown, kept.position)


def one_per_fact(index: SentenceIndex, told: Sequence[Told], articles: Mapping[str, Article],
                 voices: Voices | None = None) -> list[Told]:
    """The claims of ``told``, one per fact (see the module doc): of two, the one with
    more sources and then the closer support lines is kept. ``voices`` (the
    statements by sentence) allows the merge of one camp's account; without it
    only matching shown sentences are one fact."""
    rows = {index.span(ref): row for row, ref in enumerate(index.refs)}
    ranked = sorted(told, key=lambda item: (-item.claim.sources,
                                            -_closeness(index, item.claim, rows)))
    kept: list[Told] = []
    for item in ranked:
        for k, other in enumerate(kept):
            if item.claim.text == other.claim.text:
                break
            shared = [index.refs[rows[span]] for span in set(item.claim.support)
                      & set(other.claim.support) if span in rows]
            if not shared:
                continue
            same = index.is_match(item.shown, other.shown)
            camp = not same and voices is not None and _one_camps_account(
                index, voices, item.shown, other.shown, shared)
            if (same or camp) and not contradicted(other.claim.text, item.claim.text):
                if camp:
                    kept[k] = _merged(index, other, item.claim, rows, articles)
                break
        else:
            kept.append(item)
    return kept
