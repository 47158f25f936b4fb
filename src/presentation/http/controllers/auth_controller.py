"""POST /api/v1/auth/token and /api/v1/auth/logout."""

from typing import Any

from litestar import Controller, Request, post
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody
from litestar.security.jwt import Token

from application.ports.actor import Actor
from application.use_cases.issue_token import IssueToken, IssueTokenCommand
from application.use_cases.revoke_token import RevokeToken, RevokeTokenCommand
from presentation.http.dependencies import provide_issue_token, provide_revoke_token
from presentation.http.openapi_responses import error_responses
from presentation.http.schemas.auth_schemas import TokenRequest, TokenResponse
from presentation.http.security import PUBLIC


class AuthController(Controller):
    """Exchanges credentials for a bearer token, and revokes it at logout."""

    path = "/api/v1/auth"
    tags = ["auth"]

    @post("/token", operation_id="issueToken", security=PUBLIC, status_code=200,
          dependencies={"issue_token": Provide(provide_issue_token, sync_to_thread=False)},
          responses=error_responses(400, 401, 413, 429, 503), request_max_body_size=4096)
    async def issue(self, request: Request[Any, Any, Any], data: JSONBody[TokenRequest],
                    issue_token: NamedDependency[IssueToken]) -> TokenResponse:
        """A bearer token valid for `expires_in` seconds; wrong username or password answer the same 401.
        Too many failures for a username or from an address answer 429 with Retry-After."""
        address = request.client.host if request.client else None
        token = await issue_token.execute(IssueTokenCommand(username=data.username, password=data.password,
                                                            client_address=address))
        return TokenResponse(access_token=token.access_token, expires_in=token.expires_in)

    @post("/logout", operation_id="logout", status_code=204,
          dependencies={"revoke_token": Provide(provide_revoke_token, sync_to_thread=False)},
          responses=error_responses(401, 503), request_max_body_size=4096)
    async def logout(self, request: Request[Actor, Token, Any], revoke_token: NamedDependency[RevokeToken]) -> None:
        """Revoke the token this request carries: from now on it answers 401 everywhere."""
        token = request.auth
        await revoke_token.execute(RevokeTokenCommand(jti=str(token.jti), expires_at=token.exp))
