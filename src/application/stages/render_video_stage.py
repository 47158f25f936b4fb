"""The render_video stage: slides timed to the narration, with its audio, as one MP4."""

from application.errors import StageFailed
from application.ports.media_providers import PNG, WAV, WEBVTT, MediaResult
from application.ports.video_renderer import VideoInput, VideoRenderer
from application.stages.artifact_reader import ArtifactReader
from application.stages.artifact_writer import ArtifactWriter
from application.stages.media_stage import MediaStage
from domain.artifact import Artifact
from domain.errors import DomainError
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript
from domain.modality import Modality
from domain.slide_timing import slide_starts_ms
from domain.stage import StageName
from domain.webvtt import parse_webvtt


def _one(artifacts: tuple[Artifact, ...], content_type: str) -> Artifact:
    found = next((a for a in artifacts if a.content_type == content_type), None)
    if found is None:
        raise StageFailed("missing_input", f"the narrate stage recorded no {content_type} file", retryable=False)
    return found


class RenderVideoStage(MediaStage):
    """Reads the narration (WAV + captions) and slides of the current script from the artifact store,
    times each slide to the caption cue where its narration section starts, and renders the video."""

    stage = StageName.RENDER_VIDEO
    modality = Modality.VIDEO

    def __init__(self, renderer: VideoRenderer, writer: ArtifactWriter, reader: ArtifactReader) -> None:
        super().__init__(writer)
        self._renderer = renderer
        self._reader = reader

    async def produce(self, lesson: LessonRequest, script: LessonScript) -> MediaResult:
        """The MP4."""
        return await self._renderer.render(await self._inputs(lesson, script))

    async def _inputs(self, lesson: LessonRequest, script: LessonScript) -> VideoInput:
        narration = lesson.artifacts_of(StageName.NARRATE)
        wav, vtt = _one(narration, WAV), _one(narration, WEBVTT)
        slides = tuple(a for a in lesson.artifacts_of(StageName.ILLUSTRATE) if a.content_type == PNG)
        if not slides or len(slides) != len(script.slides):
            raise StageFailed("missing_input", f"expected {len(script.slides)} slides from the illustrate stage, "
                              f"found {len(slides)}", retryable=False)
        try:
            captions = parse_webvtt((await self._reader.read(lesson.id, vtt)).decode("utf-8"))
        except (DomainError, UnicodeDecodeError) as error:
            raise StageFailed("bad_captions", f"the stored captions cannot be read: {error}", retryable=False) from None
        starts = slide_starts_ms(script.slides, script.narration, captions.section_starts(), captions.end_ms)
        images = tuple([await self._reader.read(lesson.id, slide) for slide in slides])
        return VideoInput(slides=images, slide_starts_ms=starts, narration_wav=await self._reader.read(lesson.id, wav))

