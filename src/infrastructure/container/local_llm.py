"""The local-model container (LESSONSMITH_PROVIDERS=local): one chat client, a resilient caller, the writer;
and the start-up check of its settings."""

from urllib.parse import urlsplit

from dependency_injector import containers, providers

from infrastructure.config.local_llm_settings import LocalLlmSettings
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.local_llm.chat_client import ChatCompletionsClient
from infrastructure.local_llm.errors import translate_local_error
from infrastructure.local_llm.local_llm_script_writer import LocalLlmScriptWriter
from infrastructure.resilience.circuit_breakers import BreakerBoard
from infrastructure.resilience.resilient_caller import ResilientCaller
from infrastructure.resilience.retry_policy import RetryPolicy

EXAMPLE_URL = "http://127.0.0.1:11434/v1"


def check_local_llm(settings: LocalLlmSettings) -> None:
    """ConfigurationError naming the missing or unusable setting: the URL (http or https, with a host) and the
    model are required."""
    missing = [name for name, value in (("LESSONSMITH_LOCAL_LLM_URL", settings.local_llm_url),
                                        ("LESSONSMITH_LOCAL_LLM_MODEL", settings.local_llm_model)) if not value.strip()]
    if missing:
        raise ConfigurationError(f"LESSONSMITH_PROVIDERS=local needs {' and '.join(missing)}: the base URL of an "
                                 f"OpenAI-compatible server (Ollama: {EXAMPLE_URL}) and the model it serves")
    url = urlsplit(settings.local_llm_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigurationError(f"LESSONSMITH_LOCAL_LLM_URL={settings.local_llm_url!r} is not an http(s) URL "
                                 f"such as {EXAMPLE_URL}")


def local_policy(settings: LocalLlmSettings) -> RetryPolicy:
    """Attempts, backoff and time limits from the settings."""
    return RetryPolicy(max_attempts=settings.local_llm_max_attempts,
                       backoff_initial_s=settings.local_llm_backoff_initial_seconds,
                       backoff_max_s=settings.local_llm_backoff_max_seconds,
                       request_timeout_s=settings.local_llm_request_timeout_seconds,
                       stage_deadline_s=settings.local_llm_stage_deadline_seconds)


def local_caller(settings: LocalLlmSettings, board: BreakerBoard) -> ResilientCaller:
    """The caller for the model: its own upstream (`local/<model>`) with its own breaker."""
    return ResilientCaller(f"local/{settings.local_llm_model}", board, local_policy(settings), translate_local_error)


class LocalLlm(containers.DeclarativeContainer):
    """Built only when LESSONSMITH_PROVIDERS=local selects the writer (nothing connects before a call)."""

    settings = providers.Dependency(instance_of=LocalLlmSettings)
    breakers = providers.Dependency(instance_of=BreakerBoard)

    client = providers.Singleton(ChatCompletionsClient, settings.provided.local_llm_url,
                                 settings.provided.local_llm_api_key,
                                 settings.provided.local_llm_request_timeout_seconds)
    script_writer = providers.Singleton(
        LocalLlmScriptWriter, client, providers.Singleton(local_caller, settings, breakers),
        settings.provided.local_llm_model,
        max_tokens=settings.provided.local_llm_max_tokens, temperature=settings.provided.local_llm_temperature,
        invalid_retries=settings.provided.local_llm_invalid_output_retries)
