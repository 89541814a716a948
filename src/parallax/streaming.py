"""A crawl as a stream: read, clean and recognise articles block by block, keep rows only.

``parallax stories`` over a dump of a hundred thousand articles cannot hold
them: the documents and their cleaned texts are gigabytes. So the documents
are read one at a time (``ingest.iter_inputs``) and cleaned in blocks of
``CleanOptions.stream_block``: the evidence that crosses documents (lines
that recur across them, near-duplicate copies) is gathered within a block,
which for a pile smaller than a block is the whole pile, as before. The
cleaned articles flow on, one at a time, into the grouping
(``group.stories.group_articles`` reads its input as it comes); of each one
only an ``ArticleRow`` is kept, what the listing of stories shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from parallax.group.identity import recognise
from parallax.model import Article, Document, StoryState

__all__ = ["ArticleRow", "ArticleStream"]

Cleaner = Callable[[Sequence[Document]], Sequence[Article]]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What a listing of stories shows of one article, without its text.

    ``parallax stories`` over a crawl keeps one of these per article instead of
    the article itself, so its memory grows by a few hundred bytes an article.
    """

    id: str
    path: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    duplicate_of: str | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleRow:
        doc = article.document
        return cls(article.id, doc.path, doc.outlet, doc.title, doc.published, doc.url,
                   article.duplicate_of)


@dataclass
class ArticleStream:
    """Cleaned articles of ``documents``, renamed as ``state`` needs, one at a time.

    ``clean`` cleans one block of documents (``pipeline.clean_documents`` with
    the run's options and engine). While ``articles()`` is read, ``rows``,
    ``notes`` and ``adopted`` fill: the rows of the articles given, the notes
    of the ones renamed (``group.identity``), and the fingerprints that an
    old state's articles take on (``finish`` puts them into the state).
    """

    documents: Iterable[Document]
    clean: Cleaner
    block: int
    state: StoryState | None = None
    rows: list[ArticleRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    adopted: dict[str, str] = field(default_factory=dict)

    def articles(self) -> Iterator[Article]:
        for block in _blocks(self.documents, self.block):
            known = recognise(self.clean(block), self.state)
            self.notes.extend(known.notes)
            if known.state is not None and self.state is not None:
                fresh = known.state.fingerprints
                self.adopted.update({k: v for k, v in fresh.items()
                                     if k not in self.state.fingerprints})
            for article in known.articles:
                self.rows.append(ArticleRow.of(article))
                yield article

    def finish(self, grouped: StoryState) -> StoryState:
        """``grouped`` with the fingerprints the known articles adopted."""
        if not self.adopted:
            return grouped
        return replace(grouped, fingerprints={**self.adopted, **grouped.fingerprints})


def _blocks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    block: list[Document] = []
    for document in documents:
        block.append(document)
        if len(block) >= size:
            yield block
            block = []
    if block:
        yield block
