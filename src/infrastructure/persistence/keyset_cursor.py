"""The opaque listing cursor: the (created_at, id) of the last row of a page, URL-safe base64."""

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.errors import InvalidValue
from infrastructure.persistence.utc_datetime import as_utc


@dataclass(frozen=True, slots=True)
class KeysetCursor:
    """Where the next page starts: strictly after this (created_at, id) in newest-first order."""

    created_at: datetime
    id: UUID

    def encode(self) -> str:
        """The opaque text handed to clients."""
        raw = f"{as_utc(self.created_at).isoformat()}|{self.id}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "KeysetCursor":
        """The cursor `encode` produced; InvalidValue("cursor", ...) for anything else."""
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
            created_at, lesson_id = raw.split("|")
            return cls(as_utc(datetime.fromisoformat(created_at)), UUID(lesson_id))
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise InvalidValue("cursor", "invalid_cursor", "is not a cursor this service issued") from None
