"""GET /metrics: the Prometheus text exposition of this process (queue gauges refreshed at each scrape)."""

import logging

from litestar import Controller, MediaType, Response, get
from litestar.datastructures import State

from application.errors import StorageError
from presentation.http.dependencies import container_of
from presentation.http.security import PUBLIC

log = logging.getLogger("lessonsmith.http")


class MetricsController(Controller):
    """For Prometheus inside the cluster; keep it off the public ingress."""

    path = "/metrics"
    tags = ["operations"]

    @get("/", operation_id="metrics", security=PUBLIC, media_type=MediaType.TEXT)
    async def metrics(self, state: State) -> Response[bytes]:
        """Every lessonsmith_* series; the queue depth and age are measured now (kept as they were if the
        database cannot be read)."""
        container = container_of(state)
        try:
            await container.use_cases.observe_queue().execute()
        except StorageError as error:
            log.warning("metrics.queue_unavailable", extra={"error": str(error)})
        body, content_type = container.gateways.metrics().render()
        return Response(body, media_type=content_type)
