"""SqlaUserRepository: registered users in PostgreSQL or SQLite through SQLAlchemy Core."""

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.ext.asyncio import AsyncConnection

from application.errors import UsernameTaken
from application.ports.user_repository import UserRepository
from domain.user import Role, User
from infrastructure.persistence.savepoint import statement_savepoint
from infrastructure.persistence.storage_errors import storage_errors, violated_constraint
from infrastructure.persistence.tables import USERNAME_CONSTRAINT, users
from infrastructure.persistence.write_gate import WriteTurn


def _user(row: sa.RowMapping) -> User:
    return User(
        id=row["id"], username=row["username"], role=Role(row["role"]), password_hash=row["password_hash"]
    )


class SqlaUserRepository(UserRepository):
    """Users on one connection whose transaction the unit of work owns."""

    def __init__(self, connection: AsyncConnection, turn: WriteTurn | None = None) -> None:
        self._conn = connection
        self._turn = turn or WriteTurn()

    async def add(self, user: User) -> None:
        """Insert; UsernameTaken when the name is in use (the unit of work stays usable)."""
        values = {"id": user.id, "username": user.username, "role": user.role.value,
                  "password_hash": user.password_hash}
        await self._turn.take()
        with storage_errors("add a user"):
            try:
                async with statement_savepoint(self._conn):
                    await self._conn.execute(sa.insert(users).values(**values))
            except exc.IntegrityError as error:
                if violated_constraint(error, users) == USERNAME_CONSTRAINT:
                    raise UsernameTaken(f"the username {user.username!r} is taken") from None
                raise

    async def get(self, user_id: UUID) -> User | None:
        """The user with that id."""
        return await self._one(sa.select(users).where(users.c.id == user_id))

    async def get_by_username(self, username: str) -> User | None:
        """The user with exactly that (already normalised) username."""
        return await self._one(sa.select(users).where(users.c.username == username))

    async def count(self) -> int:
        """How many users exist."""
        with storage_errors("count users"):
            total = await self._conn.scalar(sa.select(sa.func.count()).select_from(users))
        return int(total or 0)

    async def _one(self, stmt: sa.Select[Any]) -> User | None:
        with storage_errors("read a user"):
            row = (await self._conn.execute(stmt)).mappings().first()
        return _user(row) if row is not None else None
