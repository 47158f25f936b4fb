"""A bounded memory of recently embedded short texts in front of any Embedder.

A lesson's question is embedded by the understand stage (subject) and again by the retrieve stage (search);
both ask for the same normalised query, so the second call is answered from memory. Long texts (passages
being ingested) pass straight through; each memory (texts, queries) holds at most `capacity` entries,
least recently used out.
"""

from collections import OrderedDict
from collections.abc import Sequence

from application.ports.embedder import Embedder, Embedding

MAX_REMEMBERED_CHARS = 600


class RecentEmbeddings(Embedder):
    """Remembers the vectors of the last `capacity` short texts; the same errors as the model it wraps."""

    def __init__(self, model: Embedder, capacity: int = 256) -> None:
        self._model = model
        self._capacity = capacity
        self._recent: OrderedDict[str, Embedding] = OrderedDict()
        self._queries: OrderedDict[str, Embedding] = OrderedDict()

    @property
    def model_name(self) -> str:
        """The wrapped model's name."""
        return self._model.model_name

    @property
    def dimension(self) -> int:
        """The wrapped model's dimension."""
        return self._model.dimension

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        """Vectors for `texts`: remembered ones from memory, the rest from the model in one call."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._recent]
        computed = dict(zip(missing, await self._model.embed(missing), strict=True)) if missing else {}
        out = []
        for text in texts:
            vector = computed[text] if text in computed else self._recent[text]
            self._remember(self._recent, text, vector)
            out.append(vector)
        return tuple(out)

    async def embed_query(self, text: str) -> Embedding:
        """The query's vector: from memory, else from the model as a query."""
        vector = self._queries.get(text)
        if vector is None:
            vector = await self._model.embed_query(text)
        self._remember(self._queries, text, vector)
        return vector

    def _remember(self, memory: OrderedDict[str, Embedding], text: str, vector: Embedding) -> None:
        if len(text) <= MAX_REMEMBERED_CHARS:
            memory[text] = vector
            memory.move_to_end(text)
        while len(memory) > self._capacity:
            memory.popitem(last=False)
