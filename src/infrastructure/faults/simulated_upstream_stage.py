"""A slow fake upstream for fault drills: delays one stage and journals every call to a file."""

import asyncio
import json
import os
import time
from pathlib import Path

from application.stages.stage_handler import StageHandler, StageOutcome
from domain.lesson_request import LessonRequest


class SimulatedUpstreamStage(StageHandler):
    """Wraps a stage: appends a `start` line, sleeps `delay_s` (as a slow upstream would), runs the stage,
    appends an `end` line. Lines are JSON {event, lesson, stage, attempt, pid, t}; appends are atomic
    (O_APPEND, one write per line), so many worker processes can share one journal."""

    def __init__(self, inner: StageHandler, delay_s: float, journal: Path | None) -> None:
        self.stage = inner.stage
        self._inner = inner
        self._delay_s = delay_s
        self._journal = journal

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Delay, then run the wrapped stage."""
        self._record("start", lesson)
        if self._delay_s:
            await asyncio.sleep(self._delay_s)
        outcome = await self._inner.run(lesson)
        self._record("end", lesson)
        return outcome

    def _record(self, event: str, lesson: LessonRequest) -> None:
        if self._journal is None:
            return
        line = json.dumps({"event": event, "lesson": str(lesson.id), "stage": self.stage.value,
                           "attempt": lesson.attempt, "pid": os.getpid(), "t": time.time()}) + "\n"
        fd = os.open(self._journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, line.encode())
        finally:
            os.close(fd)
