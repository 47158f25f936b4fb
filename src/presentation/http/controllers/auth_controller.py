"""POST /api/v1/auth/token."""

from litestar import Controller, post
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody

from application.use_cases.issue_token import IssueToken, IssueTokenCommand
from presentation.http.dependencies import provide_issue_token
from presentation.http.openapi_responses import error_responses
from presentation.http.schemas.auth_schemas import TokenRequest, TokenResponse


class AuthController(Controller):
    """Exchanges credentials for a bearer token."""

    path = "/api/v1/auth"
    tags = ["auth"]
    dependencies = {"issue_token": Provide(provide_issue_token, sync_to_thread=False)}

    @post("/token", operation_id="issueToken", security=[{}], status_code=200,
          responses=error_responses(400, 401, 413), request_max_body_size=4096)
    async def issue(self, data: JSONBody[TokenRequest], issue_token: NamedDependency[IssueToken]) -> TokenResponse:
        """A bearer token valid for `expires_in` seconds; wrong username or password answer the same 401."""
        token = await issue_token.execute(IssueTokenCommand(username=data.username, password=data.password))
        return TokenResponse(access_token=token.access_token, expires_in=token.expires_in)
