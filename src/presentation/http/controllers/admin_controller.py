"""GET /api/v1/admin/lessons: every user's lessons, e.g. the dead-letter list (?status=failed)."""

from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, QueryParameter

from application.ports.actor import Actor
from application.use_cases.list_lessons import ListLessons, ListLessonsQuery
from domain.lesson_lifecycle import LessonStatus
from domain.user import Role
from presentation.http.dependencies import provide_actor, provide_list_lessons
from presentation.http.lesson_presenter import present_summary
from presentation.http.openapi_responses import error_responses
from presentation.http.schemas.lesson_view_schemas import LessonListView
from presentation.http.security import roles


class AdminController(Controller):
    """Operator views; admins only."""

    path = "/api/v1/admin"
    tags = ["admin"]
    guards = [roles(Role.ADMIN)]
    dependencies = {"actor": Provide(provide_actor, sync_to_thread=False),
                    "use_case": Provide(provide_list_lessons, sync_to_thread=False)}

    @get("/lessons", operation_id="adminListLessons", responses=error_responses(400, 401, 403, 503))
    async def list_all(
        self, actor: NamedDependency[Actor], use_case: NamedDependency[ListLessons],
        status: FromQuery[LessonStatus | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=100)] = 20,
        cursor: Annotated[str | None, QueryParameter(max_length=200)] = None,
    ) -> LessonListView:
        """All lessons, newest first; `?status=failed` is the dead-letter list (each retryable)."""
        page = await use_case.execute(
            ListLessonsQuery(actor=actor, status=status, limit=limit, cursor=cursor, all_users=True))
        return LessonListView(items=[present_summary(x) for x in page.items], next_cursor=page.next_cursor)
