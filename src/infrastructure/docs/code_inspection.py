"""Reads facts by importing the code: ports and their adapters, the lesson lifecycle, the tables.

Importing connects to nothing (DESIGN §2); migration scripts are skipped because Alembic runs them.
"""

import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from types import ModuleType
from typing import Any

import sqlalchemy as sa

from domain.lesson_lifecycle import TERMINAL_STATUSES, TRANSITIONS, LessonEvent, LessonStatus
from domain.lesson_request import LessonRequest
from infrastructure.docs.code_facts import ColumnFact, LifecycleFact, PortFact, TableFact, TransitionFact
from infrastructure.persistence.tables import metadata

PORTS_PACKAGE = "application.ports"
ADAPTER_PACKAGE = "infrastructure"
SKIPPED_PACKAGES = ("migrations",)


def _modules(package: str) -> list[ModuleType]:
    root = importlib.import_module(package)
    names = sorted(info.name for info in pkgutil.walk_packages(root.__path__, f"{package}.")
                   if not set(info.name.split(".")) & set(SKIPPED_PACKAGES))
    return [root, *(importlib.import_module(name) for name in names)]


def _own_classes(module: ModuleType) -> list[type]:
    return [c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__]


def _is_protocol(cls: type) -> bool:
    return bool(getattr(cls, "_is_protocol", False))


def collect_ports() -> tuple[PortFact, ...]:
    """Each Protocol of application.ports with the infrastructure classes that explicitly subclass it."""
    ports = [c for m in _modules(PORTS_PACKAGE) for c in _own_classes(m) if _is_protocol(c)]
    classes = [c for m in _modules(ADAPTER_PACKAGE) for c in _own_classes(m) if not _is_protocol(c)]
    facts = [PortFact(port.__name__, port.__module__, tuple(sorted(
        f"{c.__module__}.{c.__qualname__}" for c in classes if port in c.__mro__))) for port in ports]
    return tuple(sorted(facts, key=lambda p: p.name))


def collect_lifecycle() -> LifecycleFact:
    """domain.lesson_lifecycle.TRANSITIONS in declaration order of statuses then events."""
    statuses, events = list(LessonStatus), list(LessonEvent)
    edges = sorted(TRANSITIONS.items(), key=lambda e: (statuses.index(e[0][0]), events.index(e[0][1])))
    initial = LessonRequest.__dataclass_fields__["status"].default
    return LifecycleFact(
        initial=str(initial), terminal=tuple(s.value for s in statuses if s in TERMINAL_STATUSES),
        transitions=tuple(TransitionFact(src.value, event.value, dst.value) for (src, event), dst in edges),
    )


def _type_name(column: sa.Column[object]) -> str:
    kind = column.type.impl if isinstance(column.type, sa.TypeDecorator) else column.type
    return type(kind).__name__.lower()


def _column(column: sa.Column[object]) -> ColumnFact:
    foreign = sorted(f"{fk.column.table.name}.{fk.column.name}" for fk in column.foreign_keys)
    return ColumnFact(name=str(column.name), type=_type_name(column), length=getattr(column.type, "length", None),
                      nullable=bool(column.nullable), primary_key=column.primary_key,
                      references=foreign[0] if foreign else None)


def _named(name: object, columns: Iterable[sa.Column[Any]]) -> str:
    return f"{name}({', '.join(c.name for c in columns)})"


def collect_tables() -> tuple[TableFact, ...]:
    """infrastructure.persistence.tables.metadata, tables by name, columns in table order."""
    facts = []
    for table in sorted(metadata.tables.values(), key=lambda t: t.name):
        unique = sorted(_named(c.name, c.columns) for c in table.constraints if isinstance(c, sa.UniqueConstraint))
        indexes = sorted(_named(i.name, i.columns) for i in table.indexes)
        columns = tuple(_column(c) for c in table.columns)
        facts.append(TableFact(str(table.name), columns, tuple(unique), tuple(indexes)))
    return tuple(facts)
