"""Bodies of POST /api/v1/lessons and its 202 answer."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

import msgspec

from domain.language import SUPPORTED_LANGUAGES
from presentation.http.schemas.text_patterns import INTEREST, VISIBLE_TEXT

ModalityName = Literal["text", "audio", "image", "video"]
AMOUNT_USD = r"^[0-9]{1,9}(\.[0-9]{1,6})?$"
LANGUAGE_TAG = rf"^({'|'.join(sorted(SUPPORTED_LANGUAGES))})(-[A-Za-z0-9]{{2,8}})?$"


class CreateLessonBody(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A lesson request; omitted modalities mean ["video"]."""

    student_query: Annotated[str, msgspec.Meta(min_length=1, max_length=500, pattern=VISIBLE_TEXT)]
    grade_level: Annotated[int, msgspec.Meta(ge=0, le=12, description="0 = kindergarten")]
    interest: Annotated[str, msgspec.Meta(min_length=1, max_length=60, pattern=INTEREST)] | None = None
    requested_modalities: Annotated[list[ModalityName], msgspec.Meta(min_length=1, max_length=4)] | None = None
    language: Annotated[str, msgspec.Meta(min_length=2, max_length=16, pattern=LANGUAGE_TAG)] = "en"
    student_id: UUID | None = None
    max_cost_usd: Annotated[Decimal, msgspec.Meta(extra_json_schema={
        "description": "a non-negative amount in US dollars, such as \"0.50\"",
        "extra": {"pattern": AMOUNT_USD}})] | None = None


class LessonAccepted(msgspec.Struct, frozen=True):
    """The tracked request, returned at once."""

    id: UUID
    status: str
    status_url: str
    estimated_cost_usd: Decimal
    created_at: datetime
