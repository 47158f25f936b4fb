"""A pure-ASGI shortcut for the hottest read: a cached lesson view asked for with a remembered token."""

import re
from uuid import UUID

from litestar.config.app import AppConfig
from litestar.enums import ScopeType
from litestar.middleware import DefineMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from application.errors import StorageError
from application.lesson_visibility import visible_by_ownership
from infrastructure.container.application import ApplicationContainer
from presentation.http.lesson_create_fast_path import LessonCreateFastPath
from presentation.http.remembered_token import remembered_token
from presentation.http.security import BearerJWTMiddleware

_LESSON_PATH = re.compile(r"^/api/v1/lessons/([0-9a-fA-F-]{36})$")


class CachedReadFastPath:
    """Answers `GET /api/v1/lessons/{id}` itself when everything is already known: the bearer token is in
    the verified-token cache (signature, claims and expiry checked before), and one Redis script finds the
    token not revoked and the view cached and visible to the caller from its owner ids alone.

    Anything else — no or unknown token, a query string, a revoked token, a miss, a teacher who needs the
    class tables, Redis trouble — goes on to the full Litestar route, which gives the usual answer (401,
    404, 503 or the view). This answers only 200s, with the same body the route would send.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await self._cached_body(scope) if scope["type"] == ScopeType.HTTP else None
        if body is None:
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body, "more_body": False})

    async def _cached_body(self, scope: Scope) -> bytes | None:
        match = _LESSON_PATH.match(scope["path"])
        if match is None or scope.get("method") != "GET" or scope.get("query_string"):
            return None
        known = remembered_token(scope)
        if known is None:
            return None
        container: ApplicationContainer = scope["litestar_app"].state.container
        try:
            found = await container.gateways.lesson_views().get_for_token(UUID(match.group(1)), known.jti)
        except (ValueError, StorageError):
            return None
        view = found.view
        if found.revoked or view is None:
            return None
        visible = visible_by_ownership(known.actor, view.owner_id, view.requested_by)
        return view.body if visible is True else None


def fast_path_before_auth(app_config: AppConfig) -> AppConfig:
    """Put the shortcuts (this read, and LessonCreateFastPath) just before authentication, innermost of the
    app's middleware, so that tracing (and any other middleware of the app) still wraps every answer; runs
    after the JWT config added its middleware."""
    is_auth = [isinstance(m, DefineMiddleware) and m.middleware is BearerJWTMiddleware
               for m in app_config.middleware]
    auth = [m for m, flag in zip(app_config.middleware, is_auth, strict=True) if flag]
    others = [m for m, flag in zip(app_config.middleware, is_auth, strict=True) if not flag]
    app_config.middleware = [*others, CachedReadFastPath, LessonCreateFastPath, *auth]
    return app_config
