"""A lesson in every modality with about 60 s of narration: time per stage, total, and the video stage
against a bare ffmpeg encode of the same slides and audio.

Run: .venv/bin/python -m benchmarks.media_pipeline [--repeats 5]
Embedded profile in a temporary home; the worker runs in this process (as `lessonsmith generate` does).
The machine may be shared: the load average is printed with the numbers.
"""

import argparse
import asyncio
import dataclasses
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from uuid import UUID

from tests.e2e.conftest import embedded_settings

from application.ports.actor import Actor
from application.stages.artifact_writer import artifact_key
from application.use_cases.create_user import CreateUserCommand
from application.use_cases.process_lesson import ProcessLessonCommand
from application.use_cases.request_lesson import RequestLessonCommand
from domain.lesson_request import LessonRequest
from domain.slide_timing import slide_starts_ms
from domain.stage import StageName
from domain.user import Role
from domain.webvtt import parse_webvtt
from infrastructure.container.application import ApplicationContainer, build_container
from infrastructure.media.ffmpeg_runner import bundled_ffmpeg
from infrastructure.media.ffmpeg_video_renderer import FfmpegVideoRenderer, concat_list
from infrastructure.media.wav_format import wav_duration_ms
from presentation.runtime import start_services, stop_services

QUERY = "How do plants make food?"  # grade 1: about 155 words, about a minute of narration
GRADE = 1
TARGET_PIPELINE_S = 8.0
TARGET_RATIO = 1.3


async def _lesson(container: ApplicationContainer, lesson_id: UUID) -> LessonRequest:
    async with container.gateways.uow()() as uow:
        lesson = await uow.lessons.get(lesson_id)
    assert lesson is not None
    return lesson


class Timer:
    """Wall seconds and CPU seconds (this process and its children) of one block."""

    def __enter__(self) -> "Timer":
        self._wall, self._cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self._wall, _cpu() - self._cpu


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _bare_encode(root: Path, lesson: LessonRequest, renderer: FfmpegVideoRenderer) -> Timer:
    """ffmpeg alone on the stored slides and narration, files already on disk."""
    assert lesson.script is not None
    files = {a.name: root / artifact_key(lesson.id, a.stage, a.name) for a in lesson.artifacts}
    captions = parse_webvtt(files["captions.vtt"].read_text())
    wav = files["narration.wav"].read_bytes()
    duration = wav_duration_ms(wav)
    starts = slide_starts_ms(lesson.script.slides, lesson.script.narration, captions.section_starts(),
                             captions.end_ms)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        names = sorted(n for n in files if n.endswith(".png"))
        for name in names:
            (work / name).write_bytes(files[name].read_bytes())
        (work / "narration.wav").write_bytes(wav)
        (work / "list.ffconcat").write_text(concat_list(names, starts, duration))
        command = [bundled_ffmpeg(), "-hide_banner", "-nostdin", "-loglevel", "error",
                   *renderer.arguments(starts, duration, "bare.mp4")]
        with Timer() as timer:
            subprocess.run(command, cwd=work, check=True)
        return timer


async def _video_stage(container: ApplicationContainer, root: Path, lesson: LessonRequest) -> Timer:
    """The render_video handler: read its inputs from the store, encode, store the MP4."""
    video = next(a for a in lesson.artifacts if a.stage == StageName.RENDER_VIDEO.value)
    (root / artifact_key(lesson.id, video.stage, video.name)).unlink()
    again = dataclasses.replace(lesson, artifacts=tuple(a for a in lesson.artifacts if a is not video))
    with Timer() as timer:
        await container.pipeline.handlers()[StageName.RENDER_VIDEO].run(again)
    return timer


async def _run(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as home:
        container = build_container(embedded_settings(Path(home)))
        await start_services(container)
        try:
            user = (await container.use_cases.create_user().execute(
                CreateUserCommand(username="bench", role=Role.STUDENT))).user
            accepted = await container.use_cases.request_lesson().execute(RequestLessonCommand(
                actor=Actor(user.id, user.role), student_query=QUERY, grade_level=GRADE, interest="soccer",
                requested_modalities=["text", "audio", "image", "video"]))
            started = time.perf_counter()
            await container.pipeline.process_lesson().execute(ProcessLessonCommand(worker_id="bench"))
            total = time.perf_counter() - started
            lesson = await _lesson(container, accepted.lesson_id)
            root = Path(home) / "artifacts"
            renderer = container.generators.video_renderer()
            stage_runs, bare_runs = [], []
            for _ in range(repeats):  # interleaved, so a change of load on a shared machine hits both
                stage_runs.append(await _video_stage(container, root, lesson))
                bare_runs.append(_bare_encode(root, lesson, renderer))
        finally:
            await stop_services(container)
    wav = next(a for a in lesson.artifacts if a.name == "narration.wav")
    narration_s = (wav.size_bytes - 44) / 2 / 22_050
    print(f"lesson {lesson.status.value}: {narration_s:.1f} s of narration, {len(lesson.script.slides)} slides "
          f"(grade {GRADE}, {QUERY!r}); cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
    for record in lesson.stages.values():
        print(f"  {record.name.value:<13} {record.status.value:<10} {record.duration_ms or 0:6d} ms")
    print(f"  pipeline total (claim to completed) {total * 1000:6.0f} ms")
    ratios = {}
    for what in ("wall", "cpu"):
        stage = statistics.median(getattr(t, what) for t in stage_runs)
        bare = statistics.median(getattr(t, what) for t in bare_runs)
        ratios[what] = stage / bare
        print(f"render_video stage {what} median {stage * 1000:.0f} ms, bare ffmpeg encode {bare * 1000:.0f} ms "
              f"({repeats} interleaved runs): ratio {ratios[what]:.2f}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak RSS of an ffmpeg child {peak / 1024:.0f} MiB")
    print(f"targets: pipeline <= {TARGET_PIPELINE_S:g} s {'met' if total <= TARGET_PIPELINE_S else 'MISSED'}; "
          f"video stage <= {TARGET_RATIO:g}x bare encode {'met' if ratios['wall'] <= TARGET_RATIO else 'MISSED'}")


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    asyncio.run(_run(parser.parse_args().repeats))


if __name__ == "__main__":
    main()
