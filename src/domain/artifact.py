"""Files a lesson produces (lesson text, audio, slides, video) as recorded metadata."""

import re
from dataclasses import dataclass

from domain.errors import InvalidValue
from domain.modality import Modality

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def validate_artifact_name(name: str) -> str:
    """A plain file name: letters, digits, '.', '_' and '-', no leading dot, no '..', at most 100 characters.

    Names never come from model output unchecked: this is what keeps them from becoming paths.
    """
    if not isinstance(name, str) or not _SAFE_NAME.match(name) or ".." in name:
        raise InvalidValue("name", "invalid_format", "must be a plain file name")
    return name


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
