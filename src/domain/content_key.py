"""The content-addressed key of a lesson: equal keys mean one finished lesson can serve both requests."""

import hashlib
import json
import unicodedata
from dataclasses import dataclass

from domain.lesson_request import LessonSpec

_EDGE_PUNCTUATION = " \t?!.,;:¿¡"


@dataclass(frozen=True, slots=True)
class GenerationVersions:
    """What else shapes a lesson besides the request: the curriculum corpus, the model and the prompts."""

    corpus: str
    model: str
    prompt: str


def normalise_query(text: str) -> str:
    """Unicode-compatible, case-folded, whitespace-folded, without punctuation at either end."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return folded.strip(_EDGE_PUNCTUATION)


def content_key(spec: LessonSpec, versions: GenerationVersions) -> str:
    """SHA-256 over the normalised query, grade band, interest, delivered modalities, language and versions."""
    canonical = {
        "query": normalise_query(spec.query.text),
        "grade_band": spec.grade.band.value,
        "interest": spec.interest.value.casefold() if spec.interest is not None else None,
        "modalities": spec.modalities.names(),
        "language": spec.language.tag.casefold(),
        "corpus": versions.corpus,
        "model": versions.model,
        "prompt": versions.prompt,
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
