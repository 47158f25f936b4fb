"""A timestamp column type that always speaks aware UTC, on PostgreSQL and on SQLite alike."""

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class UtcDateTime(sa.TypeDecorator[datetime]):
    """`DateTime(timezone=True)` that binds UTC and reads back aware UTC datetimes.

    SQLite keeps no offset: without this, it would store the wall-clock digits of any offset and read
    them back naive. Bound parameters compared with such a column go through the same conversion.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """UTC before it reaches the driver (naive on SQLite, whose DATETIME keeps no offset)."""
        if value is None:
            return None
        utc = as_utc(value)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """An aware UTC datetime, whatever the driver returned."""
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return as_utc(value)
