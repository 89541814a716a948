"""What the page repairs share: matching extracted lines to the markup.

trafilatura's text and lxml's ``text_content`` of the same paragraph differ
in spacing, punctuation glued to markup and list dashes, so lines and
elements are matched on their words alone. Links are measured in visible
characters, runs of blanks counting once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

__all__ = ["flat_text", "in_furniture", "link_share", "words", "words_key", "wrappers"]

_WORD = re.compile(r"\w+")
# Class and id words of page regions around a story, the same cues
# trafilatura prunes by; matched as whole words of the attribute.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:comments?|related|footer|sidebar|aside|recirc|promo|newsletter|teaser)"
    r"(?:$|[\s_-])", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The lowercased words of ``text``."""
    return _WORD.findall(text.lower())


def words_key(text: str) -> str:
    """A line's identity across extractors: its words, space-joined."""
    return " ".join(words(text))


def flat_text(element: etree._Element) -> str:
    """The element's text as one line, blanks collapsed."""
    return " ".join(element.text_content().split())


def link_share(element: etree._Element) -> float:
    """Share of the element's visible characters that sit inside links."""
    inside = [element] if element.tag == "a" else list(element.iter("a"))
    linked = sum(len(flat_text(link)) for link in inside)
    return linked / max(1, len(flat_text(element)))


def wrappers(elements: Iterable[etree._Element]) -> set[etree._Element]:
    """The elements and all their ancestors (given its paragraphs: the story's containers)."""
    return {node for element in elements for node in (element, *element.iterancestors())}


def in_furniture(element: etree._Element, story: set[etree._Element]) -> bool:
    """Whether the element sits in a comments, related, footer or promo region of its own.

    The walk up stops at the story's own containers (``wrappers`` of its
    paragraphs): a page that wraps everything in "content-with-sidebar" says
    nothing about one block inside it.
    """
    for node in (element, *element.iterancestors()):
        if node in story:
            return False
        if _FURNITURE.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False
