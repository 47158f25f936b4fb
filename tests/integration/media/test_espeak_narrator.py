"""EspeakNarrator with the real eSpeak NG from espeakng-loader and the bundled ffmpeg for the MP3 copy."""

import asyncio
import itertools
import re

import pytest

from application.errors import StageFailed
from domain.lesson_script import LessonScript, Slide
from domain.slide_timing import narration_sections
from domain.webvtt import parse_webvtt
from infrastructure.media.espeak_narrator import EspeakNarrator
from infrastructure.media.ffmpeg_runner import FfmpegRunner
from infrastructure.media.mp3_encoder import Mp3Encoder
from tests.media_probe import probe, read_wav

pytestmark = pytest.mark.req("RDS-015")

NARRATION = ("The Water Cycle.\n\nYou love soccer. Water moves around the Earth like a ball on the field!\n\n"
             "The Sun warms the water in lakes, and it rises into the air as vapour. High up, it cools and "
             "forms clouds; then it falls again as rain or snow.\n\nIn this lesson, we explored the water cycle.")
SCRIPT = LessonScript(title="The Water Cycle", hook="", sections=(), worked_example="", quiz=(), summary="",
                      narration=NARRATION, slides=(Slide("The Water Cycle", ()),))
TIMESTAMP = re.compile(r"^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$", re.MULTILINE)
SILENCE_RMS = 300


@pytest.fixture(scope="module")
def narrated() -> dict[str, bytes]:
    narrator = EspeakNarrator(encoder=Mp3Encoder(FfmpegRunner()))
    result = asyncio.run(narrator.narrate(SCRIPT, "en"))
    assert [line.amount.micros for line in result.cost_lines] == [0]
    return {f.name: f.data for f in result.files}


def _cue_times(document: str) -> list[tuple[float, float]]:
    def seconds(h: str, m: str, s: str, ms: str) -> float:
        return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000
    return [(seconds(*g[:4]), seconds(*g[4:])) for g in TIMESTAMP.findall(document)]


def test_the_speech_is_audible_and_of_a_plausible_length(narrated: dict[str, bytes]) -> None:
    wav = read_wav(narrated["narration.wav"])
    words = len(NARRATION.split())
    assert wav.rate == 22_050
    assert 0.2 * words < wav.seconds < 0.8 * words
    assert wav.rms() > SILENCE_RMS


@pytest.mark.req("RDS-045")
def test_captions_are_timed_forward_within_the_audio_and_cover_every_word(narrated: dict[str, bytes]) -> None:
    document = narrated["captions.vtt"].decode()
    duration = read_wav(narrated["narration.wav"]).seconds
    times = _cue_times(document)
    assert document.startswith("WEBVTT\n") and len(times) >= 6
    assert all(start < end <= duration for start, end in times)
    assert all(a[0] < b[0] and a[1] <= b[0] for a, b in itertools.pairwise(times))
    cues = parse_webvtt(document).cues
    assert " ".join(c.text.replace("\n", " ") for c in cues).split() == NARRATION.split()
    assert {c.section for c in cues} == set(range(len(narration_sections(NARRATION))))


@pytest.mark.req("RDS-045")
def test_each_section_starts_when_the_speech_resumes_after_a_pause(narrated: dict[str, bytes]) -> None:
    wav = read_wav(narrated["narration.wav"])
    starts = parse_webvtt(narrated["captions.vtt"].decode()).section_starts()
    for section in sorted(starts)[1:]:
        at = starts[section] / 1000
        assert wav.rms(at - 0.12, at - 0.02) < wav.rms(at, at + 0.3) / 4, f"section {section} at {at:.3f}s"


def test_the_mp3_copy_is_as_long_as_the_wav_and_ten_times_smaller(narrated: dict[str, bytes]) -> None:
    mp3 = probe(narrated["narration.mp3"])
    assert mp3.streams == [("audio", "mp3")] or mp3.streams == [("audio", "mp3float")]
    assert abs(mp3.seconds - read_wav(narrated["narration.wav"]).seconds) < 0.2
    assert len(narrated["narration.mp3"]) * 5 < len(narrated["narration.wav"])


async def test_concurrent_narrations_take_turns(narrated: dict[str, bytes]) -> None:
    alone = read_wav(narrated["narration.wav"]).seconds
    results = await asyncio.gather(*(EspeakNarrator().narrate(SCRIPT, "en") for _ in range(3)))
    for result in results:
        files = {f.name: f.data for f in result.files}
        assert abs(read_wav(files["narration.wav"]).seconds - alone) < 0.02 * alone  # not mixed with another
        last = parse_webvtt(files["captions.vtt"].decode()).cues[-1]
        assert " ".join(last.text.split()) == "In this lesson, we explored the water cycle."


@pytest.mark.req("RDS-047")
async def test_a_language_without_a_voice_is_refused() -> None:
    with pytest.raises(StageFailed) as refused:
        await EspeakNarrator().narrate(SCRIPT, "fr")
    assert refused.value.code == "unsupported_language" and not refused.value.retryable


@pytest.mark.req("RDS-047")
async def test_a_script_without_narration_is_refused() -> None:
    empty = LessonScript(title="x", hook="", sections=(), worked_example="", quiz=(), summary="", narration=" \n\n ",
                         slides=())
    with pytest.raises(StageFailed) as refused:
        await EspeakNarrator().narrate(empty, "en")
    assert refused.value.code == "empty_narration"
