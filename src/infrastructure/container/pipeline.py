"""The pipeline container: stage handlers, the stage runner and the reconciler."""

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from dependency_injector import containers, providers

from application.ports.artifact_store import ArtifactStore
from application.ports.clock import Clock
from application.ports.cost_estimator import CostEstimator
from application.ports.generation_versions import CorpusVersionSource, GenerationVersionsSource
from application.ports.unit_of_work import UnitOfWorkFactory
from application.stages.artifact_reader import ArtifactReader
from application.stages.artifact_writer import ArtifactWriter
from application.stages.check_stage import CheckStage
from application.stages.illustrate_stage import IllustrateStage
from application.stages.narrate_stage import NarrateStage
from application.stages.publish_stage import PublishStage
from application.stages.render_video_stage import RenderVideoStage
from application.stages.retrieve_stage import RetrieveStage
from application.stages.stage_handler import StageHandler
from application.stages.stage_reporter import StageReporter
from application.stages.understand_stage import UnderstandStage
from application.stages.write_stage import WriteStage
from application.use_cases.process_lesson import LeasePolicy, ProcessLesson
from application.use_cases.reconcile_leases import ReconcileLeases
from application.use_cases.reuse_finished_lesson import ReuseFinishedLesson
from domain.coverage import CoveragePolicy
from domain.stage import StageName
from infrastructure.config.settings import CorpusSettings, FaultSettings, QueueSettings, ReuseSettings
from infrastructure.faults.simulated_upstream_stage import SimulatedUpstreamStage
from infrastructure.pricing.generation_versions import ConfiguredGenerationVersions


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


def lesson_reuse(settings: ReuseSettings, uow: UnitOfWorkFactory, clock: Clock, store: ArtifactStore,
                 estimator: CostEstimator, versions: GenerationVersionsSource) -> ReuseFinishedLesson | None:
    """Reuse of finished lessons, unless LESSONSMITH_REUSE_FINISHED_LESSONS=false."""
    if not settings.reuse_finished_lessons:
        return None
    return ReuseFinishedLesson(uow, clock, store, estimator, versions)


def generation_versions(corpus: CorpusVersionSource, provider: str,
                        settings: ReuseSettings) -> GenerationVersionsSource:
    """The corpus version from its source; the model version names the provider family too."""
    return ConfiguredGenerationVersions(corpus, f"{provider}:{settings.model_version}", settings.prompt_version)


class Pipeline(containers.DeclarativeContainer):
    """Stage handlers over the generators and gateways."""

    gateways = providers.DependenciesContainer()
    generators = providers.DependenciesContainer()
    queue_settings = providers.Dependency(instance_of=QueueSettings)
    fault_settings = providers.Dependency(instance_of=FaultSettings)
    reuse_settings = providers.Dependency(instance_of=ReuseSettings)
    corpus_settings = providers.Dependency(instance_of=CorpusSettings)
    coverage = providers.Singleton(CoveragePolicy, min_coverage=corpus_settings.provided.coverage_min_score)
    provider_name = providers.Dependency(instance_of=str)

    artifact_writer = providers.Singleton(ArtifactWriter, gateways.artifact_store)
    artifact_reader = providers.Singleton(ArtifactReader, gateways.artifact_store)
    handlers = providers.Singleton(
        stage_handlers,
        fault_settings,
        providers.Singleton(UnderstandStage, generators.screen, generators.classifier),
        providers.Singleton(RetrieveStage, generators.passage_index, coverage),
        providers.Singleton(WriteStage, generators.script_writer, generators.unit_library),
        providers.Singleton(CheckStage, generators.screen, generators.script_writer, generators.support_scorer,
                            generators.unit_library),
        providers.Singleton(NarrateStage, generators.narrator, artifact_writer),
        providers.Singleton(IllustrateStage, generators.illustrator, artifact_writer),
        providers.Singleton(RenderVideoStage, generators.video_renderer, artifact_writer, artifact_reader),
        providers.Singleton(PublishStage, artifact_writer),
    )
    policy = providers.Singleton(lease_policy, queue_settings)
    versions = providers.Singleton(generation_versions, generators.passage_index, provider_name, reuse_settings)
    reuse = providers.Singleton(lesson_reuse, reuse_settings, gateways.uow, gateways.clock, gateways.artifact_store,
                                gateways.estimator, versions)
    reporter = providers.Singleton(StageReporter, gateways.metrics, generators.stage_providers)
    process_lesson = providers.Factory(
        ProcessLesson, gateways.uow, gateways.clock, handlers, gateways.estimator, policy, reporter,
        gateways.log_context, reuse,
    )
    reconcile_leases = providers.Factory(
        ReconcileLeases,
        gateways.uow,
        gateways.clock,
        gateways.doorbell,
        gateways.metrics,
        max_deliveries=queue_settings.provided.max_deliveries,
        stale_after=providers.Factory(timedelta, seconds=queue_settings.provided.stale_queued_seconds),
    )
