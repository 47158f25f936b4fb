"""eSpeak NG driven through ctypes, from the library and voice data the espeakng-loader package ships.

The library keeps global state: it is initialised once per process (synchronous output), every synthesis
holds one lock, and the callback object stays referenced for the life of the engine.
"""

import ctypes
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, NamedTuple

import espeakng_loader

from application.errors import StageFailed

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_ENDPAUSE = 0x1000
_PARAMETER_RATE = 1
EVENT_LIST_TERMINATED = 0
EVENT_WORD = 1
EVENT_END = 5


class _Event(ctypes.Structure):
    _fields_ = (("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint), ("text_position", ctypes.c_int),
                ("length", ctypes.c_int), ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_void_p))


_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


class SpeechEvent(NamedTuple):
    """A synthesiser event: its kind, where in the text (0-based characters) and when in the audio (ms)."""

    kind: int
    text_start: int
    text_length: int
    audio_ms: int


@dataclass(frozen=True, slots=True)
class Speech:
    """16-bit little-endian mono PCM at `sample_rate`, with the word and sentence events that timed it."""

    pcm: bytes
    sample_rate: int
    events: tuple[SpeechEvent, ...]

    @property
    def duration_ms(self) -> int:
        """Length of the audio in milliseconds."""
        return len(self.pcm) // 2 * 1000 // self.sample_rate


def _unavailable(message: str) -> StageFailed:
    return StageFailed("speech_engine_unavailable", message, retryable=False)


class EspeakEngine:
    """The process-wide eSpeak NG engine; `shared()` initialises it on first use."""

    _instance: ClassVar["EspeakEngine | None"] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self) -> None:
        try:
            self._lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data_parent = str(Path(espeakng_loader.get_data_path()).parent).encode()
        except (OSError, RuntimeError) as error:
            raise _unavailable(f"cannot load eSpeak NG: {error}") from None
        self._lib.espeak_Synth.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                           ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p)
        self.sample_rate = int(self._lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data_parent,
                                                           _INITIALIZE_DONT_EXIT))
        if self.sample_rate <= 0:
            raise _unavailable("eSpeak NG could not initialise (voice data missing?)")
        self._pcm = bytearray()
        self._events: list[SpeechEvent] = []
        self._callback = _Callback(self._collect)
        self._lib.espeak_SetSynthCallback(self._callback)

    @classmethod
    def shared(cls) -> "EspeakEngine":
        """The engine of this process."""
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def _collect(self, wav: "ctypes._Pointer[ctypes.c_short]", count: int,
                 events: "ctypes._Pointer[_Event]") -> int:
        if count > 0:
            self._pcm += ctypes.string_at(wav, count * 2)
        index = 0
        while events[index].type != EVENT_LIST_TERMINATED:
            event = events[index]
            self._events.append(SpeechEvent(event.type, event.text_position - 1, event.length, event.audio_position))
            index += 1
        return 0

    def synthesize(self, text: str, voice: str, words_per_minute: int) -> Speech:
        """Speak `text` with `voice` (blocking; one synthesis at a time in this process)."""
        encoded = text.encode("utf-8")
        with self._lock:
            self._pcm.clear()
            self._events.clear()
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise StageFailed("unsupported_language", f"eSpeak NG has no voice {voice!r}", retryable=False)
            self._lib.espeak_SetParameter(_PARAMETER_RATE, words_per_minute, 0)
            status = self._lib.espeak_Synth(encoded, len(encoded) + 1, 0, _POS_CHARACTER, 0,
                                            _CHARS_UTF8 | _ENDPAUSE, None, None)
            if status != 0 or self._lib.espeak_Synchronize() != 0:
                raise StageFailed("speech_failed", f"eSpeak NG could not speak the narration (status {status})",
                                  retryable=True)
            return Speech(bytes(self._pcm), self.sample_rate, tuple(self._events))
