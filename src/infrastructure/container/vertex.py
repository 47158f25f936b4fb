"""The Vertex AI container: one client, a resilient caller per model, the three generative adapters; and the
embedder the grounding container builds on the same breaker board."""

from dependency_injector import containers, providers

from infrastructure.config.settings import VertexSettings
from infrastructure.media.mp3_encoder import Mp3Encoder
from infrastructure.pricing.price_table import PriceTable
from infrastructure.resilience.circuit_breakers import BreakerBoard
from infrastructure.resilience.resilient_caller import ResilientCaller
from infrastructure.resilience.retry_policy import RetryPolicy
from infrastructure.vertex.client import make_genai_client
from infrastructure.vertex.errors import translate_vertex_error
from infrastructure.vertex.gemini_illustrator import GeminiIllustrator
from infrastructure.vertex.gemini_narrator import GeminiNarrator
from infrastructure.vertex.gemini_script_writer import GeminiScriptWriter
from infrastructure.vertex.model_registry import Capability, check_models
from infrastructure.vertex.vertex_embedder import VertexEmbedder


def retry_policy(settings: VertexSettings) -> RetryPolicy:
    """Attempts, backoff and time limits from the settings."""
    return RetryPolicy(max_attempts=settings.vertex_max_attempts,
                       backoff_initial_s=settings.vertex_backoff_initial_seconds,
                       backoff_max_s=settings.vertex_backoff_max_seconds,
                       request_timeout_s=settings.vertex_request_timeout_seconds,
                       stage_deadline_s=settings.vertex_stage_deadline_seconds)


def model_caller(model: str, board: BreakerBoard, policy: RetryPolicy) -> ResilientCaller:
    """The caller for one model: each model endpoint is its own upstream with its own breaker."""
    return ResilientCaller(f"vertex/{model}", board, policy, translate_vertex_error)


def check_vertex_models(settings: VertexSettings) -> None:
    """Refuse to start with an unknown, retired or miscast model (ModelNotUsable names each setting)."""
    check_models({
        "LESSONSMITH_VERTEX_SCRIPT_MODEL": (settings.vertex_script_model, Capability.TEXT),
        "LESSONSMITH_VERTEX_EMBEDDING_MODEL": (settings.vertex_embedding_model, Capability.EMBEDDING),
        "LESSONSMITH_VERTEX_TTS_MODEL": (settings.vertex_tts_model, Capability.SPEECH),
        "LESSONSMITH_VERTEX_IMAGE_MODEL": (settings.vertex_image_model, Capability.IMAGE),
    })


def vertex_embedder(settings: VertexSettings, breakers: BreakerBoard) -> VertexEmbedder:
    """Text embeddings on Vertex AI (the grounding container's embedder when LESSONSMITH_EMBEDDER=vertex)."""
    caller = model_caller(settings.vertex_embedding_model, breakers, retry_policy(settings))
    return VertexEmbedder(make_genai_client(settings), caller, settings.vertex_embedding_model,
                          settings.vertex_embedding_dimension, PriceTable.bundled())


class Vertex(containers.DeclarativeContainer):
    """Built only when LESSONSMITH_PROVIDERS=vertex selects these adapters (nothing connects before a call)."""

    settings = providers.Dependency(instance_of=VertexSettings)
    mp3_encoder = providers.Dependency(instance_of=Mp3Encoder)
    breakers = providers.Dependency(instance_of=BreakerBoard)

    prices = providers.Singleton(PriceTable.bundled)
    client = providers.Singleton(make_genai_client, settings)
    policy = providers.Singleton(retry_policy, settings)
    script_writer = providers.Singleton(
        GeminiScriptWriter, client,
        providers.Singleton(model_caller, settings.provided.vertex_script_model, breakers, policy),
        settings.provided.vertex_script_model, prices, settings.provided.vertex_invalid_output_retries)
    narrator = providers.Singleton(
        GeminiNarrator, client,
        providers.Singleton(model_caller, settings.provided.vertex_tts_model, breakers, policy),
        settings.provided.vertex_tts_model, settings.provided.vertex_tts_voice, prices, mp3_encoder)
    illustrator = providers.Singleton(
        GeminiIllustrator, client,
        providers.Singleton(model_caller, settings.provided.vertex_image_model, breakers, policy),
        settings.provided.vertex_image_model, prices)
