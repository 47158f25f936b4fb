"""The versions a lesson is generated with: the corpus from its source, the model and prompts from settings."""

import hashlib

from application.ports.generation_versions import CorpusVersionSource, GenerationVersionsSource
from domain.content_key import GenerationVersions
from domain.passage import Passage


class ConfiguredGenerationVersions(GenerationVersionsSource):
    """Asks `corpus` for its current version on every call (it changes when curriculum is ingested)."""

    def __init__(self, corpus: CorpusVersionSource, model: str, prompt: str) -> None:
        self._corpus = corpus
        self._model = model
        self._prompt = prompt

    async def current(self) -> GenerationVersions:
        """The corpus version now, and the configured model and prompt versions."""
        return GenerationVersions(corpus=await self._corpus.corpus_version(), model=self._model, prompt=self._prompt)


class FixedCorpusVersion(CorpusVersionSource):
    """A corpus that does not change while the process runs: a configured version, or a digest of its passages."""

    def __init__(self, passages: tuple[Passage, ...], configured: str = "") -> None:
        digest = hashlib.sha256()
        for passage in passages:
            digest.update(f"{passage.id}\\0{passage.text}\\0".encode())
        self._version = configured or f"builtin-{digest.hexdigest()[:16]}"

    async def corpus_version(self) -> str:
        """The version fixed at start-up."""
        return self._version
