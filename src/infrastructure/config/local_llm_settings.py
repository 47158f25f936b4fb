"""Settings of a local language model behind an OpenAI-compatible API (LESSONSMITH_PROVIDERS=local)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class LocalLlmSettings(BaseSettings):
    """Where the model server listens (`local_llm_url`, a base URL ending before `/chat/completions`, such as
    Ollama's http://127.0.0.1:11434/v1), which model it serves, and how long and how often to try. Local models
    on a CPU are slow, so the request timeout is generous; `local_llm_api_key` is sent as a bearer token only when
    set (vLLM's and llama.cpp's `--api-key`)."""

    model_config = SettingsConfigDict(env_prefix="LESSONSMITH_", env_file=".env", extra="ignore")
    local_llm_url: str = ""
    local_llm_model: str = ""
    local_llm_api_key: str = ""
    local_llm_max_tokens: int = Field(default=4096, ge=256, le=131_072)
    local_llm_temperature: float = Field(default=0.3, ge=0.0, le=2.0)
    local_llm_request_timeout_seconds: float = Field(default=180.0, gt=0, le=3600)
    local_llm_stage_deadline_seconds: float = Field(default=600.0, gt=0, le=7200)
    local_llm_max_attempts: int = Field(default=3, ge=1, le=20)
    local_llm_backoff_initial_seconds: float = Field(default=0.5, gt=0, le=60)
    local_llm_backoff_max_seconds: float = Field(default=10.0, gt=0, le=300)
    local_llm_invalid_output_retries: int = Field(default=2, ge=0, le=5)
