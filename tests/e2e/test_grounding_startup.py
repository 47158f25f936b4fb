"""Start-up of the grounding half: a model that cannot load stops the service; the shipped corpus is indexed."""

from pathlib import Path

import pytest
from dependency_injector import providers

from infrastructure.container.application import build_container
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.embedding.minilm_embedder import MiniLmEmbedder
from presentation.runtime import start_services, stop_services
from tests.corpus_support import shared_embedder
from tests.e2e.conftest import embedded_settings
from tests.unit.curriculum.documents import document

pytestmark = pytest.mark.req("RDS-044")


async def test_a_model_that_cannot_load_refuses_to_start(tmp_path: Path) -> None:
    container = build_container(embedded_settings(tmp_path))
    container.grounding.embedder.override(providers.Singleton(MiniLmEmbedder, tmp_path / "no-model"))
    with pytest.raises(ConfigurationError, match="the embedding model cannot load"):
        await start_services(container)
    await stop_services(container)


async def test_the_embedded_profile_ingests_its_corpus_folder_and_refuses_a_broken_one(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.md").write_text(document(id="sci-35-startup-magnets"))
    settings = embedded_settings(tmp_path / "home", seeded=False)
    settings.corpus.corpus_dir = folder
    container = build_container(settings)
    container.grounding.embedder.override(providers.Object(shared_embedder()))
    await start_services(container)
    try:
        snapshot = await container.grounding.corpus_cache().current()
        assert [p.id for p in snapshot.passages] == ["sci-35-startup-magnets"]
    finally:
        await stop_services(container)
    (folder / "two.md").write_text(document(id="sci-35-startup-broken", body=""))
    broken = build_container(settings)
    broken.grounding.embedder.override(providers.Object(shared_embedder()))
    with pytest.raises(ConfigurationError, match=r"two\.md: body"):
        await start_services(broken)
    await stop_services(broken)
