"""Start-up check of LESSONSMITH_PROVIDERS: a known provider set, and for vertex only usable models."""

from infrastructure.config.settings import AppSettings
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.container.vertex import check_vertex_models
from infrastructure.vertex.model_registry import ModelNotUsable

PROVIDER_SETS = ("offline", "vertex")


def check_providers(settings: AppSettings) -> None:
    """ConfigurationError naming the setting when the providers cannot work."""
    name = settings.providers.providers
    if name not in PROVIDER_SETS:
        raise ConfigurationError(f"LESSONSMITH_PROVIDERS={name!r} is not one of {', '.join(PROVIDER_SETS)}")
    if name == "vertex":
        try:
            check_vertex_models(settings.vertex)
        except ModelNotUsable as error:
            raise ConfigurationError(f"LESSONSMITH_PROVIDERS=vertex: {error}") from None
