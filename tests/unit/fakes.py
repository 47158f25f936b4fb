"""Hand-written fakes of the ports: they keep state, so tests assert on outcomes, not calls."""

import copy
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from types import TracebackType
from typing import Self
from uuid import UUID, uuid4

from application.errors import ConcurrentUpdate, DuplicateIdempotencyKey, UsernameTaken
from application.ports.actor import Actor
from application.ports.class_repository import ClassMember, ClassRepository, ClassRoster
from application.ports.clock import Clock
from application.ports.curriculum_repository import CurriculumRepository, IndexedChunk, StoredChunk
from application.ports.id_generator import IdGenerator
from application.ports.job_doorbell import JobDoorbell
from application.ports.lesson_listing import LessonPage, LessonUsage
from application.ports.lesson_queue import QueueStats
from application.ports.lesson_repository import LessonRepository
from application.ports.token_deny_list import TokenDenyList
from application.ports.unit_of_work import UnitOfWork
from application.ports.user_repository import UserRepository
from domain.curriculum_document import CurriculumDocument, indexed_hash
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.money import Money
from domain.school_class import SchoolClass
from domain.usage import UsageTotals
from domain.user import Role, User
from tests.unit.factories import T0

# A stored curriculum document: the document, its embedded chunks and the model that embedded them.
StoredDocument = tuple[CurriculumDocument, tuple[IndexedChunk, ...], str]

class FakeClock(Clock):
    """A clock that moves only when told."""

    def __init__(self, start: datetime = T0) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


class FakeIds(IdGenerator):
    """Random UUIDs, remembered."""

    def __init__(self) -> None:
        self.issued: list[UUID] = []

    def new_id(self) -> UUID:
        self.issued.append(uuid4())
        return self.issued[-1]


class FakeDenyList(TokenDenyList):
    """A deny-list every process would share; counts lookups."""

    def __init__(self) -> None:
        self.revoked: set[str] = set()
        self.lookups = 0

    async def revoke(self, jti: str, expires_at: datetime) -> None:
        self.revoked.add(jti)

    async def is_revoked(self, jti: str) -> bool:
        self.lookups += 1
        return jti in self.revoked


class FakeDoorbell(JobDoorbell):
    """Records rings."""

    def __init__(self) -> None:
        self.rings: list[UUID] = []

    async def ring(self, lesson_id: UUID) -> None:
        self.rings.append(lesson_id)

    async def wait(self, timeout_s: float) -> bool:
        return bool(self.rings)


class Database:
    """The shared state behind every fake unit of work; `committed` counts commits."""

    def __init__(self) -> None:
        self.lessons: dict[UUID, tuple[LessonRequest, str | None, datetime | None]] = {}
        self.users: dict[UUID, User] = {}
        self.classes: dict[UUID, SchoolClass] = {}
        self.members: set[tuple[UUID, UUID]] = set()
        self.curriculum: dict[str, StoredDocument] = {}
        self.commits = 0

    def may_see(self, viewer: Actor, lesson: LessonRequest) -> bool:
        """The visibility rule of the real query: admin, owner, requester, or the owner's teacher."""
        return viewer.is_admin or viewer.user_id in (lesson.owner_id, lesson.requested_by) or (
            viewer.role is Role.TEACHER and self.teaches(viewer.user_id, lesson.owner_id))

    def teaches(self, teacher_id: UUID, student_id: UUID) -> bool:
        """True when the student is in one of the teacher's classes."""
        return any(c.teacher_id == teacher_id and (c.id, student_id) in self.members for c in self.classes.values())


class InMemoryLessons(LessonRepository):
    """Lessons in a dict, stored as deep copies with a version, owner checks like the real query."""

    def __init__(self, db: Database, staged: dict[UUID, tuple[LessonRequest, str | None, datetime | None]]) -> None:
        self._db = db
        self._staged = staged

    def _rows(self) -> dict[UUID, tuple[LessonRequest, str | None, datetime | None]]:
        return {**self._db.lessons, **self._staged}

    async def add(self, lesson: LessonRequest) -> None:
        for row, _, _ in self._rows().values():
            if lesson.idempotency_key and (row.requested_by, row.idempotency_key) == (
                    lesson.requested_by, lesson.idempotency_key):
                raise DuplicateIdempotencyKey(lesson.idempotency_key)
        self._staged[lesson.id] = (copy.deepcopy(lesson), None, None)

    async def get_visible(self, lesson_id: UUID, viewer: Actor) -> LessonRequest | None:
        row = self._rows().get(lesson_id)
        if row is None or not self._db.may_see(viewer, row[0]):
            return None
        return copy.deepcopy(row[0])

    async def get(self, lesson_id: UUID) -> LessonRequest | None:
        row = self._rows().get(lesson_id)
        return copy.deepcopy(row[0]) if row else None

    async def find_by_idempotency_key(self, requested_by: UUID, key: str) -> LessonRequest | None:
        return next((copy.deepcopy(r) for r, _, _ in self._rows().values()
                     if r.requested_by == requested_by and r.idempotency_key == key), None)

    async def find_reusable(self, content_key: str) -> LessonRequest | None:
        done = [r for r, _, _ in self._rows().values()
                if r.content_key == content_key and r.status is LessonStatus.COMPLETED]
        return copy.deepcopy(min(done, key=lambda r: (r.created_at, r.id))) if done else None

    async def list_visible(self, viewer: Actor, status: LessonStatus | None, limit: int, cursor: str | None,
                           all_users: bool = False) -> LessonPage:
        rows = [r for r, _, _ in self._rows().values()
                if (all_users or (self._db.may_see(viewer, r) if not viewer.is_admin
                                  else viewer.user_id in (r.owner_id, r.requested_by)))
                and (status is None or r.status is status)]
        rows.sort(key=lambda r: (r.created_at, str(r.id)), reverse=True)
        start = int(cursor or 0)
        page = rows[start:start + limit]
        more = start + limit < len(rows)
        return LessonPage(tuple(copy.deepcopy(r) for r in page), str(start + limit) if more else None)

    async def usage(self, owner_id: UUID, start: datetime, end: datetime, viewer: Actor) -> UsageTotals:
        rows = [r for r, _, _ in self._rows().values() if r.owner_id == owner_id and start <= r.created_at < end
                and (viewer.is_admin or viewer.user_id in (r.owner_id, r.requested_by))]
        ledgers = [r.ledger for r in rows]
        return UsageTotals(len(rows), Money(sum(x.spent.micros for x in ledgers)),
                           Money(sum(x.saved.micros for x in ledgers)), Money(sum(x.estimated.micros for x in ledgers)))
    async def usage_since(self, requested_by: UUID, since: datetime) -> LessonUsage:
        rows = [r for r, _, _ in self._rows().values() if r.requested_by == requested_by and r.created_at >= since]
        return LessonUsage(len(rows), sum((r.ledger.estimated for r in rows), Money(0)))

    async def save(self, lesson: LessonRequest, fence: int | None = None) -> LessonRequest:
        stored, owner, lease = self._rows()[lesson.id]
        if stored.version != lesson.version:
            raise ConcurrentUpdate(str(lesson.id))
        if fence is not None and (stored.attempt != fence or stored.status is not LessonStatus.RUNNING):
            raise ConcurrentUpdate(str(lesson.id))
        saved = lesson.with_version(lesson.version + 1)
        keep = lesson.status is LessonStatus.RUNNING
        self._staged[lesson.id] = (copy.deepcopy(saved), owner if keep else None, lease if keep else None)
        return saved

    async def claim_next(self, worker_id: str, now: datetime, lease_until: datetime) -> LessonRequest | None:
        ready = sorted((r for r, _, _ in self._rows().values() if r.status is LessonStatus.QUEUED
                        and (r.not_before is None or r.not_before <= now)), key=lambda r: r.created_at)
        if not ready:
            return None
        lesson = copy.deepcopy(ready[0])
        lesson.claim(now)
        saved = lesson.with_version(lesson.version + 1)
        self._staged[lesson.id] = (copy.deepcopy(saved), worker_id, lease_until)
        return saved

    async def extend_lease(self, lesson_id: UUID, fence: int, lease_until: datetime) -> bool:
        lesson, owner, _ = self._rows()[lesson_id]
        if lesson.attempt != fence or lesson.status is not LessonStatus.RUNNING:
            return False
        self._staged[lesson_id] = (lesson, owner, lease_until)
        return True

    async def expired_leases(self, now: datetime, limit: int) -> tuple[LessonRequest, ...]:
        return tuple(copy.deepcopy(r) for r, _, lease in self._rows().values()
                     if r.status is LessonStatus.RUNNING and lease is not None and lease < now)[:limit]

    async def earliest_lease_expiry(self) -> datetime | None:
        leases = [lease for r, _, lease in self._rows().values() if r.status is LessonStatus.RUNNING and lease]
        return min(leases, default=None)

    async def stale_queued(self, older_than: datetime, limit: int) -> tuple[UUID, ...]:
        return tuple(r.id for r, _, _ in self._rows().values()
                     if r.status is LessonStatus.QUEUED and r.updated_at < older_than)[:limit]

    async def queue_stats(self) -> QueueStats:
        queued = [r.updated_at for r, _, _ in self._rows().values() if r.status is LessonStatus.QUEUED]
        return QueueStats(depth=len(queued), oldest_queued_at=min(queued, default=None))


class InMemoryUsers(UserRepository):
    """Users in a dict."""

    def __init__(self, db: Database, staged: dict[UUID, User]) -> None:
        self._db = db
        self._staged = staged

    async def add(self, user: User) -> None:
        if any(u.username == user.username for u in {**self._db.users, **self._staged}.values()):
            raise UsernameTaken(user.username)
        self._staged[user.id] = user

    async def get(self, user_id: UUID) -> User | None:
        return {**self._db.users, **self._staged}.get(user_id)

    async def get_by_username(self, username: str) -> User | None:
        return next((u for u in {**self._db.users, **self._staged}.values() if u.username == username), None)

    async def count(self) -> int:
        return len({**self._db.users, **self._staged})


class InMemoryClasses(ClassRepository):
    """Classes and memberships in the shared Database (written at once: tests need no rollback here)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, school_class: SchoolClass) -> None:
        self._db.classes[school_class.id] = school_class

    async def get_visible(self, class_id: UUID, viewer: Actor) -> SchoolClass | None:
        found = self._db.classes.get(class_id)
        return found if found is not None and (viewer.is_admin or found.teacher_id == viewer.user_id) else None

    async def rosters(self, viewer: Actor, class_id: UUID | None = None) -> tuple[ClassRoster, ...]:
        visible = [c for c in self._db.classes.values() if (viewer.is_admin or c.teacher_id == viewer.user_id)
                   and class_id in (None, c.id)]
        return tuple(ClassRoster(c, self._db.users[c.teacher_id].username, tuple(
            ClassMember(u.id, u.username) for u in self._db.users.values() if (c.id, u.id) in self._db.members))
            for c in sorted(visible, key=lambda c: c.name))

    async def add_member(self, class_id: UUID, student_id: UUID) -> bool:
        new = (class_id, student_id) not in self._db.members
        self._db.members.add((class_id, student_id))
        return new

    async def teaches(self, teacher_id: UUID, student_id: UUID) -> bool:
        return self._db.teaches(teacher_id, student_id)


class InMemoryCurriculum(CurriculumRepository):
    """Documents with their chunks in a dict, staged until commit."""

    def __init__(self, db: Database, staged: dict[str, StoredDocument]) -> None:
        self._db = db
        self._staged = staged

    async def indexed_hashes(self) -> dict[str, str]:
        return {i: indexed_hash(doc.content_hash, model)
                for i, (doc, _, model) in {**self._db.curriculum, **self._staged}.items()}

    async def replace(self, document: CurriculumDocument, chunks: tuple[IndexedChunk, ...], now: datetime,
                      embedding_model: str) -> None:
        self._staged[document.id] = (document, chunks, embedding_model)

    async def load_all(self) -> tuple[StoredChunk, ...]:
        raise NotImplementedError("the use-case tests never load the whole corpus")


class FakeUnitOfWork(UnitOfWork):
    """Stages writes and applies them to the Database only on commit."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lessons: dict[UUID, tuple[LessonRequest, str | None, datetime | None]] = {}
        self._users: dict[UUID, User] = {}
        self._curriculum: dict[str, StoredDocument] = {}
        self.lessons = InMemoryLessons(db, self._lessons)
        self.users = InMemoryUsers(db, self._users)
        self.classes = InMemoryClasses(db)
        self.curriculum = InMemoryCurriculum(db, self._curriculum)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        self._lessons.clear()
        self._users.clear()
        self._curriculum.clear()

    async def commit(self) -> None:
        self._db.lessons.update(self._lessons)
        self._db.users.update(self._users)
        self._db.curriculum.update(self._curriculum)
        self._db.commits += 1
        self._lessons.clear()
        self._users.clear()
        self._curriculum.clear()


class FakeUnitOfWorkFactory:
    """Makes units of work over one shared Database."""

    def __init__(self, db: Database | None = None) -> None:
        self.db = db or Database()

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.db)


async def collect(chunks: AsyncIterator[bytes]) -> bytes:
    """All bytes of a stream."""
    return b"".join([c async for c in chunks])
