"""Titles written next to a person's name, and the country or body they name.

"Kestrian foreign minister Aldo Venn", "Orvenian President Lena Marr" and
"Aldo Venn, Kestria's foreign minister" all say what the person is and
whom they act for. Quote attribution uses the title to resolve later
descriptions ("the minister" -> Ri Yong Ho); actor resolution uses it for
aliases and affiliations. Works on text and entity offsets only, so it runs
the same on a live spaCy parse and on stored ``Entity`` records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.analyze._actor_names import is_title_word
from parallax.model import Entity
from parallax.options import DEFAULT_OPTIONS, ActorsOptions

__all__ = ["AFFILIATION_LABELS", "TitledMention", "titled_mentions"]

AFFILIATION_LABELS = frozenset({"GPE", "NORP", "ORG"})
_WORD = re.compile(r"[^\s,;:()\"“”]+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


@dataclass(frozen=True, slots=True)
class TitledMention:
    """A PERSON entity with the title words around it (lower case) and their affiliation."""

    entity: Entity
    title: tuple[str, ...]
    affiliation: Entity | None
    written: str


def _entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    return next((e for e in entities if e.start <= start and end <= e.end
                 and e.label in AFFILIATION_LABELS), None)


def _body_before(entities: Sequence[Entity], position: int, reach: int) -> Entity | None:
    """The country or body named last before ``position`` (within ``reach`` characters)."""
    before = [e for e in entities if e.label in ("GPE", "ORG")
              and position - reach <= e.end <= position]
    return before[-1] if before else None


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group())
            for m in _WORD.finditer(text[start:end])]


def _collect(text: str, words: list[tuple[int, int, str]], entities: Sequence[Entity],
             options: ActorsOptions) -> tuple[list[str], Entity | None, int, int]:
    """Title words, affiliation, left edge and length of a run of words, nearest the
    name first."""
    title: list[str] = []
    affiliation: Entity | None = None
    edge = -1
    previous: tuple[int, int] | None = None
    used = 0
    for start, end, word in words:
        if word.endswith(".") and "." not in word[:-1] and len(word) > 4:
            break  # "...met the president. Trump said": a sentence ends, not "Gov."
        bare = re.sub("['\u2019]s$", "", word)
        owner = _entity_at(entities, start, start + len(bare))
        comma = previous is not None and "," in text[min(end, previous[1]):max(
            start, previous[0])]
        previous = (start, end)
        if owner is not None and comma and bare == word:
            break  # "talks in Orvenia, President X": a place, not X's country
        if owner is not None:
            affiliation = affiliation or owner
        elif is_title_word(bare):
            title.append(bare.lower().rstrip("."))
        elif bare.lower() == "its" and title:
            # "Kestria gave its account. Its foreign minister, X": the body named last.
            affiliation = affiliation or _body_before(entities, start, options.antecedent_reach)
            break
        else:
            break
        edge = start if edge < 0 else min(edge, start)
        used += 1
    return title, affiliation, edge, used


def _of_phrase(text: str, entities: Sequence[Entity], words: list[tuple[int, int, str]]
               ) -> Entity | None:
    """The body a title's "of" phrase names ("director of the Harbour League", "of
    TideWatch.org", which the NER model may leave untagged), when ``words`` open with
    one."""
    if len(words) < 2 or words[0][2].lower() not in ("of", "at"):
        return None
    rest = words[2:] if words[1][2].lower() == "the" else words[1:]
    # "Minister of Finance", "Secretary of State": a portfolio, not a body.
    if not rest or not rest[0][2][:1].isupper() or is_title_word(rest[0][2]):
        return None
    tagged = next((e for e in entities if e.start == rest[0][0] and e.label == "ORG"), None)
    if tagged is not None:
        return tagged
    run = [rest[0]]
    for word in rest[1:]:
        if not word[2][:1].isupper() or text[run[-1][1]:word[0]] != " ":
            break
        run.append(word)
    end = run[-1][1]
    if text[end - 1] == "." and not _INITIALS.fullmatch(run[-1][2]):
        end -= 1  # the sentence's full stop, not "U.S."
    return Entity(run[0][0], end, text[run[0][0]:end], "ORG")


def _after(text: str, entity: Entity, entities: Sequence[Entity], options: ActorsOptions
           ) -> TitledMention | None:
    """ "Ri Yong Ho, North Korea's foreign minister" (an apposition after the name)."""
    if text[entity.end:entity.end + 1] != ",":
        return None
    end = min(len(text), entity.end + options.title_window)
    words = [w for w in _words(text, entity.end, end)
             if w[2].lower() != "the"]
    title, affiliation, _, used = _collect(text, words, entities, options)
    # "Ada Roe, the Kestria director of the Harbour League": she acts for the League;
    # the place before the title says where she works.
    affiliation = _of_phrase(text, entities, words[used:]) or affiliation
    return TitledMention(entity, tuple(title), affiliation, entity.text) if title else None


def titled_mentions(text: str, entities: Sequence[Entity], *,
                    options: ActorsOptions = DEFAULT_OPTIONS.actors
                    ) -> tuple[TitledMention, ...]:
    """Every PERSON entity that has a title before it or in an apposition after it."""
    found: list[TitledMention] = []
    for entity in entities:
        if entity.label != "PERSON":
            continue
        before_start = max(0, entity.start - options.title_window,
                           text.rfind("\n", 0, entity.start) + 1)
        before = text[before_start:entity.start]
        gap = len(before) - len(before.rstrip(" ,"))  # "minister, Ri Yong Ho" apposition
        words = _words(text, before_start, entity.start - gap)[::-1]
        title, affiliation, edge, _ = _collect(text, words, entities, options)
        if title:
            written = text[edge:entity.end] if gap <= 1 else entity.text
            found.append(TitledMention(entity, tuple(reversed(title)), affiliation, written))
        elif (apposition := _after(text, entity, entities, options)) is not None:
            found.append(apposition)
    return tuple(found)
