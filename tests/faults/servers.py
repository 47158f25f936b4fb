"""Throw-away PostgreSQL and Redis servers on free ports, for tests that stop and restart them.

They never touch the shared services on 5432 and 6379. PostgreSQL runs as the `postgres` user
(initdb and pg_ctl refuse root), in a data folder owned by it.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.hang_guard import HANG_GUARD_S, hung

PG_BIN = Path(os.environ.get("LESSONSMITH_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, timeout_s: float = HANG_GUARD_S) -> None:
    """Block until something accepts connections on 127.0.0.1:`port` (polled; `timeout_s` is a hang guard)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise hung(f"a server listening on port {port}", timeout_s)


def _as_postgres(*command: str) -> list[str]:
    return list(command) if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--", *command]


class ThrowawayPostgres:
    """A private PostgreSQL cluster: trust auth, one port, data in `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "pgdata"
        self.port = free_port()

    @staticmethod
    def available() -> bool:
        """True when the PostgreSQL server binaries are installed."""
        return (PG_BIN / "initdb").exists() and shutil.which("runuser") is not None

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the `postgres` database."""
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def init(self) -> None:
        """Create the cluster."""
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        subprocess.run(_as_postgres(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                                    "--no-sync"), check=True, capture_output=True)

    def start(self) -> None:
        """Start the server and wait for its port."""
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                                    str(self.root / "log"), "-w", "start"), check=True, capture_output=True)
        wait_for_port(self.port)

    def stop(self) -> None:
        """Stop the server at once (fast shutdown: connections are cut)."""
        subprocess.run(_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"),
                       check=False, capture_output=True)


class ThrowawayRedis:
    """A private Redis server without persistence."""

    def __init__(self) -> None:
        self.port = free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The Redis URL."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start the server and wait for its port."""
        self._process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self) -> None:
        """Kill the server (everything in it is lost, as in a crash without persistence)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None
