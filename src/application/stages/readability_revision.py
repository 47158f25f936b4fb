"""Bounded rewrites toward the grade's reading band: the check stage's first step."""

from dataclasses import dataclass, replace

from application.ports.script_writer import ScriptWriter
from application.ports.unit_library import UnitLibrary
from application.stages.script_brief import brief_for
from domain.cost_ledger import CostLine
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript
from domain.readability import flesch_kincaid_grade


@dataclass(frozen=True, slots=True)
class Revised:
    """The script closest to the band, its measured level, the rewrites asked for and what they cost."""

    script: LessonScript
    measured: float
    rewrites: int
    cost_lines: tuple[CostLine, ...]


def distance_from_band(level: float, low: float, high: float) -> float:
    """How far `level` lies outside [low, high] (0 inside)."""
    return max(low - level, level - high, 0.0)


async def revise_for_reading_level(writer: ScriptWriter, library: UnitLibrary, lesson: LessonRequest,
                                   script: LessonScript, max_rewrites: int) -> Revised:
    """Measure `script`; while it reads outside the band, ask the writer for simpler (too hard) or richer
    (too easy) wording, at most `max_rewrites` times, stopping early when a rewrite changes nothing.
    Returns the version closest to the band (the first one on a tie)."""
    low, high = lesson.spec.grade.reading_target
    best = Revised(script, flesch_kincaid_grade(script.plain_text()), 0, ())
    current, lines = best, tuple[CostLine, ...]()
    for attempt in range(1, max_rewrites + 1):
        if distance_from_band(current.measured, low, high) == 0:
            break
        step = attempt if current.measured > high else -attempt
        written = await writer.write(await brief_for(lesson, library, reading_adjustment=step))
        lines = (*lines, *(replace(line, stage="check") for line in written.cost_lines))
        unchanged = written.script.content_hash == current.script.content_hash
        current = Revised(written.script, flesch_kincaid_grade(written.script.plain_text()), attempt, lines)
        if distance_from_band(current.measured, low, high) < distance_from_band(best.measured, low, high):
            best = current
        if unchanged:
            break
    return Revised(best.script, best.measured, current.rewrites, lines)
