"""Fast parsing of the calendar dates news writes most ("15 March 2025",
"March 15, 2025", "October 2018", "27 February", "last year").

dateparser handles everything, but its first call in a process costs over a
second (it compiles hundreds of locale and time-zone patterns) and each call
costs milliseconds. These few regular shapes cover nearly every date in news
text, so they are parsed here and only the rest is left to dateparser.
Yearless dates and bare months resolve to the most recent such date on or
before the reference, as dateparser does with ``PREFER_DATES_FROM="past"``.
"""

from __future__ import annotations

import datetime
import re
from functools import cache

from parallax.lang import LanguagePack
from parallax.lang.en import ENGLISH

__all__ = ["Precision", "parse_calendar_date"]

Precision = str  # "day", "month" or "year"

_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>\d{4})"


@cache
def _shapes(lang: LanguagePack) -> tuple[tuple[re.Pattern[str], Precision], ...]:
    """The date shapes with the pack's month names, compiled once per pack."""
    m = r"(?P<month>" + lang.month_pattern() + r")\.?"
    return tuple((re.compile(pattern), precision) for pattern, precision in (
        (rf"^{_Y}-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})(?:[t ].*)?$", "day"),
        (rf"^(?:\w+day,?\s+)?{_D}\s+(?:of\s+)?{m},?\s+{_Y}$", "day"),
        (rf"^(?:\w+day,?\s+)?{m}\s+{_D},?\s+{_Y}$", "day"),
        (rf"^{m},?\s+{_Y}$", "month"),
        (rf"^(?:\w+day,?\s+)?{_D}\s+(?:of\s+)?{m}$", "day"),
        (rf"^(?:\w+day,?\s+)?{m}\s+{_D}$", "day"),
        (rf"^{m}$", "month"),
        (rf"^{_Y}$", "year"),
    ))
_RELATIVE = re.compile(r"^(?P<which>last|this|next)\s+(?P<unit>year|month)$")


def _shift_month(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _relative(match: re.Match[str], reference: datetime.date) -> tuple[datetime.date, Precision]:
    step = {"last": -1, "this": 0, "next": 1}[match["which"]]
    if match["unit"] == "year":
        return datetime.date(reference.year + step, 1, 1), "year"
    return _shift_month(reference, step), "month"


def parse_calendar_date(text: str, reference: datetime.date | None = None,
                        lang: LanguagePack = ENGLISH) -> tuple[datetime.date, Precision] | None:
    """(date, precision) for the common shapes, or None (unknown shape or impossible date).

    Precision "month" returns the first of the month, "year" the first of January.
    Yearless shapes and relative phrases need ``reference``. Month names are
    ``lang``'s.
    """
    s = re.sub(r"\s+", " ", text.strip().lower().rstrip(".,"))
    relative = _RELATIVE.match(s)
    if relative:
        return _relative(relative, reference) if reference else None
    for pattern, precision in _shapes(lang):
        match = pattern.match(s)
        if match is None:
            continue
        groups = match.groupdict()
        named = lang.months.get(groups.get("month") or "", 1)
        month = int(groups["mnum"]) if groups.get("mnum") else named
        day = int(groups["day"]) if groups.get("day") else 1
        try:
            if groups.get("year"):
                return datetime.date(int(groups["year"]), month, day), precision
            if reference is None:
                return None
            found = datetime.date(reference.year, month, day)
            if found > reference:
                found = found.replace(year=reference.year - 1)
            return found, precision
        except ValueError:
            return None
    return None
