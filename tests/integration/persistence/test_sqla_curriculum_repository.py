"""SqlaCurriculumRepository on SQLite and PostgreSQL: replace, cascade, vectors round-trip, atomicity."""

from datetime import UTC, datetime

import numpy as np
import pytest

from application.errors import StorageError
from application.ports.curriculum_repository import IndexedChunk
from domain.chunking import Chunk
from domain.curriculum_document import CurriculumDocument, indexed_hash
from domain.grade_level import GradeBand
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from infrastructure.persistence import SqlaUnitOfWorkFactory
from tests.unit.curriculum.documents import document

pytestmark = pytest.mark.req("RDS-041")

NOW = datetime(2025, 3, 1, tzinfo=UTC)
MODEL = "all-MiniLM-L6-v2"


def _document(doc_id: str = "sci-35-magnets", body: str = "Magnets attract iron.") -> CurriculumDocument:
    return FrontMatterParser().parse(document(body=body, id=doc_id, title="Magnets", keywords="[magnet, pole]"),
                                     f"{doc_id}.md")


def _chunks(doc: CurriculumDocument, count: int, seed: int = 0) -> tuple[IndexedChunk, ...]:
    vectors = np.random.default_rng(seed).normal(size=(count, 384))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [doc.id] if count == 1 else [f"{doc.id}#{n + 1}" for n in range(count)]
    return tuple(IndexedChunk(Chunk(ids[n], doc.id, n, f"part {n} of {doc.body}"), tuple(vectors[n].tolist()))
                 for n in range(count))


async def test_replace_stores_the_document_and_its_chunks_and_replaces_them(uow: SqlaUnitOfWorkFactory) -> None:
    doc = _document()
    first = _chunks(doc, 3)
    async with uow() as tx:
        await tx.curriculum.replace(doc, first, NOW, MODEL)
        await tx.commit()
    async with uow() as tx:
        stored = await tx.curriculum.load_all()
        assert await tx.curriculum.indexed_hashes() == {doc.id: indexed_hash(doc.content_hash, MODEL)}
    assert [s.passage.id for s in stored] == ["sci-35-magnets#1", "sci-35-magnets#2", "sci-35-magnets#3"]
    assert stored[0].keywords == ("magnet", "pole") and stored[0].passage.grade_band is GradeBand.G3_5
    assert {s.embedding_model for s in stored} == {MODEL}
    assert stored[0].unit == doc.unit  # the unit's parts round-trip through the JSON column
    assert np.abs(np.array(stored[1].embedding) - np.array(first[1].embedding)).max() < 1e-6
    changed = _document(body="Magnets have two poles.")
    async with uow() as tx:
        await tx.curriculum.replace(changed, _chunks(changed, 1, seed=1), NOW, MODEL)
        await tx.commit()
    async with uow() as tx:
        assert [s.passage.id for s in await tx.curriculum.load_all()] == ["sci-35-magnets"]
        assert await tx.curriculum.indexed_hashes() == {doc.id: indexed_hash(changed.content_hash, MODEL)}


async def test_a_failure_midway_leaves_nothing_half_indexed(uow: SqlaUnitOfWorkFactory) -> None:
    doc = _document()
    async with uow() as tx:
        await tx.curriculum.replace(doc, _chunks(doc, 2), NOW, MODEL)
        await tx.commit()
    other, changed = _document("sci-35-other"), _document(body="A new text.")
    broken = (*_chunks(changed, 1), IndexedChunk(Chunk("x#2", changed.id, 1, "bad"), (0.5,) * 3))
    async with uow() as tx:
        await tx.curriculum.replace(other, _chunks(other, 1), NOW, MODEL)
        with pytest.raises(StorageError):
            await tx.curriculum.replace(changed, broken, NOW, MODEL)  # a 3-dimensional vector is refused
    # the unit of work ended without a commit: the first replace was rolled back with it
    async with uow() as tx:
        assert await tx.curriculum.indexed_hashes() == {doc.id: indexed_hash(doc.content_hash, MODEL)}
        assert len(await tx.curriculum.load_all()) == 2


async def test_another_embedding_model_changes_the_indexed_hash(uow: SqlaUnitOfWorkFactory) -> None:
    doc = _document()
    async with uow() as tx:
        await tx.curriculum.replace(doc, _chunks(doc, 1), NOW, MODEL)
        await tx.commit()
        before = await tx.curriculum.indexed_hashes()
    async with uow() as tx:
        await tx.curriculum.replace(doc, _chunks(doc, 1), NOW, "vertex/text-embedding-005@384")
        await tx.commit()
    async with uow() as tx:
        after = await tx.curriculum.indexed_hashes()
        assert [s.embedding_model for s in await tx.curriculum.load_all()] == ["vertex/text-embedding-005@384"]
    assert before.keys() == after.keys() and before != after
