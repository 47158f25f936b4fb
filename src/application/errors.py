"""Application errors: what a use case reports to its caller. No HTTP codes here."""

from collections.abc import Sequence


class ApplicationError(Exception):
    """Base class of every error a use case raises on purpose."""


class LessonNotFound(ApplicationError):
    """No lesson with that id is visible to the caller (missing and foreign look the same)."""


class ArtifactNotFound(ApplicationError):
    """The lesson has no artifact of that name (or it is not yet written)."""


class NotAllowed(ApplicationError):
    """The caller's role may not do this."""


class UnsupportedModality(ApplicationError):
    """A requested modality has no provider configured."""

    def __init__(self, modalities: Sequence[str]) -> None:
        super().__init__("no provider for modality: " + ", ".join(modalities))
        self.modalities = tuple(modalities)


class IdempotencyConflict(ApplicationError):
    """The Idempotency-Key was already used by this user with a different request body."""


class DuplicateIdempotencyKey(ApplicationError):
    """A repository refused a second lesson with the same user and Idempotency-Key."""


class UnknownStudent(ApplicationError):
    """The named user is not a student the caller may act for; `field` names the input that said so."""

    def __init__(self, message: str, field: str = "student_id") -> None:
        super().__init__(message)
        self.field = field


class UnknownTeacher(ApplicationError):
    """The named user is not a teacher."""


class ClassNotFound(ApplicationError):
    """No class with that id is visible to the caller (missing and foreign look the same)."""


REVOKED_MESSAGE = "this token was revoked; sign in again"


class TokenRevoked(ApplicationError):
    """The caller's token was logged out (found by a use case that checks the deny-list itself)."""


class RateLimited(ApplicationError):
    """A per-user or per-address limit was reached; `code` says which, `retry_after_s` when to come back."""

    def __init__(self, code: str, message: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.code = code
        self.retry_after_s = max(1, retry_after_s)


class UsernameTaken(ApplicationError):
    """Another user already has that username."""


class InvalidCredentials(ApplicationError):
    """Username or password is wrong (never says which)."""


class ConcurrentUpdate(ApplicationError):
    """Someone saved the lesson first (a cancel, another worker, a reconciler): reload and decide again."""


class StorageError(ApplicationError):
    """A database or file store failed; `retryable` when trying again may help."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


class StageFailed(ApplicationError):
    """A stage could not do its work; `code` is stable, `retryable` says whether a new attempt may help."""

    def __init__(self, code: str, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retryable = retryable


class UpstreamError(StageFailed):
    """A provider (model, speech, storage service) failed; adapters translate their library's errors to it."""


class InvalidDocument(ApplicationError):
    """A curriculum document was refused: `origin` names the document, `field` what is wrong with it."""

    def __init__(self, origin: str, field: str, code: str, message: str) -> None:
        super().__init__(f"{origin}: {field}: {message}")
        self.origin = origin
        self.field = field
        self.code = code
        self.message = message


class UpstreamUnavailable(UpstreamError):
    """A provider is known to be down (its circuit is open): park the lesson for `retry_after_s`, spend no attempt."""

    def __init__(self, upstream: str, retry_after_s: float) -> None:
        super().__init__("upstream_unavailable", f"{upstream} is unavailable (circuit open); "
                         f"retrying in {retry_after_s:.1f} s", retryable=True)
        self.upstream = upstream
        self.retry_after_s = max(0.1, retry_after_s)
