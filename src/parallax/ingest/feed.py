"""RSS 2.0 and Atom feed files: one Document per item.

An item's text is its content (or, without one, its summary), read as HTML
through the same extraction as a page, with the item's title, link, date and
author as metadata and the feed's title as outlet. A feed often carries only
a teaser, so when the item's page is in the same input set (a WARC record or
a file with that URL), ``read_inputs`` keeps the page and drops the item
(``page_key`` is what they are matched on).
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from parallax.errors import InputError
from parallax.ingest.html import NoArticleText, html_document
from parallax.model import Document

__all__ = ["feed_documents", "looks_like_feed", "page_key"]

_FEED_SIGN = re.compile(r"<rss[\s>]|<feed\s[^>]*xmlns\s*=\s*[\"']http://www\.w3\.org/2005/Atom",
                        re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """Whether the text opens an RSS or Atom document (in its first 4 KiB)."""
    return bool(_FEED_SIGN.search(text[:4096]))


def page_key(url: str) -> str:
    """A URL as pages are matched: the host in lower case without ``www.``, no scheme
    (a feed often links ``http://www.`` to a page crawled as ``https://``), no
    fragment, no final slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("", host, parts.path.rstrip("/"), parts.query, "")).removeprefix("//")


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


# RSS writes an author as an e-mail address with the name in brackets, and
# feedparser splits that wrongly when the domain ends in a long suffix, so
# the raw value is split here: ``desk@news.example (Ann Lee)``, also with the
# address in brackets after the name (as feedparser joins Atom's name and email).
_MAIL_NAME = re.compile(r"^\S+@\S+\s*\((?P<a>[^()]+)\)$|^(?P<b>[^()]+?)\s*\(\S+@\S+\)$")


def _author(entry: Any) -> str | None:
    raw = _text(entry.get("author"))
    if raw is None or (found := _MAIL_NAME.match(raw)) is None:
        return None if raw is None or re.fullmatch(r"\S+@\S+", raw) else raw
    return (found.group("a") or found.group("b")).strip()


def _body(entry: Any) -> str | None:
    contents = entry.get("content") or []
    longest = max((c.get("value") or "" for c in contents), key=len, default="")
    return _text(longest) or _text(entry.get("summary"))


def feed_documents(path: str, text: str, id_base: str) -> Iterator[Document | InputError]:
    """Yield a Document per item with text and an InputError per item without.

    An item's path is ``PATH:N`` (the N-th item) and its id ``ID_BASE-N``.
    """
    import feedparser

    # A stream, never a string: feedparser fetches a string that is a URL and
    # opens one that names a file, which would read what the user never gave.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no items"
        yield InputError(path, f"feed without readable items ({reason})")
        return
    outlet = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path}:{number}"
        body = _body(entry)
        if body is None:
            yield InputError(where, "feed item without content or summary")
            continue
        link = _text(entry.get("link"))
        try:
            doc = html_document(f"{id_base}-{number}", where,
                                f"<html><body><article>{body}</article></body></html>", url=link)
        except NoArticleText:
            yield InputError(where, "no article text in the feed item")
            continue
        yield replace(doc, title=_text(entry.get("title")) or doc.title,
                      outlet=outlet or doc.outlet, published=_published(entry) or doc.published,
                      author=_author(entry) or doc.author, url=link)
