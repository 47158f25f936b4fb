"""Artifact names are plain file names before they reach the store, whoever produced them."""

from uuid import uuid4

import pytest

from application.errors import StageFailed
from application.ports.media_providers import MediaFile
from application.stages.artifact_writer import ArtifactWriter
from domain.modality import Modality
from domain.stage import StageName
from tests.unit.stage_fakes import InMemoryArtifactStore

pytestmark = pytest.mark.req("RDS-053", "RDS-028")


@pytest.mark.parametrize("name", ["../x.png", "a/b.png", ".hidden", "..", "slide..png", "", "x" * 101,
                                  "slide 1.png", "slide\x00.png", "C:\\x.png", "ﬁle.png"])
async def test_an_unsafe_name_fails_the_stage_and_writes_nothing(name: str) -> None:
    store = InMemoryArtifactStore()
    with pytest.raises(StageFailed) as failed:
        await ArtifactWriter(store).write(uuid4(), StageName.ILLUSTRATE, Modality.IMAGE,
                                          (MediaFile(name, "image/png", b"png"),), "hash")
    assert failed.value.code == "unsafe_artifact_name" and not failed.value.retryable
    assert store.objects == {}


async def test_a_plain_name_is_stored_under_its_deterministic_key() -> None:
    store, lesson = InMemoryArtifactStore(), uuid4()
    (artifact,) = await ArtifactWriter(store).write(lesson, StageName.ILLUSTRATE, Modality.IMAGE,
                                                    (MediaFile("slide-01.png", "image/png", b"png"),), "hash")
    assert artifact.name == "slide-01.png" and list(store.objects) == [f"lessons/{lesson}/illustrate/slide-01.png"]
