"""The HTML pages: stories (search, filters, paging), a story's briefing, an
article with its removed boilerplate, an actor across stories, a claim check.

Each route is thin: read through the ``StoreReader``, prepare values
(``views``), render a template with autoescape on. The story page is the
briefing renderer's own page (``render.render_html``), so citations jump to
highlighted source characters exactly as in a file. Routes are plain ``def``s:
FastAPI runs them in its thread pool, so a slow store read or a claim check
does not stall the other requests.
"""

# No ``from __future__ import annotations``: FastAPI reads the routes' annotations
# at run time, and their bounds come from ``options`` (a closure it could not see).
from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from parallax.model import CheckResult, Document
from parallax.options import Options
from parallax.render import render_html
from parallax.store.reader import StoreReader, StoryOrder, StoryRow
from parallax.web.cache import PageCache
from parallax.web.views import (
    actor_href,
    article_href,
    article_pieces,
    page_href,
    removed_count,
    story_href,
    web_link,
)

__all__ = ["check_claim", "iso_date", "page", "page_routes"]


@cache
def _template(name: str) -> Template:
    environment = Environment(loader=PackageLoader("parallax.web", "templates"),
                              autoescape=True, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)
    return environment.get_template(name)


def page(template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A rendered template as an HTML response."""
    return HTMLResponse(_template(template).render(**values), status_code=status_code)


def iso_date(value: str | None, name: str) -> str | None:
    """A form's date field: empty is none; anything but YYYY[-MM[-DD]] is a 400."""
    if not value:
        return None
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and len(parts[0]) == 4
            and all(p.isdigit() and p.isascii() for p in parts)
            and all(len(p) == 2 for p in parts[1:])):
        raise HTTPException(400, f"{name} must be a date (YYYY-MM-DD), not {value!r}")
    return value


def check_claim(claim: str, longest: int) -> str:
    """The claim stripped; 400 when empty or longer than ``longest`` characters."""
    claim = claim.strip()
    if not claim or len(claim) > longest:
        raise HTTPException(400, f"a claim is 1 to {longest} characters")
    return claim


def _verdict_rows(result: CheckResult, documents: Sequence[Document]) -> list[dict[str, Any]]:
    """Each verdict with its article's title and outlet, linked to its first evidence."""
    by_id = {d.id: d for d in documents}
    rows = []
    for verdict in result.verdicts:
        doc = by_id.get(verdict.article)
        first = verdict.evidence[0] if verdict.evidence else None
        rows.append({"verdict": verdict, "title": (doc.title if doc else None) or "(untitled)",
                     "outlet": (doc.outlet if doc else None) or "",
                     "href": article_href(verdict.article, first.start if first else None,
                                          first.end if first else None)})
    return rows


def page_routes(reader: StoreReader, options: Options) -> APIRouter:
    """The HTML pages over ``reader``; ``options`` are the pipeline's (claim checks)."""
    from parallax import pipeline

    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    limits = options.web
    cache = PageCache(limits.page_cache)

    @router.get("/")
    def stories(q: str = "", outlet: str = "", since: str = "", until: str = "",
                order: StoryOrder = "newest",
                page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1
                ) -> HTMLResponse:
        form = {"q": q.strip(), "outlet": outlet, "since": iso_date(since, "since") or "",
                "until": iso_date(until, "until") or "", "order": order}
        rows = reader.stories(order=order, outlet=outlet or None, since=form["since"] or None,
                              until=form["until"] or None, query=form["q"] or None,
                              limit=limits.page_size + 1,
                              offset=(page_number - 1) * limits.page_size)
        hits = reader.search(form["q"], limit=limits.search_hits) if form["q"] else []
        return page(
            "stories.html.j2", form=form, outlets=reader.outlets(),
            stories=[{"row": r, "href": story_href(r.id)} for r in rows[:limits.page_size]],
            hits=[{"hit": h, "href": article_href(h.article_id, h.start, h.end)} for h in hits],
            previous=(page_href("/", {**form, "page": page_number - 1})
                      if page_number > 1 else None),
            next=(page_href("/", {**form, "page": page_number + 1})
                  if len(rows) > limits.page_size else None))

    @router.get("/stories/{story_id:path}/check")
    def check_form(story_id: str) -> HTMLResponse:
        return _check_page(_story(story_id), "", None)

    @router.post("/stories/{story_id:path}/check")
    def check(story_id: str,
              claim: Annotated[str, Form(max_length=4 * limits.max_claim_chars)]
              ) -> HTMLResponse:
        claim = check_claim(claim, limits.max_claim_chars)
        row, documents = _story(story_id), reader.documents(story_id)
        verdicts = _verdict_rows(pipeline.check(claim, documents, options=options)[0],
                                 documents)
        return _check_page(row, claim, verdicts)

    def _story(story_id: str) -> StoryRow:
        row = reader.story(story_id)
        if row is None:
            raise HTTPException(404, "no story with this id")
        return row

    def _check_page(row: StoryRow, claim: str, verdicts: list[dict[str, Any]] | None
                    ) -> HTMLResponse:
        return page("check.html.j2", story=row, story_href=story_href(row.id),
                    action=story_href(row.id) + "/check", claim=claim, verdicts=verdicts,
                    max_claim=limits.max_claim_chars)

    def _briefing_page(story_id: str) -> str | None:
        briefing = reader.briefing(story_id)
        if briefing is None:
            return None
        speakers = {q.speaker for q in briefing.quotes if q.speaker}
        people = [(a.name, actor_href(a.name)) for a in briefing.actors if a.id in speakers]
        links = [("← Stories", "/"), ("Check a claim", story_href(story_id) + "/check"),
                 ("JSON", "/api" + story_href(story_id)), *people]
        return render_html(briefing, options=options.render, links=links)

    @router.get("/stories/{story_id:path}")
    def story(story_id: str) -> HTMLResponse:
        row = _story(story_id)
        body = cache.get((row.id, row.updated), lambda: _briefing_page(row.id))
        if body is None:
            raise HTTPException(404, "no story with this id")
        return HTMLResponse(body)

    @router.get("/articles/{article_id:path}")
    def article(article_id: str, start: Annotated[int | None, Query(ge=0)] = None,
                end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
        found = reader.article(article_id)
        if found is None:
            raise HTTPException(404, "no article with this id")
        hit = (start, end) if start is not None and end is not None and end > start else None
        pieces = article_pieces(found, hit)
        return page("article.html.j2", article=found, doc=found.document, pieces=pieces,
                    removed=removed_count(pieces), link=web_link(found.document.url),
                    json="/api" + article_href(found.id))

    @router.get("/actors/{name:path}")
    def actor(name: str) -> HTMLResponse:
        said = reader.actor(name)
        return page("actor.html.j2", 200 if said else 404, name=name,
                    stories=len({a.story_id for a in said}),
                    said=[{"appearance": a, "story": story_href(a.story_id),
                           "article": article_href(a.article_id, a.quote.span.start,
                                                   a.quote.span.end)} for a in said])

    return router
