"""Reading back what the media adapters produced: WAV facts and loudness, container facts through PyAV."""

import io
import math
import wave
from array import array
from dataclasses import dataclass

import av


@dataclass(frozen=True)
class WavFacts:
    """Sample rate, duration and the 16-bit samples of a mono WAV file."""

    rate: int
    seconds: float
    samples: array  # type: ignore[type-arg]

    def rms(self, start_s: float = 0.0, end_s: float | None = None) -> float:
        """Root mean square of the samples between two times (the whole file by default)."""
        window = self.samples[int(start_s * self.rate):int((end_s or self.seconds) * self.rate)]
        return math.sqrt(sum(x * x for x in window) / len(window)) if window else 0.0


def read_wav(data: bytes) -> WavFacts:
    """The facts of a 16-bit mono WAV file."""
    with wave.open(io.BytesIO(data)) as audio:
        assert audio.getsampwidth() == 2 and audio.getnchannels() == 1
        samples = array("h", audio.readframes(audio.getnframes()))
        return WavFacts(audio.getframerate(), audio.getnframes() / audio.getframerate(), samples)


@dataclass(frozen=True)
class MediaFacts:
    """A media file's duration and its streams as (type, codec) pairs, with the video size when there is one."""

    seconds: float
    streams: list[tuple[str, str]]
    video_size: tuple[int, int] | None


def probe(data: bytes) -> MediaFacts:
    """Open the bytes with PyAV (FFmpeg's libraries) and describe them."""
    with av.open(io.BytesIO(data)) as container:
        streams = [(s.type, s.codec_context.name) for s in container.streams]
        video = container.streams.video[0] if container.streams.video else None
        size = (video.codec_context.width, video.codec_context.height) if video is not None else None
        assert container.duration is not None
        return MediaFacts(container.duration / 1_000_000, streams, size)
