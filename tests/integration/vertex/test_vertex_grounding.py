"""LESSONSMITH_EMBEDDER=vertex: the real container ingests and searches the curriculum with Vertex AI
embeddings (documents and queries with their own task types), against the Vertex AI fake."""

from pathlib import Path

import pytest

from application.use_cases.ingest_curriculum import DocumentSource, IngestCurriculumCommand
from application.use_cases.search_curriculum import SearchCurriculumQuery
from infrastructure.container.application import build_container
from infrastructure.persistence import upgrade_database
from presentation.runtime import start_services, stop_services
from tests.fakes.vertex_fake import VertexFake
from tests.fakes.vertex_support import fake_settings, profile_settings
from tests.unit.curriculum.documents import document

pytestmark = pytest.mark.req("RDS-036", "RDS-074")

MODEL = "vertex/text-embedding-005@384"


async def test_the_curriculum_is_embedded_and_searched_on_vertex(tmp_path: Path, fake: VertexFake) -> None:
    settings = profile_settings(tmp_path, fake_settings(fake.base_url, vertex_embedding_dimension=384),
                                embedder="vertex")
    await upgrade_database(settings.database_url)
    container = build_container(settings)
    await start_services(container)
    try:
        assert container.grounding.embedder().model_name == MODEL
        sources = (DocumentSource("a.md", document()),
                   DocumentSource("b.md", document(id="sci-35-other", title="Other", body="Plants need light.")))
        ingested = await container.use_cases.ingest_curriculum().execute(
            IngestCurriculumCommand(actor=None, sources=sources))
        assert set(ingested.added) == {"sci-35-test-magnets", "sci-35-other"}
        found = await container.use_cases.search_curriculum().execute(
            SearchCurriculumQuery(query="How do magnets work?", grade_level=4))
        assert found.corpus_version == ingested.corpus_version
        async with container.gateways.uow()() as uow:
            assert {c.embedding_model for c in await uow.curriculum.load_all()} == {MODEL}
    finally:
        await stop_services(container)
    calls = fake.calls_to("text-embedding-005")
    tasks = [{i["task_type"] for i in c.body["instances"]} for c in calls]
    assert tasks[0] == {"RETRIEVAL_DOCUMENT"} and {"RETRIEVAL_QUERY"} in tasks
    assert all(c.body["parameters"]["outputDimensionality"] == 384 for c in calls)
