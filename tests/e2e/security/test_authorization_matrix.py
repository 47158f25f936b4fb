"""The authorisation matrix: every route with an id in its path × six roles × two owners.

Routes come from the app's OpenAPI document, so routes added later are covered without editing this
file; a route whose path parameters cannot be resolved is still checked for anonymous callers (401).
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

import pytest

from tests.e2e.security.conftest import World
from tests.e2e.security.figures import report
from tests.e2e.security.route_table import Operation, operations

pytestmark = pytest.mark.req("RDS-019", "RDS-020", "RDS-052", "RDS-055")

OWNER, OTHER, CLASS_TEACHER, OTHER_TEACHER, ADMIN, ANONYMOUS = (
    "student owner", "other student", "teacher of owner's class", "unrelated teacher", "admin", "anonymous")
CAST = {
    "alice": {OWNER: "alice", OTHER: "bob", CLASS_TEACHER: "tess", OTHER_TEACHER: "tom", ADMIN: "ada", ANONYMOUS: None},
    "bob": {OWNER: "bob", OTHER: "alice", CLASS_TEACHER: "tom", OTHER_TEACHER: "tess", ADMIN: "ada", ANONYMOUS: None},
}
STATE_FOR_ACTION = {"cancel": "queued", "retry": "failed"}
# Operations whose targets this file prepares so that an authorised call must succeed; on any other
# operation (added later) only the refusals are asserted.
PREPARED = {"getLesson", "cancelLesson", "retryLesson", "getArtifact", "addClassMember"}
BODIES: dict[str, Any] = {"addClassMember": {"username": "carl"}}


def allowed(op: Operation, role: str) -> bool:
    """DESIGN §5: lessons are read by owner, their teacher and admins, changed by owner and admins;
    classes are managed by their teacher and admins."""
    if "lesson_id" in op.params:
        return role in ({OWNER, CLASS_TEACHER, ADMIN} if op.method == "GET" else {OWNER, ADMIN})
    return role in {CLASS_TEACHER, ADMIN}


def refusals(op: Operation, role: str) -> set[int]:
    """The statuses an unauthorised role may get: 401 anonymous, 404 for a foreign id, 403 by role."""
    if role == ANONYMOUS:
        return {401}
    unknown_body = {400} if op.has_body and op.operation_id not in BODIES else set()  # refused before the id
    if "lesson_id" in op.params:
        return unknown_body | ({403, 404} if role == CLASS_TEACHER else {404})
    return unknown_body | ({403} if role in (OWNER, OTHER) else {404})


@dataclass
class Tally:
    """What the matrix measured."""

    requests: int = 0
    unauthorised_2xx: int = 0
    wrong_refusal: int = 0
    authorised_refused: int = 0
    anonymous_only: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)


class Matrix:
    """Prepares a target per (operation, owner, role) and records each answer."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.tally = Tally()
        self.completed: dict[str, str] = {}

    async def setup(self) -> None:
        for owner in CAST:
            self.completed[owner] = await self.world.new_lesson(owner)
        await self.world.process_queued()

    async def values(self, op: Operation, owner: str) -> dict[str, str] | None:
        """Path values for a fresh target in the state the operation needs, or None when unresolvable."""
        values: dict[str, str] = {}
        if "lesson_id" in op.params:
            action = op.path.rstrip("/").rsplit("/", 1)[-1]
            if op.method == "GET":
                values["lesson_id"] = self.completed[owner]
            else:
                values["lesson_id"] = await self.world.new_lesson(owner, STATE_FOR_ACTION.get(action, "queued"))
            values["name"] = "lesson.md"
        if "class_id" in op.params:
            values["class_id"] = str(self.world.classes[CAST[owner][CLASS_TEACHER] or ""])
        return values if set(op.params) <= set(values) else None

    async def run(self, op: Operation, owner: str, role: str) -> None:
        values = await self.values(op, owner)
        if values is None:
            self.tally.anonymous_only.append(f"{op.method} {op.path}")
            values = {name: str(uuid4()) for name in op.params}
            if role != ANONYMOUS:
                return
        response = await self.world.call(op.method, op.url(values), CAST[owner][role], BODIES.get(op.operation_id))
        self.record(op, role, response.status_code, f"{op.method} {op.url(values)} as {role} of {owner}")

    def record(self, op: Operation, role: str, status: int, what: str) -> None:
        tally = self.tally
        tally.requests += 1
        tally.statuses[status] += 1
        if allowed(op, role) and role != ANONYMOUS:
            if op.operation_id in PREPARED and not 200 <= status < 300:
                tally.authorised_refused += 1
                tally.problems.append(f"authorised got {status}: {what}")
            return
        if 200 <= status < 300:
            tally.unauthorised_2xx += 1
            tally.problems.append(f"UNAUTHORISED {status}: {what}")
        elif status not in refusals(op, role):
            tally.wrong_refusal += 1
            tally.problems.append(f"expected {sorted(refusals(op, role))}, got {status}: {what}")


async def test_no_role_reaches_what_is_not_theirs(world: World) -> None:
    matrix = Matrix(world)
    await matrix.setup()
    targeted = [op for op in operations(world.app) if op.params and not op.public]
    assert {op.operation_id for op in targeted} >= PREPARED
    for op in targeted:
        for owner in CAST:
            for role in CAST[owner]:
                await matrix.run(op, owner, role)
    tally = matrix.tally
    report(f"authorization matrix: {len(targeted)} routes x {len(CAST['alice'])} roles x {len(CAST)} owners = "
           f"{tally.requests} requests, unauthorised 2xx = {tally.unauthorised_2xx}, "
           f"authorised refused = {tally.authorised_refused}, other refusal codes = {tally.wrong_refusal}, "
           f"statuses {dict(sorted(tally.statuses.items()))}")
    if tally.anonymous_only:
        unresolved = sorted(set(tally.anonymous_only))
        report(f"authorization matrix: checked for anonymous only (add a resolver): {unresolved}")
    assert tally.problems == []
    assert tally.unauthorised_2xx == 0 and tally.requests >= len(targeted) * 12


async def test_a_foreign_id_answers_exactly_like_a_missing_one(world: World) -> None:
    lesson_id = await world.new_lesson("alice", "completed")
    compared = 0
    for op in operations(world.app):
        if "lesson_id" not in op.params or op.public:
            continue
        values = {"lesson_id": lesson_id, "name": "lesson.md"}
        foreign = await world.call(op.method, op.url(values), "bob", BODIES.get(op.operation_id))
        missing = await world.call(op.method, op.url({**values, "lesson_id": str(uuid4())}), "alice",
                                   BODIES.get(op.operation_id))
        strip = ("trace_id", "timestamp")
        assert foreign.status_code == missing.status_code == 404, op.path
        assert {k: v for k, v in foreign.json().items() if k not in strip} == {
            k: v for k, v in missing.json().items() if k not in strip}
        compared += 1
    report(f"foreign vs missing ids: {compared} routes compared, differing answers = 0")


async def test_listings_show_only_what_each_user_may_see(world: World) -> None:
    owners = {await world.new_lesson(owner): owner for owner in ("alice", "bob", "carl", "alice")}
    teaches = {"tess": {"alice"}, "tom": {"bob"}}  # an admin's plain listing is their own lessons
    leaks = checked = 0
    for user in ("alice", "bob", "carl", "tess", "tom", "ada"):
        items = (await world.call("GET", "/api/v1/lessons?limit=100", user)).json()["items"]
        seen = {item["id"] for item in items}
        expected = {i for i, o in owners.items() if user == o or o in teaches.get(user, set())}
        leaks += len(seen - expected)
        assert seen == expected, user
        classes = (await world.call("GET", "/api/v1/classes", user))
        if user in teaches:
            members = {m["username"] for c in classes.json()["items"] for m in c["members"]}
            assert members == teaches[user]
        elif user != "ada":
            assert classes.status_code == 403
        checked += 1
    report(f"listings: {checked} users, lessons listed that were not theirs = {leaks}")
