"""The web app over a store (``parallax serve``): pages and a JSON API. See docs/ARCHITECTURE.md."""

from parallax.web.app import create_app
from parallax.web.sink import ArticleSink

__all__ = ["ArticleSink", "create_app"]
