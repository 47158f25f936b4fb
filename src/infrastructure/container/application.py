"""The application container: composes gateways, generators, pipeline and use cases."""

from dependency_injector import containers, providers

from infrastructure.config.settings import AppSettings
from infrastructure.container.gateways import Gateways
from infrastructure.container.generators import Generators
from infrastructure.container.grounding import Grounding
from infrastructure.container.pipeline import Pipeline
from infrastructure.container.provider_check import check_providers
from infrastructure.container.use_cases import UseCases


class ApplicationContainer(containers.DeclarativeContainer):
    """The one composition root for HTTP, CLI, worker and tests (tests override providers on an instance)."""

    settings = providers.Dependency(instance_of=AppSettings)
    gateways = providers.Container(Gateways, settings=settings)
    grounding = providers.Container(Grounding, settings=settings, gateways=gateways)
    generators = providers.Container(Generators, media_settings=settings.provided.media,
                                     provider_settings=settings.provided.providers,
                                     vertex_settings=settings.provided.vertex,
                                     local_llm_settings=settings.provided.local_llm, breakers=gateways.breakers,
                                     grounding=grounding)
    pipeline = providers.Container(
        Pipeline, gateways=gateways, generators=generators, queue_settings=settings.provided.queue,
        fault_settings=settings.provided.faults, corpus_settings=settings.provided.corpus,
        reuse_settings=settings.provided.reuse, provider_name=settings.provided.providers.providers,
    )
    use_cases = providers.Container(UseCases, gateways=gateways, generators=generators, grounding=grounding)


def build_container(settings: AppSettings | None = None) -> ApplicationContainer:
    """A container over `settings` (loaded from the environment when None)."""
    container = ApplicationContainer(settings=settings or AppSettings.load())
    container.check_dependencies()
    check_providers(container.settings())
    return container
