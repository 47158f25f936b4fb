"""Responses whose JSON body was encoded (or cached) before the handler returns."""

from typing import TypeVar, cast

from litestar import Response
from litestar.enums import MediaType

T = TypeVar("T")


def json_response(body: bytes, _schema: type[T]) -> Response[T]:
    """A 200 carrying `body` as it is; `_schema` is the type the bytes encode (what OpenAPI documents)."""
    return cast(Response[T], Response(content=body, media_type=MediaType.JSON))
