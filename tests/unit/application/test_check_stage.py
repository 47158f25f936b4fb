"""CheckStage: bounded rewrites toward the reading band, grounding with pruning, honest records, screening."""

from dataclasses import replace
from decimal import Decimal

import pytest

from application.errors import StageFailed
from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from application.stages.check_stage import CheckStage
from domain.cost_ledger import CostKind, CostLine
from domain.grade_level import GradeLevel
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript, LessonSection, QuizItem, Slide
from domain.money import Money
from domain.passage import ScoredPassage
from domain.understanding import Understanding
from tests.unit.factories import a_lesson, a_spec
from tests.unit.stage_fakes import PASSAGE, FakeScorer, FakeScreen, FakeUnitLibrary

pytestmark = pytest.mark.req("RDS-012")

EASY = "Plants use light. They make sugar. Leaves are green. Roots drink water."
HARD = ("Photosynthetic organisms transform electromagnetic radiation into chemical potential energy, "
        "facilitating carbohydrate biosynthesis within chloroplast organelles.")
INVENTED = "Plants also sing quietly to the moon every night."


def script_with(body: str) -> LessonScript:
    sections = tuple(LessonSection(f"Part {n}", body, (PASSAGE.id,)) for n in range(3))
    quiz = tuple(QuizItem(f"Q{n}: what do plants make?", ("sugar", "salt", "sand"), "sugar", "They make sugar.")
                 for n in range(3))
    return LessonScript(title="Plants", hook="Think about a kitchen.", sections=sections,
                        worked_example="Example: A leaf in the sun makes sugar.", quiz=quiz,
                        summary="In this lesson, we explored plants. They make sugar.",
                        narration=f"Plants.\n\n{body}\n\nThey make sugar.",
                        slides=(Slide("Plants", ("Light", "Sugar")), *(Slide(s.heading, (body[:20],))
                                                                        for s in sections)))


class LadderWriter(ScriptWriter):
    """Writes easy text when asked for simpler wording, else hard text; records the adjustments asked."""

    def __init__(self, simple_from: int = 1) -> None:
        self.simple_from = simple_from
        self.adjustments: list[int] = []

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        self.adjustments.append(brief.reading_adjustment)
        body = EASY if brief.reading_adjustment >= self.simple_from else HARD
        return WrittenScript(script_with(body), (CostLine("write", CostKind.SPENT, Money(0), Decimal(5), "words"),))


def lesson_with(script: LessonScript, grade: int = 1) -> LessonRequest:
    lesson = replace(a_lesson(), spec=a_spec(grade=grade))
    lesson.record_understanding(Understanding("how do plants eat", "science", "plants", "explain"))
    lesson.record_passages((ScoredPassage(PASSAGE, 1.0),))
    lesson.record_script(script)
    return lesson


async def test_a_script_above_the_band_is_rewritten_and_the_final_level_recorded() -> None:
    writer = LadderWriter()
    lesson = lesson_with(script_with(HARD))
    outcome = await CheckStage(FakeScreen(), writer, FakeScorer(), FakeUnitLibrary()).run(lesson)
    assert writer.adjustments == [1]
    assert lesson.reading_level is not None and lesson.reading_level.within_target
    assert lesson.reading_level.rewrites == 1
    assert lesson.script is not None and EASY in lesson.script.plain_text()
    assert [line.stage for line in outcome.cost_lines] == ["check"]


async def test_rewrites_are_bounded_and_an_unreachable_band_is_recorded_honestly() -> None:
    writer = LadderWriter(simple_from=99)
    lesson = lesson_with(script_with(HARD))
    await CheckStage(FakeScreen(), writer, FakeScorer(), FakeUnitLibrary(), max_rewrites=2).run(lesson)
    assert len(writer.adjustments) == 1  # the rewrite changed nothing, so the stage stopped asking
    assert lesson.reading_level is not None and not lesson.reading_level.within_target
    assert lesson.reading_level.measured > lesson.reading_level.target_high


async def test_a_script_inside_the_band_is_not_rewritten() -> None:
    writer = LadderWriter()
    lesson = lesson_with(script_with(EASY))
    await CheckStage(FakeScreen(), writer, FakeScorer(), FakeUnitLibrary()).run(lesson)
    assert writer.adjustments == []
    assert lesson.reading_level is not None and lesson.reading_level.rewrites == 0


async def test_unsupported_sentences_are_dropped_everywhere_and_the_share_recorded() -> None:
    body = f"{EASY} {INVENTED}"
    lesson = lesson_with(script_with(body))
    scorer = FakeScorer({INVENTED: 0.1})
    await CheckStage(FakeScreen(), LadderWriter(), scorer, FakeUnitLibrary()).run(lesson)
    script, report = lesson.script, lesson.grounding
    assert script is not None and report is not None
    assert INVENTED not in script.plain_text() + script.narration
    assert report.dropped == (INVENTED,)
    assert report.supported == len(report.sentences) - 1 and report.supported_share < 1
    assert "Think about a kitchen." not in scorer.asked  # the hook is framing, not a claim
    assert "In this lesson, we explored plants." not in scorer.asked


async def test_a_lesson_with_nothing_grounded_left_fails_the_stage() -> None:
    lesson = lesson_with(script_with(INVENTED))
    scorer = FakeScorer({INVENTED: 0.0, "A leaf in the sun makes sugar.": 0.0, "They make sugar.": 0.0})
    with pytest.raises(StageFailed) as raised:
        await CheckStage(FakeScreen(), LadderWriter(), scorer, FakeUnitLibrary()).run(lesson)
    assert raised.value.code == "ungrounded_lesson" and not raised.value.retryable


@pytest.mark.req("RDS-013")
async def test_unsafe_output_fails_before_anything_is_recorded() -> None:
    lesson = lesson_with(script_with(EASY))
    with pytest.raises(StageFailed) as raised:
        await CheckStage(FakeScreen(blocked="roots drink"), LadderWriter(), FakeScorer(), FakeUnitLibrary()).run(lesson)
    assert raised.value.code == "unsafe_output"
    assert lesson.grounding is None


@pytest.mark.req("RDS-011")
async def test_the_grade_sets_the_target_band() -> None:
    lesson = lesson_with(script_with(EASY), grade=11)
    await CheckStage(FakeScreen(), LadderWriter(simple_from=-99), FakeScorer(), FakeUnitLibrary()).run(lesson)
    assert lesson.reading_level is not None
    assert (lesson.reading_level.target_low, lesson.reading_level.target_high) == GradeLevel(11).reading_target
