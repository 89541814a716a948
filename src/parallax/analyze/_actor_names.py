"""Names of people and bodies: strip titles, compare spellings, expand surnames.

Shared by quote attribution (which resolves a speaker to a name within one
article) and actor resolution (which merges names across articles), so both
stages agree on when two spellings are the same actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "PERSON_PRONOUNS",
    "TITLE_WORDS",
    "display_name",
    "expand_surname",
    "is_title_word",
    "name_key",
    "person_name",
]

# Words that describe a role rather than name someone. They are stripped from
# actor names ("President Trump" -> "Trump") and read as a person's title when
# they come right before or after a name ("foreign minister Ri Yong Ho").
TITLE_WORDS = frozenset({
    "president", "vice", "leader", "minister", "foreign", "prime", "secretary", "state",
    "general", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
    "chief", "executive", "ceo", "director", "senator", "sen", "representative", "rep",
    "governor", "gov", "mayor", "ambassador", "envoy", "negotiator", "king", "queen", "prince",
    "princess", "pope", "premier", "chancellor", "commander", "officer", "official", "adviser",
    "advisor", "deputy", "defense", "defence", "finance", "interior", "justice", "top",
    "former", "then", "supreme", "lawmaker", "mr", "mrs", "ms", "dr", "judge", "attorney",
    "lieutenant", "colonel", "admiral", "speaker", "senior", "lady", "dictator", "ruler",
    "head", "counsel", "sheikh", "emir", "president-elect", "first"
})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})

# Countries written in several ways; keys of the same country must compare equal.
_COUNTRY_KEYS = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom",
    "dprk": "north korea", "rok": "south korea", "prc": "china",
}
_APOSTROPHES = "'\u2019"
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s?$")


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS or word.lower() in TITLE_WORDS


def display_name(text: str) -> str:
    """A mention as an actor name: no leading "the", titles or trailing possessive."""
    words = _POSSESSIVE.sub("", " ".join(text.split()).strip(" ,.;:")).split(" ")
    while words and words[0].lower() == "the":
        words = words[1:]
    # Keep the last word even when it is a title: "the Speaker" stays "Speaker".
    while len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    return " ".join(words)


def person_name(text: str) -> str:
    """A person's name without any title in it.

    "United States President Donald Trump" -> "Donald Trump": spaCy sometimes
    tags the whole titled phrase as the PERSON.
    """
    words = display_name(text).split(" ")
    titles = [i for i, word in enumerate(words[:-1]) if is_title_word(word)]
    return " ".join(words[titles[-1] + 1:]) if titles else " ".join(words)


def name_key(text: str) -> str:
    """Spelling-insensitive key: "U.S." == "US" == "United States", "Jong-un" == "Jong Un"."""
    key = " ".join(w.lower() for w in _WORD.findall(display_name(text).replace(".", "")))
    return _COUNTRY_KEYS.get(key, key)


def expand_surname(name: str, full_names: Iterable[str]) -> str:
    """The unique longer name that ``name`` (one word) starts or ends, else ``name``.

    "Trump" -> "Donald Trump"; "Kim" -> "Kim Jong-un" (family names come first
    in Korean); ambiguous or absent -> unchanged.
    """
    key = name_key(name)
    if not key or " " in key:
        return name
    matches: dict[str, str] = {}
    for full in full_names:
        words = name_key(full).split(" ")
        # "Trump-Kim summit" style compounds are not full names: require a space.
        if " " in full.strip() and len(words) > 1 and key in (words[0], words[-1]):
            matches.setdefault(name_key(full), full)
    return next(iter(matches.values())) if len(matches) == 1 else name
