"""VertexEmbedder: Vertex AI text embeddings with separate task types for queries and documents."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from google import genai
from google.genai import types

from application.errors import UpstreamError
from domain.cost_ledger import CostKind, CostLine
from infrastructure.pricing.price_table import PriceTable
from infrastructure.resilience.resilient_caller import ResilientCaller
from infrastructure.vertex.usage_costs import PROVIDER

Embedding = tuple[float, ...]
BATCH_SIZE = 100


@dataclass(frozen=True, slots=True)
class EmbeddedTexts:
    """One unit-length vector per text, in order, and the billable characters priced."""

    vectors: tuple[Embedding, ...]
    cost_lines: tuple[CostLine, ...]


def _unit(values: Sequence[float]) -> Embedding:
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return tuple(v / norm for v in values)


class VertexEmbedder:
    """`embed_query` uses RETRIEVAL_QUERY, `embed_documents` RETRIEVAL_DOCUMENT (batches of BATCH_SIZE);
    vectors are `dimension` long and L2-normalised. Raises UpstreamError."""

    def __init__(self, client: genai.Client, caller: ResilientCaller, model: str, dimension: int,
                 prices: PriceTable, stage: str = "retrieve") -> None:
        self._client = client
        self._caller = caller
        self._prices = prices
        self._stage = stage
        self.model_name = model
        self.dimension = dimension

    async def embed_query(self, text: str) -> EmbeddedTexts:
        """The vector of a search query."""
        return await self._embed([text], "RETRIEVAL_QUERY")

    async def embed_documents(self, texts: Sequence[str]) -> EmbeddedTexts:
        """The vectors of passages to index."""
        return await self._embed(list(texts), "RETRIEVAL_DOCUMENT")

    async def _embed(self, texts: list[str], task_type: str) -> EmbeddedTexts:
        config = types.EmbedContentConfig(task_type=task_type, output_dimensionality=self.dimension)
        deadline = self._caller.deadline()
        vectors: list[Embedding] = []
        characters = 0
        for start in range(0, len(texts), BATCH_SIZE):
            batch = texts[start:start + BATCH_SIZE]
            response = await self._caller.call(
                lambda batch=batch: self._client.aio.models.embed_content(  # type: ignore[misc]
                    model=self.model_name, contents=batch, config=config),
                deadline)
            got = [e.values or [] for e in response.embeddings or []]
            if len(got) != len(batch) or any(len(v) != self.dimension for v in got):
                raise UpstreamError("malformed_response", f"{self.model_name} returned {len(got)} vectors for "
                                    f"{len(batch)} texts (or of the wrong length)", retryable=True)
            vectors.extend(_unit(v) for v in got)
            billed = response.metadata.billable_character_count if response.metadata else None
            characters += billed if billed is not None else sum(len(t) for t in batch)
        line = self._prices.line(self._stage, CostKind.SPENT, "embedding_character", characters, PROVIDER,
                                 task_type.lower())
        return EmbeddedTexts(tuple(vectors), (line,))
