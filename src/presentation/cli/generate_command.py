"""`lessonsmith generate "QUERY" --grade N`: the whole pipeline in-process, with progress."""

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

import msgspec

from application.errors import UsernameTaken
from application.ports.actor import Actor
from application.use_cases.create_user import CreateUserCommand
from application.use_cases.get_artifact import GetArtifactQuery
from application.use_cases.get_lesson import GetLesson, GetLessonQuery
from application.use_cases.process_lesson import ProcessLessonCommand
from application.use_cases.request_lesson import RequestLessonCommand
from domain.lesson_request import LessonRequest
from domain.user import Role
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.cli.lesson_printout import print_lesson
from presentation.cli.progress import ProgressDisplay
from presentation.http.lesson_presenter import present_lesson
from presentation.runtime import start_services, stop_services

CLI_USER = "cli-generate"
POLL_S = 0.05


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add `generate`."""
    gen = commands.add_parser("generate", help="make one lesson in-process and print it")
    gen.add_argument("query")
    gen.add_argument("--grade", type=int, required=True, help="0 (kindergarten) to 12")
    gen.add_argument("--interest")
    gen.add_argument("--modalities", default="text", help="comma-separated: text,audio,image,video")
    gen.add_argument("--language", default="en")
    gen.add_argument("--out", type=Path, help="copy the artifacts into this folder")
    gen.add_argument("--json", action="store_true", help="print the lesson document as JSON")
    gen.set_defaults(run=_generate)


async def _generate(args: argparse.Namespace) -> int:
    container = build_container()
    await start_services(container)
    try:
        actor = await _cli_actor(container)
        modalities = [m.strip() for m in args.modalities.split(",") if m.strip()]
        accepted = await container.use_cases.request_lesson().execute(RequestLessonCommand(
            actor=actor, student_query=args.query, grade_level=args.grade, interest=args.interest,
            requested_modalities=modalities, language=args.language))
        lesson = await _run_to_end(container, actor, accepted.lesson_id, quiet=args.json)
        if args.out is not None:
            await _copy_artifacts(container, actor, lesson, args.out)
    finally:
        await stop_services(container)
    if args.json:
        sys.stdout.write(msgspec.json.encode(present_lesson(lesson)).decode() + "\n")
    else:
        print_lesson(lesson, args.out)
    return 0 if lesson.status.value == "completed" else 2


async def _cli_actor(container: ApplicationContainer) -> Actor:
    async with container.gateways.uow()() as uow:
        user = await uow.users.get_by_username(CLI_USER)
    if user is None:
        try:
            user = (await container.use_cases.create_user().execute(
                CreateUserCommand(username=CLI_USER, role=Role.STUDENT))).user
        except UsernameTaken:
            async with container.gateways.uow()() as uow:
                user = await uow.users.get_by_username(CLI_USER)
    assert user is not None
    return Actor(user_id=user.id, role=user.role)


async def _run_to_end(container: ApplicationContainer, actor: Actor, lesson_id: UUID, quiet: bool) -> LessonRequest:
    """Process queued lessons in this process until ours is terminal, showing its stages as they move."""
    display = ProgressDisplay(enabled=not quiet)
    worker = ProcessLessonCommand(worker_id="cli-generate")
    get: GetLesson = container.use_cases.get_lesson()
    while True:
        processing = asyncio.create_task(container.pipeline.process_lesson().execute(worker))
        while not processing.done():
            display.update(await get.execute(GetLessonQuery(actor=actor, lesson_id=lesson_id)))
            await asyncio.sleep(POLL_S)
        processed = await processing
        lesson = await get.execute(GetLessonQuery(actor=actor, lesson_id=lesson_id))
        display.update(lesson)
        if lesson.status.is_terminal:
            display.finish()
            return lesson
        if processed is None:
            await asyncio.sleep(POLL_S)


async def _copy_artifacts(container: ApplicationContainer, actor: Actor, lesson: LessonRequest, out: Path) -> None:
    await asyncio.to_thread(out.mkdir, parents=True, exist_ok=True)
    for artifact in lesson.artifacts:
        download = await container.use_cases.get_artifact().execute(
            GetArtifactQuery(actor=actor, lesson_id=lesson.id, name=artifact.name))
        if download.chunks is None:
            continue
        with (out / artifact.name).open("wb") as handle:
            async for chunk in download.chunks:
                handle.write(chunk)
