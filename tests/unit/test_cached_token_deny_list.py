"""The cached deny-list: its own revocations apply at once, others' within the cache's two seconds."""

from datetime import timedelta

import pytest

from infrastructure.security.cached_token_deny_list import CachedTokenDenyList
from tests.unit.fakes import FakeClock, FakeDenyList

pytestmark = pytest.mark.req("RDS-050")


async def test_revocations_here_apply_at_once_and_elsewhere_within_the_ttl() -> None:
    clock, shared = FakeClock(), FakeDenyList()
    here, elsewhere = CachedTokenDenyList(shared, clock), CachedTokenDenyList(shared, clock)
    assert not await here.is_revoked("a") and not await here.is_revoked("a")
    assert shared.lookups == 1  # the second answer came from memory
    await here.revoke("a", clock.now() + timedelta(minutes=15))
    assert await here.is_revoked("a")
    assert not await elsewhere.is_revoked("b")
    await here.revoke("b", clock.now() + timedelta(minutes=15))
    assert not await elsewhere.is_revoked("b")  # still remembered as allowed...
    clock.advance(2)
    assert await elsewhere.is_revoked("b")  # ...for two seconds at most
