"""Local adapters against the real file system, clock and crypto."""

import asyncio
import hashlib
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import jwt
import pytest

from application.errors import ArtifactNotFound, StorageError
from domain.user import Role, User
from infrastructure.queue.in_process_doorbell import InProcessDoorbell
from infrastructure.security.argon2_password_hasher import Argon2PasswordHasher
from infrastructure.security.jwt_secret_file import load_or_create_secret
from infrastructure.security.jwt_token_issuer import JwtTokenIssuer
from infrastructure.storage.local_artifact_store import LocalArtifactStore
from infrastructure.system.system_clock import SystemClock
from tests.unit.fakes import collect


@pytest.mark.req("RDS-014", "RDS-028")
async def test_local_store_writes_once_and_streams(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    first = await store.put("lessons/a/publish/lesson.md", b"hello", "text/markdown")
    again = await store.put("lessons/a/publish/lesson.md", b"changed", "text/markdown")
    assert first == again and first.sha256 == hashlib.sha256(b"hello").hexdigest() and first.size_bytes == 5
    assert await collect(store.read("lessons/a/publish/lesson.md")) == b"hello"
    assert not list(tmp_path.rglob(".tmp-*"))  # noqa: ASYNC240 - a test-only look at the folder
    assert await store.stat("lessons/a/publish/missing") is None
    with pytest.raises(ArtifactNotFound):
        await collect(store.read("lessons/a/publish/missing"))
    assert await store.is_ready()


@pytest.mark.parametrize("key", ["../escape", "/abs/path", "a/../../b", "a//b", ""])
@pytest.mark.req("RDS-014")
async def test_local_store_refuses_unsafe_keys(tmp_path: Path, key: str) -> None:
    with pytest.raises(StorageError):
        await LocalArtifactStore(tmp_path).put(key, b"x", "text/plain")


@pytest.mark.req("RDS-028")
async def test_concurrent_writers_of_one_key_leave_one_whole_file(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    payloads = [bytes([n]) * 100_000 for n in range(8)]
    results = await asyncio.gather(*(store.put("k/one.bin", p, "application/octet-stream") for p in payloads))
    assert len({r.sha256 for r in results}) == 1
    assert (tmp_path / "k/one.bin").read_bytes() in payloads


@pytest.mark.req("RDS-001", "RDS-029")
async def test_in_process_doorbell_counts_rings() -> None:
    doorbell = InProcessDoorbell()
    assert await doorbell.wait(0.01) is False
    await doorbell.ring(uuid4())
    await doorbell.ring(uuid4())
    assert await doorbell.wait(0.01) and await doorbell.wait(0.01)
    assert await doorbell.wait(0.01) is False


@pytest.mark.req("RDS-018")
async def test_argon2id_hashes_and_verifies() -> None:
    hasher = Argon2PasswordHasher()
    hashed = await hasher.hash("correct horse")
    assert hashed.startswith("$argon2id$") and "m=19456,t=2,p=1" in hashed
    assert await hasher.verify(hashed, "correct horse")
    assert not await hasher.verify(hashed, "wrong")
    assert not await hasher.verify("not-a-hash", "correct horse")


@pytest.mark.req("RDS-018")
def test_jwt_issuer_signs_the_required_claims() -> None:
    user = User(id=uuid4(), username="alice", role=Role.STUDENT, password_hash="x")
    secret = "s" * 40
    issued = JwtTokenIssuer(secret, "iss", "aud", timedelta(minutes=15), SystemClock()).issue(user)
    claims = jwt.decode(issued.access_token, secret, algorithms=["HS256"], audience="aud", issuer="iss")
    assert claims["sub"] == str(user.id) and claims["role"] == "student" and claims["jti"]
    assert claims["exp"] - claims["iat"] == 900 == issued.expires_in


@pytest.mark.req("RDS-029")
def test_embedded_secret_is_created_once_privately(tmp_path: Path) -> None:
    first = load_or_create_secret(tmp_path)
    assert load_or_create_secret(tmp_path) == first and len(first) >= 48
    assert (tmp_path / "jwt_secret").stat().st_mode & 0o777 == 0o600


@pytest.mark.req("RDS-018")
async def test_passwords_are_argon2id_at_the_owasp_minimum_hashed_off_the_event_loop() -> None:
    import asyncio

    from infrastructure.security.argon2_password_hasher import Argon2PasswordHasher

    hasher = Argon2PasswordHasher()
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.001)
            ticks += 1

    ticker = asyncio.create_task(tick())
    hashed = await hasher.hash("correct horse battery staple")
    ticker.cancel()
    assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert ticks > 0  # the loop kept running while the hash was computed
    assert await hasher.verify(hashed, "correct horse battery staple")
    assert not await hasher.verify(hashed, "wrong") and not await hasher.verify("not a hash", "x")
