"""Login throttling: too many failed logins per username or per address answer RateLimited."""

from dataclasses import dataclass

from application.errors import RateLimited
from application.ports.rate_counter import RateCounter


@dataclass(frozen=True, slots=True, kw_only=True)
class LoginThrottlePolicy:
    """Failures allowed per username and per client address within one window (0 = unlimited)."""

    per_username: int = 5
    per_address: int = 20
    window_s: int = 900


class LoginThrottle:
    """Counts every attempt before the password is checked (so parallel guesses cannot slip through),
    then gives a successful attempt back: only failures are left standing."""

    def __init__(self, counter: RateCounter, policy: LoginThrottlePolicy) -> None:
        self._counter = counter
        self._policy = policy

    def _keys(self, username: str, address: str | None) -> list[tuple[str, int]]:
        keys = [(f"login:user:{username}", self._policy.per_username)]
        if address:
            keys.append((f"login:addr:{address}", self._policy.per_address))
        return [(key, limit) for key, limit in keys if limit > 0]

    async def admit(self, username: str, address: str | None) -> None:
        """Count the attempt; RateLimited("login_throttled") when a limit is already used up."""
        wait = 0
        for key, limit in self._keys(username, address):
            tally = await self._counter.hit(key, self._policy.window_s)
            if tally.count > limit:
                wait = max(wait, tally.resets_in_s)
        if wait:
            raise RateLimited("login_throttled", "too many failed logins; try again later", wait)

    async def succeeded(self, username: str, address: str | None) -> None:
        """The password was right: clear the username's failures and give the address its attempt back."""
        for key, _ in self._keys(username, address):
            if key.startswith("login:user:"):
                await self._counter.reset(key)
            else:
                await self._counter.undo(key)
