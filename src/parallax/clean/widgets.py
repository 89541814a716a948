"""Page widgets: furniture that spans several lines and goes as one piece.

A newsletter box, an advert or a paywall stub is a short run of lines of which
only some carry a cue ("Email Address *" does, "powered by Postwise" or
"Small groups, certified tutors." does not). The page shows which lines
belong together: rule lines ("-----", "***") frame a box, and the lines of
one block (no blank line between them) sit together. A line is dropped with
its widget only when both that layout and the cues of the lines around it
say so, and only when it is short: a real paragraph never goes down with a box.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from parallax.clean.blocks import Unit
from parallax.clean.shape import is_prose, words
from parallax.options import DEFAULT_OPTIONS, CleanOptions

__all__ = ["is_separator", "widget_verdicts"]



def is_separator(text: str, min_chars: int = DEFAULT_OPTIONS.clean.separator_min_chars) -> bool:
    """A rule line: no letter or digit, only a run of dashes, stars, equals signs..."""
    return len(text) >= min_chars and not any(char.isalnum() for char in text)


def _short(unit: Unit, options: CleanOptions) -> bool:
    return len(words(unit.text)) <= options.widget_max_words


def _boxes(units: Sequence[Unit], options: CleanOptions) -> list[tuple[int, int]]:
    """(opening rule, closing rule) index pairs of one block with a few units between."""
    rules = [i for i, unit in enumerate(units)
             if is_separator(unit.text, options.separator_min_chars)]
    return [(a, b) for a, b in pairwise(rules)
            if 1 < b - a <= options.box_max_units + 1 and units[a].block == units[b].block]


def _majority(reasons: Sequence[str | None]) -> str | None:
    """The reason most lines of a widget are cued for (the first listed on ties)."""
    counts = Counter(reason for reason in reasons if reason)
    return counts.most_common(1)[0][0] if counts else None


def _framed(units: Sequence[Unit], verdicts: list[str | None], cued: Sequence[str | None],
            options: CleanOptions) -> None:
    """Empty a box between rules when it looks like a widget throughout.

    One of its lines must be furniture on its own, most of them must carry
    some cue, and none may be long: a story section between "***" rules with
    a photo caption in it has one cued line among several uncued sentences.
    """
    for opening, closing in _boxes(units, options):
        inside = range(opening + 1, closing)
        reason = _majority([cued[i] for i in inside])
        mostly_cued = 2 * sum(1 for i in inside if cued[i]) > len(inside)
        if reason and mostly_cued and any(verdicts[i] for i in inside) \
                and all(_short(units[i], options) for i in inside):
            for index in range(opening, closing + 1):
                verdicts[index] = reason


def _neighbour_reason(index: int, units: Sequence[Unit], verdicts: Sequence[str | None],
                      cued: Sequence[str | None]) -> str | None:
    """The widget a kept fragment belongs to: a neighbour in its block dropped for its cue.

    "Accept   Manage settings" is weak evidence of a cookie notice by itself,
    and strong evidence right under one. A line between two dropped ones is
    not taken on position alone: lists of links alternate content and URLs.
    """
    unit = units[index]
    around = [verdicts[j] for j in (index - 1, index + 1)
              if 0 <= j < len(units) and units[j].block == unit.block]
    if cued[index] and cued[index] in around and not is_prose(unit.text):
        return cued[index]
    return None


def _by_neighbours(units: Sequence[Unit], verdicts: list[str | None],
                   cued: Sequence[str | None]) -> None:
    changed = True
    while changed:
        changed = False
        for index, verdict in enumerate(verdicts):
            if verdict is None:
                reason = _neighbour_reason(index, units, verdicts, cued)
                if reason:
                    verdicts[index], changed = reason, True


def _separators(units: Sequence[Unit], verdicts: list[str | None], min_chars: int) -> None:
    """Rule lines left over go with the widget they open or close, else on their own."""
    for index, unit in enumerate(units):
        if verdicts[index] is None and is_separator(unit.text, min_chars):
            following = verdicts[index + 1] if index + 1 < len(units) else None
            verdicts[index] = following or (verdicts[index - 1] if index else None) \
                or "separator"


def widget_verdicts(units: Sequence[Unit], verdicts: Sequence[str | None],
                    cued: Sequence[str | None], *,
                    options: CleanOptions = DEFAULT_OPTIONS.clean) -> list[str | None]:
    """``verdicts`` extended to whole widgets, and every rule line dropped.

    ``cued`` is each unit's strongest cue, however weak.
    """
    extended = list(verdicts)
    _framed(units, extended, cued, options)
    _by_neighbours(units, extended, cued)
    _separators(units, extended, options.separator_min_chars)
    return extended
