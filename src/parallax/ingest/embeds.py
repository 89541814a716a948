"""Quoted posts embedded in the story.

Stories quote social-media posts by embedding them as blockquotes, often
wrapped in a container whose class says "social"; trafilatura discards such
containers as share widgets and the story loses what people said. A
blockquote that sits between two paragraphs trafilatura kept is part of the
story, whatever its wrapper: it comes back at its place.
"""

from __future__ import annotations

from lxml import etree

from parallax.ingest.markup import flat_text, in_furniture, words_key, wrappers
from parallax.options import DEFAULT_OPTIONS

__all__ = ["restore_embeds"]

# A quote shorter than this is a pull-quote fragment or an empty embed shell
# (the post itself loads by script). Not tuned: about one short sentence.
_MIN_QUOTE_CHARS = DEFAULT_OPTIONS.ingest.min_embed_quote_chars


def _lines(element: etree._Element) -> list[str]:
    """The quote's text, one line per paragraph (the post, then its signature)."""
    parts = [flat_text(p) for p in element.iter("p")]
    whole = flat_text(element)
    parts = [part for part in parts if part]
    if not parts:
        return [whole] if whole else []
    rest = whole
    for part in parts:
        rest = rest.replace(part, " ", 1)
    tail = " ".join(rest.split())
    return [*parts, tail] if tail else parts


def restore_embeds(root: etree._Element, body: str) -> str:
    """``body`` (one paragraph a line) with the blockquotes inside its story put back."""
    lines = body.split("\n")
    where = {key: index for index, line in reversed(list(enumerate(lines)))
             if (key := words_key(line))}
    text = words_key(body)
    kept = [p for p in root.iter("p") if words_key(p.text_content()) in where]
    story = wrappers(kept)
    after: dict[int, list[str]] = {}
    anchor = -1
    for element in root.iter("p", "blockquote"):
        if element.tag == "p":
            anchor = max(anchor, where.get(words_key(element.text_content()), -1))
            continue
        quote = _lines(element)
        key = words_key(" ".join(quote))
        if (0 <= anchor < len(lines) - 1 and len(key) >= _MIN_QUOTE_CHARS
                and key not in text and not in_furniture(element, story)
                and not any(a.tag == "blockquote" for a in element.iterancestors())):
            after.setdefault(anchor, []).extend(quote)
    if not after:
        return body
    out: list[str] = []
    for index, line in enumerate(lines):
        out += [line, *after.get(index, [])]
    return "\n".join(out)
