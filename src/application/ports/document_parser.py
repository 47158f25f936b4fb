"""DocumentParser port: reads a curriculum document (Markdown with front matter)."""

from typing import Protocol

from domain.curriculum_document import CurriculumDocument


class DocumentParser(Protocol):
    """Parses and validates one document. Raises InvalidDocument naming the origin and the field."""

    def parse(self, text: str, origin: str) -> CurriculumDocument:
        """The document in `text`; `origin` (a file name) only labels errors."""
        ...
