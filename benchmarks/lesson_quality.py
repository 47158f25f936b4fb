"""Lesson quality and safety over fixed request sets, through the real API on the embedded default.

Run: .venv/bin/python -m benchmarks.lesson_quality [--corpus-db var/lessonsmith.db]

Every request of tests/data/quality_requests.json (benign, every grade, all subjects), benign_risky_requests.json
(school topics that only sound risky) and red_team_requests.json (unsafe or injection requests) is POSTed as a
text lesson and followed to its end. Prints the completion rate, the share within the reading band, the share of
supported factual sentences, quiz answers present in the lesson, red-team rejections, benign rejections, and the
pipeline time of a text lesson (sum of stage durations, and POST → completed as the client sees it).
Without --corpus-db the shipped corpus is embedded first (about a minute).
"""

import argparse
import asyncio
import json
import logging
import re
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from litestar.testing import AsyncTestClient
from tests.corpus_support import build_corpus_database, seed_home
from tests.e2e.conftest import PASSWORD, embedded_settings

from application.use_cases.create_user import CreateUserCommand
from domain.user import Role
from infrastructure.config.settings import LimitSettings
from infrastructure.container.application import build_container
from presentation.http.app import create_app

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
POLL_SECONDS = 0.02  # the client polls in the same process as the worker: polling faster steals its CPU
TERMINAL = {"completed", "failed", "rejected", "cancelled"}
Lesson = dict[str, Any]


def load_requests(name: str) -> list[dict[str, Any]]:
    """The requests of one benchmark set."""
    requests: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))["requests"]
    return requests


def lesson_text(content: Lesson) -> str:
    """What the student reads: sections, worked example and summary."""
    return " ".join([*(s["body"] for s in content["sections"]), content["worked_example"], content["summary"]])


def answer_present(content: Lesson, answer: str) -> bool:
    """True when the quiz answer is written in the lesson text."""
    return re.search(rf"(?<![\w-]){re.escape(answer)}(?![\w-])", lesson_text(content), re.IGNORECASE) is not None


def share(part: int, whole: int) -> str:
    """`part/whole (pp.p %)`."""
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "0/0"


def percentiles(samples: Sequence[float]) -> str:
    """p50, p95 and max in milliseconds."""
    cuts = statistics.quantiles(samples, n=100) if len(samples) > 1 else [samples[0]] * 99
    return f"p50 {cuts[49]:.0f} ms  p95 {cuts[94]:.0f} ms  max {max(samples):.0f} ms  (n={len(samples)})"


async def run_all(client: AsyncTestClient[Any], headers: dict[str, str], requests: list[dict[str, Any]]
                  ) -> list[tuple[dict[str, Any], Lesson, float]]:
    """Each request POSTed and polled to its end, one at a time: (request, lesson view, POST→end ms)."""
    results = []
    for request in requests:
        body = {**request, "requested_modalities": ["text"]}
        if body.get("interest") is None:
            body.pop("interest", None)
        started = time.perf_counter()
        posted = await client.post("/api/v1/lessons", json=body, headers=headers)
        assert posted.status_code == 202, posted.text
        url = posted.json()["status_url"]
        while True:
            lesson = (await client.get(url, headers=headers)).json()
            if lesson["status"] in TERMINAL:
                break
            await asyncio.sleep(POLL_SECONDS)
        results.append((request, lesson, (time.perf_counter() - started) * 1000))
    return results


def report_quality(results: list[tuple[dict[str, Any], Lesson, float]]) -> None:
    """Completion, reading band, grounding, quiz answers and pipeline time of the benign set."""
    completed = [(r, lesson, ms) for r, lesson, ms in results if lesson["status"] == "completed"]
    contents = [lesson["lesson"] for _, lesson, _ in completed]
    within = sum(1 for c in contents if c["reading_level"]["within_target"])
    factual = sum(c["grounding"]["factual_sentences"] for c in contents)
    supported = sum(round(c["grounding"]["supported_share"] * c["grounding"]["factual_sentences"]) for c in contents)
    dropped = sum(len(c["grounding"]["dropped"]) for c in contents)
    quiz = [(c, q) for c in contents for q in c["quiz"]]
    present = sum(1 for c, q in quiz if answer_present(c, q["answer"]))
    rewrites = sum(c["reading_level"]["rewrites"] for c in contents)
    print(f"completion rate                      {share(len(completed), len(results))}")
    print(f"within the reading band              {share(within, len(contents))}  ({rewrites} rewrites asked)")
    print(f"factual sentences supported          {share(supported, factual)}  ({dropped} dropped before media)")
    print(f"quiz answers present in the lesson   {share(present, len(quiz))}")
    for _, lesson, _ in results:
        if lesson["status"] != "completed":
            print(f"  not completed: {lesson['status']} {lesson.get('error') or lesson.get('rejection_reason')}")
    for request, lesson, _ in completed:
        level = lesson["lesson"]["reading_level"]
        if not level["within_target"]:
            print(f"  outside band: grade {request['grade_level']} {request['student_query']!r} "
                  f"FK {level['measured']} target {level['target_low']}-{level['target_high']}")
    pipeline = [float(sum(s["duration_ms"] or 0 for s in lesson["stages"])) for _, lesson, _ in completed]
    print(f"text pipeline, sum of stage durations  {percentiles(pipeline)}")
    print(f"POST -> completed (client, polling)    {percentiles([ms for _, _, ms in completed])}")
    for stage in ("understand", "retrieve", "write", "check", "publish"):
        times = [float(s["duration_ms"] or 0) for _, lesson, _ in completed for s in lesson["stages"]
                 if s["name"] == stage]
        print(f"  {stage:<10} {percentiles(times)}")


def report_safety(benign: list[tuple[dict[str, Any], Lesson, float]],
                  red_team: list[tuple[dict[str, Any], Lesson, float]]) -> None:
    """Red-team rejections and benign rejections."""
    rejected = [lesson for _, lesson, _ in red_team if lesson["status"] == "rejected"]
    wrongly = [(r, lesson) for r, lesson, _ in benign if lesson["status"] == "rejected"]
    print(f"red-team requests rejected           {share(len(rejected), len(red_team))}")
    print(f"benign requests wrongly rejected     {share(len(wrongly), len(benign))}")
    for request, lesson, _ in red_team:
        if lesson["status"] != "rejected":
            print(f"  NOT rejected: {request['student_query']!r} -> {lesson['status']}")
    for request, lesson in wrongly:
        print(f"  wrongly rejected: {request['student_query']!r}: {lesson.get('rejection_reason')}")


async def main_async(corpus_db: Path | None) -> None:
    """Start the embedded service, run the three sets, print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        database = corpus_db or await build_corpus_database(Path(folder))
        seed_home(home, database)
        settings = replace(embedded_settings(home), limits=LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0))
        container = build_container(settings)
        async with AsyncTestClient(create_app(container)) as client:
            await container.use_cases.create_user().execute(
                CreateUserCommand(username="bench", role=Role.STUDENT, password=PASSWORD))
            token = (await client.post("/api/v1/auth/token", json={"username": "bench", "password": PASSWORD})
                     ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            quality = await run_all(client, headers, load_requests("quality_requests.json"))
            risky = await run_all(client, headers, load_requests("benign_risky_requests.json"))
            red_team = await run_all(client, headers, load_requests("red_team_requests.json"))
    print(f"quality set: {len(quality)} requests, benign-risky set: {len(risky)}, red-team set: {len(red_team)}")
    report_quality(quality)
    report_safety(quality + risky, red_team)


def main() -> None:
    """Parse arguments and run."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus-db", type=Path, default=None, help="a SQLite database with the corpus ingested")
    asyncio.run(main_async(parser.parse_args().corpus_db))


if __name__ == "__main__":
    main()
