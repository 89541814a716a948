"""Title, outlet and publication date from plain text and file names.

Scraped text carries its metadata loosely: a headline on the first line, a
byline or dateline ("By Jane Doe | 15 March 2025") near the top, sometimes
``Key: value`` header lines. We read only the first few lines, and parse a
date only where a date-shaped string was found, so a story's own dates are
never mistaken for its publication date.
"""

from __future__ import annotations

import re
from functools import cache

from parallax.calendar import parse_calendar_date
from parallax.ingest.compressed import reader_name
from parallax.ingest.named_outlet import outlet_named_in
from parallax.lang import LanguagePack
from parallax.lang.en import ENGLISH
from parallax.options import DEFAULT_OPTIONS

__all__ = ["guess_outlet", "guess_published", "guess_title", "header_fields", "iso_date"]

_HEADER = re.compile(r"^(title|outlet|source|publisher|site|published|date|author|url)\s*:\s*(.+)$",
                     re.IGNORECASE)
_HEAD_LINES = DEFAULT_OPTIONS.ingest.head_lines
# An outlet name in a byline ("The Meridane Courier", "KBN News") is short.
_MAX_OUTLET_WORDS = DEFAULT_OPTIONS.ingest.max_outlet_words
_NOT_NAMES = frozenset({"the", "a", "of", "and", "news", "daily", "live", "times", "online"})
# A headline is a short line without a sentence-final full stop.
_MAX_TITLE_CHARS = DEFAULT_OPTIONS.ingest.max_title_chars


def header_fields(text: str) -> dict[str, str]:
    """``Key: value`` lines at the very top of a text file (before the first blank line)."""
    fields: dict[str, str] = {}
    for line in text.lstrip().split("\n"):
        match = _HEADER.match(line.strip())
        if not match:
            break
        fields[match.group(1).lower()] = match.group(2).strip()
    return fields


def guess_title(text: str) -> str | None:
    """The first non-empty line when it is shaped like a headline."""
    for line in text.split("\n"):
        stripped = line.strip().strip("#").strip()
        if not stripped or _HEADER.match(stripped):
            continue
        if len(stripped) <= _MAX_TITLE_CHARS and not stripped.endswith("."):
            return stripped
        return None
    return None


@cache
def _date_shape(lang: LanguagePack) -> re.Pattern[str]:
    """A written date ("15 March 2025", "March 15th, 2025", ISO) with the pack's months."""
    months = lang.month_pattern()
    return re.compile(
        rf"\b(\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+(?:{months})\.?,?\s+\d{{4}}|"
        rf"(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
        re.IGNORECASE,
    )


def iso_date(value: str, lang: LanguagePack = ENGLISH) -> str | None:
    """ISO date (YYYY-MM-DD) of a date-shaped string in ``lang``, or None when it does not parse."""
    fast = parse_calendar_date(value, lang=lang)
    if fast is not None:
        return fast[0].isoformat() if fast[1] == "day" else None
    import dateparser  # deferred: importing it costs ~0.1 s and most inputs never need it

    parsed = dateparser.parse(value, languages=list(lang.dateparser_languages),
                              settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def guess_published(text: str, lang: LanguagePack = ENGLISH) -> str | None:
    """A date found in the first lines (byline/dateline), as an ISO date."""
    head = "\n".join(text.strip().split("\n")[:_HEAD_LINES])
    match = _date_shape(lang).search(head)
    return iso_date(match.group(1), lang) if match else None


def guess_outlet(path: str, text: str = "", lang: LanguagePack = ENGLISH) -> str | None:
    """An outlet name from a file name like ``03_riverland-herald.txt``.

    A file name is a crude spelling of the outlet ("kbn-live"); when a field
    of a byline line near the top of ``text`` ("KBN News | Live coverage |
    15 March 2025") shares a word with it, that field is the outlet as the
    outlet writes itself. A name that says nothing (an id or hash like
    ``000_8811365125d4b63c``, or ``<stdin>``) gives way to the outlet the text
    names itself (``named_outlet``); when it names none, the name is kept as
    it is: each file is then its own source, which is the honest default.
    """
    if path in ("", "-"):
        return None
    stem = reader_name(path).stem
    words = re.sub(r"^\d+[_\-\s]+", "", stem)
    if not words or re.search(r"\d{3,}|[0-9a-f]{8,}|^<\w+>$", words):
        return outlet_named_in(text) or stem
    parts = [w for w in re.split(r"[_\-\s]+", words) if w]
    return _byline_outlet(text, {w.lower() for w in parts}, lang) or " ".join(
        w.capitalize() for w in parts)


def _byline_outlet(text: str, hints: set[str], lang: LanguagePack) -> str | None:
    """The byline field naming the outlet: short, capitalised, not the author or the date,
    sharing a word (other than a stopword) with ``hints``."""
    for line in text.strip().split("\n")[:_HEAD_LINES]:
        if "|" not in line:
            continue
        for field in (f.strip() for f in line.split("|")):
            words = field.split()
            if (not words or len(words) > _MAX_OUTLET_WORDS or field.lower().startswith("by ")
                    or _date_shape(lang).search(field) or not words[-1][:1].isupper()):
                continue
            if {w.lower().strip(".,") for w in words} & hints - _NOT_NAMES:
                return field
    return None
