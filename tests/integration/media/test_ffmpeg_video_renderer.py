"""FfmpegVideoRenderer with the ffmpeg binary imageio-ffmpeg ships; checked with PyAV."""

import io
import math
import struct

import av
import pytest
from PIL import Image

from application.errors import StageFailed
from application.ports.video_renderer import VideoInput
from infrastructure.media.ffmpeg_runner import FfmpegRunner
from infrastructure.media.ffmpeg_video_renderer import FfmpegVideoRenderer, concat_list
from infrastructure.media.wav_format import encode_wav
from tests.media_probe import probe

pytestmark = pytest.mark.req("RDS-015")

RATE = 22_050


def tone(seconds: float) -> bytes:
    """A 440 Hz tone as a mono WAV file."""
    samples = (int(8000 * math.sin(2 * math.pi * 440 * n / RATE)) for n in range(int(seconds * RATE)))
    return encode_wav(b"".join(struct.pack("<h", s) for s in samples), RATE)


def png(colour: tuple[int, int, int], size: tuple[int, int] = (1280, 720)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


RED, BLUE = (220, 30, 30), (30, 30, 220)


def _colour_at(data: bytes, second: float) -> tuple[int, int, int]:
    """The average colour of the first frame shown at or after `second`."""
    with av.open(io.BytesIO(data)) as container:
        for frame in container.decode(video=0):
            if frame.time is not None and frame.time >= second:
                colour: tuple[int, int, int] = frame.to_image().resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
                return colour
    raise AssertionError(f"no frame at {second}s")


@pytest.mark.req("RDS-045")
async def test_slides_change_on_time_and_the_video_lasts_as_long_as_the_narration() -> None:
    renderer = FfmpegVideoRenderer(FfmpegRunner(), fps=10)
    result = await renderer.render(VideoInput((png(RED), png(BLUE, (800, 800))), (0, 1_500), tone(3.0)))
    (video,) = result.files
    assert (video.name, video.content_type) == ("lesson.mp4", "video/mp4")
    facts = probe(video.data)
    assert abs(facts.seconds - 3.0) <= 0.2
    assert sorted(facts.streams) == [("audio", "aac"), ("video", "h264")]
    assert facts.video_size == (1280, 720)
    assert video.data[4:8] == b"ftyp" and video.data.index(b"moov") < video.data.index(b"mdat")  # +faststart
    red, blue = _colour_at(video.data, 0.7), _colour_at(video.data, 2.2)
    assert red[0] > 150 > red[2] and blue[2] > 150 > blue[0]
    assert [(line.stage, line.unit, line.amount.micros) for line in result.cost_lines] == [
        ("render_video", "video_minute", 0)]


def test_the_concat_list_repeats_the_last_slide() -> None:
    assert concat_list(["a.png", "b.png"], (0, 1_500), 3_250) == (
        "ffconcat version 1.0\nfile 'a.png'\nduration 1.500\nfile 'b.png'\nduration 1.750\nfile 'b.png'\n")


@pytest.mark.req("RDS-047")
@pytest.mark.parametrize("starts", [(0,), (100, 1_500), (0, 0), (0, 3_000)])
async def test_timings_that_do_not_fit_the_narration_are_refused(starts: tuple[int, ...]) -> None:
    with pytest.raises(StageFailed) as refused:
        await FfmpegVideoRenderer(FfmpegRunner()).render(VideoInput((png(RED), png(BLUE)), starts, tone(3.0)))
    assert refused.value.code == "bad_timing"


@pytest.mark.req("RDS-047")
async def test_an_ffmpeg_failure_carries_ffmpegs_reason() -> None:
    with pytest.raises(StageFailed) as failed:
        await FfmpegVideoRenderer(FfmpegRunner()).render(VideoInput((b"not a png",), (0,), tone(1.0)))
    assert failed.value.code == "ffmpeg_failed" and not failed.value.retryable
    reason = failed.value.message.split(": ", 1)[1]
    assert failed.value.message.startswith("ffmpeg exited with") and len(reason) > 10


@pytest.mark.req("RDS-047")
async def test_a_stuck_encode_is_killed_at_the_timeout() -> None:
    a_minute_of_silence = encode_wav(bytes(2 * RATE * 60), RATE)  # 600 frames: far longer than the timeout
    with pytest.raises(StageFailed) as failed:
        await FfmpegVideoRenderer(FfmpegRunner(timeout_s=0.05)).render(
            VideoInput((png(RED),), (0,), a_minute_of_silence))
    assert failed.value.code == "ffmpeg_timeout" and failed.value.retryable


@pytest.mark.req("RDS-047")
async def test_a_missing_ffmpeg_is_reported() -> None:
    with pytest.raises(StageFailed) as failed:
        await FfmpegRunner(executable="/nonexistent/ffmpeg").run(["-version"])
    assert failed.value.code == "ffmpeg_unavailable"


@pytest.mark.req("RDS-047")
async def test_a_file_that_is_not_wav_is_refused_before_encoding() -> None:
    with pytest.raises(StageFailed) as refused:
        await FfmpegVideoRenderer(FfmpegRunner()).render(VideoInput((png(RED),), (0,), b"RIFF....not a wav"))
    assert refused.value.code == "bad_audio"
