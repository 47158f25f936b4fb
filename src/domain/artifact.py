"""Files a lesson produces (lesson text, audio, slides, video) as recorded metadata."""

from dataclasses import dataclass

from domain.modality import Modality


@dataclass(frozen=True, slots=True)
class Artifact:
    """A stored file: deterministic name per lesson and stage, type, size, digest and the script version."""

    modality: Modality
    name: str
    stage: str
    content_type: str
    size_bytes: int
    sha256: str
    script_hash: str
