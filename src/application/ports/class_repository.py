"""ClassRepository port: classes, their teacher and their students."""

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from application.ports.actor import Actor
from domain.school_class import SchoolClass


@dataclass(frozen=True, slots=True)
class ClassMember:
    """A student of a class, as the class's teacher sees them."""

    id: UUID
    username: str


@dataclass(frozen=True, slots=True)
class ClassRoster:
    """A class with its teacher's username and its students, by username."""

    school_class: SchoolClass
    teacher_username: str
    members: tuple[ClassMember, ...]


class ClassRepository(Protocol):
    """Classes in the source of truth. Raises StorageError."""

    async def add(self, school_class: SchoolClass) -> None:
        """Insert a new class."""
        ...

    async def get_visible(self, class_id: UUID, viewer: Actor) -> SchoolClass | None:
        """The class if it exists and the viewer teaches it or is an admin (checked in the query), else None."""
        ...

    async def rosters(self, viewer: Actor, class_id: UUID | None = None) -> tuple[ClassRoster, ...]:
        """The viewer's classes (every class for an admin), by name, optionally only `class_id`."""
        ...

    async def add_member(self, class_id: UUID, student_id: UUID) -> bool:
        """Enrol a student; False when they already were a member."""
        ...

    async def teaches(self, teacher_id: UUID, student_id: UUID) -> bool:
        """True when the student is a member of one of the teacher's classes."""
        ...
