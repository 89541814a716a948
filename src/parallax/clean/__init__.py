"""Cleaning: from a document's source text to an article's readable text.

``clean_document`` drops page furniture (forms, adverts, paywall stubs,
cookie notices...), repairs flattening damage (link debris, glued words,
missing spaces, mojibake), flags truncated or paywalled stories, and keeps an
exact offset map back to the source. ``repeated_lines`` gathers the corpus
evidence that lines recurring across documents are boilerplate.
"""

from parallax.clean.corpus import repeated_lines
from parallax.clean.document import clean_document

__all__ = ["clean_document", "repeated_lines"]
