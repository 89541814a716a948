"""The ``parallax`` command line: parse arguments, call the library, print.

Data goes to standard output (or ``-o FILE``); progress, warnings and errors
go to standard error, one line per failed input, so ``--format json | jq``
always works.

Exit status: 0 everything was read; 1 some inputs failed (the others were
processed and the output written); 2 usage error; 3 nothing could be
processed (no readable input, or a model is missing or altered).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from html import escape
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from parallax.errors import ParallaxError, StateError
from parallax.ingest import Inputs, read_inputs
from parallax.model import AnalyzedArticle, Briefing

__all__ = ["app", "main"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING = 0, 1, 3

app = typer.Typer(
    name="parallax",
    help="Briefings from many news articles: who said what, what several outlets confirm, "
         "where accounts conflict, with the source span for every line.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class BriefFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


class ListFormat(StrEnum):
    md = "md"
    json = "json"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


def _fail(message: str, code: int = EXIT_NOTHING) -> NoReturn:
    _stderr.print(message, markup=False)
    raise typer.Exit(code)


def _load(paths: Sequence[str]) -> Inputs:
    """Read inputs, printing one line per failure and a note on skipped files."""
    inputs = read_inputs(paths)
    for error in inputs.errors:
        _stderr.print(error.one_line(), markup=False)
    if inputs.skipped:
        names = ", ".join(Path(p).name for p in inputs.skipped[:3])
        more = f" and {len(inputs.skipped) - 3} more" if len(inputs.skipped) > 3 else ""
        _stderr.print(f"note: skipped {len(inputs.skipped)} file(s) that are not articles "
                      f"(.txt, .html, .jsonl): {names}{more}", markup=False)
    if not inputs.documents:
        _fail("error: no readable article in the given paths")
    return inputs


def _load_analyzed(paths: Sequence[str]) -> tuple[Inputs, tuple[AnalyzedArticle, ...]]:
    """Read, clean and analyse the inputs, with a progress bar on standard error."""
    from parallax.pipeline import analyze_documents
    from parallax.progress import reporter

    inputs = _load(paths)
    with reporter(True) as report:
        return inputs, analyze_documents(inputs.documents, report)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")
        _stderr.print(f"wrote {output}", markup=False)


def _exit_code(inputs: Inputs) -> int:
    return EXIT_SOME_FAILED if inputs.errors else EXIT_OK


PathsArg = Annotated[
    list[str], typer.Argument(help="Files or folders (read recursively); - for stdin.")
]
OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Write to FILE.")]


StoryOpt = Annotated[
    str | None,
    typer.Option("--story", help="Brief one story: its id (see `parallax stories`) or 'largest'."),
]


@app.command()
def brief(
    paths: PathsArg,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = (
        BriefFormat.md
    ),
    output: OutputOpt = None,
    length: Annotated[str, typer.Option(
        help="Summary length: sentences (5) or words (120w).")] = "5",
    story: StoryOpt = None,
) -> None:
    """A briefing of each story in the inputs, largest first (or of one with --story).

    Example: parallax brief examples/ --format html -o briefing.html
    """
    from parallax.compare.summary import parse_length
    from parallax.pipeline import brief_stories

    try:
        parse_length(length)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--length") from exc
    inputs = _load(paths)
    try:
        briefings = brief_stories(inputs.documents, summary_length=length, progress=True,
                                  errors=[e.one_line() for e in inputs.errors], story=story)
    except KeyError as exc:
        _fail(f"error: {exc.args[0]}", 2)
    _emit(_render_briefings(briefings, fmt), output)
    raise typer.Exit(_exit_code(inputs))


def _render_briefings(briefings: Sequence[Briefing], fmt: BriefFormat) -> str:
    """One briefing as before; several as the largest one's page plus every story's.

    JSON keeps the ``parallax.briefing/1`` top level (the first story's
    briefing, its ``stories`` listing all) and adds ``briefings``: one full
    briefing per story. Markdown lists the stories, then each briefing;
    HTML makes an index page with each story's page in its own frame, so
    citation anchors of different stories cannot collide.
    """
    from parallax.render import render_html, render_markdown, render_stories_markdown

    if fmt is BriefFormat.json:
        if len(briefings) == 1:
            return briefings[0].to_json()
        stories = [b.stories[0].to_dict() for b in briefings]
        payload = {**briefings[0].to_dict(), "stories": stories,
                   "briefings": [b.to_dict() for b in briefings]}
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt is BriefFormat.html:
        pages = [render_html(b) for b in briefings]
        return pages[0] if len(pages) == 1 else _html_index(briefings, pages)
    texts = [render_markdown(b) for b in briefings]
    if len(texts) == 1:
        return texts[0]
    overview = render_stories_markdown([b.stories[0] for b in briefings],
                                       [a for b in briefings for a in b.articles])
    return "\n\n---\n\n".join([overview.rstrip(), *(t.rstrip() for t in texts)]) + "\n"


def _html_index(briefings: Sequence[Briefing], pages: Sequence[str]) -> str:
    items, frames = [], []
    for number, (briefing, page) in enumerate(zip(briefings, pages, strict=True), start=1):
        story = briefing.stories[0]
        title = escape(story.title)
        items.append(f'<li><a href="#story-{number}">{title}</a> '
                     f"({len(story.articles)} article{'s' * (len(story.articles) != 1)})</li>")
        frames.append(f'<section id="story-{number}"><h2>{number}. {title}</h2>'
                      f'<iframe title="{title}" srcdoc="{escape(page, quote=True)}" '
                      'style="width:100%;height:90vh;border:1px solid #ccc"></iframe></section>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{len(pages)} stories</title></head><body>"
            f"<h1>{len(pages)} stories</h1><ol>{''.join(items)}</ol>{''.join(frames)}"
            "</body></html>\n")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="One file (text, HTML or JSONL), or - for stdin.")],
    fmt: Annotated[TextFormat, typer.Option("--format", "-f")] = TextFormat.text,
    output: OutputOpt = None,
) -> None:
    """Cleaned main text of one document, or the parallax.document/1 JSON.

    Example: parallax extract page.html --format json
    """
    from parallax.pipeline import clean_documents

    inputs = _load([path])
    articles = clean_documents(inputs.documents)
    if fmt is TextFormat.json:
        records = [{"schema": "parallax.document/1", **_document_fields(a.to_dict())}
                   for a in articles]
        text = json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False,
                          indent=2)
    else:
        text = "\n\n".join(a.text for a in articles)
    _emit(text, output)
    raise typer.Exit(_exit_code(inputs))


def _document_fields(article: dict[str, object]) -> dict[str, object]:
    keep = ("id", "path", "outlet", "title", "published", "url", "author", "language", "text",
            "flags", "removed", "repairs")
    return {k: article[k] for k in keep}


@app.command()
def quotes(
    path: Annotated[str, typer.Argument(help="One file or folder, or - for stdin.")],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.md,
    output: OutputOpt = None,
) -> None:
    """Who said what: statements grouped by speaker.

    Example: parallax quotes article.txt --format json
    """
    from parallax.analyze.actors import resolve_actors
    from parallax.render import render_quotes_markdown

    inputs, analyzed = _load_analyzed([path])
    actors, found = resolve_actors(analyzed)
    if fmt is ListFormat.json:
        payload = {"schema": "parallax.quotes/1", "quotes": [q.to_dict() for q in found],
                   "actors": [a.to_dict() for a in actors]}
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    else:
        text = render_quotes_markdown(found, actors, [a.article for a in analyzed])
    _emit(text, output)
    raise typer.Exit(_exit_code(inputs))


@app.command()
def stories(
    paths: PathsArg,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.md,
    output: OutputOpt = None,
    state: Annotated[Path | None, typer.Option(
        "--state", help="Grouping state FILE.json: continued from when it exists (known "
                        "articles keep their story ids), then saved.")] = None,
) -> None:
    """Group many articles into stories (by lead meaning, names, terms and dates).

    Example: parallax stories crawl/ --state crawl-stories.json --format json
    """
    from parallax.group.state import StoryState
    from parallax.group.stories import group_articles
    from parallax.pipeline import clean_documents
    from parallax.render import render_stories_markdown

    inputs = _load(paths)
    previous = None
    if state is not None and state.exists():
        try:
            previous = StoryState.from_json(state.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, StateError) as exc:
            _fail(f"error: {state}: not a readable stories state ({exc})", 2)
    articles = clean_documents(inputs.documents)
    grouped = group_articles(articles, previous)
    if state is not None:
        state.write_text(grouped.to_json(), encoding="utf-8")
    found = grouped.stories()
    if fmt is ListFormat.json:
        text = json.dumps({"schema": "parallax.stories/1", "stories": [s.to_dict() for s in found]},
                          ensure_ascii=False, indent=2)
    else:
        text = render_stories_markdown(found, articles)
    _emit(text, output)
    raise typer.Exit(_exit_code(inputs))


@app.command()
def check(
    args: Annotated[list[str], typer.Argument(metavar="[CLAIM] PATH...",
                                              help="The claim (unless --claims), then inputs.")],
    claims_file: Annotated[
        Path | None, typer.Option("--claims", help="File with one claim per line.")
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.md,
    output: OutputOpt = None,
) -> None:
    """Does each article support, contradict, discuss or ignore a claim?

    Example: parallax check "The talks ended without a deal" examples/
    """
    from parallax.compare.check import check_claim
    from parallax.render import render_check_markdown

    if claims_file is None:
        if len(args) < 2:
            _fail("error: give a CLAIM and at least one PATH (or --claims FILE)", 2)
        claims, paths = [args[0]], args[1:]
    else:
        try:
            claims = [c.strip() for c in claims_file.read_text(encoding="utf-8").splitlines()
                      if c.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"error[P100]: {claims_file}: cannot read claims ({exc})", 2)
        paths = args
    inputs, analyzed = _load_analyzed(paths)
    results = [check_claim(claim, analyzed) for claim in claims]
    if fmt is ListFormat.json:
        payload: dict[str, object] = {"schema": "parallax.check/1"}
        if claims_file is None:
            payload.update(results[0].to_dict())
        else:
            payload["results"] = [r.to_dict() for r in results]
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    else:
        text = "\n\n".join(render_check_markdown(r) for r in results)
    _emit(text, output)
    raise typer.Exit(_exit_code(inputs))


def main() -> None:
    """Console entry point: map ParallaxError to a one-line message and exit 3."""
    try:
        app()
    except ParallaxError as exc:
        _fail(exc.one_line())
