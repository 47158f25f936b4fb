"""GcsArtifactStore against gcp-storage-emulator; signed URLs checked with the throwaway key's public half."""

import asyncio
import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from application.errors import ArtifactNotFound
from infrastructure.config.settings import GcsSettings
from infrastructure.storage.gcs_artifact_store import GcsArtifactStore
from infrastructure.storage.gcs_factory import make_gcs_artifact_store
from tests.fakes.gcs_support import RunningEmulator, gcs_emulator, throwaway_key, verify_v4_url

pytestmark = pytest.mark.req("RDS-036", "RDS-074")


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    with gcs_emulator() as running:
        yield running


Key = tuple[Path, RSAPublicKey]


@pytest.fixture
def key_file(tmp_path: Path) -> Key:
    return throwaway_key(tmp_path)


def make_store(emulator: RunningEmulator, key_path: Path, prefix: str) -> GcsArtifactStore:
    settings = GcsSettings(gcs_project="test-project", gcs_endpoint=emulator.endpoint, gcs_anonymous=True,
                           gcs_signing_key_file=str(key_path))
    return make_gcs_artifact_store(f"gs://lessons/{prefix}", settings)


async def test_put_stores_bytes_type_and_digest_once(emulator: RunningEmulator, key_file: Key,
        request: pytest.FixtureRequest) -> None:
    store = make_store(emulator, key_file[0], request.node.name)
    data = b"\x89PNG fake image bytes" * 1000
    before = len(emulator.uploads())
    stored = await store.put("lessons/l1/illustrate/slide-01.png", data, "image/png")
    assert (stored.size_bytes, stored.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert await store.stat("lessons/l1/illustrate/slide-01.png") == stored
    assert b"".join([chunk async for chunk in store.read("lessons/l1/illustrate/slide-01.png")]) == data
    [upload] = emulator.uploads()[before:]
    assert "ifGenerationMatch=0" in upload
    async with httpx.AsyncClient() as client:
        meta = (await client.get(f"{emulator.endpoint}/storage/v1/b/lessons/o/"
                                 f"{request.node.name}%2Flessons%2Fl1%2Fillustrate%2Fslide-01.png")).json()
    assert meta["contentType"] == "image/png" and meta["metadata"] == {"sha256": stored.sha256}


@pytest.mark.req("RDS-028")
async def test_a_second_put_of_a_name_uploads_nothing(emulator: RunningEmulator, key_file: Key,
        request: pytest.FixtureRequest) -> None:
    store = make_store(emulator, key_file[0], request.node.name)
    before = len(emulator.uploads())
    first = await store.put("lessons/l2/narrate/captions.vtt", b"WEBVTT\n", "text/vtt")
    again = await store.put("lessons/l2/narrate/captions.vtt", b"other bytes", "text/vtt")
    assert again == first
    assert len(emulator.uploads()) - before == 1


async def test_missing_objects(emulator: RunningEmulator, key_file: Key,
        request: pytest.FixtureRequest) -> None:
    store = make_store(emulator, key_file[0], request.node.name)
    assert await store.stat("lessons/none/x.png") is None
    with pytest.raises(ArtifactNotFound):
        [chunk async for chunk in store.read("lessons/none/x.png")]
    assert await store.is_ready()


async def test_signed_urls_hold_under_the_signers_key_and_expire_within_15_minutes(
        emulator: RunningEmulator, key_file: Key, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    key_path, public_key = key_file
    store = make_store(emulator, key_path, request.node.name)
    await store.put("lessons/l3/publish/lesson.md", b"# Lesson", "text/markdown")
    url = await store.signed_url("lessons/l3/publish/lesson.md", 600)
    assert url is not None
    verified = verify_v4_url(url, public_key)
    assert verified.path == f"/lessons/{request.node.name}/lessons/l3/publish/lesson.md"
    assert verified.expires_s == 600 and abs((datetime.now(UTC) - verified.signed_at).total_seconds()) < 60
    longest = await store.signed_url("lessons/l3/publish/lesson.md", 86_400)
    assert verify_v4_url(longest or "", public_key).expires_s == 900
    tampered = url.replace("X-Goog-Expires=600", "X-Goog-Expires=900")
    with pytest.raises(InvalidSignature):
        verify_v4_url(tampered, public_key)
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    with pytest.raises(InvalidSignature):
        verify_v4_url(url, throwaway_key(stranger)[1])
    async with httpx.AsyncClient() as client:  # the emulator serves the object at the signed path
        assert (await client.get(url)).content == b"# Lesson"


@pytest.mark.req("RDS-028")
async def test_racing_writers_store_one_object_and_both_see_it(emulator: RunningEmulator, key_file: Key,
                                                               request: pytest.FixtureRequest) -> None:
    first, second = (make_store(emulator, key_file[0], request.node.name) for _ in range(2))
    before, refused = len(emulator.uploads()), emulator.precondition_failures
    results = await asyncio.gather(first.put("lessons/l4/narrate/narration.wav", b"one", "audio/wav"),
                                   second.put("lessons/l4/narrate/narration.wav", b"two", "audio/wav"))
    assert results[0] == results[1] and results[0].sha256 in {hashlib.sha256(b).hexdigest() for b in (b"one", b"two")}
    # whoever lost the race got 412 and described the winner's object instead of overwriting it
    assert len(emulator.uploads()) - before == 1 + emulator.precondition_failures - refused
