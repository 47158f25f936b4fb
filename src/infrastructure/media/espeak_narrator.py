"""The offline Narrator: eSpeak NG speech, captions timed by its word events, and an MP3 copy."""

import asyncio
from decimal import Decimal

from application.errors import StageFailed
from application.ports.media_providers import WAV, WEBVTT, MediaFile, MediaResult, Narrator
from domain.cost_ledger import CostKind, CostLine
from domain.lesson_script import LessonScript
from domain.money import Money
from domain.slide_timing import narration_sections
from domain.webvtt import format_webvtt
from infrastructure.media.caption_builder import SpokenText, build_captions
from infrastructure.media.espeak_engine import EspeakEngine
from infrastructure.media.mp3_encoder import MP3, Mp3Encoder
from infrastructure.media.wav_format import encode_wav

VOICES = {"en": "en-us"}
PROVIDER = "offline"


class EspeakNarrator(Narrator):
    """Speaks the narration sections at `words_per_minute`; synthesis runs in a worker thread. $0."""

    def __init__(self, words_per_minute: int = 165, encoder: Mp3Encoder | None = None) -> None:
        self._words_per_minute = words_per_minute
        self._encoder = encoder

    async def narrate(self, script: LessonScript, language: str) -> MediaResult:
        """narration.wav, narration.mp3 (with an encoder) and captions.vtt."""
        voice = VOICES.get(language.split("-")[0].lower())
        if voice is None:
            raise StageFailed("unsupported_language", f"no offline voice for language {language!r}", retryable=False)
        sections = narration_sections(script.narration)
        if not sections:
            raise StageFailed("empty_narration", "the script has no narration to speak", retryable=False)
        spoken = SpokenText.join(sections)
        engine = await asyncio.to_thread(EspeakEngine.shared)
        speech = await asyncio.to_thread(engine.synthesize, spoken.text, voice, self._words_per_minute)
        if speech.duration_ms == 0:
            raise StageFailed("silent_narration", "the synthesiser produced no audio", retryable=False)
        wav = encode_wav(speech.pcm, speech.sample_rate)
        captions = build_captions(spoken, speech.events, speech.duration_ms)
        files = [MediaFile("narration.wav", WAV, wav)]
        if self._encoder is not None:
            files.append(MediaFile("narration.mp3", MP3, await self._encoder.encode(wav)))
        files.append(MediaFile("captions.vtt", WEBVTT, format_webvtt(captions).encode("utf-8")))
        line = CostLine(stage="narrate", kind=CostKind.SPENT, amount=Money(0), units=Decimal(len(spoken.text)),
                        unit="tts_character", provider=PROVIDER)
        return MediaResult(tuple(files), (line,))
