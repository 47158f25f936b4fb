"""VertexEmbeddingModel: the Embedder port over Vertex AI text embeddings (LESSONSMITH_EMBEDDER=vertex)."""

from collections.abc import Sequence

from application.ports.embedder import Embedder, Embedding
from infrastructure.vertex.vertex_embedder import VertexEmbedder


class VertexEmbeddingModel(Embedder):
    """Passages and sentences are embedded as RETRIEVAL_DOCUMENT, search queries as RETRIEVAL_QUERY.

    The model name records the output dimension too (vectors of two dimensions never mix). Raises
    UpstreamError. The characters embedded are priced by VertexEmbedder; the port carries vectors only, so
    those few cost lines (well under a thousandth of a cent per lesson) stay off the lesson's ledger."""

    def __init__(self, embedder: VertexEmbedder) -> None:
        self._embedder = embedder

    @property
    def model_name(self) -> str:
        """`vertex/<model>@<dimension>`."""
        return f"vertex/{self._embedder.model_name}@{self._embedder.dimension}"

    @property
    def dimension(self) -> int:
        """The configured output dimensionality."""
        return self._embedder.dimension

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        """Document vectors, in order."""
        return (await self._embedder.embed_documents(texts)).vectors

    async def embed_query(self, text: str) -> Embedding:
        """A query vector."""
        (vector,) = (await self._embedder.embed_query(text)).vectors
        return vector
