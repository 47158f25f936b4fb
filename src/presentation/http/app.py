"""The Litestar application: routes, auth, error table, OpenAPI, and the lifespan that runs embedded workers."""

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from litestar import Litestar
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme

from infrastructure.container.application import ApplicationContainer, build_container
from presentation.http.cached_read_fast_path import fast_path_before_auth
from presentation.http.controllers.admin_controller import AdminController
from presentation.http.controllers.artifacts_controller import ArtifactsController
from presentation.http.controllers.auth_controller import AuthController
from presentation.http.controllers.classes_controller import ClassesController
from presentation.http.controllers.curriculum_controller import CurriculumController
from presentation.http.controllers.health_controller import HealthController
from presentation.http.controllers.lessons_controller import LessonsController
from presentation.http.controllers.metrics_controller import MetricsController
from presentation.http.controllers.usage_controller import UsageController
from presentation.http.error_handlers import exception_handlers
from presentation.http.openapi_structs import ClosedStructSchemaPlugin
from presentation.http.query_allowlist import KnownQueryParameters
from presentation.http.request_telemetry import RequestTelemetryMiddleware
from presentation.http.security import build_jwt_auth
from presentation.http.studio.routes import studio_route_handlers
from presentation.http.trace import TraceMiddleware
from presentation.runtime import start_services, stop_services
from presentation.worker.worker_pool import WorkerPool

StartedHook = Callable[[ApplicationContainer], Awaitable[None]]


def create_app(
    container: ApplicationContainer | None = None, *, run_workers: bool | None = None,
    on_started: StartedHook | None = None,
) -> Litestar:
    """The API over `container`; embedded profiles also run their workers inside this process."""
    container = container or build_container()
    settings = container.settings()
    workers_here = settings.is_embedded and settings.queue.embedded_workers if run_workers is None else run_workers

    @contextlib.asynccontextmanager
    async def lifespan(_: Litestar) -> AsyncIterator[None]:
        await start_services(container)
        pool = WorkerPool(container, settings.queue.worker_concurrency) if workers_here else None
        if pool is not None:
            pool.start()
        if on_started is not None:
            await on_started(container)
        try:
            yield
        finally:
            if pool is not None:
                await pool.stop()
            await stop_services(container)

    jwt_auth = build_jwt_auth(container.gateways.jwt_secret(), settings.auth.jwt_issuer, settings.auth.jwt_audience)
    openapi = OpenAPIConfig(
        title="Lessonsmith API", version="1.0.0", path="/schema",
        description="Personalized, grounded lessons: request, poll, download.",
        render_plugins=[ScalarRenderPlugin()],
        components=Components(security_schemes={"BearerToken": SecurityScheme(
            type="http", scheme="bearer", bearer_format="JWT")}),
    )
    return Litestar(
        route_handlers=[AuthController, LessonsController, ArtifactsController, UsageController, ClassesController,
                        AdminController, CurriculumController, HealthController, MetricsController,
                        *studio_route_handlers()],
        on_app_init=[jwt_auth.on_app_init, fast_path_before_auth],
        middleware=[TraceMiddleware, RequestTelemetryMiddleware],
        exception_handlers=exception_handlers(),
        openapi_config=openapi,
        plugins=[ClosedStructSchemaPlugin()],
        before_request=KnownQueryParameters(),
        lifespan=[lifespan],
        state=State({"container": container}),
        debug=False,
        logging_config=None,  # logging is structlog's, set up by the CLI (infrastructure.observability)
    )
