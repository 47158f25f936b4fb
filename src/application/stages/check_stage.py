"""The check stage: reading level against the grade's band, grounding of every factual sentence, and the
output safety screen, all before any media is made."""

from application.errors import StageFailed
from application.ports.content_screen import ContentScreen
from application.ports.script_writer import ScriptWriter
from application.ports.support_scorer import SupportScorer
from application.ports.unit_library import UnitLibrary
from application.stages.readability_revision import revise_for_reading_level
from application.stages.stage_handler import StageOutcome
from domain.grounding import GroundingReport, factual_sentences
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript, ReadingLevel
from domain.readability import flesch_kincaid_grade
from domain.script_pruning import without_sentences
from domain.stage import StageName

MIN_SECTIONS, MIN_QUIZ_ITEMS = 3, 3
SUPPORT_THRESHOLD = 0.75
MAX_REWRITES = 2


def screened_text(script: LessonScript) -> str:
    """Everything a student will read or hear: the text, quiz, narration and slides."""
    quiz = [" ".join((q.question, *q.choices, q.explanation)) for q in script.quiz]
    slides = [" ".join((s.title, *s.bullets)) for s in script.slides]
    return "\n".join([script.title, script.plain_text(), *quiz, script.narration, *slides])


class CheckStage:
    """1. Flesch–Kincaid grade against the grade's target band, with at most `max_rewrites` rewrites.
    2. Every factual sentence mapped to its best passage with a support score; sentences below `threshold`
       are dropped everywhere (sections, example, summary, quiz, narration, slides); a lesson that dropping
       leaves with fewer than three sections or quiz items fails (`ungrounded_lesson`).
    3. The final level is measured again and recorded honestly with the rewrites and the grounding report.
    4. The whole output goes through the safety screen; unsafe output fails and never reaches media."""

    stage = StageName.CHECK

    def __init__(self, screen: ContentScreen, writer: ScriptWriter, scorer: SupportScorer, library: UnitLibrary, *,
                 threshold: float = SUPPORT_THRESHOLD, max_rewrites: int = MAX_REWRITES) -> None:
        self._screen = screen
        self._writer = writer
        self._library = library
        self._scorer = scorer
        self._threshold = threshold
        self._max_rewrites = max_rewrites

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Revise, ground, measure, record, screen."""
        if lesson.script is None:
            raise StageFailed("missing_input", "the write stage has not run", retryable=False)
        revised = await revise_for_reading_level(self._writer, self._library, lesson, lesson.script,
                                                 self._max_rewrites)
        sentences = factual_sentences(revised.script)
        supports = await self._scorer.score(sentences, [p.passage for p in lesson.passages])
        unsupported = tuple(s.sentence for s in supports if s.score < self._threshold)
        script = without_sentences(revised.script, unsupported)
        written = revised.script
        if len(script.sections) < min(MIN_SECTIONS, len(written.sections)) or \
                len(script.quiz) < min(MIN_QUIZ_ITEMS, len(written.quiz)):
            raise StageFailed("ungrounded_lesson", f"{len(unsupported)} of {len(sentences)} factual sentences "
                              "have no supporting passage; too little grounded text is left", retryable=False)
        low, high = lesson.spec.grade.reading_target
        level = ReadingLevel(target_low=low, target_high=high, measured=flesch_kincaid_grade(script.plain_text()),
                             rewrites=revised.rewrites)
        verdict = await self._screen.screen_output(screened_text(script))
        if not verdict.allowed:
            raise StageFailed("unsafe_output", f"the lesson text failed the safety screen: {verdict.category}",
                              retryable=False)
        lesson.record_script(script, level)
        lesson.record_grounding(GroundingReport(self._threshold, supports, unsupported))
        return StageOutcome(cost_lines=revised.cost_lines)
