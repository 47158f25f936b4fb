"""A one-line progress bar with the stage names, on stderr."""

import sys

from domain.lesson_request import LessonRequest
from domain.stage import StageStatus

BAR_WIDTH = 24
_MARKS = {StageStatus.COMPLETED: "✓", StageStatus.SKIPPED: "–", StageStatus.RUNNING: "…",
          StageStatus.FAILED: "✗", StageStatus.PENDING: " "}


class ProgressDisplay:
    """Redraws `[#####    ]  40% write…` as the lesson moves; silent when disabled or not changed."""

    def __init__(self, enabled: bool = True) -> None:
        self._enabled = enabled
        self._last = ""

    def update(self, lesson: LessonRequest) -> None:
        """Show the lesson's current progress."""
        if not self._enabled:
            return
        filled = lesson.progress * BAR_WIDTH // 100
        stages = " ".join(f"{r.name.value}{_MARKS[r.status]}" for r in lesson.stages.values())
        line = f"[{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {lesson.progress:3d}%  {stages}"
        if line != self._last:
            sys.stderr.write("\r" + line)
            sys.stderr.flush()
            self._last = line

    def finish(self) -> None:
        """End the progress line."""
        if self._enabled and self._last:
            sys.stderr.write("\n")
            sys.stderr.flush()
