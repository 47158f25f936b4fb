"""Settings, grouped per adapter, from LESSONSMITH_* environment variables and an optional .env file."""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from infrastructure.config.local_llm_settings import LocalLlmSettings

_COMMON = SettingsConfigDict(env_prefix="LESSONSMITH_", env_file=".env", extra="ignore")


class HomeSettings(BaseSettings):
    """Where embedded state lives (SQLite file, artifacts, generated JWT secret)."""

    model_config = _COMMON
    home: Path = Path("./var")


class DatabaseSettings(BaseSettings):
    """The source of truth; empty means SQLite under the home folder."""

    model_config = _COMMON
    database_url: str = ""


class QueueSettings(BaseSettings):
    """The doorbell, the leases and the in-process workers."""

    model_config = _COMMON
    redis_url: str = ""
    redis_prefix: str = "lessonsmith"
    worker_concurrency: int = Field(default=2, ge=1, le=64)
    lease_seconds: float = Field(default=60.0, gt=0)
    heartbeat_seconds: float = Field(default=15.0, gt=0)
    max_deliveries: int = Field(default=3, ge=1)
    reconcile_seconds: float = Field(default=10.0, gt=0)
    stale_queued_seconds: float = Field(default=30.0, gt=0)
    embedded_workers: bool = True


class ArtifactSettings(BaseSettings):
    """Where artifacts go: empty for a local folder under home, or gs://bucket/prefix."""

    model_config = _COMMON
    artifacts: str = ""


class AuthSettings(BaseSettings):
    """Token signing; an empty secret in the embedded profile is generated once into the home folder."""

    model_config = _COMMON
    jwt_secret: str = ""
    token_ttl_seconds: int = Field(default=900, ge=60, le=86_400)
    jwt_issuer: str = "lessonsmith"
    jwt_audience: str = "lessonsmith-api"

    @field_validator("jwt_secret")
    @classmethod
    def _long_enough(cls, value: str) -> str:
        if value and len(value) < 32:
            raise ValueError("LESSONSMITH_JWT_SECRET must be at least 32 characters")
        return value


class ProviderSettings(BaseSettings):
    """Generative providers: offline (default), vertex, or local (the script from a local model, see
    LocalLlmSettings; every other stage offline); the embedding model: minilm (default) or vertex.

    The embedder is its own setting because the stored corpus vectors belong to it: switching it means
    re-embedding the corpus (`lessonsmith corpus ingest`)."""

    model_config = _COMMON
    providers: str = "offline"
    embedder: str = "minilm"


class LimitSettings(BaseSettings):
    """Per-user limits and login throttling; 0 means unlimited."""

    model_config = _COMMON
    rate_limit_per_minute: int = Field(default=30, ge=0)
    daily_lesson_quota: int = Field(default=200, ge=0)
    daily_budget_usd: Decimal = Field(default=Decimal("5.00"), ge=0, le=1_000_000)
    login_failures_per_username: int = Field(default=5, ge=0)
    login_failures_per_address: int = Field(default=20, ge=0)
    login_window_seconds: int = Field(default=900, ge=1, le=86_400)


class FaultSettings(BaseSettings):
    """Fault drills only: make one stage a slow fake upstream and journal its calls. Off by default."""

    model_config = _COMMON
    simulated_upstream_ms: int = Field(default=0, ge=0, le=600_000)
    simulated_upstream_stage: str = "write"
    simulated_upstream_journal: str = ""


class MediaSettings(BaseSettings):
    """The offline media engines: speech rate, video frame rate and encoder preset, ffmpeg's limits."""

    model_config = _COMMON
    speech_rate_wpm: int = Field(default=165, ge=80, le=400)
    video_fps: int = Field(default=10, ge=1, le=30)
    video_preset: str = Field(default="veryfast", pattern=r"^(ultrafast|superfast|veryfast|faster|fast|medium)$")
    ffmpeg_threads: int = Field(default=2, ge=1, le=16)
    ffmpeg_timeout_seconds: float = Field(default=300.0, gt=0)


class CorpusSettings(BaseSettings):
    """The curriculum corpus: the folder the embedded profile ingests at start-up (empty: the repository's
    `corpus/` folder, when present), whether it does, and the least coverage score (similarity plus term share) of a
    unit for it to teach a question (calibrated for the default embedder; see the README's coverage figures)."""

    model_config = _COMMON
    corpus_dir: Path | None = None
    corpus_auto_ingest: bool = True
    coverage_min_score: float = Field(default=1.05, ge=0.0, le=2.0)


class ReuseSettings(BaseSettings):
    """Reuse of finished lessons for identical requests, and the versions that make two lessons identical."""

    model_config = _COMMON
    reuse_finished_lessons: bool = True
    model_version: str = "1"
    prompt_version: str = "1"


class VertexSettings(BaseSettings):
    """Gemini on Vertex AI (LESSONSMITH_PROVIDERS=vertex): project, models, and the one layer of resilience."""

    model_config = _COMMON
    vertex_project: str = ""
    vertex_location: str = "us-central1"
    vertex_base_url: str = ""
    vertex_access_token: str = ""
    vertex_script_model: str = "gemini-2.5-flash"
    vertex_embedding_model: str = "text-embedding-005"
    vertex_embedding_dimension: int = Field(default=384, ge=1, le=3072)  # the width of the stored vectors
    vertex_tts_model: str = "gemini-2.5-flash-preview-tts"
    vertex_tts_voice: str = "Kore"
    vertex_image_model: str = "gemini-2.5-flash-image"
    vertex_request_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    vertex_stage_deadline_seconds: float = Field(default=180.0, gt=0, le=3600)
    vertex_max_attempts: int = Field(default=5, ge=1, le=20)
    vertex_backoff_initial_seconds: float = Field(default=0.5, gt=0, le=60)
    vertex_backoff_max_seconds: float = Field(default=10.0, gt=0, le=300)
    vertex_breaker_failures: int = Field(default=5, ge=1, le=1000)
    vertex_breaker_reset_seconds: float = Field(default=30.0, gt=0, le=3600)
    vertex_invalid_output_retries: int = Field(default=2, ge=0, le=5)


class GcsSettings(BaseSettings):
    """Cloud Storage (LESSONSMITH_ARTIFACTS=gs://bucket/prefix): endpoint override and URL signing."""

    model_config = _COMMON
    gcs_project: str = ""
    gcs_endpoint: str = ""
    gcs_anonymous: bool = False
    gcs_signing_key_file: str = ""
    gcs_signed_url_ttl_seconds: int = Field(default=600, ge=1, le=900)


@dataclass(frozen=True, slots=True)
class AppSettings:
    """Every settings group, loaded once at start-up and passed to the container."""

    home: HomeSettings
    database: DatabaseSettings
    queue: QueueSettings
    artifacts: ArtifactSettings
    auth: AuthSettings
    providers: ProviderSettings
    limits: LimitSettings
    faults: FaultSettings = field(default_factory=FaultSettings)
    media: MediaSettings = field(default_factory=MediaSettings)
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    reuse: ReuseSettings = field(default_factory=ReuseSettings)
    vertex: VertexSettings = field(default_factory=VertexSettings)
    gcs: GcsSettings = field(default_factory=GcsSettings)
    local_llm: LocalLlmSettings = field(default_factory=LocalLlmSettings)

    @classmethod
    def load(cls) -> "AppSettings":
        """Read every group from the environment (and .env)."""
        return cls(HomeSettings(), DatabaseSettings(), QueueSettings(), ArtifactSettings(), AuthSettings(),
                   ProviderSettings(), LimitSettings(), faults=FaultSettings(), media=MediaSettings(),
                   corpus=CorpusSettings(), reuse=ReuseSettings(), vertex=VertexSettings(), gcs=GcsSettings(),
                   local_llm=LocalLlmSettings())

    @property
    def database_url(self) -> str:
        """The configured database URL, or the embedded SQLite file."""
        return self.database.database_url or f"sqlite+aiosqlite:///{self.home.home / 'lessonsmith.db'}"

    @property
    def is_embedded(self) -> bool:
        """True when the database is the embedded SQLite file."""
        return self.database_url.startswith("sqlite")
