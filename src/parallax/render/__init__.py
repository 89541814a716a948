"""Briefings for people: Markdown for a terminal, one self-contained HTML page.

Both formats lay out the same view (``view.briefing_view``), so they agree on
every line and on which source each ``[n]`` names; JSON is
``Briefing.to_json`` and needs no renderer.
"""

from parallax.render.html import render_html
from parallax.render.markdown import (
    render_check_markdown,
    render_markdown,
    render_quotes_markdown,
    render_stories_markdown,
)

__all__ = [
    "render_check_markdown",
    "render_html",
    "render_markdown",
    "render_quotes_markdown",
    "render_stories_markdown",
]
