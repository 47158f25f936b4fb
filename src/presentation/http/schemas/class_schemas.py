"""Bodies of the class routes and the class view (a teacher's roster)."""

from typing import Annotated
from uuid import UUID

import msgspec

from presentation.http.schemas.text_patterns import USERNAME, VISIBLE_TEXT


class CreateClassBody(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A new class; admins name its teacher, teachers may leave it out (it is them)."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=VISIBLE_TEXT)]
    teacher_username: Annotated[str, msgspec.Meta(pattern=USERNAME)] | None = None


class AddMemberBody(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The student to enrol."""

    username: Annotated[str, msgspec.Meta(pattern=USERNAME)]


class MemberView(msgspec.Struct, frozen=True):
    """A student of the class."""

    id: UUID
    username: str


class ClassView(msgspec.Struct, frozen=True):
    """A class with its teacher and students."""

    id: UUID
    name: str
    teacher_id: UUID
    teacher_username: str
    members: list[MemberView]


class ClassListView(msgspec.Struct, frozen=True):
    """The classes the caller manages, by name."""

    items: list[ClassView]
