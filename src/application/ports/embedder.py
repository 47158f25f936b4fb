"""Embedder port: turns text into unit-length vectors for semantic search."""

from collections.abc import Sequence
from typing import Protocol

Embedding = tuple[float, ...]


class Embedder(Protocol):
    """A sentence-embedding model. Vectors are L2-normalised, so a dot product is the cosine.

    Raises UpstreamError when the model fails.
    """

    @property
    def model_name(self) -> str:
        """The model's name, recorded with the vectors it made."""
        ...

    @property
    def dimension(self) -> int:
        """The length of every vector."""
        ...

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        """One vector per text (passages, sentences), in order."""
        ...

    async def embed_query(self, text: str) -> Embedding:
        """The vector of a search query. Models with task types embed queries as such; the others
        (this default) embed a query like any text."""
        (vector,) = await self.embed([text])
        return vector
