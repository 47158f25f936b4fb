"""The offline ScriptWriter: composes a lesson from the teaching unit that answers the question, never cutting
a sentence."""

from decimal import Decimal
from itertools import combinations

from application.errors import StageFailed
from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from application.stages.readability_revision import distance_from_band
from domain.cost_ledger import CostKind, CostLine
from domain.coverage import BAND_ORDER, band_distance
from domain.grade_level import GradeBand
from domain.grounding import EXAMPLE_PREFIX
from domain.lesson_script import LessonScript, LessonSection
from domain.money import Money
from domain.passage import Passage
from domain.readability import flesch_kincaid_grade
from domain.sentences import split_sentences
from domain.spoken_text import spoken
from domain.teaching_unit import ExplanationBlock, TeachingUnit
from domain.worked_example import NEUTRAL_THEME
from infrastructure.offline.bank_quiz import build_quiz, example_item
from infrastructure.offline.display_form import display_form
from infrastructure.offline.interest_families import family_of
from infrastructure.offline.unit_hook import build_hook
from infrastructure.offline.unit_slides import build_slides

PROVIDER = "offline"
YOUNG_GRADE_MAX = 2
SUMMARY_SENTENCES = 2
MIN_BLOCKS = 2
SIMILAR_ENOUGH = 0.08  # units within this similarity of the best one count as answering the question as well
BAND_NAMES = {GradeBand.K_2: "kindergarten to grade 2", GradeBand.G3_5: "grades 3 to 5",
              GradeBand.G6_8: "grades 6 to 8", GradeBand.G9_12: "grades 9 to 12"}


def grade_label(grade: int) -> str:
    """"kindergarten" for 0, else "grade N"."""
    return "kindergarten" if grade == 0 else f"grade {grade}"


class OfflineScriptWriter(ScriptWriter):
    """Builds the lesson from the best retrieved passage's teaching unit, in the order a teacher would: a hook
    that uses the interest, the direct answer first, whole explanation blocks, key words when the unit is written
    for an older band, a worked example re-themed to the interest's family when the unit has that theme, a
    misconception check, a summary that restates the answer, and a quiz from the unit's bank. To meet the grade's
    reading target it chooses which whole blocks to keep (never fewer than two, never part of one).
    Deterministic; cites only the unit it uses. $0."""

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        """The lesson script for the brief and one $0 `spent` line counting the words written."""
        script = self.compose(brief)
        words = len(script.plain_text().split()) + sum(
            len(" ".join((q.question, *q.choices, q.explanation)).split()) for q in script.quiz)
        line = CostLine(stage="write", kind=CostKind.SPENT, amount=Money(0), units=Decimal(words), unit="words",
                        provider=PROVIDER)
        return WrittenScript(script=script, cost_lines=(line,))

    def compose(self, brief: ScriptBrief) -> LessonScript:
        """The script itself (synchronous and deterministic): of every ordered choice of at least two whole
        blocks, the one whose lesson reads inside the grade's target with the most blocks, else the closest to it.
        A positive `reading_adjustment` (the check stage asking for simpler text) prefers fewer blocks."""
        passage, unit = self._chosen(brief)
        low, high = brief.grade.reading_target
        fewest = min(len(unit.blocks), MIN_BLOCKS)
        most = max(fewest, len(unit.blocks) - max(0, brief.reading_adjustment))
        drafts: list[tuple[float, int, int, LessonScript]] = []
        for size in range(most, fewest - 1, -1):
            for blocks in combinations(unit.blocks, size):
                script = self._script(brief, passage, unit, list(blocks))
                level = flesch_kincaid_grade(script.plain_text())
                drafts.append((distance_from_band(level, low, high), -size, len(drafts), script))
        return min(drafts, key=lambda draft: draft[:3])[3]

    @staticmethod
    def _chosen(brief: ScriptBrief) -> tuple[Passage, TeachingUnit]:
        """The unit to teach from: among the units about as similar to the question as the best one, the one
        closest to the student's band (then the best ranked)."""
        with_units = [p for p in brief.passages if p.passage.id in brief.units]
        if not with_units:
            raise StageFailed("missing_unit", "no retrieved passage belongs to a teaching unit", retryable=False)
        best = max(p.similarity for p in with_units)
        close = [p for p in with_units if p.similarity >= best - SIMILAR_ENOUGH]
        chosen = min(close, key=lambda p: (band_distance(p.passage.grade_band, brief.grade.band),
                                           with_units.index(p)))
        return chosen.passage, brief.units[chosen.passage.id]

    def _script(self, brief: ScriptBrief, passage: Passage, unit: TeachingUnit,
                blocks: list[ExplanationBlock]) -> LessonScript:
        cite = (passage.id,)
        topic = display_form(passage.topic, [unit.prose()])
        family = family_of(brief.interest)
        example = unit.example.themed(family)
        hook = build_hook(topic, unit.questions[0], brief.interest, family,
                          young=brief.grade.value <= YOUNG_GRADE_MAX)
        sections = [LessonSection("The short answer", unit.answer, cite),
                    *(LessonSection(block.heading, block.text, cite) for block in blocks)]
        above = BAND_ORDER.index(passage.grade_band) > BAND_ORDER.index(brief.grade.band)
        if brief.grade.band is not passage.grade_band:
            sections.append(self._band_note(passage.grade_band, unit, cite, above))
        mix_up = unit.misconceptions[0]
        sections.append(LessonSection("Check a common mix-up", f"Some people think this: {mix_up.wrong} "
                                      f"{mix_up.right}", cite))
        summary = " ".join(["Remember the big idea.", *split_sentences(unit.answer)[:SUMMARY_SENTENCES]])
        quiz = build_quiz(unit.quiz)
        if example.family != NEUTRAL_THEME:
            quiz = (*quiz, example_item(example))
        worked = f"{EXAMPLE_PREFIX}{example.as_text()}"
        title = passage.title
        narration = "\n\n".join(spoken(part) for part in (f"{title}.", hook, *(s.body for s in sections), worked,
                                                          summary))
        return LessonScript(title=title, hook=hook, sections=tuple(sections), worked_example=worked, quiz=quiz,
                            summary=summary, narration=narration,
                            slides=build_slides(title, grade_label(brief.grade.value), unit.answer, blocks, example,
                                                unit.key_terms))

    @staticmethod
    def _band_note(band: GradeBand, unit: TeachingUnit, cite: tuple[str, ...], above: bool) -> LessonSection:
        terms = " ".join(f"{t.term[:1].upper()}{t.term[1:]} means {t.definition.rstrip('.')}." for t in unit.key_terms)
        lead = (f"The material for this lesson was written for {BAND_NAMES[band]}, so here are its key words."
                if above else f"The material for this lesson was written for {BAND_NAMES[band]}. Key words:")
        return LessonSection("Key words", f"{lead} {terms}", cite)
