"""A student's interest, used to personalise the hook of a lesson."""

import re
from dataclasses import dataclass

from domain.errors import InvalidValue

_ALLOWED = re.compile(r"^[\w][\w '&\-.]*$", re.UNICODE)
MAX_INTEREST_LENGTH = 60


@dataclass(frozen=True, slots=True)
class Interest:
    """A short, normalised interest such as "soccer" or "ancient egypt"."""

    value: str

    def __post_init__(self) -> None:
        text = " ".join(self.value.split()) if isinstance(self.value, str) else None
        if not text:
            raise InvalidValue("interest", "empty", "must not be empty when given")
        if len(text) > MAX_INTEREST_LENGTH:
            raise InvalidValue("interest", "too_long", f"must be at most {MAX_INTEREST_LENGTH} characters")
        if not _ALLOWED.match(text):
            raise InvalidValue("interest", "invalid_characters", "may hold letters, digits, spaces and - ' & .")
        object.__setattr__(self, "value", text.lower())
