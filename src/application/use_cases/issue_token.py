"""IssueToken: exchange a username and password (or an operator's say-so) for a bearer token."""

from dataclasses import dataclass

from application.errors import InvalidCredentials
from application.ports.password_hasher import PasswordHasher
from application.ports.token_issuer import IssuedToken, TokenIssuer
from application.ports.unit_of_work import UnitOfWorkFactory

_DUMMY_HASH_INPUT = "timing-equaliser"


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueTokenCommand:
    """Credentials; `password=None` is for operators on the CLI, who already hold the database."""

    username: str
    password: str | None


class IssueToken:
    """Anyone may log in; wrong username and wrong password answer the same InvalidCredentials."""

    def __init__(self, uow: UnitOfWorkFactory, hasher: PasswordHasher, issuer: TokenIssuer) -> None:
        self._uow = uow
        self._hasher = hasher
        self._issuer = issuer
        self._dummy_hash: str | None = None

    async def execute(self, command: IssueTokenCommand) -> IssuedToken:
        """A signed token for the user."""
        async with self._uow() as uow:
            user = await uow.users.get_by_username(command.username.strip().lower())
        if command.password is None:
            if user is None:
                raise InvalidCredentials("no such user")
            return self._issuer.issue(user)
        if user is None:
            await self._burn_time(command.password)
            raise InvalidCredentials("wrong username or password")
        if not await self._hasher.verify(user.password_hash, command.password):
            raise InvalidCredentials("wrong username or password")
        return self._issuer.issue(user)

    async def _burn_time(self, password: str) -> None:
        """Verify against a dummy hash so an unknown username takes as long as a wrong password."""
        if self._dummy_hash is None:
            self._dummy_hash = await self._hasher.hash(_DUMMY_HASH_INPUT)
        await self._hasher.verify(self._dummy_hash, password)
