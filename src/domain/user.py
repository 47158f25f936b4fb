"""Users of the service and their roles."""

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from domain.errors import InvalidValue


class Role(StrEnum):
    """What a user may do: students learn, teachers teach classes, admins run the service."""

    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


def validate_username(name: str) -> str:
    """Usernames are 3–40 characters of lowercase letters, digits, dot, dash and underscore."""
    normalised = name.strip().lower()
    if not 3 <= len(normalised) <= 40 or not all(c.isalnum() or c in "._-" for c in normalised):
        raise InvalidValue("username", "invalid_format", "must be 3-40 letters, digits, '.', '_' or '-'")
    if not normalised.isascii():
        raise InvalidValue("username", "invalid_format", "must use ASCII letters and digits")
    return normalised


@dataclass(frozen=True, slots=True)
class User:
    """A registered user; the password is only ever held as a hash."""

    id: UUID
    username: str
    role: Role
    password_hash: str
