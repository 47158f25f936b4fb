"""GenerationVersionsSource port: the corpus, model and prompt versions lessons are generated with now."""

from typing import Protocol

from domain.content_key import GenerationVersions


class CorpusVersionSource(Protocol):
    """Anything that knows the current curriculum corpus version (a passage index does). Raises StorageError."""

    async def corpus_version(self) -> str:
        """A string that changes whenever the searchable corpus changes."""
        ...


class GenerationVersionsSource(Protocol):
    """The versions a lesson generated now would be made with. Raises StorageError."""

    async def current(self) -> GenerationVersions:
        """Corpus, model and prompt versions."""
        ...
