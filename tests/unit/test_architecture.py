"""The layer rules of DESIGN §2, enforced by import-linter over the real source tree."""

import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

pytestmark = pytest.mark.req("RDS-037")
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_contracts_name_the_four_layers_inwards_and_forbid_frameworks_in_the_core() -> None:
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    by_type = {c["type"]: c for c in contracts}
    assert by_type["layers"]["layers"] == ["presentation", "infrastructure", "application", "domain"]
    assert set(by_type["forbidden"]["source_modules"]) == {"domain", "application"}
    assert {"sqlalchemy", "litestar", "msgspec", "redis", "google"} <= set(by_type["forbidden"]["forbidden_modules"])


def test_the_source_tree_keeps_every_contract() -> None:
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0
