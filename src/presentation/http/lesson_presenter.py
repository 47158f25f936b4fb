"""Turns a lesson request into its public view; internal fields (fence, lease, fingerprint) never leave."""

from uuid import UUID

from domain.cost_ledger import CostLine
from domain.failure import Failure
from domain.grounding import GroundingReport
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript
from presentation.http.schemas.lesson_view_schemas import (
    ArtifactView,
    CostLineView,
    CostView,
    FailureView,
    GroundingView,
    LessonContentView,
    LessonSummaryView,
    LessonView,
    QuizItemView,
    ReadingLevelView,
    SectionView,
    SentenceSupportView,
    SlideView,
    SourceView,
    StageView,
    SuggestionView,
)

API_PREFIX = "/api/v1/lessons"


def lesson_url(lesson_id: UUID) -> str:
    """Where to poll this lesson."""
    return f"{API_PREFIX}/{lesson_id}"


def _failure(failure: Failure | None) -> FailureView | None:
    if failure is None:
        return None
    return FailureView(stage=failure.stage, code=failure.code, message=failure.message, retryable=failure.retryable)


def _line(line: CostLine) -> CostLineView:
    return CostLineView(stage=line.stage, kind=line.kind.value, amount_usd=line.amount.usd, units=line.units,
                        unit=line.unit, provider=line.provider, note=line.note, description=line.describe())


def _content(lesson: LessonRequest, script: LessonScript) -> LessonContentView:
    level = lesson.reading_level
    return LessonContentView(
        title=script.title,
        hook=script.hook,
        sections=[SectionView(s.heading, s.body, list(s.citations)) for s in script.sections],
        worked_example=script.worked_example,
        quiz=[QuizItemView(q.question, list(q.choices), q.answer, q.explanation, q.kind) for q in script.quiz],
        summary=script.summary,
        narration=script.narration,
        slides=[SlideView(s.title, list(s.bullets)) for s in script.slides],
        reading_level=None if level is None else ReadingLevelView(
            level.target_low, level.target_high, level.measured, level.within_target, level.rewrites),
        sources=[SourceView(p.passage.id, p.passage.title, p.passage.subject, p.passage.grade_band.value,
                            round(p.score, 4), p.passage.text)
                 for p in lesson.passages if p.passage.id in script.citations],
        script_hash=script.content_hash,
        corpus_version=lesson.corpus_version,
        grounding=None if lesson.grounding is None else _grounding(lesson.grounding),
    )


def _grounding(report: GroundingReport) -> GroundingView:
    return GroundingView(
        threshold=report.threshold, supported_share=report.supported_share, factual_sentences=len(report.sentences),
        dropped=list(report.dropped),
        sentences=[SentenceSupportView(s.sentence, s.passage_id, s.score, s.score >= report.threshold)
                   for s in report.sentences],
    )


def present_lesson(lesson: LessonRequest) -> LessonView:
    """The full lesson document."""
    spec = lesson.spec
    return LessonView(
        id=lesson.id,
        status=lesson.status.value,
        current_stage=lesson.current_stage.value if lesson.current_stage else None,
        progress=lesson.progress,
        student_query=spec.query.text,
        grade_level=spec.grade.value,
        interest=spec.interest.value if spec.interest else None,
        requested_modalities=spec.modalities.names(),
        language=spec.language.tag,
        created_at=lesson.created_at,
        updated_at=lesson.updated_at,
        stages=[
            StageView(name=r.name.value, status=r.status.value, started_at=r.started_at, finished_at=r.finished_at,
                      duration_ms=r.duration_ms, cost_usd=r.cost.usd, attempts=r.attempts, error=_failure(r.error),
                      upstream_calls=r.upstream_calls, upstream_retries=r.upstream_retries,
                      breaker_opens=r.breaker_opens)
            for r in lesson.stages.values()
        ],
        lesson=_content(lesson, lesson.script) if lesson.script else None,
        artifacts=[
            ArtifactView(modality=a.modality.value, name=a.name, content_type=a.content_type, bytes=a.size_bytes,
                         sha256=a.sha256, url=f"{lesson_url(lesson.id)}/artifacts/{a.name}")
            for a in lesson.artifacts
        ],
        cost=CostView(currency="USD", total_usd=lesson.ledger.spent.usd, saved_usd=lesson.ledger.saved.usd,
                      estimated_usd=lesson.ledger.estimated.usd, lines=[_line(x) for x in lesson.ledger.lines]),
        error=_failure(lesson.failure),
        rejection_reason=lesson.rejection_reason,
        suggestions=[SuggestionView(s.title, s.subject, s.grade_band.value) for s in lesson.suggestions],
        degraded_from=spec.degradation.requested.names() if spec.degradation else None,
        degradation_reason=spec.degradation.reason if spec.degradation else None,
    )


def present_summary(lesson: LessonRequest) -> LessonSummaryView:
    """A lesson as a listing row."""
    return LessonSummaryView(
        id=lesson.id, status=lesson.status.value, student_query=lesson.spec.query.text,
        grade_level=lesson.spec.grade.value, requested_modalities=lesson.spec.modalities.names(),
        progress=lesson.progress, created_at=lesson.created_at,
        title=lesson.script.title if lesson.script else None, status_url=lesson_url(lesson.id),
    )
