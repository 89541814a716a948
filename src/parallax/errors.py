"""The catalogue of errors parallax raises on purpose, each with a code and a hint.

    ParallaxError                  base; ``code`` and ``hint`` for the CLI
    ├── InputError       P100      one input could not be read (others go on)
    ├── ModelError       P200      a bundled model is missing or was altered
    ├── ConfigError      P300      an options file or value is wrong
    ├── RegistryError    P310      no part of that kind under that name
    ├── UsageError       P400      a call's arguments are wrong (a story id, a length)
    ├── OutputError      P500      an output or state file cannot be written
    ├── StateError       P600      a saved state (stories) is unreadable or of the wrong shape
    └── StoreError       P700      a store cannot be opened: missing, corrupt, newer, unreachable

Codes are stable: scripts may match on them, and a code is never reused for
another meaning. The CLI prints ``error[CODE]: message (hint)`` on one line
and maps errors to exit statuses (``EXIT_STATUS``): an input that fails is 1
(the others were processed), a wrong call or unwritable output is 2, nothing
processed or a broken model is 3. Like spaCy's ``errors.py``, this module is
the one place to look up what a code means; no bare ``ValueError`` or
``KeyError`` crosses the public API.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "EXIT_STATUS",
    "ConfigError",
    "InputError",
    "ModelError",
    "OutputError",
    "ParallaxError",
    "RegistryError",
    "StateError",
    "StoreError",
    "UsageError",
]


class ParallaxError(Exception):
    """Base class; ``code`` is stable so scripts can match on it."""

    code = "P000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as message and attributes, whatever the subclass's ``__init__`` takes:
        an error raised in an engine's worker process reaches the caller whole."""
        return (_rebuilt, (type(self), str(self), dict(self.__dict__)))

    def one_line(self) -> str:
        text = f"error[{self.code}]: {self}"
        return f"{text} ({self.hint})" if self.hint else text


def _rebuilt(kind: type[ParallaxError], message: str, attributes: dict[str, Any]
             ) -> ParallaxError:
    """The error ``ParallaxError.__reduce__`` pickled, without calling its ``__init__``."""
    error = kind.__new__(kind)
    Exception.__init__(error, message)
    error.__dict__.update(attributes)
    return error


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


class ConfigError(ParallaxError):
    """An options file cannot be read, or names an option or value that does not exist."""

    code = "P300"
    hint = "docs/OPTIONS.md lists every option with its type and default"


class RegistryError(ConfigError):
    """A part (embedder, language, renderer, ...) was asked for by a name nobody registered."""

    code = "P310"
    hint = ""


class UsageError(ParallaxError):
    """The call itself is wrong: a story id that is not there, a summary length that is none."""

    code = "P400"


class OutputError(ParallaxError):
    """An output file (``-o``) or state file cannot be written."""

    code = "P500"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StateError(ParallaxError):
    """A saved state file is unreadable, corrupt, or of another shape or version."""

    code = "P600"
    hint = "delete the state file to start the grouping afresh"


class StoreError(ParallaxError):
    """A store (``--db``) is missing, corrupt, made by a newer parallax, or unreachable.

    One clear line instead of a driver's traceback: the store is left as it
    was, and nothing was added or read.
    """

    code = "P700"
    hint = "check --db (or $PARALLAX_DB); docs/STORE.md describes the store"


# Exit status of the command line for each error class (the nearest base
# class decides): 2 is a wrong call, 3 is nothing done (see ``cli.py``).
EXIT_STATUS: dict[type[ParallaxError], int] = {
    ParallaxError: 3,
    InputError: 1,
    ModelError: 3,
    ConfigError: 2,
    UsageError: 2,
    OutputError: 2,
    StateError: 2,
    StoreError: 3,
}
