"""Fakes of the media ports: deterministic files, with call counts and what the renderer was given."""

from decimal import Decimal

from application.ports.media_providers import MP4, PNG, WAV, WEBVTT, Illustrator, MediaFile, MediaResult, Narrator
from application.ports.script_writer import ScriptBrief, WrittenScript
from application.ports.video_renderer import VideoInput, VideoRenderer
from domain.captions import CaptionCue, Captions
from domain.cost_ledger import CostKind, CostLine
from domain.lesson_script import LessonScript, LessonSection, QuizItem, Slide
from domain.money import Money
from domain.slide_timing import narration_sections
from domain.webvtt import format_webvtt
from tests.unit.stage_fakes import FakeWriter

SECTION_MS = 2_000


def _spent(stage: str) -> tuple[CostLine, ...]:
    return (CostLine(stage, CostKind.SPENT, Money(0), Decimal(1), "unit"),)


class FakeNarrator(Narrator):
    """Two seconds per narration section, one caption cue per section."""

    def __init__(self) -> None:
        self.calls = 0

    async def narrate(self, script: LessonScript, language: str) -> MediaResult:
        self.calls += 1
        sections = narration_sections(script.narration)
        cues = tuple(CaptionCue(i * SECTION_MS, (i + 1) * SECTION_MS - 100, text, i) for i, text in enumerate(sections))
        files = (MediaFile("narration.wav", WAV, b"RIFF" + script.narration.encode()),
                 MediaFile("captions.vtt", WEBVTT, format_webvtt(Captions(cues)).encode()))
        return MediaResult(files, _spent("narrate"))


class FakeIllustrator(Illustrator):
    """`png-<n>` per slide."""

    def __init__(self) -> None:
        self.calls = 0

    async def illustrate(self, script: LessonScript, subject: str) -> MediaResult:
        self.calls += 1
        files = tuple(MediaFile(f"slide-{n:02d}.png", PNG, f"png-{n}".encode())
                      for n in range(1, len(script.slides) + 1))
        return MediaResult(files, _spent("illustrate"))


class FakeRenderer(VideoRenderer):
    """Remembers every input it was given."""

    def __init__(self) -> None:
        self.inputs: list[VideoInput] = []

    async def render(self, video: VideoInput) -> MediaResult:
        self.inputs.append(video)
        return MediaResult((MediaFile("lesson.mp4", MP4, b"mp4:" + b"".join(video.slides)),), _spent("render_video"))


class SlideshowWriter(FakeWriter):
    """A script of three sections with a title slide and one slide per section (like the offline writer)."""

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        cited = brief.passages[0].passage.id
        bodies = ("Plants catch sunlight with green leaves.", "Roots drink water from the soil.",
                  "Leaves breathe in air through tiny holes.")
        script = LessonScript(
            title="How plants make food", hook="Plants are like tiny kitchens.",
            sections=tuple(LessonSection(f"Part {i}", body, (cited,)) for i, body in enumerate(bodies)),
            worked_example="A leaf in the sun makes sugar.",
            quiz=(QuizItem("What do plants make?", ("sugar", "salt"), "sugar", "They make sugar."),),
            summary="Plants make food from light.",
            narration="\n\n".join(["How plants make food.", "Plants are like tiny kitchens.", *bodies,
                                   "Plants make food from light."]),
            slides=(Slide("How plants make food", ("What we will learn",)),
                    Slide("Sunlight", ("Green leaves catch sunlight",)),
                    Slide("Water", ("Roots drink water from the soil",)),
                    Slide("Air", ("Leaves breathe air through tiny holes",))))
        return WrittenScript(script, ())
