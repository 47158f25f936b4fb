"""google-genai and transport errors as UpstreamError: retryable for 408, 429, 5xx, timeouts and broken bodies."""

import json

import httpx
from google.genai import errors as genai_errors

from application.errors import UpstreamError

RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


def translate_vertex_error(error: Exception) -> UpstreamError:
    """The project error for anything the SDK or the transport raised."""
    if isinstance(error, genai_errors.APIError):
        code = int(error.code or 0)
        retryable = code in RETRYABLE_STATUS or code >= 500
        kind = "upstream_throttled" if code == 429 else "upstream_error" if retryable else "upstream_rejected"
        return UpstreamError(kind, f"Vertex AI answered {code} {error.status or ''}: {error.message or ''}".strip(),
                             retryable=retryable)
    if isinstance(error, httpx.TimeoutException):
        return UpstreamError("upstream_timeout", f"Vertex AI timed out: {type(error).__name__}", retryable=True)
    if isinstance(error, httpx.TransportError):
        return UpstreamError("upstream_unreachable", f"Vertex AI unreachable: {error}", retryable=True)
    if isinstance(error, (json.JSONDecodeError, ValueError, KeyError, TypeError)):
        return UpstreamError("malformed_response", f"Vertex AI sent a body that could not be read: {error}",
                             retryable=True)
    return UpstreamError("upstream_error", f"Vertex AI call failed: {type(error).__name__}: {error}", retryable=True)
