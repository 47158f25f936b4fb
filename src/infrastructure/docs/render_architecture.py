"""Generated architecture sections: the module map, the ports with their adapters, the component diagram."""

from infrastructure.docs.code_facts import PortFact
from infrastructure.docs.coverage_figures import SNAPSHOT, CoverageFigures
from infrastructure.docs.source_tree import Module, median_python_lines


def _short(path: str, folder: str) -> str:
    return path[len(folder) + 1:] if path.startswith(folder + "/") else path


def render_module_map(modules: tuple[Module, ...], coverage: CoverageFigures | None) -> str:
    """One row per module: Python files, lines, largest file, estimated tokens, branch coverage (snapshot)."""
    rows = ["| module | .py files | lines | largest file (lines) | tokens ≈ | coverage |",
            "|---|---:|---:|---|---:|---:|"]
    for module in modules:
        largest = module.largest
        biggest = f"`{_short(largest.path, module.folder)}` ({largest.lines})" if largest else "–"
        figure = coverage.modules.get(module.name) if coverage else None
        shown = f"{figure.percent:.1f} %" if figure is not None else "–"
        rows.append(f"| `{module.name}` | {len(module.python_files)} | {module.lines:,} | {biggest} | "
                    f"{module.tokens:,} | {shown} |")
    files = [f for m in modules for f in m.python_files]
    largest_file = max(sorted(files, key=lambda f: f.path), key=lambda f: f.lines, default=None)
    total = f"{coverage.total:.1f} % (`{SNAPSHOT}`)" if coverage else f"no snapshot yet (`{SNAPSHOT}`)"
    rows += ["", f"{len(files)} Python files, {sum(f.lines for f in files):,} lines; median non-empty file "
             f"{median_python_lines(modules):g} lines; largest `{largest_file.path if largest_file else '–'}` "
             f"({largest_file.lines if largest_file else 0} lines). Branch coverage overall: {total}."]
    return "\n".join(rows)


def _adapter_cell(adapters: tuple[str, ...]) -> str:
    if not adapters:
        return "– (no adapter yet)"
    return "<br>".join(f"`{a.rsplit('.', 1)[1]}` (`{a.rsplit('.', 2)[0].replace('.', '/')}`)" for a in adapters)


def render_ports_table(ports: tuple[PortFact, ...]) -> str:
    """Each port with its file and the adapters that subclass it."""
    rows = ["| port (Protocol) | file | adapters |", "|---|---|---|"]
    rows += [f"| `{p.name}` | `src/{p.module.replace('.', '/')}.py` | {_adapter_cell(p.adapters)} |" for p in ports]
    return "\n".join(rows)


def render_component_diagram(ports: tuple[PortFact, ...]) -> str:
    """A Mermaid flowchart: entry points → use cases → ports ← adapters, adapters grouped by package."""
    lines = ["```mermaid", "flowchart LR", "    subgraph presentation", "        http[HTTP API]", "        cli[CLI]",
             "        worker[Worker pool]", "    end", "    subgraph application",
             "        core[Use cases and stage handlers]", '        subgraph ports["ports (Protocols)"]']
    lines += [f"            P_{p.name}{{{{{p.name}}}}}" for p in ports]
    lines += ["        end", "    end"]
    packages: dict[str, list[str]] = {}
    for adapter in sorted({a for p in ports for a in p.adapters}):
        package, name = adapter.rsplit(".", 2)[0].removeprefix("infrastructure."), adapter.rsplit(".", 1)[1]
        packages.setdefault(package, []).append(name)
    for package, names in sorted(packages.items()):
        label = "infrastructure/" + package.replace(".", "/")
        lines.append(f'    subgraph pkg_{package.replace(".", "_")}["{label}"]')
        lines += [f"        A_{name}[{name}]" for name in names]
        lines.append("    end")
    lines += ["    http & cli & worker --> core", "    core --> ports"]
    lines += [f"    A_{a.rsplit('.', 1)[1]} -. implements .-> P_{p.name}" for p in ports for a in p.adapters]
    lines.append("```")
    return "\n".join(lines)
