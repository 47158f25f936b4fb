"""httpx and decoding errors of a local model server as UpstreamError: retryable for 408, 429, 5xx, timeouts,
broken connections and unreadable bodies; any other 4xx is a refused request (not retryable)."""

import httpx
import msgspec

from application.errors import UpstreamError

RETRYABLE_STATUS = frozenset({408, 409, 425, 429})
UPSTREAM = "the local model server"


def _status_error(error: httpx.HTTPStatusError) -> UpstreamError:
    code = error.response.status_code
    detail = error.response.text[:200].strip()
    retryable = code in RETRYABLE_STATUS or code >= 500
    kind = "upstream_throttled" if code == 429 else "upstream_error" if retryable else "upstream_rejected"
    return UpstreamError(kind, f"{UPSTREAM} answered {code}: {detail}".rstrip(": "), retryable=retryable)


def translate_local_error(error: Exception) -> UpstreamError:
    """The project error for anything the transport or the body decoding raised."""
    if isinstance(error, httpx.HTTPStatusError):
        return _status_error(error)
    if isinstance(error, httpx.TimeoutException):
        return UpstreamError("upstream_timeout", f"{UPSTREAM} timed out: {type(error).__name__}", retryable=True)
    if isinstance(error, httpx.TransportError):
        return UpstreamError("upstream_unreachable", f"{UPSTREAM} is unreachable: {type(error).__name__}: {error}",
                             retryable=True)
    if isinstance(error, msgspec.DecodeError):
        return UpstreamError("malformed_response", f"{UPSTREAM} sent a body that is not a chat completion: {error}",
                             retryable=True)
    return UpstreamError("upstream_error", f"{UPSTREAM} call failed: {type(error).__name__}: {error}", retryable=True)
