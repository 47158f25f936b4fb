"""The lesson request lifecycle as an explicit state machine (DESIGN §4)."""

from enum import StrEnum

from domain.errors import IllegalTransition


class LessonStatus(StrEnum):
    """Where a lesson request stands; the last five are terminal."""

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    NOT_COVERED = "not_covered"

    @property
    def is_terminal(self) -> bool:
        """True when no worker will touch the request again without a retry."""
        return self in TERMINAL_STATUSES


class LessonEvent(StrEnum):
    """Everything that can happen to a lesson request."""

    CLAIM = "claim"
    ADVANCE = "advance"
    COMPLETE = "complete"
    FAIL = "fail"
    REJECT = "reject"
    FIND_UNCOVERED = "find_uncovered"
    CANCEL = "cancel"
    RETRY = "retry"
    REQUEUE = "requeue"


TERMINAL_STATUSES = frozenset(
    {LessonStatus.COMPLETED, LessonStatus.FAILED, LessonStatus.CANCELLED, LessonStatus.REJECTED,
     LessonStatus.NOT_COVERED}
)

TRANSITIONS: dict[tuple[LessonStatus, LessonEvent], LessonStatus] = {
    (LessonStatus.QUEUED, LessonEvent.CLAIM): LessonStatus.RUNNING,
    (LessonStatus.QUEUED, LessonEvent.CANCEL): LessonStatus.CANCELLED,
    (LessonStatus.QUEUED, LessonEvent.FAIL): LessonStatus.FAILED,
    (LessonStatus.RUNNING, LessonEvent.ADVANCE): LessonStatus.RUNNING,
    (LessonStatus.RUNNING, LessonEvent.COMPLETE): LessonStatus.COMPLETED,
    (LessonStatus.RUNNING, LessonEvent.FAIL): LessonStatus.FAILED,
    (LessonStatus.RUNNING, LessonEvent.REJECT): LessonStatus.REJECTED,
    (LessonStatus.RUNNING, LessonEvent.FIND_UNCOVERED): LessonStatus.NOT_COVERED,
    (LessonStatus.RUNNING, LessonEvent.CANCEL): LessonStatus.CANCELLED,
    (LessonStatus.RUNNING, LessonEvent.REQUEUE): LessonStatus.QUEUED,
    (LessonStatus.FAILED, LessonEvent.RETRY): LessonStatus.QUEUED,
}


def next_status(current: LessonStatus, event: LessonEvent) -> LessonStatus:
    """The status after `event`, or IllegalTransition when the lifecycle forbids it."""
    try:
        return TRANSITIONS[(current, event)]
    except KeyError:
        raise IllegalTransition(current.value, event.value) from None
