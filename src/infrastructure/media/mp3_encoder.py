"""A compressed copy of the narration: MP3 through the bundled ffmpeg, piped in and out."""

from infrastructure.media.ffmpeg_runner import FfmpegRunner

MP3 = "audio/mpeg"


class Mp3Encoder:
    """Encodes WAV bytes to a 64 kbit/s MP3 (a tenth of the size, for slow connections)."""

    def __init__(self, runner: FfmpegRunner, bitrate: str = "64k") -> None:
        self._runner = runner
        self._bitrate = bitrate

    async def encode(self, wav: bytes) -> bytes:
        """The MP3 of `wav`."""
        return await self._runner.run(
            ["-f", "wav", "-i", "pipe:0", "-c:a", "libmp3lame", "-b:a", self._bitrate,
             "-threads", str(self._runner.threads), "-f", "mp3", "pipe:1"], stdin=wav)
