"""LESSONSMITH_ARTIFACTS=gs://… is parsed, and a store that could not sign URLs refuses to start."""

import pytest

from infrastructure.config.settings import GcsSettings
from infrastructure.storage.gcs_factory import GcsConfigurationError, make_gcs_artifact_store, parse_gs_url

pytestmark = pytest.mark.req("RDS-036")


@pytest.mark.parametrize(("url", "expected"), [("gs://lessons/prod/v1", ("lessons", "prod/v1")),
                                               ("gs://lessons", ("lessons", "")), ("gs://lessons/", ("lessons", ""))])
def test_bucket_and_prefix(url: str, expected: tuple[str, str]) -> None:
    assert parse_gs_url(url) == expected


def test_a_url_without_a_bucket_is_refused() -> None:
    with pytest.raises(GcsConfigurationError, match="names no bucket"):
        parse_gs_url("gs:///prefix")


def test_credentials_that_cannot_sign_need_a_signing_key() -> None:
    settings = GcsSettings(gcs_endpoint="http://127.0.0.1:9", gcs_anonymous=True)
    with pytest.raises(GcsConfigurationError, match="LESSONSMITH_GCS_SIGNING_KEY_FILE is required"):
        make_gcs_artifact_store("gs://lessons/x", settings)


def test_signed_urls_never_live_longer_than_15_minutes() -> None:
    with pytest.raises(ValueError, match="less than or equal to 900"):
        GcsSettings(gcs_signed_url_ttl_seconds=3600)
