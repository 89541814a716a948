"""A briefing as one self-contained HTML page; several as an index page of them.

Every citation is a plain link to ``#ev-N``, a ``<mark>`` drawn in the
original text of the article further down the page, and CSS ``:target``
lights it up: checking a line needs no JavaScript, no network and no server.
The template autoescapes everything; this module only prepares the view and
cuts each source text into mark tokens. Several stories' briefings make one
page that lists them and shows each story's page in its own frame
(``srcdoc``), so the citation anchors of different stories cannot collide.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from parallax.model import Briefing
from parallax.options import DEFAULT_OPTIONS, RenderOptions
from parallax.render.marks import mark_tokens, split_evidence
from parallax.render.view import briefing_view

__all__ = ["render_html", "render_stories_html"]


@cache
def _template(name: str) -> Template:
    environment = Environment(
        loader=PackageLoader("parallax.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template(name)


def render_html(briefing: Briefing, *, options: RenderOptions = DEFAULT_OPTIONS.render,
                links: Sequence[tuple[str, str]] = ()) -> str:
    """The briefing page: sections in briefing order, then each source with its marks.

    ``links`` are (label, href) pairs shown above the title, for a page served
    among others (the web app's way back to its lists); a file has none.
    """
    view = briefing_view(briefing, options=options)
    texts = {s.number: mark_tokens(s.article.document.source, s.marks) for s in view.sources}
    split = sorted(set().union(*map(split_evidence, texts.values())))
    return _template("briefing.html.j2").render(view=view, texts=texts, split=split,
                                                links=links)


def render_stories_html(briefings: Sequence[Briefing]) -> str:
    """One page for several stories: a numbered list, then each story's page in a frame."""
    stories = [(b.stories[0], render_html(b)) for b in briefings]
    return _template("stories.html.j2").render(stories=stories)
