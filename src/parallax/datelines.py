"""The dateline that opens a story: where it was filed, no part of what it states.

"WASHINGTON -- ", "HEMPSTEAD, N.Y. \u2014 ", "PORT MERIDANE, Corvania (LPA) - ": a
capitalised place, an optional region and agency, then a dash. Quotes skip it
before a story's first statement; claims, summary lines and timeline entries
leave it out of the text they show. One pattern, so every stage agrees on what
a dateline is.
"""

from __future__ import annotations

import re

__all__ = ["DATELINE", "without_dateline"]

# Unanchored, for ``DATELINE.match(text, start, end)`` at a sentence's start. A
# plain hyphen needs a space after it, so "U.S.-backed" is no dateline.
DATELINE = re.compile(r"[A-Z][A-Z.'\- ]*[A-Z.](?:,\s*[A-Z][A-Za-z.' ]{1,30})?"
                      r"\s*(?:\([A-Za-z .]{1,20}\))?\s*(?:(?:--|[\u2013\u2014\u2015])\s*|-\s+)")


def without_dateline(text: str) -> str:
    """``text`` without the dateline that opens it, for a line shown alone."""
    found = DATELINE.match(text)
    return text[found.end():] if found else text
