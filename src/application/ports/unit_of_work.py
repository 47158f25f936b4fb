"""UnitOfWork port: one transaction over the repositories, rolled back unless committed."""

from types import TracebackType
from typing import Protocol, Self

from application.ports.class_repository import ClassRepository
from application.ports.curriculum_repository import CurriculumRepository
from application.ports.lesson_repository import LessonRepository
from application.ports.user_repository import UserRepository


class UnitOfWork(Protocol):
    """Opens a transaction on enter; rolls back on exit unless `commit` was awaited. Raises StorageError."""

    lessons: LessonRepository
    users: UserRepository
    classes: ClassRepository
    curriculum: CurriculumRepository

    async def __aenter__(self) -> Self:
        """Begin the transaction."""
        ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Roll back whatever was not committed and release the connection."""
        ...

    async def commit(self) -> None:
        """Make the changes durable."""
        ...


class UnitOfWorkFactory(Protocol):
    """Makes a fresh unit of work per use."""

    def __call__(self) -> UnitOfWork:
        """A new, not yet entered, unit of work."""
        ...
