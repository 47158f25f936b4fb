"""IssueToken: exchange a username and password (or an operator's say-so) for a bearer token."""

from dataclasses import dataclass

from application.errors import InvalidCredentials
from application.limits.login_throttle import LoginThrottle
from application.ports.password_hasher import PasswordHasher
from application.ports.token_issuer import IssuedToken, TokenIssuer
from application.ports.unit_of_work import UnitOfWorkFactory

_DUMMY_HASH_INPUT = "timing-equaliser"


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueTokenCommand:
    """Credentials; `password=None` is for operators on the CLI, who already hold the database.

    `client_address` is where the attempt came from (throttled per address as well as per username)."""

    username: str
    password: str | None
    client_address: str | None = None


class IssueToken:
    """Anyone may log in; wrong username and wrong password answer the same InvalidCredentials.

    With a `throttle`, password attempts past the per-username or per-address limit raise RateLimited
    before any password is checked.
    """

    def __init__(self, uow: UnitOfWorkFactory, hasher: PasswordHasher, issuer: TokenIssuer,
                 throttle: LoginThrottle | None = None) -> None:
        self._uow = uow
        self._hasher = hasher
        self._issuer = issuer
        self._throttle = throttle
        self._dummy_hash: str | None = None

    async def execute(self, command: IssueTokenCommand) -> IssuedToken:
        """A signed token for the user."""
        username = command.username.strip().lower()
        if command.password is not None and self._throttle is not None:
            await self._throttle.admit(username, command.client_address)
        async with self._uow() as uow:
            user = await uow.users.get_by_username(username)
        if command.password is None:
            if user is None:
                raise InvalidCredentials("no such user")
            return self._issuer.issue(user)
        if user is None:
            await self._burn_time(command.password)
            raise InvalidCredentials("wrong username or password")
        if not await self._hasher.verify(user.password_hash, command.password):
            raise InvalidCredentials("wrong username or password")
        if self._throttle is not None:
            await self._throttle.succeeded(username, command.client_address)
        return self._issuer.issue(user)

    async def _burn_time(self, password: str) -> None:
        """Verify against a dummy hash so an unknown username takes as long as a wrong password."""
        if self._dummy_hash is None:
            self._dummy_hash = await self._hasher.hash(_DUMMY_HASH_INPUT)
        await self._hasher.verify(self._dummy_hash, password)
