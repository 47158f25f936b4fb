"""The whole pipeline on the "vertex + gcs" profile, against the Vertex AI fake and the GCS emulator."""

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import UUID

import httpx
import pytest

from application.ports.media_providers import MediaFile
from domain.modality import Modality
from domain.stage import StageName
from tests.fakes.cloud_profile import CloudService, start_cloud_service
from tests.fakes.gcs_support import verify_v4_url

pytestmark = pytest.mark.req("RDS-036", "RDS-074")

VIDEO = {"student_query": "How do plants make food?", "grade_level": 4, "interest": "soccer",
         "requested_modalities": ["video"]}


@pytest.fixture
async def cloud(tmp_path: Path) -> AsyncIterator[CloudService]:
    async for running in start_cloud_service(tmp_path):
        yield running


async def test_a_video_lesson_is_written_spoken_drawn_and_stored_in_the_cloud(cloud: CloudService) -> None:
    student = cloud.service.student
    lesson_id = (await student.request_lesson(VIDEO)).json()["id"]
    lesson = await student.wait_until_terminal(lesson_id)
    assert lesson["status"] == "completed", (lesson["error"], [s["error"] for s in lesson["stages"]])
    stages = {s["name"]: s for s in lesson["stages"]}
    for name in ("write", "narrate", "illustrate"):
        assert stages[name]["upstream_calls"] >= 1 and float(stages[name]["cost_usd"]) > 0
    served = len(cloud.vertex.calls)
    assert served == sum(s["upstream_calls"] for s in lesson["stages"])  # every wire request is on the record
    vertex_lines = [line for line in lesson["cost"]["lines"]
                    if line["kind"] == "spent" and line["provider"] == "vertex"]
    assert {line["unit"] for line in vertex_lines} >= {"gemini_input_token", "gemini_output_token", "image",
                                                        "gemini_tts_input_token", "gemini_tts_output_token"}
    names = {a["name"] for a in lesson["artifacts"]}
    assert {"narration.wav", "captions.vtt", "slide-01.png", "lesson.mp4"} <= names
    health = cloud.service.container.generators.upstream_health().breaker_states()  # what a metrics exporter reads
    assert {(b.upstream, b.state, b.opens) for b in health} == {
        ("vertex/gemini-2.5-flash", "closed", 0), ("vertex/gemini-2.5-flash-preview-tts", "closed", 0),
        ("vertex/gemini-2.5-flash-image", "closed", 0)}


@pytest.mark.req("RDS-020")
async def test_the_artifact_route_redirects_to_a_signed_url_after_the_ownership_check(cloud: CloudService) -> None:
    student = cloud.service.student
    lesson_id = (await student.request_lesson()).json()["id"]
    lesson = await student.wait_until_terminal(lesson_id)
    artifact = next(a for a in lesson["artifacts"] if a["name"] == "lesson.md")
    assert (await cloud.service.other_student.get(artifact["url"])).status_code == 404
    redirect = await student.get(artifact["url"])
    assert redirect.status_code == 307
    location = redirect.headers["location"]
    verified = verify_v4_url(location, cloud.signer_public_key)
    assert verified.path == f"/lessons/e2e/lessons/{lesson_id}/publish/lesson.md" and verified.expires_s <= 900
    teacher_url = (await cloud.service.teacher.get(artifact["url"])).headers["location"]  # minted per request
    assert verify_v4_url(teacher_url, cloud.signer_public_key).path == verified.path
    async with httpx.AsyncClient() as client:
        body = (await client.get(location)).content
    assert hashlib.sha256(body).hexdigest() == artifact["sha256"]


@pytest.mark.req("RDS-028")
async def test_a_second_run_of_finished_stages_uploads_nothing(cloud: CloudService) -> None:
    student = cloud.service.student
    lesson_id = (await student.request_lesson({**VIDEO, "requested_modalities": ["audio", "image"]})).json()["id"]
    assert (await student.wait_until_terminal(lesson_id))["status"] == "completed"
    uploads, requests = len(cloud.gcs.uploads()), len(cloud.vertex.calls)
    container = cloud.service.container
    async with container.gateways.uow()() as uow:
        lesson = await uow.lessons.get(UUID(lesson_id))
    assert lesson is not None
    handlers = container.pipeline.handlers()
    for stage in (StageName.NARRATE, StageName.ILLUSTRATE, StageName.PUBLISH):
        await handlers[stage].run(lesson)
    assert (len(cloud.gcs.uploads()), len(cloud.vertex.calls)) == (uploads, requests)
    recorded = lesson.artifacts_of(StageName.NARRATE)  # even a rewrite of the same names keeps what is stored
    assert lesson.script is not None
    rewritten = tuple(MediaFile(a.name, a.content_type, b"other bytes") for a in recorded)
    again = await container.pipeline.artifact_writer().write(lesson.id, StageName.NARRATE, Modality.AUDIO, rewritten,
                                                             lesson.script.content_hash)
    assert [a.sha256 for a in again] == [a.sha256 for a in recorded]
    assert len(cloud.gcs.uploads()) == uploads


async def test_a_safety_block_fails_the_lesson_with_its_reason_and_is_never_retried(cloud: CloudService) -> None:
    student = cloud.service.student
    body = {**VIDEO, "student_query": "How do plants make food? ZEBRA-BLOCK", "requested_modalities": ["text"]}
    lesson_id = (await student.request_lesson(body)).json()["id"]
    lesson = await student.wait_until_terminal(lesson_id)
    assert lesson["status"] == "failed"
    assert lesson["error"]["code"] == "safety_blocked" and not lesson["error"]["retryable"]
    assert "SAFETY (HARM_CATEGORY_DANGEROUS_CONTENT)" in lesson["error"]["message"]
    write = next(s for s in lesson["stages"] if s["name"] == "write")
    assert (write["attempts"], write["upstream_calls"], write["upstream_retries"]) == (1, 1, 0)
    assert len([c for c in cloud.vertex.calls if "ZEBRA-BLOCK" in c.text]) == 1
