"""Runs the ffmpeg that imageio-ffmpeg ships as an asyncio subprocess, with a timeout and a thread cap."""

import asyncio
import contextlib
from collections.abc import Sequence
from pathlib import Path

import imageio_ffmpeg

from application.errors import StageFailed

STDERR_TAIL_LINES = 5


def bundled_ffmpeg() -> str:
    """The path of the ffmpeg binary in the imageio-ffmpeg package."""
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError as error:
        raise StageFailed("ffmpeg_unavailable", f"no ffmpeg binary: {error}", retryable=False) from None


class FfmpegRunner:
    """One ffmpeg invocation at a time per call; failures become StageFailed carrying ffmpeg's own reason."""

    def __init__(self, executable: str | None = None, timeout_s: float = 300.0, threads: int = 2) -> None:
        self._executable = executable
        self.timeout_s = timeout_s
        self.threads = threads

    async def run(self, args: Sequence[str], stdin: bytes | None = None, cwd: Path | None = None) -> bytes:
        """ffmpeg's stdout for `args`; ffmpeg_failed (its last stderr lines), ffmpeg_timeout or ffmpeg_unavailable."""
        executable = self._executable or bundled_ffmpeg()
        try:
            process = await asyncio.create_subprocess_exec(
                executable, "-hide_banner", "-nostdin", "-loglevel", "error", *args, cwd=cwd,
                stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        except OSError as error:
            raise StageFailed("ffmpeg_unavailable", f"cannot start ffmpeg: {error}", retryable=False) from None
        try:
            stdout, stderr = await asyncio.wait_for(process.communicate(stdin), self.timeout_s)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
            raise StageFailed("ffmpeg_timeout", f"ffmpeg did not finish within {self.timeout_s:g} s",
                              retryable=True) from None
        if process.returncode != 0:
            tail = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
            reason = " | ".join(tail[-STDERR_TAIL_LINES:]) or "no message"
            raise StageFailed("ffmpeg_failed", f"ffmpeg exited with {process.returncode}: {reason}", retryable=False)
        return stdout
