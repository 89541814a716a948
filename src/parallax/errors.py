"""All errors parallax raises on purpose, each with a code and a hint.

    ParallaxError                  base; ``code`` and ``hint`` for the CLI
    ├── InputError                 one input could not be read (others go on)
    └── ModelError                 a bundled model is missing or was altered

The CLI prints ``error[CODE]: message`` on one line and maps any failed input
to exit status 1 (see ``cli.py``).
"""

from __future__ import annotations

__all__ = ["InputError", "ModelError", "ParallaxError"]


class ParallaxError(Exception):
    """Base class; ``code`` is stable so scripts can match on it."""

    code = "P000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        text = f"error[{self.code}]: {self}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(ParallaxError):
    """An input file is unreadable, binary, empty, undecodable or malformed."""

    code = "P100"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(ParallaxError):
    """A model package is missing, or its files do not match the pinned hashes."""

    code = "P200"
    hint = "reinstall with: pip install --force-reinstall parallax-news"
