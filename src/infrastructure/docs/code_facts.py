"""Facts read from the running code, in a form that crosses a process boundary as JSON."""

from dataclasses import dataclass

import msgspec


@dataclass(frozen=True, slots=True)
class PortFact:
    """A Protocol in application.ports and the infrastructure classes that subclass it (qualified names)."""

    name: str
    module: str
    adapters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TransitionFact:
    """One edge of the lesson lifecycle: `source --event--> target`."""

    source: str
    event: str
    target: str


@dataclass(frozen=True, slots=True)
class LifecycleFact:
    """The lifecycle: the status a request starts in, the terminal statuses, every allowed transition."""

    initial: str
    terminal: tuple[str, ...]
    transitions: tuple[TransitionFact, ...]


@dataclass(frozen=True, slots=True)
class ColumnFact:
    """A table column: name, portable type, length, nullability and key."""

    name: str
    type: str
    length: int | None
    nullable: bool
    primary_key: bool
    references: str | None


@dataclass(frozen=True, slots=True)
class TableFact:
    """A table, its columns in order, its unique constraints and indexes (each `name(col, ...)`)."""

    name: str
    columns: tuple[ColumnFact, ...]
    unique: tuple[str, ...]
    indexes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RouteFact:
    """One operation of the OpenAPI document."""

    method: str
    path: str
    operation_id: str
    public: bool
    statuses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CodeFacts:
    """Everything the generated sections need from importing the code."""

    ports: tuple[PortFact, ...]
    lifecycle: LifecycleFact
    tables: tuple[TableFact, ...]
    routes: tuple[RouteFact, ...]


def encode_facts(facts: CodeFacts) -> bytes:
    """JSON for the facts."""
    return msgspec.json.encode(facts)


def decode_facts(data: bytes) -> CodeFacts:
    """The facts back from JSON; msgspec.ValidationError when the shape is wrong."""
    return msgspec.json.decode(data, type=CodeFacts)
