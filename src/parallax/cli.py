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
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from parallax.errors import ParallaxError
from parallax.ingest import Inputs, read_inputs
from parallax.model import AnalyzedArticle

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


@app.command()
def brief(
    paths: PathsArg,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = (
        BriefFormat.md
    ),
    output: OutputOpt = None,
    length: Annotated[int, typer.Option(help="Summary length in sentences.", min=1)] = 5,
) -> None:
    """One briefing over all inputs.

    Example: parallax brief examples/ --format html -o briefing.html
    """
    from parallax.pipeline import brief_documents
    from parallax.render import render_html, render_markdown

    inputs = _load(paths)
    briefing = brief_documents(inputs.documents, summary_length=length, progress=True,
                               errors=[e.one_line() for e in inputs.errors])
    if fmt is BriefFormat.json:
        text = briefing.to_json()
    elif fmt is BriefFormat.html:
        text = render_html(briefing)
    else:
        text = render_markdown(briefing)
    _emit(text, output)
    raise typer.Exit(_exit_code(inputs))


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
) -> None:
    """Group many articles into stories.

    Example: parallax stories crawl/ --format json
    """
    from parallax.group.stories import group_stories
    from parallax.render import render_stories_markdown

    inputs, analyzed = _load_analyzed(paths)
    found = group_stories(analyzed)
    if fmt is ListFormat.json:
        text = json.dumps({"schema": "parallax.stories/1", "stories": [s.to_dict() for s in found]},
                          ensure_ascii=False, indent=2)
    else:
        text = render_stories_markdown(found, [a.article for a in analyzed])
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
