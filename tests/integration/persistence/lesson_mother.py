"""Object mother for persistence tests: lessons built through the domain, plain or fully populated."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from domain.artifact import Artifact
from domain.cost_ledger import CostKind, CostLine
from domain.failure import Failure
from domain.grade_level import GradeBand, GradeLevel
from domain.interest import Interest
from domain.language import Language
from domain.lesson_request import LessonRequest, LessonSpec
from domain.lesson_script import LessonScript, LessonSection, QuizItem, ReadingLevel, Slide
from domain.modality import Modality, ModalitySet
from domain.money import Money
from domain.passage import Passage, ScoredPassage
from domain.stage import StageName
from domain.student_query import StudentQuery
from domain.understanding import Understanding

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def make_lesson(
    owner_id: UUID | None = None, *, created_at: datetime = T0, requested_by: UUID | None = None, **fields: Any
) -> LessonRequest:
    """A queued text lesson; `fields` override any LessonRequest field."""
    owner = owner_id or uuid4()
    spec = LessonSpec(
        StudentQuery("Why do leaves change color?"),
        GradeLevel(4),
        None,
        ModalitySet.parse(["text"]),
        Language("en"),
    )
    values: dict[str, Any] = {
        "id": uuid4(), "owner_id": owner, "requested_by": requested_by or owner, "spec": spec,
        "created_at": created_at, "updated_at": created_at,
    }
    values.update(fields)
    return LessonRequest(**values)


def make_rich_lesson() -> LessonRequest:
    """A lesson with every optional part filled in, driven through the domain's own transitions."""
    spec = LessonSpec(
        StudentQuery("How do volcanoes erupt?"),
        GradeLevel(7), Interest("Soccer"), ModalitySet.parse(["video", "text"]), Language("en"),
        max_cost=Money.from_usd("0.25"),
    )
    lesson = make_lesson(spec=spec, idempotency_key="key-1", fingerprint="f" * 64, created_at=T0)
    lesson.ledger = lesson.ledger.add([CostLine("write", CostKind.ESTIMATE, Money(1234), Decimal("1.5E+3"),
                                                "tokens", "gemini", "estimate")])
    lesson.claim(T0 + timedelta(seconds=1))
    lesson.start_stage(StageName.UNDERSTAND, T0 + timedelta(seconds=2, microseconds=123456))
    lesson.record_understanding(Understanding("how do volcanoes erupt", "science", "volcanoes", "explain"))
    lesson.finish_stage(StageName.UNDERSTAND, T0 + timedelta(seconds=3), (
        CostLine("understand", CostKind.SPENT, Money(7), Decimal("0.000001"), "requests", "offline", "ünïcode ✓"),
    ))
    passage = Passage("p-1", "Volcanoes", "science", GradeBand.G6_8, "volcanoes", "Magma rises…", "Curriculum")
    lesson.record_passages((ScoredPassage(passage, 0.1 + 0.2), ScoredPassage(passage, 1e-300)))
    script = LessonScript(
        title="Volcanoes", hook="Like a soccer ball under pressure…",
        sections=(LessonSection("Magma", "Hot rock rises.", ("p-1",)), LessonSection("Boom", "It erupts.", ())),
        worked_example="An example.",
        quiz=(QuizItem("What rises?", ("magma", "water", "air"), "magma", "Magma is hot rock."),),
        summary="Summary.", narration="Narration text.", slides=(Slide("Intro", ("one", "two")),),
    )
    lesson.record_script(script, ReadingLevel(5.0, 8.5, 6.123456789))
    lesson.record_artifacts((Artifact(Modality.TEXT, "lesson.md", "publish", "text/markdown", 2048, "a" * 64,
                                      script.content_hash),))
    lesson.start_stage(StageName.RETRIEVE, T0 + timedelta(seconds=4))
    failure = Failure("retrieve", "upstream_timeout", "the index timed out", retryable=True)
    lesson.fail(failure, T0 + timedelta(seconds=5))
    lesson.not_before = T0 + timedelta(seconds=65)
    lesson.rejection_reason = "kept for the round trip"
    return lesson
