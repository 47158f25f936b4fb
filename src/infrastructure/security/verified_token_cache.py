"""VerifiedTokenCache: bearer tokens whose signature and claims were already checked, by digest, until they expire."""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from cachetools import TLRUCache

from application.ports.actor import Actor

DEFAULT_MAX_ENTRIES = 10_000
Auth = TypeVar("Auth")


@dataclass(frozen=True, slots=True)
class VerifiedToken(Generic[Auth]):
    """What verifying a token established: the actor, the decoded token and when it expires (epoch seconds)."""

    actor: Actor
    auth: Auth
    expires_at: float


class VerifiedTokenCache(Generic[Auth]):
    """A bounded LRU memory of verified tokens keyed by the token's SHA-256 digest (never the token itself).

    An entry is dropped when its token expires and is never returned after that, so an expired token goes
    back through full verification (and is refused there). Revocation is not remembered here: callers
    check the shared deny-list on every request, so a logout applies at once in every process.
    """

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, timer: Callable[[], float] = time.time) -> None:
        self._timer = timer
        self._entries: TLRUCache[bytes, VerifiedToken[Auth]] = TLRUCache(
            maxsize=max_entries, ttu=lambda _key, entry, _now: entry.expires_at, timer=timer)

    @staticmethod
    def digest(encoded_token: str) -> bytes:
        """The cache key of a token."""
        return hashlib.sha256(encoded_token.encode()).digest()

    def get(self, digest: bytes) -> VerifiedToken[Auth] | None:
        """The entry for an unexpired token, or None."""
        entry = self._entries.get(digest)
        if entry is None or entry.expires_at <= self._timer():
            return None
        return entry

    def put(self, digest: bytes, entry: VerifiedToken[Auth]) -> None:
        """Remember a verified token (the least recently used entry goes when the cache is full)."""
        if entry.expires_at > self._timer():
            self._entries[digest] = entry

    def __len__(self) -> int:
        """Entries held now (expired ones may linger until the next write)."""
        return len(self._entries)
