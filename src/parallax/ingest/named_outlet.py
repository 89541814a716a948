"""The outlet an article names itself, for files whose names say nothing.

A saved page keeps some of its outlet's furniture: a sign-up box ("Get
updates by The Weekly Harbour"), a byline with the outlet's name ("By Ana
Ruiz, Coastal Times"), a contact address on the outlet's domain
(``newsroom@weeklyharbour.example``). When the file is called
``000_8811365125d4b63c.txt`` these are the only honest source of its name.

Precision comes first: a wrong outlet merges two sources into one (and their
claims stop counting as independent), while no outlet only leaves the file as
its own source. So each cue is narrow, a byline field counts only when it is
shaped like an outlet's name or matches a domain in the text, a domain alone
counts only behind an editorial contact address and only through a name
written in the text, and cues that disagree give no outlet at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parallax.options import DEFAULT_OPTIONS

__all__ = ["outlet_named_in"]

# A capitalised word of a name ("Kootneeti", "KBN", "O'Neill", "Post-Dispatch").
_WORD = r"[A-Z][\w'\u2019&.-]*"
# Lower-case words that join the words of one name ("Voice of America").
_JOINERS = frozenset({"of", "the", "and", "for", "on"})
_JOINER = "(?:" + "|".join(sorted(_JOINERS)) + ")"
# An outlet's name: at most five words, an optional leading "The".
_NAME = rf"(?:(?i:the)\s+)?{_WORD}(?:\s+(?:{_JOINER}\s+)?{_WORD}){{0,4}}"
# "Subscribe to the Updates by X", "Sign up for the newsletter from X", alone on a line.
_SIGN_UP = re.compile(
    r"^(?i:subscribe|sign\s+up|get|receive|join)\b[^.!?]*?"
    r"\b(?i:updates?|newsletters?|alerts?|briefings?|digests?|e-?mails?)\s+"
    rf"(?i:by|from)\s+(?P<name>{_NAME})\s*[.!]?$"
)
_MAX_CUE_WORDS = DEFAULT_OPTIONS.ingest.max_outlet_cue_words
_BYLINE = re.compile(r"^(?i:by)\s+(?P<rest>.+)$")
_FIELD_SEPARATOR = re.compile(r"\s*(?:[,|\u2022\u2014\u2013]|\s-\s)\s*")
_ONLY_NAME = re.compile(_NAME)
# Words that make a byline field a role, not an outlet ("Staff Reporter").
_ROLE_WORDS = frozenset({
    "reporter", "correspondent", "editor", "writer", "staff", "contributor", "columnist",
    "analyst", "chief", "bureau", "senior", "special", "associate", "photographer",
    "producer", "intern", "fellow", "desk", "author", "guest",
})
# Words that end the names of news outlets; a byline field ending in one names an
# outlet, not a place ("By Ana Ruiz, Coastal Times" but not "By Ana Ruiz, Lisbon").
_OUTLET_WORDS = frozenset({
    "times", "post", "news", "herald", "press", "daily", "journal", "gazette", "courier",
    "tribune", "review", "agency", "radio", "tv", "television", "telegraph", "chronicle",
    "observer", "guardian", "standard", "mail", "express", "monitor", "ledger", "dispatch",
    "wire", "today", "magazine", "weekly", "network", "media", "broadcasting", "star",
    "record", "register", "bulletin", "globe", "inquirer", "sentinel", "examiner",
})
# Trailing words that name the outlet's people rather than the outlet.
_TEAM_WORDS = frozenset({"team", "staff", "editors", "newsroom", "desk"})
_DOMAIN = re.compile(
    r"(?:(?P<local>[\w.+-]+)@|https?://|www\.)(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})\b",
    re.IGNORECASE,
)
# Second-level labels under a country code ("bbc.co.uk"): the name is one further left.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne"})
# Local parts of an outlet's own contact addresses; "press@" or a person's
# address belongs as often to an organisation the story is about.
_EDITORIAL_ADDRESSES = frozenset({
    "newsroom", "news", "editor", "editors", "editorial", "team", "info", "contact",
    "hello", "letters", "tips", "desk", "feedback", "subscriptions",
})


def _letters(name: str) -> str:
    """Letters and digits only, lower case: "The Kootneeti" -> ``thekootneeti``."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _squash(name: str) -> str:
    """``_letters`` without a leading "the": one key per outlet, whatever its case."""
    flat = _letters(name)
    return flat[3:] if name.lower().startswith("the ") else flat


def _spells(name: str, label: str) -> bool:
    """Whether ``name`` spells a domain label, with or without its "The" ("thekootneeti")."""
    return label in (_squash(name), _letters(name))


def _trimmed(name: str) -> str | None:
    """The name without trailing team words ("The Kootneeti Team"); None when nothing is
    left or a word names a role ("Editor Angie Holan" is a person)."""
    words = name.split()
    while words and words[-1].lower() in _TEAM_WORDS:
        words.pop()
    if (not words or all(w.lower() in _JOINERS for w in words)
            or {w.lower().strip(".") for w in words} & _ROLE_WORDS):
        return None
    return " ".join(words)


def _ends_like_outlet(name: str) -> bool:
    return name.split()[-1].lower().strip(".") in _OUTLET_WORDS


def _sign_up_names(lines: list[str]) -> Iterator[str]:
    for line in lines:
        if len(line.split()) <= _MAX_CUE_WORDS and (match := _SIGN_UP.match(line)):
            name = _trimmed(match.group("name"))
            if name:
                yield name


def _byline_names(lines: list[str]) -> Iterator[str]:
    """Outlet-shaped fields of bylines: "By Ana Ruiz, Coastal Times", "BY THE KOOTNEETI"."""
    for line in lines:
        match = _BYLINE.match(line)
        if not match or len(line.split()) > _MAX_CUE_WORDS:
            continue
        fields = _FIELD_SEPARATOR.split(match.group("rest"))
        # The first field is the author, unless the byline names an organisation.
        start = 0 if fields[0].lower().startswith("the ") else 1
        for field in fields[start:]:
            name = _trimmed(field) if _ONLY_NAME.fullmatch(field) else None
            if name:
                yield name


def _domain_labels(text: str, *, editorial_only: bool) -> set[str]:
    """The registered names of hosts in e-mail addresses and links ("thekootneeti")."""
    labels: set[str] = set()
    for match in _DOMAIN.finditer(text):
        local = match.group("local")
        if editorial_only and (local is None or local.lower() not in _EDITORIAL_ADDRESSES):
            continue
        parts = match.group("host").lower().split(".")
        index = -3 if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else -2
        if len(parts[index]) >= 3:  # "t.co" and the like name no outlet
            labels.add(parts[index])
    return labels


def _written_names(text: str, label: str) -> Iterator[str]:
    """Capitalised spellings of ``label`` in the text: "The Kootneeti" for ``thekootneeti``."""
    letters = r"\s?".join(re.escape(ch) for ch in label)
    for match in re.finditer(rf"\b(?:(?i:the)\s)?(?i:{letters})\b", text):
        name = match.group()
        if all(word[:1].isupper() for word in name.split()) and _spells(name, label):
            yield name


def _spelling(name: str, text: str) -> str:
    """The name as the outlet writes it: a mixed-case spelling from the text for "THE X"."""
    if not name.isupper():
        return name
    for written in _written_names(text, _letters(name)):
        if not written.isupper():
            return written
    if len(name) <= 5 and " " not in name:  # an acronym: "KBN"
        return name
    words = name.lower().split()
    return " ".join([words[0].capitalize()]
                    + [w if w in _JOINERS else w.capitalize() for w in words[1:]])


def outlet_named_in(text: str) -> str | None:
    """The outlet the text names itself, or None when no cue is sure of one.

    A name from a sign-up line or a byline field counts when it is shaped
    like an outlet's (ends in "Times", "Post" and the like; a sign-up line's
    may also start with "The") or spells a domain of the text; failing those,
    an editorial contact address names the outlet through a name in the text
    spelt like its domain. Names from different cues must agree (up to case
    and "The").
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    domains = _domain_labels(text, editorial_only=False)

    def on_domain(name: str) -> bool:
        return any(_spells(name, label) for label in domains)

    found = [name for name in _sign_up_names(lines)
             if name.lower().startswith("the ") or _ends_like_outlet(name) or on_domain(name)]
    found += [name for name in _byline_names(lines)
              if _ends_like_outlet(name) or on_domain(name)]
    if not found:
        for label in sorted(_domain_labels(text, editorial_only=True)):
            found.extend(_written_names(text, label))
    if not found or len({_squash(name) for name in found}) > 1:
        return None
    mixed = [name for name in found if not name.isupper()]
    return _spelling((mixed or found)[0], text)
