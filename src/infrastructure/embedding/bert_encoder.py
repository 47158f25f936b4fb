"""A BERT encoder forward pass on numpy: the sentence-transformers MiniLM computation without torch.

Weights are the Hugging Face BERT tensors (`embeddings.*`, `encoder.layer.N.*`); Linear weights are
stored as (out, in), so a layer computes x @ W.T + b. GELU is the exact (erf) form, with erf from
Abramowitz–Stegun 7.1.26 (absolute error below 1.5e-7).
"""

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float32]
_P = 0.3275911
_AS = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def gelu(x: Array) -> Array:
    """GELU, exact form: x · Φ(x) = x · (1 + erf(x / √2)) / 2, computed in place on float32 buffers."""
    z = np.abs(x) * np.float32(1 / np.sqrt(2.0))
    t = np.multiply(z, np.float32(_P), dtype=np.float32)
    t += 1
    np.reciprocal(t, out=t)
    poly = np.full_like(t, np.float32(_AS[4]))
    for coefficient in reversed(_AS[:4]):
        poly *= t
        poly += np.float32(coefficient)
    poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z  # 1 - erf(|x| / √2)
    # x · (1 + sign(x) · (1 - poly)) / 2  ==  x ≥ 0: x · (1 - poly / 2);  x < 0: x · poly / 2
    poly *= np.float32(0.5)
    return np.where(x >= 0, x - x * poly, x * poly).astype(np.float32, copy=False)


def layer_norm(x: Array, weight: Array, bias: Array, eps: float) -> Array:
    """LayerNorm over the last axis."""
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    normed: Array = ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)
    return normed


class BertEncoder:
    """The token states of a BERT model for a padded batch of token ids."""

    def __init__(self, weights: Mapping[str, Array], *, layers: int, heads: int, eps: float = 1e-12) -> None:
        self._w = {name: np.ascontiguousarray(w.T) if name.endswith("dense.weight") or (".self." in name
                   and name.endswith(".weight")) else w for name, w in weights.items()}
        self._layers = layers
        self._heads = heads
        self._eps = eps

    def _linear(self, x: Array, name: str) -> Array:
        flat = x.reshape(-1, x.shape[-1]) @ self._w[f"{name}.weight"] + self._w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def _norm(self, x: Array, name: str) -> Array:
        return layer_norm(x, self._w[f"{name}.weight"], self._w[f"{name}.bias"], self._eps)

    def __call__(self, ids: NDArray[np.int64], mask: NDArray[np.int64]) -> Array:
        """Hidden states (batch, tokens, hidden) for `ids` with attention `mask` (1 = token, 0 = padding)."""
        positions = np.arange(ids.shape[1])
        x = (self._w["embeddings.word_embeddings.weight"][ids]
             + self._w["embeddings.position_embeddings.weight"][positions][None, :, :]
             + self._w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float32).min).astype(np.float32)
        for n in range(self._layers):
            x = self._layer(x, bias, f"encoder.layer.{n}")
        return x

    def _layer(self, x: Array, bias: Array, prefix: str) -> Array:
        batch, tokens, hidden = x.shape
        size = hidden // self._heads

        def heads(t: Array) -> Array:
            return t.reshape(batch, tokens, self._heads, size).transpose(0, 2, 1, 3)

        q = heads(self._linear(x, f"{prefix}.attention.self.query"))
        k = heads(self._linear(x, f"{prefix}.attention.self.key"))
        v = heads(self._linear(x, f"{prefix}.attention.self.value"))
        scores = np.einsum("bhqd,bhkd->bhqk", q, k, optimize=True) / np.float32(np.sqrt(size)) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        attention = scores / scores.sum(axis=-1, keepdims=True)
        context = np.einsum("bhqk,bhkd->bqhd", attention, v, optimize=True).reshape(batch, tokens, hidden)
        attended = self._linear(context, f"{prefix}.attention.output.dense") + x
        x = self._norm(attended, f"{prefix}.attention.output.LayerNorm")
        inner = gelu(self._linear(x, f"{prefix}.intermediate.dense"))
        return self._norm(self._linear(inner, f"{prefix}.output.dense") + x, f"{prefix}.output.LayerNorm")
