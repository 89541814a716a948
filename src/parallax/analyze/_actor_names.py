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
    "demonym_of",
    "display_name",
    "expand_surname",
    "is_title_word",
    "name_end",
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
    "head", "counsel", "sheikh", "emir", "president-elect", "first", "special", "mediator",
    "diplomat", "aide", "analyst"
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
# A hyphen joining two capitalised parts of one surname ("Okonkwo-Varr"): spaCy's
# tokenizer splits there and the NER model often stops at the hyphen.
_HYPHEN_PART = re.compile(r"[-\u2010\u2011]([^\W\d_][^\W_]*)", re.UNICODE)


def name_end(text: str, end: int) -> int:
    """Where a name ending at ``end`` really ends, past hyphenated capitalised parts.

    "Adaeze Okonkwo" tagged in "Adaeze Okonkwo-Varr said" ends after "Varr";
    a lower-case part ("Kim-led talks") is another word, not the name.
    """
    while (match := _HYPHEN_PART.match(text, end)) and match.group(1)[0].isupper():
        end = match.end()
    return end


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS or word.lower() in TITLE_WORDS


def demonym_of(place: str, demonym: str) -> bool:
    """Whether two name keys are a place and its demonym, by their shared stem:
    "north korea"/"north korean", "portugal"/"portuguese", "china"/"chinese"
    (irregular ones are missed)."""
    stem = next((i for i, (x, y) in enumerate(zip(place, demonym, strict=False)) if x != y),
                min(len(place), len(demonym)))
    return stem >= max(4, len(place) - 2)


def display_name(text: str) -> str:
    """A mention as an actor name: no leading "the", titles or trailing possessive."""
    words = _POSSESSIVE.sub("", " ".join(text.split()).strip(" ,.;:")).split(" ")
    # A heading glued to the name ("16:30 - Foreign Ministry") leaves words without letters.
    while words and (words[0].lower() == "the" or not any(c.isalpha() for c in words[0])):
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
    """The unique longer name that ``name`` (one written word) starts or ends, else ``name``.

    "Trump" -> "Donald Trump"; "Kim" -> "Kim Jong-un" (family names come first
    in Korean); "Okonkwo-Varr" -> "Adaeze Okonkwo-Varr"; ambiguous or absent
    -> unchanged. Written words are compared, so "Okonkwo" alone does not
    expand to "Adaeze Okonkwo-Varr".
    """
    written = display_name(name)
    if not written or " " in written:
        return name
    key = name_key(written)
    matches: dict[str, str] = {}
    for full in full_names:
        words = display_name(full).split(" ")
        # "Trump-Kim summit" style compounds are not full names: require a space.
        if len(words) > 1 and key in (name_key(words[0]), name_key(words[-1])):
            matches.setdefault(name_key(full), full)
    return next(iter(matches.values())) if len(matches) == 1 else name
