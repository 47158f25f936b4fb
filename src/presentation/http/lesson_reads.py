"""Lesson reads through the view cache: a hit costs one cache lookup and no database work."""

from uuid import UUID

from litestar.exceptions import NotAuthorizedException
from litestar.serialization import encode_json

from application.errors import LessonNotFound
from application.lesson_visibility import visible_by_ownership
from application.ports.actor import Actor
from application.ports.lesson_view_cache import CachedLessonView, LessonViewCache
from application.use_cases.get_lesson import GetLesson, GetLessonQuery
from domain.lesson_lifecycle import LessonStatus
from presentation.http.lesson_presenter import present_lesson

FINAL_STATUSES = frozenset({LessonStatus.COMPLETED, LessonStatus.CANCELLED, LessonStatus.REJECTED,
                            LessonStatus.NOT_COVERED})


class CachedLessonReads:
    """The JSON body of GET /lessons/{id}.

    A cached view is served only when its owner and requester ids settle the caller's right to see it
    (admin, owner, requester: served; another student: LessonNotFound). A teacher who is neither, and
    every miss, goes through GetLesson, whose query checks visibility; the fresh view is then cached.
    """

    def __init__(self, cache: LessonViewCache, get_lesson: GetLesson) -> None:
        self._cache = cache
        self._get_lesson = get_lesson

    async def body(self, viewer: Actor, jti: str, lesson_id: UUID) -> bytes:
        """The lesson's JSON view, or LessonNotFound when it is missing or not visible to `viewer`.

        The caller's token id is checked against the deny-list in the same lookup (401 when revoked)."""
        found = await self._cache.get_for_token(lesson_id, jti)
        if found.revoked or not jti:
            raise NotAuthorizedException()
        cached = found.view
        if cached is not None:
            visible = visible_by_ownership(viewer, cached.owner_id, cached.requested_by)
            if visible is True:
                return cached.body
            if visible is False:
                raise LessonNotFound(str(lesson_id))
        lesson = await self._get_lesson.execute(GetLessonQuery(actor=viewer, lesson_id=lesson_id))
        body = encode_json(present_lesson(lesson))  # exactly as Litestar would encode it
        await self._cache.put(CachedLessonView(
            lesson_id=lesson.id, version=lesson.version, owner_id=lesson.owner_id, requested_by=lesson.requested_by,
            final=lesson.status in FINAL_STATUSES, body=body))
        return body
