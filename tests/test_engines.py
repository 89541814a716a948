"""Engines change where the per-article stages run, never what they compute.

A process pool of two workers (and, in test_engine_dask.py, a Dask cluster)
must give the bytes the in-process path gives: the examples' briefings,
stories, and the dates of undated articles whose story is split over
chunks. Chunks are made small (two articles, or one) so a few articles
spread over several tasks. The articles of the date test are invented.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence

import numpy as np
import pytest
from typer.testing import CliRunner

import parallax.engine.parallel as parallel_module
from parallax import pipeline, render
from parallax.analyze.articles import analyze_lazily
from parallax.cli import app
from parallax.compare import record_needs, vector_needs
from parallax.compare.timeline import timeline_needs
from parallax.engine import Engine, engine_name, open_engine
from parallax.engine.parallel import MIN_CHUNKS, analyze_sets, analyze_with_vectors, parallel
from parallax.errors import InputError, ParallaxError, RegistryError, UsageError
from parallax.model import AnalyzedArticle, Document
from parallax.options import Options, PartsOptions

from builders import EXAMPLES

runner = CliRunner()

# Three undated reports of one invented event: only the first writes a full
# date, the others say "on Tuesday", resolved against it.
UNDATED = [
    ("Quarry lake dam repaired",
     "Engineers finished repairs to the Holmfirth quarry dam on 12 March 2024, the county "
     "said. Water levels had risen after weeks of rain."),
    ("Dam works end at Holmfirth",
     "The county said on Tuesday that the Holmfirth dam was safe again. Engineer Marta Oduya "
     "said the spillway had been widened."),
    ("Holmfirth residents return",
     "Residents evacuated near the Holmfirth quarry lake went home on Tuesday, officials said. "
     "Marta Oduya said the works had gone to plan."),
]


@pytest.fixture(scope="module")
def pool() -> Iterator[Engine]:
    engine = open_engine("local", 2, chunk=2)
    yield engine
    engine.close()


def _undated() -> list[Document]:
    return [Document(f"u{n}", f"u{n}.txt", f"{title}\n\n{text}", title=title, outlet=f"O{n}")
            for n, (title, text) in enumerate(UNDATED, 1)]


def test_names_and_the_in_process_rule() -> None:
    assert engine_name("local", 1) == "parallax.engine.local.v1"
    assert engine_name("local", 2) == "parallax.engine.pool.v1"
    assert engine_name("dask", 1) == "parallax.engine.dask.v1"
    with pytest.raises(UsageError):
        engine_name("spark", 2)
    with pytest.raises(UsageError):
        open_engine("local", 2, scheduler="tcp://127.0.0.1:8786")
    one = open_engine("local", 1)
    assert not parallel(one, 100)
    two = open_engine("local", 2, chunk=8)
    try:  # a pile of a few chunks stays in-process: the workers' start costs more
        assert not parallel(two, 8 * (MIN_CHUNKS - 1))
        assert parallel(two, 8 * (MIN_CHUNKS - 1) + 1)
    finally:
        two.close()


def test_pool_briefs_the_examples_byte_for_byte(pool: Engine) -> None:
    inputs = pipeline.read([str(EXAMPLES)])
    here = pipeline.brief_stories(inputs.documents)
    there = pipeline.brief_stories(inputs.documents, engine=pool)
    json = render.FORMATS["json"]
    assert render.render_briefings(there, json) == render.render_briefings(here, json)


def test_pool_stories_and_quotes_match(pool: Engine) -> None:
    inputs = pipeline.read([str(EXAMPLES)])
    assert (pipeline.stories(inputs, engine=pool).stories
            == pipeline.stories(inputs).stories)
    here, there = pipeline.quotes(inputs), pipeline.quotes(inputs, engine=pool)
    assert there.quotes == here.quotes and there.actors == here.actors


def test_a_story_split_over_chunks_resolves_dates_as_one_set() -> None:
    articles = pipeline.clean_documents(_undated())
    here, _ = analyze_lazily(articles)
    engine = open_engine("local", 2, chunk=1)
    try:
        (there,) = analyze_sets(engine, [articles], Options())
    finally:
        engine.close()
    resolved = [d.value for record in here for d in record.dates]
    assert resolved.count("2024-03-12") >= 1 and len(resolved) >= 3  # Tuesdays resolved
    assert there == here


def test_the_pool_embeds_what_the_briefing_reads_and_the_same_bits(pool: Engine) -> None:
    articles = pipeline.clean_documents(pipeline.read([str(EXAMPLES)]).documents)
    here, store = analyze_lazily(articles)
    asked: list[list[tuple[int, int]]] = []

    def needs(records: Sequence[AnalyzedArticle]) -> list[tuple[int, int]]:
        asked.append(record_needs(records))
        return asked[-1]

    ((there, vectors),) = analyze_with_vectors(pool, [articles], Options(), needs)
    assert there == here and len(asked) == 1
    assert vectors.missing(asked[0]) == []  # the workers computed every one asked for
    rest = [(a, s) for a, item in enumerate(here) for s in range(len(item.sentences))]
    unasked = [ref for ref in rest if ref not in set(asked[0])]
    assert unasked and vectors.missing(unasked)  # the others wait until a stage reads them
    assert np.array_equal(vectors.stack(rest), store.stack(rest))


def test_record_needs_adds_the_dated_sentences_the_timeline_compares() -> None:
    records, _ = analyze_lazily(pipeline.clean_documents(_undated()))
    texts = [[s.text for s in record.sentences] for record in records]
    found = record_needs(records)
    assert found[:len(vector_needs(texts))] == vector_needs(texts)
    compared = timeline_needs(records)
    assert compared and set(compared) <= set(found)
    assert len(found) == len(set(found))


def test_an_error_in_a_worker_is_the_same_one_line(pool: Engine) -> None:
    options = Options(parts=PartsOptions(embedder="parallax.embed.none.v9"))
    inputs = pipeline.read([str(EXAMPLES)])
    with pytest.raises(RegistryError) as here:
        pipeline.brief_stories(inputs.documents, options=options)
    with pytest.raises(ParallaxError) as there:
        pipeline.quotes(inputs, options=options, engine=pool)
    assert type(there.value) is RegistryError
    assert there.value.one_line() == here.value.one_line()


def test_errors_cross_a_process_boundary_whole() -> None:
    error = pickle.loads(pickle.dumps(InputError("feed/a.txt", "empty file")))
    assert type(error) is InputError and (error.path, error.reason) == ("feed/a.txt",
                                                                         "empty file")
    assert error.one_line() == "error[P100]: feed/a.txt: empty file"
    hinted = pickle.loads(pickle.dumps(UsageError("no story 'x'", hint="see ids")))
    assert hinted.one_line() == "error[P400]: no story 'x' (see ids)"


def test_cli_workers_two_prints_what_one_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_module, "MIN_CHUNKS", 1)  # the examples' two chunks spread
    one = runner.invoke(app, ["-q", "stories", str(EXAMPLES), "--format", "json",
                              "--workers", "1"])
    two = runner.invoke(app, ["-q", "--workers", "2", "stories", str(EXAMPLES),
                              "--format", "json"])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    wrong = runner.invoke(app, ["-q", "stories", str(EXAMPLES), "--scheduler", "tcp://x:1"])
    assert wrong.exit_code == 2 and "--scheduler needs --engine dask" in wrong.output
