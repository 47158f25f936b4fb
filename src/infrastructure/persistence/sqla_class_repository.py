"""SqlaClassRepository: classes and their students in PostgreSQL or SQLite through SQLAlchemy Core."""

from uuid import UUID

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.ext.asyncio import AsyncConnection

from application.ports.actor import Actor
from application.ports.class_repository import ClassMember, ClassRepository, ClassRoster
from domain.school_class import SchoolClass
from infrastructure.persistence.savepoint import statement_savepoint
from infrastructure.persistence.storage_errors import storage_errors
from infrastructure.persistence.tables import class_members, classes, users
from infrastructure.persistence.write_gate import WriteTurn


def _managed_by(viewer: Actor) -> sa.ColumnElement[bool]:
    """Classes the viewer manages: all for an admin, else the ones they teach."""
    return sa.true() if viewer.is_admin else classes.c.teacher_id == viewer.user_id


class SqlaClassRepository(ClassRepository):
    """Classes on one connection whose transaction the unit of work owns."""

    def __init__(self, connection: AsyncConnection, turn: WriteTurn | None = None) -> None:
        self._conn = connection
        self._turn = turn or WriteTurn()

    async def add(self, school_class: SchoolClass) -> None:
        """Insert the class."""
        await self._turn.take()
        with storage_errors("add a class"):
            await self._conn.execute(sa.insert(classes).values(
                id=school_class.id, name=school_class.name, teacher_id=school_class.teacher_id))

    async def get_visible(self, class_id: UUID, viewer: Actor) -> SchoolClass | None:
        """The class when the viewer teaches it or is an admin."""
        stmt = sa.select(classes.c.id, classes.c.name, classes.c.teacher_id).where(
            classes.c.id == class_id, _managed_by(viewer))
        with storage_errors("read a class"):
            row = (await self._conn.execute(stmt)).first()
        return SchoolClass(id=row.id, name=row.name, teacher_id=row.teacher_id) if row is not None else None

    async def rosters(self, viewer: Actor, class_id: UUID | None = None) -> tuple[ClassRoster, ...]:
        """Two queries: the classes with their teacher's name, then all their members at once."""
        teacher = users.alias("teacher")
        stmt = (
            sa.select(classes.c.id, classes.c.name, classes.c.teacher_id, teacher.c.username)
            .join(teacher, teacher.c.id == classes.c.teacher_id)
            .where(_managed_by(viewer))
            .order_by(classes.c.name, classes.c.id)
        )
        if class_id is not None:
            stmt = stmt.where(classes.c.id == class_id)
        with storage_errors("list classes"):
            rows = (await self._conn.execute(stmt)).all()
            members = await self._members([row.id for row in rows])
        return tuple(
            ClassRoster(SchoolClass(id=row.id, name=row.name, teacher_id=row.teacher_id), row.username,
                        members.get(row.id, ()))
            for row in rows
        )

    async def _members(self, class_ids: list[UUID]) -> dict[UUID, tuple[ClassMember, ...]]:
        if not class_ids:
            return {}
        stmt = (
            sa.select(class_members.c.class_id, users.c.id, users.c.username)
            .join(users, users.c.id == class_members.c.student_id)
            .where(class_members.c.class_id.in_(class_ids))
            .order_by(users.c.username)
        )
        grouped: dict[UUID, list[ClassMember]] = {}
        for row in (await self._conn.execute(stmt)).all():
            grouped.setdefault(row.class_id, []).append(ClassMember(id=row.id, username=row.username))
        return {key: tuple(value) for key, value in grouped.items()}

    async def add_member(self, class_id: UUID, student_id: UUID) -> bool:
        """Insert the membership; False when it already existed (the transaction stays usable)."""
        existing = sa.select(sa.exists().where(class_members.c.class_id == class_id,
                                               class_members.c.student_id == student_id))
        await self._turn.take()
        with storage_errors("enrol a student"):
            try:
                async with statement_savepoint(self._conn):
                    await self._conn.execute(sa.insert(class_members).values(class_id=class_id,
                                                                              student_id=student_id))
            except exc.IntegrityError:
                if await self._conn.scalar(existing):
                    return False
                raise
        return True

    async def teaches(self, teacher_id: UUID, student_id: UUID) -> bool:
        """True when the student belongs to one of the teacher's classes."""
        stmt = sa.select(sa.exists().where(
            class_members.c.student_id == student_id, class_members.c.class_id == classes.c.id,
            classes.c.teacher_id == teacher_id))
        with storage_errors("check a class membership"):
            return bool(await self._conn.scalar(stmt))
