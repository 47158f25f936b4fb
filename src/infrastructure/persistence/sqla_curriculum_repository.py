"""SqlaCurriculumRepository: curriculum documents and chunks in PostgreSQL or SQLite."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from application.ports.curriculum_repository import CurriculumRepository, IndexedChunk, StoredChunk
from domain.curriculum_document import CurriculumDocument, indexed_hash
from domain.grade_level import GradeBand
from domain.passage import Passage
from infrastructure.persistence.storage_errors import storage_errors
from infrastructure.persistence.tables import curriculum_chunks, curriculum_documents
from infrastructure.persistence.unit_codec import unit_from_json, unit_to_json
from infrastructure.persistence.write_gate import WriteTurn


class SqlaCurriculumRepository(CurriculumRepository):
    """Documents and chunks on one connection whose transaction the unit of work owns."""

    def __init__(self, connection: AsyncConnection, turn: WriteTurn | None = None) -> None:
        self._conn = connection
        self._turn = turn or WriteTurn()

    async def indexed_hashes(self) -> dict[str, str]:
        """Every document's indexed hash by id."""
        d = curriculum_documents.c
        stmt = sa.select(d.id, d.content_hash, d.embedding_model)
        with storage_errors("read curriculum document hashes"):
            rows = (await self._conn.execute(stmt)).all()
        return {row.id: indexed_hash(row.content_hash, row.embedding_model) for row in rows}

    async def replace(self, document: CurriculumDocument, chunks: tuple[IndexedChunk, ...], now: datetime,
                      embedding_model: str) -> None:
        """Delete the document (its chunks cascade), insert it again with its new chunks."""
        values = {"id": document.id, "title": document.title, "subject": document.subject,
                  "grade_band": document.grade_band.value, "topic": document.topic,
                  "keywords": list(document.keywords), "source": document.source, "licence": document.licence,
                  "unit": unit_to_json(document.unit), "content_hash": document.content_hash,
                  "embedding_model": embedding_model, "updated_at": now}
        rows = [{"id": c.chunk.id, "document_id": document.id, "ordinal": c.chunk.ordinal, "text": c.chunk.text,
                 "embedding": c.embedding} for c in chunks]
        await self._turn.take()
        with storage_errors("store a curriculum document"):
            await self._conn.execute(sa.delete(curriculum_chunks).where(curriculum_chunks.c.document_id == document.id))
            await self._conn.execute(sa.delete(curriculum_documents).where(curriculum_documents.c.id == document.id))
            await self._conn.execute(sa.insert(curriculum_documents).values(**values))
            if rows:
                await self._conn.execute(sa.insert(curriculum_chunks), rows)

    async def load_all(self) -> tuple[StoredChunk, ...]:
        """Every chunk joined with its document (and the document's unit), by passage id."""
        d, c = curriculum_documents.c, curriculum_chunks.c
        stmt = (sa.select(c.id, c.text, c.embedding, d.title, d.subject, d.grade_band, d.topic, d.source, d.keywords,
                          d.embedding_model, d.unit)
                .join_from(curriculum_chunks, curriculum_documents, c.document_id == d.id).order_by(c.id))
        with storage_errors("load the curriculum"):
            rows = (await self._conn.execute(stmt)).all()
        return tuple(
            StoredChunk(
                passage=Passage(id=r.id, title=r.title, subject=r.subject, grade_band=GradeBand(r.grade_band),
                                topic=r.topic, text=r.text, source=r.source),
                keywords=tuple(r.keywords), embedding=r.embedding, embedding_model=r.embedding_model,
                unit=unit_from_json(r.unit),
            )
            for r in rows
        )
