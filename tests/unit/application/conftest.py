"""A wired set of use cases over fakes."""

from dataclasses import dataclass
from uuid import uuid4

import pytest

from application.ports.actor import Actor
from application.stages.artifact_writer import ArtifactWriter
from application.stages.check_stage import CheckStage
from application.stages.publish_stage import PublishStage
from application.stages.retrieve_stage import RetrieveStage
from application.stages.understand_stage import UnderstandStage
from application.stages.write_stage import WriteStage
from application.use_cases.process_lesson import LeasePolicy, ProcessLesson
from application.use_cases.request_lesson import RequestLesson
from domain.modality import Modality
from domain.user import Role
from tests.unit.fakes import FakeClock, FakeDoorbell, FakeIds, FakeUnitOfWorkFactory
from tests.unit.stage_fakes import (
    FakeClassifier,
    FakeEstimator,
    FakeIndex,
    FakeScorer,
    FakeScreen,
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

    def request_lesson(self, available: frozenset[Modality] = frozenset({Modality.TEXT})) -> RequestLesson:
        return RequestLesson(self.uow, self.clock, FakeIds(), self.doorbell, FakeEstimator(), available)

    def process_lesson(self, policy: LeasePolicy | None = None) -> ProcessLesson:
        handlers = {h.stage: h for h in (
            UnderstandStage(FakeScreen(), FakeClassifier()), RetrieveStage(self.index), WriteStage(self.writer),
            CheckStage(FakeScreen(), self.writer, FakeScorer()), PublishStage(ArtifactWriter(self.store)))}
        return ProcessLesson(self.uow, self.clock, handlers, FakeEstimator(), policy or LeasePolicy())


@pytest.fixture
def world() -> World:
    return World(uow=FakeUnitOfWorkFactory(), clock=FakeClock(), doorbell=FakeDoorbell(), store=InMemoryArtifactStore(),
                 writer=FakeWriter(), index=FakeIndex(), student=Actor(uuid4(), Role.STUDENT),
                 other_student=Actor(uuid4(), Role.STUDENT), teacher=Actor(uuid4(), Role.TEACHER),
                 admin=Actor(uuid4(), Role.ADMIN))
