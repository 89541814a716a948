"""The actors attributions that are no statements speak of, across a briefing.

Speakers of statements are resolved by ``parallax.analyze.actors``, which
also decides which actors a briefing has. An attribution (``Attribution``:
a topic, a plan, a refusal, ...) never adds an actor: its speaker is the
actor the same mention, or the same name, already speaks as in a statement
of its article, else the one actor of that name or alias, else None with the
mention as written. So the briefing's actors, quotes and everything read
from them stay what they are without the attributions.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from parallax.analyze._actor_names import name_key
from parallax.model import Actor, AnalyzedArticle, Attribution, Quote

__all__ = ["attribution_speakers"]

_Key = TypeVar("_Key", bound=Hashable)


def _unique(pairs: Iterable[tuple[_Key, str]]) -> dict[_Key, str | None]:
    """Each key's value, None for a key given two different values."""
    found: dict[_Key, str | None] = {}
    for key, value in pairs:
        found[key] = value if found.get(key, value) == value else None
    return found


def attribution_speakers(analyzed: Sequence[AnalyzedArticle], quotes: Sequence[Quote],
                         actors: Sequence[Actor]) -> tuple[Attribution, ...]:
    """Every article's attributions, with ``speaker`` an actor id or None.

    ``quotes`` are the statements ``resolve_actors`` returned for ``analyzed``,
    in its order (each article's quotes in turn), with actor ids as speakers.
    """
    raw = [q for item in analyzed for q in item.quotes]
    said = [(q, r.speaker) for q, r in zip(raw, quotes, strict=True) if r.speaker]
    by_mention = _unique(((q.article, q.speaker_span.clean_start, q.speaker_span.clean_end), who)
                         for q, who in said if q.speaker_span is not None)
    by_name = _unique(((q.article, q.speaker), who) for q, who in said if q.speaker)
    by_actor = _unique((name_key(name), a.id) for a in actors for name in (a.name, *a.aliases))

    def actor(attribution: Attribution) -> str | None:
        mention, name = attribution.speaker_span, attribution.speaker
        if mention is not None and (who := by_mention.get(
                (attribution.article, mention.clean_start, mention.clean_end))):
            return who
        if not name:
            return None
        return by_name.get((attribution.article, name)) or by_actor.get(name_key(name))

    return tuple(replace(a, speaker=actor(a)) for item in analyzed for a in item.attributions)
