"""A fresh Vertex AI fake and the adapters built by the real container over it."""

from collections.abc import Iterator

import pytest

from infrastructure.config.settings import VertexSettings
from infrastructure.container.vertex import Vertex
from infrastructure.media.ffmpeg_runner import FfmpegRunner
from infrastructure.media.mp3_encoder import Mp3Encoder
from infrastructure.resilience.circuit_breakers import BreakerBoard
from tests.fakes.vertex_fake import VertexFake
from tests.fakes.vertex_support import fake_settings, running_fake


@pytest.fixture
def fake() -> Iterator[VertexFake]:
    with running_fake() as started:
        yield started


def vertex_container(settings: VertexSettings) -> Vertex:
    """The production Vertex container over `settings`."""
    return Vertex(settings=settings, mp3_encoder=Mp3Encoder(FfmpegRunner(timeout_s=60, threads=1)),
                  breakers=BreakerBoard(settings.vertex_breaker_failures, settings.vertex_breaker_reset_seconds))


@pytest.fixture
def vertex(fake: VertexFake) -> Vertex:
    return vertex_container(fake_settings(fake.base_url))
