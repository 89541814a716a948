"""Write docs/OPTIONS.md, every option of ``parallax.options`` with its reason.

    python tools/options_doc.py           # rewrite docs/OPTIONS.md
    python tools/options_doc.py --check   # exit 1 when the committed file is stale

The text comes from ``describe()`` and the parts' docstrings only, and
tests/test_options.py compares the committed file with ``options_markdown()``,
so the list cannot drift from the code.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parallax.options import DEFAULT_OPTIONS, describe  # noqa: E402

DOC = ROOT / "docs" / "OPTIONS.md"

_HEADER = """\
# Options

Every tuned value of the pipeline, generated from `parallax.options` by
`tools/options_doc.py` (do not edit by hand: tests/test_options.py fails when
this file and the code disagree).

Each stage reads its part of one frozen `Options` (`options.group`,
`options.claims`, ...). The defaults below are the packaged ones. To change a
value, write it in a TOML file under its part, for example

```toml
[group]
threshold = 0.55

[summary]
length = 3
```

and pass it with `parallax --config FILE ...`, or put it at the default
location: `$PARALLAX_CONFIG` when set, else
`$XDG_CONFIG_HOME/parallax/config.toml`, else `~/.config/parallax/config.toml`.
From Python: `brief(paths, options=Options.load("FILE"))`. An unknown option or
a value of the wrong type is an error (P300) naming it, never ignored.

"Chosen by" names the benchmark that picked a value; where it is empty the
value was chosen by reasoning (the "why" says how). Change a measured value
only after re-running its benchmark.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _default(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def options_markdown() -> str:
    """The whole of docs/OPTIONS.md: the header, then a table per part."""
    rows = describe()
    lines = [_HEADER]
    for part in dataclasses.fields(DEFAULT_OPTIONS):
        summary = inspect.cleandoc(type(getattr(DEFAULT_OPTIONS, part.name)).__doc__ or "")
        lines += [f"## `{part.name}`", "", *(p.replace("\n", " ") + "\n" for p in
                                            summary.split("\n\n")),
                  "| Option | Default | Why | Chosen by |", "| --- | --- | --- | --- |"]
        lines += [f"| `{name}` | `{_default(value)}` | {_cell(why)} | {_cell(bench)} |"
                  for name, value, why, bench in rows if name.split(".")[0] == part.name]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only report whether docs/OPTIONS.md is up to date")
    args = parser.parse_args()
    text = options_markdown()
    if args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print(f"{DOC} is stale: run python tools/options_doc.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
