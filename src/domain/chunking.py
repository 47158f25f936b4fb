"""A curriculum unit as its citable chunk.

A teaching unit is taught whole, so it is one chunk: its passage id is the unit's id and its text is everything a
lesson may state from the unit (its grounding text). The unit is never cut, so no sentence loses its context.
"""

from dataclasses import dataclass

from domain.curriculum_document import CurriculumDocument

CHUNK_SEPARATOR = "#"


@dataclass(frozen=True, slots=True)
class Chunk:
    """One citable piece of a document: its passage id, position and text."""

    id: str
    document_id: str
    ordinal: int
    text: str


def document_id_of(passage_id: str) -> str:
    """The document a passage id belongs to (ids stored before units were whole may carry a `#N` suffix)."""
    return passage_id.split(CHUNK_SEPARATOR, 1)[0]


def chunk_document(document: CurriculumDocument) -> tuple[Chunk, ...]:
    """The document's one chunk: the whole unit's grounding text under the unit's id."""
    return (Chunk(document.id, document.id, 0, document.unit.grounding_text()),)
