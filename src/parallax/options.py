"""Every tunable value of the pipeline in one frozen ``Options``, a part per stage.

Why one object: the store, the web app and a distributed engine all run the
same stages, and each must run them with the same settings; a module-level
constant can be neither overridden per run nor shipped to a worker. So each
stage reads its part (``options.group``, ``options.claims``, ...) and nothing
else. Every field says why it has its value and which benchmark chose it
(``tuned(...)``), so a value is never changed without knowing what it costs.

The defaults are the packaged ones. A user overrides any of them from a TOML
file, the same tree as ``Options.to_dict()``::

    [group]
    threshold = 0.55

    [parts]
    embedder = "parallax.embed.minilm.v1"

``Options.load(path)`` reads that file; with no path it reads the default
location (``$PARALLAX_CONFIG``, else ``$XDG_CONFIG_HOME/parallax/config.toml``,
else ``~/.config/parallax/config.toml``) when it exists. An unknown key or a
value of the wrong type is a ``ConfigError`` naming it, never ignored.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from parallax.errors import ConfigError

__all__ = [
    "DEFAULT_OPTIONS",
    "GroupOptions",
    "Options",
    "PartsOptions",
    "default_config_path",
    "describe",
    "tuned",
]

T = TypeVar("T")


def tuned(default: Any, why: str, bench: str = "") -> Any:
    """A field with its default, the reason for it, and the benchmark that chose it.

    ``bench`` is empty for values chosen by reasoning rather than measured.
    """
    return field(default=default, metadata={"why": why, "bench": bench})


@dataclass(frozen=True, slots=True)
class PartsOptions:
    """Which registered part does each swappable job (names from ``parallax.registry``)."""

    embedder: str = tuned("parallax.embed.minilm.v1",
                          "all-MiniLM-L6-v2, int8 ONNX on CPU: DESIGN.md's chosen model")


@dataclass(frozen=True, slots=True)
class GroupOptions:
    """Story grouping (``parallax.group.stories``)."""

    # Tuned together by grid search on the tuning halves of ECB+ and NeuS among
    # the settings that keep tests/test_stories.py passing; see group/stories.py.
    threshold: float = tuned(0.6, "average-link similarity above which two groups are one story",
                             "bench/stories.py --tune")
    terms: float = tuned(0.25, "weight of shared hashed terms next to the lead vector",
                         "bench/stories.py --tune")
    names: float = tuned(0.5, "weight of shared names next to the lead vector",
                         "bench/stories.py --tune")
    cohesion: float = tuned(0.6, "groups stay apart when they agree less than this share of "
                                 "how much each agrees within itself", "bench/stories.py --tune")
    day_penalty: float = tuned(0.1, "similarity lost per day apart: about half the gap between "
                                    "same-story and same-topic-other-day pairs")
    penalty_days: int = tuned(2, "days over which the day penalty grows")
    max_gap: int = tuned(14, "beyond this many days apart, articles are different stories")


@dataclass(frozen=True, slots=True)
class Options:
    """All settings of one run; ``Options()`` is the packaged defaults."""

    parts: PartsOptions = field(default_factory=PartsOptions)
    group: GroupOptions = field(default_factory=GroupOptions)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "options") -> Options:
        """Options from a tree of plain values; what is not given keeps its default."""
        return _build(cls, data, source)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def merged(self, data: dict[str, Any], *, source: str = "options") -> Options:
        """These options with the values in ``data`` (same tree) put over them."""
        return _build(type(self), _deep_merge(self.to_dict(), data), source)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Options:
        """The defaults overlaid with a TOML file: ``path``, or the default location if any."""
        if path is None:
            found = default_config_path()
            if not found.is_file():
                return cls()
            path = found
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such options file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read options ({exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        return cls.from_dict(data, source=str(path))


def default_config_path() -> Path:
    """Where ``Options.load()`` looks when no file is named."""
    if os.environ.get("PARALLAX_CONFIG"):
        return Path(os.environ["PARALLAX_CONFIG"])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "parallax" / "config.toml"


def describe(options: Options | None = None) -> list[tuple[str, Any, str, str]]:
    """Every option as (dotted name, value, why, benchmark): for docs and ``--help``."""
    rows: list[tuple[str, Any, str, str]] = []

    def walk(node: Any, prefix: str) -> None:
        for item in dataclasses.fields(node):
            value = getattr(node, item.name)
            name = f"{prefix}{item.name}"
            if dataclasses.is_dataclass(value):
                walk(value, name + ".")
            else:
                rows.append((name, value, item.metadata.get("why", ""),
                             item.metadata.get("bench", "")))

    walk(options or DEFAULT_OPTIONS, "")
    return rows


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(cls: type[T], data: Any, where: str) -> T:
    """An instance of the dataclass ``cls`` from ``data``, checking every key and type."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table, got {type(data).__name__}")
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"{where}: unknown option {unknown[0]!r}",
                          hint=f"known here: {', '.join(sorted(fields))}")
    values = {name: _value(hints[name], data[name], f"{where}.{name}")
              for name in fields if name in data}
    return cls(**values)


def _value(kind: Any, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(kind):
        return _build(kind, value, where)  # type: ignore[arg-type]
    origin = get_origin(kind)
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        inner = get_args(kind)[0]
        return tuple(_value(inner, v, f"{where}[{i}]") for i, v in enumerate(value))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind in (int, float, str, bool) and (
            not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
        raise ConfigError(f"{where}: expected {kind.__name__}, got {value!r}")
    return value


DEFAULT_OPTIONS = Options()
"""The packaged defaults (the same as ``Options()``)."""
