"""Who a speaker mention stands for, within one article.

A speaker is written as a name ("Ri Yong Ho"), a name with a title ("North
Korea Leader Kim"), a pronoun ("he") or a description ("the US President").
Names come from spaCy's entities; pronouns go to the nearest compatible,
salient antecedent (see ``Speakers._antecedent``): the main subject of the
nearest sentence that has one, never a person of the other sex (honorifics
and given names say which, ``PersonNames.genders``), never a name inside a
quotation, never a place or body the parse makes the subject (a dateline), and
an earlier "he" carries its own antecedent forward; an object counts only in a
sentence with no subject that is someone else; when the evidence is weaker
the speaker stays unresolved. "Mr. Roe" is the Roe of his sex when the
article names several. Descriptions go to the latest person
whose written title has the description's head noun ("president") and no
conflicting country. A surname alone becomes the article's unique full name
with it, so one article never splits a speaker in two.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parallax.analyze._actor_groups import described_source
from parallax.analyze._actor_names import (
    PERSON_PRONOUNS,
    demonym_of,
    display_name,
    expand_body,
    expand_surname,
    is_title_word,
    name_end,
    name_key,
    parse_person,
    person_name,
    split_lines,
    surname_matches,
)
from parallax.analyze._actor_titles import TitledMention, titled_mentions
from parallax.lang import PersonNames, SourceNouns
from parallax.lang.en import ENGLISH
from parallax.model import Entity, Sentence
from parallax.options import DEFAULT_OPTIONS

__all__ = ["SPEAKER_LABELS", "Speakers", "relative_antecedent"]

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
# Title words that make another office of the one they modify ("vice president").
_RANKS = frozenset({"vice", "deputy", "assistant", "associate", "under", "former"})
# The sex each pronoun of a speaker asks of its antecedent.
_PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Relative pronouns that stand for people, whose antecedent is the noun before them.
_PERSON_RELATIVES = frozenset({"who"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# How many sentences back a shared surname's one person of the honorific's sex may
# be named for "Mr. Roe" to be him (chosen on bench/realnews.py).
_NEAR_SENTENCES = 2
# An honorific sits right before the name: "Ms. " is four characters, "Mrs. " five.
_HONORIFIC_REACH = 6
# Initials alone, which the NER model would have tagged if they named a body.
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_LAST_WORD = re.compile(r"(\w+)\.?\s+$")


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


def _taken(persons: Sequence[Entity], names: PersonNames) -> frozenset[str]:
    """One-word names the article writes before it names in full the one person
    with a generational suffix they fit.

    "President Trump" in a story that names "Donald Trump Jr." further down is
    the father the reader knows, not the son introduced later: news writes the
    son's suffix. (Without a suffix the surname is the person named in full,
    wherever a caption or a teaser put it first.)
    """
    seen: list[str] = []
    taken: set[str] = set()
    for person in persons:  # in text order
        written = person_name(person.text)
        if len(written.split()) == 1 and not surname_matches(written, seen, names):
            taken.add(written)
        seen.append(written)
    return frozenset(word for word in taken if _fits_only_suffixed(word, seen, names))


def _fits_only_suffixed(word: str, full_names: Sequence[str], names: PersonNames) -> bool:
    parsed = [parse_person(m, names) for m in surname_matches(word, full_names, names)]
    return bool(parsed) and all(person is not None and person.suffix for person in parsed)


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
    # Quoted passages with their marks, in text order: names inside them are not
    # antecedents of the pronoun that attributes them.
    marks: tuple[tuple[int, int], ...] = ()
    paragraph_starts: tuple[int, ...] = ()
    # Resolved names by token index: rules ask about the same subjects many times.
    known: dict[int, str | None] = field(default_factory=dict, compare=False)
    # The sex each full name's mentions agree on ("m", "f"), None when they say nothing.
    genders: dict[str, str | None] = field(default_factory=dict, compare=False)
    # How unnamed sources are described ("senior officials"): what "they" may stand for.
    sources: SourceNouns = field(default_factory=SourceNouns)
    # Lemmas of the verbs of saying: a report speaks for its author only through one.
    speech: frozenset[str] = frozenset()
    # Surnames the article writes alone before it names in full anyone they fit
    # (``_taken``): someone else's, so never expanded to a later full name.
    taken: frozenset[str] = frozenset()

    @classmethod
    def of(cls, doc: Doc, sentences: Sequence[Sentence], *,
           pronoun_reach: int = DEFAULT_OPTIONS.quotes.pronoun_reach,
           names: PersonNames = ENGLISH.person_names,
           marks: Sequence[tuple[int, int]] = (),
           paragraph_starts: Sequence[int] = (),
           sources: SourceNouns = ENGLISH.source_nouns,
           speech: frozenset[str] = ENGLISH.quote_cues.speech) -> Speakers:
        ents = tuple(doc.ents)
        text = doc.text
        entities = tuple(piece for e in ents for end in (name_end(text, e.end_char, names),)
                         for piece in split_lines(Entity(e.start_char, end, text[e.start_char:end],
                                                    e.label_)))
        named = (e for e in entities if e.label == "PERSON")
        persons = sorted((*named, *_office_holders(doc, text)), key=lambda e: e.start)
        speakers = cls(doc, tuple(persons), titled_mentions(text, entities),
                       tuple(s.start for s in sentences), ents, text,
                       tuple(person_name(p.text) for p in persons), pronoun_reach, names,
                       tuple(marks), tuple(paragraph_starts), sources=sources,
                       speech=speech, taken=_taken(persons, names))
        said: dict[str, set[str]] = {}
        titles = {t.entity.start: t.title for t in speakers.titled}
        # Full names first: "Mr. Roe" is then the Roe of his sex (``_by_sex``), and
        # lends his honorific to no woman of the article who shares his surname.
        for full_names in (True, False):
            for person in persons:
                if (" " in person_name(person.text)) != full_names:
                    continue
                full = (speakers._full(person.text) if full_names
                        else speakers._by_sex(person.text, person.start))
                gender = _gender_of(text, person, full, titles.get(person.start, ()), names)
                # A surname the article's names leave open ("Clinton" beside two) keeps
                # what its honorifics say, as the pronoun rules read it.
                left_open = speakers._full(person.text)
                for key in {full, left_open} if left_open == person_name(person.text) else {full}:
                    said.setdefault(key, set()).update((gender,) if gender else ())
            speakers.genders.update((name, next(iter(found)) if len(found) == 1 else None)
                                    for name, found in said.items())
        return speakers

    def mention(self, head: Token) -> tuple[int, int]:
        """Characters of the mention as written: "Kestrian foreign minister, Aldo Venn"."""
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
        # "people familiar with the talks": the phrase that says who they are.
        qualified = [end for token in tokens if (end := self._qualified(token)) is not None
                     and not min(head.i, end) < governor < max(head.i, end)]
        last = max([last, *qualified])
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

    def _qualified(self, token: Token) -> int | None:
        """The last token of the phrase that qualifies an unnamed source, if any.

        "people familiar with the talks", "people with knowledge of the plan",
        "prosecutors in New York", "one of the senator's aides": the phrase
        says who speaks, so it belongs to the mention. It ends before a clause
        or a comma ("one of the aides who said ..." is not part of it).
        """
        sources = self.sources
        if token.dep_ == "amod":
            # "familiar with": the adjective after the noun holds the phrase.
            if token.i < token.head.i or token.head.lower_ not in sources.nouns:
                return None
        elif token.lower_ not in sources.nouns and not (
                token.lower_ in sources.indefinite or token.lower_ in sources.quantifiers):
            return None
        ends = []
        for child in token.rights:
            if child.dep_ != "prep":
                continue
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            named = any(g.ent_type_ for g in objects)
            if token.lower_ in sources.nouns or token.dep_ == "amod":
                keep = child.lower_ in sources.qualifiers or (
                    child.lower_ in sources.places and named)
            else:
                keep = child.lower_ in sources.partitives and any(
                    g.lower_ in sources.nouns for g in objects)
            if keep:
                ends.append(_phrase_end(child))
        return max(ends) if ends else None

    def names_person(self, head: Token) -> bool:
        """Whether the mention headed by ``head`` names a person (not a body or a place)."""
        start, end = self.mention(head)
        return any(start <= p.start and p.end <= end for p in self.persons)

    def name(self, head: Token) -> str | None:
        """The name ``head`` refers to in this article, or None when it cannot tell."""
        if head.i not in self.known:
            self.known[head.i] = self._resolve(head)
        return self.known[head.i]

    def _resolve(self, head: Token) -> str | None:
        if self._stray_word(head):
            return None
        # A person in apposition before a place ("one senator, Arizona's Ada Moss,").
        # Not an owner the parse hangs there ("Roe hailed Moss's exit": "Moss" under "Roe").
        appositions = sorted((c for c in head.children if c.dep_ == "appos"
                              and not any(g.dep_ == "case" for g in c.children)),
                             key=lambda c: c.ent_type_ != "PERSON")
        for token in (head, *appositions):
            named = self._entity_name(token)
            if named:
                return named
        start, end = self.mention(head)
        inside = [p for p in self.persons if start <= p.start and p.end <= end
                  and not self._is_possessive(p)]
        if inside:
            return self._full(inside[-1].text)
        if any(c.dep_ == "poss" and c.lower_ in _PRONOUN_GENDERS for c in head.children) and (
                owned := self._owned(head)):
            return owned  # "his campaign"
        if head.lower_ in PERSON_PRONOUNS:
            return self._antecedent(head)
        if head.lower_ == "they":
            return self._group_antecedent(head)
        if any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children):
            return self._owner(head)
        if head.lemma_.lower() in _STATE_NOUNS:
            return self._country(head)
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.sources.documents:
            return self._author(head)
        if (members := self._members(head)) is not None:
            return members
        if head.pos_ in ("NOUN", "PROPN") and is_title_word(head.text):
            holder = self._office_holder(head)
            # "one senator", "a senior official": someone not named, never the senator
            # named before.
            indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in self.sources.indefinite
                             for c in head.children)
            return holder if holder or indefinite else self._described(head, start, end)
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            # A name spaCy did not tag ("Trump emphasized ..." in some sentences), or
            # the short form of a body named before ("the Ministry").
            # As written, so "Okonkwo-Varr" stays one word.
            first = _name_start(head)
            first = max(first, self.text.rfind("\n", first, head.idx) + 1)  # one line only
            written = self.text[first:name_end(self.text, head.idx + len(head), self.names)]
            if _INITIALS.fullmatch(written):
                return self._abbreviated(written, head.idx)  # "the A.G.": a role
            bodies = [display_name(e.text) for e in self.ents
                      if e.label_ == "ORG" and e.start_char < head.idx]
            return self._body(expand_surname(self._full(written), bodies), head.idx)
        return None

    def _members(self, head: Token) -> str | None:
        """ "Others, including the party chairmen for two counties, said ...": the
        group the examples describe ("party chairmen"), when they are a described source."""
        if head.lemma_.lower() not in self.sources.quantifiers:
            return None
        for prep in head.rights:
            if prep.lower_ not in self.sources.examples:
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lower_ in self.sources.nouns:
                    return described_source(self.text, noun.left_edge.idx,
                                            noun.idx + len(noun),
                                            [(e.start_char, e.end_char) for e in self.ents],
                                            self.sources)
        return None

    def _owned(self, head: Token) -> str | None:
        """A source of someone's, named by its owner: "his campaign" -> "Ada Roe's
        campaign", "her lawyer" -> "Ada Roe's lawyer"; None when "his" resolves to no one.

        "His" is the owner of the sentence's subject when that is a person ("Roe's
        campaign disputed the story ..., according to his campaign"), else what
        the pronoun stands for (``_antecedent``). A possessor written out ("Roe's
        campaign") is read by the actors stage from the mention as written.
        """
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if head.lower_ not in self.sources.nouns or owner is None:
            return None
        name = self.owner_name(owner)
        if not name:
            return None
        words = [t.text for t in head.doc[owner.i + 1:head.i + 1] if t.dep_ != "case"]
        return f"{name}'s {' '.join(words)}"

    def _subject_owner(self, pronoun: Token) -> str | None:
        """The person owning the subject of the pronoun's sentence before it, when of
        the pronoun's sex ("Roe's campaign said ... his ..." -> Roe)."""
        wanted = _PRONOUN_GENDERS.get(pronoun.lower_)
        low = self.sentence_starts[bisect_right(self.sentence_starts, pronoun.idx) - 1] if (
            self.sentence_starts) else 0
        for token in self.doc.char_span(low, pronoun.idx, alignment_mode="expand") or ():
            if token.dep_ not in _SUBJECT_DEPS or self._quoted(token.idx):
                continue
            for owner in token.children:
                if owner.dep_ == "poss" and owner.ent_type_ == "PERSON":
                    name = self._entity_name(owner)
                    sex = self.genders.get(name) if name else None
                    if name and not (wanted and sex and sex != wanted):
                        return name
        return None

    def _by_sex(self, text: str, start: int) -> str:
        """The person a name written at ``start`` stands for, told apart by its
        honorific when people of the article share the surname: "Mr. Roe" is the one
        man among them, when no other is known to be a man and he is named in this
        sentence or the two before (or every other one is known to be a woman).
        A namesake with a generational suffix counts when the one without it is
        not known to be of the honorific's sex ("Mr. Roe" beside "Ada Roe" and
        "Ben Roe III"), and never a person known to be of the other sex. When
        unsure, the surname stays as written, and unresolved."""
        name = self._full(text)
        written = person_name(text)
        before = _LAST_WORD.search(self.text, max(0, start - _HONORIFIC_REACH), start)
        honorific = before.group(1) if before else ""
        wanted = self.names.genders.get(honorific.lower()) if is_title_word(honorific) else None
        matches = surname_matches(written, self.full_names, self.names)
        if wanted is None or " " in written:
            return name
        if len(matches) == 1 and self.genders.get(matches[0]) != wanted:
            every = surname_matches(written, self.full_names, self.names, suffixed=True)
            if self.genders.get(matches[0]) is not None:  # "Mr. Roe" is not Ada Roe
                rest = [m for m in every if m != matches[0]]
                return rest[0] if len(rest) == 1 and self.genders.get(rest[0]) in (
                    None, wanted) else written
            matches = every
        if len(matches) < 2:
            return name
        fits = [m for m in matches if self.genders.get(m) == wanted]
        if len(fits) != 1:
            return name
        others = [m for m in matches if m != fits[0]]
        if all(self.genders.get(m) not in (None, wanted) for m in others):
            return fits[0]
        sentence = bisect_right(self.sentence_starts, start) - 1
        low = self.sentence_starts[max(0, sentence - _NEAR_SENTENCES)] if (
            self.sentence_starts) else 0
        near = any(low <= p.start < start and person_name(p.text) == fits[0] for p in self.persons)
        return fits[0] if near else name

    def _abbreviated(self, written: str, position: int) -> str | None:
        """The one person titled before ``position`` with the office an abbreviation
        stands for: "the A.G." after "Attorney General Ada Roe" (the initials of
        the title's words); None when no one or several people hold it."""
        letters = "".join(c for c in written.lower() if c.isalpha())
        holders = {self._full(t.entity.text) for t in self.titled
                   if t.entity.end <= position and letters in "".join(w[:1] for w in t.title)}
        return holders.pop() if len(holders) == 1 and len(letters) > 1 else None

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

    def full_name(self, written: str) -> str | None:
        """The article's one full person name ``written`` (a surname) stands for, if any."""
        full = self._full(written)
        return full if full in self.full_names and full != written else None

    def _full(self, text: str) -> str:
        written = person_name(text)
        if written in self.taken:
            return written
        return expand_surname(written, self.full_names, self.names)

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
        start, end = span.start_char, name_end(self.text, span.end_char, self.names)
        # An entity the NER model ran over a line break ("Jim Talent\n\nRomney said")
        # names only the words on the token's own line.
        start = max(start, self.text.rfind("\n", start, token.idx) + 1)
        newline = self.text.find("\n", token.idx, end)
        text = self.text[start:end if newline < 0 else newline]
        if is_title_word(text):
            # "the A.G.": an office the NER model tagged, not a name.
            return self._abbreviated(text, start) if _INITIALS.fullmatch(text) else None
        if span.label_ == "PERSON":
            return self._by_sex(text, start)
        # The NER model tags some surnames as places or bodies ("Galloran said").
        return self._body(expand_surname(display_name(text), self.full_names, self.names),
                          span.start_char)

    def _antecedent(self, pronoun: Token) -> str | None:
        """Who "he" or "she" stands for, or None when a reader could not be sure.

        Sentences are read back from the pronoun's own for ``pronoun_reach``
        sentences. In each, the candidates are the people named outside
        quotations whose sex (when their names tell it) is the pronoun's, and
        earlier pronouns of the same sex, which stand for their own antecedent.
        A subject wins, the one nearest the sentence's root first ("Ada Moss
        said Ben Roe's report was wrong. "...," she said." -> Ada Moss). In the
        pronoun's own sentence a subject before it counts ("Moss said she ...",
        "Moss wants ...; but she claims ..."), except in what the pronoun's verb
        reports ("Roe was wrong, she said" is not Roe). A person who is no subject (an
        object, "told Ben Roe") counts only within the pronoun's paragraph and
        when no sentence nearer has a subject.
        """
        wanted = _PRONOUN_GENDERS.get(pronoun.lower_)
        position = pronoun.idx
        sentence = bisect_right(self.sentence_starts, position) - 1
        paragraph = bisect_right(self.paragraph_starts, position)
        for index in self._sentences_back(sentence):
            low = self.sentence_starts[index] if index >= 0 else 0
            high = position if index == sentence else self.sentence_starts[index + 1]
            subjects: list[Token] = []
            others: list[Entity] = []
            owners: list[Token] = []
            for person in self.persons:
                if not (low <= person.start and person.end <= high) or self._quoted(person.start):
                    continue
                known = self.genders.get(self._full(person.text))
                if wanted and known and known != wanted:
                    continue
                span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
                root = span.root if span is not None else None
                if root is not None and root.dep_ == "appos" and not _place_or_body(root.head):
                    root = root.head  # "The mediator, Ada Moss, said ...": the subject names her
                elif root is not None and root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS:
                    # "WASHINGTON -- President Ada Moss on Friday defended ...": the parse
                    # makes the dateline the subject; the person is.
                    subjects.append(root)
                    continue
                if root is not None and root.dep_ in _SUBJECT_DEPS:
                    subjects.append(root)
                elif span is None or span.root.dep_ != "poss":
                    others.append(person)
                elif span.root.head.dep_ in _SUBJECT_DEPS and (
                        span.root.head.lower_ not in self.sources.nouns) and not (
                        is_title_word(span.root.head.text)):
                    # "Mr. Roe's desire ... when he ...": the owner of a subject that is
                    # no one of his own ("Roe's lawyer said he ...", "Roe's attorney
                    # blasted ... . He added" are not read).
                    owners.append(span.root)
            span = self.doc.char_span(low, high, alignment_mode="expand")
            subjects.extend(t for t in span or () if t.dep_ in _SUBJECT_DEPS and t.i != pronoun.i
                            and _PRONOUN_GENDERS.get(t.lower_) == wanted
                            and not self._quoted(t.idx))
            subjects.extend(self._untagged_persons(span or (), subjects, wanted))
            if index == sentence:
                subjects = [s for s in subjects if not _reported_by(s.head, pronoun)
                            or self._tells(s, pronoun)]
                others = []
            elif not subjects and self._someone_else(span or (), pronoun):
                # "..., Cora Ruiz; she followed him on Mastodon." A sentence whose subject
                # is someone of the other sex (or a description: "the congressman") is
                # about that one: an object named in it is no better a guess than the
                # subject of an earlier sentence, unless known to be of the pronoun's sex.
                others = [p for p in others if wanted and self.genders.get(
                    self._full(p.text)) == wanted]
            subjects = subjects or [o for o in owners if not _reported_by(o.head.head, pronoun)]
            if not subjects and index != sentence and (
                    described := self._described_subject(span or (), wanted)) is not None:
                # "Roe's attorney blasted the board ... . He added, ...": the attorney,
                # whom no earlier sentence names.
                return self.name(described)
            if wanted and any(self.genders.get(self._full(p.text)) == wanted for p in others):
                subjects = [s for s in subjects if not self._stray_word(s)]
            if subjects:
                # A name that tells the pronoun's sex beats one that says nothing; when
                # only a non-subject tells it, the sentence is too doubtful to read.
                sure = [s for s in subjects if self._sex(s) == wanted]
                if wanted and not sure and any(
                        self.genders.get(self._full(p.text)) == wanted for p in others):
                    return None
                chosen = min(sure or subjects, key=lambda t: (_depth(t), t.i))
                return self.name(chosen)
            if others and bisect_right(self.paragraph_starts, others[-1].start) == paragraph:
                return self._full(others[-1].text)
        return None

    def _tells(self, subject: Token, pronoun: Token) -> bool:
        """Whether ``subject`` tells what the pronoun's clause says: "Roe posted Friday
        he doubts the vote" is Roe's report even where the parse hangs "posted" under
        the pronoun's verb (what a pronoun's verb reports comes after the verb of
        saying, never before it)."""
        verb = subject.head
        return verb.i < pronoun.i and verb.lemma_.lower() in self.speech

    def _described_subject(self, tokens: Iterable[Token], wanted: str | None) -> Token | None:
        """The main subject among ``tokens`` when it is someone's agent, named by whom it
        acts for ("Roe's attorney", "her lawyer"), of the pronoun's sex. ("The
        congressman" after "Ben Roe" is Roe: read on back.)"""
        subjects = [t for t in tokens if t.dep_ in _SUBJECT_DEPS and not self._quoted(t.idx)]
        if not subjects:
            return None
        main = min(subjects, key=lambda t: (_depth(t), t.i))
        sex = self.names.genders.get(main.lower_)
        if main.pos_ != "NOUN" or main.tag_ != "NN" or (wanted and sex and sex != wanted) or (
                not any(c.dep_ == "poss" for c in main.children)):
            return None
        return main if is_title_word(main.text) or main.lower_ in self.sources.nouns or (
            sex is not None) else None

    def _someone_else(self, tokens: Iterable[Token], pronoun: Token) -> bool:
        """Whether a subject among ``tokens`` is a person: a pronoun, a PERSON entity, or
        someone described without a name ("the congressman", "the senator"). The
        caller asks only when no subject there could be the pronoun's antecedent,
        so such a person is one the pronoun cannot stand for (the other sex, no
        name to give)."""
        for token in tokens:
            if token.dep_ not in _SUBJECT_DEPS or self._quoted(token.idx) or token.i == pronoun.i:
                continue
            if token.lower_ in _PRONOUN_GENDERS or token.ent_type_ == "PERSON":
                return True
            if token.pos_ == "NOUN" and (is_title_word(token.text)
                                         or token.lower_ in self.names.genders):
                return True
        return False

    def _stray_word(self, token: Token) -> bool:
        """A capitalised word opening a sentence that the NER model alone calls a person
        ("Draft "talking points" ... depicted ..."): one word, named nowhere else in the
        article and part of no full name there, and a second subject of its verb (the
        parse gives the verb the noun it modifies as well). "McLenney said ..." with
        the surname once is a person."""
        if token.ent_type_ != "PERSON" or not token.is_sent_start or token.ent_iob_ != "B":
            return False
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I":
            return False
        if token.dep_ not in _SUBJECT_DEPS or not any(
                c.dep_ in _SUBJECT_DEPS and c.i != token.i for c in token.head.children):
            return False
        return self._full(token.text) == token.text and sum(
            p.text == token.text for p in self.persons) == 1

    def _author(self, document: Token) -> str | None:
        """Who a report or article speaks for: the name written in front of it
        ("the Ledger's report", "a Ledger news report") or after "by" in a
        participle ("an article published by the Ledger"); none for "the report".

        Only when the writing itself says something ("the Ledger's report said",
        "a report claiming"): in "a Ledger report which includes video of him
        saying ..." the report is found by climbing from someone else's words.
        """
        says = (document.dep_ in _SUBJECT_DEPS and document.head.lemma_.lower() in self.speech
                ) or any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in self.speech
                         for c in document.rights)
        # "according to a memo by ...": the rules chose the writing as the source.
        cited = document.dep_ == "pobj" and document.head.head.lower_ == "according"
        return self.author_name(document) if says or cited else None

    def author_name(self, document: Token) -> str | None:
        """Whom a report that says something speaks for (see ``_author``)."""
        written = self._written_by(document)
        if written or not any(c.dep_ == "det" and c.lower_ in self.sources.definite
                              for c in document.children):
            return written
        # "the report said" goes back to the writing named last before it, when that
        # one's author is written with it ("BuzzFeed's report claimed ... . The report
        # said ..."); an earlier one without an author leaves it unknown.
        # Another "the cable" before it points back the same way, so the search goes on.
        lemma = document.lemma_.lower()
        for token in reversed(self.doc[:document.i]):
            if token.pos_ != "NOUN" or token.lemma_.lower() not in self.sources.documents or (
                    self._quoted(token.idx)):
                continue
            written = self._written_by(token)
            if written or token.lemma_.lower() != lemma or not any(
                    c.dep_ == "det" and c.lower_ in self.sources.definite
                    for c in token.children):
                return written
        return None

    def author_token(self, document: Token) -> Token | None:
        """The author written with a report: "the Ledger's report", "a Ledger news
        report", "an article published by the Ledger", "a memo by federal prosecutors"."""
        for token in document.doc[document.left_edge.i:document.i]:
            if token.ent_type_ in SPEAKER_LABELS and token.dep_ in ("poss", "compound"):
                return token
        # "BuzzFeed published the story": the subject of a verb of publishing.
        verb = document.head
        if document.dep_ == "dobj" and verb.lemma_.lower() in self.sources.publishing:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.ent_type_ in SPEAKER_LABELS:
                return subject
        bys = [c for c in document.rights if c.dep_ == "prep" and c.lower_ == "by"]
        bys += [c for clause in document.rights for c in clause.children if c.dep_ == "agent"]
        return next((name for by in bys for name in by.children if name.dep_ == "pobj"),
                    None) or self._signer(document)

    def _signer(self, document: Token) -> Token | None:
        """The named owner of the signature a writing went out under ("a cable, sent
        under the ambassador Ada Roe's signature, warned ...")."""
        for clause in document.rights:
            if clause.dep_ not in ("acl", "relcl"):
                continue
            for prep in clause.children:
                for noun in prep.children if prep.dep_ == "prep" else ():
                    if noun.dep_ == "pobj" and noun.lemma_.lower() in self.sources.signatures:
                        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                        if owner is not None and owner.ent_type_ in SPEAKER_LABELS:
                            return owner
        return None

    def _written_by(self, document: Token) -> str | None:
        """The name of ``author_token``: a body or person, or a described source."""
        author = self.author_token(document)
        if author is None:
            return None
        if author.ent_type_ in SPEAKER_LABELS:
            return self._entity_name(author)
        start, end = self.mention(author)
        return described_source(self.text, start, end,
                                [(e.start_char, e.end_char) for e in self.ents], self.sources)

    def owner_name(self, owner: Token) -> str | None:
        """Who owns a claim or a source: "his" as ``_owned`` reads it, else the name."""
        if owner.lower_ in _PRONOUN_GENDERS:
            return self._subject_owner(owner) or self._antecedent(owner)
        return self.name(owner)

    def _group_antecedent(self, pronoun: Token) -> str | None:
        """Who "they" stands for: the plural subject of the nearest sentence of the
        paragraph that has one, when it names a group ("Critics have said ... .
        They have criticized ...").

        A people or a party ("Republicans", "the Greens") or an unnamed source
        as described ("Republican lawmakers"); a plural subject that is neither
        ("the e-mails") or one made of several names ("Moss and Roe") makes the
        pronoun unresolved.
        In the pronoun's own sentence a subject before it counts, except in what
        its verb reports.
        """
        position = pronoun.idx
        sentence = bisect_right(self.sentence_starts, position) - 1
        paragraph = bisect_right(self.paragraph_starts, position)
        for index in self._sentences_back(sentence):
            low = self.sentence_starts[index] if index >= 0 else 0
            if bisect_right(self.paragraph_starts, low) != paragraph:
                return None
            high = position if index == sentence else self.sentence_starts[index + 1]
            span = self.doc.char_span(low, high, alignment_mode="expand")
            plural = [t for t in span or () if t.dep_ in _SUBJECT_DEPS and t.i != pronoun.i
                      and (t.tag_ in ("NNS", "NNPS") or t.lower_ == "they")
                      and not self._quoted(t.idx)
                      and not (index == sentence and _reported_by(t.head, pronoun))]
            if not plural:
                continue
            chosen = min(plural, key=lambda t: (_depth(t), t.i))
            if any(c.dep_ == "conj" for c in chosen.children):
                return None
            if chosen.lower_ == "they":
                return self.name(chosen)
            if chosen.ent_type_ in ("NORP", "ORG"):
                return self._entity_name(chosen)
            start, end = self.mention(chosen)
            proper = [(e.start_char, e.end_char) for e in self.ents]
            return described_source(self.text, start, end, proper, self.sources)
        return None

    def _untagged_persons(self, tokens: Iterable[Token], known: Sequence[Token],
                          wanted: str | None) -> list[Token]:
        """Subjects that name a person of the article the NER model did not tag as one.

        In `"...," Moss said.` the model often tags "Moss" alone as a body or
        nothing; it is still Ada Moss, named in full before, when her full
        name is the article's only one with that surname.
        """
        found = []
        persons = set(self.full_names)
        seen = {t.i for t in known}
        for token in tokens:
            if (token.dep_ not in _SUBJECT_DEPS or token.pos_ != "PROPN" or token.i in seen
                    or token.ent_type_ == "PERSON" or self._quoted(token.idx)):
                continue
            name = self.name(token)
            sex = self.genders.get(name) if name else None
            if name in persons and not (wanted and sex and sex != wanted):
                found.append(token)
        return found

    def _sentences_back(self, sentence: int) -> Iterator[int]:
        """Indices from ``sentence`` back over ``pronoun_reach`` sentences of narration.

        Sentences wholly inside a quotation do not count: in a run of quoted
        paragraphs ("Our committee is working ...," Moss said. "As a concern
        ... . We will ... ." he added.) the speaker is named before the run,
        however long it is, and names inside it are never antecedents.
        """
        left = self.pronoun_reach
        index = sentence
        while left > 0 and index >= 0:
            yield index
            low = self.sentence_starts[index]
            high = (self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts)
                    else len(self.text))
            if index == sentence or not self._wholly_quoted(low, high):
                left -= 1
            index -= 1

    def _wholly_quoted(self, low: int, high: int) -> bool:
        """Whether every word of ``text[low:high]`` is inside one quotation."""
        chunk = self.text[low:high]
        first = low + len(chunk) - len(chunk.lstrip())
        last = low + len(chunk.rstrip())
        index = bisect_right(self.marks, (first, len(self.text))) - 1
        return first < last and index >= 0 and self.marks[index][0] <= first and (
            last <= self.marks[index][1])

    def _sex(self, token: Token) -> str | None:
        """The sex a candidate antecedent is known to have (a pronoun's is its own)."""
        if token.lower_ in _PRONOUN_GENDERS:
            return _PRONOUN_GENDERS[token.lower_]
        name = self.name(token)
        return self.genders.get(name) if name else None

    def _quoted(self, position: int) -> bool:
        index = bisect_right(self.marks, (position, len(self.text))) - 1
        return index >= 0 and position < self.marks[index][1]

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
        """ "Kim's priority" names Kim but does not make him the speaker, however the
        parse hangs the name (an apposition with its "'s" in a broken parse)."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        return span is not None and (span.root.dep_ == "poss" or any(
            c.dep_ == "case" for c in span.root.children))

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
            # "the president" is not the vice president, nor "the director" a deputy.
            if any(word in _RANKS and word not in modifiers for word in titled.title):
                continue
            affiliation = name_key(titled.affiliation.text) if titled.affiliation else None
            if places and affiliation and not any(_related(p, affiliation) for p in places):
                continue
            score = (len(modifiers & set(titled.title))
                     + 2 * bool(places and affiliation), titled.entity.start)
            if best is None or score > best:
                best, chosen = score, titled.entity.text
        return self._full(chosen) if chosen else None


def relative_antecedent(clause: Token) -> Token:
    """Whom the "who" of a relative clause stands for: the noun right before it ("a
    wave of letters from harbour pilots who said" -> pilots, where the parse may hang
    the clause on "wave"; "members of the Assembly who" -> members; "Senator Moss of
    Kestria, who" -> Moss), else the noun the parse hangs the clause on."""
    relative = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
    if relative is None or relative.i < 2 or relative.lower_ not in _PERSON_RELATIVES:
        return clause.head
    before = clause.doc[relative.i - 1]
    if before.is_punct:
        before = clause.doc[relative.i - 2]
    if before.pos_ not in ("NOUN", "PROPN") or before.i <= clause.head.i or (
            before.ent_type_ in _TIME_LABELS):
        return clause.head
    # "members of the Assembly who said": the people of a body, not the body; "Senator
    # Ada Moss of Kestria, who": "who" never stands for a place, which says where the
    # person before it is from.
    if before.ent_type_ and before.ent_type_ != "PERSON" and before.dep_ == "pobj":
        owner = before.head.head
        while owner.dep_ == "appos" and owner.ent_type_ != "PERSON":
            owner = owner.head  # "Senator Ada Moss, Republican of Kestria, who"
        if owner.pos_ == "NOUN" or owner.ent_type_ == "PERSON" or before.ent_type_ in (
                "GPE", "LOC"):
            return owner
    return before


def _gender_of(text: str, person: Entity, full: str, title: Sequence[str],
               names: PersonNames) -> str | None:
    """The sex a mention of a person gives: its honorific ("Ms. Moss", before the
    name or tagged with it) or title ("spokeswoman Ada Moss"), else the given
    name of its full name ("Ada Moss")."""
    before = _LAST_WORD.search(text, max(0, person.start - _HONORIFIC_REACH), person.start)
    words = [before.group(1)] if before else []
    words.extend([*person.text.split()[:1], *title])
    for word in words:
        key = word.rstrip(".").lower()
        if is_title_word(key) and key in names.genders:
            return names.genders[key]
    parts = full.split()
    return names.genders.get(parts[0].lower()) if len(parts) > 1 else None


def _place_or_body(token: Token) -> bool:
    """A token the NER model tags as a place or a body (never a person's antecedent)."""
    return token.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC")


def _reported_by(verb: Token, pronoun: Token) -> bool:
    """Whether the clause of ``verb`` is what the pronoun's own verb reports: "Roe
    would win, she said" parses "win" under "said", or "said" as an aside to "was"
    in "Roe was wrong, she said"; Roe is then what she speaks about, not her."""
    own = pronoun.head
    if own.i == verb.i:
        return False
    return own.is_ancestor(verb) or (own.dep_ == "parataxis" and own.head.i == verb.i)


def _phrase_end(prep: Token) -> int:
    """The last token of a prepositional phrase, before any clause or comma in it."""
    doc = prep.doc
    end = prep.i
    for index in range(prep.i + 1, prep.right_edge.i + 1):
        token = doc[index]
        if token.is_punct or token.dep_ in ("relcl", "acl") or "\n" in doc[index - 1].text_with_ws:
            break
        end = index
    return end


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


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
