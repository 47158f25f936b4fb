"""GeminiNarrator: Gemini text-to-speech on Vertex AI, one request per narration section."""

import re

from google import genai
from google.genai import types

from application.errors import StageFailed, UpstreamError
from application.ports.media_providers import WAV, WEBVTT, MediaFile, MediaResult, Narrator
from domain.lesson_script import LessonScript
from domain.slide_timing import narration_sections
from domain.webvtt import format_webvtt
from infrastructure.media.caption_builder import SpokenText, build_captions
from infrastructure.media.mp3_encoder import MP3, Mp3Encoder
from infrastructure.media.wav_format import encode_wav
from infrastructure.pricing.price_table import PriceTable
from infrastructure.resilience.resilient_caller import ResilientCaller
from infrastructure.vertex.safety import raise_if_blocked, safety_settings
from infrastructure.vertex.speech_timing import estimated_events
from infrastructure.vertex.usage_costs import token_lines

LANGUAGE_CODES = {"en": "en-US", "es": "es-US", "fr": "fr-FR", "de": "de-DE", "pt": "pt-BR", "it": "it-IT"}
_RATE = re.compile(r"rate=(\d+)")


def _pcm(response: types.GenerateContentResponse) -> tuple[bytes, int]:
    """The 16-bit PCM and its sample rate from the answer's audio part."""
    candidate = raise_if_blocked(response)
    parts = candidate.content.parts if candidate.content and candidate.content.parts else []
    audio = next((p.inline_data for p in parts if p.inline_data and p.inline_data.data), None)
    if audio is None or audio.data is None:
        raise UpstreamError("malformed_response", "the speech answer has no audio", retryable=True)
    rate = _RATE.search(audio.mime_type or "")
    if not (audio.mime_type or "").startswith("audio/L16") or rate is None or len(audio.data) % 2:
        raise UpstreamError("malformed_response", f"unexpected audio format {audio.mime_type!r}", retryable=True)
    return audio.data, int(rate.group(1))


class GeminiNarrator(Narrator):
    """Speaks each narration section with `voice`; captions from the sections' exact durations; an MP3 copy
    with an encoder. Costs are the reported text and audio tokens."""

    def __init__(self, client: genai.Client, caller: ResilientCaller, model: str, voice: str, prices: PriceTable,
                 encoder: Mp3Encoder | None = None) -> None:
        self._client = client
        self._caller = caller
        self._model = model
        self._voice = voice
        self._prices = prices
        self._encoder = encoder

    async def narrate(self, script: LessonScript, language: str) -> MediaResult:
        """narration.wav, narration.mp3 (with an encoder) and captions.vtt."""
        sections = narration_sections(script.narration)
        if not sections:
            raise StageFailed("empty_narration", "the script has no narration to speak", retryable=False)
        voice = types.VoiceConfig(prebuilt_voice_config=types.PrebuiltVoiceConfig(voice_name=self._voice))
        config = types.GenerateContentConfig(
            response_modalities=["AUDIO"], safety_settings=safety_settings(),
            speech_config=types.SpeechConfig(voice_config=voice,
                                             language_code=LANGUAGE_CODES.get(language.split("-")[0].lower())))
        deadline = self._caller.deadline()
        pcm, rates, durations, usage = bytearray(), set(), [], []
        for section in sections:
            response = await self._caller.call(
                lambda section=section: self._client.aio.models.generate_content(  # type: ignore[misc]
                    model=self._model, contents=section, config=config),
                deadline)
            data, rate = _pcm(response)
            pcm += data
            rates.add(rate)
            durations.append(len(data) // 2 * 1000 // rate)
            usage.append(response.usage_metadata)
        if len(rates) != 1 or not pcm:
            raise UpstreamError("malformed_response", f"speech came back at sample rates {sorted(rates)}",
                                retryable=True)
        spoken = SpokenText.join(sections)
        wav = encode_wav(bytes(pcm), rates.pop())
        captions = build_captions(spoken, estimated_events(spoken, durations), sum(durations))
        files = [MediaFile("narration.wav", WAV, wav)]
        if self._encoder is not None:
            files.append(MediaFile("narration.mp3", MP3, await self._encoder.encode(wav)))
        files.append(MediaFile("captions.vtt", WEBVTT, format_webvtt(captions).encode("utf-8")))
        lines = token_lines(self._prices, "narrate", usage, "gemini_tts_input_token", "gemini_tts_output_token")
        return MediaResult(tuple(files), lines)
