"""Worker loops: claim and process lessons, sleep on the doorbell, reconcile lost leases."""

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Coroutine
from typing import Any

from application.errors import StorageError
from application.use_cases.process_lesson import ProcessLessonCommand
from infrastructure.container.application import ApplicationContainer

log = logging.getLogger(__name__)
IDLE_POLL_S = 2.0
ERROR_BACKOFF_S = 1.0
EXPIRY_GRACE_S = 0.02


class WorkerPool:
    """`concurrency` lesson loops and one reconciler loop in this process; `stop` lets running lessons finish."""

    def __init__(self, container: ApplicationContainer, concurrency: int) -> None:
        self._container = container
        self._concurrency = concurrency
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._name = f"{socket.gethostname()}-{os.getpid()}"

    def start(self) -> None:
        """Launch the loops on the running event loop."""
        self._tasks = [asyncio.create_task(self._work(f"{self._name}-{n}")) for n in range(self._concurrency)]
        self._tasks.append(asyncio.create_task(self._reconcile()))

    async def stop(self, deadline_s: float = 30.0) -> None:
        """Stop claiming; wait up to `deadline_s` for running lessons, then cancel (their leases expire)."""
        self._stopping.set()
        _, pending = await asyncio.wait(self._tasks, timeout=deadline_s) if self._tasks else (set(), set())
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _work(self, worker_id: str) -> None:
        doorbell = self._container.gateways.doorbell()
        command = ProcessLessonCommand(worker_id=worker_id)
        while not self._stopping.is_set():
            try:
                processed = await self._container.pipeline.process_lesson().execute(command)
                if processed is None:
                    await self._idle(doorbell.wait(IDLE_POLL_S))
            except StorageError as error:
                log.warning("worker %s: storage unavailable (%s); backing off", worker_id, error)
                await self._idle(asyncio.sleep(ERROR_BACKOFF_S))
            except Exception:
                log.exception("worker %s: unexpected error; continuing", worker_id)
                await self._idle(asyncio.sleep(ERROR_BACKOFF_S))

    async def _idle(self, waiting: Coroutine[Any, Any, object]) -> None:
        """Wait for the doorbell (or a back-off) but wake at once when stopping."""
        stop = asyncio.create_task(self._stopping.wait())
        wait = asyncio.create_task(waiting)
        _, pending = await asyncio.wait({stop, wait}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, StorageError):
                await task

    async def _reconcile(self) -> None:
        """Reconcile every period, or sooner: right when the earliest running lease ends; measure the queue."""
        period = self._container.settings().queue.reconcile_seconds
        clock = self._container.gateways.clock()
        while not self._stopping.is_set():
            pause = period
            try:
                result = await self._container.pipeline.reconcile_leases().execute()
                if result.requeued or result.failed:
                    log.info("reconciler: requeued=%d failed=%d rerung=%d", result.requeued, result.failed,
                             result.rerung)
                await self._container.use_cases.observe_queue().execute()
                if result.next_expiry is not None:
                    until_expiry = (result.next_expiry - clock.now()).total_seconds() + EXPIRY_GRACE_S
                    pause = min(period, max(until_expiry, EXPIRY_GRACE_S))
            except StorageError as error:
                log.warning("reconciler: storage unavailable (%s)", error)
            await self._idle(asyncio.sleep(pause))
