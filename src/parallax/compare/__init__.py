"""Cross-article stages: claims, conflicts, summary, timeline, outlets, claim checks.

``vector_needs`` tells analysis which sentence vectors these stages will read.
"""

from parallax.compare.needs import vector_needs

__all__ = ["vector_needs"]
