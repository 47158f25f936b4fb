"""A Hypothesis state machine over create/get/list/cancel/retry by two students and a teacher.

Invariants: nobody sees another's lesson (every read and listing matches the visibility rule), and an
Idempotency-Key yields one lesson per user (replays return it, another body is refused).
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from uuid import UUID, uuid4

import pytest
from dependency_injector import providers
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, multiple, rule, run_state_machine_as_test
from litestar.testing import TestClient

from domain.failure import Failure
from domain.user import User
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.http.app import create_app
from tests.e2e.conftest import enrol
from tests.e2e.security.conftest import create_users, fast_hasher, security_settings
from tests.e2e.security.figures import report

pytestmark = pytest.mark.req("RDS-055", "RDS-020", "RDS-022")

STUDENTS = ("alice", "bob")
ACTORS = ("alice", "bob", "tess")
TEACHES = {"tess": {"alice"}}
QUERIES = ("How do plants make food?", "What is the water cycle?", "Why do we have seasons?")


@dataclass
class Harness:
    """The running app shared by every example, and what all examples created so far."""

    client: TestClient[Any]
    container: ApplicationContainer
    users: dict[str, User]
    tokens: dict[str, str]
    owners: dict[str, str]
    tally: Counter[str]

    def call(self, method: str, path: str, user: str, body: Any = None, key: str | None = None) -> Any:
        headers = {"Authorization": f"Bearer {self.tokens[user]}"}
        if key is not None:
            headers["Idempotency-Key"] = key
        self.tally["requests"] += 1
        return self.client.request(method, path, headers=headers, json=body)

    def fail(self, lesson_id: str) -> None:
        """What a worker does when a stage fails for good."""
        async def run() -> None:
            now = self.container.gateways.clock().now()
            async with self.container.gateways.uow()() as uow:
                lesson = await uow.lessons.get(UUID(lesson_id))
                assert lesson is not None
                lesson.claim(now)
                lesson.fail(Failure("write", "made_to_fail", "failed on purpose", retryable=True), now)
                await uow.lessons.save(lesson)
                await uow.commit()
        self.client.blocking_portal.call(run)


def may_see(user: str, owner: str) -> bool:
    """The visibility rule: the owner, and a teacher of the owner's class."""
    return user == owner or owner in TEACHES.get(user, set())


class LessonMachine(RuleBasedStateMachine):
    """The model: each lesson's owner and status, and the lesson ids each (user, key) ever returned."""

    harness: ClassVar[Harness]
    lessons = Bundle("lessons")

    def __init__(self) -> None:
        super().__init__()
        self.space = uuid4().hex[:8]
        self.status: dict[str, str] = {}
        self.by_key: dict[tuple[str, str], tuple[set[str], str]] = {}
        self.touched: str | None = None
        self.harness.tally["examples"] += 1

    def _record(self, lesson_id: str, owner: str) -> None:
        self.harness.owners[lesson_id] = owner
        self.status[lesson_id] = "queued"
        self.touched = lesson_id

    @rule(target=lessons, user=st.sampled_from(STUDENTS), query=st.sampled_from(QUERIES),
          key=st.none() | st.sampled_from(("k1", "k2")))
    def create(self, user: str, query: str, key: str | None) -> Any:
        body = {"student_query": query, "grade_level": 4, "requested_modalities": ["text"]}
        header = f"{self.space}-{key}" if key else None
        response = self.harness.call("POST", "/api/v1/lessons", user, body, header)
        earlier = self.by_key.get((user, key)) if key else None
        if earlier is not None and earlier[1] != query:
            assert response.status_code == 422 and response.json()["error"] == "idempotency_conflict"
            return multiple()
        assert response.status_code == 202, response.text
        lesson_id: str = response.json()["id"]
        if key:
            self.by_key.setdefault((user, key), (set(), query))[0].add(lesson_id)
        if lesson_id in self.status:
            return multiple()
        self._record(lesson_id, user)
        return lesson_id

    @rule(target=lessons, student=st.sampled_from(STUDENTS))
    def teacher_requests(self, student: str) -> Any:
        body = {"student_query": QUERIES[0], "grade_level": 4, "requested_modalities": ["text"],
                "student_id": str(self.harness.users[student].id)}
        response = self.harness.call("POST", "/api/v1/lessons", "tess", body)
        if student not in TEACHES["tess"]:
            assert response.status_code == 422 and response.json()["error"] == "unknown_student"
            return multiple()
        assert response.status_code == 202
        self._record(response.json()["id"], student)
        return response.json()["id"]

    @rule(lesson=lessons, user=st.sampled_from(ACTORS))
    def get(self, lesson: str, user: str) -> None:
        response = self.harness.call("GET", f"/api/v1/lessons/{lesson}", user)
        assert response.status_code == (200 if may_see(user, self.harness.owners[lesson]) else 404)
        if response.status_code == 200:
            assert response.json()["status"] == self.status[lesson]

    @rule(lesson=lessons)
    def a_worker_fails_it(self, lesson: str) -> None:
        if self.status[lesson] == "queued":
            self.harness.fail(lesson)
            self.status[lesson] = "failed"

    @rule(lesson=lessons, user=st.sampled_from(ACTORS), action=st.sampled_from(("cancel", "retry")))
    def change(self, lesson: str, user: str, action: str) -> None:
        owner = self.harness.owners[lesson]
        response = self.harness.call("POST", f"/api/v1/lessons/{lesson}/{action}", user)
        self.touched = lesson
        if not may_see(user, owner):
            assert response.status_code == 404
        elif user != owner:
            assert response.status_code == 403
        elif (action, self.status[lesson]) in (("cancel", "queued"), ("retry", "failed")):
            assert 200 <= response.status_code < 300, response.text
            self.status[lesson] = "cancelled" if action == "cancel" else "queued"
        else:
            assert response.status_code == 409

    @rule(user=st.sampled_from(ACTORS))
    def list_lessons(self, user: str) -> None:
        items = self.harness.call("GET", "/api/v1/lessons?limit=100", user).json()["items"]
        for item in items:
            if not may_see(user, self.harness.owners[item["id"]]):
                self.harness.tally["leaks"] += 1
            assert may_see(user, self.harness.owners[item["id"]])

    @invariant()
    def nobody_sees_anothers_lesson(self) -> None:
        if self.touched is None:
            return
        for user in ACTORS:
            status = self.harness.call("GET", f"/api/v1/lessons/{self.touched}", user).status_code
            visible = may_see(user, self.harness.owners[self.touched])
            self.harness.tally["leaks"] += status == 200 and not visible
            assert status == (200 if visible else 404)

    @invariant()
    def one_lesson_per_idempotency_key(self) -> None:
        for ids, _ in self.by_key.values():
            self.harness.tally["duplicates"] += len(ids) > 1
            assert len(ids) == 1


def test_lessons_stay_private_and_keys_stay_unique(tmp_path: Path) -> None:
    container = build_container(security_settings(tmp_path))
    container.gateways.hasher.override(providers.Object(fast_hasher()))
    with TestClient(create_app(container, run_workers=False)) as client:
        users = client.blocking_portal.call(create_users, container)
        client.blocking_portal.call(enrol, container, "tess", "alice")
        issuer = container.gateways.token_issuer()
        tokens = {name: issuer.issue(user).access_token for name, user in users.items()}
        LessonMachine.harness = Harness(client, container, users, tokens, {}, Counter())
        run_state_machine_as_test(LessonMachine, settings=settings(
            max_examples=30, stateful_step_count=15, deadline=None, derandomize=True, database=None,
            suppress_health_check=list(HealthCheck)))
    tally = LessonMachine.harness.tally
    report(f"stateful: {tally['examples']} runs, {tally['requests']} requests, {len(LessonMachine.harness.owners)} "
           f"lessons; seen by someone else = {tally['leaks']}, keys with more than one lesson = {tally['duplicates']}")
    assert tally["leaks"] == tally["duplicates"] == 0 and tally["requests"] > 500
