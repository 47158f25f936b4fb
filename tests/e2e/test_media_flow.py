"""A lesson in every modality through the real container: eSpeak NG, Pillow and ffmpeg, over HTTP."""

import hashlib
import io
import itertools
import re
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from PIL import Image

from application.ports.artifact_store import StoredObject
from domain.stage import StageName
from tests.e2e.conftest import Service
from tests.media_probe import probe, read_wav

ALL = ["text", "audio", "image", "video"]
SHORT_LESSON = {"student_query": "What is the water cycle?", "grade_level": 2, "interest": "soccer",
                "requested_modalities": ALL}
CONTENT_TYPES = {".wav": "audio/wav", ".mp3": "audio/mpeg", ".vtt": "text/vtt", ".png": "image/png",
                 ".mp4": "video/mp4", ".md": "text/markdown"}
CUE_TIMES = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$", re.MULTILINE)


def _cue_seconds(document: str) -> list[tuple[float, float]]:
    def seconds(parts: tuple[str, ...]) -> float:
        return int(parts[0]) * 3600 + int(parts[1]) * 60 + int(parts[2]) + int(parts[3]) / 1000
    return [(seconds(m[:4]), seconds(m[4:])) for m in CUE_TIMES.findall(document)]


async def _downloads(service: Service, lesson: dict[str, Any]) -> dict[str, bytes]:
    files = {}
    for artifact in lesson["artifacts"]:
        response = await service.student.get(artifact["url"])
        assert response.status_code == 200, artifact
        expected = CONTENT_TYPES[Path(artifact["name"]).suffix]
        assert response.headers["content-type"].split(";")[0] == expected == artifact["content_type"].split(";")[0]
        assert hashlib.sha256(response.content).hexdigest() == artifact["sha256"] == response.headers["etag"][1:-1]
        assert len(response.content) == artifact["bytes"]
        files[artifact["name"]] = response.content
    return files


def _snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_ino, p.stat().st_mtime_ns, p.stat().st_size)
            for p in root.rglob("*") if p.is_file()}


@pytest.mark.req("RDS-015", "RDS-045", "RDS-048")
async def test_every_modality_completes_with_real_media_that_downloads_intact(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    accepted = await service.student.request_lesson(SHORT_LESSON)
    assert accepted.status_code == 202, accepted.text
    lesson = await service.student.wait_until_terminal(accepted.json()["id"])
    assert lesson["status"] == "completed", lesson["error"]
    assert {s["name"]: s["status"] for s in lesson["stages"]} == {name.value: "completed" for name in StageName}
    assert lesson["degraded_from"] is None
    slides = lesson["lesson"]["slides"]
    names = [a["name"] for a in lesson["artifacts"]]
    assert names == ["narration.wav", "narration.mp3", "captions.vtt",
                     *(f"slide-{n:02d}.png" for n in range(1, len(slides) + 1)), "lesson.mp4", "lesson.md"]
    assert {a["modality"] for a in lesson["artifacts"]} == set(ALL)
    files = await _downloads(service, lesson)

    wav = read_wav(files["narration.wav"])
    assert 10 < wav.seconds < 240 and wav.rms() > 300  # a whole lesson read aloud: two to three minutes
    cues = _cue_seconds(files["captions.vtt"].decode())
    assert cues and cues[0][0] < 0.5 and wav.seconds - 1.5 < cues[-1][1] <= wav.seconds
    assert all(start < end for start, end in cues)
    assert all(a[0] < b[0] and a[1] <= b[0] for a, b in itertools.pairwise(cues))
    for n in range(1, len(slides) + 1):
        assert Image.open(io.BytesIO(files[f"slide-{n:02d}.png"])).size == (1280, 720)
    video = probe(files["lesson.mp4"])
    assert abs(video.seconds - wav.seconds) <= 0.2
    assert sorted(video.streams) == [("audio", "aac"), ("video", "h264")] and video.video_size == (1280, 720)
    spent = {x["stage"]: x for x in lesson["cost"]["lines"] if x["kind"] == "spent"}
    assert {"narrate", "illustrate", "render_video"} <= set(spent) and lesson["cost"]["total_usd"] == "0"

    root = tmp_path / "artifacts"
    before = _snapshot(root)
    store = service.container.gateways.artifact_store()
    puts: list[str] = []
    real_put = store.put

    async def counting_put(key: str, data: bytes, content_type: str) -> StoredObject:
        puts.append(key)
        return await real_put(key, data, content_type)

    monkeypatch.setattr(store, "put", counting_put)
    async with service.container.gateways.uow()() as uow:
        stored = await uow.lessons.get(UUID(lesson["id"]))
    assert stored is not None
    handlers = service.container.pipeline.handlers()
    for stage in (StageName.NARRATE, StageName.ILLUSTRATE, StageName.RENDER_VIDEO):
        await handlers[stage].run(stored)
    assert puts == []  # a finished stage stores nothing new
    await handlers[StageName.PUBLISH].run(stored)
    assert len(puts) == 1 and _snapshot(root) == before  # the write-once store kept lesson.md as it was

    await _ranges(service, lesson, files["lesson.mp4"])


async def _ranges(service: Service, lesson: dict[str, Any], mp4: bytes) -> None:
    url = next(a["url"] for a in lesson["artifacts"] if a["name"] == "lesson.mp4")
    part = await service.client.get(url, headers={**service.student.headers, "Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == mp4[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(mp4)}" and part.headers["accept-ranges"] == "bytes"
    tail = await service.client.get(url, headers={**service.student.headers, "Range": "bytes=-50"})
    assert tail.status_code == 206 and tail.content == mp4[-50:]
    beyond = await service.client.get(url, headers={**service.student.headers, "Range": f"bytes={len(mp4)}-"})
    assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{len(mp4)}"
    assert beyond.json()["error"] == "range_not_satisfiable"
    assert (await service.other_student.get(url)).status_code == 404


@pytest.mark.req("RDS-017")
async def test_an_over_budget_video_lesson_becomes_narrated_slides_and_says_why(service: Service) -> None:
    body = {**SHORT_LESSON, "requested_modalities": ["video"], "max_cost_usd": "0.28"}
    accepted = await service.student.request_lesson(body)
    assert accepted.status_code == 202 and float(accepted.json()["estimated_cost_usd"]) <= 0.28
    lesson = await service.student.wait_until_terminal(accepted.json()["id"])
    assert lesson["status"] == "completed" and lesson["requested_modalities"] == ["audio", "image"]
    assert lesson["degraded_from"] == ["video"] and "above max_cost_usd $0.28" in lesson["degradation_reason"]
    notes = {(x["stage"], x["kind"], x["note"]) for x in lesson["cost"]["lines"]}
    assert ("request", "estimate", lesson["degradation_reason"]) in notes
    assert ("render_video", "saved", "video skipped to fit max_cost_usd") in notes
    assert "lesson.mp4" not in {a["name"] for a in lesson["artifacts"]}

    usage = (await service.student.get("/api/v1/usage/daily")).json()
    assert usage["lessons"] == 1 and usage["student_id"] == service.user_ids["alice"]
    assert (usage["total_usd"], usage["saved_usd"], usage["estimated_usd"]) == (
        lesson["cost"]["total_usd"], lesson["cost"]["saved_usd"], lesson["cost"]["estimated_usd"])
    by_admin = await service.admin.get(f"/api/v1/usage/daily?date={usage['date']}&student_id={usage['student_id']}")
    assert by_admin.json() == usage
    yesterday = await service.student.get("/api/v1/usage/daily?date=2020-01-01")
    assert yesterday.json()["lessons"] == 0 and yesterday.json()["total_usd"] == "0"
    foreign = await service.student.get(f"/api/v1/usage/daily?student_id={service.user_ids['bob']}")
    assert foreign.status_code == 403
    assert (await service.student.get("/api/v1/usage/daily?date=yesterday")).status_code == 400
