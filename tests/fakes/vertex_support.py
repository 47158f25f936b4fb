"""Vertex settings and adapters pointed at the local fake, and a lesson brief to write from."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from application.ports.script_writer import ScriptBrief
from domain.grade_level import GradeLevel
from domain.interest import Interest
from domain.passage import ScoredPassage
from domain.understanding import Understanding
from infrastructure.config.settings import (
    AppSettings,
    ArtifactSettings,
    AuthSettings,
    DatabaseSettings,
    HomeSettings,
    LimitSettings,
    ProviderSettings,
    QueueSettings,
    VertexSettings,
)
from tests.fakes.vertex_fake import VertexFake
from tests.unit.offline.builtin_catalogue import load_builtin_catalogue

FAKE_TOKEN = "fake-bearer-token"
PASSAGE_IDS = ("sci-35-photosynthesis", "sci-35-food-chains", "sci-k2-plant-needs")


def fake_settings(base_url: str, **overrides: object) -> VertexSettings:
    """Settings that reach the fake: static token, quick backoff, short timeouts."""
    values: dict[str, object] = {
        "vertex_project": "test-project", "vertex_location": "us-central1", "vertex_base_url": base_url,
        "vertex_access_token": FAKE_TOKEN, "vertex_request_timeout_seconds": 2.0,
        "vertex_stage_deadline_seconds": 30.0, "vertex_backoff_initial_seconds": 0.01,
        "vertex_backoff_max_seconds": 0.05, "vertex_breaker_failures": 50, "vertex_breaker_reset_seconds": 1.0,
        "vertex_embedding_dimension": 16,
    }
    values.update(overrides)
    return VertexSettings.model_validate(values)


def profile_settings(home: Path, vertex: VertexSettings, providers: str = "offline",
                     embedder: str = "minilm") -> AppSettings:
    """The embedded profile in `home` (SQLite, local artifacts) with these providers, embedder and Vertex settings."""
    return AppSettings(home=HomeSettings(home=home), database=DatabaseSettings(), queue=QueueSettings(),
                       artifacts=ArtifactSettings(artifacts=str(home / "artifacts")),
                       auth=AuthSettings(jwt_secret="s" * 40),
                       providers=ProviderSettings(providers=providers, embedder=embedder), limits=LimitSettings(),
                       vertex=vertex)


@contextmanager
def running_fake() -> Iterator[VertexFake]:
    """A started fake, stopped afterwards."""
    fake = VertexFake().start()
    try:
        yield fake
    finally:
        fake.stop()


def a_brief(question: str = "How do plants make food?", interest: str | None = "soccer") -> ScriptBrief:
    """A grade-4 science brief over three built-in passages."""
    by_id = {p.id: p for p in load_builtin_catalogue().passages}
    passages = tuple(ScoredPassage(by_id[pid], 1.0 - 0.1 * i) for i, pid in enumerate(PASSAGE_IDS))
    understanding = Understanding(normalized_query=question, subject="science", topic="photosynthesis",
                                  intent="explain")
    return ScriptBrief(understanding=understanding, grade=GradeLevel(4),
                       interest=Interest(interest) if interest else None, passages=passages)
