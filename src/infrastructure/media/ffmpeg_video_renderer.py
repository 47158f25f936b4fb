"""The VideoRenderer on the bundled ffmpeg: PNG slides through the concat demuxer plus the narration,
H.264 + AAC in an MP4 that starts playing before it has fully downloaded."""

import asyncio
import itertools
import tempfile
from decimal import Decimal
from pathlib import Path

from application.errors import StageFailed
from application.ports.media_providers import MP4, MediaFile, MediaResult
from application.ports.video_renderer import VideoInput, VideoRenderer
from domain.cost_ledger import CostKind, CostLine
from domain.money import Money
from infrastructure.media.ffmpeg_runner import FfmpegRunner
from infrastructure.media.wav_format import wav_duration_ms

PROVIDER = "offline"
WIDTH, HEIGHT = 1280, 720


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.3f}"


def concat_list(names: list[str], starts_ms: tuple[int, ...], duration_ms: int) -> str:
    """An ffconcat script showing each slide from its start to the next one's (the last until the end);
    the last file is listed twice so the demuxer honours its duration."""
    ends = (*starts_ms[1:], duration_ms)
    lines = ["ffconcat version 1.0"]
    for name, start, end in zip(names, starts_ms, ends, strict=True):
        lines += [f"file '{name}'", f"duration {_seconds(end - start)}"]
    lines.append(f"file '{names[-1]}'")
    return "\n".join(lines) + "\n"


def _check_timing(video: VideoInput, duration_ms: int) -> None:
    starts = video.slide_starts_ms
    if not video.slides or len(starts) != len(video.slides):
        raise StageFailed("bad_timing", "every slide needs exactly one start time", retryable=False)
    if starts[0] != 0 or any(b <= a for a, b in itertools.pairwise(starts)) or starts[-1] >= duration_ms:
        raise StageFailed("bad_timing", f"slide start times {list(starts)} must rise from 0 and stay below the "
                          f"narration's {duration_ms} ms", retryable=False)


class FfmpegVideoRenderer(VideoRenderer):
    """720p at a low frame rate with `-tune stillimage`, cut to the narration's length (`-t`, not -shortest)."""

    def __init__(self, runner: FfmpegRunner, fps: int = 10, preset: str = "veryfast") -> None:
        self._runner = runner
        self._fps = fps
        self._preset = preset

    def arguments(self, starts_ms: tuple[int, ...], duration_ms: int, output: str) -> list[str]:
        """The ffmpeg arguments for `list.ffconcat` + `narration.wav` in the working folder → `output`."""
        fit = (f"scale={WIDTH}:{HEIGHT}:force_original_aspect_ratio=decrease,"
               f"pad={WIDTH}:{HEIGHT}:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p")
        return [
            "-y", "-f", "concat", "-safe", "0", "-i", "list.ffconcat", "-i", "narration.wav",
            "-map", "0:v:0", "-map", "1:a:0", "-vf", fit, "-r", str(self._fps),
            "-c:v", "libx264", "-preset", self._preset, "-tune", "stillimage", "-crf", "23",
            "-force_key_frames", ",".join(_seconds(s) for s in starts_ms),
            "-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k",
            "-t", _seconds(duration_ms), "-movflags", "+faststart",
            "-threads", str(self._runner.threads), "-filter_threads", "1", output,
        ]

    async def render(self, video: VideoInput) -> MediaResult:
        """lesson.mp4 and a $0 `spent` line in video minutes."""
        duration_ms = wav_duration_ms(video.narration_wav)
        _check_timing(video, duration_ms)
        with tempfile.TemporaryDirectory(prefix="lessonsmith-video-") as folder:
            work = Path(folder)
            names = [f"slide-{n:02d}.png" for n in range(1, len(video.slides) + 1)]
            await asyncio.to_thread(self._write_inputs, work, names, video, duration_ms)
            await self._runner.run(self.arguments(video.slide_starts_ms, duration_ms, "lesson.mp4"), cwd=work)
            data = await asyncio.to_thread((work / "lesson.mp4").read_bytes)
        minutes = (Decimal(duration_ms) / 60_000).quantize(Decimal("0.001"))
        line = CostLine(stage="render_video", kind=CostKind.SPENT, amount=Money(0), units=minutes,
                        unit="video_minute", provider=PROVIDER)
        return MediaResult((MediaFile("lesson.mp4", MP4, data),), (line,))

    @staticmethod
    def _write_inputs(work: Path, names: list[str], video: VideoInput, duration_ms: int) -> None:
        for name, image in zip(names, video.slides, strict=True):
            (work / name).write_bytes(image)
        (work / "narration.wav").write_bytes(video.narration_wav)
        (work / "list.ffconcat").write_text(concat_list(names, video.slide_starts_ms, duration_ms))
