"""IngestCurriculum: parse, validate, chunk, embed and index curriculum documents."""

from dataclasses import dataclass

from application.errors import InvalidDocument, NotAllowed
from application.ports.actor import Actor
from application.ports.clock import Clock
from application.ports.curriculum_repository import IndexedChunk
from application.ports.document_parser import DocumentParser
from application.ports.embedder import Embedder
from application.ports.passage_index import PassageIndex
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.chunking import chunk_document
from domain.curriculum_document import MAX_DOCUMENT_BYTES, CurriculumDocument, corpus_version, indexed_hash
from domain.user import Role

EDITORS = frozenset({Role.TEACHER, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """The raw text of one document and where it came from (a file name, or "request body")."""

    origin: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestCurriculumCommand:
    """Documents to index; `actor` is None for the operator's console."""

    actor: Actor | None
    sources: tuple[DocumentSource, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestCurriculumResult:
    """Which documents were added, replaced or already up to date, and the corpus version after."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]
    chunks_indexed: int
    corpus_version: str


class IngestCurriculum:
    """Teachers, admins and operators add or update curriculum documents.

    Guarantees: every document is validated before anything is written (one bad document rejects the
    batch with InvalidDocument naming it); an unchanged document (same content hash, embedded by the same
    model) is not touched; the changed ones replace their chunks in one transaction, so nothing is ever
    half-indexed. A new embedding model re-embeds every document.
    """

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, parser: DocumentParser, embedder: Embedder, index: PassageIndex
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._parser = parser
        self._embedder = embedder
        self._index = index

    async def execute(self, command: IngestCurriculumCommand) -> IngestCurriculumResult:
        """Validate all, embed what changed, write it in one transaction, refresh the index."""
        if command.actor is not None and command.actor.role not in EDITORS:
            raise NotAllowed("only teachers and admins may add curriculum documents")
        documents = self._parse_all(command.sources)
        async with self._uow() as uow:
            before = await uow.curriculum.indexed_hashes()
        model = self._embedder.model_name
        changed = [d for d in documents if before.get(d.id) != indexed_hash(d.content_hash, model)]
        indexed = await self._embed(changed)
        after = before
        if indexed:
            async with self._uow() as uow:
                for document, chunks in indexed:
                    await uow.curriculum.replace(document, chunks, self._clock.now(), model)
                after = await uow.curriculum.indexed_hashes()
                await uow.commit()
            await self._index.refresh()
        return IngestCurriculumResult(
            added=tuple(d.id for d in changed if d.id not in before),
            replaced=tuple(d.id for d in changed if d.id in before),
            unchanged=tuple(d.id for d in documents if d not in changed),
            chunks_indexed=sum(len(chunks) for _, chunks in indexed),
            corpus_version=corpus_version(after),
        )

    def _parse_all(self, sources: tuple[DocumentSource, ...]) -> list[CurriculumDocument]:
        if not sources:
            raise InvalidDocument("input", "documents", "empty", "no curriculum document was given")
        documents: dict[str, CurriculumDocument] = {}
        for source in sources:
            if len(source.text.encode()) > MAX_DOCUMENT_BYTES:
                raise InvalidDocument(source.origin, "document", "too_large",
                                      f"is larger than {MAX_DOCUMENT_BYTES:,} bytes")
            document = self._parser.parse(source.text, source.origin)
            if document.id in documents:
                raise InvalidDocument(source.origin, "id", "duplicate", f"{document.id!r} appears twice in this batch")
            documents[document.id] = document
        return list(documents.values())

    async def _embed(
        self, documents: list[CurriculumDocument]
    ) -> list[tuple[CurriculumDocument, tuple[IndexedChunk, ...]]]:
        chunked = [(d, chunk_document(d)) for d in documents]
        texts = [embedding_text(d) for d, chunks in chunked for _ in chunks]
        vectors = iter(await self._embedder.embed(texts)) if texts else iter(())
        return [(d, tuple(IndexedChunk(c, next(vectors)) for c in chunks)) for d, chunks in chunked]


def embedding_text(document: CurriculumDocument) -> str:
    """What a unit's vector is computed from: its title, the questions it answers and its direct answer."""
    return document.unit.search_text(document.title)

