"""Lines of the extracted body that were links on the page.

Teasers of other stories ("Read more: ...", related headlines, video
lists, app and newsletter prompts) survive trafilatura when they sit inside
the article container, and the text cleaner cannot tell a teaser headline
from a subheading once the markup is gone. The page can: a teaser is link
text from end to end, a subheading or a sentence is not.
"""

from __future__ import annotations

from lxml import etree

from parallax.ingest.markup import link_share, words_key
from parallax.options import DEFAULT_OPTIONS

__all__ = ["drop_link_lines"]

# Share of a line's characters inside <a> from which it is a link, not text.
# On the extraction development pages F1 is flat from 0.7 to 0.8 (0.971),
# lower values start eating sentences with a linked phrase in them.
_LINK_SHARE = DEFAULT_OPTIONS.ingest.link_share
# Shorter link lines are labels the story uses ("[Reuters]", "More:"), and
# dropping them from the middle of a list costs more than it saves. Not tuned.
_MIN_WORDS = DEFAULT_OPTIONS.ingest.min_link_words
# Longer elements are containers, never one line of the body.
_MAX_CHARS = DEFAULT_OPTIONS.ingest.max_link_chars


def _link_shares(root: etree._Element, wanted: set[str]) -> dict[str, float]:
    """Link share of the elements whose words are a ``wanted`` line; outermost element first."""
    shares: dict[str, float] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        text = element.text_content()
        if len(text) <= _MAX_CHARS and (key := words_key(text)) in wanted and key not in shares:
            shares[key] = link_share(element)
    return shares


def drop_link_lines(root: etree._Element, body: str) -> str:
    """``body`` (one paragraph a line) without lines that are links on the page ``root``.

    A body made of nothing but links stays whole: what it is is not for this
    step to say.
    """
    lines = body.split("\n")
    shares = _link_shares(root, {words_key(line) for line in lines
                                 if len(line.split()) >= _MIN_WORDS})
    kept = [line for line in lines if shares.get(words_key(line), 0.0) < _LINK_SHARE]
    return "\n".join(kept) if any(line.strip() for line in kept) else body
