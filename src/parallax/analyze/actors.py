"""Actors across articles: one record per person, body, place or group, however named.

Mentions are spaCy entities (PERSON -> person, ORG -> organization,
GPE/LOC/FAC -> place, NORP -> group) and quote speakers. They merge when their
spelling keys agree (``_actor_names.name_key``: titles, "the", dots and
hyphens do not count, "US" == "United States"). Full names of one person
merge however they are written (``_actor_names.same_person``: "Susan E.
Rice" / "Susan Rice", "Dick Durbin" / "Richard J. Durbin"), but never across
another given name or a generational suffix ("Eric Trump", "Donald Trump
Jr."). A one-word name merges with the unique longer person name it starts or
ends ("Trump" -> "Donald Trump", "Kim" -> "Kim Jong-un"); one that fits two
people is left to neither, and a quote it speaks stays unattributed (its
``speaker_span`` still shows what the text wrote). Titles written with a name give aliases
("Orvenian President Lena Marr") and the affiliation ("Kestrian foreign
minister Aldo Venn" -> Kestria). Only actors that matter are kept: those
who speak, or are mentioned twice or in two articles. Ids are "a1", "a2", ...
in order of first appearance, so they are stable for the same input.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from parallax.analyze._actor_groups import described_source
from parallax.analyze._actor_names import (
    NEWSROOM_WORDS,
    PERSON_PRONOUNS,
    demonym_of,
    display_name,
    expand_surname,
    name_end,
    name_key,
    parse_person,
    person_name,
    same_person,
    split_lines,
    surname_matches,
)
from parallax.analyze._actor_titles import titled_mentions
from parallax.lang import LanguagePack, PersonNames, pack_for
from parallax.lang.en import ENGLISH
from parallax.model import Actor, ActorKind, AnalyzedArticle, Entity, Quote
from parallax.options import DEFAULT_OPTIONS, ActorsOptions

__all__ = ["KINDS", "resolve_actors"]

# A possessive ending, with a straight or a curly apostrophe.
_POSSESSIVE = re.compile(r"['\u2019]s?$")

KINDS: dict[str, ActorKind] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
    "FAC": "place", "NORP": "group",
}


@dataclass
class _Group:
    """Everything known about one actor while merging (private, mutable by design)."""

    first: tuple[int, int]
    kinds: Counter[ActorKind] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, None] = field(default_factory=dict)
    affiliations: Counter[str] = field(default_factory=Counter)
    articles: set[int] = field(default_factory=set)
    # Per article, where the actor is first mentioned.
    firsts: dict[int, int] = field(default_factory=dict)
    mentions: int = 0
    speaks: bool = False
    # A surname alone that fits two people: no actor, and its quotes no speaker.
    ambiguous: bool = False
    # An unnamed source as described ("senior administration officials"): never
    # merged with a name.
    described: bool = False

    def absorb(self, other: _Group) -> None:
        self.first = min(self.first, other.first)
        self.kinds.update(other.kinds)
        self.names.update(other.names)
        self.aliases.update(other.aliases)
        self.affiliations.update(other.affiliations)
        self.articles |= other.articles
        for article, start in other.firsts.items():
            self.firsts[article] = min(start, self.firsts.get(article, start))
        self.mentions += other.mentions
        self.speaks = self.speaks or other.speaks

    @property
    def kind(self) -> ActorKind:
        return max(self.kinds.items(), key=lambda item: (item[1], item[0] == "person"))[0]

    @property
    def name(self) -> str:
        """The fullest written name: most words, then most frequent."""
        return max(self.names.items(), key=lambda item: (len(item[0].split()), item[1]))[0]


def _clean(entity: Entity) -> str:
    return person_name(entity.text) if entity.label == "PERSON" else display_name(entity.text)


def _mentions(item: AnalyzedArticle, names: PersonNames) -> tuple[Entity, ...]:
    """The article's entities, with hyphenated surnames and generational suffixes the
    NER model cut short made whole."""
    text = item.article.text
    return tuple(piece for e in item.entities for end in (name_end(text, e.end, names),)
                 for piece in split_lines(Entity(e.start, end, text[e.start:end], e.label)))


class _Registry:
    """Groups by spelling key, with surname keys redirected to full names."""

    def __init__(self, names: PersonNames) -> None:
        self.groups: dict[str, _Group] = {}
        self.names = names

    def add(self, name: str, kind: ActorKind, where: tuple[int, int], *,
            described: bool = False) -> _Group | None:
        """The group of ``name``; a ``described`` source ("prosecutors") is written in
        lower case and has a group of its own."""
        key = name_key(name)
        if not key or name.lower() in PERSON_PRONOUNS or not (described or name[:1].isupper()):
            return None
        if described:
            key = f"described: {key}"
        group = self.groups.setdefault(key, _Group(where, described=described))
        group.first = min(group.first, where)
        group.kinds[kind] += 1
        group.names[name] += 1
        group.aliases[name] = None
        group.articles.add(where[0])
        group.firsts[where[0]] = min(where[1], group.firsts.get(where[0], where[1]))
        group.mentions += 1
        return group

    def merge_persons(self) -> None:
        """Full names of one person into one group, however written.

        Names of one surname and suffix merge when each may be the other
        (``same_person``) and no third name tells them apart: "George Bush" fits
        both "George W. Bush" and "George H. W. Bush", who do not fit each other,
        so each stays alone. Two names merge exactly when the names they fit are
        the same, which keeps the merge transitive.
        """
        parsed = {key: person for key, group in self.groups.items()
                  if group.kind == "person"
                  and (person := parse_person(group.name, self.names)) is not None}
        families: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key, person in parsed.items():
            families[person.surname, person.suffix].append(key)
        for keys in families.values():
            fitting: dict[frozenset[str], list[str]] = defaultdict(list)
            for key in keys:
                fits = frozenset(k for k in keys if same_person(parsed[key], parsed[k]))
                fitting[fits].append(key)
            for same in fitting.values():
                target = self.groups[same[0]]
                for key in same[1:]:
                    target.absorb(self.groups[key])
                    self.groups[key] = target

    def merge_surnames(self) -> None:
        """One-word names into the unique full person name they start or end; one
        that fits two people is marked ambiguous.

        Only names that are persons or speak: the NER model tags some surnames as
        places or bodies ("Okonkwo-Varr said"), but "Washington" the city must not
        become George Washington.
        """
        # Every written form: "Dick" is the "Dick Blumenthal" of "Richard Blumenthal".
        persons = [n for g in self.groups.values() if g.kind == "person" for n in g.names]
        # The NER model tags many a full name as a body ("Aitan Goelman said") and
        # the surname alone as a person elsewhere: a full name that speaks and
        # ends on the name of a one-word person is that person's.
        single = {name_key(n) for g in self.groups.values() if g.kind == "person"
                  for n in g.names if len(n.split()) == 1}
        persons += [n for g in self.groups.values() if g.kind != "person" and g.speaks
                    for n in g.names if parse_person(n, self.names) is not None
                    and name_key(n.split()[-1]) in single]
        for key, group in list(self.groups.items()):
            if group.described or not (group.kinds["person"] or group.speaks):
                continue
            matches = surname_matches(group.name, persons, self.names)
            fitting = {id(g): name_key(g.name) for m in matches if (g := self.find(m))}
            if len(fitting) > 1 or any(self._before_suffixed(group, m) for m in matches):
                group.ambiguous = True
                continue
            target = next(iter(fitting.values()), key)
            if target != key and target in self.groups and self.groups[target] is not group:
                group.kinds = Counter({"person": sum(group.kinds.values())})
                self.groups[target].absorb(group)
                self.groups[key] = self.groups[target]

    def _before_suffixed(self, group: _Group, full: str) -> bool:
        """Whether ``full`` has a generational suffix and some article writes ``group``
        (a one-word name) before it first names ``full``: "President Trump" ahead
        of "Donald Trump Jr." is the father, whom that article never names in full."""
        person = parse_person(full, self.names)
        target = self.find(full)
        if person is None or not person.suffix or target is None:
            return False
        return any(start < target.firsts.get(article, start)
                   for article, start in group.firsts.items())

    def mark_places(self, demonyms: set[str]) -> None:
        """A name with a demonym ("Corvania", "Corvanian") is a place, however it was tagged."""
        for key, group in self.groups.items():
            # A one-word "person" with a demonym is a country that speaks ("Maravel said").
            person = group.kind == "person" and " " in key
            if not person and group.kind != "group" and key not in demonyms and any(
                    demonym_of(key, d) for d in demonyms):
                group.kinds = Counter({"place": sum(group.kinds.values())})

    def place_of(self, demonym: str) -> _Group | None:
        """The place a demonym names, the longest one when several share the stem."""
        key = name_key(demonym)
        places = [g for k, g in self.groups.items() if g.kind == "place" and demonym_of(k, key)]
        return max(places, key=lambda g: len(name_key(g.name)), default=None)

    def merge_national_bodies(self) -> None:
        """ "Presidential Office" into the unique "Orvenian Presidential Office".

        A body named with a demonym in front is that country's; the bare name
        in another article is the same body when only one country has one.
        """
        longer: dict[str, list[str]] = {}
        for key, group in self.groups.items():
            first, _, rest = key.partition(" ")
            if group.kind == "organization" and rest and self.place_of(first) is not None:
                longer.setdefault(rest, []).append(key)
        for rest, keys in longer.items():
            short = self.groups.get(rest)
            if short is not None and len(keys) == 1 and short.kind == "organization":
                self.groups[keys[0]].absorb(short)
                self.groups[rest] = self.groups[keys[0]]

    def merge_newsrooms(self) -> None:
        """ "BuzzFeed" into "BuzzFeed News": one outlet, by its brand or its full name.

        Only bodies: a person "Ada Fox" is not "Fox News".
        """
        for key, group in list(self.groups.items()):
            for word in NEWSROOM_WORDS:
                fuller = self.groups.get(f"{key} {word}")
                if (fuller is not None and fuller is not group
                        and group.kind == fuller.kind == "organization"):
                    fuller.absorb(group)
                    self.groups.update((k, fuller) for k, g in self.groups.items()
                                       if g is group)

    def merge_mastheads(self, mastheads: frozenset[str]) -> None:
        """ "Times" into the briefing's one "New York Times": news names a paper by
        the last word of its name. Not when two papers end on it ("Washington Post",
        "New York Post"), and only bodies: a person "Ada Post" is no paper."""
        for key, group in list(self.groups.items()):
            if key not in mastheads or group.kind != "organization":
                continue
            fuller = {id(g): g for k, g in self.groups.items()
                      if k.endswith(f" {key}") and g.kind == "organization" and g is not group}
            if len(fuller) != 1:
                continue
            [paper] = fuller.values()
            paper.absorb(group)
            self.groups.update((k, paper) for k, g in self.groups.items() if g is group)

    def find(self, name: str) -> _Group | None:
        return self.groups.get(name_key(name))

    def described(self, name: str) -> _Group | None:
        """The group of an unnamed source ``add`` made with ``described``."""
        return self.groups.get(f"described: {name_key(name)}")

    def speaker(self, name: str) -> _Group | None:
        """The actor a speaker name stands for: a people ("Maravelian", from "the
        Maravelian government said") speaks as its country; a surname that fits two
        people, none."""
        group = self.find(name)
        if group is not None and group.ambiguous:
            return None
        if group is not None and group.kind == "group":
            return self.place_of(group.name) or group
        return group


def _collect(analyzed: Sequence[AnalyzedArticle], options: ActorsOptions) -> _Registry:
    packs = [pack_for(item.article.document.language) for item in analyzed]
    # Names are compared across articles with one pack's rules: the first article's.
    registry = _Registry(packs[0].person_names if packs else ENGLISH.person_names)
    mentions = [_mentions(item, pack.person_names) for item, pack in zip(analyzed, packs,
                                                                          strict=True)]
    demonyms: set[str] = set()
    for index, item in enumerate(analyzed):
        # Full names of this article's people: a surname alone that the NER model
        # tagged as a place or body ("Galloran said") is one of them.
        bodies = {name_key(_clean(e)) for e in mentions[index] if e.label != "PERSON"}
        persons = [_clean(e) for e in mentions[index] if e.label == "PERSON"]
        persons += [q.speaker for q in item.quotes
                    if q.speaker and name_key(q.speaker) not in bodies]
        for entity in mentions[index]:
            kind = KINDS.get(entity.label)
            if kind is None:
                continue
            name = _clean(entity)
            if kind in ("place", "organization") and (
                    full := expand_surname(name, persons, packs[index].person_names)) != name:
                name, kind = full, "person"
            registry.add(name, kind, (index, entity.start))
            if entity.label == "NORP":
                demonyms.add(name_key(entity.text))
        for quote in item.quotes:
            position = quote.speaker_span.clean_start if quote.speaker_span else 0
            if (described := _described(item, quote, packs[index])) is not None:
                group = registry.add(described, "group", (index, position), described=True)
            elif quote.speaker:
                group = registry.find(quote.speaker) or registry.add(
                    quote.speaker, "person", (index, position))
            else:
                group = None
            if group is not None:
                group.speaks = True
    registry.mark_places(demonyms)
    registry.merge_persons()
    registry.merge_surnames()
    registry.merge_national_bodies()
    registry.merge_newsrooms()
    registry.merge_mastheads(packs[0].source_nouns.mastheads if packs else frozenset())
    for item, entities in zip(analyzed, mentions, strict=True):
        for titled in titled_mentions(item.article.text, entities, options=options):
            group = registry.find(_clean(titled.entity))
            if group is None:
                continue
            if titled.written != titled.entity.text:
                group.aliases[" ".join(titled.written.split())] = None
            if titled.affiliation is not None:
                group.affiliations[_place(registry, titled.affiliation)] += 1
    for group in {id(g): g for g in registry.groups.values()}.values():
        first = name_key(group.name).partition(" ")[0]
        country = registry.place_of(first) if group.kind == "organization" else None
        if country is not None and country is not group:
            group.affiliations[country.name] += 1
    return registry


def _described(item: AnalyzedArticle, quote: Quote, pack: LanguagePack) -> str | None:
    """The unnamed source a quote is attributed to, if any: its speaker when that is
    a description (a "they" resolved to "critics"), else its mention as written."""
    if quote.speaker:
        whole = [(0, len(quote.speaker))]
        found = described_source(quote.speaker, 0, len(quote.speaker), whole, pack.source_nouns)
        return found if found == quote.speaker else None
    mention = quote.speaker_span
    if mention is None:
        return None
    found = described_source(item.article.text, mention.clean_start, mention.clean_end,
                             [(e.start, e.end) for e in item.entities], pack.source_nouns)
    if found is None:
        return None
    persons = [person_name(e.text) for e in item.entities if e.label == "PERSON"]
    return _full_owner(found, persons, pack.person_names)


def _full_owner(described: str, persons: Sequence[str], names: PersonNames) -> str:
    """A described source with its owner's full name: "Roe's campaign" -> "Ada Roe's
    campaign" when Ada Roe is the article's one person of that surname, so it is the
    source "his campaign" resolves to (``_quote_speakers``)."""
    words = described.split(" ")
    owner = next((i for i, w in enumerate(words) if _POSSESSIVE.search(w)), None)
    if owner is None:
        return described
    written = _POSSESSIVE.sub("", " ".join(words[:owner + 1]))
    full = expand_surname(person_name(written), persons, names)
    if full == person_name(written):
        return described
    return " ".join([f"{full}'s", *words[owner + 1:]])


def _place(registry: _Registry, entity: Entity) -> str:
    """The place or body an affiliation names; demonyms become countries ("North Korean")."""
    if entity.label == "NORP" and (country := registry.place_of(entity.text)) is not None:
        return country.name
    group = registry.groups.get(name_key(entity.text))
    return group.name if group is not None else display_name(entity.text)


def resolve_actors(analyzed: Sequence[AnalyzedArticle], *,
                   options: ActorsOptions = DEFAULT_OPTIONS.actors
                   ) -> tuple[tuple[Actor, ...], tuple[Quote, ...]]:
    """Actors of all articles, and every quote with ``speaker`` set to an actor id (or None)."""
    registry = _collect(analyzed, options)
    speakers: dict[int, _Group | None] = {}
    for item in analyzed:
        pack = pack_for(item.article.document.language)
        for quote in item.quotes:
            if (described := _described(item, quote, pack)) is not None:
                group = registry.described(described)
            else:
                group = registry.speaker(quote.speaker) if quote.speaker else None
            speakers[id(quote)] = group
            if group is not None:
                group.speaks = True
    unique = {id(g): g for g in registry.groups.values()}.values()
    kept = sorted((g for g in unique if not g.ambiguous and (
                       g.speaks or g.mentions >= options.min_mentions or len(g.articles) > 1)),
                  key=lambda g: g.first)
    ids = {id(g): f"a{n}" for n, g in enumerate(kept, start=1)}
    actors = []
    for group in kept:
        name = group.name
        affiliation = group.affiliations.most_common(1)[0][0] if group.affiliations else None
        actors.append(Actor(
            ids[id(group)], name, group.kind,
            tuple(a for a in group.aliases if a != name),
            affiliation if affiliation != name else None, group.described,
        ))

    def actor_id(quote: Quote) -> str | None:
        group = speakers[id(quote)]
        return ids.get(id(group)) if group is not None else None

    quotes = tuple(replace(q, speaker=actor_id(q))
                   for item in analyzed for q in item.quotes)
    return tuple(actors), quotes
