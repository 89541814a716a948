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
from dataclasses import dataclass, field
from itertools import chain

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parallax.analyze._actor_names import (
    PERSON_PRONOUNS,
    demonym_of,
    display_name,
    expand_body,
    expand_surname,
    is_title_word,
    name_end,
    name_key,
    person_name,
)
from parallax.analyze._actor_titles import TitledMention, titled_mentions
from parallax.lang import PersonNames
from parallax.lang.en import ENGLISH
from parallax.model import Entity, Sentence
from parallax.options import DEFAULT_OPTIONS

__all__ = ["SPEAKER_LABELS", "Speakers"]

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Dependents that are part of a name or description ("the US President", "Ri Yong Ho,
# North Korea's foreign minister"); clauses and prepositions about the speaker are not.
_MENTION_DEPS = frozenset({"compound", "amod", "det", "poss", "case", "flat", "appos", "nmod",
                           "nummod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Entities whose name a body's short name may end: the NER model tags some bodies
# as places ("the Miami-Dade County Police Department").
_BODY_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
# Nouns for a country's state: "the Maravelian government" speaks for Maravel.
_STATE_NOUNS = frozenset({"government", "administration", "authorities", "cabinet"})


def _related(a: str, b: str) -> bool:
    """Same place or group, allowing demonyms: "north korean" ~ "north korea"."""
    return a.startswith(b) or b.startswith(a)


def _office_holders(doc: Doc, text: str) -> list[Entity]:
    """Names the NER model misses after a title with an "of" phrase.

    In "Minister of Water and Energy Piet Galloran" the parse makes the name
    the object of "of" (or the title a modifier of the name), with the first
    name as a compound. The trailing run of capitalised, untagged proper
    nouns after the portfolio is the name; "Secretary of Homeland Security"
    has no words before the run, so it names no one.
    """
    found: list[Entity] = []
    for token in doc:
        if not _capitalised(token):
            continue
        # "Minister of ... X" parses as X under "of", or as X with the title as a modifier.
        titled = token.dep_ == "pobj" and token.head.lower_ == "of" and is_title_word(
            token.head.head.text)
        if not titled and not any(_title_of(c) for c in token.lefts):
            continue
        first = token.i
        # The word after "and" ends the portfolio ("Roads and Bridges Tomas Ekberg").
        while first > 1 and doc[first - 1].dep_ in ("compound", "flat") and _capitalised(
                doc[first - 1]) and doc[first - 1].head.i == token.i and doc[
                first - 2].lower_ not in ("and", "&"):
            first -= 1
        if first == token.i or (titled and first <= token.head.i + 1):
            continue
        start, end = doc[first].idx, token.idx + len(token)
        found.append(Entity(start, end, text[start:end], "PERSON"))
    return found


def _title_of(token: Token) -> bool:
    """A title with an "of" phrase modifying a name: "Minister (of Mines) X"."""
    return (token.dep_ in ("nmod", "compound") and is_title_word(token.text)
            and any(c.lower_ == "of" for c in token.children))


def _capitalised(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_
            and not is_title_word(token.text))


@dataclass(frozen=True, slots=True)
class Speakers:
    """Speaker resolution over one parsed article (built once, queried per quote)."""

    doc: Doc
    persons: tuple[Entity, ...]
    titled: tuple[TitledMention, ...]
    sentence_starts: tuple[int, ...]
    # doc.ents builds new Span objects on every access; read it once.
    ents: tuple[SpacySpan, ...]
    # So is doc.text, which joins every token on each access.
    text: str
    # The persons' names, which every surname is expanded against.
    full_names: tuple[str, ...]
    # How many sentences back a pronoun may find its antecedent.
    pronoun_reach: int
    # The language's short forms of given names and generational suffixes.
    names: PersonNames
    # Resolved names by token index: rules ask about the same subjects many times.
    known: dict[int, str | None] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, doc: Doc, sentences: Sequence[Sentence], *,
           pronoun_reach: int = DEFAULT_OPTIONS.quotes.pronoun_reach,
           names: PersonNames = ENGLISH.person_names) -> Speakers:
        ents = tuple(doc.ents)
        text = doc.text
        entities = tuple(Entity(e.start_char, end, text[e.start_char:end], e.label_)
                         for e in ents for end in (name_end(text, e.end_char, names),))
        named = (e for e in entities if e.label == "PERSON")
        persons = sorted((*named, *_office_holders(doc, text)), key=lambda e: e.start)
        return cls(doc, tuple(persons), titled_mentions(text, entities),
                   tuple(s.start for s in sentences), ents, text,
                   tuple(person_name(p.text) for p in persons), pronoun_reach, names)

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
        start = self.doc[first].idx
        end = name_end(self.text, self.doc[last].idx + len(self.doc[last]), self.names)
        # A mention never crosses a line break (a heading glued to the sentence).
        head_start = head.idx
        start = max(start, self.text.rfind("\n", start, head_start) + 1)
        newline = self.text.find("\n", head_start, end)
        return start, end if newline < 0 else newline

    def name(self, head: Token) -> str | None:
        """The name ``head`` refers to in this article, or None when it cannot tell."""
        if head.i not in self.known:
            self.known[head.i] = self._resolve(head)
        return self.known[head.i]

    def _resolve(self, head: Token) -> str | None:
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
        if any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children):
            return self._owner(head)
        if head.lemma_.lower() in _STATE_NOUNS:
            return self._country(head)
        if head.pos_ in ("NOUN", "PROPN") and is_title_word(head.text):
            holder = self._office_holder(head)
            return holder if holder else self._described(head, start, end)
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            # A name spaCy did not tag ("Trump emphasized ..." in some sentences), or
            # the short form of a body named before ("the Ministry").
            # As written, so "Okonkwo-Varr" stays one word.
            written = self.text[_name_start(head):name_end(self.text, head.idx + len(head),
                                                           self.names)]
            bodies = [display_name(e.text) for e in self.ents
                      if e.label_ == "ORG" and e.start_char < head.idx]
            return self._body(expand_surname(self._full(written), bodies), head.idx)
        return None

    def _body(self, name: str, position: int) -> str:
        """A body's short name as the longer one named before ``position`` ("the County
        Police Department" after "the Miami-Dade County Police Department"), whether
        the NER model tagged that one or not (then the proper name its head noun
        ends)."""
        head = name.rpartition(" ")[2]
        tagged = (e.text for e in self.ents if e.label_ in _BODY_LABELS
                  and e.end_char <= position)
        untagged = (self.text[_name_start(t):t.idx + len(t)] for t in self.doc
                    if t.idx < position and t.text == head and t.pos_ == "PROPN")
        # Lazy: only a body's name of two or more words reads them.
        return expand_body(name, chain(tagged, untagged))

    def _full(self, text: str) -> str:
        return expand_surname(person_name(text), self.full_names, self.names)

    def _office_holder(self, head: Token) -> str | None:
        """The person in "Minister of Water and Energy Piet Galloran" (the title's "of")."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                low, high = child.idx, child.right_edge.idx + len(child.right_edge)
                inside = [p for p in self.persons if low <= p.start and p.end <= high]
                if inside:
                    return self._full(inside[-1].text)
        return None

    def _entity_name(self, token: Token) -> str | None:
        if token.ent_type_ not in SPEAKER_LABELS:
            return None
        span = next(e for e in self.ents if e.start <= token.i < e.end)
        text = self.text[span.start_char:name_end(self.text, span.end_char, self.names)]
        if span.label_ == "PERSON":
            return self._full(text)
        # The NER model tags some surnames as places or bodies ("Galloran said").
        return self._body(expand_surname(display_name(text), self.full_names, self.names),
                          span.start_char)

    def _antecedent(self, position: int) -> str | None:
        sentence = bisect_right(self.sentence_starts, position) - 1
        for index in range(sentence, max(-1, sentence - self.pronoun_reach), -1):
            low = self.sentence_starts[index] if index >= 0 else 0
            high = position if index == sentence else self.sentence_starts[index + 1]
            candidates = [p for p in self.persons if low <= p.start and p.end <= high]
            if not candidates:
                continue
            subjects = [p for p in candidates if self._is_subject(p)]
            return self._full((subjects or candidates)[-1].text)
        return None

    def _owner(self, head: Token) -> str | None:
        """The country or body "its" stands for: the first named subject of the sentence
        ("Saldana, which borders both, has urged X and Y ..., its foreign office said" ->
        Saldana), else the first body named in the sentence (the topic, when a broken
        parse lost the subject)."""
        sentence = self.sentence_starts[bisect_right(self.sentence_starts, head.idx) - 1]
        # "... while Kestria says its proposal asked only for ...": the subject of
        # the nearest verb above the phrase, when that is a name, owns it.
        current = head
        while current.head.i != current.i and current.head.idx >= sentence:
            current = current.head
            if current.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in current.children if c.dep_ in _SUBJECT_DEPS
                            and c.pos_ == "PROPN" and c.i not in _subtree(head)), None)
            if subject is not None:
                return self._entity_name(subject) or display_name(
                    self.text[subject.left_edge.idx:subject.idx + len(subject)])
        for token in head.doc[head.sent.start:head.i]:
            if token.idx >= sentence and token.dep_ in _SUBJECT_DEPS and token.pos_ == "PROPN":
                return self._entity_name(token) or display_name(
                    self.text[token.left_edge.idx:token.idx + len(token)])
        bodies = [e for e in self.ents if e.label_ in ("GPE", "ORG")
                  and sentence <= e.start_char and e.end_char <= head.idx]
        return display_name(bodies[0].text) if bodies else None

    def _country(self, head: Token) -> str | None:
        """The country of "the Kestrian government": the place of the demonym, if named."""
        for child in head.lefts:
            if child.ent_type_ in ("NORP", "GPE"):
                demonym = name_key(child.text)
                places = [display_name(e.text) for e in self.ents if e.label_ == "GPE"
                          and demonym_of(name_key(e.text), demonym)]
                return places[0] if places else display_name(child.text)
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


def _name_start(head: Token) -> int:
    """Where the proper name ending at ``head`` starts: its first compound with that
    one's own ("Miami-Dade County Police Department"), or a title's possessive
    ("U.S. Attorney's Office": an office named after a role)."""
    for child in head.lefts:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "poss"
                                                  and is_title_word(child.text)):
            first = child.left_edge.i
            while first < child.i and head.doc[first].pos_ == "DET":
                first += 1
            named = all(t.pos_ in ("PROPN", "PUNCT") for t in head.doc[first:child.i])
            return head.doc[first if named else child.i].idx
    return head.idx


def _subtree(token: Token) -> range:
    """Token indices of ``token``'s phrase (spaCy subtrees are contiguous)."""
    return range(token.left_edge.i, token.right_edge.i + 1)
