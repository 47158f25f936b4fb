"""`lessonsmith serve` (API, plus workers when embedded) and `lessonsmith worker`."""

import argparse
import asyncio
import contextlib
import gc
import logging
import signal
from typing import Any

import uvicorn

from infrastructure.container.application import ApplicationContainer, build_container
from infrastructure.observability.metrics_server import serve_metrics
from presentation.demo_users import welcome_text
from presentation.http.app import create_app
from presentation.runtime import start_services, stop_services
from presentation.worker.worker_pool import WorkerPool

WORKER_DRAIN_S = 30.0
log = logging.getLogger("lessonsmith.worker")


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add `serve` and `worker`."""
    serve = commands.add_parser("serve", help="run the API (and in-process workers when embedded)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=_serve)
    worker = commands.add_parser("worker", help="run a worker process (production profile)")
    worker.add_argument("--concurrency", type=int, default=None, help="lessons processed at once")
    worker.add_argument("--metrics-port", type=int, default=0,
                        help="serve this worker's Prometheus metrics at :PORT/metrics (default 0: off)")
    worker.add_argument("--metrics-host", default="0.0.0.0", help="address of the metrics endpoint")
    worker.set_defaults(run=_worker)


async def _serve(args: argparse.Namespace) -> int:
    base_url = f"http://{args.host}:{args.port}"

    async def announce(container: ApplicationContainer) -> None:
        print(await welcome_text(container, base_url), flush=True)
        freeze_startup_objects()

    app = create_app(build_container(), on_started=announce)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", lifespan="on", log_config=None,
                            http="httptools")
    await uvicorn.Server(config).serve()
    return 0


def freeze_startup_objects() -> None:
    """Collect once, then leave what start-up built (modules, the container, the embedding model: some 240,000
    objects) out of later garbage collections: a full collection over them pauses the server ≈ 0.1 s."""
    gc.collect()
    gc.freeze()


async def _worker(args: argparse.Namespace) -> int:
    container = build_container()
    await start_services(container)
    concurrency = args.concurrency or container.settings().queue.worker_concurrency
    pool = WorkerPool(container, concurrency)
    if args.metrics_port:
        serve_metrics(container.gateways.metrics(), args.metrics_host, args.metrics_port)
    loop = asyncio.get_running_loop()
    stop_requested = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop_requested.set)
    pool.start()
    print(f"worker running with concurrency {concurrency}; SIGTERM drains", flush=True)
    log.info("worker.started", extra={"concurrency": concurrency, "metrics_port": args.metrics_port or None})
    await stop_requested.wait()
    log.info("worker.draining", extra={"deadline_s": WORKER_DRAIN_S})
    await pool.stop(WORKER_DRAIN_S)
    await stop_services(container)
    log.info("worker.stopped")
    return 0
