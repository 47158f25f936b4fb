"""The size budgets of DESIGN §10, and the README every feature module must have."""

from pathlib import Path

from infrastructure.docs.problems import Problem
from infrastructure.docs.source_tree import Module

MAX_FILE_LINES = 400
PORT_FILE_LIMIT = 60
MAX_MODULE_TOKENS = 30_000
PORTS_FOLDER = "src/application/ports/"
SECTION = "size budget"


def _is_port_file(path: str) -> bool:
    return path.startswith(PORTS_FOLDER) and "/" not in path[len(PORTS_FOLDER):] and not path.endswith("__init__.py")


def budget_problems(root: Path, modules: tuple[Module, ...]) -> list[Problem]:
    """Files over 400 lines, port files of 60 lines or more, modules of 30k tokens or more, missing READMEs."""
    problems = []
    for module in modules:
        for file in module.python_files:
            if file.lines > MAX_FILE_LINES:
                problems.append(Problem(file.path, SECTION, f"{file.lines} lines; no file may exceed "
                                        f"{MAX_FILE_LINES}: split it into files of one concept each"))
            if _is_port_file(file.path) and file.lines >= PORT_FILE_LIMIT:
                problems.append(Problem(file.path, SECTION, f"{file.lines} lines; a port file stays under "
                                        f"{PORT_FILE_LIMIT}: move helper types out or split the port by role"))
        if module.tokens >= MAX_MODULE_TOKENS:
            problems.append(Problem(module.folder, SECTION, f"about {module.tokens:,} tokens; a module must be "
                                    f"readable alone in under {MAX_MODULE_TOKENS:,}: split it"))
        if module.is_feature and not (root / module.folder / "README.md").is_file():
            problems.append(Problem(f"{module.folder}/README.md", "module readme", "missing: every feature module "
                                    "has a README saying what it does, what it depends on and its contract"))
    return problems
