"""IssueToken with login throttling: failures per username and per address, checked before any password."""

from uuid import uuid4

import pytest

from application.errors import InvalidCredentials, RateLimited
from application.limits.login_throttle import LoginThrottle, LoginThrottlePolicy
from application.ports.password_hasher import PasswordHasher
from application.ports.token_issuer import IssuedToken, TokenIssuer
from application.use_cases.issue_token import IssueToken, IssueTokenCommand
from domain.user import Role, User
from infrastructure.limits.in_process_rate_counter import InProcessRateCounter
from tests.unit.fakes import FakeClock, FakeUnitOfWorkFactory

pytestmark = pytest.mark.req("RDS-051")


class PlainHasher(PasswordHasher):
    """"hash:" + password; counts verifications (the expensive step throttling must spare)."""

    def __init__(self) -> None:
        self.verified = 0

    async def hash(self, password: str) -> str:
        return f"hash:{password}"

    async def verify(self, password_hash: str, password: str) -> bool:
        self.verified += 1
        return password_hash == f"hash:{password}"


class NamedTokens(TokenIssuer):
    """A token that is the username."""

    def issue(self, user: User) -> IssuedToken:
        return IssuedToken(user.username, 900)


@pytest.fixture
def login() -> tuple[IssueToken, PlainHasher, FakeClock]:
    uow, hasher, clock = FakeUnitOfWorkFactory(), PlainHasher(), FakeClock()
    for name in ("alice", "bob"):
        user = User(uuid4(), name, Role.STUDENT, f"hash:{name}-password")
        uow.db.users[user.id] = user
    throttle = LoginThrottle(InProcessRateCounter(clock), LoginThrottlePolicy(per_username=3, per_address=5,
                                                                              window_s=900))
    return IssueToken(uow, hasher, NamedTokens(), throttle), hasher, clock


def _attempt(user: str, password: str, address: str = "10.0.0.1") -> IssueTokenCommand:
    return IssueTokenCommand(username=user, password=password, client_address=address)


async def test_a_username_is_locked_after_its_failures_even_with_the_right_password(
        login: tuple[IssueToken, PlainHasher, FakeClock]) -> None:
    use_case, hasher, clock = login
    for _ in range(3):
        with pytest.raises(InvalidCredentials):
            await use_case.execute(_attempt("alice", "guess"))
    verified = hasher.verified
    with pytest.raises(RateLimited) as refused:
        await use_case.execute(_attempt("ALICE ", "alice-password"))
    assert refused.value.code == "login_throttled" and refused.value.retry_after_s == 900
    assert hasher.verified == verified  # no password was checked while throttled
    assert (await use_case.execute(_attempt("bob", "bob-password"))).access_token == "bob"
    clock.advance(900)
    assert (await use_case.execute(_attempt("alice", "alice-password"))).access_token == "alice"


async def test_success_clears_the_username_and_gives_the_address_its_attempt_back(
        login: tuple[IssueToken, PlainHasher, FakeClock]) -> None:
    use_case, _, _ = login
    for _ in range(2):
        with pytest.raises(InvalidCredentials):
            await use_case.execute(_attempt("alice", "guess"))
    await use_case.execute(_attempt("alice", "alice-password"))
    for _ in range(2):
        with pytest.raises(InvalidCredentials):
            await use_case.execute(_attempt("alice", "guess"))
    for _ in range(10):
        await use_case.execute(_attempt("bob", "bob-password"))  # successes never fill the address's budget


async def test_an_address_is_locked_after_failures_across_usernames(
        login: tuple[IssueToken, PlainHasher, FakeClock]) -> None:
    use_case, _, _ = login
    for n in range(5):
        with pytest.raises(InvalidCredentials):
            await use_case.execute(_attempt(f"user{n}", "guess"))
    with pytest.raises(RateLimited):
        await use_case.execute(_attempt("bob", "bob-password"))
    assert (await use_case.execute(_attempt("bob", "bob-password", "10.0.0.2"))).access_token == "bob"
    assert (await use_case.execute(IssueTokenCommand(username="alice", password=None))).access_token == "alice"
