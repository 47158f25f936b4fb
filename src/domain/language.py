"""The language a lesson is written in."""

import re
from dataclasses import dataclass

from domain.errors import InvalidValue

_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
SUPPORTED_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True, slots=True)
class Language:
    """A BCP-47 style language tag that Lessonsmith can write lessons in."""

    tag: str = "en"

    def __post_init__(self) -> None:
        if not isinstance(self.tag, str) or not _TAG.match(self.tag):
            raise InvalidValue("language", "invalid_format", "must be a language tag such as 'en'")
        if self.tag.split("-")[0] not in SUPPORTED_LANGUAGES:
            supported = ", ".join(sorted(SUPPORTED_LANGUAGES))
            raise InvalidValue("language", "unsupported", f"is not supported yet; use one of: {supported}")
