"""Stories split across several copies of the same body container.

Many page templates cut an article into sections, each in its own container
with the body's class, with adverts or rails between them. trafilatura keeps
the first section it scores best and drops the rest, so readers get half a
story. The template itself is the evidence: the paragraphs trafilatura did
keep sit in a container of some tag and class, and every other container of
exactly that tag and class on the page holds more of the same story.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from parallax.ingest.markup import flat_text, in_furniture, words_key, wrappers
from parallax.options import DEFAULT_OPTIONS

__all__ = ["restore_sections"]

# A section container must hold at least this much prose before it is
# believed: a lone caption or credit in a look-alike container is not story.
# Conservative guess, not tuned: one short sentence.
_MIN_SECTION_CHARS = DEFAULT_OPTIONS.ingest.min_section_chars

_Signature = tuple[str, str]


def _signature(element: etree._Element | None) -> _Signature | None:
    """Tag and class of a container; a class-less container is no template evidence."""
    if element is None or not isinstance(element.tag, str):
        return None
    classes = " ".join(str(element.get("class", "")).split())
    return (element.tag, classes) if classes else None


def _body_signature(paragraphs: list[etree._Element]) -> _Signature | None:
    """The container signature of most paragraphs trafilatura kept."""
    votes = Counter(signature for p in paragraphs
                    if (signature := _signature(p.getparent())) is not None)
    return votes.most_common(1)[0][0] if votes else None


def _sections(root: etree._Element, signature: _Signature, story: set[etree._Element]
              ) -> list[list[str]]:
    """The paragraph texts of every container with the body's signature, in page order."""
    sections = []
    for container in root.iter(signature[0]):
        if _signature(container) != signature or in_furniture(container, story):
            continue
        texts = [text for p in container.iterchildren("p") if (text := flat_text(p))]
        sections.append(texts)
    return sections


def restore_sections(root: etree._Element, body: str) -> str:
    """``body`` (one paragraph a line) with the sections of page ``root`` it lacks put back.

    Only sections of which trafilatura kept nothing come back, whole: within
    a section it did read, its choices stand. A missing section goes right
    after the last kept line of the section before it (or before the first
    kept line when it opens the story), so the story reads in page order.
    """
    lines = body.split("\n")
    kept = {words_key(line) for line in lines if line.strip()}
    paragraphs = [p for p in root.iter("p") if words_key(flat_text(p)) in kept]
    signature = _body_signature(paragraphs)
    if signature is None:
        return body
    sections = _sections(root, signature, wrappers(paragraphs))
    if len(sections) < 2:
        return body
    where = {key: index for index, line in reversed(list(enumerate(lines)))
             if (key := words_key(line))}
    after: dict[int, list[str]] = {}
    anchor = -1
    for section in sections:
        keys = [words_key(text) for text in section]
        if any(key in kept for key in keys):
            anchor = max(anchor, *(where.get(key, -1) for key in keys))
        elif sum(map(len, section)) >= _MIN_SECTION_CHARS:
            after.setdefault(anchor, []).extend(section)
    if not after:
        return body
    out = after.get(-1, [])
    for index, line in enumerate(lines):
        out += [line, *after.get(index, [])]
    return "\n".join(out)
