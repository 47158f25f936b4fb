"""The "vertex + gcs" profile against the local fakes: settings, and a running service with both fakes."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from infrastructure.config.settings import (
    AppSettings,
    ArtifactSettings,
    GcsSettings,
    LimitSettings,
    ProviderSettings,
    QueueSettings,
)
from tests.e2e.conftest import Service, embedded_settings, start_service
from tests.fakes.gcs_support import RunningEmulator, gcs_emulator, throwaway_key
from tests.fakes.vertex_fake import VertexFake
from tests.fakes.vertex_support import fake_settings, running_fake


@dataclass
class CloudService:
    """The service on the vertex + gcs profile, the fakes it talks to, and the URL signer's public key."""

    service: Service
    vertex: VertexFake
    gcs: RunningEmulator
    signer_public_key: RSAPublicKey
    settings: AppSettings


def cloud_settings(home: Path, vertex_url: str, gcs_endpoint: str, key_file: Path, *, concurrency: int = 2,
                   **vertex: object) -> AppSettings:
    """Embedded database and workers; Vertex AI providers and Cloud Storage artifacts on the fakes."""
    base = embedded_settings(home)
    return AppSettings(
        home=base.home, database=base.database,
        queue=QueueSettings(reconcile_seconds=0.5, worker_concurrency=concurrency),
        artifacts=ArtifactSettings(artifacts="gs://lessons/e2e"), auth=base.auth,
        providers=ProviderSettings(providers="vertex"),
        limits=LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0, daily_budget_usd=0),
        vertex=fake_settings(vertex_url, **vertex),
        gcs=GcsSettings(gcs_project="test-project", gcs_endpoint=gcs_endpoint, gcs_anonymous=True,
                        gcs_signing_key_file=str(key_file)),
    )


async def start_cloud_service(home: Path, *, concurrency: int = 2, **vertex: object) -> AsyncIterator[CloudService]:
    """Both fakes and the service over them, stopped afterwards."""
    key_file, public_key = throwaway_key(home)
    with running_fake() as fake, gcs_emulator() as gcs:
        settings = cloud_settings(home, fake.base_url, gcs.endpoint, key_file, concurrency=concurrency, **vertex)
        async for service in start_service(settings):
            yield CloudService(service, fake, gcs, public_key, settings)
