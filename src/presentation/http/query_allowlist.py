"""Unknown query parameters answer 400 (a typo such as `?limt=5` must not pass silently as the default)."""

import re
from typing import Any
from urllib.parse import parse_qsl

from litestar import Litestar, Request
from litestar.exceptions import ValidationException

_TYPED_PARAMETER = re.compile(r"{(\w+):[^}]+}")


class KnownQueryParameters:
    """A `before_request` hook checking query names against the operation's parameters in the OpenAPI
    document (built once, on first use); routes the document does not list are left alone."""

    def __init__(self) -> None:
        self._allowed: dict[tuple[str, str], frozenset[str]] | None = None

    def _table(self, app: Litestar) -> dict[tuple[str, str], frozenset[str]]:
        if self._allowed is None:
            document: dict[str, Any] = app.openapi_schema.to_schema()
            self._allowed = {
                (method.upper(), path): frozenset(p["name"] for p in spec.get("parameters", []) if p["in"] == "query")
                for path, item in document["paths"].items()
                for method, spec in item.items() if isinstance(spec, dict) and "operationId" in spec
            }
        return self._allowed

    async def __call__(self, request: Request[Any, Any, Any]) -> None:
        """Raise a 400 naming each unknown query parameter."""
        if not request.scope.get("query_string"):
            return
        template = _TYPED_PARAMETER.sub(r"{\1}", request.scope.get("path_template", ""))
        allowed = self._table(request.app).get((request.method, template))
        if allowed is None:
            return
        raw = request.scope["query_string"].decode("latin-1")
        names = {name for name, _ in parse_qsl(raw, keep_blank_values=True)} | {
            part.split("=", 1)[0] for part in raw.split("&") if part and "=" not in part}
        unknown = sorted(names - allowed)
        if unknown:
            raise ValidationException(detail="unknown query parameter", extra=[
                {"key": name, "message": f"unknown field `{name}` in the query string", "source": "query"}
                for name in unknown])
