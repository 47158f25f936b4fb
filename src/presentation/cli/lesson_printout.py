"""Prints a finished lesson and its cost lines for people."""

from pathlib import Path

from domain.lesson_request import LessonRequest


def print_lesson(lesson: LessonRequest, out: Path | None) -> None:
    """Title, sections with citations, quiz, summary, stage timings and the cost ledger."""
    print(f"Lesson {lesson.id}: {lesson.status.value}")
    if lesson.failure is not None and lesson.failure.code == "not_covered":
        nearby = "; ".join(f"{s.title} ({s.subject}, grades {s.grade_band.value})" for s in lesson.suggestions)
        print(f"Not covered: {lesson.failure.message}" + (f" Nearby: {nearby}." if nearby else ""))
    if lesson.rejection_reason:
        print(f"Not written: {lesson.rejection_reason}")
    if lesson.spec.degradation:
        print(f"Degraded: {lesson.spec.degradation.reason}")
    if lesson.failure is not None and lesson.failure.code != "not_covered":
        print(f"Failed at {lesson.failure.stage} ({lesson.failure.code}): {lesson.failure.message}")
    script = lesson.script
    if script is not None:
        print(f"\n# {script.title}\n\n{script.hook}\n")
        for section in script.sections:
            print(f"## {section.heading}\n{section.body}\n[sources: {', '.join(section.citations)}]\n")
        print(f"## Worked example\n{script.worked_example}\n\n## Quiz")
        for number, item in enumerate(script.quiz, start=1):
            print(f"{number}. {item.question}\n   choices: {' | '.join(item.choices)}\n   answer: {item.answer}")
        print(f"\n## Summary\n{script.summary}")
        if lesson.reading_level is not None:
            level = lesson.reading_level
            print(f"\nReading level: {level.measured:.1f} (target {level.target_low:.1f}-{level.target_high:.1f}, "
                  f"{level.rewrites} rewrites)")
        if lesson.grounding is not None:
            report = lesson.grounding
            print(f"Grounding: {report.supported} of {len(report.sentences)} factual sentences supported "
                  f"({report.supported_share:.0%}), {len(report.dropped)} dropped")
    print("\nStages:")
    for record in lesson.stages.values():
        duration = f"{record.duration_ms} ms" if record.duration_ms is not None else "-"
        print(f"  {record.name.value:<13} {record.status.value:<10} {duration}")
    print("\nCost:")
    for line in lesson.ledger.lines:
        print(f"  {line.describe()}")
    print(f"  total spent {lesson.ledger.spent.display()}, saved {lesson.ledger.saved.display()}")
    for artifact in lesson.artifacts:
        where = out / artifact.name if out is not None else f"/api/v1/lessons/{lesson.id}/artifacts/{artifact.name}"
        print(f"artifact {artifact.name} ({artifact.content_type}, {artifact.size_bytes} bytes): {where}")
