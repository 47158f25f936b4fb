"""RecentEmbeddings: a repeated short text is answered from memory, long texts and overflow are not kept."""

from collections.abc import Sequence

import pytest

from application.ports.embedder import Embedder, Embedding
from infrastructure.embedding.recent_embeddings import MAX_REMEMBERED_CHARS, RecentEmbeddings

pytestmark = pytest.mark.req("RDS-008")


class CountingModel(Embedder):
    """A stand-in model: the vector of a text is its length; it records every text it embedded."""

    model_name = "counting"
    dimension = 1

    def __init__(self) -> None:
        self.embedded: list[str] = []

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        self.embedded += texts
        return tuple((float(len(t)),) for t in texts)


async def test_a_repeated_question_is_embedded_once() -> None:
    model = CountingModel()
    memory = RecentEmbeddings(model)
    first = await memory.embed(["How do plants make food"])
    second = await memory.embed(["How do plants make food", "What is gravity"])
    assert first[0] == second[0] == (23.0,)
    assert model.embedded == ["How do plants make food", "What is gravity"]
    assert (memory.model_name, memory.dimension) == ("counting", 1)


async def test_long_texts_pass_through_and_the_memory_is_bounded() -> None:
    model = CountingModel()
    memory = RecentEmbeddings(model, capacity=2)
    long_text = "x" * (MAX_REMEMBERED_CHARS + 1)
    await memory.embed([long_text, "a", "b", "c"])
    await memory.embed([long_text, "a", "c"])
    assert model.embedded == [long_text, "a", "b", "c", long_text, "a"]


async def test_a_repeated_query_is_embedded_once_and_apart_from_texts() -> None:
    model = CountingModel()
    memory = RecentEmbeddings(model)
    first = await memory.embed_query("How do plants make food")
    second = await memory.embed_query("How do plants make food")
    assert first == second == (23.0,)
    assert model.embedded == ["How do plants make food"]  # the port's default: a query embedded as a text
    await memory.embed(["How do plants make food"])
    assert model.embedded == ["How do plants make food"] * 2  # document vectors are a memory of their own
