"""Which tests name which requirement: `@pytest.mark.req("RDS-012")`, found by parsing test files (no pytest run)."""

import ast
from dataclasses import dataclass
from pathlib import Path

from infrastructure.docs.problems import Problem
from infrastructure.docs.requirements import REQUIREMENT_ID


@dataclass(frozen=True, slots=True)
class MarkedTest:
    """A test (`path::test`, `path::Class`, or `path` for a module-level `pytestmark`) and the ids it names."""

    node: str
    requirement_ids: tuple[str, ...]


def _is_req_marker(node: ast.Call) -> bool:
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr != "req":
        return False
    owner = func.value
    return (isinstance(owner, ast.Attribute) and owner.attr == "mark") or (
        isinstance(owner, ast.Name) and owner.id == "mark")


class _MarkerFinder(ast.NodeVisitor):
    """Collects req markers, attributed to the innermost enclosing test function or class."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.scope: list[str] = []
        self.found: dict[str, list[str]] = {}
        self.problems: list[Problem] = []

    def _enter(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _enter  # noqa: N815

    def visit_Call(self, node: ast.Call) -> None:
        """Record a req marker's ids; refuse anything but literal, well-formed ids."""
        if _is_req_marker(node):
            where = f"{self.path}:{node.lineno}"
            ids = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if not node.args or len(ids) != len(node.args) or node.keywords:
                self.problems.append(Problem(where, "req marker", "write the ids as literal strings: "
                                             "@pytest.mark.req(\"RDS-012\", ...)"))
            for value in ids:
                if REQUIREMENT_ID.fullmatch(value) is None:
                    self.problems.append(Problem(where, "req marker", f"{value!r} is not an id like 'RDS-012'"))
            node_id = "::".join((self.path, *self.scope))
            self.found.setdefault(node_id, []).extend(v for v in ids if REQUIREMENT_ID.fullmatch(v))
        self.generic_visit(node)


def find_marked_tests(root: Path) -> tuple[tuple[MarkedTest, ...], list[Problem]]:
    """Every marked test under `root`/tests, sorted by node id, and the malformed markers."""
    tests_dir = root / "tests"
    files = sorted({*tests_dir.rglob("test_*.py"), *tests_dir.rglob("*_test.py")}) if tests_dir.is_dir() else []
    marked: list[MarkedTest] = []
    problems: list[Problem] = []
    for file in files:
        relative = file.relative_to(root).as_posix()
        try:
            tree = ast.parse(file.read_text(encoding="utf-8"), filename=relative)
        except SyntaxError as error:
            problems.append(Problem(relative, "req marker", f"cannot parse: {error.msg} (line {error.lineno})"))
            continue
        finder = _MarkerFinder(relative)
        finder.visit(tree)
        problems += finder.problems
        marked += [MarkedTest(node, tuple(sorted(set(ids)))) for node, ids in finder.found.items() if ids]
    return tuple(sorted(marked, key=lambda t: t.node)), problems
