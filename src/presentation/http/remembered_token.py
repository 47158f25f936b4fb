"""The bearer token of a request when it was verified before: what the ASGI shortcuts need to skip the JWT work."""

from dataclasses import dataclass
from typing import Any

from litestar.types import Scope

from application.ports.actor import Actor
from infrastructure.container.application import ApplicationContainer

_AUTHORIZATION = b"authorization"


@dataclass(frozen=True, slots=True)
class RememberedToken:
    """A token whose signature, claims and expiry were checked before (the verified-token cache)."""

    actor: Actor
    auth: Any
    jti: str


def remembered_token(scope: Scope) -> RememberedToken | None:
    """The request's `Bearer` token from the verified-token cache, unexpired and with a `jti`; else None (the
    full route then authenticates it). Revocation is not checked here: the caller checks it in its own call."""
    header = next((value for name, value in scope["headers"] if name == _AUTHORIZATION), b"")
    scheme, _, token = header.decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    container: ApplicationContainer = scope["litestar_app"].state.container
    tokens = container.gateways.verified_tokens()
    known = tokens.get(tokens.digest(token.strip()))
    jti = getattr(known.auth, "jti", None) if known is not None else None
    if known is None or not isinstance(jti, str) or not jti or not isinstance(known.actor, Actor):
        return None
    return RememberedToken(actor=known.actor, auth=known.auth, jti=jti)
