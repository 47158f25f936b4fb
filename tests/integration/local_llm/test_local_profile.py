"""LESSONSMITH_PROVIDERS=local: the start-up check of its two settings, and what the container builds."""

import os
import subprocess
import sys
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
from tests.fakes.local_llm_support import MODEL
from tests.fakes.vertex_support import profile_settings
from tests.hang_guard import HANG_GUARD_S

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


def test_lessonsmith_refuses_to_start_with_a_clear_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LESSONSMITH_")}
    env.update(LESSONSMITH_HOME=str(tmp_path / "home"), LESSONSMITH_PROVIDERS="local",
               LESSONSMITH_LOCAL_LLM_MODEL=MODEL, PYTHONPATH=os.pathsep.join(sys.path))
    started = subprocess.run([sys.executable, "-m", "presentation.cli.main", "serve", "--port", "0"], env=env,
                             cwd=tmp_path, capture_output=True, text=True, timeout=HANG_GUARD_S, check=False)
    assert started.returncode == 1
    assert started.stderr.startswith("lessonsmith: error: LESSONSMITH_PROVIDERS=local needs LESSONSMITH_LOCAL_LLM_URL")
    assert "http://127.0.0.1:11434/v1" in started.stderr and started.stderr.count("\n") == 1


def test_only_the_writer_is_local_and_every_other_stage_offline(tmp_path: Path) -> None:
    container = build_container(_settings(tmp_path, local_llm_url="http://127.0.0.1:11434/v1",
                                          local_llm_model=MODEL))
    generators = container.generators
    assert isinstance(generators.script_writer(), LocalLlmScriptWriter)
    assert isinstance(generators.narrator(), EspeakNarrator)
    assert isinstance(generators.illustrator(), PillowIllustrator)
    assert dict(generators.stage_providers()) == {**offline_stage_providers(), StageName.WRITE: "local"}
