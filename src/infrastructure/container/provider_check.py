"""Start-up check of LESSONSMITH_PROVIDERS and LESSONSMITH_EMBEDDER: known names, for vertex only usable
models (and embeddings as wide as the stored vectors), for local a server URL and a model."""

from infrastructure.config.settings import AppSettings
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.container.local_llm import check_local_llm
from infrastructure.container.vertex import check_vertex_models
from infrastructure.persistence.embedding_type import EMBEDDING_DIMENSION
from infrastructure.vertex.model_registry import ModelNotUsable

PROVIDER_SETS = ("offline", "vertex", "local")
EMBEDDERS = ("minilm", "vertex")


def check_providers(settings: AppSettings) -> None:
    """ConfigurationError naming the setting when the providers or the embedder cannot work."""
    name, embedder = settings.providers.providers, settings.providers.embedder
    if name not in PROVIDER_SETS:
        raise ConfigurationError(f"LESSONSMITH_PROVIDERS={name!r} is not one of {', '.join(PROVIDER_SETS)}")
    if embedder not in EMBEDDERS:
        raise ConfigurationError(f"LESSONSMITH_EMBEDDER={embedder!r} is not one of {', '.join(EMBEDDERS)}")
    if embedder == "vertex" and settings.vertex.vertex_embedding_dimension != EMBEDDING_DIMENSION:
        raise ConfigurationError(f"LESSONSMITH_EMBEDDER=vertex: LESSONSMITH_VERTEX_EMBEDDING_DIMENSION must be "
                                 f"{EMBEDDING_DIMENSION}, the width of the stored curriculum vectors")
    if name == "local":
        check_local_llm(settings.local_llm)
    if "vertex" in (name, embedder):
        try:
            check_vertex_models(settings.vertex)
        except ModelNotUsable as error:
            setting = "LESSONSMITH_PROVIDERS" if name == "vertex" else "LESSONSMITH_EMBEDDER"
            raise ConfigurationError(f"{setting}=vertex: {error}") from None
