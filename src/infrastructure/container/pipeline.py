"""The pipeline container: stage handlers, the stage runner and the reconciler."""

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from dependency_injector import containers, providers

from application.stages.artifact_reader import ArtifactReader
from application.stages.artifact_writer import ArtifactWriter
from application.stages.check_stage import CheckStage
from application.stages.illustrate_stage import IllustrateStage
from application.stages.narrate_stage import NarrateStage
from application.stages.publish_stage import PublishStage
from application.stages.render_video_stage import RenderVideoStage
from application.stages.retrieve_stage import RetrieveStage
from application.stages.stage_handler import StageHandler
from application.stages.understand_stage import UnderstandStage
from application.stages.write_stage import WriteStage
from application.use_cases.process_lesson import LeasePolicy, ProcessLesson
from application.use_cases.reconcile_leases import ReconcileLeases
from domain.stage import StageName
from infrastructure.config.settings import FaultSettings, QueueSettings
from infrastructure.faults.simulated_upstream_stage import SimulatedUpstreamStage


def lease_policy(queue: QueueSettings) -> LeasePolicy:
    """The lease, heartbeat and delivery limit from the queue settings."""
    return LeasePolicy(lease=timedelta(seconds=queue.lease_seconds),
                       heartbeat=timedelta(seconds=queue.heartbeat_seconds), max_deliveries=queue.max_deliveries)


def stage_handlers(faults: FaultSettings, *handlers: StageHandler) -> Mapping[StageName, StageHandler]:
    """Index handlers by the stage they run; a fault drill journals every stage and slows one down."""
    indexed: dict[StageName, StageHandler] = {handler.stage: handler for handler in handlers}
    if faults.simulated_upstream_ms <= 0:
        return indexed
    slow = StageName(faults.simulated_upstream_stage)
    journal = Path(faults.simulated_upstream_journal) if faults.simulated_upstream_journal else None
    return {name: SimulatedUpstreamStage(handler, faults.simulated_upstream_ms / 1000 if name is slow else 0.0,
                                         journal)
            for name, handler in indexed.items()}


class Pipeline(containers.DeclarativeContainer):
    """Stage handlers over the generators and gateways."""

    gateways = providers.DependenciesContainer()
    generators = providers.DependenciesContainer()
    queue_settings = providers.Dependency(instance_of=QueueSettings)
    fault_settings = providers.Dependency(instance_of=FaultSettings)

    artifact_writer = providers.Singleton(ArtifactWriter, gateways.artifact_store)
    artifact_reader = providers.Singleton(ArtifactReader, gateways.artifact_store)
    handlers = providers.Singleton(
        stage_handlers,
        fault_settings,
        providers.Singleton(UnderstandStage, generators.screen, generators.classifier),
        providers.Singleton(RetrieveStage, generators.passage_index),
        providers.Singleton(WriteStage, generators.script_writer),
        providers.Singleton(CheckStage, generators.screen, generators.script_writer, generators.support_scorer),
        providers.Singleton(NarrateStage, generators.narrator, artifact_writer),
        providers.Singleton(IllustrateStage, generators.illustrator, artifact_writer),
        providers.Singleton(RenderVideoStage, generators.video_renderer, artifact_writer, artifact_reader),
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
