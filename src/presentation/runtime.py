"""Start-up and shutdown shared by `serve`, `worker` and `generate`."""

import inspect
import logging

from infrastructure.container.application import ApplicationContainer
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.persistence.migrate import upgrade_database
from presentation.corpus_startup import prepare_grounding

log = logging.getLogger(__name__)


async def start_services(container: ApplicationContainer, *, with_grounding: bool = True) -> None:
    """Open resources; embedded: create the home folder and migrate; production: refuse unreachable dependencies.

    Then, `with_grounding`, load the embedding model and, when embedded, ingest the shipped corpus."""
    settings = container.settings()
    container.gateways.jwt_secret()
    initialised = container.init_resources()
    if inspect.isawaitable(initialised):
        await initialised
    if settings.is_embedded:
        settings.home.home.mkdir(parents=True, exist_ok=True)
        await upgrade_database(settings.database_url)
    else:
        report = await container.gateways.readiness().check()
        down = [name for name, ok in report.checks.items() if not ok]
        if down:
            raise ConfigurationError("cannot reach: " + ", ".join(down) + " (check LESSONSMITH_* settings)")
    if with_grounding:
        await prepare_grounding(container)


async def stop_services(container: ApplicationContainer) -> None:
    """Close pools and clients."""
    closed = container.shutdown_resources()
    if inspect.isawaitable(closed):
        await closed
