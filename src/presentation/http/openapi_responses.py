"""Error responses declared per route so the OpenAPI document lists them."""

from litestar.openapi.datastructures import ResponseSpec

from presentation.http.schemas.error_schemas import ErrorBody

_DESCRIPTIONS = {
    400: "Invalid input (or an invalid curriculum document); `details` names each field",
    401: "Missing, invalid or expired bearer token",
    403: "Your role may not do this",
    404: "No such lesson visible to you",
    409: "The lesson is not in a state that allows this",
    413: "Request body too large",
    416: "The requested byte range lies outside the file",
    422: "Understood but not possible (unsupported modality, Idempotency-Key reuse)",
    429: "Rate limit or quota reached; see Retry-After",
    503: "A backing service is unavailable",
}


def error_responses(*statuses: int) -> dict[int, ResponseSpec]:
    """ResponseSpecs with the shared error body for the given statuses."""
    return {s: ResponseSpec(data_container=ErrorBody, description=_DESCRIPTIONS[s]) for s in statuses}
