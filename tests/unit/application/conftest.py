"""A wired set of use cases over fakes."""

from dataclasses import dataclass, field
from uuid import uuid4

import pytest

from application.limits.lesson_limits import LessonLimitPolicy, LessonLimits
from application.ports.actor import Actor
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
from application.use_cases.request_lesson import RequestLesson
from application.use_cases.reuse_finished_lesson import ReuseFinishedLesson
from domain.coverage import CoveragePolicy
from domain.modality import Modality
from domain.stage import StageName
from domain.user import Role
from infrastructure.limits.in_process_rate_counter import InProcessRateCounter
from infrastructure.limits.local_admission_gate import LocalAdmissionGate
from tests.unit.fakes import FakeClock, FakeDenyList, FakeDoorbell, FakeIds, FakeUnitOfWorkFactory
from tests.unit.media_fakes import FakeIllustrator, FakeNarrator, FakeRenderer
from tests.unit.observability_fakes import RecordingLogContext, RecordingMetrics
from tests.unit.stage_fakes import (
    FakeClassifier,
    FakeEstimator,
    FakeIndex,
    FakeScorer,
    FakeScreen,
    FakeUnitLibrary,
    FakeWriter,
    InMemoryArtifactStore,
)


@dataclass
class World:
    """Everything a use-case test needs, sharing one fake database."""

    uow: FakeUnitOfWorkFactory
    clock: FakeClock
    doorbell: FakeDoorbell
    store: InMemoryArtifactStore
    writer: FakeWriter
    index: FakeIndex
    student: Actor
    other_student: Actor
    teacher: Actor
    admin: Actor
    narrator: FakeNarrator = field(default_factory=FakeNarrator)
    illustrator: FakeIllustrator = field(default_factory=FakeIllustrator)
    renderer: FakeRenderer = field(default_factory=FakeRenderer)
    metrics: RecordingMetrics = field(default_factory=RecordingMetrics)
    log_context: RecordingLogContext = field(default_factory=RecordingLogContext)

    def request_lesson(self, available: frozenset[Modality] = frozenset({Modality.TEXT})) -> RequestLesson:
        unlimited = LessonLimits(LocalAdmissionGate(FakeDenyList(), InProcessRateCounter(self.clock)),
                                 LessonLimitPolicy())
        return RequestLesson(self.uow, self.clock, FakeIds(), self.doorbell, FakeEstimator(), available, unlimited)

    def handlers(self) -> dict[StageName, StageHandler]:
        writer = ArtifactWriter(self.store)
        handlers: tuple[StageHandler, ...] = (
            UnderstandStage(FakeScreen(), FakeClassifier()),
            RetrieveStage(self.index, CoveragePolicy(min_coverage=1.5)),
            WriteStage(self.writer, FakeUnitLibrary()),
            CheckStage(FakeScreen(), self.writer, FakeScorer(), FakeUnitLibrary()), NarrateStage(self.narrator, writer),
            IllustrateStage(self.illustrator, writer),
            RenderVideoStage(self.renderer, writer, ArtifactReader(self.store)), PublishStage(writer))
        return {h.stage: h for h in handlers}

    def process_lesson(self, policy: LeasePolicy | None = None,
                       reuse: ReuseFinishedLesson | None = None) -> ProcessLesson:
        reporter = StageReporter(self.metrics, dict.fromkeys(StageName, "fake"))
        return ProcessLesson(self.uow, self.clock, self.handlers(), FakeEstimator(), policy or LeasePolicy(),
                             reporter, self.log_context, reuse)


@pytest.fixture
def world() -> World:
    return World(uow=FakeUnitOfWorkFactory(), clock=FakeClock(), doorbell=FakeDoorbell(), store=InMemoryArtifactStore(),
                 writer=FakeWriter(), index=FakeIndex(), student=Actor(uuid4(), Role.STUDENT),
                 other_student=Actor(uuid4(), Role.STUDENT), teacher=Actor(uuid4(), Role.TEACHER),
                 admin=Actor(uuid4(), Role.ADMIN))
