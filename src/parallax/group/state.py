"""The grouping state: the records live in ``parallax.model`` with every other record.

Grouping (``parallax.group.stories``) builds and continues a ``StoryState``;
this module names what it reads of the state so ``parallax.group.state``
imports keep working.
"""

from __future__ import annotations

from parallax.model import NAME_DIMENSIONS, STATE_SCHEMA, TERM_DIMENSIONS, StoryGroup, StoryState

__all__ = ["NAME_DIMENSIONS", "STATE_SCHEMA", "TERM_DIMENSIONS", "StoryGroup", "StoryState"]
