"""SQL building blocks for lesson requests: visibility, keyset paging, claimability and writes."""

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from application.ports.actor import Actor
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.user import Role
from infrastructure.persistence.keyset_cursor import KeysetCursor
from infrastructure.persistence.lesson_mapper import lesson_to_row
from infrastructure.persistence.tables import class_members, classes
from infrastructure.persistence.tables import lesson_requests as lessons
from infrastructure.persistence.utc_datetime import UtcDateTime

NEWEST_FIRST = (lessons.c.created_at.desc(), lessons.c.id.desc())
OLDEST_FIRST = (lessons.c.created_at, lessons.c.id)


def involving(user_id: UUID) -> sa.ColumnElement[bool]:
    """Rows the user owns or requested."""
    return sa.or_(lessons.c.owner_id == user_id, lessons.c.requested_by == user_id)


def taught_by(teacher_id: UUID) -> sa.ColumnElement[bool]:
    """Rows owned by a student of one of the teacher's classes (an EXISTS over the class tables)."""
    return (
        sa.exists()
        .where(class_members.c.student_id == lessons.c.owner_id, class_members.c.class_id == classes.c.id,
               classes.c.teacher_id == teacher_id)
    )


def visible_to(viewer: Actor) -> sa.ColumnElement[bool]:
    """Rows the viewer may see: everything for an admin; else what they own or requested, and for a
    teacher also what the students of their classes own."""
    if viewer.is_admin:
        return sa.true()
    if viewer.role is Role.TEACHER:
        return sa.or_(involving(viewer.user_id), taught_by(viewer.user_id))
    return involving(viewer.user_id)


def after_cursor(cursor: KeysetCursor) -> sa.ColumnElement[bool]:
    """Rows strictly after the cursor in newest-first order: (created_at, id) < (cursor's)."""
    return sa.tuple_(lessons.c.created_at, lessons.c.id) < sa.tuple_(
        sa.literal(cursor.created_at, UtcDateTime()), sa.literal(cursor.id, sa.Uuid())
    )


def claimable(now: datetime) -> sa.ColumnElement[bool]:
    """Queued rows whose retry delay, if any, has passed."""
    return sa.and_(
        lessons.c.status == LessonStatus.QUEUED.value,
        sa.or_(lessons.c.not_before.is_(None), lessons.c.not_before <= now),
    )


def select_lessons() -> sa.Select[Any]:
    """Every column of `lesson_requests`."""
    return sa.select(lessons)


def write_values(lesson: LessonRequest) -> dict[str, Any]:
    """SET values for an update of `lesson`: every field, the next version, no lease once it stops running."""
    values = lesson_to_row(lesson)
    del values["id"]
    values["version"] = lesson.version + 1
    if lesson.status is not LessonStatus.RUNNING:
        values["lease_owner"] = None
        values["lease_expires_at"] = None
    return values


def conditional_update(lesson: LessonRequest, *conditions: sa.ColumnElement[bool]) -> sa.Update:
    """UPDATE of `lesson` that only matches while the stored version is still `lesson.version`."""
    return (
        sa.update(lessons)
        .where(lessons.c.id == lesson.id, lessons.c.version == lesson.version, *conditions)
        .values(**write_values(lesson))
    )
