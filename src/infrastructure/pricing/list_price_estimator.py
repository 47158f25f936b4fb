"""Estimates what a lesson costs at production list prices, and what a skipped stage avoids."""

from decimal import Decimal

from cachetools import LRUCache

from application.ports.cost_estimator import CostEstimator
from domain.cost_ledger import CostKind, CostLine
from domain.grade_level import GradeBand
from domain.lesson_request import LessonSpec
from domain.modality import ModalitySet
from domain.stage import StageName
from domain.stage_plan import StagePlan
from infrastructure.pricing.price_table import PriceTable

# Typical narration length by grade band (words); speech runs at about 150 words a minute.
_NARRATION_WORDS = {GradeBand.K_2: 220, GradeBand.G3_5: 360, GradeBand.G6_8: 480, GradeBand.G9_12: 600}
_CHARS_PER_WORD = 6
_WORDS_PER_MINUTE = Decimal(150)
_SLIDES = 6
_PROVIDER = "vertex"

REUSE_NOTE = "reused from an identical finished lesson"
_SKIP_NOTES = {
    StageName.NARRATE: "audio skipped",
    StageName.ILLUSTRATE: "images skipped",
    StageName.RENDER_VIDEO: "video skipped",
}


class ListPriceEstimator(CostEstimator):
    """Forecasts units per stage from the grade band and prices them with the price table."""

    def __init__(self, table: PriceTable) -> None:
        self._table = table
        self._estimates: LRUCache[tuple[ModalitySet, GradeBand, int], tuple[CostLine, ...]] = LRUCache(4096)

    def _lines(self, stage: StageName, spec: LessonSpec, kind: CostKind, note: str = "") -> tuple[CostLine, ...]:
        words = _NARRATION_WORDS[spec.grade.band]
        line = self._table.line
        name = stage.value
        match stage:
            case StageName.UNDERSTAND:
                return (line(name, kind, "gemini_input_token", 400, _PROVIDER, note),
                        line(name, kind, "gemini_output_token", 60, _PROVIDER, note))
            case StageName.RETRIEVE:
                return (line(name, kind, "embedding_character", len(spec.query.text), _PROVIDER, note),)
            case StageName.WRITE:
                return (line(name, kind, "gemini_input_token", 3500, _PROVIDER, note),
                        line(name, kind, "gemini_output_token", words * 2, _PROVIDER, note))
            case StageName.CHECK:
                return (line(name, kind, "gemini_input_token", 2500, _PROVIDER, note),
                        line(name, kind, "gemini_output_token", 300, _PROVIDER, note))
            case StageName.NARRATE:
                return (line(name, kind, "tts_character", words * _CHARS_PER_WORD, _PROVIDER, note),)
            case StageName.ILLUSTRATE:
                return (line(name, kind, "image", _SLIDES, _PROVIDER, note),)
            case StageName.RENDER_VIDEO:
                minutes = (Decimal(words) / _WORDS_PER_MINUTE).quantize(Decimal("0.01"))
                return (line(name, kind, "video_minute", minutes, _PROVIDER, note),)
            case StageName.PUBLISH:
                return ()

    def estimate(self, spec: LessonSpec) -> tuple[CostLine, ...]:
        """`estimate` lines for every stage the request will run (remembered per modalities, grade band
        and query length, all that the units depend on: this runs on every POST /lessons)."""
        key = (spec.modalities, spec.grade.band, len(spec.query.text))
        lines = self._estimates.get(key)
        if lines is None:
            plan = StagePlan.for_modalities(spec.modalities)
            lines = tuple(line for stage in plan.runs for line in self._lines(stage, spec, CostKind.ESTIMATE))
            self._estimates[key] = lines
        return lines

    def saved_by_skipping(self, stage: StageName, spec: LessonSpec) -> tuple[CostLine, ...]:
        """`saved` lines for a skipped media stage, e.g. "render_video saved $0.07 (video skipped)";
        a stage dropped to fit `max_cost_usd` says so."""
        note = _SKIP_NOTES.get(stage, f"{stage.value} skipped")
        if StagePlan.for_modalities(spec.requested_modalities).should_run(stage):
            note += " to fit max_cost_usd"
        return self._lines(stage, spec, CostKind.SAVED, note)

    def saved_by_reuse(self, stage: StageName, spec: LessonSpec) -> tuple[CostLine, ...]:
        """`saved` lines at list price for a stage reused from an identical finished lesson."""
        return self._lines(stage, spec, CostKind.SAVED, REUSE_NOTE)
