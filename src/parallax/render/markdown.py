"""Briefings, quotes, stories and claim checks as Markdown for a terminal.

Plain Markdown with no HTML, so it reads well in a terminal and in any viewer.
Each line cites ``[n]``, the article's number in the Sources list at the end;
when the cited characters differ from the line (a summary merging several
outlets, a claim worded differently by each), the exact evidence is listed
under the line so a reader can check it without opening the source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from parallax.datelines import without_dateline
from parallax.debris import tidy
from parallax.model import Actor, Article, Briefing, CheckResult, Quote, Story
from parallax.options import DEFAULT_OPTIONS, RenderOptions
from parallax.render.citations import Citer
from parallax.render.view import (
    BriefingView,
    CampView,
    ColumnView,
    Line,
    SourceView,
    SpeakerView,
    briefing_view,
    flat,
    human_date,
    source_views,
    speaker_views,
)
from parallax.store.reader import SearchHit, StoryRow
from parallax.streaming import ArticleRow

__all__ = [
    "render_briefings_markdown",
    "render_check_markdown",
    "render_checks_markdown",
    "render_corpus_markdown",
    "render_markdown",
    "render_quotes_markdown",
    "render_search_markdown",
    "render_stories_markdown",
]

# Characters Markdown would read as markup: ``<`` would let raw HTML through
# a Markdown-to-HTML converter and ``](`` would make a link. Lone brackets and
# intraword underscores (file names) are not markup and stay as they are.
_MARKUP = re.compile(r"[`*<>]|(?<![^\W_])_|_(?![^\W_])|(?<=\])\(")
# Backslashes right before an escaped character are doubled: a backslash in
# the text would otherwise cancel our escape and leave a raw ``<``.
_BACKSLASHES = re.compile(r"\\+(?=[`*<>_(])")
_STANCES = ("supports", "contradicts", "discusses", "unrelated")


def _md(text: str) -> str:
    """Article text made inert: one line, markup characters escaped."""
    text = _BACKSLASHES.sub(lambda m: m[0] * 2, flat(text))
    return _MARKUP.sub(lambda m: "\\" + m[0], text)


def _quoted(text: str) -> str:
    return f"“{_md(text)}”"


def _preview(text: str, limit: int) -> str:
    text = flat(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cites(line: Line) -> str:
    return "".join(f"[{c.label}]" for c in line.citations)


def _item(text: str, line: Line) -> list[str]:
    """A list item with its citations, then the evidence that words it differently
    (a story's opening dateline and link debris, which a line leaves out, are no
    other wording)."""
    rows = [f"- {text} {_cites(line)}".rstrip()]
    rows += [f"  - [{c.label}] {_quoted(c.span.text)}" for c in line.citations
             if tidy(without_dateline(flat(c.span.text))) != line.text]
    return rows


def _speaker_rows(speakers: Sequence[SpeakerView], level: int) -> list[str]:
    hashes = "#" * level
    rows: list[str] = []
    for speaker in speakers:
        name = _md(speaker.name) if speaker.name else "Unattributed"
        detail = f" ({_md(speaker.detail)})" if speaker.detail else ""
        count = len(speaker.quotes)
        rows += [f"{hashes} {name}{detail} — {count} statement{'s' * (count != 1)}", ""]
        for quote in speaker.quotes:
            text = _md(quote.line.text) if quote.kind == "indirect" else _quoted(quote.line.text)
            cue = f"_{_md(quote.cue)}:_ " if quote.cue else ""
            rows += _item(f"{cue}{text} _({quote.kind})_", quote.line)
        rows.append("")
    return rows


def _camp_rows(camps: Sequence[CampView]) -> list[str]:
    """Speakers under their side's heading; a single unnamed group needs no heading."""
    if len(camps) == 1 and camps[0].name is None:
        return _speaker_rows(camps[0].speakers, 3)
    rows: list[str] = []
    for camp in camps:
        rows += [f"### {_md(camp.name) if camp.name else 'Other voices'}", ""]
        rows += _speaker_rows(camp.speakers, 4)
    return rows


def _coverage_rows(title: str, lines: Sequence[Line]) -> list[str]:
    if not lines:
        return []
    return [f"   {title}:", *(f"   - {_md(line.text)} {_cites(line)}" for line in lines)]


def _source_rows(sources: Sequence[SourceView], preview: int) -> list[str]:
    rows: list[str] = []
    for source in sources:
        doc = source.article.document
        rows.append(f"{source.number}. {_md(source.outlet)} — {_md(source.title)} "
                    f"({_md(doc.path)})")
        facts = [f"published {source.published}"] if source.published else []
        if source.badges:
            facts.append("flags: " + ", ".join(b.text if b.target else _md(b.text)
                                               for b in source.badges))
        if facts:
            rows.append("   " + " · ".join(facts))
        rows += _coverage_rows("only in this outlet", source.exclusive)
        rows += _coverage_rows("widely reported, not here", source.omits)
        if source.removed:
            rows.append("   removed from this article:")
            rows += [f"   - {_md(r.reason)}: {_quoted(_preview(r.text, preview))}"
                     for r in source.removed]
    return rows


def _section(title: str, body: list[str], empty: str) -> list[str]:
    """A level-2 section; ``empty`` says so when there is nothing to list."""
    while body and not body[-1]:
        body = body[:-1]
    return [f"## {title}", "", *(body or [empty]), ""]


def _body(view: BriefingView, options: RenderOptions) -> list[str]:
    summary = [r for line in view.summary for r in _item(_md(line.text), line)]
    conflicts: list[str] = []
    for conflict in view.conflicts:
        conflicts += [f"### {_md(conflict.topic)} ({conflict.kind})", ""]
        columns = conflict.columns or (ColumnView(None, conflict.sides),)
        for column in columns:
            if column.camp is not None or conflict.columns:
                conflicts += [f"#### {_md(column.camp or 'Others')}", ""]
            for side in column.sides:
                # Facts have no speaker: the outlet that reports the value says it.
                who = side.speaker or view.sources[side.line.citations[0].source - 1].outlet
                conflicts += _item(f"**{_md(who)}**: {_quoted(side.line.text)}", side.line)
            conflicts.append("")
    claims = [r for claim in view.claims for r in _item(
        f"{_md(claim.line.text)} — {claim.sources} independent "
        f"source{'s' * (claim.sources != 1)}", claim.line)]
    timeline = [r for event in view.timeline
                for r in _item(f"**{event.when}** — {_md(event.line.text)}", event.line)]
    rows = [f"# {_md(view.title)}", "", f"_{view.scope}_", ""]
    rows += _section("Summary", summary, "No summary.")
    rows += _section("Where accounts differ", conflicts, "No conflicting accounts found.")
    rows += _section("Who said what", _camp_rows(view.camps), "No statements found.")
    rows += _section("Corroborated claims", claims,
                     "No claim is confirmed by several independent sources.")
    rows += _section("Timeline", timeline, "No dated events.")
    rows += _section("Sources", _source_rows(view.sources, options.removed_preview),
                     "No sources.")
    if view.errors:
        rows += _section("Errors", [f"- {_md(e)}" for e in view.errors], "")
    return rows


def _join(rows: list[str]) -> str:
    return "\n".join(rows).rstrip("\n") + "\n"


def render_markdown(briefing: Briefing, *, options: RenderOptions = DEFAULT_OPTIONS.render
                    ) -> str:
    """The whole briefing: title, scope, the six sections, Sources, and Errors if any."""
    return _join(_body(briefing_view(briefing, options=options), options))


def render_briefings_markdown(briefings: Sequence[Briefing]) -> str:
    """Several stories: the list of them (as ``parallax stories`` prints it), then each briefing."""
    overview = render_stories_markdown([b.stories[0] for b in briefings],
                                       [a for b in briefings for a in b.articles])
    texts = [render_markdown(b) for b in briefings]
    return "\n\n---\n\n".join([overview.rstrip(), *(t.rstrip() for t in texts)]) + "\n"


def render_quotes_markdown(quotes: Sequence[Quote], actors: Sequence[Actor],
                           articles: Sequence[Article], *,
                           options: RenderOptions = DEFAULT_OPTIONS.render) -> str:
    """``parallax quotes``: statements grouped by speaker, busiest first."""
    citer = Citer(articles)
    speakers = speaker_views(quotes, actors, citer)
    rows = ["# Who said what", "", f"_{len(quotes)} statement{'s' * (len(quotes) != 1)}_", ""]
    rows += _speaker_rows(speakers, 2) or ["No statements found.", ""]
    rows += _section("Sources", _source_rows(source_views(articles, citer),
                                             options.removed_preview), "No sources.")
    return _join(rows)


def render_stories_markdown(stories: Sequence[Story],
                            articles: Sequence[ArticleRow | Article]) -> str:
    """``parallax stories``: each story with its articles; articles left over come last.

    ``articles`` are the articles, or their rows (what a streamed run keeps).
    """
    by_id = {a.id: a if isinstance(a, ArticleRow) else ArticleRow.of(a) for a in articles}

    def entry(article_id: str) -> str:
        row = by_id.get(article_id)
        if row is None:
            return f"- {_md(article_id)}"
        when = f", {human_date(row.published)}" if row.published else ""
        return (f"- {_md(row.outlet or 'Unknown outlet')} — {_md(row.title or '(untitled)')}"
                f"{when} ({_md(row.path)})")

    rows = ["# Stories", "",
            f"_{len(articles)} article{'s' * (len(articles) != 1)} in {len(stories)} "
            f"stor{'ies' if len(stories) != 1 else 'y'}_", ""]
    for number, story in enumerate(stories, start=1):
        rows += [f"## {number}. {_md(story.title)}", "", *map(entry, story.articles), ""]
    grouped = {a for story in stories for a in story.articles}
    rest = [a.id for a in articles if a.id not in grouped]
    if rest:
        rows += ["## Not in any story", "", *map(entry, rest), ""]
    return _join(rows)


def render_corpus_markdown(rows: Sequence[StoryRow]) -> str:
    """``parallax list``: the stored stories, one line each with its id (what ``show`` takes)."""
    lines = ["# Stories in the store", ""]
    if not rows:
        return _join([*lines, "_none yet: parallax add PATH... puts articles in it_"])
    for row in rows:
        span = " \u2013 ".join(dict.fromkeys(human_date(d) for d in
                                        (row.first_published, row.last_published) if d))
        when = f", {span}" if span else ""
        outlets = f"{len(row.outlets)} outlet{'s' * (len(row.outlets) != 1)}"
        lines.append(f"- **{_md(row.id)}** {_md(row.title)} — {row.articles} "
                     f"article{'s' * (row.articles != 1)}, {outlets}{when}")
    return _join(lines)


def render_search_markdown(query: str, hits: Sequence[SearchHit]) -> str:
    """``parallax search``: each matching article, its story and the words around the match."""
    lines = [f"# Search: {_md(query)}", "",
             f"_{len(hits)} article{'s' * (len(hits) != 1)}_", ""]
    for hit in hits:
        story = f" (story {_md(hit.story_id)})" if hit.story_id else ""
        when = f", {human_date(hit.published)}" if hit.published else ""
        lines += [f"- {_md(hit.outlet or 'Unknown outlet')} — {_md(hit.title or '(untitled)')}"
                  f"{when}{story}: {_md(hit.snippet)} [{_md(hit.article_id)} "
                  f"{hit.start}-{hit.end}]"]
    return _join(lines)


def render_checks_markdown(results: Sequence[CheckResult]) -> str:
    """``parallax check --claims``: each claim's check in turn."""
    return "\n\n".join(render_check_markdown(r) for r in results)


def render_check_markdown(result: CheckResult) -> str:
    """``parallax check``: per stance, which articles take it and on what evidence."""
    counts: Counter[str] = Counter(v.stance for v in result.verdicts)
    stances = [*_STANCES, *sorted(set(counts) - set(_STANCES))]
    rows = ["# Claim check", "", f"> {_md(result.claim)}", ""]
    rows += [" · ".join(f"{counts[s]} {s}" for s in stances if counts[s])
             or "No articles checked.", ""]
    for stance in (s for s in stances if counts[s]):
        rows += [f"## {stance.capitalize()}", ""]
        for verdict in (v for v in result.verdicts if v.stance == stance):
            reason = f" ({_md(verdict.reason)})" if verdict.reason else ""
            rows.append(f"- **{_md(verdict.article)}**{reason}")
            rows += [f"  - {_quoted(span.text)} (characters {span.start}-{span.end})"
                     for span in verdict.evidence]
        rows.append("")
    return _join(rows)
