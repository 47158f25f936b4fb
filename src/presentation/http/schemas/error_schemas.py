"""The one error body of the API (DESIGN §5)."""

import msgspec


class ErrorDetail(msgspec.Struct, frozen=True):
    """One problem with one field."""

    field: str
    message: str
    code: str


class ErrorBody(msgspec.Struct, frozen=True):
    """Every 4xx and 5xx answer has this shape."""

    error: str
    message: str
    trace_id: str
    timestamp: str
    details: list[ErrorDetail] = msgspec.field(default_factory=list)
