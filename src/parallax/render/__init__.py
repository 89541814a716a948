"""What the commands print: Markdown for a terminal, one self-contained HTML page, JSON.

Markdown and HTML lay out the same view (``view.briefing_view``), so they
agree on every line and on which source each ``[n]`` names. The JSON of every
schema is built in ``payloads`` (and described by the JSON Schemas it ships);
``formats`` picks a briefing renderer by its registered name and joins
several stories' briefings.
"""

from parallax.render.formats import FORMATS, plain_text, render_briefings
from parallax.render.html import render_html, render_stories_html
from parallax.render.markdown import (
    render_briefings_markdown,
    render_check_markdown,
    render_checks_markdown,
    render_corpus_markdown,
    render_markdown,
    render_quotes_markdown,
    render_search_markdown,
    render_stories_markdown,
)
from parallax.render.payloads import (
    SCHEMAS,
    briefing_json,
    check_json,
    corpus_json,
    document_json,
    quotes_json,
    schema_text,
    search_json,
    stories_json,
)

__all__ = [
    "FORMATS",
    "SCHEMAS",
    "briefing_json",
    "check_json",
    "corpus_json",
    "document_json",
    "plain_text",
    "quotes_json",
    "render_briefings",
    "render_briefings_markdown",
    "render_check_markdown",
    "render_checks_markdown",
    "render_corpus_markdown",
    "render_html",
    "render_markdown",
    "render_quotes_markdown",
    "render_search_markdown",
    "render_stories_html",
    "render_stories_markdown",
    "schema_text",
    "search_json",
    "stories_json",
]
