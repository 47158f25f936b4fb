"""The lesson routes: create, read, list, cancel, retry."""

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotAuthorizedException
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody, QueryParameter
from litestar.security.jwt import Token

from application.ports.actor import Actor
from application.use_cases.cancel_lesson import CancelLesson, CancelLessonCommand
from application.use_cases.list_lessons import ListLessons, ListLessonsQuery
from application.use_cases.request_lesson import RequestLesson
from application.use_cases.retry_lesson import RetryLesson, RetryLessonCommand
from domain.lesson_lifecycle import LessonStatus
from presentation.http.dependencies import (
    provide_actor,
    provide_cancel_lesson,
    provide_lesson_reads,
    provide_list_lessons,
    provide_request_lesson,
    provide_retry_lesson,
)
from presentation.http.lesson_creation import accepted, lesson_command
from presentation.http.lesson_presenter import API_PREFIX, present_lesson, present_summary
from presentation.http.lesson_reads import CachedLessonReads
from presentation.http.openapi_responses import error_responses
from presentation.http.raw_json import json_response
from presentation.http.request_telemetry import note_lesson
from presentation.http.schemas.lesson_request_schemas import CreateLessonBody, LessonAccepted
from presentation.http.schemas.lesson_view_schemas import LessonListView, LessonView
from presentation.http.security import REVOCATION_CHECKED_BY_HANDLER
from presentation.http.trace import trace_id_of

MAX_BODY_BYTES = 16 * 1024
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(name="Idempotency-Key", min_length=1, max_length=128, required=False,
                    description="Replays return the same lesson; reuse with another body answers 422"),
]


class LessonsController(Controller):
    """Lessons of the signed-in user (their students' for teachers, everyone's for admins)."""

    path = API_PREFIX
    tags = ["lessons"]
    request_max_body_size = MAX_BODY_BYTES
    dependencies = {"actor": Provide(provide_actor, sync_to_thread=False)}

    @post("/", operation_id="createLesson", status_code=202, opt={REVOCATION_CHECKED_BY_HANDLER: True},
          dependencies={"use_case": Provide(provide_request_lesson, sync_to_thread=False)},
          responses=error_responses(400, 401, 403, 413, 422, 429, 503))
    async def create(
        self, data: JSONBody[CreateLessonBody], request: Request[Actor, Token, Any],
        use_case: NamedDependency[RequestLesson], idempotency_key: IdempotencyKey = None
    ) -> Response[LessonAccepted]:
        """Record a lesson request and answer at once; poll `status_url` for progress.
        Past the per-user rate, daily quota or daily budget: 429 with Retry-After."""
        # The use case checks the token against the deny-list in the same Redis call as the rate limit.
        # Most requests never get here: LessonCreateFastPath answers them with the same two helpers.
        result = await use_case.execute(lesson_command(data, request.user, _token_id(request.auth), idempotency_key,
                                                       trace_id_of(request.scope)))
        note_lesson(request.scope, str(result.lesson_id))
        body = accepted(result)
        return Response(body, status_code=202, headers={"Location": body.status_url})

    @get("/{lesson_id:uuid}", operation_id="getLesson", opt={REVOCATION_CHECKED_BY_HANDLER: True},
         dependencies={"reads": Provide(provide_lesson_reads, sync_to_thread=False)},
         responses=error_responses(400, 401, 404, 503))
    async def read(self, lesson_id: FromPath[UUID], request: Request[Actor, Token, Any],
                   reads: NamedDependency[CachedLessonReads]) -> Response[LessonView]:
        """Status, stages, the lesson, artifacts and cost."""
        # The caller comes from `request.user`, not the `actor` dependency: one dependency less is one
        # task group less per request on the two hottest routes.
        return json_response(await reads.body(request.user, str(request.auth.jti or ""), lesson_id), LessonView)

    @get("/", operation_id="listLessons",
         dependencies={"use_case": Provide(provide_list_lessons, sync_to_thread=False)},
         responses=error_responses(400, 401, 503))
    async def list_lessons(
        self, actor: NamedDependency[Actor], use_case: NamedDependency[ListLessons],
        status: FromQuery[LessonStatus | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=100)] = 20,
        cursor: Annotated[str | None, QueryParameter(max_length=200)] = None,
    ) -> LessonListView:
        """Your lessons, newest first; pass `next_cursor` back as `cursor` for the next page."""
        page = await use_case.execute(ListLessonsQuery(actor=actor, status=status, limit=limit, cursor=cursor))
        return LessonListView(items=[present_summary(x) for x in page.items], next_cursor=page.next_cursor)

    @post("/{lesson_id:uuid}/cancel", operation_id="cancelLesson", status_code=200,
          dependencies={"use_case": Provide(provide_cancel_lesson, sync_to_thread=False)},
          responses=error_responses(400, 401, 403, 404, 409, 503))
    async def cancel(self, lesson_id: FromPath[UUID], actor: NamedDependency[Actor],
                     use_case: NamedDependency[CancelLesson]) -> LessonView:
        """Cancel a queued or running lesson."""
        return present_lesson(await use_case.execute(CancelLessonCommand(actor=actor, lesson_id=lesson_id)))

    @post("/{lesson_id:uuid}/retry", operation_id="retryLesson", status_code=202,
          dependencies={"use_case": Provide(provide_retry_lesson, sync_to_thread=False)},
          responses=error_responses(400, 401, 403, 404, 409, 503))
    async def retry(self, lesson_id: FromPath[UUID], actor: NamedDependency[Actor],
                    use_case: NamedDependency[RetryLesson]) -> LessonView:
        """Resume a failed lesson at its failed stage."""
        return present_lesson(await use_case.execute(RetryLessonCommand(actor=actor, lesson_id=lesson_id)))


def _token_id(token: Token) -> str:
    """The token's `jti`; a token without one is refused, as the authentication middleware would."""
    if not isinstance(token.jti, str) or not token.jti:
        raise NotAuthorizedException()
    return token.jti
