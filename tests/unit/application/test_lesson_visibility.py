"""Visibility decided from a cached lesson's owner ids: only where that is enough."""

from uuid import uuid4

import pytest

from application.lesson_visibility import visible_by_ownership
from application.ports.actor import Actor
from domain.user import Role

pytestmark = pytest.mark.req("RDS-070", "RDS-020")

OWNER, TEACHER_WHO_ASKED = uuid4(), uuid4()


def test_admins_owners_and_requesters_see_it() -> None:
    assert visible_by_ownership(Actor(uuid4(), Role.ADMIN), OWNER, TEACHER_WHO_ASKED) is True
    assert visible_by_ownership(Actor(OWNER, Role.STUDENT), OWNER, TEACHER_WHO_ASKED) is True
    assert visible_by_ownership(Actor(TEACHER_WHO_ASKED, Role.TEACHER), OWNER, TEACHER_WHO_ASKED) is True


def test_another_student_does_not_and_another_teacher_needs_the_class_tables() -> None:
    assert visible_by_ownership(Actor(uuid4(), Role.STUDENT), OWNER, OWNER) is False
    assert visible_by_ownership(Actor(uuid4(), Role.TEACHER), OWNER, OWNER) is None
