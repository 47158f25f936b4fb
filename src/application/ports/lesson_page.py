"""LessonPage: one page of a lesson listing, as the LessonRepository port returns it."""

from dataclasses import dataclass

from domain.lesson_request import LessonRequest


@dataclass(frozen=True, slots=True)
class LessonPage:
    """One page of a listing, newest first, and the cursor of the next page (None at the end)."""

    items: tuple[LessonRequest, ...]
    next_cursor: str | None
