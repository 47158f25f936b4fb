"""Start-up of the grounding half: load the embedding model (loudly), ingest the shipped corpus when embedded."""

import logging

from application.errors import InvalidDocument, UpstreamError
from application.use_cases.ingest_curriculum import IngestCurriculumCommand
from infrastructure.container.application import ApplicationContainer
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.curriculum.corpus_files import read_sources

log = logging.getLogger(__name__)


async def prepare_grounding(container: ApplicationContainer) -> None:
    """Load the model (ConfigurationError when it cannot load: no lesson may go ungrounded); when
    embedded, ingest the shipped corpus folder (a fast no-op when no document changed)."""
    try:
        container.grounding.embedder()
    except UpstreamError as error:
        raise ConfigurationError(f"the embedding model cannot load: {error}") from error
    folder = container.grounding.corpus_dir()
    if not container.settings().is_embedded or folder is None:
        return
    try:
        result = await container.use_cases.ingest_curriculum().execute(
            IngestCurriculumCommand(actor=None, sources=read_sources(folder)))
    except InvalidDocument as error:
        raise ConfigurationError(f"the shipped corpus is invalid: {error}") from error
    if result.added or result.replaced:
        log.info("corpus %s: %d added, %d replaced, %d unchanged", result.corpus_version, len(result.added),
                 len(result.replaced), len(result.unchanged))
