"""The use-case container: one Factory per use case, built over the gateways and generators."""

from dependency_injector import containers, providers

from application.use_cases.add_class_member import AddClassMember
from application.use_cases.cancel_lesson import CancelLesson
from application.use_cases.create_class import CreateClass
from application.use_cases.create_user import CreateUser
from application.use_cases.get_artifact import GetArtifact
from application.use_cases.get_daily_usage import GetDailyUsage
from application.use_cases.get_lesson import GetLesson
from application.use_cases.ingest_curriculum import IngestCurriculum
from application.use_cases.issue_token import IssueToken
from application.use_cases.list_classes import ListClasses
from application.use_cases.list_lessons import ListLessons
from application.use_cases.observe_queue import ObserveQueue
from application.use_cases.request_lesson import RequestLesson
from application.use_cases.retry_lesson import RetryLesson
from application.use_cases.revoke_token import RevokeToken
from application.use_cases.search_curriculum import SearchCurriculum


class UseCases(containers.DeclarativeContainer):
    """Use cases are cheap objects: a new one per call."""

    gateways = providers.DependenciesContainer()
    generators = providers.DependenciesContainer()
    grounding = providers.DependenciesContainer()

    request_lesson = providers.Factory(
        RequestLesson, gateways.uow, gateways.clock, gateways.ids, gateways.doorbell, gateways.estimator,
        generators.available_modalities, gateways.lesson_limits, gateways.lesson_inbox,
    )
    get_lesson = providers.Factory(GetLesson, gateways.uow)
    list_lessons = providers.Factory(ListLessons, gateways.uow)
    cancel_lesson = providers.Factory(CancelLesson, gateways.uow, gateways.clock, gateways.metrics)
    retry_lesson = providers.Factory(RetryLesson, gateways.uow, gateways.clock, gateways.doorbell)
    get_artifact = providers.Factory(GetArtifact, gateways.uow, gateways.artifact_store)
    get_daily_usage = providers.Factory(GetDailyUsage, gateways.uow, gateways.clock)
    create_user = providers.Factory(CreateUser, gateways.uow, gateways.ids, gateways.hasher)
    issue_token = providers.Singleton(IssueToken, gateways.uow, gateways.hasher, gateways.token_issuer,
                                      gateways.login_throttle)
    revoke_token = providers.Factory(RevokeToken, gateways.token_deny_list, gateways.clock)
    create_class = providers.Factory(CreateClass, gateways.uow, gateways.ids)
    add_class_member = providers.Factory(AddClassMember, gateways.uow)
    list_classes = providers.Factory(ListClasses, gateways.uow)
    ingest_curriculum = providers.Factory(
        IngestCurriculum, gateways.uow, gateways.clock, grounding.parser, grounding.embedder, grounding.passage_index
    )
    search_curriculum = providers.Factory(SearchCurriculum, grounding.passage_index)
    observe_queue = providers.Factory(ObserveQueue, gateways.uow, gateways.clock, gateways.metrics,
                                      generators.upstream_health)
