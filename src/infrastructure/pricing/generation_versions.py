"""The versions a lesson is generated with: the corpus from its source, the model and prompts from settings."""

from application.ports.generation_versions import CorpusVersionSource, GenerationVersionsSource
from domain.content_key import GenerationVersions


class ConfiguredGenerationVersions(GenerationVersionsSource):
    """Asks `corpus` for its current version on every call (it changes when curriculum is ingested)."""

    def __init__(self, corpus: CorpusVersionSource, model: str, prompt: str) -> None:
        self._corpus = corpus
        self._model = model
        self._prompt = prompt

    async def current(self) -> GenerationVersions:
        """The corpus version now, and the configured model and prompt versions."""
        return GenerationVersions(corpus=await self._corpus.corpus_version(), model=self._model, prompt=self._prompt)
