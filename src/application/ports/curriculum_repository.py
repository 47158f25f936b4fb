"""CurriculumRepository port: curriculum documents and their embedded chunks in the source of truth."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from application.ports.embedder import Embedding
from domain.chunking import Chunk
from domain.curriculum_document import CurriculumDocument
from domain.passage import Passage
from domain.teaching_unit import TeachingUnit


@dataclass(frozen=True, slots=True)
class IndexedChunk:
    """A chunk with its embedding, as stored."""

    chunk: Chunk
    embedding: Embedding


@dataclass(frozen=True, slots=True)
class StoredChunk:
    """A stored chunk as a citable passage, with its document's keywords, its embedding and the teaching unit it
    belongs to (None for a row stored before documents were units)."""

    passage: Passage
    keywords: tuple[str, ...]
    embedding: Embedding
    embedding_model: str
    unit: TeachingUnit | None = None


class CurriculumRepository(Protocol):
    """Documents and chunks inside the unit of work's transaction. Raises StorageError."""

    async def indexed_hashes(self) -> dict[str, str]:
        """Every stored document's `indexed_hash` (its content hash and the model that embedded it), by id."""
        ...

    async def replace(self, document: CurriculumDocument, chunks: tuple[IndexedChunk, ...], now: datetime,
                      embedding_model: str) -> None:
        """Store the document (updated at `now`) and exactly these chunks, embedded by `embedding_model`,
        removing any it had before."""
        ...

    async def load_all(self) -> tuple[StoredChunk, ...]:
        """Every stored chunk, ordered by passage id."""
        ...
