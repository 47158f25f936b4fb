"""The student's question, the input every lesson starts from."""

from dataclasses import dataclass

from domain.errors import InvalidValue

MAX_QUERY_LENGTH = 500


@dataclass(frozen=True, slots=True)
class StudentQuery:
    """A question of 1–500 characters, whitespace folded; always treated as data, never as instructions."""

    text: str

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InvalidValue("student_query", "wrong_type", "must be text")
        folded = " ".join(self.text.split())
        if not folded:
            raise InvalidValue("student_query", "empty", "must not be empty")
        if len(folded) > MAX_QUERY_LENGTH:
            raise InvalidValue("student_query", "too_long", f"must be at most {MAX_QUERY_LENGTH} characters")
        if any(ord(ch) < 32 for ch in folded):
            raise InvalidValue("student_query", "invalid_characters", "must not contain control characters")
        object.__setattr__(self, "text", folded)
