"""Domain errors: what the rules of Lessonsmith refuse."""


class DomainError(Exception):
    """Base class of every rule the domain enforces."""


class InvalidValue(DomainError):
    """A value object refused its input; names the field, a stable code and a readable message."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message


class IllegalTransition(DomainError):
    """A lesson request was asked to move to a state its lifecycle does not allow."""

    def __init__(self, current: str, event: str) -> None:
        super().__init__(f"cannot {event} a lesson that is {current}")
        self.current = current
        self.event = event
