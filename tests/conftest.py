"""Shared fixtures: the example corpus and the seeds, briefed once per session;
the fake embedder for tests that are not about embeddings."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest

from parallax.model import Briefing, Document
from parallax.registry import registry
from parallax.store.reader import StoreReader

import pgserver
from builders import EMBEDDER, EXAMPLES, shared_path
from fakes import FakeEmbedder


@pytest.fixture
def fake_embedder() -> Iterator[FakeEmbedder]:
    """Within the test, the pipeline's embedder is ``FakeEmbedder`` (hashed bags of words).

    For tests of dedupe, cleaning, quotes, dates, offsets or rendering, whose
    outcome does not depend on what the vectors mean: they skip loading MiniLM
    and no longer move when the model does.
    """
    embedder = FakeEmbedder()
    with registry.overriding("embedders", EMBEDDER, lambda threads=0: embedder):
        yield embedder


@pytest.fixture(scope="session")
def examples_briefing() -> Briefing:
    from parallax.pipeline import brief

    return brief(str(EXAMPLES))


@pytest.fixture(scope="session")
def seeds_briefing() -> Briefing:
    from parallax.pipeline import brief

    return brief(str(shared_path("seeds")))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/* from the current output instead of comparing")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten (never in a normal run)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[pgserver.Server]:
    """A throwaway PostgreSQL server for the session (skipped only without its binaries)."""
    binaries = pgserver.find_binaries()
    if binaries is None:
        pytest.skip("no PostgreSQL binaries (initdb) on this machine: "
                    "apt-get install postgresql to run the PostgreSQL store tests")
    server = pgserver.start(binaries)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def reader_factory(tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[Callable[[Sequence[Document]], StoreReader]]:
    """Documents in, a ``StoreReader`` over their stories out: the web tests' one store.

    The SQL store: the documents go into a fresh SQLite file through the
    store's own add, and the web tests read it back through ``SqlReader``.
    Readers are built once per set of documents in a session (briefing is
    the slow part).
    """
    from parallax.progress import Reporter
    from parallax.store import SqlReader, open_store

    built: dict[tuple[Document, ...], SqlReader] = {}

    def build(documents: Sequence[Document]) -> StoreReader:
        key = tuple(documents)
        if key not in built:
            folder = tmp_path_factory.mktemp("web-store")
            store = open_store(f"sqlite:///{folder / 'web.db'}")
            store.add(key, Reporter(None))
            built[key] = store.reader()
        return built[key]

    yield build
    for reader in built.values():
        reader.close()
