"""Bodies of the token route."""

from typing import Annotated

import msgspec


class TokenRequest(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Credentials."""

    username: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=256)]


class TokenResponse(msgspec.Struct, frozen=True):
    """A bearer token and its lifetime in seconds."""

    access_token: str
    expires_in: int
    token_type: str = "bearer"  # noqa: S105 - the scheme name
