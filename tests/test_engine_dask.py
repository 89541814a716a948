"""The Dask engine on a LocalCluster of two worker processes gives the local engine's results.

The corpus is invented: two fires on one day (two stories, two reports
each) and an unrelated council vote, so grouping has something to split
and every story spreads over the workers (one article a chunk).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from parallax import pipeline, render
from parallax.engine import Engine, open_engine
from parallax.model import Document

from builders import FIRE_BRINDLEMOOR, FIRE_CASKWELL, LEDGER, TIMES

pytest.importorskip("distributed", reason="the Dask engine needs parallax-news[dask]")


def _corpus() -> list[Document]:
    items = [*FIRE_BRINDLEMOOR, *FIRE_CASKWELL,
             ("Council approves harbour budget", LEDGER), ("Harbour budget passes", TIMES)]
    return [Document(f"d{n}", f"d{n}.txt", f"{title}\n\n{text}", title=title,
                     outlet=f"Outlet {n}", published="2025-06-07")
            for n, (title, text) in enumerate(items, 1)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Engine]:
    engine = open_engine("dask", 2, chunk=1)
    yield engine
    engine.close()


def test_local_cluster_has_two_workers(cluster: Engine) -> None:
    assert cluster.workers == 2


def test_dask_gives_the_local_stories(cluster: Engine) -> None:
    documents = _corpus()
    here = pipeline.stories(documents)
    there = pipeline.stories(documents, engine=cluster)
    assert len(here.stories) >= 2
    assert there.stories == here.stories
    assert there.state.assignment() == here.state.assignment()


def test_dask_gives_the_local_briefings(cluster: Engine) -> None:
    documents = _corpus()
    json = render.FORMATS["json"]
    here = render.render_briefings(pipeline.brief_stories(documents), json)
    there = render.render_briefings(pipeline.brief_stories(documents, engine=cluster), json)
    assert there == here
