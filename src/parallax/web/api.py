"""The JSON API: the store's stories, briefings (``parallax.briefing/1``), articles
(``parallax.document/1`` with the source text), search, actors, claim checks
(``parallax.check/1``) and, when the server allows it, uploads.

Payloads come from ``render.payloads``, the same functions the command line
prints, so ``curl /api/stories/ID`` and ``parallax show ID --format json`` give
the same object. FastAPI describes the routes at ``/openapi.json``.
"""

# No ``from __future__ import annotations``: FastAPI reads the routes' annotations
# at run time, and their bounds come from ``options`` (a closure it could not see).
from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from parallax.options import Options
from parallax.render.payloads import briefing_payload, check_payload, document_payload
from parallax.store.reader import StoreReader, StoryOrder
from parallax.web.pages import check_claim, iso_date
from parallax.web.security import require_token
from parallax.web.sink import ArticleSink
from parallax.web.upload import read_upload

__all__ = ["CheckRequest", "UploadRule", "api_routes"]

Json = dict[str, Any]


class CheckRequest(BaseModel):
    """``POST /api/check``: a story and one claim, or a list of claims."""

    story: str
    claim: str | None = None
    claims: list[str] | None = None


@dataclass(frozen=True, slots=True)
class UploadRule:
    """How uploads are allowed: where they go, the token they need, the byte limit."""

    sink: ArticleSink
    token: str
    max_bytes: int


def api_routes(reader: StoreReader, options: Options, upload: UploadRule | None) -> APIRouter:
    """The ``/api`` routes over ``reader``; ``upload`` None leaves uploads off (403)."""
    from parallax import pipeline

    router = APIRouter(prefix="/api")
    limits = options.web
    Rows = Annotated[int, Query(ge=1, le=limits.max_list)]

    @router.get("/stories", summary="Stories, newest or most sources first")
    def stories(order: StoryOrder = "newest", outlet: str | None = None,
                since: str | None = None, until: str | None = None, q: str | None = None,
                limit: Rows = 50,
                offset: Annotated[int, Query(ge=0)] = 0) -> Json:
        rows = reader.stories(order=order, outlet=outlet or None,
                              since=iso_date(since, "since"), until=iso_date(until, "until"),
                              query=(q or "").strip() or None, limit=limit, offset=offset)
        return {"stories": [asdict(r) for r in rows], "limit": limit, "offset": offset}

    @router.get("/stories/{story_id:path}", summary="A story's briefing (parallax.briefing/1)")
    def story(story_id: str) -> Json:
        briefing = reader.briefing(story_id)
        if briefing is None:
            raise HTTPException(404, "no story with this id")
        return briefing_payload(briefing)

    @router.get("/articles/{article_id:path}",
                summary="An article (parallax.document/1, with its source text)")
    def article(article_id: str) -> Json:
        found = reader.article(article_id)
        if found is None:
            raise HTTPException(404, "no article with this id")
        payload = document_payload([found])
        assert isinstance(payload, dict)
        return {**payload, "source": found.document.source}

    @router.get("/search", summary="Full-text search over article texts")
    def search(q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Rows = 50) -> Json:
        return {"query": q, "hits": [asdict(h) for h in reader.search(q.strip(), limit=limit)]}

    @router.get("/actors/{name:path}", summary="What a person or body said, across stories")
    def actor(name: str) -> Json:
        return {"name": name, "statements": [
            {"story": a.story_id, "article": a.article_id, "outlet": a.outlet,
             "published": a.published, **a.quote.to_dict()} for a in reader.actor(name)]}

    @router.post("/check", summary="Each article of a story on a claim (parallax.check/1)")
    def check(request: CheckRequest) -> Json:
        if (request.claim is None) == (request.claims is None):
            raise HTTPException(400, "give a claim or a list of claims")
        claims = [check_claim(c, limits.max_claim_chars)
                  for c in (request.claims or [request.claim or ""])]
        if len(claims) > limits.max_claims:
            raise HTTPException(400, f"at most {limits.max_claims} claims a request")
        if reader.story(request.story) is None:
            raise HTTPException(404, "no story with this id")
        results = pipeline.check(claims, reader.documents(request.story), options=options)
        return check_payload(results if request.claims is not None else results[0])

    @router.post("/articles", summary="Upload articles as JSON lines (off unless enabled)",
                 status_code=201)
    async def add(request: Request) -> Json:
        if upload is None:
            raise HTTPException(403, "uploads are off on this server")
        require_token(request, upload.token)
        received = await read_upload(request, upload.max_bytes)
        summary = await run_in_threadpool(upload.sink.add, received.documents)
        return {**summary, "errors": list(received.errors)}

    return router
