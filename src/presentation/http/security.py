"""Bearer-token authentication with Litestar's JWT support; the token alone establishes the actor."""

from typing import Any
from uuid import UUID

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import AuthenticationResult
from litestar.security.jwt import JWTAuth, JWTAuthenticationMiddleware, Token
from litestar.types import Message, Receive, Scope, Send

from application.errors import REVOKED_MESSAGE, StorageError, TokenRevoked
from application.ports.actor import Actor
from application.ports.token_deny_list import TokenDenyList
from domain.user import Role
from infrastructure.security.verified_token_cache import VerifiedToken, VerifiedTokenCache
from presentation.http.error_handlers import error_response

# Route option: the handler checks the deny-list itself, in the same round trip as its own read.
REVOCATION_CHECKED_BY_HANDLER = "revocation_checked_by_handler"
PUBLIC_PATHS = ["^/api/v1/auth/token$", "^/health/", "^/schema", "^/metrics$"]
# An empty requirement: the OpenAPI way to say "no credentials needed" (an empty list would be dropped).
PUBLIC: list[dict[str, list[str]]] = [{}]
# Errors Litestar answers before a handler runs (body validation, size, media type).
EARLY_ERROR_STATUSES = frozenset({400, 413, 415})


class BearerJWTMiddleware(JWTAuthenticationMiddleware):
    """Litestar's JWT middleware, but only the `Bearer` scheme is accepted."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """On routes whose handler checks the deny-list, an error answered before the handler ran is guarded."""
        if scope["type"] == ScopeType.HTTP and scope["route_handler"].opt.get(REVOCATION_CHECKED_BY_HANDLER, False):
            send = _revoked_before_handler(scope, receive, send)
        await super().__call__(scope, receive, send)

    async def authenticate_request(self, connection: ASGIConnection[Any, Any, Any, Any]) -> AuthenticationResult:
        """Reject a missing header or another scheme before decoding (the raw headers are scanned: building
        Litestar's header map costs more than the rest of a cached authentication)."""
        wanted = self.auth_header.lower().encode("latin-1")
        header = next((value.decode("latin-1") for name, value in connection.scope["headers"] if name == wanted), "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthorizedException("a bearer token is required")
        return await self.authenticate_token(encoded_token=token.strip(), connection=connection)

    async def authenticate_token(
        self, encoded_token: str, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        """A token verified before (and not yet expired) skips decoding; the deny-list is asked every time,
        here or, on routes marked REVOCATION_CHECKED_BY_HANDLER, by the handler before it reads anything."""
        cache: VerifiedTokenCache[Token] = connection.app.state.container.gateways.verified_tokens()
        digest = cache.digest(encoded_token)
        known = cache.get(digest)
        if known is None:
            result = await super().authenticate_token(encoded_token=encoded_token, connection=connection)
            cache.put(digest, VerifiedToken(result.user, result.auth, result.auth.exp.timestamp()))
            return result
        handler_checks = connection.scope["route_handler"].opt.get(REVOCATION_CHECKED_BY_HANDLER, False)
        if not handler_checks and await token_revoked(known.auth, connection):
            raise NotAuthorizedException()
        return AuthenticationResult(user=known.actor, auth=known.auth)


def _revoked_before_handler(scope: Scope, receive: Receive, send: Send) -> Send:
    """`send`, except that an early error (EARLY_ERROR_STATUSES: the handler, and so its deny-list check, never
    ran) becomes the 401 the middleware would have answered when the caller's token is revoked."""
    replaced = False

    async def guarded(message: Message) -> None:
        nonlocal replaced
        if replaced:
            return  # the early error's own body
        if message["type"] == "http.response.start" and message["status"] in EARLY_ERROR_STATUSES \
                and await _known_revoked(scope):
            replaced = True
            request: Request[Any, Any, Any] = Request(scope, receive)
            refusal = error_response(request, TokenRevoked(REVOKED_MESSAGE))
            await refusal.to_asgi_response(app=None, request=request)(scope, receive, send)
            return
        await send(message)

    return guarded


async def _known_revoked(scope: Scope) -> bool:
    """True for a revoked token; False for none, or when the deny-list cannot answer (the early error stands: nothing
    was accepted)."""
    auth = scope.get("auth")
    if not isinstance(auth, Token):
        return False
    try:
        return await token_revoked(auth, ASGIConnection(scope))
    except StorageError:
        return False


async def actor_from_token(token: Token, connection: ASGIConnection[Any, Any, Any, Any]) -> Actor | None:
    """The actor named by a verified token; a malformed subject or role is no actor (401)."""
    try:
        return Actor(user_id=UUID(token.sub), role=Role(token.extras.get("role", "")))
    except ValueError:
        return None


async def token_revoked(token: Token, connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """True when the token was logged out (or has no usable `jti`); a deny-list failure refuses it too (503)."""
    if not isinstance(token.jti, str) or not token.jti:
        return True
    deny_list: TokenDenyList = connection.app.state.container.gateways.token_deny_list()
    return await deny_list.is_revoked(token.jti)


def build_jwt_auth(secret: str, issuer: str, audience: str) -> JWTAuth[Actor, Token]:
    """HS256 only (fixed here, never read from the token); issuer, audience, expiry and jti required;
    logged-out tokens refused; public paths anchored."""
    return JWTAuth[Actor, Token](
        token_secret=secret,
        retrieve_user_handler=actor_from_token,
        revoked_token_handler=token_revoked,
        algorithm="HS256",
        accepted_issuers=[issuer],
        accepted_audiences=[audience],
        require_claims=["exp", "sub", "iss", "aud", "jti"],
        verify_expiry=True,
        verify_not_before=True,
        exclude=PUBLIC_PATHS,
        authentication_middleware_class=BearerJWTMiddleware,
        description="A bearer token from POST /api/v1/auth/token",
    )


def roles(*allowed: Role) -> Any:
    """A route guard admitting only the given roles."""
    def guard(connection: ASGIConnection[Any, Actor, Any, Any], _: BaseRouteHandler) -> None:
        if connection.user.role not in allowed:
            raise PermissionDeniedException("your role may not do this")
    return guard
