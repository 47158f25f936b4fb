"""The google-genai client for Vertex AI: static token or application-default credentials, SDK retries off."""

from google import genai
from google.genai import types
from google.oauth2.credentials import Credentials

from infrastructure.config.settings import VertexSettings


def make_genai_client(settings: VertexSettings) -> genai.Client:
    """A Vertex AI client for the settings' project and location.

    `vertex_base_url` points it at another endpoint (a regional or private one, or the test fake);
    `vertex_access_token` gives a fixed bearer token instead of application-default credentials.
    The SDK's own retries stay off (one attempt): ResilientCaller is the only layer that retries."""
    token = settings.vertex_access_token
    credentials = Credentials(token=token) if token else None  # type: ignore[no-untyped-call]
    options = types.HttpOptions(
        base_url=settings.vertex_base_url or None,
        timeout=int(settings.vertex_request_timeout_seconds * 1000),
        retry_options=types.HttpRetryOptions(attempts=1),
    )
    return genai.Client(vertexai=True, project=settings.vertex_project or None, location=settings.vertex_location,
                        credentials=credentials, http_options=options)
