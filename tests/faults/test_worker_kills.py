"""Workers SIGKILLed mid-stage: nothing lost, nothing written twice, no completed stage re-run."""

import asyncio
import hashlib
import random
import time
from collections import Counter
from pathlib import Path

import pytest

from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from presentation.runtime import stop_services
from tests.faults.drill import LEASE_S, RECONCILE_S, Drill, api_side, open_calls

pytestmark = [pytest.mark.faults, pytest.mark.timeout(300), pytest.mark.req("RDS-027", "RDS-059", "RDS-062")]
LESSONS = 200
KILLS = 3
WORKERS = 5
CLAIM_SLACK_S = 1.5  # the claim itself and process scheduling on a loaded 2-core machine; the figure is printed


async def _kill_mid_stage(drill: Drill, rng: random.Random, timeout_s: float = 30.0) -> tuple[float, str, int]:
    """Wait until some worker is inside the slow upstream and SIGKILL it."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while loop.time() < deadline:
        pids = {p.pid: p for p in drill.workers}
        inside = [(pid, lesson) for pid, lesson in open_calls(drill.journal_lines()) if pid in pids]
        if inside:
            pid, lesson = rng.choice(inside)
            drill.kill(pids[pid])
            return time.time(), lesson, pid
        await asyncio.sleep(0.02)
    raise AssertionError("no worker was inside the slow upstream: the load drained before the kills")


async def test_killed_workers_lose_nothing(drill: Drill) -> None:
    rng = random.Random(20261122)
    for _ in range(WORKERS):
        drill.start_worker(2)
    load = await api_side(drill)
    posting = asyncio.create_task(load.post(LESSONS))
    await asyncio.sleep(1.0)
    kills, restarts = [], []
    for _ in range(KILLS):
        kills.append(await _kill_mid_stage(drill, rng))
        restarts.append(asyncio.create_task(asyncio.to_thread(drill.start_worker, 2)))
        await asyncio.sleep(1.0)
    await asyncio.gather(posting, *restarts)
    counts = await load.drain(timeout_s=180)
    lines = drill.journal_lines()

    lessons = {}
    async with load.container.gateways.uow()() as uow:
        for lesson_id in load.lesson_ids:
            lessons[str(lesson_id)] = await uow.lessons.get(lesson_id)
    lost = sum(1 for x in lessons.values() if x is None or x.status is not LessonStatus.COMPLETED)

    killed_pids = {pid for _, _, pid in kills}
    first_end: dict[tuple[str, str], int] = {}
    ends: Counter[tuple[str, str]] = Counter()
    for x in lines:
        if x["event"] == "end":
            first_end.setdefault((x["lesson"], x["stage"]), x["pid"])
            ends[(x["lesson"], x["stage"])] += 1
    # A stage that ended in a worker that was never killed was committed: running it again is a re-run.
    # (One that ended in a killed worker may have died before its commit, so a second run is legitimate.)
    reruns = sum(n - 1 for key, n in ends.items() if n > 1 and first_end[key] not in killed_pids)

    duplicates = await asyncio.to_thread(_duplicate_artifacts, Path(drill.env["LESSONSMITH_ARTIFACTS"]),
                                         [x for x in lessons.values() if x is not None])

    recoveries = []
    for killed_at, lesson, _ in kills:
        restarts = [x["t"] for x in lines if x["lesson"] == lesson and x["event"] == "start" and x["t"] > killed_at]
        recoveries.append(min(restarts) - killed_at if restarts else float("inf"))
    bound = LEASE_S + RECONCILE_S
    print(f"\nFAULTS: {LESSONS} lessons, {KILLS} workers SIGKILLed mid-stage: lost={lost}, duplicate artifacts="
          f"{duplicates}, re-runs of completed stages={reruns}, recovery after kill max={max(recoveries):.2f}s "
          f"(lease {LEASE_S}s + reconciler {RECONCILE_S}s = {bound}s), statuses={counts}")
    drill.stop_workers()
    await stop_services(load.container)
    assert lost == 0
    assert duplicates == 0
    assert reruns == 0
    assert max(recoveries) <= bound + CLAIM_SLACK_S


def _duplicate_artifacts(root: Path, lessons: list[LessonRequest]) -> int:
    """Files beyond the recorded artifacts, plus recorded artifacts whose bytes no longer match their sha256.

    A worker killed inside a write leaves only its private `.tmp-*` file, never a visible artifact.
    """
    files = [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".tmp-")]
    recorded = [(lesson, a) for lesson in lessons for a in lesson.artifacts]
    changed = sum(1 for lesson, a in recorded
                  if hashlib.sha256((root / f"lessons/{lesson.id}/{a.stage}/{a.name}").read_bytes()).hexdigest()
                  != a.sha256)
    return len(files) - len(recorded) + changed
