"""The web app: FastAPI over a ``StoreReader``, HTML pages and a JSON API.

``create_app`` wires the pages (``pages``), the API (``api``) and the
security every response gets (``security``): the Content-Security-Policy
and the other headers, HTML error pages for the pages and JSON errors for the
API, and, only when asked, uploads (a token and a size limit). FastAPI's
interactive documentation pages load scripts from a CDN, so they are off; the
OpenAPI description stays at ``/openapi.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parallax import __version__
from parallax.errors import ParallaxError, UsageError
from parallax.model import Briefing
from parallax.options import Options
from parallax.render import render_html
from parallax.store.reader import StoreReader
from parallax.web.api import UploadRule, api_routes
from parallax.web.pages import page, page_routes
from parallax.web.security import (
    content_security_policy,
    require_same_origin,
    script_hashes,
    security_headers,
)
from parallax.web.sink import ArticleSink

__all__ = ["create_app"]


class _Headers:
    """ASGI middleware adding the same headers to every response (pages, API, errors)."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, with_headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, detail: Any) -> Response:
    """A JSON error for the API, an HTML page for a person."""
    if _is_api(request):
        return JSONResponse({"detail": detail}, status_code=status)
    message = detail if isinstance(detail, str) else "The request could not be served."
    return page("error.html.j2", status, status=status, message=message)


def _same_origin_posts(request: Request) -> None:
    """Every request that changes or computes something must come from this server's pages."""
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        require_same_origin(request)


def create_app(reader: StoreReader, *, options: Options | None = None,
               allow_upload: bool = False, token: str | None = None,
               sink: ArticleSink | None = None, max_upload_bytes: int | None = None,
               hosts: Sequence[str] | None = None) -> FastAPI:
    """The app over ``reader``: pages, ``/api``, ``/openapi.json``.

    Uploads (``POST /api/articles``) stay off unless ``allow_upload``; then
    they need ``sink`` (where documents go) and ``token`` (the bearer token
    each upload must carry), and a body over ``max_upload_bytes`` (None:
    ``options.web.max_upload_bytes``) is a 413. ``options`` are the
    pipeline's (claim checks, the briefing page) and the app's limits.
    ``hosts``, when given, are the only Host headers answered (what
    ``parallax serve`` binds to): a page of another site that resolves its own
    name to 127.0.0.1 (DNS rebinding) is refused.
    """
    options = options or Options()
    if max_upload_bytes is None:
        max_upload_bytes = options.web.max_upload_bytes
    rule = None
    if allow_upload:
        if not token or sink is None:
            raise UsageError("uploads need a token and a store to add to",
                             hint="set a token (PARALLAX_UPLOAD_TOKEN) or leave uploads off")
        if max_upload_bytes < 1:
            raise UsageError(f"the upload limit must be positive, not {max_upload_bytes}")
        rule = UploadRule(sink, token, max_upload_bytes)
    app = FastAPI(title="parallax", version=__version__, docs_url=None, redoc_url=None,
                  dependencies=[Depends(_same_origin_posts)],
                  description="Stories, briefings, articles and claim checks of a "
                              "parallax store (JSON contract parallax.briefing/1).")
    app.include_router(api_routes(reader, options, rule))
    app.include_router(page_routes(reader, options))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = _error(request, exc.status_code, exc.detail)
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, jsonable_encoder(exc.errors()) if _is_api(request) else
                      "Some parameter of this request is not valid.")

    @app.exception_handler(ParallaxError)
    async def refused(request: Request, exc: ParallaxError) -> Response:
        return _error(request, 400 if isinstance(exc, UsageError) else 500, exc.one_line())

    # The briefing page's one inline script is the only script any page runs.
    policy = content_security_policy(script_hashes([render_html(Briefing(articles=()))]))
    if hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_middleware(_Headers, headers=security_headers(policy))  # outermost: on every reply
    return app
