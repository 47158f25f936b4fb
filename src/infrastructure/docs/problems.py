"""What `docs check` found: one problem per line, each naming the file, the section and the fix."""

from dataclasses import dataclass, field


class DocsError(ValueError):
    """The documents cannot be generated at all (a missing file, broken markers); the message says which."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong: where (`path`, `section`), what and how to fix it, and an optional short diff."""

    path: str
    section: str
    message: str
    diff: str = ""

    def render(self) -> str:
        """`path [section]: message`, followed by the diff indented."""
        where = f"{self.path} [{self.section}]" if self.section else self.path
        text = f"{where}: {self.message}"
        if self.diff:
            text += "\n" + "\n".join(f"    {line}" for line in self.diff.splitlines())
        return text


@dataclass(frozen=True, slots=True)
class DocsReport:
    """The outcome of a check: the problems (none means the docs are true) and a summary of what was checked."""

    problems: tuple[Problem, ...]
    summary: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems
