"""Which renderer a format name means, and how several stories' briefings are put together.

A briefing is rendered by the renderer registered under a versioned name
(``parallax.render.markdown.v1`` ...; ``parallax.registry``), so an options
file or a plugin can swap one in. Several stories need a joined page as
well; each shipped renderer has its own way of joining them, kept here by
the same name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parallax.errors import UsageError
from parallax.model import Article, Briefing
from parallax.registry import registry
from parallax.render.html import render_stories_html
from parallax.render.markdown import render_briefings_markdown
from parallax.render.payloads import briefing_json

__all__ = ["FORMATS", "plain_text", "render_briefings"]

# ``--format`` value -> the registered renderer it means.
FORMATS = {
    "md": "parallax.render.markdown.v1",
    "html": "parallax.render.html.v1",
    "json": "parallax.render.json.v1",
}

# Renderer name -> how that format shows several stories at once.
_SEVERAL: dict[str, Callable[[Sequence[Briefing]], str]] = {
    "parallax.render.markdown.v1": render_briefings_markdown,
    "parallax.render.html.v1": render_stories_html,
    "parallax.render.json.v1": briefing_json,
}


def render_briefings(briefings: Sequence[Briefing], renderer: str) -> str:
    """One briefing with the renderer named ``renderer``; several joined as that format does.

    Markdown lists the stories, then each briefing; HTML makes an index page
    with each story's page in its own frame; JSON keeps the first story's
    top level and adds every story's briefing (``payloads.briefing_payload``).
    """
    if len(briefings) == 1:
        text: str = registry.get("renderers", renderer)(briefings[0])
        return text
    if renderer not in _SEVERAL:
        raise UsageError(f"renderer {renderer!r} shows one story at a time",
                         hint="choose one with --story")
    return _SEVERAL[renderer](briefings)


def plain_text(articles: Sequence[Article]) -> str:
    """The cleaned text of each article, a blank line between them (``parallax extract``)."""
    return "\n\n".join(a.text for a in articles)
