"""Pop-up cards hidden inside the story's paragraphs.

Some sites put a hover card inside a paragraph, next to the name it
describes: the name again, a photo and links to other stories about that
person. Hidden on screen until the mouse comes, it is plain text to an
extractor, and the sentence comes out as "Rep. Jane DoeJane DoeSenate
passes ... MORE (D-Ohio)". Inside a paragraph, an element that is a bundle
of links (several links and little else) is such a card, never the
sentence's own words: the paragraph's line is rebuilt without it.
"""

from __future__ import annotations

from lxml import etree

from parallax.ingest.markup import link_share, words_key
from parallax.options import DEFAULT_OPTIONS

__all__ = ["drop_inline_cards"]

# A card links to several stories; a sentence's own linked phrase is one
# link, and two links side by side can be "A and B". Not tuned.
_MIN_CARD_LINKS = DEFAULT_OPTIONS.ingest.min_card_links
# Share of the element's characters inside links (the rest: spaces, "|").
# Not tuned: a card is links and separators only.
_CARD_LINK_SHARE = DEFAULT_OPTIONS.ingest.card_link_share


def _is_card(element: etree._Element) -> bool:
    links = sum(1 for _ in element.iter("a"))
    return links >= _MIN_CARD_LINKS and link_share(element) >= _CARD_LINK_SHARE


def _innermost_cards(paragraph: etree._Element) -> list[etree._Element]:
    """Cards holding no smaller card: a name wrapped with its card stays outside it."""
    return [element for element in paragraph.iterdescendants()
            if _is_card(element) and not any(map(_is_card, element.iterdescendants()))]


def _text_outside(element: etree._Element, cards: list[etree._Element]) -> list[str]:
    """The element's text pieces in reading order, the cards' own text left out."""
    parts = [element.text] if element.text and isinstance(element.tag, str) else []
    for child in element:
        if not any(child is card for card in cards):
            parts += _text_outside(child, cards)
        parts += [child.tail] if child.tail else []
    return parts


def drop_inline_cards(root: etree._Element, body: str) -> str:
    """``body`` (one paragraph a line) with the lines of carded paragraphs rebuilt."""
    fixed: dict[str, str] = {}
    for paragraph in root.iter("p"):
        cards = _innermost_cards(paragraph)
        if cards:
            fixed[words_key(paragraph.text_content())] = " ".join(
                "".join(_text_outside(paragraph, cards)).split())
    if not fixed:
        return body
    return "\n".join(fixed.get(words_key(line), line) for line in body.split("\n"))
