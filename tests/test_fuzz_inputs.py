"""Fuzzed inputs (Hypothesis): random bytes, mixed encodings, random markup and JSONL lines.

Whatever a file holds, reading and cleaning it raise nothing, every failure
is one line naming its file, the command line exits with a documented status
(0, or 1 when an input failed), and every span of what comes out maps back
into the source. The examples are few and small so the file runs in well
under a minute; the hostile cases of issue 12 are spelled out in
tests/test_ingest_limits.py and measured by bench/robustness.py.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from parallax import pipeline
from parallax.cli import app
from parallax.errors import ParallaxError
from parallax.model import Article
from parallax.options import Options

from contract import check_briefing, check_paragraphs_map_back

_FAST = settings(max_examples=25, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])
_WORDS = st.sampled_from(["the", "port", "strike", "ended", "Velmora", "said", "on", "Tuesday",
                          "union", "wages", "4%", "2024", "über", "café", "—", "«", "»", "\u200b",
                          "ship", "nine", "days", "\t", "\r\n", "\n\n", "“quoted”", "don't"])
_TEXT = st.lists(_WORDS, min_size=0, max_size=120).map(" ".join)
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-16-le",
                              "mac_roman"])


@st.composite
def _mixed_bytes(draw: st.DrawFn) -> bytes:
    """Text in one or more encodings, with stray bytes between the pieces."""
    pieces = draw(st.lists(st.tuples(_TEXT, _ENCODINGS, st.binary(max_size=3)), max_size=4))
    return b"".join(text.encode(encoding, "replace") + junk for text, encoding, junk in pieces)


_TAGS = st.sampled_from(["p", "div", "span", "a", "b", "i", "script", "style", "nav", "h1",
                         "li", "ul", "article", "footer", "br", "table", "td"])


def _markup() -> st.SearchStrategy[str]:
    leaf = _TEXT | st.sampled_from(["<", ">", "&amp;", "&#0;", "&bogus;", "<!--", "-->",
                                    "<![CDATA[", "]]>", "\x00"])
    return st.recursive(leaf, lambda inner: st.builds(
        lambda tag, attrs, body: f"<{tag}{attrs}>{''.join(body)}</{tag}>", _TAGS,
        st.sampled_from(["", " class='x'", " href='/a'", " style=\"display:none\""]),
        st.lists(inner, max_size=4)), max_leaves=30)


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                     | _TEXT, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.sampled_from(["a", "text"]), inner, max_size=2),
                     max_leaves=8)


@st.composite
def _jsonl(draw: st.DrawFn) -> bytes:
    """Lines of JSON records with the fields of a document, typed at random; some broken."""
    fields = st.fixed_dictionaries({}, optional={
        "id": _JSON, "title": _JSON, "text": _TEXT | _JSON, "date": _JSON, "outlet": _JSON,
        "url": _JSON})
    lines = draw(st.lists(fields.map(json.dumps) | _TEXT | st.just("{broken"), max_size=5))
    return "\n".join(lines).encode("utf-8")


@st.composite
def _input(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and its bytes."""
    return draw(st.one_of(
        st.tuples(st.just("blob.txt"), st.binary(max_size=2000)),
        st.tuples(st.just("mixed.txt"), _mixed_bytes()),
        st.tuples(st.just("page.html"), _markup().map(lambda m: m.encode("utf-8"))),
        st.tuples(st.just("records.jsonl"), _jsonl()),
    ))


def _written(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def _check_article(article: Article) -> None:
    """Spans inside the source, a span's text is the cleaned slice, its words in the source."""
    source = article.document.source
    check_paragraphs_map_back(article)
    for start in range(0, len(article.text), max(1, len(article.text) // 7)):
        end = min(len(article.text), start + 40)
        if end > start:
            span = article.span(start, end)
            assert 0 <= span.start <= span.end <= len(source)
            assert span.text == article.text[start:end]


def _read_and_clean(path: Path) -> tuple[Article, ...]:
    inputs = pipeline.read(str(path))
    for line in pipeline.error_lines(inputs):
        assert "\n" not in line and path.name in line, line
    for note in inputs.notes:
        assert "\n" not in note, note
    articles = pipeline.extract(inputs)
    for article in articles:
        _check_article(article)
    return articles


@_FAST
@given(_input())
def test_any_file_reads_and_cleans_without_a_traceback(case: tuple[str, bytes]) -> None:
    for path in _written(*case):
        _read_and_clean(path)


runner = CliRunner()


_GOOD = ("Harbour workers in Velmora ended their strike on Tuesday after the port authority "
         "agreed to a new contract.\n\nThe contract raises wages by four percent, the union "
         "said.\n")


@settings(max_examples=8, deadline=None, derandomize=True)
@given(_input())
def test_the_command_line_exits_as_documented(case: tuple[str, bytes]) -> None:
    """``extract`` of a fuzzed file and a good one exits 0, or 1 with ``error[P1xx]``
    lines naming the fuzzed file; the good article is extracted either way."""
    for path in _written(*case):
        good = path.with_name("good.txt")
        good.write_text(_GOOD, encoding="utf-8")
        result = runner.invoke(app, ["extract", str(path.parent), "--format", "json"],
                               prog_name="parallax")
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception)
        assert result.exit_code in (0, 1), result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("error[")]
        assert bool(errors) == (result.exit_code == 1), result.stderr
        assert all(line.startswith("error[P1") and path.name in line for line in errors), (
            result.stderr)
        assert "Velmora" in result.stdout


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(_input(), min_size=1, max_size=3))
def test_a_briefing_of_fuzzed_files_keeps_the_contract(fake_embedder: Any,
                                                       cases: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for k, (name, data) in enumerate(cases):
            (Path(folder) / f"{k}-{name}").write_bytes(data)
        inputs = pipeline.read(folder)
        try:
            briefing = pipeline.brief_documents(inputs.documents,
                                                errors=pipeline.error_lines(inputs))
        except ParallaxError as error:  # documented: one line, never a traceback
            assert "\n" not in error.one_line()
            return
    check_briefing(json.loads(briefing.to_json()))


def test_a_huge_line_many_lines_and_a_good_article_brief_together(fake_embedder: Any) -> None:
    """Issue 12's run, scaled down by the limit: one note per oversized input, the good
    article briefed with the rest, the cut articles' spans inside their sources."""
    options = Options.from_dict({"ingest": {"max_article_chars": 6000}})
    sentence = "The port authority said the harbour stays open on Tuesday. "
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.jsonl"
        huge.write_text(json.dumps({"id": "huge", "text": sentence * 2000}) + "\n",
                        encoding="utf-8")
        lines = Path(folder) / "lines.txt"
        lines.write_text("".join(f"line {k} of the log\n" for k in range(20_000)),
                         encoding="utf-8")
        good = Path(folder) / "good.txt"
        good.write_text(_GOOD, encoding="utf-8")
        inputs = pipeline.read(folder, options=options)
        assert not inputs.errors
        for name in ("huge.jsonl", "lines.txt"):
            assert sum(name in note for note in inputs.notes) == 1, inputs.notes
        assert len(inputs.notes) == 2
        briefings = pipeline.brief_stories(inputs.documents, options=options)
    briefed = {article.document.path for b in briefings for article in b.articles}
    assert briefed == {f"{huge}:1", str(lines), str(good)}  # a JSONL record: path and line
    for briefing in briefings:
        check_briefing(json.loads(briefing.to_json()))
        assert all(len(a.document.source) <= 6000 for a in briefing.articles)
