"""Resolve the dates an article writes into calendar values at their own precision.

A timeline needs *event* dates, so only spaCy DATE entities are considered and
most of them are thrown away: ages, durations, decades, vague phrases and the
publication line say nothing about when something happened. What is left is
resolved against a reference date (the publication date, else the latest date
the story spells out), keeping the precision the writer gave: "October 2018"
stays ``2018-10``, never a made-up day.

Three kinds of expression are resolved here rather than by dateparser, whose
answers for them are wrong for news: day ranges ("27-28 February"), weekdays
(news means the most recent such day *including* the reference day) and
anaphora ("the next day", "the second day"), which depend on the previous date
of the same article. A date without a year is the latest such day unless its
sentence announces a future event ("will be held on 27-28 February": the next
one) or an arrangement in the present tense ("expires on 31 March": the
nearer of the two), see ``analyze._tense``. Deictic words inside quotation
marks ("here we are today") are skipped: they point at the time the speaker
spoke, which the text does not give. Common calendar shapes are parsed by
``parallax.calendar``; the rest that passes a cheap plausibility regex goes to
dateparser.
"""

from __future__ import annotations

import calendar
import datetime
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parallax.analyze._tense import ahead, attachment, tense_of, unreal
from parallax.calendar import parse_calendar_date
from parallax.lang import LanguagePack, pack_for
from parallax.lang.en import ENGLISH
from parallax.model import Article, DateMention, Sentence
from parallax.options import DEFAULT_OPTIONS, DatesOptions

__all__ = ["explicit_dates", "find_dates", "inside_quote", "reference_date"]

_YEAR = r"(?:1[0-9]|20)\d{2}"
_SEP = r"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*"

_YEAR_RE = re.compile(rf"\b{_YEAR}\b")
_DAY_RE = re.compile(r"\b\d{1,2}\b")
_DAY_START = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?:[-\u2013]\d{1,2})?")
_DAY_TOKEN = re.compile(r"\d{1,2}(?:st|nd|rd|th)?|\d{1,2}[-\u2013]\d{1,2}|[-\u2013\u2014]|to|and")
_RELATIVE_WORD = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|ago|(?:last|this|next)\s+(?:year|month|week))\b")

# Quantities of a duration ("almost a year", "six weeks"): the pack's number
# words one to twelve complete them (see ``_Words.not_event``).
_QUANTITY = (r"(?:almost|nearly|about|around|over|more than|less than|at least|some|several"
             r"|a few|few|many|a couple of|half an?|an?|\d+|{numbers})")
_UNIT = r"(?:day|week|month|year|hour|minute|decade)s?"

# Words that frame a date without changing which period it names.
_LEADING = re.compile(
    r"^(?:(?:on|in|at|since|by|from|until|till|through|during|around|about|of|the|very"
    r"|early|late|mid|end|beginning|start|middle|spring|summer|autumn|fall|winter"
    r"|earlier|later|first half|second half|between|as (?:early|late|recently) as)\b[\s,-]*)+")
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b\d{1,2}:\d{2}\b"
    r"|\b(?:morning|afternoon|evening|night)\b")
_TODAY_PHRASE = re.compile(r"^(?:this\s+(?:morning|afternoon|evening)|tonight)$")

_YEAR_RANGE = re.compile(rf"^({_YEAR}){_SEP}(\d{{2}}|{_YEAR})$")
_WEEK = re.compile(r"(last|this|next) week")
_SEASON = re.compile(r"(last|past|this|next) (spring|summer|fall|autumn)")
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_QUALIFIED = re.compile(r"^(?:last|this|next|past|coming)\b")

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL_DAY = re.compile(r"^(first|second|third|fourth|fifth|last|final|closing|opening)"
                          r"\s+day(?:\s+of\s+.*)?$")
# "the day" alone is what is left of "by the end of the day", "during the day":
# the day the article was last talking about.
_SHIFT_DAY = {
    "day": 0,
    "next day": 1, "following day": 1, "day after": 1, "a day later": 1, "one day later": 1,
    "previous day": -1, "day before": -1, "a day earlier": -1, "same day": 0, "that day": 0,
}

_PUBLICATION_CUE = re.compile(
    r"^\W*(?:published|updated|posted|first published|last (?:updated|modified)|date|by\b)",
    re.IGNORECASE)
# "WASHINGTON, March 3 (Reuters) -": a place, the date, an optional agency, a dash.
_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Za-z .'/]{0,40},?\s*(?:\w+day,?\s*)?$")
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\d{4})?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014:]"
                             # not the dash of a range: "a March 31-April 4 survey"
                             r"(?![A-Z][a-z]+\.?\s+\d)")

# What may stand between two dates that write one period or one list: "22
# December through 25 January", "between June 2011 and July 2012", "August and
# October 2017".
_LIST_GAP = r"\s*(?:,|,?\s*(?:and|or|to|through|until|till))?\s*|\s*[-\u2013\u2014]\s*"
# Verbs that move an event from one date to another: their two dates are not a range.
_RESCHEDULED = re.compile(r"\b(?:postpon|delay|mov|push|shift|reschedul|chang|bump)\w*\b")

# Any year works for absolute dates: the text carries its own year.
_NEUTRAL_BASE = datetime.date(2000, 1, 1)

_Resolved = tuple[str, str | None]

# How a yearless date moves ahead of the reference, by the tense of its sentence
# (``analyze._tense.tense_of``): None stays the latest such day, False moves
# to the next one, True to whichever of the two is nearer. A weekday in a
# present-tense arrangement ("the treaty expires Friday") is the next one; a
# weekday inside a noun phrase ("Friday's deadline is") stays ambiguous, so it
# keeps the news default, and so does the weekday of an appointed event
# under a past verb ("won Tuesday's primary").
_NEAREST: dict[str, bool | None] = {"future": False, "present": True, "present-noun": True,
                                    "planned": True, "appointed": True, "past": None}
_NEAREST_WEEKDAY: dict[str, bool | None] = {**_NEAREST, "present": False,
                                            "present-noun": None, "appointed": None}


@dataclass(frozen=True, slots=True)
class _Words:
    """The patterns built from a language pack's calendar and number words."""

    lang: LanguagePack
    month: re.Pattern[str]
    deictic: re.Pattern[str]
    plausible: re.Pattern[str]
    """Cheap pre-filter: only expressions with a calendar word, a year, a numeric
    date or a deictic word can name a point in time; the rest never reach dateparser."""
    not_event: re.Pattern[str]
    """Not event dates: ages, decades and centuries, durations ("two days",
    "almost a year", "six-week"; "the last year" is the past twelve months, while
    "last year" and "the last year's" name a year). Matched on the raw lowercase text."""
    calendar: re.Pattern[str]
    """A month with its year, maybe a day between ("June 2016", "May 26, 2009"),
    matched case-insensitively on the raw text (the caller checks the capital)."""
    range_dm: re.Pattern[str]
    range_md: re.Pattern[str]
    weekday_only: re.Pattern[str]
    weekday_prefix: re.Pattern[str]
    counted: re.Pattern[str]
    """A count before a month and its day ("the 19 Sept. 11 hijackers"): news never
    writes a two-digit year after a day and a month, so the count is no day, and the
    month and day name an event whose year the words do not give: no date."""


@cache
def _words(lang: LanguagePack) -> _Words:
    """``lang``'s date patterns, compiled once per pack."""
    month = rf"(?:{lang.month_pattern()})\.?"
    weekday = "(?:" + "|".join(lang.weekdays) + ")"
    numbers = "|".join(word for word, value in sorted(lang.number_words.items(),
                                                      key=lambda item: item[1])
                       if 1 <= value <= 12)
    month_re = re.compile(rf"\b{month}(?!\w)")
    return _Words(
        lang=lang,
        month=month_re,
        deictic=re.compile(rf"{_RELATIVE_WORD.pattern}|\b{weekday}\b"),
        plausible=re.compile(
            rf"{month_re.pattern}|\b{weekday}\b|{_YEAR_RE.pattern}|{_RELATIVE_WORD.pattern}"
            r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"),
        not_event=re.compile(
            r"\byears?[- ]old\b|\baged?\b|\d0'?s\b|'\d0s\b|\bdecades?\b|\bcentur(?:y|ies)\b"
            rf"|^the\s+(?:last|past)\s+(?:\w+\s+)?{_UNIT}$|^(?:last|past)\s+\w+\s+{_UNIT}$"
            rf"|^(?:for\s+|over\s+|within\s+)?{_QUANTITY.format(numbers=numbers)}[\s-]+"
            rf"(?:\w+[\s-]+)?{_UNIT}(?:[\s-]long)?$"),
        calendar=re.compile(rf"\b{month}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{_YEAR}\b",
                            re.IGNORECASE),
        range_dm=re.compile(
            rf"^(\d{{1,2}}){_SEP}(\d{{1,2}})\s+({month})(?:,?\s*({_YEAR}))?$"),
        range_md=re.compile(
            rf"^({month})\s+(\d{{1,2}}){_SEP}(\d{{1,2}})(?:,?\s*({_YEAR}))?$"),
        weekday_only=re.compile(rf"^(?:(last|this|next|past)\s+)?({weekday})$"),
        weekday_prefix=re.compile(rf"^{weekday},?\s+(?=\S)"),
        counted=re.compile(rf"^\d{{1,3}}\s+{month}\s+\d{{1,2}}$"),
    )


@dataclass(frozen=True, slots=True)
class _Anchor:
    """The last day-precise date of the article, which anaphora count from."""

    first: datetime.date
    last: datetime.date


@lru_cache(maxsize=64)
def _parser(base: datetime.date, languages: tuple[str, ...]) -> DateDataParser:
    """One parser per reference date and language: settings are fixed at
    construction, and a story has only a handful of references."""
    settings = {"RELATIVE_BASE": datetime.datetime(base.year, base.month, base.day),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    return DateDataParser(languages=list(languages), settings=settings)


def _iso(day: datetime.date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _normalise(text: str) -> str:
    """Lowercase, fix ordinals ("12nd"), drop framing words and times of day."""
    s = text.lower().replace("\u2019", "'").strip(" ,.;:")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\b(\d{1,2}) of ", r"\1 ", s)
    if _TODAY_PHRASE.match(s):
        return "today"
    s = _TIME_OF_DAY.sub(" ", s)
    s = _LEADING.sub("", s)
    return re.sub(r"\s+", " ", s).strip(" ,.;:-")


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: datetime.date, languages: tuple[str, ...]
                ) -> tuple[datetime.date, str] | None:
    data = _parser(base, languages).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    return data.date_obj.date(), data.period


def _weekday(match: re.Match[str], reference: datetime.date, w: _Words) -> datetime.date:
    """Most recent such weekday on or before the reference ("last": strictly before,
    "next": strictly after)."""
    qualifier, name = match.group(1), match.group(2)
    back = (reference.weekday() - w.lang.weekdays.index(name)) % 7
    if qualifier in ("last", "past") and back == 0:
        back = 7
    if qualifier == "next":
        return reference + datetime.timedelta(days=(7 - back) or 7)
    return reference - datetime.timedelta(days=back)


def _season_year(match: re.Match[str], reference: datetime.date) -> str:
    """ "last fall", "next spring": the year of that season (winter, which spans
    two years, is not matched), the nearest one before or after the reference."""
    first, last = _SEASON_MONTHS[match.group(2)]
    which, year = match.group(1), reference.year
    if which in ("last", "past"):
        return str(year if reference.month > last else year - 1)
    if which == "next":
        return str(year if reference.month < first else year + 1)
    return str(year)


def _week_month(match: re.Match[str], reference: datetime.date) -> str | None:
    """ "last week", "this week": the month it lies in (weeks start on Monday), or
    None when it straddles two months (too vague for a timeline)."""
    first = reference - datetime.timedelta(days=reference.weekday())
    first += datetime.timedelta(weeks={"last": -1, "this": 0, "next": 1}[match.group(1)])
    last = first + datetime.timedelta(days=6)
    return _iso(first, "month") if (first.year, first.month) == (last.year, last.month) else None


def _day_range(s: str, reference: datetime.date | None, w: _Words) -> _Resolved | None:
    match = w.range_dm.match(s)
    if match:
        first, last, month, year = match.groups()
    elif (match := w.range_md.match(s)) is not None:
        month, first, last, year = match.groups()
    else:
        return None
    start = _single(f"{month} {first} {year or ''}".strip(), reference, w)
    if start is None or len(start) != 10:
        return None
    begin = datetime.date.fromisoformat(start)
    try:
        end = begin.replace(day=int(last))
    except ValueError:
        return None
    return (start, end.isoformat()) if end > begin else None


def _single(s: str, reference: datetime.date | None, w: _Words) -> str | None:
    """One date expression (no range, no anaphora) at the precision it states."""
    season = _SEASON.fullmatch(s)
    if season is not None:
        return _season_year(season, reference) if reference is not None else None
    if not w.plausible.search(s):
        return None
    relative = not _YEAR_RE.search(s)
    if relative and reference is None:
        return None
    weekday = w.weekday_only.match(s)
    if weekday is not None:
        assert reference is not None
        return _weekday(weekday, reference, w).isoformat()
    week = _WEEK.fullmatch(s)
    if week is not None:
        assert reference is not None
        return _week_month(week, reference)
    s = w.weekday_prefix.sub("", s)
    if w.counted.fullmatch(s):
        return None
    if re.fullmatch(_YEAR, s):
        return s
    parsed = (parse_calendar_date(s, reference, w.lang)
              or _dateparser(s, reference or _NEUTRAL_BASE, w.lang.dateparser_languages))
    if parsed is None:
        return None
    day, period = parsed
    return _iso(day, period)


def _resolve(s: str, reference: datetime.date | None, w: _Words) -> _Resolved | None:
    if not s:
        return None
    years = _YEAR_RANGE.match(s)
    if years is not None:
        first, last = years.group(1), years.group(2)
        last = first[:2] + last if len(last) == 2 else last
        return (first, last) if last > first else None
    ranged = _day_range(s, reference, w)
    if ranged is not None:
        return ranged
    value = _single(s, reference, w)
    return (value, None) if value is not None else None


def _anaphor(s: str, anchor: _Anchor | None) -> _Resolved | None:
    """ "the next day", "the second day" from the article's previous day-precise date;
    None when there is none, or when a multi-day anchor makes the step ambiguous."""
    if anchor is None:
        return None
    ordinal = _ORDINAL_DAY.match(s)
    if ordinal is not None:
        word = ordinal.group(1)
        if word in ("last", "final", "closing"):
            day = anchor.last
        else:
            day = anchor.first + datetime.timedelta(days=_ORDINALS.get(word, 1) - 1)
        return (day.isoformat(), None) if day <= anchor.last else None
    shift = _SHIFT_DAY.get(s)
    if shift is None or anchor.first != anchor.last:
        return None
    return (anchor.first + datetime.timedelta(days=shift)).isoformat(), None


def _is_anaphor(s: str) -> bool:
    return bool(_ORDINAL_DAY.match(s)) or s in _SHIFT_DAY


def _is_month(token: Token, w: _Words) -> bool:
    return token.text[:1].isupper() and bool(w.month.fullmatch(token.lower_))


def _days_before(doc: Doc, start: int) -> int:
    """Start of the day numbers written before a month ("4-6 May", "12 June")."""
    first = start
    while first > 0 and start - first < 3 and _DAY_TOKEN.fullmatch(doc[first - 1].lower_):
        first -= 1
    while first < start and not _DAY_START.fullmatch(doc[first].lower_):
        first += 1  # never start on a separator
    return first


def _expressions(doc: Doc, w: _Words) -> list[SpacySpan]:
    """DATE entities, widened over a month name or year that spaCy left outside
    ("from 27-28 February 2019" is tagged as just "27-28")."""
    spans: list[SpacySpan] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start, end = ent.start, ent.end
        if ent[0].like_num and start > 0 and _is_month(doc[start - 1], w):
            start -= 1
        elif _is_month(ent[0], w):
            start = _days_before(doc, start)
        elif ent[-1].like_num and end < len(doc) and _is_month(doc[end], w):
            end += 1
            if end < len(doc) and _YEAR_RE.fullmatch(doc[end].text):
                end += 1
        spans.extend(_range_ends(_before_duration(doc[start:end], w), w))
    return sorted([*spans, *_missed(doc, w, spans)], key=lambda span: span.start)


# Words between the two ends of a range spaCy tags as one DATE.
_RANGE_WORDS = frozenset({"through", "to", "until", "till", "-", "\u2013", "\u2014"})


def _range_ends(span: SpacySpan, w: _Words) -> list[SpacySpan]:
    """The two ends of a range that names a month on each side ("Feb. 20
    through March 2"), which no single expression resolves, as two spans
    (``_joined`` makes them one range again); else ``span``."""
    for k, token in enumerate(span[1:-1], start=1):
        if token.lower_ in _RANGE_WORDS and w.month.search(span[:k].text.lower()) and (
                w.month.search(span[k + 1:].text.lower())):
            return [span[:k], span[k + 1:]]
    return [span]


def _before_duration(span: SpacySpan, w: _Words) -> SpacySpan:
    """``span`` without a duration spaCy ran it into ("sentenced in December to
    three years": December is the date, the years the sentence)."""
    for k, token in enumerate(span[1:-1], start=1):
        if token.lower_ == "to" and _not_event(span[k + 1:].text, w):
            return span[:k]
    return span


def _missed(doc: Doc, w: _Words, spans: Sequence[SpacySpan]) -> list[SpacySpan]:
    """Calendar dates with their year that spaCy tagged as no DATE at all ("the
    talks continued as late as June 2016"): the shape alone makes them dates."""
    taken = [(span.start_char, span.end_char) for span in spans]
    found: list[SpacySpan] = []
    text = doc.text  # joined from every token on each access: once, not per match
    for match in w.calendar.finditer(text):
        start, end = match.span()
        if not text[start].isupper() or any(a < end and start < b for a, b in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span):
            found.append(span)
    return found


def inside_quote(text: str, position: int) -> bool:
    """Whether ``position`` is inside quotation marks within its paragraph."""
    paragraph = text.rfind("\n\n", 0, position)
    before = text[paragraph + 2 if paragraph >= 0 else 0:position]
    opened = before.count("“") - before.count("”")
    return opened > 0 or before.count('"') % 2 == 1


def _is_publication_line(doc: Doc, text: str, sentence: Sentence, start: int, end: int
                         ) -> bool:
    """A byline, "Published ..." line, agency dateline or bare date line: when the
    article appeared, not when anything in it happened. ``text`` is ``doc.text``,
    which spaCy joins from every token on each access, so the caller reads it once."""
    if _PUBLICATION_CUE.match(sentence.text):
        return True
    before, after = text[sentence.start:start], text[end:sentence.end]
    if _DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(after):
        return True
    tokens = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    has_verb = tokens is not None and any(t.pos_ in ("VERB", "AUX") for t in tokens)
    return not has_verb and len(re.findall(r"[A-Za-z]{2,}", f"{before} {after}")) < 3


def _floating(s: str) -> bool:
    """A date that names no year and no direction ("27 February", "Friday"): read
    as the latest such day unless its sentence speaks of the future."""
    return not (_YEAR_RE.search(s) or _RELATIVE_WORD.search(s) or _QUALIFIED.match(s))


def _not_event(text: str, w: _Words) -> bool:
    return bool(w.not_event.search(text.lower().replace("\u2019", "'").strip(" ,.;:")))


def _sentence_index(starts: Sequence[int], position: int) -> int:
    return max(0, bisect_right(starts, position) - 1)


def find_dates(article: Article, doc: Doc, sentences: tuple[Sentence, ...],
               reference: datetime.date | None, *,
               options: DatesOptions = DEFAULT_OPTIONS.dates) -> tuple[DateMention, ...]:
    """Event dates of the article, resolved against ``reference``.

    ``reference`` is the publication date, else the latest explicit date of the
    story; when None only dates that write their year resolve. ``sentence``
    indexes ``sentences``; ranges set ``end_value``, also when written as two
    expressions ("from 22 December through 25 January"). Publication lines,
    non-event expressions and the dates of events the sentence says did not
    happen or only might (``analyze._tense.unreal``) are left out. Mentions
    come sentence by sentence, and within a sentence the date of its main
    event comes first (the one that modifies a verb rather than a noun,
    nearest the root: see ``analyze._tense.attachment``), then in reading
    order. Calendar words are those of the pack of the article's language.
    """
    w = _words(pack_for(article.document.language))
    text = article.text
    found: list[_Found] = []
    anchor: _Anchor | None = None
    starts = [sentence.start for sentence in sentences]
    parsed = doc.text
    for span in _expressions(doc, w):
        if _not_event(span.text, w):
            continue
        start, end = span.start_char, span.end_char
        sentence = _sentence_index(starts, start)
        s = _normalise(span.text)
        if s == "day" and "the day" not in span.text.lower():
            continue  # "Day two" heads a live blog's section, it dates nothing
        if _is_anaphor(s):
            resolved = _anaphor(s, anchor)
        elif inside_quote(text, start) and w.deictic.search(s):
            resolved = None  # relative to when the speaker spoke, which is unknown
        else:
            resolved = _resolve(s, reference, w)
            tense = (tense_of(doc, start, end, options.tense_climb)
                     if reference is not None and _floating(s) else "past")
            by_week = not w.month.search(s)
            nearest = _NEAREST[tense] if not by_week else _NEAREST_WEEKDAY[tense]
            if resolved is not None and reference is not None and nearest is not None:
                resolved = ahead(resolved, reference, by_week=by_week, nearest=nearest)
        if resolved is None or (sentences and _is_publication_line(
                doc, parsed, sentences[sentence], start, end)):
            continue
        if unreal(doc, start, end, options.tense_climb):
            continue  # "could have ended the war of 1950-1953": no event on that date
        value, end_value = resolved
        if len(value) == 10:
            anchor = _Anchor(datetime.date.fromisoformat(value),
                             datetime.date.fromisoformat(end_value or value))
        found.append(_Found(DateMention(start, end, text[start:end], value, sentence, end_value),
                            s, _is_anaphor(s)))
    joined = _joined(found, text, w)
    rank = {id(m): attachment(doc, m.start, m.end, options.tense_climb) for m in joined}
    return tuple(sorted(joined, key=lambda m: (m.sentence, rank[id(m)], m.start)))


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved mention with the normalised text it was resolved from."""

    mention: DateMention
    normalised: str
    anaphor: bool


def _last_day(value: str) -> datetime.date:
    """The last day of the period an ISO value names."""
    if len(value) == 4:
        return datetime.date(int(value), 12, 31)
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return datetime.date(year, month, calendar.monthrange(year, month)[1])
    return datetime.date.fromisoformat(value)


def _with_year_of(first: _Found, second: _Found, w: _Words) -> _Found:
    """``first`` (a yearless month or day) read in the year of the dated ``second``
    it is listed with: "in August and October 2017" is August 2017, "from
    22 December through 25 January 2019" December 2018."""
    if _YEAR_RE.search(first.normalised) or not w.month.search(first.normalised) or (
            not _YEAR_RE.search(second.normalised)):
        return first
    second_value = second.mention.end_value or second.mention.value
    resolved = _resolve(first.normalised, _last_day(second_value), w)
    if resolved is None:
        return first
    return _Found(replace(first.mention, value=resolved[0], end_value=resolved[1]),
                  first.normalised, first.anaphor)


def _span_range(first: _Found, second: _Found, text: str, w: _Words) -> _Found | None:
    """One ranged mention for "from 22 December through 25 January" or "between
    June 2011 and July 2012", when both ends name a month and the range runs
    forward; None otherwise (and for a change of date: "moved from 3 March to
    10 March")."""
    a, b = first.mention, second.mention
    gap = text[a.end:b.start].strip().lower()
    before = text[max(0, a.start - 40):a.start].lower()
    opener = re.search(r"\b(from|between)\s*$", before) or re.match(r"(from|between)\b",
                                                                     a.text.lower())
    word = opener.group(1) if opener else ""
    if not (w.month.search(first.normalised) and w.month.search(second.normalised)) or (
            a.end_value is not None) or _RESCHEDULED.search(before):
        return None
    if not (gap in ("through", "until", "till", "-", "\u2013", "\u2014")
            or (gap == "to" and word == "from") or (gap == "and" and word == "between")):
        return None
    last = b.end_value or b.value
    if len(last) != len(a.value) or last <= a.value:
        return None
    return _Found(DateMention(a.start, b.end, text[a.start:b.end], a.value, a.sentence, last),
                  first.normalised, False)


def _joined(found: Sequence[_Found], text: str, w: _Words) -> list[DateMention]:
    """Mentions that write one date in two expressions, made one: an anaphor
    restated by its date ("the next day, 15 September" is the 15th), the ends
    of a range, and a list whose last item carries the year for all."""
    out: list[_Found] = []
    for item in found:
        previous = out[-1] if out and out[-1].mention.sentence == item.mention.sentence else None
        gap = text[previous.mention.end:item.mention.start] if previous else ""
        if previous is not None and previous.anaphor and re.fullmatch(r"[\s,]*", gap):
            out[-1] = item
            continue
        if previous is not None and re.fullmatch(_LIST_GAP, gap.lower()):
            previous = out[-1] = _with_year_of(previous, item, w)
            ranged = _span_range(previous, item, text, w)
            if ranged is not None:
                out[-1] = ranged
                continue
        out.append(item)
    return [item.mention for item in out]


def _has_day_and_month(s: str, w: _Words) -> bool:
    return bool(w.month.search(s)) and bool(_DAY_RE.search(w.month.sub("", s)))


def explicit_dates(doc: Doc, lang: LanguagePack = ENGLISH) -> tuple[datetime.date, ...]:
    """Fully specified dates written in the text (day, month and year), used as a
    fallback reference when an article has no publication date.

    Publication lines count (they are exactly the date wanted). When the text
    writes no full date but does write a month with its year ("October 2018"),
    day-and-month dates without a year ("27-28 February") take the first such
    day after that month: writers spell out the year of earlier events and drop
    it for the current ones. Ranges give both their days. Calendar words are ``lang``'s.
    """
    w = _words(lang)
    full: list[datetime.date] = []
    yearless: list[str] = []
    latest_month: datetime.date | None = None
    for span in _expressions(doc, w):
        if _not_event(span.text, w):
            continue
        s = _normalise(span.text)
        if not _has_day_and_month(s, w) and not re.search(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", s):
            resolved = _resolve(s, None, w) if w.month.search(s) else None
            if resolved is not None and len(resolved[0]) == 7:
                month = datetime.date.fromisoformat(resolved[0] + "-01")
                latest_month = max(latest_month or month, month)
            continue
        if not _YEAR_RE.search(s):
            yearless.append(s)
            continue
        full.extend(_days(_resolve(s, None, w)))
    if full or latest_month is None:
        return tuple(full)
    last_day = calendar.monthrange(latest_month.year + 1, latest_month.month)[1]
    inferred = latest_month.replace(year=latest_month.year + 1, day=last_day)
    return tuple(day for s in yearless for day in _days(_resolve(s, inferred, w)))


def _days(resolved: _Resolved | None) -> list[datetime.date]:
    if resolved is None:
        return []
    return [datetime.date.fromisoformat(v) for v in resolved if v is not None and len(v) == 10]


def reference_date(published: str | None,
                   explicit: Iterable[datetime.date]) -> datetime.date | None:
    """The date relative expressions resolve against: the publication date when it
    parses as ISO, else the latest of the story's ``explicit_dates``."""
    if published:
        try:
            return datetime.date.fromisoformat(published[:10])
        except ValueError:
            pass
    return max(explicit, default=None)
