"""The real curriculum and the real model, prepared once per test session and shared by every layer.

Embedding the shipped corpus takes tens of seconds on two cores, so a session builds one migrated SQLite
database with the corpus ingested (through the real IngestCurriculum) and tests copy it; the model is
loaded once and remembers the vectors it computed.
"""

import asyncio
import hashlib
import shutil
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from application.ports.embedder import Embedder, Embedding
from application.use_cases.ingest_curriculum import IngestCurriculum, IngestCurriculumCommand
from domain import chunking
from infrastructure.curriculum.corpus_files import document_paths, read_sources
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from infrastructure.embedding.minilm_embedder import MiniLmEmbedder, model_folder
from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine, upgrade_database
from infrastructure.persistence.migrate import migrations_folder
from infrastructure.system.system_clock import SystemClock
from tests.unit.stage_fakes import FakeIndex

REPOSITORY_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DATABASE_NAME = "lessonsmith.db"


class MemoEmbedder(Embedder):
    """The real model, remembering each text's vector (and counting the texts it really embedded)."""

    def __init__(self, model: Embedder) -> None:
        self.model = model
        self._memo: dict[str, Embedding] = {}
        self.computed = 0

    @property
    def model_name(self) -> str:
        return self.model.model_name

    @property
    def dimension(self) -> int:
        return self.model.dimension

    def remember(self, text: str, vector: Embedding) -> None:
        """Take a vector the model computed earlier for `text`."""
        self._memo[text] = vector

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            self._memo.update(zip(missing, await self.model.embed(missing), strict=True))
            self.computed += len(missing)
        return tuple(self._memo[t] for t in texts)


@cache
def shared_embedder() -> MemoEmbedder:
    """One model per test session."""
    return MemoEmbedder(MiniLmEmbedder())


async def ingest_shipped_corpus(url: str, embedder: Embedder, corpus: Path = REPOSITORY_CORPUS) -> None:
    """Migrate the database at `url` and ingest `corpus` into it for real (through IngestCurriculum)."""
    await upgrade_database(url)
    engine = create_engine(url)
    try:
        ingest = IngestCurriculum(SqlaUnitOfWorkFactory(engine), SystemClock(), FrontMatterParser(), embedder,
                                  FakeIndex())
        await ingest.execute(IngestCurriculumCommand(actor=None, sources=read_sources(corpus)))
    finally:
        await engine.dispose()


async def build_corpus_database(folder: Path, corpus: Path = REPOSITORY_CORPUS) -> Path:
    """A migrated SQLite database in `folder` holding `corpus`, ingested for real."""
    await ingest_shipped_corpus(f"sqlite+aiosqlite:///{folder / DATABASE_NAME}", shared_embedder(), corpus)
    return folder / DATABASE_NAME


def seed_home(home: Path, template: Path) -> None:
    """Put a copy of the corpus database where the embedded profile looks for its database."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, home / DATABASE_NAME)


def corpus_database_key() -> str:
    """A digest of what a corpus database depends on: corpus files, model, migration names, ingestion code."""
    digest = hashlib.sha256()
    src = Path(chunking.__file__).resolve().parents[1]
    code = [src / "domain" / "chunking.py", src / "domain" / "curriculum_document.py",
            src / "application" / "use_cases" / "ingest_curriculum.py",
            *sorted((src / "infrastructure" / "curriculum").glob("*.py")),
            *sorted((src / "infrastructure" / "embedding").glob("*.py")),
            *(src / "infrastructure" / "persistence" / name for name in (
                "embedding_type.py", "tables.py", "sqla_curriculum_repository.py"))]
    digest.update(" ".join(p.name for p in sorted(migrations_folder().glob("versions/*.py"))).encode())
    inputs = [*document_paths(REPOSITORY_CORPUS), *code, model_folder() / "model.safetensors"]
    for path in inputs:
        digest.update(path.name.encode() + path.read_bytes() if path.stat().st_size < 10_000_000 else
                      f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def build_corpus_database_sync(folder: Path) -> Path:
    """`build_corpus_database` outside an event loop (for session fixtures)."""
    return asyncio.run(build_corpus_database(folder))


async def prime_from(database: Path, embedder: MemoEmbedder) -> None:
    """Teach the memo the vectors already stored in `database`, so re-ingesting that corpus embeds nothing."""
    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    try:
        async with SqlaUnitOfWorkFactory(engine)() as uow:
            for stored in await uow.curriculum.load_all():
                if stored.unit is not None:
                    embedder.remember(stored.unit.search_text(stored.passage.title), stored.embedding)
    finally:
        await engine.dispose()
