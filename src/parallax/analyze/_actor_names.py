"""Names of people and bodies: strip titles, compare spellings, expand surnames.

Shared by quote attribution (which resolves a speaker to a name within one
article) and actor resolution (which merges names across articles), so both
stages agree on when two spellings are the same actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from parallax.lang import PersonNames
from parallax.lang.en import ENGLISH
from parallax.model import Entity

__all__ = [
    "BODY_NOUNS",
    "NEWSROOM_WORDS",
    "PERSON_PRONOUNS",
    "TITLE_WORDS",
    "PersonName",
    "demonym_of",
    "display_name",
    "expand_body",
    "expand_surname",
    "is_title_word",
    "name_end",
    "name_key",
    "parse_person",
    "person_name",
    "same_person",
    "split_lines",
    "surname_matches",
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
    "diplomat", "aide", "analyst",
    # Abbreviated offices ("the A.G. said"): roles, though the NER model tags them as bodies.
    "a.g", "d.a",
})

# The head nouns of bodies named after a role or a portfolio: "State Department",
# "Supreme Court", "Attorney's Office" keep their title words, which name them.
BODY_NOUNS = frozenset({
    "department", "ministry", "office", "court", "committee", "council", "agency", "bureau",
    "service", "commission", "board", "authority", "embassy", "consulate", "secretariat",
    "directorate", "command", "cabinet", "tribunal", "assembly",
})

# The word a newsroom's full name adds to its brand ("Gazette" is "Gazette News"):
# an outlet named both ways is one body.
NEWSROOM_WORDS = frozenset({"news"})

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
# A capitalised word right after a name, with its dot ("Boutrous Jr.", "Trump, Sr."):
# a generational suffix when the pack lists it. The NER model often leaves it out.
_SUFFIX_WORD = re.compile(r",?[ \t]+([A-Z][A-Za-z]{0,3})\.?(?![^\W_])")


def name_end(text: str, end: int, names: PersonNames = ENGLISH.person_names) -> int:
    """Where a name ending at ``end`` really ends, past hyphenated capitalised parts
    and a generational suffix.

    "Adaeze Okonkwo" tagged in "Adaeze Okonkwo-Varr said" ends after "Varr";
    a lower-case part ("Kim-led talks") is another word, not the name. "Jr." is
    part of who is meant, so "Theodore Boutrous" tagged in "Theodore Boutrous
    Jr. said" ends after it.
    """
    while (match := _HYPHEN_PART.match(text, end)) and match.group(1)[0].isupper():
        end = match.end()
    if (match := _SUFFIX_WORD.match(text, end)) and match.group(1).lower() in names.generational:
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


def display_name(text: str, names: PersonNames = ENGLISH.person_names) -> str:
    """A mention as an actor name: no leading "the", titles or trailing possessive.

    A body's name keeps its title words ("State Department", not "Department"),
    a generational suffix its dot ("Jr.").
    """
    return _display_name(text, names.generational)


# The same few hundred names are read again and again: quote attribution and
# actor resolution compare every surname with every full name of an article
# or story (280,000 readings of the BASIL development pile, bench/speed.py),
# so each spelling is worked out once. Bounded: a long run meets many names.
_NAMES_CACHED = 1 << 16


@lru_cache(maxsize=_NAMES_CACHED)
def _display_name(text: str, generational: frozenset[str]) -> str:
    written = " ".join(text.split())
    words = _POSSESSIVE.sub("", written.strip(" ,.;:")).split(" ")
    if words[-1].lower() in generational and written.rstrip(" ,;:").endswith("."):
        words[-1] += "."
    # A heading glued to the name ("16:30 - Foreign Ministry") leaves words without letters.
    while words and (words[0].lower() == "the" or not any(c.isalpha() for c in words[0])):
        words = words[1:]
    if words and words[-1].lower() in BODY_NOUNS:
        return " ".join(words)
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


@lru_cache(maxsize=_NAMES_CACHED)
def name_key(text: str) -> str:
    """Spelling-insensitive key: "U.S." == "US" == "United States", "Jong-un" == "Jong Un"."""
    key = " ".join(w.lower() for w in _WORD.findall(display_name(text).replace(".", "")))
    return _COUNTRY_KEYS.get(key, key)


def _word_key(word: str) -> str:
    """One written word as ``name_key`` spells it ("E." -> "e", "Jong-un" -> "jong un")."""
    return " ".join(w.lower() for w in _WORD.findall(word.replace(".", "")))


def _name_words(name: str, names: PersonNames) -> tuple[tuple[str, ...], str]:
    """The keys of a name's written words without its generational suffix, and the suffix."""
    return _written_words(name, names.generational)


@lru_cache(maxsize=_NAMES_CACHED)
def _written_words(name: str, generational: frozenset[str]) -> tuple[tuple[str, ...], str]:
    words = tuple(key for word in display_name(name).split(" ") if (key := _word_key(word)))
    if len(words) > 1 and words[-1] in generational:
        return words[:-1], words[-1]
    return words, ""


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's full name in parts, as keys: given name, middle names or initials,
    surname and generational suffix ("" when none)."""

    given: str
    given_forms: frozenset[str]
    """The given name and the full names it is a short form of ("dick": richard)."""
    middles: tuple[str, ...]
    surname: str
    suffix: str


def parse_person(name: str, names: PersonNames = ENGLISH.person_names) -> PersonName | None:
    """The parts of a person's name of two or more written words, else None.

    "Theodore J. Boutrous Jr." -> theodore / (j,) / boutrous / jr. Written words
    are the parts, so a hyphenated surname ("Okonkwo-Varr") stays one.
    """
    words, suffix = _name_words(name, names)
    if len(words) < 2:
        return None
    given, middles = words[0], words[1:-1]
    if len(given) == 1 and middles and len(middles[0]) > 1:
        # "K. Michael Conaway" goes by his middle name: he is the "Michael Conaway" of
        # another outlet, and the leading initial counts as a middle one.
        given, middles = middles[0], (given, *middles[1:])
    return PersonName(given, frozenset({given, *names.nicknames.get(given, ())}),
                      middles, words[-1], suffix)


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names that may be the same: one side has none, or each pair is equal
    or an initial of the other ("E." and "Elizabeth"); "H. W." is not "W."."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(
        x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(a, b, strict=True))


def same_person(a: PersonName, b: PersonName) -> bool:
    """Whether two full names may name one person.

    Middle names and initials do not tell people apart ("Susan E. Rice" /
    "Susan Rice"), short forms of a given name do not ("Dick" / "Richard");
    another given name, surname or generational suffix does ("Donald Trump" /
    "Donald Trump Jr." / "Eric Trump").
    """
    return (a.surname == b.surname and a.suffix == b.suffix
            and bool(a.given_forms & b.given_forms) and _middles_agree(a.middles, b.middles))


def surname_matches(name: str, full_names: Iterable[str],
                    names: PersonNames = ENGLISH.person_names, *,
                    suffixed: bool = False) -> list[str]:
    """The distinct longer names that ``name`` (one written word, with or without a
    generational suffix) may stand for: their surname or first word.

    "Trump Jr." fits only "Donald Trump Jr."; "Kim" fits "Kim Jong-un" (family
    names come first in Korean). A name written without a suffix fits a
    suffixed one only when no namesake without one is named: news writes the
    suffix whenever the two are in one story, so beside "Donald Trump" and
    "Donald Trump Jr." a bare "Trump" is the first ("Quill" is "Theodore J.
    Quill Jr." when he is the only Quill). ``suffixed``: every namesake, with
    a suffix or without. Written words are compared, so "Okonkwo" alone does
    not fit "Adaeze Okonkwo-Varr".
    """
    words, suffix = _name_words(name, names)
    if len(words) != 1:
        return []
    key = words[0]
    matches: dict[str, tuple[str, str]] = {}
    for full in full_names:
        parts, full_suffix = _name_words(full, names)
        # "Trump-Kim summit" style compounds are not full names: require a space.
        if len(parts) < 2 or (suffix and suffix != full_suffix):
            continue
        if key == parts[-1] or (key == parts[0] and not suffix):
            matches.setdefault(name_key(full), (full, full_suffix))
    plain = [full for full, full_suffix in matches.values() if not full_suffix]
    if plain and not suffix and not suffixed:
        return plain
    return [full for full, _ in matches.values()]


def expand_body(name: str, bodies: Iterable[str]) -> str:
    """The unique longer body name that ``name`` (a body's name of two or more words)
    ends, else ``name``: "County Police Department", written after "Miami-Dade
    County Police Department", is that one; after two counties' departments, it
    stays as written."""
    words = [_word_key(word) for word in display_name(name).split(" ")]
    if len(words) < 2 or words[-1] not in BODY_NOUNS:
        return name
    matches: dict[tuple[str, ...], str] = {}
    for body in bodies:
        written = display_name(body)
        parts = tuple(_word_key(word) for word in written.split(" "))
        if len(parts) > len(words) and list(parts[-len(words):]) == words:
            matches.setdefault(parts, written)
    return next(iter(matches.values())) if len(matches) == 1 else name


def expand_surname(name: str, full_names: Iterable[str],
                   names: PersonNames = ENGLISH.person_names) -> str:
    """The unique longer name that ``name`` may stand for (``surname_matches``), else
    ``name``: "Trump" -> "Donald Trump"; "Okonkwo-Varr" -> "Adaeze Okonkwo-Varr";
    ambiguous or absent -> unchanged."""
    matches = surname_matches(name, full_names, names)
    return matches[0] if len(matches) == 1 else name


def split_lines(entity: Entity) -> list[Entity]:
    """The entity's pieces between line breaks: the NER model sometimes runs one name
    into the next paragraph's first word ("Jim Talent\n\nRomney")."""
    if "\n" not in entity.text:
        return [entity]
    pieces = []
    offset = entity.start
    for line in entity.text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            word = line.strip()
            pieces.append(Entity(offset + lead, offset + lead + len(word), word, entity.label))
        offset += len(line) + 1
    return pieces
