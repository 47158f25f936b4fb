"""CreateUser: register a user with a role and a hashed password."""

import secrets
from dataclasses import dataclass

from application.ports.id_generator import IdGenerator
from application.ports.password_hasher import PasswordHasher
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.errors import InvalidValue
from domain.user import Role, User, validate_username

MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateUserCommand:
    """A new user; without a password one is generated and returned once."""

    username: str
    role: Role
    password: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateUserResult:
    """The user and, when it was generated, the password to hand over."""

    user: User
    generated_password: str | None


class CreateUser:
    """Operators (CLI) and start-up create users. Raises InvalidValue or UsernameTaken."""

    def __init__(self, uow: UnitOfWorkFactory, ids: IdGenerator, hasher: PasswordHasher) -> None:
        self._uow = uow
        self._ids = ids
        self._hasher = hasher

    async def execute(self, command: CreateUserCommand) -> CreateUserResult:
        """The created user."""
        username = validate_username(command.username)
        generated = secrets.token_urlsafe(12) if command.password is None else None
        password = command.password if command.password is not None else generated
        assert password is not None
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidValue("password", "too_short", f"must be at least {MIN_PASSWORD_LENGTH} characters")
        user = User(id=self._ids.new_id(), username=username, role=command.role,
                    password_hash=await self._hasher.hash(password))
        async with self._uow() as uow:
            await uow.users.add(user)
            await uow.commit()
        return CreateUserResult(user=user, generated_password=generated)
