"""Start-up refuses unknown, retired and miscast Vertex AI models, and unknown provider sets."""

from pathlib import Path

import pytest

from infrastructure.config.settings import AppSettings, VertexSettings
from infrastructure.container.application import build_container
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.vertex.model_registry import Capability, ModelNotUsable, check_models
from tests.fakes.vertex_support import profile_settings

pytestmark = pytest.mark.req("RDS-036")


def test_known_current_models_pass() -> None:
    check_models({"S": ("gemini-2.5-flash", Capability.TEXT), "E": ("text-embedding-005", Capability.EMBEDDING)})


def test_every_problem_is_named_with_its_setting() -> None:
    with pytest.raises(ModelNotUsable) as refused:
        check_models({"A": ("gemini-9-ultra", Capability.TEXT), "B": ("gemini-1.5-pro-002", Capability.TEXT),
                      "C": ("text-embedding-005", Capability.IMAGE)})
    message = str(refused.value)
    assert "A='gemini-9-ultra' is not a known Vertex AI model" in message
    assert "B='gemini-1.5-pro-002' was retired on 2025-09-24" in message
    assert "C='text-embedding-005' is a embedding model, not image" in message


def _settings(tmp_path: Path, providers: str, embedder: str = "minilm", **vertex: object) -> AppSettings:
    return profile_settings(tmp_path, VertexSettings.model_validate(vertex), providers, embedder)


def test_the_container_refuses_a_retired_model_at_start_up(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="LESSONSMITH_VERTEX_TTS_MODEL='textembedding-gecko@003'"):
        build_container(_settings(tmp_path, "vertex", vertex_tts_model="textembedding-gecko@003"))


@pytest.mark.req("RDS-030")
def test_the_container_refuses_an_unknown_provider_set(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="LESSONSMITH_PROVIDERS='openai'"):
        build_container(_settings(tmp_path, "openai"))


def test_offline_never_checks_vertex_models(tmp_path: Path) -> None:
    container = build_container(_settings(tmp_path, "offline", vertex_script_model="no-such-model"))
    assert type(container.generators.script_writer()).__name__ == "OfflineScriptWriter"


def test_the_container_refuses_an_unknown_embedder(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="LESSONSMITH_EMBEDDER='word2vec' is not one of minilm, vertex"):
        build_container(_settings(tmp_path, "offline", embedder="word2vec"))


def test_vertex_embeddings_must_be_as_wide_as_the_stored_vectors(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="LESSONSMITH_VERTEX_EMBEDDING_DIMENSION must be 384"):
        build_container(_settings(tmp_path, "offline", embedder="vertex", vertex_embedding_dimension=768))


def test_the_vertex_embedder_checks_its_model_even_with_offline_generators(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="LESSONSMITH_EMBEDDER=vertex: LESSONSMITH_VERTEX_EMBEDDING_MODEL"):
        build_container(_settings(tmp_path, "offline", embedder="vertex", vertex_embedding_model="gemini-2.5-flash"))
