"""The lesson document returned by GET /api/v1/lessons/{id} (and `generate --json`)."""

from datetime import datetime
from decimal import Decimal
from uuid import UUID

import msgspec


class FailureView(msgspec.Struct, frozen=True):
    """Why a stage or the lesson failed."""

    stage: str
    code: str
    message: str
    retryable: bool


class StageView(msgspec.Struct, frozen=True):
    """One stage's record."""

    name: str
    status: str
    started_at: datetime | None
    finished_at: datetime | None
    duration_ms: int | None
    cost_usd: Decimal
    attempts: int
    error: FailureView | None
    upstream_calls: int
    upstream_retries: int
    breaker_opens: int


class SectionView(msgspec.Struct, frozen=True):
    """A lesson section with the passage ids it cites."""

    heading: str
    body: str
    citations: list[str]


class QuizItemView(msgspec.Struct, frozen=True):
    """A quiz question with its answer. `kind`: multiple_choice (pick one of `choices`), short_answer (no choices;
    `answer` is a model answer), ordering (put `choices` in order; `answer` is the order joined by " → ") or
    matching (match `choices` to the items the question lists; `answer` gives the pairs)."""

    question: str
    choices: list[str]
    answer: str
    explanation: str
    kind: str = "multiple_choice"


class SlideView(msgspec.Struct, frozen=True):
    """One slide of the outline."""

    title: str
    bullets: list[str]


class ReadingLevelView(msgspec.Struct, frozen=True):
    """Target and measured Flesch–Kincaid grade, and the rewrites the check stage asked for."""

    target_low: float
    target_high: float
    measured: float
    within_target: bool
    rewrites: int = 0


class SentenceSupportView(msgspec.Struct, frozen=True):
    """A factual sentence of the lesson as written, its best supporting passage and the support score."""

    sentence: str
    passage_id: str | None
    score: float
    supported: bool


class GroundingView(msgspec.Struct, frozen=True):
    """How well the passages support the lesson's factual sentences; unsupported ones were dropped."""

    threshold: float
    supported_share: float
    factual_sentences: int
    dropped: list[str]
    sentences: list[SentenceSupportView]


class SourceView(msgspec.Struct, frozen=True):
    """A cited curriculum passage."""

    id: str
    title: str
    subject: str
    grade_band: str
    score: float
    text: str


class LessonContentView(msgspec.Struct, frozen=True):
    """The written lesson."""

    title: str
    hook: str
    sections: list[SectionView]
    worked_example: str
    quiz: list[QuizItemView]
    summary: str
    narration: str
    slides: list[SlideView]
    reading_level: ReadingLevelView | None
    sources: list[SourceView]
    script_hash: str
    corpus_version: str | None = None
    grounding: GroundingView | None = None


class ArtifactView(msgspec.Struct, frozen=True):
    """A stored file of the lesson."""

    modality: str
    name: str
    content_type: str
    bytes: int
    sha256: str
    url: str


class CostLineView(msgspec.Struct, frozen=True):
    """One ledger line."""

    stage: str
    kind: str
    amount_usd: Decimal
    units: Decimal
    unit: str
    provider: str
    note: str
    description: str


class CostView(msgspec.Struct, frozen=True):
    """The lesson's ledger with its totals."""

    currency: str
    total_usd: Decimal
    saved_usd: Decimal
    estimated_usd: Decimal
    lines: list[CostLineView]


class SuggestionView(msgspec.Struct, frozen=True):
    """A nearby topic the curriculum covers, offered when a question is `not_covered`."""

    title: str
    subject: str
    grade_band: str


class LessonView(msgspec.Struct, frozen=True):
    """Everything a client may know about one lesson; `requested_modalities` are the ones delivered, and
    `degraded_from` names what was asked when the estimate exceeded `max_cost_usd` (`degradation_reason` says why)."""

    id: UUID
    status: str
    current_stage: str | None
    progress: int
    student_query: str
    grade_level: int
    interest: str | None
    requested_modalities: list[str]
    language: str
    created_at: datetime
    updated_at: datetime
    stages: list[StageView]
    lesson: LessonContentView | None
    artifacts: list[ArtifactView]
    cost: CostView
    error: FailureView | None
    rejection_reason: str | None
    suggestions: list[SuggestionView]
    degraded_from: list[str] | None
    degradation_reason: str | None


class LessonSummaryView(msgspec.Struct, frozen=True):
    """A lesson in a listing."""

    id: UUID
    status: str
    student_query: str
    grade_level: int
    requested_modalities: list[str]
    progress: int
    created_at: datetime
    title: str | None
    status_url: str


class LessonListView(msgspec.Struct, frozen=True):
    """One page of lessons, newest first."""

    items: list[LessonSummaryView]
    next_cursor: str | None
