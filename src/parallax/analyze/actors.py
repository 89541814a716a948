"""Actors across articles: one record per person, body, place or group, however named.

Mentions are spaCy entities (PERSON -> person, ORG -> organization,
GPE/LOC/FAC -> place, NORP -> group) and quote speakers. They merge when their
spelling keys agree (``_actor_names.name_key``: titles, "the", dots and
hyphens do not count, "US" == "United States"), and a one-word name merges
with the unique longer person name it starts or ends ("Trump" -> "Donald
Trump", "Kim" -> "Kim Jong-un"). Titles written with a name give aliases
("U.S. President Donald Trump") and the affiliation ("North Korean foreign
minister Ri Yong Ho" -> North Korea). Only actors that matter are kept: those
who speak, or are mentioned twice or in two articles. Ids are "a1", "a2", ...
in order of first appearance, so they are stable for the same input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from parallax.analyze._actor_names import (
    PERSON_PRONOUNS,
    display_name,
    expand_surname,
    name_key,
    person_name,
)
from parallax.analyze._actor_titles import titled_mentions
from parallax.model import Actor, ActorKind, AnalyzedArticle, Entity, Quote

__all__ = ["KINDS", "resolve_actors"]

KINDS: dict[str, ActorKind] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
    "FAC": "place", "NORP": "group",
}
# An actor mentioned this often (or in two articles) matters even when silent.
_MIN_MENTIONS = 2


@dataclass
class _Group:
    """Everything known about one actor while merging (private, mutable by design)."""

    first: tuple[int, int]
    kinds: Counter[ActorKind] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, None] = field(default_factory=dict)
    affiliations: Counter[str] = field(default_factory=Counter)
    articles: set[int] = field(default_factory=set)
    mentions: int = 0
    speaks: bool = False

    def absorb(self, other: _Group) -> None:
        self.first = min(self.first, other.first)
        self.kinds.update(other.kinds)
        self.names.update(other.names)
        self.aliases.update(other.aliases)
        self.affiliations.update(other.affiliations)
        self.articles |= other.articles
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


class _Registry:
    """Groups by spelling key, with surname keys redirected to full names."""

    def __init__(self) -> None:
        self.groups: dict[str, _Group] = {}

    def add(self, name: str, kind: ActorKind, where: tuple[int, int]) -> _Group | None:
        key = name_key(name)
        if not key or name.lower() in PERSON_PRONOUNS or not name[:1].isupper():
            return None
        group = self.groups.setdefault(key, _Group(where))
        group.first = min(group.first, where)
        group.kinds[kind] += 1
        group.names[name] += 1
        group.aliases[name] = None
        group.articles.add(where[0])
        group.mentions += 1
        return group

    def merge_surnames(self) -> None:
        persons = [g.name for g in self.groups.values() if g.kinds["person"]]
        for key in [k for k in self.groups if " " not in k]:
            group = self.groups[key]
            if not group.kinds["person"]:
                continue
            full = expand_surname(group.name, persons)
            target = name_key(full)
            if target != key and target in self.groups:
                self.groups[target].absorb(group)
                self.groups[key] = self.groups[target]

    def find(self, name: str) -> _Group | None:
        return self.groups.get(name_key(name))


def _collect(analyzed: Sequence[AnalyzedArticle]) -> _Registry:
    registry = _Registry()
    for index, item in enumerate(analyzed):
        for entity in item.entities:
            kind = KINDS.get(entity.label)
            if kind is not None:
                registry.add(_clean(entity), kind, (index, entity.start))
        for quote in item.quotes:
            if quote.speaker:
                position = quote.speaker_span.clean_start if quote.speaker_span else 0
                if registry.find(quote.speaker) is None:
                    registry.add(quote.speaker, "person", (index, position))
    registry.merge_surnames()
    for item in analyzed:
        for titled in titled_mentions(item.article.text, item.entities):
            group = registry.find(_clean(titled.entity))
            if group is None:
                continue
            if titled.written != titled.entity.text:
                group.aliases[" ".join(titled.written.split())] = None
            if titled.affiliation is not None:
                group.affiliations[_place(registry, titled.affiliation)] += 1
    return registry


def _stem_length(a: str, b: str) -> int:
    """Length of the common prefix of two keys."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))


def _place(registry: _Registry, entity: Entity) -> str:
    """The place or body an affiliation names; demonyms become countries ("North Korean")."""
    key = name_key(entity.text)
    if entity.label == "NORP":
        # Demonyms share a stem with their country: "north korean"/"north korea",
        # "portuguese"/"portugal", "chinese"/"china" (irregular ones are missed).
        places = [g for k, g in registry.groups.items() if g.kind == "place"
                  and _stem_length(k, key) >= max(4, len(k) - 2)]
        if places:
            return max(places, key=lambda g: len(name_key(g.name))).name
    group = registry.groups.get(key)
    return group.name if group is not None else display_name(entity.text)


def resolve_actors(analyzed: Sequence[AnalyzedArticle]
                   ) -> tuple[tuple[Actor, ...], tuple[Quote, ...]]:
    """Actors of all articles, and every quote with ``speaker`` set to an actor id (or None)."""
    registry = _collect(analyzed)
    speakers = {q.speaker for item in analyzed for q in item.quotes if q.speaker}
    for name in speakers:
        group = registry.find(name)
        if group is not None:
            group.speaks = True
    unique = {id(g): g for g in registry.groups.values()}.values()
    kept = sorted((g for g in unique
                   if g.speaks or g.mentions >= _MIN_MENTIONS or len(g.articles) > 1),
                  key=lambda g: g.first)
    ids = {id(g): f"a{n}" for n, g in enumerate(kept, start=1)}
    actors = []
    for group in kept:
        name = group.name
        affiliation = group.affiliations.most_common(1)[0][0] if group.affiliations else None
        actors.append(Actor(
            ids[id(group)], name, group.kind,
            tuple(a for a in group.aliases if a != name),
            affiliation if affiliation != name else None,
        ))

    def actor_id(speaker: str | None) -> str | None:
        group = registry.find(speaker) if speaker else None
        return ids.get(id(group)) if group is not None else None

    quotes = tuple(replace(q, speaker=actor_id(q.speaker))
                   for item in analyzed for q in item.quotes)
    return tuple(actors), quotes
