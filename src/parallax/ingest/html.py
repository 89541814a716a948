"""HTML pages: main text and metadata through trafilatura.

The source that offsets point into is the text trafilatura extracts (with
its paragraph breaks), not the markup: a reader checks words, not tags. The
page's markup then repairs that text: story sections trafilatura skipped are
put back (``sections``), lines that were links on the page (teasers of other
stories) go (``links``), and so do the headline and standfirst copied into
the body (``headline``; they are metadata). The page itself stays on
``Document.html``.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from parallax.ingest.cards import drop_inline_cards
from parallax.ingest.embeds import restore_embeds
from parallax.ingest.headline import drop_headline
from parallax.ingest.links import drop_link_lines
from parallax.ingest.metadata import guess_outlet, iso_date
from parallax.ingest.sections import restore_sections
from parallax.lang import pack_for
from parallax.model import Document
from parallax.options import DEFAULT_OPTIONS

__all__ = ["HTML_TYPES", "NoArticleText", "flatten_deep_nesting", "html_document",
           "looks_like_html"]

# The media types a server or a crawl labels a page with (a WARC record, a fetched URL).
HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_MARKERS = re.compile(r"<(?:!doctype html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)


_PARSER = lxml_html.HTMLParser(encoding="utf-8")
# Tables are story content (results, standings, figures). Among trafilatura's
# settings, recall-oriented extraction without its fallback extractors scored
# best on the extraction development pages (shingle F1 0.955 before the
# repairs below, vs 0.945 for the defaults with tables: the fallbacks swap in
# worse text on a few pages). ``bench/extraction.py --cv`` re-picks it with
# pages held out.
_TRAFILATURA_SETTINGS: dict[str, Any] = {"include_tables": True, "favor_recall": True, "fast": True}
# When those settings find almost no text (a reprint notice, a caption),
# trafilatura runs again leaning on recall with its fallback extractors
# (readability, jusText), and the longer text wins when it is at least twice
# as long: a page whose markup the first pass misreads still yields its story.
SHORT_BODY_WORDS = DEFAULT_OPTIONS.ingest.short_body_words
_RETRY_SETTINGS: dict[str, Any] = {"include_tables": True, "favor_recall": True}


# A page nested 10,000 divs deep looked empty: libxml2 stops at 256 levels.
_MAX_WRAPPER_DEPTH = DEFAULT_OPTIONS.ingest.max_wrapper_depth
_WRAPPER_TAG = re.compile(r"<(/?)(?:div|span|section|article|main|font|center)\b[^>]*?(/?)>",
                          re.IGNORECASE)


class NoArticleText(ValueError):
    """The page has no extractable main text."""


def looks_like_html(text: str) -> bool:
    return bool(_HTML_MARKERS.search(text[:4096]))


def flatten_deep_nesting(html: str) -> str:
    """``html`` with wrapper tags deeper than ``_MAX_WRAPPER_DEPTH`` removed, text kept.

    One linear pass; a page that never nests that deep is returned as it is.
    """
    kept: list[bool] = []
    cuts: list[tuple[int, int]] = []
    for tag in _WRAPPER_TAG.finditer(html):
        if tag.group(2):  # self-closing: no level
            continue
        if not tag.group(1):
            keep = len(kept) < _MAX_WRAPPER_DEPTH
            kept.append(keep)
        elif kept:
            keep = kept.pop()
        else:
            continue
        if not keep:
            cuts.append(tag.span())
    if not cuts:
        return html
    pieces, last = [], 0
    for start, end in cuts:
        pieces.append(html[last:start])
        last = end
    pieces.append(html[last:])
    return "".join(pieces)


def _parse(html: str) -> etree._Element | None:
    """The page as a tree of its own: trafilatura prunes the tree it is given.

    Parsed from UTF-8 bytes, which lxml accepts with an XML encoding
    declaration on top, where it refuses such a ``str``.
    """
    try:
        return lxml_html.document_fromstring(html.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def html_document(doc_id: str, path: str, html: str, *, url: str | None = None) -> Document:
    """A Document from a page; raises ``NoArticleText`` when trafilatura finds no body."""
    import trafilatura

    page_html = html
    html = flatten_deep_nesting(html)

    def extract(settings: dict[str, Any]) -> tuple[Any, int]:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, deduplicate=False,
            **settings,
        )
        return found, len((getattr(found, "text", None) or "").split())

    extracted, words = extract(_TRAFILATURA_SETTINGS)
    if words < SHORT_BODY_WORDS:
        retried, more = extract(_RETRY_SETTINGS)
        if more >= 2 * words:
            extracted = retried

    def meta(name: str) -> str | None:
        value = getattr(extracted, name, None)
        return str(value).strip() or None if value else None

    body = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    page = _parse(html)
    if page is not None:
        body = drop_inline_cards(page, restore_sections(page, body))
        body = restore_embeds(page, drop_link_lines(page, body))
    body = drop_headline(body, meta("title"), meta("description"))
    if not body.strip():
        raise NoArticleText("no article text found in the HTML page")

    published = meta("date")
    # trafilatura separates paragraphs by single newlines; parallax's cleaner
    # treats blank lines as paragraph breaks, so double them here.
    source = re.sub(r"\n+", "\n\n", body.strip())
    return Document(
        id=doc_id,
        path=path,
        source=source,
        outlet=meta("sitename") or meta("hostname") or guess_outlet(path),
        title=meta("title"),
        published=iso_date(published, pack_for(meta("language"))) if published else None,
        url=url or meta("url"),
        author=meta("author"),
        language=meta("language"),
        html=page_html,
    )
