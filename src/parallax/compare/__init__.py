"""Cross-article stages: claims, conflicts, summary, timeline, outlets, claim checks.

``vector_needs`` tells analysis which sentence vectors these stages will read
(``record_needs``, once the records are there).
"""

from parallax.compare.needs import record_needs, vector_needs

__all__ = ["record_needs", "vector_needs"]
