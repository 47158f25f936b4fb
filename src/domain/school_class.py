"""Classes: a teacher and the students they teach (what lets a teacher see a student's lessons)."""

from dataclasses import dataclass
from uuid import UUID

from domain.errors import InvalidValue

MAX_CLASS_NAME_LENGTH = 100


def validate_class_name(name: str) -> str:
    """1–100 characters, whitespace folded, no control characters."""
    folded = " ".join(name.split()) if isinstance(name, str) else ""
    if not folded:
        raise InvalidValue("name", "empty", "must not be empty")
    if len(folded) > MAX_CLASS_NAME_LENGTH:
        raise InvalidValue("name", "too_long", f"must be at most {MAX_CLASS_NAME_LENGTH} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in folded):
        raise InvalidValue("name", "invalid_characters", "must not contain control characters")
    return folded


@dataclass(frozen=True, slots=True)
class SchoolClass:
    """A named class taught by one teacher."""

    id: UUID
    name: str
    teacher_id: UUID
