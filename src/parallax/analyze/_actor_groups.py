"""Unnamed sources as the text describes them: "senior administration officials".

News attributes much of what it reports to sources it does not name ("a
senior administration official told reporters", "prosecutors said", "Tarn's
campaign said"). The description is who speaks; a reader lists the statement
under it, so it becomes a group actor of its own (one per description, however
many articles use it). Only descriptions a reader could not resolve to someone
named earlier: "the official" and "the spokesman" point back at a person (the
speaker rules resolve them or leave them unattributed), "his campaign" at
whoever "his" is, and "a spokesman" alone could be anyone's. The words a
description is made of come from the language pack (``SourceNouns``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.lang import SourceNouns

__all__ = ["described_source"]

_WORDS = re.compile(r"\S+")
# A possessive ending, straight or curly, with or without "s" ("Tarn's", "the counsel's").
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
# Pronouns that make a description someone else's ("his campaign", "their aides").
_OWNERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# What ends a sentence before a mention that opens the next one ("... said. Critics say").
_SENTENCE_ENDS = frozenset(".!?:\n\"\u201d\u2019")
# Blanks and opening marks between a sentence's end and its first word.
_OPENING = " \t\"'\u201c\u2018("
# Characters read back for that end: more than any run of blanks and marks.
_LOOK_BACK = 40


def _core(words: list[tuple[str, int]], nouns: SourceNouns) -> list[tuple[str, int]]:
    """The words up to the source noun a qualifying phrase follows ("people" in "people
    familiar with the talks", "prosecutors" in "prosecutors in New York"); all of them
    when none does."""
    preps = nouns.qualifiers | nouns.places
    for index, (word, _) in enumerate(words[:-1]):
        if word.strip(".;:!?").lower() not in nouns.nouns:
            continue
        after = words[index + 1][0].lower()
        # "familiar with": an adjective after the noun opens the phrase.
        adjective = index + 2 < len(words) and after.isalpha() and words[index + 2][
            0].lower() in nouns.qualifiers
        if after in preps or adjective:
            return words[:index + 1]
    return words


def described_source(text: str, start: int, end: int, proper: Sequence[tuple[int, int]],
                     nouns: SourceNouns) -> str | None:
    """The name of the unnamed source written at ``text[start:end]``, or None.

    ``proper`` are the character ranges of the article's named entities: a
    capital at the start of a sentence is dropped ("Critics say" -> "critics")
    unless it starts a name ("White House officials"). Determiners and
    counts are not part of the name ("Several GOP senators" -> "GOP
    senators"), so the same description in two articles is one actor.
    """
    written = text[start:end]
    if "," in written or "\n" in written:
        return None  # "Mr. Conway, a vocal critic": a person with a description
    words = [(m.group(), start + m.start()) for m in _WORDS.finditer(written)]
    first = words[0][0].lower() if words else ""
    definite = first in nouns.definite
    single = first in nouns.indefinite
    if definite or single:
        words = words[1:]
    while len(words) > 1 and words[0][0].lower() in nouns.quantifiers:
        words = words[1:]
    # "one of the senator's aides": the group the one belongs to describes it.
    if single and len(words) > 1 and words[0][0].lower() in nouns.partitives:
        words = words[1:]
        if words and words[0][0].lower() in nouns.definite:
            words = words[1:]
    if not words:
        return None
    core = _core(words, nouns)
    if any(w.lower() in _OWNERS for w, _ in core):
        return None
    head = core[-1][0].strip(".;:!?").lower()
    singular = nouns.nouns.get(head)
    if singular is None:
        return None
    owners = [i for i, (w, _) in enumerate(core[:-1]) if _POSSESSIVE.search(w)]
    if owners:
        owner = words[owners[-1]][0]
        owner_head = _POSSESSIVE.sub("", owner).lower()
        # "Tarn's campaign", "the special counsel's office"; not "an opponent's campaign".
        if not (any(w[:1].isupper() for w, _ in words[:owners[-1] + 1])
                or owner_head in nouns.nouns):
            return None
    elif head == singular and (not single or len(words) == 1):
        # "the official" points back at someone named; "a spokesman" could be anyone's
        # ("a person familiar with the talks" is a source of its own).
        return None
    name = [w for w, _ in words]
    lead, at = words[0]
    before = text[max(0, at - _LOOK_BACK):at].rstrip(_OPENING)
    opens = not before or before[-1] in _SENTENCE_ENDS
    in_name = any(s <= at < e for s, e in proper)
    # A possessor keeps its capital: "Ferrante's campaign" names its owner.
    if (opens and not in_name and lead[:1].isupper() and not lead.isupper()
            and not _POSSESSIVE.search(lead)):
        name[0] = lead[:1].lower() + lead[1:]
    return " ".join(name).strip(".;:!?")
