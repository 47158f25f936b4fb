"""The verified-token cache: keyed by digest, bounded, and never returns a token past its expiry."""

from uuid import uuid4

import pytest

from application.ports.actor import Actor
from domain.user import Role
from infrastructure.security.verified_token_cache import VerifiedToken, VerifiedTokenCache

pytestmark = pytest.mark.req("RDS-072")


class Timer:
    """A clock the test moves by hand (epoch seconds)."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def entry(expires_at: float) -> VerifiedToken[str]:
    return VerifiedToken(Actor(uuid4(), Role.STUDENT), "decoded", expires_at)


def test_an_entry_is_found_by_the_tokens_digest_until_it_expires() -> None:
    timer = Timer()
    cache: VerifiedTokenCache[str] = VerifiedTokenCache(timer=timer)
    key = cache.digest("header.payload.signature")
    assert key != b"header.payload.signature" and len(key) == 32
    cache.put(key, entry(expires_at=1_060.0))
    assert cache.get(key) is not None
    assert cache.get(cache.digest("header.payload.other")) is None
    timer.now = 1_059.9
    assert cache.get(key) is not None
    timer.now = 1_060.0
    assert cache.get(key) is None  # expired: the caller must verify (and refuse) it again


def test_an_already_expired_token_is_not_remembered() -> None:
    timer = Timer()
    cache: VerifiedTokenCache[str] = VerifiedTokenCache(timer=timer)
    cache.put(cache.digest("t"), entry(expires_at=999.0))
    assert cache.get(cache.digest("t")) is None and len(cache) == 0


def test_the_cache_is_bounded_and_drops_the_least_recently_used_token() -> None:
    cache: VerifiedTokenCache[str] = VerifiedTokenCache(max_entries=3, timer=Timer())
    keys = [cache.digest(f"token-{n}") for n in range(5)]
    for key in keys[:3]:
        cache.put(key, entry(expires_at=2_000.0))
    assert cache.get(keys[0]) is not None  # token-0 is now the most recently used
    for key in keys[3:]:
        cache.put(key, entry(expires_at=2_000.0))
    assert len(cache) == 3
    assert [cache.get(key) is not None for key in keys] == [True, False, False, True, True]
