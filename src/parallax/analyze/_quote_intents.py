"""Attributions that are no statements: plans and refusals, and the records kept.

"X plans to visit the dam", "X is seeking to delay the vote", "X refused to
release the files" report X in relation to some content (PolNeAR annotates
them as attributions), but X asserted nothing a reader could quote: the
infinitive is what X intends or withholds. The verbs are the language pack's
``QuoteCues.aims``; an infinitive that is itself a cue ("declined to say
whether ...") is that cue's own attribution, read by ``_quote_reported``
with the kind ``_quote_asserted.unsaid`` gives it. Also here: how an
attribution is made from what the statement rules read (``unstated``,
``opened``) and kept once (``apart``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from parallax.lang import QuoteCues
from parallax.model import Attribution, AttributionKind, Quote

__all__ = ["apart", "infinitive_end", "intended", "intends", "intention", "opened", "unstated"]


def _infinitive(verb: Token, cues: QuoteCues) -> Token | None:
    """The infinitive that completes ``verb``, when it is no cue of its own."""
    return next((c for c in verb.rights if c.dep_ == "xcomp"
                 and c.lemma_.lower() not in cues.lemmas
                 and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.lefts)), None)


def intends(verb: Token, cues: QuoteCues) -> bool:
    """Whether ``verb`` wishes, plans or withholds what its infinitive says."""
    forms = {verb.lemma_.lower(), verb.lower_}
    return bool(forms & cues.aims) and _infinitive(verb, cues) is not None


def intention(verb: Token, cues: QuoteCues) -> AttributionKind:
    """The kind of what ``intends`` found: a refusal or a plan."""
    return "refusal" if {verb.lemma_.lower(), verb.lower_} & cues.withholding else "plan"


def intended(verb: Token, cues: QuoteCues) -> list[Token]:
    """The tokens of what ``verb`` intends ("to visit the dam"); none without it. Only
    after the verb: in "the money that Congress refused to give" the relative "that"
    is the infinitive's object, but the verb and its subject are no part of it."""
    infinitive = _infinitive(verb, cues)
    if infinitive is None:
        return []
    end = infinitive_end(verb, infinitive.right_edge.i)
    return list(verb.doc[max(infinitive.left_edge.i, verb.i + 1):end + 1])


def infinitive_end(verb: Token, end: int) -> int:
    """Where an infinitive ends with the bare verbs joined to it ("vowed to repair the
    pier, widen the road and open a school"): the parse often hangs "widen" on the cue
    itself, but a base form without a subject of its own right after the infinitive
    goes on it."""
    doc = verb.doc
    for child in verb.rights:
        if child.i <= end or child.dep_ not in ("conj", "advcl") or child.tag_ != "VB" or any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children):
            continue
        if not all(t.is_punct or t.dep_ == "cc" for t in doc[end + 1:child.left_edge.i]):
            break
        end = child.right_edge.i
    return end


def unstated(quote: Quote, kind: AttributionKind) -> Attribution:
    """The attribution read like ``quote``, with the kind that makes it no statement."""
    return Attribution(quote.span, kind, quote.speaker, quote.speaker_span, quote.cue_span)


def apart(attributions: Sequence[Attribution], statements: Sequence[Quote]
          ) -> tuple[Attribution, ...]:
    """The attributions in text order, once each, but for content a statement already
    gives (one clause reported by two cues: the statement is what was said)."""
    stated = {(q.span.clean_start, q.span.clean_end) for q in statements}
    kept: dict[tuple[int, int, int | None], Attribution] = {}
    for item in attributions:
        where = (item.span.clean_start, item.span.clean_end)
        who = item.speaker_span.clean_start if item.speaker_span is not None else None
        if where not in stated:
            kept.setdefault((*where, who), item)
    return tuple(sorted(kept.values(), key=lambda a: (a.span.clean_start, a.span.clean_end)))


def opened(doc: Doc, reported: tuple[int, int], cues: QuoteCues) -> tuple[int, int]:
    """An attribution's clause with its own "whether" or "if" ("declined to say whether
    the pier would reopen"): a statement's span leaves the opener out, but without it
    what was asked or withheld would read as something asserted."""
    span = doc.char_span(*reported, alignment_mode="expand")
    if span is None or span.start == 0:
        return reported
    before = doc[span.start - 1]
    if before.lower_ in cues.whether and before.head.i == span.root.i:
        return before.idx, reported[1]
    return reported
