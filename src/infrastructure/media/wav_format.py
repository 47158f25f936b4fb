"""WAV (RIFF, 16-bit PCM) writing and reading with the standard library."""

import io
import wave

from application.errors import StageFailed


def encode_wav(pcm: bytes, sample_rate: int, channels: int = 1) -> bytes:
    """A WAV file holding 16-bit little-endian `pcm`."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(pcm)
    return buffer.getvalue()


def wav_duration_ms(data: bytes) -> int:
    """The length of a WAV file's audio; StageFailed("bad_audio") when it is not a PCM WAV file."""
    try:
        with wave.open(io.BytesIO(data), "rb") as audio:
            return audio.getnframes() * 1000 // audio.getframerate()
    except (wave.Error, EOFError, ZeroDivisionError) as error:
        raise StageFailed("bad_audio", f"the narration is not a readable WAV file: {error}", retryable=False) from None
