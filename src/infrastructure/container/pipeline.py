"""The pipeline container: stage handlers, the stage runner and the reconciler."""

from collections.abc import Mapping
from datetime import timedelta

from dependency_injector import containers, providers

from application.stages.artifact_writer import ArtifactWriter
from application.stages.check_stage import CheckStage
from application.stages.publish_stage import PublishStage
from application.stages.retrieve_stage import RetrieveStage
from application.stages.stage_handler import StageHandler
from application.stages.understand_stage import UnderstandStage
from application.stages.write_stage import WriteStage
from application.use_cases.process_lesson import LeasePolicy, ProcessLesson
from application.use_cases.reconcile_leases import ReconcileLeases
from domain.stage import StageName
from infrastructure.config.settings import QueueSettings


def lease_policy(queue: QueueSettings) -> LeasePolicy:
    """The lease, heartbeat and delivery limit from the queue settings."""
    return LeasePolicy(lease=timedelta(seconds=queue.lease_seconds),
                       heartbeat=timedelta(seconds=queue.heartbeat_seconds), max_deliveries=queue.max_deliveries)


def stage_handlers(*handlers: StageHandler) -> Mapping[StageName, StageHandler]:
    """Index handlers by the stage they run."""
    return {handler.stage: handler for handler in handlers}


class Pipeline(containers.DeclarativeContainer):
    """Stage handlers over the generators and gateways; media stages join when their providers exist."""

    gateways = providers.DependenciesContainer()
    generators = providers.DependenciesContainer()
    queue_settings = providers.Dependency(instance_of=QueueSettings)

    artifact_writer = providers.Singleton(ArtifactWriter, gateways.artifact_store)
    handlers = providers.Singleton(
        stage_handlers,
        providers.Singleton(UnderstandStage, generators.screen, generators.classifier),
        providers.Singleton(RetrieveStage, generators.passage_index),
        providers.Singleton(WriteStage, generators.script_writer),
        providers.Singleton(CheckStage, generators.screen, generators.script_writer, generators.support_scorer),
        providers.Singleton(PublishStage, artifact_writer),
    )
    policy = providers.Singleton(lease_policy, queue_settings)
    process_lesson = providers.Factory(
        ProcessLesson, gateways.uow, gateways.clock, handlers, gateways.estimator, policy
    )
    reconcile_leases = providers.Factory(
        ReconcileLeases,
        gateways.uow,
        gateways.clock,
        gateways.doorbell,
        max_deliveries=queue_settings.provided.max_deliveries,
        stale_after=providers.Factory(timedelta, seconds=queue_settings.provided.stale_queued_seconds),
    )
