"""Builds the GcsArtifactStore from LESSONSMITH_ARTIFACTS=gs://bucket/prefix and the GCS settings."""

from google.auth.credentials import AnonymousCredentials, Signing
from google.cloud import storage
from google.oauth2 import service_account

from infrastructure.config.settings import GcsSettings
from infrastructure.storage.gcs_artifact_store import GcsArtifactStore


class GcsConfigurationError(ValueError):
    """The gs:// target or the signing setup cannot work; the message names the setting."""


def parse_gs_url(url: str) -> tuple[str, str]:
    """(bucket, prefix) of `gs://bucket/prefix`."""
    bucket, _, prefix = url.removeprefix("gs://").partition("/")
    if not bucket:
        raise GcsConfigurationError(f"LESSONSMITH_ARTIFACTS={url!r} names no bucket (gs://bucket/prefix)")
    return bucket, prefix


def make_gcs_artifact_store(url: str, settings: GcsSettings) -> GcsArtifactStore:
    """A store over `url`: application-default credentials (anonymous for an emulator), and a service-account
    key that signs download URLs (LESSONSMITH_GCS_SIGNING_KEY_FILE, else the client's own credentials when
    they can sign)."""
    bucket, prefix = parse_gs_url(url)
    options = {"api_endpoint": settings.gcs_endpoint} if settings.gcs_endpoint else None
    credentials = AnonymousCredentials() if settings.gcs_anonymous else None  # type: ignore[no-untyped-call]
    client = storage.Client(project=settings.gcs_project or None, credentials=credentials, client_options=options)
    signer: object
    if settings.gcs_signing_key_file:
        key_file = settings.gcs_signing_key_file
        signer = service_account.Credentials.from_service_account_file(key_file)  # type: ignore[no-untyped-call]
    else:
        signer = client._credentials  # the client exposes them no other way
    if not isinstance(signer, Signing):
        raise GcsConfigurationError("LESSONSMITH_GCS_SIGNING_KEY_FILE is required: the storage credentials "
                                    "cannot sign download URLs")
    return GcsArtifactStore(client, bucket, prefix, signer, api_access_endpoint=settings.gcs_endpoint or None)
