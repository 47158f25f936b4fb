"""IngestCurriculum with fakes: validation first, content hashes, one transaction, the index refreshed."""

import hashlib
from collections.abc import Sequence
from uuid import uuid4

import pytest

from application.errors import InvalidDocument, NotAllowed
from application.ports.actor import Actor
from application.ports.embedder import Embedder, Embedding
from application.use_cases.ingest_curriculum import DocumentSource, IngestCurriculum, IngestCurriculumCommand
from application.use_cases.search_curriculum import SearchCurriculum, SearchCurriculumQuery
from domain.errors import InvalidValue
from domain.user import Role
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from tests.unit.curriculum.documents import document
from tests.unit.fakes import FakeClock, FakeUnitOfWorkFactory
from tests.unit.stage_fakes import FakeIndex

pytestmark = pytest.mark.req("RDS-041")

TEACHER = Actor(uuid4(), Role.TEACHER)


class CountingEmbedder(Embedder):
    """Three-dimensional vectors from a text's digest; counts the texts it embedded."""

    model_name = "counting"
    dimension = 3

    def __init__(self) -> None:
        self.texts: list[str] = []

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        self.texts.extend(texts)
        return tuple(tuple(b / 255 for b in hashlib.sha256(t.encode()).digest()[:3]) for t in texts)


@pytest.fixture
def parts() -> tuple[FakeUnitOfWorkFactory, CountingEmbedder, FakeIndex, IngestCurriculum]:
    uow, embedder, index = FakeUnitOfWorkFactory(), CountingEmbedder(), FakeIndex()
    return uow, embedder, index, IngestCurriculum(uow, FakeClock(), FrontMatterParser(), embedder, index)


def _command(*texts: str, actor: Actor | None = TEACHER) -> IngestCurriculumCommand:
    return IngestCurriculumCommand(actor=actor, sources=tuple(DocumentSource(f"doc{n}.md", t)
                                                              for n, t in enumerate(texts)))


async def test_new_documents_are_chunked_embedded_stored_and_the_index_refreshed(parts: tuple) -> None:
    uow, embedder, index, ingest = parts
    result = await ingest.execute(_command(document(), document(id="sci-35-other", title="Other")))
    assert set(result.added) == {"sci-35-test-magnets", "sci-35-other"} and result.chunks_indexed == 2
    assert set(uow.db.curriculum) == {"sci-35-test-magnets", "sci-35-other"}
    # title, the questions the unit answers, then its direct answer
    assert embedder.texts[0].startswith("Magnets Pull and Push. What do magnets do? Why do magnets stick")
    assert embedder.texts[0].endswith("such as nails and paper clips.")
    assert index.refreshed and len(result.corpus_version) == 16


async def test_an_unchanged_document_is_not_embedded_again_and_a_changed_one_is_replaced(parts: tuple) -> None:
    uow, embedder, _index, ingest = parts
    first = await ingest.execute(_command(document()))
    embedded, commits = len(embedder.texts), uow.db.commits
    again = await ingest.execute(_command(document()))
    assert again.unchanged == ("sci-35-test-magnets",) and not again.added and not again.replaced
    assert (len(embedder.texts), uow.db.commits, again.corpus_version) == (embedded, commits, first.corpus_version)
    changed = await ingest.execute(_command(document(body="Magnets have a north pole and a south pole.")))
    assert changed.replaced == ("sci-35-test-magnets",) and changed.corpus_version != first.corpus_version
    stored, _, _ = uow.db.curriculum["sci-35-test-magnets"]
    assert stored.unit.answer == "Magnets have a north pole and a south pole."


async def test_a_new_embedding_model_re_embeds_every_document(parts: tuple) -> None:
    uow, embedder, _index, ingest = parts
    first = await ingest.execute(_command(document(), document(id="sci-35-other", title="Other")))
    embedder.model_name = "another-model"
    switched = await ingest.execute(_command(document(), document(id="sci-35-other", title="Other")))
    assert set(switched.replaced) == {"sci-35-test-magnets", "sci-35-other"} and not switched.unchanged
    assert switched.corpus_version != first.corpus_version  # reuse keys and caches follow the new vectors
    assert {model for _, _, model in uow.db.curriculum.values()} == {"another-model"}
    again = await ingest.execute(_command(document(), document(id="sci-35-other", title="Other")))
    assert set(again.unchanged) == {"sci-35-test-magnets", "sci-35-other"}


@pytest.mark.parametrize("bad", [
    "no front matter at all", document(grade_band="13-14"), document(body=""), "x" * 5_000_001,
])
async def test_one_bad_document_rejects_the_batch_and_writes_nothing(parts: tuple, bad: str) -> None:
    uow, embedder, _, ingest = parts
    with pytest.raises(InvalidDocument) as refused:
        await ingest.execute(_command(document(), bad))
    assert refused.value.origin == "doc1.md"
    assert uow.db.curriculum == {} and uow.db.commits == 0 and embedder.texts == []


async def test_duplicate_ids_in_one_batch_are_refused(parts: tuple) -> None:
    _, _, _, ingest = parts
    with pytest.raises(InvalidDocument, match="appears twice"):
        await ingest.execute(_command(document(), document()))


@pytest.mark.req("RDS-034")
async def test_students_may_not_add_documents_but_the_operator_may(parts: tuple) -> None:
    uow, _, _, ingest = parts
    with pytest.raises(NotAllowed):
        await ingest.execute(_command(document(), actor=Actor(uuid4(), Role.STUDENT)))
    await ingest.execute(_command(document(), actor=None))
    assert "sci-35-test-magnets" in uow.db.curriculum


@pytest.mark.req("RDS-034")
async def test_search_validates_its_input_and_reports_the_corpus_version() -> None:
    search = SearchCurriculum(FakeIndex())
    result = await search.execute(SearchCurriculumQuery(query="magnets", grade_level=4, subject="Science", k=3))
    assert result.corpus_version == "fake-1" and len(result.passages) == 1
    for bad in ({"grade_level": 13}, {"subject": "cooking"}, {"k": 0}, {"k": 21}, {"query": " "}):
        with pytest.raises(InvalidValue):
            await search.execute(SearchCurriculumQuery(**{"query": "magnets", "grade_level": 4, **bad}))
