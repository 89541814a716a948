"""URL lists (``--urls FILE``): each page fetched with httpx, bounded, and read as a file would be.

Fetching is optional (the ``[fetch]`` extra) and careful, since the list
comes from elsewhere: connect, read and total timeouts, a body limit
enforced while streaming (a server may lie about its length or send no
length), a bounded number of redirects followed by hand so that every
target is checked again, and hosts resolving to private, loopback,
link-local or reserved addresses refused (``addresses.check_host``) unless
the user allows them. Each failed URL is one ``InputError`` naming it and
the reason; the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from parallax import __version__
from parallax.errors import InputError, UsageError
from parallax.ingest.addresses import Refused, check_host
from parallax.ingest.decode import DecodeError, decode_bytes
from parallax.ingest.html import HTML_TYPES, NoArticleText, html_document, looks_like_html
from parallax.ingest.text import text_document
from parallax.model import Document
from parallax.options import DEFAULT_OPTIONS, IngestOptions
from parallax.progress import reporter

if TYPE_CHECKING:
    import httpx

__all__ = ["fetch_documents", "read_url_list", "require_httpx"]

# What a page may be served as; anything else (images, PDFs, video) is
# refused before its body is read. No type at all is read and sniffed.
_READ_TYPES = (*HTML_TYPES, "text/plain", "")


class _Failed(Exception):
    """One URL could not be fetched; the message is the reason."""


def require_httpx() -> ModuleType:
    """The httpx module; a ``UsageError`` naming the extra when it is not installed."""
    try:
        import httpx
    except ImportError:
        raise UsageError("fetching --urls needs httpx, which is not installed",
                         hint='pip install "parallax-news[fetch]"') from None
    return httpx


def read_url_list(path: str | Path) -> tuple[str, ...]:
    """The URLs of a file, one per line; blank lines and ``#`` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the URL list ({exc})") from None
    urls = tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))
    if not urls:
        raise UsageError(f"{path}: no URLs in it", hint="one http(s) URL per line")
    return urls


def _checked(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _Failed("not an http(s) URL")
    if not allow_private:
        try:
            check_host(parts.hostname)
        except Refused as exc:
            raise _Failed(str(exc)) from None


def _body(response: httpx.Response, limit: int, deadline: float) -> bytes:
    """The response body, streamed; ``_Failed`` beyond ``limit`` bytes or past ``deadline``."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _Failed(f"body of {int(declared):,} bytes is over the limit of {limit:,} "
                      "(ingest.fetch_max_bytes)")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise _Failed(f"body over the limit of {limit:,} bytes (ingest.fetch_max_bytes)")
        if time.monotonic() > deadline:
            raise _Failed("took longer than ingest.fetch_total_seconds")
        chunks.append(chunk)
    return b"".join(chunks)


def _get(client: httpx.Client, url: str, options: IngestOptions, allow_private: bool
         ) -> tuple[str, str, bytes]:
    """(final URL, content type, body) after at most ``fetch_max_redirects`` redirects."""
    deadline = time.monotonic() + options.fetch_total_seconds
    for hop in range(options.fetch_max_redirects + 1):
        if time.monotonic() > deadline:
            raise _Failed("took longer than ingest.fetch_total_seconds")
        try:
            _checked(url, allow_private)
        except _Failed as exc:
            raise _Failed(f"redirected to {url}: {exc}" if hop else str(exc)) from None
        with client.stream("GET", url) as response:
            if response.is_redirect:
                location = response.headers.get("location")
                if not location:
                    raise _Failed(f"HTTP {response.status_code} without a Location")
                url = urljoin(url, location)
                continue
            if response.status_code != 200:
                raise _Failed(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind not in _READ_TYPES:
                raise _Failed(f"not an article page (content type {kind})")
            return url, kind, _body(response, options.fetch_max_bytes, deadline)
    raise _Failed(f"more than {options.fetch_max_redirects} redirects "
                  "(ingest.fetch_max_redirects)")


def _document(url: str, kind: str, body: bytes, doc_id: str) -> Document:
    try:
        text, _encoding = decode_bytes(body)
    except DecodeError as exc:
        raise _Failed(str(exc)) from None
    if kind in HTML_TYPES or (kind == "" and looks_like_html(text)):
        try:
            return html_document(doc_id, url, text, url=url)
        except NoArticleText as exc:
            raise _Failed(str(exc)) from None
    return text_document(doc_id, url, text)


def _doc_id(url: str) -> str:
    """The page's last path segment without its extension, else its host name."""
    parts = urlsplit(url)
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
    return segment or parts.hostname or "page"


def fetch_documents(urls: Sequence[str], *, allow_private: bool = False, progress: bool = False,
                    options: IngestOptions = DEFAULT_OPTIONS.ingest
                    ) -> Iterator[Document | InputError]:
    """Yield a Document per fetched page (its path and url: the final URL) and an
    InputError per URL that failed; ids are the URL's last path segment (the
    caller makes them unique)."""
    httpx = require_httpx()
    timeout = httpx.Timeout(options.fetch_read_seconds, connect=options.fetch_connect_seconds)
    headers = {"User-Agent": f"parallax/{__version__} (+offline briefing tool)"}
    with (reporter(progress) as report,
          httpx.Client(timeout=timeout, headers=headers, follow_redirects=False,
                       trust_env=False) as client):
        tick = report.stage("fetch", len(urls))
        for url in urls:
            try:
                final, kind, body = _get(client, url, options, allow_private)
                yield _document(final, kind, body, _doc_id(final))
            except _Failed as exc:
                yield InputError(url, str(exc))
            except httpx.TimeoutException:
                yield InputError(url, "timed out (ingest.fetch_connect_seconds, "
                                      "fetch_read_seconds)")
            except httpx.HTTPError as exc:
                yield InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})")
            finally:
                tick()
