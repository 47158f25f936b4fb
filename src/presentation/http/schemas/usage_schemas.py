"""The body of GET /api/v1/usage/daily."""

from datetime import date
from decimal import Decimal
from uuid import UUID

import msgspec


class DailyUsageView(msgspec.Struct, frozen=True):
    """One student's lessons of one UTC day and the exact sums of their ledgers."""

    student_id: UUID
    date: date
    currency: str
    lessons: int
    total_usd: Decimal
    saved_usd: Decimal
    estimated_usd: Decimal
