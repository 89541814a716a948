"""Titles and places: facts two sources may give differently for one person or one event.

Counts and dates are compared as values (``compare.conflicts``); some facts
outlets disagree on are names instead: the post a person held ("Brenn, then a
deputy harbour master" against "Ms. Brenn, then the harbour master") or the
town an event took place in ("a 2019 rally in Caskwell" against "spoke at a
rally in Brindlemoor in May 2019"). A name that differs between two aligned
sentences is far more often two things than one thing told two ways, so both
are read narrowly:

- a title only in apposition to a person's name ("Name, then a ..."); two
  titles clash only when one is the other with a rank word added ("deputy
  mayor" against "mayor"): one held the deputy's post or the head's, while two
  unrelated titles may both be true;
- a place only after "in" or "at"; two sentences clash when each names one
  such place the other does not, both give the same year, and neither article
  ever names the other's place (a writer who puts the event in a town that
  lies in the other's region names that region somewhere too, and an article
  that names both towns has not set one against the other).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.model import Entity

__all__ = ["PLACE_LABELS", "places_clash", "places_in", "titles", "titles_clash"]

# Words that make a post the lower one of a pair ("deputy mayor" / "mayor").
_RANKS = frozenset({"assistant", "deputy", "vice", "associate", "acting", "interim",
                    "lieutenant", "under"})
# "Brenn, then a deputy harbour master, ..." / "Ms. Brenn, then the harbour master
# and later ...": the title runs, in lower case, to a clause break or to a word
# that ends it; "of" does not ("the president of the senate" is no "president").
_TITLE = re.compile(
    r"\b([A-Z][\w'\u2019-]+),\s+(?:then\s+|now\s+|formerly\s+|at\s+the\s+time\s+)?(?:an?|the)\s+"
    r"((?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*)"
    r"(?=\s*[,.;:\u2014]|\s+(?:and|who|in|at|from|for|when|until|with)\b|\s*$)")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def titles(text: str) -> dict[str, str]:
    """Titles in apposition to a name, by the name's last word in lower case
    ({"brenn": "deputy harbour master"}); a name given two titles in one
    sentence is left out (which is the one a second source contradicts?)."""
    found: dict[str, set[str]] = {}
    for match in _TITLE.finditer(text):
        found.setdefault(match.group(1).casefold(), set()).add(match.group(2))
    return {name: next(iter(posts)) for name, posts in found.items() if len(posts) == 1}


def titles_clash(a: str, b: str) -> bool:
    """Whether two titles are one post with and without a rank word ("deputy
    harbour master" / "harbour master")."""
    short, long = sorted((a.split(), b.split()), key=len)
    return (len(long) == len(short) + 1 and long[0] in _RANKS and long[1:] == short)


def places_in(text: str, offset: int, entities: Sequence[Entity]) -> frozenset[str]:
    """The places a sentence puts something in or at: place entities (cleaned offsets;
    the sentence starts at ``offset``) right after "in" or "at"."""
    return frozenset(e.text for e in entities
                     if e.label in PLACE_LABELS and offset <= e.start
                     and e.end <= offset + len(text)
                     and _PLACE_BEFORE.search(text[:e.start - offset]))


def places_clash(left: frozenset[str], right: frozenset[str], left_named: frozenset[str],
                 right_named: frozenset[str]) -> tuple[str, str] | None:
    """The two places two sentences give for one event, when they clash (see the module
    docstring); ``*_named`` are all the places each article names, in lower case."""
    only_left, only_right = left - right, right - left
    if len(only_left) != 1 or len(only_right) != 1:
        return None
    a, b = next(iter(only_left)), next(iter(only_right))
    low_a, low_b = a.casefold(), b.casefold()
    if low_a in low_b or low_b in low_a or low_a in right_named or low_b in left_named:
        return None
    return a, b
