"""The feature modules under src/ and their sizes (DESIGN §10).

`domain` is one module; `application`, `infrastructure` and `presentation` have one module per subpackage, plus
a root module for loose files directly in the layer's folder (listed only when it holds code).
"""

import statistics
from dataclasses import dataclass
from pathlib import Path

WHOLE_LAYERS = ("domain",)
SPLIT_LAYERS = ("application", "infrastructure", "presentation")
TEXT_SUFFIXES = frozenset({".py", ".md", ".json", ".mako", ".ini", ".toml", ".txt", ".yaml", ".yml", ".sql"})
SKIPPED_DIRS = frozenset({"__pycache__"})


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One text file: its path from the repository root (POSIX), its lines and characters."""

    path: str
    lines: int
    chars: int

    @property
    def is_python(self) -> bool:
        """True for .py files."""
        return self.path.endswith(".py")


@dataclass(frozen=True, slots=True)
class Module:
    """A feature module (its own folder, needs a README) or a layer's loose root files."""

    name: str
    folder: str
    files: tuple[SourceFile, ...]
    is_feature: bool

    @property
    def python_files(self) -> tuple[SourceFile, ...]:
        """The module's .py files."""
        return tuple(f for f in self.files if f.is_python)

    @property
    def lines(self) -> int:
        """Lines of Python."""
        return sum(f.lines for f in self.python_files)

    @property
    def tokens(self) -> int:
        """Estimated tokens to read every text file of the module: characters / 4."""
        return sum(f.chars for f in self.files) // 4

    @property
    def largest(self) -> SourceFile | None:
        """The longest .py file (first by path on a tie)."""
        return max(sorted(self.python_files, key=lambda f: f.path), key=lambda f: f.lines, default=None)


def _text_files(folder: Path, root: Path, recursive: bool) -> tuple[SourceFile, ...]:
    paths = folder.rglob("*") if recursive else folder.iterdir()
    found = []
    for path in paths:
        relative = path.relative_to(root)
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES or SKIPPED_DIRS & set(relative.parts):
            continue
        text = path.read_text(encoding="utf-8")
        found.append(SourceFile(relative.as_posix(), len(text.splitlines()), len(text)))
    return tuple(sorted(found, key=lambda f: f.path))


def scan_modules(root: Path) -> tuple[Module, ...]:
    """Every module under `root`/src, sorted by name; a layer missing from src is simply absent."""
    src = root / "src"
    modules = [Module(layer, f"src/{layer}", _text_files(src / layer, root, recursive=True), is_feature=True)
               for layer in WHOLE_LAYERS if (src / layer).is_dir()]
    for layer in SPLIT_LAYERS:
        folder = src / layer
        if not folder.is_dir():
            continue
        loose = _text_files(folder, root, recursive=False)
        if any(f.is_python and f.lines for f in loose):
            modules.append(Module(f"{layer} (root files)", f"src/{layer}", loose, is_feature=False))
        for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in SKIPPED_DIRS):
            modules.append(Module(f"{layer}/{sub.name}", f"src/{layer}/{sub.name}",
                                  _text_files(sub, root, recursive=True), is_feature=True))
    return tuple(sorted(modules, key=lambda m: m.name))


def median_python_lines(modules: tuple[Module, ...]) -> float:
    """Median length of the non-empty .py files (empty `__init__.py` files would only drag it down)."""
    lengths = [f.lines for m in modules for f in m.python_files if f.lines]
    return float(statistics.median(lengths)) if lengths else 0.0
