"""The GitHub Actions workflow is valid (check-jsonschema's vendored workflow schema, offline) and runs the
README's test command with PostgreSQL and Redis service containers on the ports the tests use."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.integration.deploy.manifests import ROOT

pytestmark = pytest.mark.req("RDS-069")

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or "check-jsonschema"
    return subprocess.run([tool, "--builtin-schema", "vendor.github-workflows", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)


def test_the_workflow_matches_the_github_workflow_schema(tmp_path: Path) -> None:
    result = _check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps: []\n")
    assert _check(broken).returncode != 0


def test_the_workflow_runs_the_test_command_with_both_services() -> None:
    job = yaml.safe_load(WORKFLOW.read_text())["jobs"]["test"]
    assert job["env"]["CI"] == "true"
    assert any(step.get("run", "").strip() == "bash scripts/test.sh" for step in job["steps"])
    services = job["services"]
    assert services["postgres"]["image"].startswith("postgres:15") and "5432:5432" in services["postgres"]["ports"]
    assert services["postgres"]["env"]["POSTGRES_HOST_AUTH_METHOD"] == "trust"
    assert services["redis"]["image"].startswith("redis:") and "6379:6379" in services["redis"]["ports"]
