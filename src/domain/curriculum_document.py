"""Curriculum documents: the validated source text lessons are grounded in."""

import hashlib
import json
import re
from dataclasses import asdict, dataclass

from domain.errors import InvalidValue
from domain.grade_level import GradeBand
from domain.teaching_unit import TeachingUnit
from domain.unit_rules import check_unit

SUBJECTS = ("science", "mathematics", "history", "language arts")
MAX_DOCUMENT_BYTES = 1_000_000
_DOCUMENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,119}$")
_REQUIRED_TEXT = ("title", "topic", "source", "licence")


def parse_subject(value: object) -> str:
    """A known subject, lower-cased; InvalidValue naming the allowed ones otherwise."""
    subject = " ".join(value.split()).lower() if isinstance(value, str) else ""
    if subject not in SUBJECTS:
        allowed = ", ".join(SUBJECTS)
        raise InvalidValue("subject", "unknown_subject", f"unknown subject {value!r}; use one of: {allowed}")
    return subject


def parse_grade_band(value: object) -> GradeBand:
    """A known grade band; InvalidValue naming the allowed ones otherwise."""
    try:
        return GradeBand(value.strip().upper() if isinstance(value, str) else str(value))
    except ValueError:
        allowed = ", ".join(b.value for b in GradeBand)
        message = f"unknown grade band {value!r}; use one of: {allowed}"
        raise InvalidValue("grade_band", "unknown_grade_band", message) from None


@dataclass(frozen=True, slots=True, kw_only=True)
class CurriculumDocument:
    """One teaching unit with its metadata; every field and every rule of a unit is checked on construction.
    `body` is the unit's prose (its answer and explanation blocks), `unit` its parts."""

    id: str
    title: str
    subject: str
    grade_band: GradeBand
    topic: str
    keywords: tuple[str, ...]
    source: str
    licence: str
    body: str
    unit: TeachingUnit

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _DOCUMENT_ID.match(self.id):
            raise InvalidValue("id", "invalid_format", "must be 2-120 lowercase letters, digits and dashes")
        for name in _REQUIRED_TEXT:
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise InvalidValue(name, "missing", "must be a non-empty text")
            object.__setattr__(self, name, " ".join(value.split()))
        object.__setattr__(self, "subject", parse_subject(self.subject))
        object.__setattr__(self, "grade_band", parse_grade_band(self.grade_band))
        if not all(isinstance(k, str) and k.strip() for k in self.keywords):
            raise InvalidValue("keywords", "invalid_format", "must be a list of words")
        object.__setattr__(self, "keywords", tuple(dict.fromkeys(" ".join(k.split()).lower() for k in self.keywords)))
        if not isinstance(self.body, str) or not self.body.strip():
            raise InvalidValue("body", "empty", "the document has no text after its front matter")
        object.__setattr__(self, "body", self.body.strip())
        check_unit(self.unit)

    @property
    def content_hash(self) -> str:
        """A sha256 over the canonical JSON of every field: equal hashes mean nothing changed."""
        canonical = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


def indexed_hash(content_hash: str, embedding_model: str) -> str:
    """What a stored document's index was built from: its content and the model that embedded it."""
    return hashlib.sha256(f"{content_hash}:{embedding_model}".encode()).hexdigest()


def corpus_version(document_hashes: dict[str, str]) -> str:
    """A short digest over every (document id, content hash) pair: it changes whenever any document does."""
    digest = hashlib.sha256()
    for document_id in sorted(document_hashes):
        digest.update(f"{document_id}:{document_hashes[document_id]}\n".encode())
    return digest.hexdigest()[:16]
