"""GeminiNarrator, GeminiIllustrator and VertexEmbedder against the Vertex AI fake."""

import io
import math
import re
import wave
from decimal import Decimal

import pytest
from PIL import Image

from application.errors import UpstreamError
from domain.slide_timing import narration_sections
from infrastructure.container.vertex import Vertex, vertex_embedder
from tests.fakes.fake_answers import SPEECH_MS_PER_WORD, SPEECH_RATE
from tests.fakes.vertex_fake import VertexFake
from tests.fakes.vertex_support import a_brief, fake_settings

pytestmark = pytest.mark.req("RDS-036", "RDS-074")


async def _script(vertex: Vertex):  # type: ignore[no-untyped-def]
    return (await vertex.script_writer().write(a_brief())).script


async def test_narration_is_one_speech_request_per_section_with_timed_captions(fake: VertexFake,
                                                                               vertex: Vertex) -> None:
    script = await _script(vertex)
    result = await vertex.narrator().narrate(script, "en")
    files = {f.name: f for f in result.files}
    assert list(files) == ["narration.wav", "narration.mp3", "captions.vtt"]
    sections = narration_sections(script.narration)
    calls = fake.calls_to("gemini-2.5-flash-preview-tts")
    assert [c.text for c in calls] == list(sections)
    speech = calls[0].body["generationConfig"]["speechConfig"]
    assert speech["languageCode"] == "en-US"  # the SDK spells the voice field voice_name (proto JSON takes both)
    assert list(speech["voiceConfig"]["prebuiltVoiceConfig"].values()) == ["Kore"]
    with wave.open(io.BytesIO(files["narration.wav"].data)) as audio:
        assert audio.getframerate() == SPEECH_RATE
        expected = sum(len(s.split()) * SPEECH_MS_PER_WORD for s in sections)
        assert abs(audio.getnframes() * 1000 // SPEECH_RATE - expected) <= len(sections)
    captions = files["captions.vtt"].data.decode()
    assert captions.startswith("WEBVTT")
    first_cue_ms = {}
    for cue_id, timing in re.findall(r"\n(s\d+)-\d+\n(\d\d:\d\d:\d\d\.\d{3}) -->", captions):
        hours, minutes, seconds = timing.split(":")
        first_cue_ms.setdefault(int(cue_id[1:]), round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000))
    section_starts = [sum(len(s.split()) * SPEECH_MS_PER_WORD for s in sections[:i]) for i in range(len(sections))]
    assert first_cue_ms == {i: pytest.approx(start, abs=2) for i, start in enumerate(section_starts)}
    assert {line.unit for line in result.cost_lines} == {"gemini_tts_input_token", "gemini_tts_output_token"}


async def test_slides_are_drawn_with_people_generation_off(fake: VertexFake, vertex: Vertex) -> None:
    script = await _script(vertex)
    result = await vertex.illustrator().illustrate(script, "science")
    assert [f.name for f in result.files] == [f"slide-{n:02d}.png" for n in range(1, len(script.slides) + 1)]
    slide = Image.open(io.BytesIO(result.files[0].data))
    assert slide.size == (1280, 720) and slide.getpixel((640, 360)) != (255, 255, 255)  # scaled up, not a dot
    for call in fake.calls_to("gemini-2.5-flash-image"):
        config = call.body["generationConfig"]
        assert config["responseModalities"] == ["IMAGE"]
        assert config["imageConfig"] == {"aspectRatio": "16:9", "personGeneration": "DONT_ALLOW"}
        assert {s["threshold"] for s in call.body["safetySettings"]} == {"BLOCK_LOW_AND_ABOVE"}
        assert len(call.body["safetySettings"]) == 8
    [line] = result.cost_lines
    slides = len(script.slides)
    assert (line.unit, line.units, line.amount.usd) == ("image", slides, Decimal("0.04") * slides)


async def test_a_blocked_image_fails_without_retry(fake: VertexFake, vertex: Vertex) -> None:
    script = await _script(vertex)
    fake.script("blocked_answer")
    with pytest.raises(UpstreamError) as failure:
        await vertex.illustrator().illustrate(script, "science")
    assert failure.value.code == "safety_blocked" and not failure.value.retryable
    assert len(fake.calls_to("gemini-2.5-flash-image")) == 1


async def test_queries_and_documents_are_embedded_with_their_task_types(fake: VertexFake, vertex: Vertex) -> None:
    embedder = vertex_embedder(fake_settings(fake.base_url), vertex.breakers())
    documents = await embedder.embed_documents([f"passage {n}" for n in range(130)])
    query = await embedder.embed_query("how do plants make food")
    assert len(documents.vectors) == 130 and len(query.vectors) == 1
    assert all(len(v) == 16 and math.isclose(math.fsum(x * x for x in v), 1.0) for v in documents.vectors)
    calls = fake.calls_to("text-embedding-005")
    assert [len(c.body["instances"]) for c in calls] == [100, 30, 1]
    assert {i["task_type"] for c in calls[:2] for i in c.body["instances"]} == {"RETRIEVAL_DOCUMENT"}
    assert calls[2].body["instances"][0]["task_type"] == "RETRIEVAL_QUERY"
    assert calls[0].body["parameters"]["outputDimensionality"] == 16
    [line] = query.cost_lines
    assert (line.unit, line.units) == ("embedding_character", len("how do plants make food"))
