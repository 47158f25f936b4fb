"""The only place Litestar reaches the container: plain Provide functions."""

from typing import Any

from litestar import Request
from litestar.datastructures import State

from application.ports.actor import Actor
from application.use_cases.add_class_member import AddClassMember
from application.use_cases.cancel_lesson import CancelLesson
from application.use_cases.create_class import CreateClass
from application.use_cases.get_artifact import GetArtifact
from application.use_cases.get_daily_usage import GetDailyUsage
from application.use_cases.ingest_curriculum import IngestCurriculum
from application.use_cases.issue_token import IssueToken
from application.use_cases.list_classes import ListClasses
from application.use_cases.list_lessons import ListLessons
from application.use_cases.request_lesson import RequestLesson
from application.use_cases.retry_lesson import RetryLesson
from application.use_cases.revoke_token import RevokeToken
from application.use_cases.search_curriculum import SearchCurriculum
from infrastructure.container.application import ApplicationContainer
from infrastructure.health.readiness import Readiness
from presentation.http.lesson_reads import CachedLessonReads


def container_of(state: State) -> ApplicationContainer:
    """The container the app was built with."""
    container: ApplicationContainer = state.container
    return container


def provide_actor(request: Request[Actor, Any, Any]) -> Actor:
    """The authenticated caller."""
    return request.user


def provide_request_lesson(state: State) -> RequestLesson:
    """RequestLesson from the container (stateless: built once per app, it runs on every POST /lessons)."""
    use_case: RequestLesson | None = state.get("request_lesson")
    if use_case is None:
        use_case = container_of(state).use_cases.request_lesson()
        state["request_lesson"] = use_case
    return use_case


def provide_lesson_reads(state: State) -> CachedLessonReads:
    """Lesson reads through the view cache (stateless: built once per app)."""
    reads: CachedLessonReads | None = state.get("lesson_reads")
    if reads is None:
        container = container_of(state)
        reads = CachedLessonReads(container.gateways.lesson_views(), container.use_cases.get_lesson())
        state["lesson_reads"] = reads
    return reads


def provide_list_lessons(state: State) -> ListLessons:
    """ListLessons from the container."""
    use_case: ListLessons = container_of(state).use_cases.list_lessons()
    return use_case


def provide_cancel_lesson(state: State) -> CancelLesson:
    """CancelLesson from the container."""
    use_case: CancelLesson = container_of(state).use_cases.cancel_lesson()
    return use_case


def provide_retry_lesson(state: State) -> RetryLesson:
    """RetryLesson from the container."""
    use_case: RetryLesson = container_of(state).use_cases.retry_lesson()
    return use_case


def provide_get_artifact(state: State) -> GetArtifact:
    """GetArtifact from the container."""
    use_case: GetArtifact = container_of(state).use_cases.get_artifact()
    return use_case


def provide_get_daily_usage(state: State) -> GetDailyUsage:
    """GetDailyUsage from the container."""
    use_case: GetDailyUsage = container_of(state).use_cases.get_daily_usage()
    return use_case


def provide_issue_token(state: State) -> IssueToken:
    """IssueToken from the container."""
    use_case: IssueToken = container_of(state).use_cases.issue_token()
    return use_case


def provide_revoke_token(state: State) -> RevokeToken:
    """RevokeToken from the container."""
    use_case: RevokeToken = container_of(state).use_cases.revoke_token()
    return use_case


def provide_create_class(state: State) -> CreateClass:
    """CreateClass from the container."""
    use_case: CreateClass = container_of(state).use_cases.create_class()
    return use_case


def provide_add_class_member(state: State) -> AddClassMember:
    """AddClassMember from the container."""
    use_case: AddClassMember = container_of(state).use_cases.add_class_member()
    return use_case


def provide_list_classes(state: State) -> ListClasses:
    """ListClasses from the container."""
    use_case: ListClasses = container_of(state).use_cases.list_classes()
    return use_case


def provide_readiness(state: State) -> Readiness:
    """The readiness probes."""
    readiness: Readiness = container_of(state).gateways.readiness()
    return readiness


def provide_ingest_curriculum(state: State) -> IngestCurriculum:
    """IngestCurriculum from the container."""
    use_case: IngestCurriculum = container_of(state).use_cases.ingest_curriculum()
    return use_case


def provide_search_curriculum(state: State) -> SearchCurriculum:
    """SearchCurriculum from the container."""
    use_case: SearchCurriculum = container_of(state).use_cases.search_curriculum()
    return use_case
