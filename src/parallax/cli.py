"""The ``parallax`` command line: parse arguments, call the pipeline, render, print.

Each command is one call of ``parallax.pipeline`` and one renderer of
``parallax.render``; the library does the work, so a web route can do the
same with the same calls. Data goes to standard output (or ``-o FILE``);
progress, notes and errors go to standard error, one line per failed input,
so ``--format json | jq`` always works. Markdown on a terminal is shown
formatted (rich); piped or written with ``-o`` it stays plain Markdown.

Every command takes ``-q/--quiet`` (no progress bars or notes),
``-v/--verbose`` (what was read and how long each stage took) and
``--config FILE`` (an options file, ``Options.load``), either before the
command (``parallax -q brief ...``) or after it. ``brief``, ``stories`` and
``quotes`` also take ``--workers N`` (default: the cores there are; 1 runs
everything in this process) and ``--engine local|dask [--scheduler ADDR]``
(``parallax.engine``), before or after the command too. ``parallax`` alone prints
this help and exits 2, as a call without a command is a wrong call.

Exit status: 0 everything was read; 1 some inputs failed (the others were
processed and the output written); 2 a wrong call (a bad option, story id,
options file, or an output that cannot be written, found before any work);
3 nothing could be processed (no readable input, a model is missing or
altered, or the store of ``--db`` cannot be opened). ``errors.EXIT_STATUS``
maps each error class to its status.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TextIO

import typer
from rich.console import Console
from rich.markdown import Markdown

from parallax import __version__, render
from parallax.errors import EXIT_STATUS, ParallaxError, UsageError
from parallax.group.statefile import DEFAULT_WAIT
from parallax.options import Options

# The pipeline pulls in spaCy and onnxruntime, so each command imports it
# when it runs: --help, --version and shell completion answer at once.
if TYPE_CHECKING:
    from parallax.engine import Engine
    from parallax.pipeline import Inputs

__all__ = ["app", "emit", "exit_status", "main"]

EXIT_OK, EXIT_SOME_FAILED = 0, 1

app = typer.Typer(
    name="parallax",
    help="Briefings from many news articles: who said what, what several outlets confirm, "
         "where accounts conflict, with the source span for every line.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
_stderr = Console(stderr=True, highlight=False, soft_wrap=True)
# -v shows the library's debug notes (stage timings) on standard error; the
# handler's stream is set on each run, so it is whatever stderr is then.
_notes = logging.StreamHandler()
_notes.setFormatter(logging.Formatter("%(name)s: %(message)s"))


class BriefFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


class ListFormat(StrEnum):
    md = "md"
    json = "json"


class StoryOrderChoice(StrEnum):
    newest = "newest"
    sources = "sources"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


class EngineChoice(StrEnum):
    local = "local"
    dask = "dask"


@dataclass(frozen=True, slots=True)
class _Run:
    """The common options of one call, from before and after the command name."""

    quiet: bool = False
    verbose: bool = False
    config: Path | None = None
    workers: int | None = None
    engine: EngineChoice | None = None
    scheduler: str | None = None


def exit_status(error: ParallaxError) -> int:
    """The exit status of an error: that of its nearest class in ``EXIT_STATUS``."""
    return next(EXIT_STATUS[c] for c in type(error).__mro__ if c in EXIT_STATUS)


P = ParamSpec("P")


def _reports_errors(command: Callable[P, None]) -> Callable[P, None]:
    """A ``ParallaxError`` becomes its one line on standard error and its exit status.

    The notes of ``-v`` stop with the command (the library may run on in the
    same process, as under tests or a web server).
    """

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except ParallaxError as exc:
            _stderr.print(exc.one_line(), markup=False)
            raise typer.Exit(exit_status(exc)) from None
        finally:
            logger = logging.getLogger("parallax")
            logger.removeHandler(_notes)
            logger.setLevel(logging.NOTSET)

    return run


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parallax {__version__}")
        raise typer.Exit()


QuietOpt = Annotated[bool, typer.Option("-q", "--quiet",
                                        help="No progress bars or notes; errors still print.")]
VerboseOpt = Annotated[bool, typer.Option("-v", "--verbose",
                                          help="Say what was read and how long each stage took.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", metavar="FILE",
    help="Options file (TOML); default: $PARALLAX_CONFIG or ~/.config/parallax/config.toml.")]
PathsArg = Annotated[
    list[str], typer.Argument(help="Files or folders (read recursively); - for stdin.")
]
UrlsOpt = Annotated[Path | None, typer.Option(
    "--urls", metavar="FILE", help="Also fetch these pages: one http(s) URL per line (needs "
                                   "httpx, the fetch extra).")]
AllowPrivateOpt = Annotated[bool, typer.Option(
    "--allow-private", help="Let --urls reach private, loopback, link-local and reserved "
                            "addresses (refused by default).")]
OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE",
                                                help="Write to FILE instead of standard output.")]
OptionalPathsArg = Annotated[
    list[str] | None,
    typer.Argument(metavar="[PATH]...", show_default=False,
                   help="Files or folders (read recursively); - for stdin."),
]
DbOpt = Annotated[str | None, typer.Option(
    "--db", metavar="URL",
    help="The store: sqlite:///FILE.db (or a FILE), postgresql://USER@HOST/DB; default: "
         "$PARALLAX_DB, else $XDG_DATA_HOME/parallax/parallax.db.")]
WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", metavar="N", min=1,
    help="Worker processes for the per-article stages; default: the number of cores "
         "(1: all in this process).")]
EngineOpt = Annotated[EngineChoice | None, typer.Option(
    "--engine", help="Where the per-article stages run: local processes, or a Dask cluster "
                     "(default: local).")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDR",
    help="With --engine dask: the scheduler, tcp://HOST:8786 (default: a local cluster of "
         "--workers processes).")]
StoryOpt = Annotated[
    str | None,
    typer.Option("--story", help="Brief one story: its id (see `parallax stories`) or 'largest'."),
]


@app.callback()
def _common(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    workers: WorkersOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    ctx.obj = _Run(quiet, verbose, config, workers, engine, scheduler)


def _start(ctx: typer.Context, quiet: bool, verbose: bool, config: Path | None,
           writes: Sequence[Path | None] = (), engine: _Run | None = None
           ) -> tuple[_Run, Options]:
    """The call's common options and its ``Options``; files to write are checked first.

    ``engine`` holds the command's own ``--workers/--engine/--scheduler``
    (they win over those given before the command).
    """
    from parallax import pipeline

    before = ctx.obj if isinstance(ctx.obj, _Run) else _Run()
    own = engine or _Run()
    run = _Run(quiet or before.quiet, verbose or before.verbose, config or before.config,
               own.workers or before.workers, own.engine or before.engine,
               own.scheduler or before.scheduler)
    if run.verbose:
        _notes.setStream(sys.stderr)
        logger = logging.getLogger("parallax")
        logger.addHandler(_notes)
        logger.setLevel(logging.DEBUG)
    options = Options.load(run.config)
    for path in writes:
        if path is not None:
            pipeline.check_writable(path)
    return run, options


@contextmanager
def _engine(run: _Run) -> Iterator[Engine]:
    """The engine the call asked for, stopped (with its workers) when the command ends."""
    from parallax.engine import open_engine

    engine = open_engine((run.engine or EngineChoice.local).value, run.workers, run.scheduler)
    try:
        yield engine
    finally:
        engine.close()


def _load(paths: Sequence[str] | None, run: _Run, options: Options, urls: Path | None = None,
          allow_private: bool = False) -> Inputs:
    """Read inputs (and fetch ``urls``), printing one line per failure and one note per
    thing not read."""
    from parallax import pipeline

    if not paths and urls is None:
        raise UsageError("give at least one PATH (or --urls FILE)")
    listed = pipeline.read_url_list(urls) if urls is not None else ()
    inputs = pipeline.read(paths or [], options=options, urls=listed,
                           allow_private=allow_private, progress=not run.quiet)
    for line in pipeline.error_lines(inputs):
        _stderr.print(line, markup=False)
    if not run.quiet:
        for note in inputs.notes:
            _stderr.print(note, markup=False)
    if run.verbose:
        _stderr.print(f"note: read {len(inputs.documents)} document(s), "
                      f"{len(inputs.errors)} failed", markup=False)
    if not inputs.documents:
        raise ParallaxError("no readable article in the given paths")
    return inputs


def emit(text: str, output: Path | None, *, markdown: bool = False, quiet: bool = False,
         stream: TextIO | None = None) -> None:
    """Print ``text`` (formatted when it is Markdown and ``stream`` a terminal) or write it."""
    if output is not None:
        from parallax import pipeline

        pipeline.write_text(output, text)
        if not quiet:
            _stderr.print(f"wrote {output}", markup=False)
        return
    stream = stream or sys.stdout
    if markdown and stream.isatty():
        Console(file=stream).print(Markdown(text))
    else:
        stream.write(text if text.endswith("\n") else text + "\n")


def _status(inputs: Inputs) -> int:
    return EXIT_SOME_FAILED if inputs.errors else EXIT_OK


def _length(value: str | None) -> str | None:
    from parallax import pipeline

    if value is None:
        return None
    try:
        pipeline.check_length(value)
    except UsageError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value


def _emit_listing(fmt: ListFormat, output: Path | None, run: _Run,
                  as_json: Callable[[], str], as_markdown: Callable[[], str]) -> None:
    """Write a listing in ``fmt`` (formatted on a terminal when Markdown); the renderings
    are callables so that only the chosen one is built."""
    text = as_json() if fmt is ListFormat.json else as_markdown()
    emit(text, output, markdown=fmt is ListFormat.md, quiet=run.quiet)


@app.command()
@_reports_errors
def brief(
    ctx: typer.Context,
    paths: OptionalPathsArg = None,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = (
        BriefFormat.md
    ),
    output: OutputOpt = None,
    length: Annotated[str | None, typer.Option(
        callback=_length, help="Summary length: sentences (5) or words (120w); default: "
                               "summary.length of the options (5).")] = None,
    story: StoryOpt = None,
    state: Annotated[Path | None, typer.Option(
        "--state", metavar="FILE", help="Grouping state of `parallax stories --state`: story "
                                        "ids as it gives them (read, not changed).")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", metavar="URL", help="Brief a stored story instead of files: the store's URL "
                                    "(with --story ID; see `parallax list`).")] = None,
    urls: UrlsOpt = None,
    allow_private: AllowPrivateOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    workers: WorkersOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """A briefing of each story in the inputs, largest first (or of one with --story).

    Example: parallax brief examples/ --format html -o briefing.html
    """
    from parallax import pipeline

    run, options = _start(ctx, quiet, verbose, config, writes=(output,),
                          engine=_Run(workers=workers, engine=engine, scheduler=scheduler))
    if db is not None:
        if paths or story is None or state is not None or urls is not None:
            raise UsageError("with --db, give --story ID and no PATH, --state or --urls",
                             hint="the ids `parallax list --db URL` prints")
        _show_stored(db, story, fmt, output, run, options)
        return
    if not paths and urls is None:
        raise UsageError("give at least one PATH or --urls FILE (or --db URL --story ID)")
    previous = pipeline.load_state(state, missing_ok=False) if state is not None else None
    inputs = _load(paths, run, options, urls, allow_private)
    with _engine(run) as running:
        briefings = pipeline.brief_stories(inputs.documents, summary_length=length,
                                           progress=not run.quiet,
                                           errors=pipeline.error_lines(inputs), story=story,
                                           state=previous, options=options, engine=running)
    emit(render.render_briefings(briefings, render.FORMATS[fmt]), output,
         markdown=fmt is BriefFormat.md, quiet=run.quiet)
    raise typer.Exit(_status(inputs))


@app.command()
@_reports_errors
def extract(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="One file (text, HTML or JSONL), or - for stdin.")],
    fmt: Annotated[TextFormat, typer.Option("--format", "-f", help="Output format.")] = (
        TextFormat.text
    ),
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Cleaned main text of one document, or the parallax.document/1 JSON.

    Example: parallax extract page.html --format json
    """
    from parallax import pipeline

    run, options = _start(ctx, quiet, verbose, config, writes=(output,))
    inputs = _load([path], run, options)
    articles = pipeline.extract(inputs, options=options)
    text = render.document_json(articles) if fmt is TextFormat.json else render.plain_text(articles)
    emit(text, output, quiet=run.quiet)
    raise typer.Exit(_status(inputs))


@app.command()
@_reports_errors
def quotes(
    ctx: typer.Context,
    paths: PathsArg,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.md
    ),
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    workers: WorkersOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Who said what: statements grouped by speaker.

    Example: parallax quotes article.txt --format json
    """
    from parallax import pipeline

    run, options = _start(ctx, quiet, verbose, config, writes=(output,),
                          engine=_Run(workers=workers, engine=engine, scheduler=scheduler))
    inputs = _load(paths, run, options)
    with _engine(run) as running:
        found = pipeline.quotes(inputs, options=options, progress=not run.quiet,
                                engine=running)
    _emit_listing(fmt, output, run, lambda: render.quotes_json(found.quotes, found.actors,
                                                                  found.attributions),
                  lambda: render.render_quotes_markdown(found.quotes, found.actors,
                                                        found.articles))
    raise typer.Exit(_status(inputs))


@app.command()
@_reports_errors
def stories(
    ctx: typer.Context,
    paths: OptionalPathsArg = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.md
    ),
    output: OutputOpt = None,
    state: Annotated[Path | None, typer.Option(
        "--state", metavar="FILE", help="Grouping state FILE.json: continued from when it "
                                        "exists (known articles keep their story ids), then "
                                        "saved. Runs on one FILE take turns (FILE.lock).")
    ] = None,
    wait: Annotated[float, typer.Option(
        "--wait", metavar="SECONDS", min=0,
        help="How long to wait for another run holding the --state FILE (0: fail at once).")
    ] = DEFAULT_WAIT,
    urls: UrlsOpt = None,
    allow_private: AllowPrivateOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    workers: WorkersOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Group many articles into stories (by lead meaning, names, terms and dates).

    Example: parallax stories crawl/ --state crawl-stories.json --format json
    """
    from parallax import pipeline

    run, options = _start(ctx, quiet, verbose, config, writes=(output, state),
                          engine=_Run(workers=workers, engine=engine, scheduler=scheduler))
    if not paths and urls is None:
        raise UsageError("give at least one PATH (or --urls FILE)")
    listed = pipeline.read_url_list(urls) if urls is not None else ()
    # Streamed: read, cleaned and grouped as the inputs come, so a crawl is never held whole.
    with _engine(run) as running:
        found = pipeline.stories(list(paths or []), state_file=state, wait=wait,
                                 options=options, progress=not run.quiet, engine=running,
                                 urls=listed, allow_private=allow_private)
    for line in found.errors:
        _stderr.print(line, markup=False)
    if not run.quiet:
        for note in found.notes:
            _stderr.print(note, markup=False)
    if run.verbose:
        _stderr.print(f"note: read {len(found.articles)} document(s), "
                      f"{len(found.errors)} failed", markup=False)
    if not found.articles:
        raise ParallaxError("no readable article in the given paths")
    _emit_listing(fmt, output, run, lambda: render.stories_json(found.stories),
                  lambda: render.render_stories_markdown(found.stories, found.articles))
    raise typer.Exit(EXIT_SOME_FAILED if found.errors else EXIT_OK)


@app.command()
@_reports_errors
def check(
    ctx: typer.Context,
    args: Annotated[list[str], typer.Argument(metavar="[CLAIM] PATH...",
                                              help="The claim (unless --claims), then inputs.")],
    claims_file: Annotated[Path | None, typer.Option(
        "--claims", metavar="FILE", help="File with one claim per line.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.md
    ),
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Does each article support, contradict, discuss or ignore a claim?

    Example: parallax check "The talks ended without a deal" examples/
    """
    from parallax import pipeline

    run, options = _start(ctx, quiet, verbose, config, writes=(output,))
    if claims_file is None and len(args) < 2:
        raise UsageError("give a CLAIM and at least one PATH (or --claims FILE)")
    claims, paths = ((args[:1], args[1:]) if claims_file is None
                     else (pipeline.read_claims(claims_file), args))
    inputs = _load(paths, run, options)
    results = pipeline.check(claims, inputs, options=options, progress=not run.quiet)
    _emit_listing(fmt, output, run,
                  lambda: render.check_json(results[0] if claims_file is None else results),
                  lambda: render.render_checks_markdown(results))
    raise typer.Exit(_status(inputs))


@app.command()
@_reports_errors
def schema(
    name: Annotated[str, typer.Argument(
        help=f"An output's schema: {', '.join(render.SCHEMAS)} (or briefing, check, ...).")],
) -> None:
    """The JSON Schema (Draft 2020-12) of one of the JSON outputs.

    Example: parallax schema parallax.briefing/1
    """
    emit(render.schema_text(name), None)


# --- the store ------------------------------------------------------------------

ListFormatOpt = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
BriefFormatOpt = Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, help="At most this many.")]


def _show_stored(db: str | None, story: str, fmt: BriefFormat, output: Path | None, run: _Run,
                 options: Options) -> None:
    """The stored briefing of ``story`` in ``fmt`` (``show`` and ``brief --db``)."""
    from parallax.store import open_reader

    with open_reader(db, wait=options.store.wait) as reader:
        briefing = reader.briefing(story)
    if briefing is None:
        raise UsageError(f"no story {story!r} in the store",
                         hint="the ids `parallax list` prints")
    emit(render.render_briefings([briefing], render.FORMATS[fmt]), output,
         markdown=fmt is BriefFormat.md, quiet=run.quiet)


@app.command()
@_reports_errors
def add(
    ctx: typer.Context,
    paths: OptionalPathsArg = None,
    db: DbOpt = None,
    urls: UrlsOpt = None,
    allow_private: AllowPrivateOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Add articles to a store: group them with the stories there, re-brief what grew.

    The same article twice (same text or URL) is stored once; story ids stay.
    Example: parallax add crawl/ --db corpus.db   (or: parallax add --urls today.txt)
    """
    from parallax.progress import reporter
    from parallax.store import open_store

    run, options = _start(ctx, quiet, verbose, config)
    inputs = _load(paths, run, options, urls, allow_private)
    store = open_store(db, wait=options.store.wait)
    try:
        with reporter(not run.quiet) as report:
            result = store.add(inputs.documents, report, options=options)
    finally:
        store.close()
    if not run.quiet:
        for note in result.notes:
            _stderr.print(note, markup=False)
    briefed = ", ".join(result.briefed) or "none"
    emit(f"added {len(result.added)} article(s), {len(result.known)} in the store already; "
         f"stories briefed: {briefed}", None)
    raise typer.Exit(_status(inputs))


@app.command(name="list")
@_reports_errors
def list_stories(
    ctx: typer.Context,
    db: DbOpt = None,
    fmt: ListFormatOpt = ListFormat.md,
    order: Annotated[StoryOrderChoice, typer.Option(
        "--order", help="newest (latest publication first) or sources (most outlets first).")
    ] = StoryOrderChoice.newest,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only stories this outlet "
                                                                "covered.")] = None,
    limit: LimitOpt = 50,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
) -> None:
    """The stories in a store, with the ids `show` takes.

    Example: parallax list --db corpus.db --order sources
    """
    from parallax.store import open_reader

    run, options = _start(ctx, quiet, verbose, config, writes=(output,))
    with open_reader(db, wait=options.store.wait) as reader:
        rows = reader.stories(order="sources" if order is StoryOrderChoice.sources else "newest",
                              outlet=outlet, limit=limit)
    _emit_listing(fmt, output, run, lambda: render.corpus_json(rows),
                  lambda: render.render_corpus_markdown(rows))


@app.command()
@_reports_errors
def show(
    ctx: typer.Context,
    story: Annotated[str, typer.Argument(help="A story id (see `parallax list`).")],
    db: DbOpt = None,
    fmt: BriefFormatOpt = BriefFormat.md,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
) -> None:
    """A stored story's briefing, as `brief` renders it.

    Example: parallax show s1 --db corpus.db --format html -o s1.html
    """
    run, options = _start(ctx, quiet, verbose, config, writes=(output,))
    _show_stored(db, story, fmt, output, run, options)


@app.command()
@_reports_errors
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words that must all occur (stemmed).")],
    db: DbOpt = None,
    fmt: ListFormatOpt = ListFormat.md,
    limit: LimitOpt = 50,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Full-text search over the stored articles, best match first.

    Example: parallax search "harbour talks" --db corpus.db
    """
    from parallax.store import open_reader

    run, options = _start(ctx, quiet, verbose, config, writes=(output,))
    with open_reader(db, wait=options.store.wait) as reader:
        hits = reader.search(query, limit=limit)
    _emit_listing(fmt, output, run, lambda: render.search_json(query, hits),
                  lambda: render.render_search_markdown(query, hits))


@app.command()
@_reports_errors
def serve(
    ctx: typer.Context,
    db: DbOpt = None,
    host: Annotated[str, typer.Option(
        help="Address to bind; 0.0.0.0 opens the server to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_upload: Annotated[bool, typer.Option(
        "--allow-upload", help="Accept JSONL uploads at POST /api/articles; each needs the "
                               "bearer token in $PARALLAX_UPLOAD_TOKEN.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
) -> None:
    """The web app and JSON API over a store, until Ctrl-C.

    Example: parallax serve --db sqlite:///news.db --port 8000
    """
    try:
        from parallax.web.serve import UPLOAD_TOKEN
        from parallax.web.serve import serve as run_server
    except ImportError as exc:
        raise UsageError(f"the web app is not installed ({exc.name} is missing)",
                         hint='pip install "parallax-news[web]"') from None

    _, options = _start(ctx, quiet, verbose, config)
    token = os.environ.get(UPLOAD_TOKEN) if allow_upload else None
    if allow_upload and not token:
        raise UsageError(f"--allow-upload needs a token in ${UPLOAD_TOKEN}")
    run_server(db, host=host, port=port, token=token, options=options)


def main() -> None:
    """Console entry point (``parallax``)."""
    app()
