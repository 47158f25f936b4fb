"""LESSONSMITH_PROVIDERS=local: the start-up check of its two settings, and what the container builds."""

from pathlib import Path

import pytest

from domain.stage import StageName
from infrastructure.config.local_llm_settings import LocalLlmSettings
from infrastructure.config.settings import AppSettings, VertexSettings
from infrastructure.container.application import build_container
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.local_llm.local_llm_script_writer import LocalLlmScriptWriter
from infrastructure.media.espeak_narrator import EspeakNarrator
from infrastructure.media.pillow_illustrator import PillowIllustrator
from infrastructure.offline.stage_providers import offline_stage_providers
from presentation.cli.main import main
from tests.fakes.local_llm_support import MODEL
from tests.fakes.vertex_support import profile_settings

pytestmark = pytest.mark.req("RDS-078")


def _settings(tmp_path: Path, **local: object) -> AppSettings:
    base = profile_settings(tmp_path, VertexSettings(), "local")
    return AppSettings(home=base.home, database=base.database, queue=base.queue, artifacts=base.artifacts,
                       auth=base.auth, providers=base.providers, limits=base.limits,
                       local_llm=LocalLlmSettings.model_validate(local))


@pytest.mark.parametrize(("local", "says"), [
    ({}, "LESSONSMITH_PROVIDERS=local needs LESSONSMITH_LOCAL_LLM_URL and LESSONSMITH_LOCAL_LLM_MODEL"),
    ({"local_llm_url": "http://127.0.0.1:11434/v1"}, "needs LESSONSMITH_LOCAL_LLM_MODEL: "),
    ({"local_llm_model": MODEL}, "needs LESSONSMITH_LOCAL_LLM_URL: "),
    ({"local_llm_url": "127.0.0.1:11434", "local_llm_model": MODEL}, "is not an http(s) URL"),
])
def test_the_container_refuses_local_without_a_usable_url_and_model(tmp_path: Path, local: dict[str, object],
                                                                    says: str) -> None:
    with pytest.raises(ConfigurationError) as refused:
        build_container(_settings(tmp_path, **local))
    assert says in str(refused.value)


def test_lessonsmith_refuses_to_start_with_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working folder
    monkeypatch.setenv("LESSONSMITH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LESSONSMITH_PROVIDERS", "local")
    monkeypatch.delenv("LESSONSMITH_LOCAL_LLM_URL", raising=False)
    monkeypatch.setenv("LESSONSMITH_LOCAL_LLM_MODEL", MODEL)
    assert main(["serve", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lessonsmith: error: LESSONSMITH_PROVIDERS=local needs LESSONSMITH_LOCAL_LLM_URL")
    assert "http://127.0.0.1:11434/v1" in err and err.count("\n") == 1


def test_only_the_writer_is_local_and_every_other_stage_offline(tmp_path: Path) -> None:
    container = build_container(_settings(tmp_path, local_llm_url="http://127.0.0.1:11434/v1",
                                          local_llm_model=MODEL))
    generators = container.generators
    assert isinstance(generators.script_writer(), LocalLlmScriptWriter)
    assert isinstance(generators.narrator(), EspeakNarrator)
    assert isinstance(generators.illustrator(), PillowIllustrator)
    assert dict(generators.stage_providers()) == {**offline_stage_providers(), StageName.WRITE: "local"}
