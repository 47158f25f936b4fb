"""Generated Mermaid diagrams: the lesson state machine and the data model."""

from infrastructure.docs.code_facts import ColumnFact, LifecycleFact, TableFact


def render_state_machine(lifecycle: LifecycleFact) -> str:
    """A stateDiagram from domain.lesson_lifecycle.TRANSITIONS: start, every edge labelled by its event, ends."""
    lines = ["```mermaid", "stateDiagram-v2", f"    [*] --> {lifecycle.initial}"]
    lines += [f"    {t.source} --> {t.target}: {t.event}" for t in lifecycle.transitions]
    lines += [f"    {status} --> [*]" for status in lifecycle.terminal]
    lines.append("```")
    return "\n".join(lines)


def _attribute(column: ColumnFact, unique: set[str]) -> str:
    keys = [key for key, on in (("PK", column.primary_key), ("FK", column.references is not None),
                                ("UK", column.name in unique)) if on]
    notes = [f"{column.length} chars" if column.length else "", "null" if column.nullable else "not null",
             f"→ {column.references}" if column.references else ""]
    key_text = f" {', '.join(keys)}" if keys else ""
    return f"        {column.type} {column.name}{key_text} \"{', '.join(n for n in notes if n)}\""


def render_data_model(tables: tuple[TableFact, ...]) -> str:
    """An erDiagram from the SQLAlchemy metadata, then each table's unique constraints and indexes."""
    lines = ["```mermaid", "erDiagram"]
    for table in tables:
        single_unique = {u.split("(", 1)[1].rstrip(")") for u in table.unique if "," not in u}
        lines.append(f"    {table.name} {{")
        lines += [_attribute(column, single_unique) for column in table.columns]
        lines.append("    }")
    for table in tables:
        for column in table.columns:
            if column.references:
                lines.append(f"    {column.references.split('.')[0]} ||--o{{ {table.name} : {column.name}")
    lines.append("```")
    for table in tables:
        keys = [f"unique `{u}`" for u in table.unique] + [f"index `{i}`" for i in table.indexes]
        lines.append(f"\n`{table.name}`: " + ("; ".join(keys) if keys else "no secondary keys") + ".")
    return "\n".join(lines)
