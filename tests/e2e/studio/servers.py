"""Servers for the browser tests: `lessonsmith serve` exactly as a user starts it, or the app over a test
container in a background thread (for tests that override a provider)."""

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn
from litestar import Litestar

from tests.faults.servers import free_port, wait_for_port

_STUDIO_LINE = re.compile(r"Lesson studio[^:]*: (http://\S+/studio)")
_DEMO_USER = re.compile(r"created demo user (\S+) with password (\S+)")


class ServeProcess:
    """`lessonsmith serve --port P` with the embedded default in `home` (no LESSONSMITH_* variables):
    SQLite, in-process workers, local artifacts, offline providers. Reads the address and the demo users'
    passwords from what the command prints."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.log_path = home / "serve.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 60.0) -> None:
        """Start the command and wait until it printed the studio's address and accepts connections."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("LESSONSMITH_")}
        command = [str(Path(sys.executable).parent / "lessonsmith"), "serve", "--port", str(self.port)]
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(command, cwd=self.home, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout_s
        while _STUDIO_LINE.search(self.output) is None:
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"lessonsmith serve did not start:\n{self.output}")
            time.sleep(0.1)
        wait_for_port(self.port, timeout_s)

    @property
    def output(self) -> str:
        """Everything the command printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def studio_url(self) -> str:
        """The page address the command printed."""
        found = _STUDIO_LINE.search(self.output)
        assert found is not None
        return found.group(1)

    @property
    def base_url(self) -> str:
        """The API's origin."""
        return self.studio_url.removesuffix("/studio")

    def password(self, username: str) -> str:
        """The generated password `serve` printed for a demo user it created."""
        return dict(_DEMO_USER.findall(self.output))[username]

    def stop(self) -> None:
        """SIGINT (uvicorn's graceful stop), then SIGKILL if it does not exit in time."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.send_signal(signal.SIGINT)
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


class ThreadedApp:
    """A Litestar app served by uvicorn on a free port from a background thread (lifespan included)."""

    def __init__(self, app: Litestar) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                     lifespan="on"))
        self._thread = threading.Thread(target=self._server.run, name="studio-app", daemon=True)

    def __enter__(self) -> "ThreadedApp":
        self._thread.start()
        deadline = time.monotonic() + 60
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=60)
