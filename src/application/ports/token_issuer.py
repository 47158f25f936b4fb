"""TokenIssuer port: bearer tokens for authenticated users."""

from dataclasses import dataclass
from typing import Protocol

from domain.user import User


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A signed bearer token and its lifetime in seconds."""

    access_token: str
    expires_in: int


class TokenIssuer(Protocol):
    """Signs tokens naming the user and role."""

    def issue(self, user: User) -> IssuedToken:
        """A fresh token for `user`."""
        ...
