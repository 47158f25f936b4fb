"""GET /health/live and /health/ready."""

import msgspec
from litestar import Controller, Response, get
from litestar.di import NamedDependency, Provide
from litestar.openapi.datastructures import ResponseSpec

from infrastructure.health.readiness import Readiness
from presentation.http.dependencies import provide_readiness


class HealthView(msgspec.Struct, frozen=True):
    """Overall status and each dependency's."""

    status: str
    checks: dict[str, str] = msgspec.field(default_factory=dict)


class HealthController(Controller):
    """Liveness never touches a dependency; readiness probes each one."""

    path = "/health"
    tags = ["health"]

    @get("/live", operation_id="live", security=[{}])
    async def live(self) -> HealthView:
        """The process is up."""
        return HealthView(status="ok")

    @get("/ready", operation_id="ready", security=[{}],
         responses={503: ResponseSpec(data_container=HealthView, description="A dependency is down; see checks")},
         dependencies={"readiness": Provide(provide_readiness, sync_to_thread=False)})
    async def ready(self, readiness: NamedDependency[Readiness]) -> Response[HealthView]:
        """200 when the database, queue and storage answer; 503 naming what is down otherwise."""
        report = await readiness.check()
        checks = {name: "up" if ok else "down" for name, ok in report.checks.items()}
        body = HealthView(status="ready" if report.ready else "not_ready", checks=checks)
        return Response(body, status_code=200 if report.ready else 503)
