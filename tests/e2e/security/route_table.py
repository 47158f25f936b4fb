"""The API's operations as the OpenAPI document lists them, so tests cover routes other branches add."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from litestar import Litestar

from presentation.http.security import PUBLIC_PATHS

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True, slots=True)
class Operation:
    """One method on one path, with its path parameters, whether it is public and whether it takes a body."""

    method: str
    path: str
    operation_id: str
    params: tuple[str, ...]
    public: bool
    has_body: bool
    spec: Any

    def url(self, values: dict[str, str]) -> str:
        """The path with every parameter replaced by its value."""
        return re.sub(r"{(\w+)}", lambda m: values[m.group(1)], self.path)


def openapi(app: Litestar) -> dict[str, Any]:
    """The app's OpenAPI document as a dict."""
    schema: dict[str, Any] = app.openapi_schema.to_schema()
    return schema


def operations(app: Litestar) -> Iterator[Operation]:
    """Every operation of the app, in document order."""
    for path, item in openapi(app)["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                spec = item[method]
                public = spec.get("security") in ([], [{}]) or any(re.search(p, path) for p in PUBLIC_PATHS)
                yield Operation(method.upper(), path, spec["operationId"], tuple(re.findall(r"{(\w+)}", path)),
                                public, "requestBody" in spec, spec)
