"""The generators container: the providers behind the generative ports (offline by default)."""

from dependency_injector import containers, providers

from domain.modality import Modality
from infrastructure.config.local_llm_settings import LocalLlmSettings
from infrastructure.config.settings import MediaSettings, ProviderSettings, VertexSettings
from infrastructure.container.local_llm import LocalLlm
from infrastructure.container.vertex import Vertex
from infrastructure.grounding_check.hybrid_support_scorer import HybridSupportScorer
from infrastructure.local_llm.stage_providers import local_stage_providers
from infrastructure.media.espeak_narrator import EspeakNarrator
from infrastructure.media.ffmpeg_runner import FfmpegRunner
from infrastructure.media.ffmpeg_video_renderer import FfmpegVideoRenderer
from infrastructure.media.mp3_encoder import Mp3Encoder
from infrastructure.media.pillow_illustrator import PillowIllustrator
from infrastructure.offline.keyword_content_screen import KeywordContentScreen
from infrastructure.offline.offline_script_writer import OfflineScriptWriter
from infrastructure.offline.stage_providers import offline_stage_providers
from infrastructure.resilience.circuit_breakers import BreakerBoard
from infrastructure.vertex.stage_providers import vertex_stage_providers


class Generators(containers.DeclarativeContainer):
    """Offline, $0 providers; Vertex AI ones for the script, narration and slides when
    LESSONSMITH_PROVIDERS=vertex; or a local model's script (everything else offline) when it is `local`.
    `available_modalities` lists the modalities that have a provider.

    The passage index and the query classifier are the grounding container's (embeddings over the corpus).
    """

    media_settings = providers.Dependency(instance_of=MediaSettings)
    provider_settings = providers.Dependency(instance_of=ProviderSettings)
    vertex_settings = providers.Dependency(instance_of=VertexSettings)
    local_llm_settings = providers.Dependency(instance_of=LocalLlmSettings)
    grounding = providers.DependenciesContainer()

    passage_index = grounding.passage_index
    unit_library = grounding.unit_library
    classifier = grounding.classifier
    screen = providers.Singleton(KeywordContentScreen)
    support_scorer = providers.Singleton(HybridSupportScorer, grounding.embedder)
    ffmpeg = providers.Singleton(FfmpegRunner, timeout_s=media_settings.provided.ffmpeg_timeout_seconds,
                                 threads=media_settings.provided.ffmpeg_threads)
    mp3_encoder = providers.Singleton(Mp3Encoder, ffmpeg)
    breakers = providers.Dependency(instance_of=BreakerBoard)
    upstream_health = breakers
    vertex = providers.Container(Vertex, settings=vertex_settings, mp3_encoder=mp3_encoder, breakers=breakers)
    local_llm = providers.Container(LocalLlm, settings=local_llm_settings, breakers=breakers)
    script_writer = providers.Selector(
        provider_settings.provided.providers,
        offline=providers.Singleton(OfflineScriptWriter),
        vertex=vertex.script_writer,
        local=local_llm.script_writer)
    offline_narrator = providers.Singleton(EspeakNarrator, media_settings.provided.speech_rate_wpm, mp3_encoder)
    narrator = providers.Selector(
        provider_settings.provided.providers, offline=offline_narrator, local=offline_narrator,
        vertex=vertex.narrator)
    offline_illustrator = providers.Singleton(PillowIllustrator)
    illustrator = providers.Selector(
        provider_settings.provided.providers, offline=offline_illustrator, local=offline_illustrator,
        vertex=vertex.illustrator)
    video_renderer = providers.Singleton(FfmpegVideoRenderer, ffmpeg, fps=media_settings.provided.video_fps,
                                         preset=media_settings.provided.video_preset)
    available_modalities = providers.Object(frozenset(Modality))
    stage_providers = providers.Selector(
        provider_settings.provided.providers, offline=providers.Singleton(offline_stage_providers),
        vertex=providers.Singleton(vertex_stage_providers), local=providers.Singleton(local_stage_providers))
