"""Who a speaker mention stands for, within one article.

A speaker is written as a name ("Ri Yong Ho"), a name with a title ("North
Korea Leader Kim"), a pronoun ("he") or a description ("the US President").
Names come from spaCy's entities; pronouns go to the nearest preceding
person, preferring the subject of the nearest sentence that names someone
(the usual antecedent in news prose); descriptions go to the latest person
whose written title has the description's head noun ("president") and no
conflicting country. A surname alone becomes the article's unique full name
with it, so one article never splits a speaker in two.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parallax.analyze._actor_names import (
    PERSON_PRONOUNS,
    display_name,
    expand_surname,
    is_title_word,
    name_key,
    person_name,
)
from parallax.analyze._actor_titles import TitledMention, titled_mentions
from parallax.model import Entity, Sentence

__all__ = ["SPEAKER_LABELS", "Speakers"]

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Dependents that are part of a name or description ("the US President", "Ri Yong Ho,
# North Korea's foreign minister"); clauses and prepositions about the speaker are not.
_MENTION_DEPS = frozenset({"compound", "amod", "det", "poss", "case", "flat", "appos", "nmod",
                           "nummod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How many sentences back a pronoun may find its antecedent.
_PRONOUN_REACH = 3


def _related(a: str, b: str) -> bool:
    """Same place or group, allowing demonyms: "north korean" ~ "north korea"."""
    return a.startswith(b) or b.startswith(a)


@dataclass(frozen=True, slots=True)
class Speakers:
    """Speaker resolution over one parsed article (built once, queried per quote)."""

    doc: Doc
    persons: tuple[Entity, ...]
    titled: tuple[TitledMention, ...]
    sentence_starts: tuple[int, ...]
    # doc.ents builds new Span objects on every access; read it once.
    ents: tuple[SpacySpan, ...]

    @classmethod
    def of(cls, doc: Doc, sentences: Sequence[Sentence]) -> Speakers:
        ents = tuple(doc.ents)
        entities = tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in ents)
        return cls(doc, tuple(e for e in entities if e.label == "PERSON"),
                   titled_mentions(doc.text, entities), tuple(s.start for s in sentences), ents)

    def mention(self, head: Token) -> tuple[int, int]:
        """Characters of the mention as written: "North Korean foreign minister, Ri Yong Ho"."""
        tokens = [head]
        stack = [head]
        governor = head.head.i
        while stack:
            for child in stack.pop().children:
                # A misparsed apposition across the verb ("X made it clear ...; an
                # attempt") is not part of the mention.
                crosses = min(head.i, child.i) < governor < max(head.i, child.i)
                if child.dep_ in _MENTION_DEPS and not crosses:
                    tokens.append(child)
                    stack.append(child)
        first = min(t.i for t in tokens)
        last = max(t.i for t in tokens)
        if head.ent_type_:
            entity = next(e for e in self.ents if e.start <= head.i < e.end)
            first, last = min(first, entity.start), max(last, entity.end - 1)
        start, end = self.doc[first].idx, self.doc[last].idx + len(self.doc[last])
        # A mention never crosses a line break (a heading glued to the sentence).
        head_start = head.idx
        start = max(start, self.doc.text.rfind("\n", start, head_start) + 1)
        newline = self.doc.text.find("\n", head_start, end)
        return start, end if newline < 0 else newline

    def name(self, head: Token) -> str | None:
        """The name ``head`` refers to in this article, or None when it cannot tell."""
        for token in (head, *(c for c in head.children if c.dep_ == "appos")):
            named = self._entity_name(token)
            if named:
                return named
        start, end = self.mention(head)
        inside = [p for p in self.persons if start <= p.start and p.end <= end
                  and not self._is_possessive(p)]
        if inside:
            return self._full(inside[-1].text)
        if head.lower_ in PERSON_PRONOUNS:
            return self._antecedent(head.idx)
        if head.pos_ in ("NOUN", "PROPN") and is_title_word(head.text):
            return self._described(head, start, end)
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            # A name spaCy did not tag ("Trump emphasized ..." in some sentences).
            return self._full(" ".join(t.text for t in (*head.lefts, head)
                                       if t.dep_ in ("compound", "flat") or t is head))
        return None

    def _full(self, text: str) -> str:
        return expand_surname(person_name(text), (person_name(p.text) for p in self.persons))

    def _entity_name(self, token: Token) -> str | None:
        if token.ent_type_ not in SPEAKER_LABELS:
            return None
        span = next(e for e in self.ents if e.start <= token.i < e.end)
        return self._full(span.text) if span.label_ == "PERSON" else display_name(span.text)

    def _antecedent(self, position: int) -> str | None:
        sentence = bisect_right(self.sentence_starts, position) - 1
        for index in range(sentence, max(-1, sentence - _PRONOUN_REACH), -1):
            low = self.sentence_starts[index] if index >= 0 else 0
            high = position if index == sentence else self.sentence_starts[index + 1]
            candidates = [p for p in self.persons if low <= p.start and p.end <= high]
            if not candidates:
                continue
            subjects = [p for p in candidates if self._is_subject(p)]
            return self._full((subjects or candidates)[-1].text)
        return None

    def _is_possessive(self, person: Entity) -> bool:
        """ "Kim's priority" names Kim but does not make him the speaker."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "poss"

    def _is_subject(self, person: Entity) -> bool:
        span = self.doc.char_span(person.start, person.end)
        return span is not None and span.root.dep_ in _SUBJECT_DEPS

    def _described(self, head: Token, start: int, end: int) -> str | None:
        wanted = head.lemma_.lower()
        places = [name_key(e.text) for e in self.ents
                  if start <= e.start_char and e.end_char <= end and e.label_ in ("GPE", "NORP")]
        modifiers = {t.lower_ for t in head.lefts if t.dep_ in ("amod", "compound")}
        best: tuple[int, int] | None = None
        chosen: str | None = None
        for titled in self.titled:
            if titled.entity.end > start or wanted not in titled.title:
                continue
            affiliation = name_key(titled.affiliation.text) if titled.affiliation else None
            if places and affiliation and not any(_related(p, affiliation) for p in places):
                continue
            score = (len(modifiers & set(titled.title))
                     + 2 * bool(places and affiliation), titled.entity.start)
            if best is None or score > best:
                best, chosen = score, titled.entity.text
        return self._full(chosen) if chosen else None
