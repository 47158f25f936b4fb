"""The routes of an OpenAPI document, one fact per operation, sorted by path then method."""

from collections.abc import Mapping
from typing import Any

from infrastructure.docs.code_facts import RouteFact

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _is_public(operation: Mapping[str, Any], default_security: list[Any]) -> bool:
    security = operation.get("security", default_security)
    return not security or any(requirement == {} for requirement in security)


def routes_from_openapi(document: Mapping[str, Any]) -> tuple[RouteFact, ...]:
    """Every operation: method, path, operationId, whether it needs no token, its response codes."""
    default_security = list(document.get("security") or [])
    routes = []
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            routes.append(RouteFact(
                method=method.upper(), path=path, operation_id=str(operation.get("operationId", "")),
                public=_is_public(operation, default_security),
                statuses=tuple(sorted(str(code) for code in operation.get("responses", {}))),
            ))
    return tuple(sorted(routes, key=lambda r: (r.path, HTTP_METHODS.index(r.method.lower()))))
