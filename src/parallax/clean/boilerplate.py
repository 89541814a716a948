"""Decide which units are page furniture, and why.

Three kinds of evidence combine. Lexicon cues (``cues``) say what a line
looks like it is for; shape (``shape.is_prose``) says whether it reads like a
sentence; position says whether it comes after the story's last sentence,
where pages pile their forms, adverts and link lists. Prose is only dropped
on strong lexical evidence, fragments inside the story (section headings)
only on a clear cue or when they form a menu (a run of short lines), and
fragments after the story always: that region is removed block by block,
each with the reason of its strongest cue. Layout extends a verdict to a
whole widget (``widgets``: a box between rule lines, a weak line under a
notice), and the byline's name marks the author's closing bio (``authors``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.clean.authors import author_names, is_author_bio
from parallax.clean.blocks import Unit
from parallax.clean.cues import URLISH, strongest_cue
from parallax.clean.shape import is_prose, normalise_line, words
from parallax.clean.widgets import widget_verdicts
from parallax.model import Removal
from parallax.options import DEFAULT_OPTIONS, CleanOptions

__all__ = ["find_boilerplate", "removals"]



def _own_reason(unit: Unit, prose: bool, repeated: frozenset[str], options: CleanOptions
                ) -> tuple[str | None, int]:
    cue = strongest_cue(unit.text)
    reason, score = (cue.reason, cue.score) if cue else (None, 0)
    if not prose and normalise_line(unit.text) in repeated:
        return reason or "repeated", score + options.repeated_score
    return reason, score


def _trailing_reason(index: int, reasons: list[str | None], unit: Unit, options: CleanOptions
                     ) -> str:
    before = next((r for r in reversed(reasons[:index]) if r), None)
    after = next((r for r in reasons[index + 1:] if r), None)
    if before and before == after:
        return before
    if len(words(unit.text)) >= options.headline_min_words:
        return "related"
    return before or after or "trailing"


def _menus(units: Sequence[Unit], fragment: Sequence[bool], story_start: int,
           options: CleanOptions) -> list[int]:
    """Indices of kept fragments that form menus: long runs of menu-short lines."""
    found: list[int] = []
    start = 0
    for index, is_fragment in enumerate([*fragment, False]):
        if is_fragment:
            continue
        run = range(start, index)
        lengths = sorted(len(words(units[i].text)) for i in run)
        needed = options.menu_run if start < story_start else options.body_menu_run
        if len(run) >= needed and lengths[len(lengths) // 2] <= options.menu_item_words:
            end = index
            while end > start and len(words(units[end - 1].text)) >= options.headline_min_words:
                end -= 1  # the story's headline right after the menu stays
            found.extend(range(start, end))
        start = index + 1
    return found


def _author_bios(units: Sequence[Unit], verdicts: list[str | None], author: str | None) -> None:
    """Mark the author's bio note, once the bylines that name the author are known."""
    names = author_names((u.text for u, v in zip(units, verdicts, strict=True) if v == "byline"),
                         author)
    for index, unit in enumerate(units):
        if names and verdicts[index] is None and is_author_bio(unit.text, names):
            verdicts[index] = "bio"


def _address(text: str) -> str:
    """An address without scheme, ``www.`` and trailing slash: the same page however written."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip().lower()).rstrip("/")


def _keep_printed_links(units: Sequence[Unit], verdicts: list[str | None],
                        page_url: str | None) -> None:
    """Keep the bare addresses a story prints as lines of its own.

    In text an extractor cut down to the story, a line that is nothing but an
    address is what the story points to (a source, each item of a product
    list): its contact cue says it is an address, not that it is furniture.
    The page's own address is the exception: printed under the story, it is
    the print or share footer.
    """
    own = _address(page_url) if page_url else None
    for index, unit in enumerate(units):
        text = unit.text.strip()
        if verdicts[index] == "contact" and URLISH.fullmatch(text) and _address(text) != own:
            verdicts[index] = None


def find_boilerplate(units: Sequence[Unit], repeated: frozenset[str],
                     author: str | None = None, *, by_position: bool = True,
                     page_url: str | None = None,
                     options: CleanOptions = DEFAULT_OPTIONS.clean) -> list[str | None]:
    """For each unit, the reason it is boilerplate, or None to keep it.

    ``author`` (the document's author field, if any) helps recognise the
    author's bio note alongside the names in byline lines. ``by_position``
    False keeps menus and whatever follows the story's last sentence unless
    they carry cues of their own: for text an extractor already cut down to
    the story, where such lines are lists and tables of the story itself, and
    where a bare address other than ``page_url`` (the page's own) stays.
    """
    prose = [is_prose(unit.text) for unit in units]
    evidence = [_own_reason(u, p, repeated, options) for u, p in zip(units, prose, strict=True)]
    cued = [reason for reason, _ in evidence]
    verdicts = widget_verdicts(units, [
        reason if score >= (options.prose_min_score if p else options.fragment_min_score)
        else None for (reason, score), p in zip(evidence, prose, strict=True)
    ], cued, options=options)
    _author_bios(units, verdicts, author)
    if not by_position:
        _keep_printed_links(units, verdicts, page_url)
        return verdicts
    content = [i for i, p in enumerate(prose) if p and verdicts[i] is None]
    if not content:
        return verdicts
    fragment = [v is None and not p for v, p in zip(verdicts, prose, strict=True)]
    for index in _menus(units, fragment, content[0], options):
        verdicts[index] = cued[index] or "navigation"
    for index in range(content[-1] + 1, len(units)):
        if verdicts[index] is None:
            verdicts[index] = cued[index] or _trailing_reason(index, cued, units[index], options)
    return verdicts


def removals(
    source: str, units: Sequence[Unit], verdicts: Sequence[str | None]
) -> tuple[Removal, ...]:
    """Adjacent removed units with the same reason, merged into one ``Removal`` each."""
    merged: list[Removal] = []
    previous: str | None = None
    for unit, reason in zip(units, verdicts, strict=True):
        if reason is not None and reason == previous and merged:
            last = merged[-1]
            merged[-1] = Removal(source[last.start:unit.end], reason, last.start, unit.end)
        elif reason is not None:
            merged.append(Removal(source[unit.start:unit.end], reason, unit.start, unit.end))
        previous = reason
    return tuple(merged)
