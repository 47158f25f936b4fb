"""SqlaUserRepository against SQLite and PostgreSQL."""

from uuid import uuid4

import pytest

from application.errors import UsernameTaken
from domain.user import Role, User
from infrastructure.persistence import SqlaUnitOfWorkFactory

pytestmark = pytest.mark.req("RDS-018")


def _user(username: str, role: Role = Role.STUDENT) -> User:
    return User(id=uuid4(), username=username, role=role, password_hash="$argon2id$v=19$m=65536,t=3,p=4$x$y")


async def test_users_round_trip_by_id_and_username(uow: SqlaUnitOfWorkFactory) -> None:
    ada, grace = _user("ada"), _user("grace", Role.ADMIN)
    async with uow() as work:
        assert await work.users.count() == 0
        await work.users.add(ada)
        await work.users.add(grace)
        await work.commit()
    async with uow() as work:
        assert await work.users.get(ada.id) == ada
        assert await work.users.get_by_username("grace") == grace
        assert await work.users.get(uuid4()) is None
        assert await work.users.get_by_username("nobody") is None
        assert await work.users.count() == 2


async def test_a_taken_username_raises_and_leaves_the_transaction_usable(uow: SqlaUnitOfWorkFactory) -> None:
    async with uow() as work:
        await work.users.add(_user("ada"))
        await work.commit()
    teacher = _user("alan", Role.TEACHER)
    async with uow() as work:
        with pytest.raises(UsernameTaken):
            await work.users.add(_user("ada", Role.TEACHER))
        await work.users.add(teacher)
        await work.commit()
    async with uow() as work:
        assert await work.users.count() == 2
        assert await work.users.get(teacher.id) == teacher
