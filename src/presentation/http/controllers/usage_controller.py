"""GET /api/v1/usage/daily: per student per day totals, for quotas."""

from datetime import date
from typing import Annotated
from uuid import UUID

from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter

from application.ports.actor import Actor
from application.use_cases.get_daily_usage import GetDailyUsage, GetDailyUsageQuery
from presentation.http.dependencies import provide_actor, provide_get_daily_usage
from presentation.http.openapi_responses import error_responses
from presentation.http.schemas.usage_schemas import DailyUsageView

Day = Annotated[date | None, QueryParameter(name="date", description="UTC day, YYYY-MM-DD (default today)")]
StudentId = Annotated[UUID | None, QueryParameter(description="teachers and admins: whose usage (default yours)")]


class UsageController(Controller):
    """What lessons cost per student and day."""

    path = "/api/v1/usage"
    tags = ["usage"]
    dependencies = {"actor": Provide(provide_actor, sync_to_thread=False),
                    "use_case": Provide(provide_get_daily_usage, sync_to_thread=False)}

    @get("/daily", operation_id="getDailyUsage", responses=error_responses(400, 401, 403, 422, 503))
    async def daily(self, actor: NamedDependency[Actor], use_case: NamedDependency[GetDailyUsage],
                    day: Day = None, student_id: StudentId = None) -> DailyUsageView:
        """Lessons requested on the day and the exact sums of their spent, saved and estimate lines."""
        usage = await use_case.execute(GetDailyUsageQuery(actor=actor, day=day, student_id=student_id))
        totals = usage.totals
        return DailyUsageView(student_id=usage.student_id, date=usage.day, currency="USD", lessons=totals.lessons,
                              total_usd=totals.spent.usd, saved_usd=totals.saved.usd,
                              estimated_usd=totals.estimated.usd)
