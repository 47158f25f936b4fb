"""Pipeline stages, in the order they run, and the status of one stage."""

from enum import StrEnum


class StageName(StrEnum):
    """The stages of the lesson pipeline, declared in execution order."""

    UNDERSTAND = "understand"
    RETRIEVE = "retrieve"
    WRITE = "write"
    CHECK = "check"
    NARRATE = "narrate"
    ILLUSTRATE = "illustrate"
    RENDER_VIDEO = "render_video"
    PUBLISH = "publish"


class StageStatus(StrEnum):
    """Where one stage of one lesson stands."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    SKIPPED = "skipped"
    FAILED = "failed"

    @property
    def is_finished(self) -> bool:
        """Completed and skipped stages never run again."""
        return self in (StageStatus.COMPLETED, StageStatus.SKIPPED)
