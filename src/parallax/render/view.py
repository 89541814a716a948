"""What a rendered briefing shows, decided once for every output format.

Markdown and HTML must agree on the title, the order of sections and lines,
how speakers are grouped and which source each ``[n]`` names; building that
here means the two renderers only lay it out. Every line keeps its
``Citation`` records, so each format can point at the evidence its own way.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from parallax.model import Actor, Article, Briefing, OutletReport, Quote, Removal, Span
from parallax.options import DEFAULT_OPTIONS, RenderOptions
from parallax.render.citations import Citation, Citer, MarkedSpan

__all__ = [
    "AxisView",
    "Badge",
    "BriefingView",
    "CampView",
    "ClaimView",
    "ColumnView",
    "ConflictView",
    "EventView",
    "Line",
    "QuoteView",
    "SideView",
    "SourceView",
    "SpeakerView",
    "briefing_view",
    "camp_views",
    "flat",
    "human_date",
    "source_views",
    "speaker_views",
    "time_axis",
    "web_link",
]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DASH = "\u2013"  # en dash, for ranges


@dataclass(frozen=True, slots=True)
class Line:
    """Text shown to the reader and the evidence that supports it."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SideView:
    speaker: str | None
    line: Line


@dataclass(frozen=True, slots=True)
class ColumnView:
    """One camp's statements in a clash of accounts, shown as one column."""

    camp: str | None
    sides: tuple[SideView, ...]


@dataclass(frozen=True, slots=True)
class ConflictView:
    topic: str
    kind: str
    sides: tuple[SideView, ...]
    # For a clash of accounts between camps: the sides by camp, one column each.
    columns: tuple[ColumnView, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteView:
    kind: str
    line: Line
    # The verb that frames the statement ("denied", "told reporters"): without
    # it an indirect quote can read as the opposite of what was said.
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """Statements of one speaker; ``name`` is None for the unattributed ones."""

    name: str | None
    detail: str | None
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True, slots=True)
class CampView:
    """Speakers of one side: the country or body they speak for; None holds the rest.

    Statements read differently next to their side's other statements: the
    reader of a two-sided dispute wants each camp's voices together.
    """

    name: str | None
    speakers: tuple[SpeakerView, ...]


@dataclass(frozen=True, slots=True)
class ClaimView:
    line: Line
    sources: int


@dataclass(frozen=True, slots=True)
class EventView:
    date: str
    when: str
    line: Line
    # Where the event sits on the drawn time axis, in percent of its width.
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class AxisView:
    """Tick marks of the drawn time axis: (position in percent, label).

    ``gap`` is where the axis is broken (dates before it are far earlier).
    """

    ticks: tuple[tuple[float, str], ...]
    gap: float | None = None


@dataclass(frozen=True, slots=True)
class Badge:
    """A flag of an article; ``target`` is the source a duplicate copies."""

    text: str
    kind: str
    target: int | None = None


@dataclass(frozen=True, slots=True)
class SourceView:
    number: int
    article: Article
    outlet: str
    title: str
    published: str | None
    link: str | None
    badges: tuple[Badge, ...]
    removed: tuple[Removal, ...]
    marks: tuple[MarkedSpan, ...]
    # What this source alone reports, and widely reported claims it lacks.
    exclusive: tuple[Line, ...] = ()
    omits: tuple[Line, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefingView:
    title: str
    scope: str
    summary: tuple[Line, ...]
    conflicts: tuple[ConflictView, ...]
    speakers: tuple[SpeakerView, ...]
    claims: tuple[ClaimView, ...]
    timeline: tuple[EventView, ...]
    sources: tuple[SourceView, ...]
    errors: tuple[str, ...]
    camps: tuple[CampView, ...] = ()
    axis: AxisView = AxisView(())


def flat(text: str) -> str:
    """One line of text: spans may cross paragraph breaks, a briefing line may not."""
    return " ".join(text.split())


def human_date(iso: str) -> str:
    """``2019-02-27`` as ``27 February 2019`` (also ``YYYY-MM`` and ``YYYY``).

    Timestamps keep only their date; anything unparseable is shown as given.
    """
    parts = iso[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = date(*numbers)
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        if len(numbers) == 2 and 1 <= numbers[1] <= 12:
            return f"{_MONTHS[numbers[1] - 1]} {numbers[0]}"
        if len(numbers) == 1 and len(parts[0]) == 4:
            return parts[0]
    except ValueError:
        pass
    return iso


def _date_range(first: str, last: str) -> str:
    """``27-28 February 2019`` (en dash) for days of one month, else ``first - last``."""
    if first == last:
        return human_date(first)
    start, end = human_date(first).split(" "), human_date(last).split(" ")
    if len(start) == len(end) == 3 and start[1:] == end[1:]:
        return f"{start[0]}{_DASH}{' '.join(end)}"
    return f"{human_date(first)} {_DASH} {human_date(last)}"


def _line(citer: Citer, text: str, spans: Iterable[Span]) -> Line:
    return Line(flat(text), citer.cite(spans))


def _headline(articles: Sequence[Article], min_word: int) -> str:
    """The headline sharing the most words with the others (the first one on ties).

    A story's most representative headline beats the first one read, which
    may be an outlier; with a single headline this is simply that headline.
    Words shorter than ``min_word`` ("a", "of", "US") only add ties.
    """
    titles = [a.document.title for a in articles if a.document.title]
    if not titles:
        return "Briefing"
    words = [{w for w in re.findall(r"\w+", t.lower()) if len(w) >= min_word}
             for t in titles]
    counts = Counter(w for ws in words for w in ws)
    scores = [sum(counts[w] - 1 for w in ws) for ws in words]
    return flat(titles[scores.index(max(scores))])


def _scope(articles: Sequence[Article]) -> str:
    outlets = {a.document.outlet or a.id for a in articles}
    text = (f"{len(articles)} article{'s' * (len(articles) != 1)} from "
            f"{len(outlets)} outlet{'s' * (len(outlets) != 1)}")
    dates = sorted(a.document.published[:10] for a in articles if a.document.published)
    return f"{text}, {_date_range(dates[0], dates[-1])}" if dates else text


def _speaker_name(speaker: str | None, actors: dict[str, Actor]) -> str | None:
    """An actor's name; before resolution the speaker already is a name."""
    if speaker is None:
        return None
    actor = actors.get(speaker)
    return actor.name if actor else speaker


def speaker_views(quotes: Sequence[Quote], actors: Sequence[Actor],
                  citer: Citer) -> tuple[SpeakerView, ...]:
    """Quotes grouped by speaker, busiest speaker first, unattributed last.

    One speaker's statement carried word for word by several articles (a
    reprint, the same wire quote) is one line citing every article.
    """
    by_id = {a.id: a for a in actors}
    groups: dict[str | None, list[Quote]] = {}
    for quote in quotes:
        groups.setdefault(_speaker_name(quote.speaker, by_id), []).append(quote)
    details = {a.name: a.affiliation for a in actors}
    views = []
    for name, said in groups.items():
        same: dict[tuple[str, str], list[Quote]] = {}
        for quote in sorted(said, key=lambda q: (citer.number(q.article), q.span.start)):
            same.setdefault((quote.kind, flat(quote.text).casefold().strip(" .,")),
                            []).append(quote)
        views.append(SpeakerView(name, details.get(name) if name else None, tuple(
            QuoteView(group[0].kind, _line(citer, group[0].text, [q.span for q in group]),
                      " ".join(group[0].cue_span.text.split()) if group[0].cue_span else None)
            for group in same.values())))
    return tuple(sorted(views, key=lambda v: (v.name is None, -len(v.quotes), v.name or "")))


def camp_views(speakers: Sequence[SpeakerView], actors: Sequence[Actor]
               ) -> tuple[CampView, ...]:
    """Speakers grouped by the side they speak for, busiest side first, the rest last.

    A speaker's side is its affiliation; an actor that is itself the
    affiliation of others (a country, a government) is its own side. With
    fewer than two sides there is nothing to set apart: one group, no name.
    """
    camps = {a.affiliation for a in actors if a.affiliation}
    by_name = {a.name: a for a in actors}

    def side(speaker: SpeakerView) -> str | None:
        actor = by_name.get(speaker.name) if speaker.name else None
        if actor is None:
            return None
        return actor.name if actor.name in camps else actor.affiliation

    groups: dict[str | None, list[SpeakerView]] = {}
    for speaker in speakers:
        groups.setdefault(side(speaker), []).append(speaker)
    named = sorted((n for n in groups if n is not None),
                   key=lambda n: (-sum(len(s.quotes) for s in groups[n]), n))
    if len(named) < 2:
        return (CampView(None, tuple(speakers)),) if speakers else ()
    order = [*named, None] if None in groups else named
    return tuple(CampView(name, tuple(groups[name])) for name in order)


def _ordinal(iso: str) -> int:
    """Day number of a YYYY, YYYY-MM or YYYY-MM-DD date (the first day of its period)."""
    parts = [int(p) for p in iso[:10].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1,
                parts[2] if len(parts) > 2 else 1).toordinal()


def _ticks(first: int, last: int, max_ticks: int) -> list[tuple[int, str]]:
    """Round dates to label between ``first`` and ``last``: years, or months within two years.

    The step grows (2, 5, 10... years; 2, 3, 6 months) until at most
    ``max_ticks`` labels remain, so a 70-year axis does not print 70 years.
    """
    start, end = date.fromordinal(first), date.fromordinal(last)
    months = (end.year - start.year) * 12 + end.month - start.month
    month_step = next((m for m in (1, 2, 3, 6) if months // m < max_ticks), None)
    if end.year - start.year < 2 and month_step:
        ticks: list[tuple[int, str]] = []
        index = start.year * 12 + start.month - 1
        index += -index % month_step
        while index <= end.year * 12 + end.month - 1:
            year, month = divmod(index, 12)
            label = _MONTHS[month][:3]
            ticks.append((date(year, month + 1, 1).toordinal(),
                          f"{label} {year}" if month == 0 or not ticks else label))
            index += month_step
        return ticks
    span = end.year - start.year
    step = next(y for y in (1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000, 10**9)
                if span // y < max_ticks)
    first_year = start.year + 1 + (-(start.year + 1) % step)
    return [(date(y, 1, 1).toordinal(), str(y)) for y in range(first_year, end.year + 1, step)]


def _main_period(days: Sequence[int], outlier_gap: float) -> int:
    """How many of the earliest distinct ``days`` lie far before the rest.

    A story about a summit mentions a war seventy years earlier; on a linear
    axis that one date would squeeze every other event into a dot. A date
    whose gap to the next is more than ``outlier_gap`` of the remaining span is
    set apart.
    """
    skip = 0
    while len(days) - skip > 2 and days[skip + 1] - days[skip] > outlier_gap * (
            days[-1] - days[skip]):
        skip += 1
    return skip


def _busy_stretch(days: Sequence[int], share: float) -> tuple[int, int]:
    """The shortest run of days holding ``share`` of the entries on ``days``
    (sorted, one per entry): the days the story happens on."""
    need = max(2, math.ceil(share * len(days)))
    if need > len(days):
        return days[0], days[-1]
    start = min(range(len(days) - need + 1), key=lambda k: days[k + need - 1] - days[k])
    return days[start], days[start + need - 1]


def _along(day: int, knots: Sequence[tuple[int, float]]) -> float:
    """Share of the axis width at ``day``, linear between the (day, share) ``knots``."""
    k = min(max(bisect_right([at for at, _ in knots], day) - 1, 0), len(knots) - 2)
    (a, share_a), (b, share_b) = knots[k], knots[k + 1]
    return share_a + (share_b - share_a) * (day - a) / (b - a)


def _day_ticks(low: int, high: int, max_ticks: int) -> list[tuple[int, str]]:
    """Day labels ("27 Feb") over a stretch of at most two months, every 1, 2, 7 or
    14 days so that at most ``max_ticks`` remain (none for a longer stretch)."""
    step = next((s for s in (1, 2, 7, 14) if (high - low) // s < max_ticks), None)
    if step is None or high - low > 62:
        return []
    return [(day, f"{date.fromordinal(day).day} {_MONTHS[date.fromordinal(day).month - 1][:3]}")
            for day in range(low, high + 1, step)]


def time_axis(dates: Sequence[str], *, options: RenderOptions = DEFAULT_OPTIONS.render
              ) -> tuple[list[float], AxisView]:
    """Positions (percent) of ``dates`` on a time axis, and the axis's ticks.

    Distances are proportional to time, except that dates far before the
    rest sit at the left edge, before a break in the axis, and that the busy
    stretch (the fewest days holding ``options.busy_share`` of the entries)
    gets at least ``options.busy_width`` of the width, with day ticks: a
    story of two busy days and a background a year earlier would otherwise
    draw its news as one dot. Dates that do not parse sit at the start; a
    single date sits in the middle.
    """
    days: list[int | None] = []
    for iso in dates:
        try:
            days.append(_ordinal(iso))
        except (ValueError, IndexError):
            days.append(None)
    distinct = sorted({d for d in days if d is not None})
    if not distinct:
        return [0.0] * len(dates), AxisView(())
    if len(distinct) == 1:
        return [50.0] * len(dates), AxisView(((50.0, human_date(dates[days.index(distinct[0])])),))
    early = distinct[:_main_period(distinct, options.outlier_gap)]
    first, last = distinct[len(early)], distinct[-1]
    margin, step = options.axis_margin, options.early_step
    left = margin + step * (len(early) + 1) if early else margin
    placed = {day: margin + step * k for k, day in enumerate(early)}

    low, high = _busy_stretch(sorted(d for d in days if d is not None and d >= first),
                              options.busy_share)
    # The axis as (day, share of the width) knots: a busy stretch squeezed
    # below its width is widened, the time before and after it sharing the rest.
    knots = [(first, 0.0), (last, 1.0)]
    busy = (high - low) / (last - first)
    if low < high and busy < options.busy_width:
        rest = (1.0 - options.busy_width) / (1.0 - busy)
        before = (low - first) / (last - first) * rest
        knots = [(first, 0.0), *[(day, share) for day, share in
                                 ((low, before), (high, before + options.busy_width))
                                 if first < day < last], (last, 1.0)]

    def place(day: int) -> float:
        if day in placed:
            return round(placed[day], 2)
        return round(left + (100.0 - margin - left) * _along(day, knots), 2)

    ticks = [(round(placed[day], 2), str(date.fromordinal(day).year)) for day in early]
    busy_ticks = [(place(day), label) for day, label in _day_ticks(low, high, options.max_ticks)]
    # The day ticks take their part of the labels, so the two scales do not crowd.
    outer = _ticks(first, last, max(2, options.max_ticks - len(busy_ticks)))
    kept = [(place(day), label) for day, label in outer
            if first <= day <= last and all(abs(place(day) - at) >= options.day_tick_gap
                                            for at, _ in busy_ticks)]
    if busy_ticks:  # the first day says its year: a year tick before it may be far earlier
        busy_ticks[0] = (busy_ticks[0][0], f"{busy_ticks[0][1]} {date.fromordinal(low).year}")
    ticks += sorted(kept + busy_ticks)
    gap = round(left - step / 2, 2) if early else None
    return [place(d) if d is not None else 0.0 for d in days], AxisView(tuple(ticks), gap)


def _badges(article: Article, numbers: dict[str, int]) -> tuple[Badge, ...]:
    """"duplicate of [n]" first for a copy (what matters most about a source), then
    one badge per flag."""
    badges = [Badge(flag, re.sub(r"[^a-z0-9]+", "-", flag.lower()).strip("-") or "flag")
              for flag in article.flags]
    original = article.duplicate_of
    if original is not None:
        target = numbers.get(original)
        text = f"duplicate of [{target}]" if target else f"duplicate of {original}"
        badges.insert(0, Badge(text, "duplicate", target))
    return tuple(badges)


def web_link(url: str | None) -> str | None:
    """Only web addresses become links: a ``javascript:`` URL in an input is an attack."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def source_views(articles: Sequence[Article], citer: Citer,
                 coverage: dict[str, tuple[tuple[Line, ...], tuple[Line, ...]]] | None = None
                 ) -> tuple[SourceView, ...]:
    """The Sources list; call it after every line is cited so the marks are complete.

    ``coverage`` maps an article id to what its outlet alone reports and the
    widely reported claims it omits (shown under the outlet's first article).
    """
    numbers = {a.id: n for n, a in enumerate(articles, start=1)}
    coverage = coverage or {}
    return tuple(
        SourceView(
            number=numbers[a.id],
            article=a,
            outlet=a.document.outlet or "Unknown outlet",
            title=flat(a.document.title) if a.document.title else "(untitled)",
            published=human_date(a.document.published) if a.document.published else None,
            link=web_link(a.document.url),
            badges=_badges(a, numbers),
            removed=a.removed,
            marks=citer.marks(a.id),
            exclusive=coverage.get(a.id, ((), ()))[0],
            omits=coverage.get(a.id, ((), ()))[1],
        )
        for a in articles
    )


def _coverage(reports: Sequence[OutletReport], briefing: Briefing, citer: Citer
              ) -> dict[str, tuple[tuple[Line, ...], tuple[Line, ...]]]:
    claims = briefing.claims
    return {
        report.articles[0]: (
            tuple(_line(citer, span.text, [span]) for span in report.exclusive),
            tuple(_line(citer, claims[i].text, claims[i].support) for i in report.omits
                  if 0 <= i < len(claims)),
        )
        for report in reports if report.articles
    }


def _when(start: str, end: str | None) -> str:
    return _date_range(start, end) if end else human_date(start)


def briefing_view(briefing: Briefing, *, options: RenderOptions = DEFAULT_OPTIONS.render
                  ) -> BriefingView:
    """Lay out a briefing: lines in section order, each citing its sources."""
    citer = Citer(briefing.articles)
    title = (briefing.stories[0].title if briefing.stories
             else _headline(briefing.articles, options.min_headline_word))
    summary = tuple(_line(citer, s.text, s.support) for s in briefing.summary)
    by_id = {a.id: a for a in briefing.actors}
    conflicts = []
    for c in briefing.conflicts:
        sides = tuple(SideView(_speaker_name(s.actor, by_id), _line(citer, s.span.text, [s.span]))
                      for s in c.sides)
        by_camp: dict[str | None, list[SideView]] = {}
        for side, view in zip(c.sides, sides, strict=True):
            actor = by_id.get(side.actor) if side.actor else None
            by_camp.setdefault(actor.side if actor else None, []).append(view)
        columns = tuple(ColumnView(camp, tuple(views)) for camp, views in by_camp.items()
                        ) if c.kind == "accounts" and len(by_camp) > 1 else ()
        conflicts.append(ConflictView(flat(c.topic), c.kind, sides, columns))
    speakers = speaker_views(briefing.quotes, briefing.actors, citer)
    claims = tuple(ClaimView(_line(citer, c.text, c.support), c.sources)
                   for c in sorted(briefing.claims, key=lambda c: -c.sources))
    events = sorted(briefing.timeline, key=lambda t: (t.date, t.end_date or ""))
    positions, axis = time_axis([t.date for t in events], options=options)
    timeline = tuple(
        EventView(t.date, _when(t.date, t.end_date), _line(citer, t.text, t.support), position)
        for t, position in zip(events, positions, strict=True))
    coverage = _coverage(briefing.outlets, briefing, citer)
    return BriefingView(
        title=flat(title),
        scope=_scope(briefing.articles),
        summary=summary,
        conflicts=tuple(conflicts),
        speakers=speakers,
        claims=claims,
        timeline=timeline,
        sources=source_views(briefing.articles, citer, coverage),
        errors=briefing.errors,
        camps=camp_views(speakers, briefing.actors),
        axis=axis,
    )
