"""Object mothers for tests: valid domain objects with overridable fields."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

from domain.grade_level import GradeLevel
from domain.language import Language
from domain.lesson_request import LessonRequest, LessonSpec
from domain.modality import ModalitySet
from domain.student_query import StudentQuery

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def a_spec(modalities: list[str] | None = None, grade: int = 4, query: str = "How do plants make food?") -> LessonSpec:
    """A valid lesson spec."""
    return LessonSpec(query=StudentQuery(query), grade=GradeLevel(grade), interest=None,
                      modalities=ModalitySet.parse(modalities or ["text"]), language=Language("en"))


def a_lesson(owner: UUID | None = None, modalities: list[str] | None = None, created: datetime = T0) -> LessonRequest:
    """A queued lesson request."""
    owner = owner or uuid4()
    return LessonRequest(id=uuid4(), owner_id=owner, requested_by=owner, spec=a_spec(modalities),
                         created_at=created, updated_at=created)
