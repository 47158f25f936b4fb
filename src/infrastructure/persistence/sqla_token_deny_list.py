"""SqlaTokenDenyList: revoked token ids in the database (the embedded profile's deny-list)."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.ext.asyncio import AsyncEngine

from application.ports.clock import Clock
from application.ports.token_deny_list import TokenDenyList
from infrastructure.persistence.storage_errors import storage_errors
from infrastructure.persistence.tables import revoked_tokens


class SqlaTokenDenyList(TokenDenyList):
    """One short transaction per call on the shared engine; expired entries are purged on every revocation."""

    def __init__(self, engine: AsyncEngine, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock

    async def revoke(self, jti: str, expires_at: datetime) -> None:
        """Insert the id (a second revocation of the same id is a no-op)."""
        purge = sa.delete(revoked_tokens).where(revoked_tokens.c.expires_at < self._clock.now())
        insert = sa.insert(revoked_tokens).values(jti=jti, expires_at=expires_at)
        with storage_errors("revoke a token"):
            try:
                async with self._engine.begin() as connection:
                    await connection.execute(purge)
                    await connection.execute(insert)
            except exc.IntegrityError:
                return

    async def is_revoked(self, jti: str) -> bool:
        """A primary-key lookup."""
        stmt = sa.select(sa.exists().where(revoked_tokens.c.jti == jti))
        with storage_errors("check a token"):
            async with self._engine.connect() as connection:
                return bool(await connection.scalar(stmt))
