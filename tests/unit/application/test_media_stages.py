"""The media stages over fake providers: one script version, stored once, read back from the store."""

import dataclasses

import pytest

from application.errors import StageFailed
from application.stages.artifact_writer import artifact_key
from application.use_cases.process_lesson import ProcessLessonCommand
from application.use_cases.request_lesson import RequestLessonCommand
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.modality import Modality
from domain.stage import StageName
from tests.unit.application.conftest import World
from tests.unit.media_fakes import SECTION_MS, SlideshowWriter

pytestmark = pytest.mark.req("RDS-015")

MEDIA_STAGES = (StageName.NARRATE, StageName.ILLUSTRATE, StageName.RENDER_VIDEO)


async def _finished_video_lesson(world: World, modalities: tuple[str, ...] = ("video",)) -> LessonRequest:
    world.writer = SlideshowWriter()
    accepted = await world.request_lesson(frozenset(Modality)).execute(RequestLessonCommand(
        actor=world.student, student_query="How do plants make food?", grade_level=4,
        requested_modalities=list(modalities)))
    await world.process_lesson().execute(ProcessLessonCommand(worker_id="w1"))
    return world.uow.db.lessons[accepted.lesson_id][0]


async def test_a_video_lesson_records_every_file_from_one_script_version(world: World) -> None:
    lesson = await _finished_video_lesson(world)
    assert lesson.status is LessonStatus.COMPLETED and lesson.script is not None
    assert [(a.name, a.modality) for a in lesson.artifacts] == [
        ("narration.wav", Modality.AUDIO), ("captions.vtt", Modality.AUDIO),
        *((f"slide-0{n}.png", Modality.IMAGE) for n in range(1, 5)), ("lesson.mp4", Modality.VIDEO)]
    assert {a.script_hash for a in lesson.artifacts} == {lesson.script.content_hash}
    spent = {line.stage for line in lesson.ledger.lines if line.kind.value == "spent"}
    assert {"narrate", "illustrate", "render_video"} <= spent
    for artifact in lesson.artifacts:
        assert artifact_key(lesson.id, artifact.stage, artifact.name) in world.store.objects


@pytest.mark.req("RDS-045")
async def test_the_renderer_gets_the_stored_files_with_slides_timed_to_their_sections(world: World) -> None:
    lesson = await _finished_video_lesson(world)
    (video,) = world.renderer.inputs
    assert video.slides == (b"png-1", b"png-2", b"png-3", b"png-4")
    assert lesson.script is not None and video.narration_wav == b"RIFF" + lesson.script.narration.encode()
    # sections: title, hook, sunlight, water, air, summary; the title slide opens, each topic slide its section
    assert video.slide_starts_ms == (0, 2 * SECTION_MS, 3 * SECTION_MS, 4 * SECTION_MS)


@pytest.mark.req("RDS-046")
async def test_rerunning_a_finished_media_stage_stores_and_produces_nothing(world: World) -> None:
    lesson = await _finished_video_lesson(world)
    writes = world.store.writes
    handlers = world.handlers()
    for stage in MEDIA_STAGES:
        outcome = await handlers[stage].run(lesson)
        assert outcome.cost_lines == ()
    assert world.store.writes == writes
    assert (world.narrator.calls, world.illustrator.calls, len(world.renderer.inputs)) == (1, 1, 1)


@pytest.mark.req("RDS-046")
async def test_an_interrupted_stage_rewrites_nothing_already_stored(world: World) -> None:
    lesson = await _finished_video_lesson(world)
    writes = world.store.writes
    interrupted = dataclasses.replace(lesson, artifacts=())  # files stored, the lesson not yet saved
    handlers = world.handlers()
    for stage in MEDIA_STAGES:
        await handlers[stage].run(interrupted)
    assert world.store.writes == writes
    assert interrupted.artifacts == lesson.artifacts


@pytest.mark.req("RDS-046")
async def test_render_refuses_files_that_changed_in_the_store(world: World) -> None:
    lesson = await _finished_video_lesson(world)
    world.store.objects[artifact_key(lesson.id, "illustrate", "slide-02.png")] = b"tampered"
    fresh = dataclasses.replace(lesson, artifacts=tuple(a for a in lesson.artifacts if a.stage != "render_video"))
    with pytest.raises(StageFailed) as failure:
        await world.handlers()[StageName.RENDER_VIDEO].run(fresh)
    assert failure.value.code == "artifact_corrupt" and not failure.value.retryable


@pytest.mark.req("RDS-046")
@pytest.mark.parametrize("dropped", ["narrate", "illustrate"])
async def test_render_needs_the_narration_and_the_slides(world: World, dropped: str) -> None:
    lesson = await _finished_video_lesson(world)
    fresh = dataclasses.replace(
        lesson, artifacts=tuple(a for a in lesson.artifacts if a.stage not in (dropped, "render_video")))
    with pytest.raises(StageFailed) as failure:
        await world.handlers()[StageName.RENDER_VIDEO].run(fresh)
    assert failure.value.code == "missing_input"


@pytest.mark.parametrize("stage", MEDIA_STAGES)
async def test_a_media_stage_without_a_script_fails_without_retry(world: World, stage: StageName) -> None:
    lesson = await _finished_video_lesson(world)
    with pytest.raises(StageFailed) as failure:
        await world.handlers()[stage].run(dataclasses.replace(lesson, script=None, artifacts=()))
    assert failure.value.code == "missing_input" and not failure.value.retryable


@pytest.mark.req("RDS-007")
async def test_audio_only_runs_narration_and_skips_slides_and_video(world: World) -> None:
    lesson = await _finished_video_lesson(world, ("audio",))
    assert {a.name for a in lesson.artifacts} == {"narration.wav", "captions.vtt"}
    assert world.illustrator.calls == 0 and world.renderer.inputs == []
    assert lesson.stages[StageName.ILLUSTRATE].status.value == "skipped"
