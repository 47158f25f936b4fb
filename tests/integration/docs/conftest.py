"""A temporary copy of the repository (src, docs, tests, the root Markdown files) and its code facts."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from infrastructure.docs.code_facts import CodeFacts
from infrastructure.docs.generator import regenerate_docs
from presentation.cli.docs_facts import collect_facts

REPO = Path(__file__).resolve().parents[3]
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CodeFacts]:
    """One regenerated copy per test module, and the facts of its code (read in a child interpreter)."""
    root = tmp_path_factory.mktemp("repo")
    for folder in ("src", "docs", "tests"):
        shutil.copytree(REPO / folder, root / folder, ignore=IGNORED)
    for doc in REPO.glob("*.md"):
        shutil.copy2(doc, root / doc.name)
    facts = collect_facts(root)
    regenerate_docs(root, facts)
    return root, facts


@pytest.fixture
def repo_copy(pristine: tuple[Path, CodeFacts], tmp_path: Path) -> Callable[[], Path]:
    """A fresh copy of the pristine copy for one test to change."""
    def copy() -> Path:
        root = tmp_path / "repo"
        shutil.copytree(pristine[0], root, ignore=IGNORED)
        return root
    return copy
