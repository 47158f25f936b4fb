"""The numpy MiniLM against reference vectors computed once with sentence-transformers on torch."""

import json
from pathlib import Path

import numpy as np
import pytest

from application.errors import UpstreamError
from infrastructure.embedding.minilm_embedder import MiniLmEmbedder
from tests.corpus_support import MemoEmbedder

pytestmark = pytest.mark.req("RDS-043")

REFERENCE = json.loads((Path(__file__).parents[2] / "data" / "minilm_reference.json").read_text())


async def test_vectors_match_sentence_transformers_on_torch(embedder: MemoEmbedder) -> None:
    vectors = np.array(await embedder.embed(REFERENCE["texts"]))
    assert vectors.shape == (4, 384)
    assert np.abs(vectors - np.array(REFERENCE["vectors"])).max() < 1e-5
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


async def test_paraphrases_are_closer_than_unrelated_sentences(embedder: MemoEmbedder) -> None:
    question, paraphrase, other = np.array(await embedder.embed([
        "How do green plants make their own food?", "Photosynthesis lets leaves turn sunlight into sugar.",
        "The Treaty of Versailles ended the First World War."]))
    assert question @ paraphrase > 0.45 > 0.15 > question @ other


async def test_batches_give_the_same_vectors_as_single_texts(embedder: MemoEmbedder) -> None:
    model = MiniLmEmbedder()
    texts = ["short", "a somewhat longer sentence about fractions and decimals", "mid length text here"]
    together = np.array(await model.embed(texts))
    alone = np.array([(await model.embed([t]))[0] for t in texts])
    assert np.abs(together - alone).max() < 1e-5


@pytest.mark.req("RDS-044")
def test_a_missing_model_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(UpstreamError, match="cannot load the embedding model"):
        MiniLmEmbedder(tmp_path)


async def test_a_failing_model_call_is_an_upstream_error() -> None:
    with pytest.raises(UpstreamError, match="the embedding model failed"):
        await MiniLmEmbedder().embed([None])  # type: ignore[list-item]
