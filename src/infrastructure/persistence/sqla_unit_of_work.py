"""SqlaUnitOfWork: one connection and one transaction over the lesson and user repositories."""

from types import TracebackType
from typing import Self
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from application.errors import StorageError
from application.ports.class_repository import ClassRepository
from application.ports.curriculum_repository import CurriculumRepository
from application.ports.lesson_repository import LessonRepository
from application.ports.lesson_view_cache import LessonViewCache
from application.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from application.ports.user_repository import UserRepository
from infrastructure.persistence.sqla_class_repository import SqlaClassRepository
from infrastructure.persistence.sqla_curriculum_repository import SqlaCurriculumRepository
from infrastructure.persistence.sqla_lesson_repository import SqlaLessonRepository
from infrastructure.persistence.sqla_user_repository import SqlaUserRepository
from infrastructure.persistence.storage_errors import storage_errors
from infrastructure.persistence.write_gate import WriteGate, WriteTurn


class SqlaUnitOfWork(UnitOfWork):
    """Checks a connection out of the engine's pool on enter and begins a transaction.

    `commit` makes the work so far durable; statements after it run in a new transaction. Exit rolls
    back whatever was not committed and returns the connection to the pool. With a `gate` (SQLite),
    writers of this process take turns from their first write to their commit or rollback. With `views`,
    the new versions of updated lessons are announced to the view cache just before the commit.
    """

    lessons: LessonRepository
    users: UserRepository
    classes: ClassRepository
    curriculum: CurriculumRepository

    def __init__(self, engine: AsyncEngine, gate: WriteGate | None = None,
                 views: LessonViewCache | None = None) -> None:
        self._engine = engine
        self._gate = gate
        self._views = views
        self._conn: AsyncConnection | None = None
        self._turn = WriteTurn()
        self._written: dict[UUID, int] = {}

    async def __aenter__(self) -> Self:
        """Connect, begin, and build the repositories on this connection."""
        if self._conn is not None:
            raise RuntimeError("this unit of work is already open; make a new one per use")
        with storage_errors("open a database transaction"):
            conn = await self._engine.connect()
            try:
                await conn.begin()
            except BaseException:
                await conn.close()
                raise
        self._conn = conn
        self._turn = self._gate.turn() if self._gate is not None else WriteTurn()
        self._written = {}
        self.lessons = SqlaLessonRepository(conn, self._turn, self._written)
        self.users = SqlaUserRepository(conn, self._turn)
        self.classes = SqlaClassRepository(conn, self._turn)
        self.curriculum = SqlaCurriculumRepository(conn, self._turn)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Roll back what was not committed and release the connection.

        A failure here is raised as StorageError only when no other exception is already on its way.
        """
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            with storage_errors("roll back a database transaction"):
                try:
                    await conn.rollback()
                finally:
                    await conn.close()
        except StorageError:
            if exc is None:
                raise
        finally:
            self._turn.give_back()

    async def commit(self) -> None:
        """Commit the transaction."""
        if self._conn is None:
            raise RuntimeError("commit outside of `async with`")
        if self._views is not None and self._written:
            await self._views.announce(self._written)
            self._written.clear()
        with storage_errors("commit a database transaction"):
            await self._conn.commit()
        self._turn.give_back()


class SqlaUnitOfWorkFactory(UnitOfWorkFactory):
    """Makes a fresh SqlaUnitOfWork on the shared engine for each use.

    On SQLite all units of work of this factory share one WriteGate, so writers take fair turns.
    """

    def __init__(self, engine: AsyncEngine, views: LessonViewCache | None = None) -> None:
        self._engine = engine
        self._gate = WriteGate() if engine.dialect.name == "sqlite" else None
        self._views = views

    def __call__(self) -> SqlaUnitOfWork:
        """A new, not yet entered, unit of work."""
        return SqlaUnitOfWork(self._engine, self._gate, self._views)
