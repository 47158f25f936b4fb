"""Why a stage, and so a lesson, failed."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Failure:
    """The stage that failed, a stable code, a readable message, and whether a retry may help."""

    stage: str
    code: str
    message: str
    retryable: bool
