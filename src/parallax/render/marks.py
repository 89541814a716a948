"""Cut a source text into text runs and ``<mark>`` open/close tokens.

Evidence spans may nest (a quote inside a summary sentence) or cross (a claim
that starts inside one sentence and ends inside the next). HTML elements must
nest, so marks open longest-first and, when a mark ends while marks opened
inside it go on, those are closed with it and reopened right after as
*continuations*: the first piece of a span carries its ``id`` (the anchor a
citation links to), continuations carry only its number so CSS can light
them up together. The tokens hold plain strings; escaping is left to the
template, which autoescapes everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from parallax.render.citations import MarkedSpan

__all__ = ["MarkToken", "mark_tokens", "split_evidence"]


@dataclass(frozen=True, slots=True)
class MarkToken:
    """``text`` carries source characters; ``open`` and ``close`` a mark."""

    kind: Literal["text", "open", "close"]
    text: str = ""
    evidence: int = 0
    first: bool = False


def _order(span: MarkedSpan) -> tuple[int, int, int]:
    # Longest-lasting outermost, so a mark that must end early is innermost
    # and closes without splitting the others.
    return (-span.end, span.start, span.evidence)


def mark_tokens(source: str, spans: Sequence[MarkedSpan]) -> list[MarkToken]:
    """Tokens that rebuild ``source`` exactly, with every span as a mark.

    Offsets are clamped to the text, so a span that overshoots a truncated
    source still renders (shortened) instead of breaking the page.
    """
    size = len(source)
    clamped = [MarkedSpan(min(max(s.start, 0), size), min(max(s.end, s.start, 0), size),
                          s.evidence) for s in spans]
    empty = [s for s in clamped if s.start == s.end]
    ranged = [s for s in clamped if s.start < s.end]
    bounds = sorted({0, size, *(s.start for s in clamped), *(s.end for s in clamped)})
    tokens: list[MarkToken] = []
    stack: list[MarkedSpan] = []
    for here, after in zip(bounds, [*bounds[1:], size], strict=True):
        ending = [i for i, span in enumerate(stack) if span.end <= here]
        if ending:
            # Close down to the outermost mark that ends here; marks opened
            # inside it that go on are reopened as continuations.
            survivors = sorted((s for s in stack[ending[0]:] if s.end > here), key=_order)
            tokens.extend(MarkToken("close") for _ in stack[ending[0]:])
            tokens.extend(MarkToken("open", evidence=s.evidence) for s in survivors)
            stack = stack[:ending[0]] + survivors
        starting = sorted((s for s in ranged if s.start == here), key=_order)
        tokens.extend(MarkToken("open", evidence=s.evidence, first=True) for s in starting)
        stack += starting
        for span in empty:
            if span.start == here:
                tokens += [MarkToken("open", evidence=span.evidence, first=True),
                           MarkToken("close")]
        if after > here:
            tokens.append(MarkToken("text", source[here:after]))
    # The last bound is the end of the text, where no span is open: the
    # stack is empty and every mark has been closed.
    return tokens


def split_evidence(tokens: Sequence[MarkToken]) -> frozenset[int]:
    """Evidence numbers drawn in more than one piece (they need extra CSS)."""
    return frozenset(t.evidence for t in tokens if t.kind == "open" and not t.first)
