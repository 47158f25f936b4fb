"""Generated sections are rendered from facts alone: same facts, same text."""

import pytest

from domain.lesson_lifecycle import TRANSITIONS
from infrastructure.docs.code_facts import CodeFacts, ColumnFact, PortFact, TableFact, decode_facts, encode_facts
from infrastructure.docs.code_inspection import collect_lifecycle, collect_ports, collect_tables
from infrastructure.docs.openapi_routes import routes_from_openapi
from infrastructure.docs.render_architecture import render_component_diagram, render_ports_table
from infrastructure.docs.render_diagrams import render_data_model, render_state_machine
from infrastructure.docs.render_index import render_requirement_index, render_routes
from infrastructure.docs.requirements import Requirement

pytestmark = pytest.mark.req("RDS-039")
OPENAPI = {
    "security": [{"BearerToken": []}],
    "paths": {
        "/b": {"post": {"operationId": "makeB", "responses": {"201": {}, "401": {}}},
               "get": {"operationId": "readB", "responses": {"200": {}}}},
        "/a": {"get": {"operationId": "readA", "security": [{}], "responses": {"200": {}}}},
    },
}


def test_the_state_machine_has_every_transition_of_the_domain_table() -> None:
    diagram = render_state_machine(collect_lifecycle())
    assert diagram.startswith("```mermaid\nstateDiagram-v2\n    [*] --> queued\n")
    for (source, event), target in TRANSITIONS.items():
        assert f"    {source.value} --> {target.value}: {event.value}\n" in diagram
    assert "    rejected --> [*]" in diagram


def test_routes_come_sorted_with_public_operations_marked() -> None:
    routes = routes_from_openapi(OPENAPI)
    assert [(r.method, r.path, r.public) for r in routes] == [("GET", "/a", True), ("GET", "/b", False),
                                                               ("POST", "/b", False)]
    table = render_routes(routes)
    assert "| `POST` | `/b` | `makeB` | yes | 201, 401 |" in table and table.endswith("3 operations, from the "
                                                                                "OpenAPI document the app "
                                                                                "serves at `/schema/openapi.json`.")


def test_the_data_model_marks_keys_and_draws_foreign_keys() -> None:
    users = TableFact("users", (ColumnFact("id", "uuid", None, False, True, None),
                                ColumnFact("name", "string", 64, False, False, None)), ("uq_users_name(name)",), ())
    notes = TableFact("notes", (ColumnFact("owner", "uuid", None, True, False, "users.id"),), (),
                      ("ix_notes_owner(owner)",))
    diagram = render_data_model((notes, users))
    assert '        uuid id PK "not null"' in diagram and '        string name UK "64 chars, not null"' in diagram
    assert '        uuid owner FK "null, → users.id"' in diagram and "    users ||--o{ notes : owner" in diagram
    assert "`notes`: index `ix_notes_owner(owner)`." in diagram


def test_ports_without_adapters_say_so_and_adapters_join_their_port() -> None:
    ports = (PortFact("Clock", "application.ports.clock", ("infrastructure.system.system_clock.SystemClock",)),
             PortFact("Narrator", "application.ports.media_providers", ()))
    table = render_ports_table(ports)
    assert "| `Narrator` | `src/application/ports/media_providers.py` | – (no adapter yet) |" in table
    diagram = render_component_diagram(ports)
    assert "A_SystemClock -. implements .-> P_Clock" in diagram and 'subgraph pkg_system["infrastructure/system"]' \
        in diagram


def test_the_index_links_frs_sections_and_flags_gaps() -> None:
    requirements = (Requirement("RDS-001", "Ask", "implemented", "RDS-001 — Ask"),
                    Requirement("RDS-002", "Later", "planned", "RDS-002 — Later"))
    index = render_requirement_index(requirements, {"RDS-001": "RDS-001 — Ask"}, {})
    assert "| RDS-001 | Ask | implemented | [RDS-001](FRS.md#rds-001--ask) | **none** |" in index
    assert "| RDS-002 | Later | planned | **missing** | – (planned) |" in index


def test_the_real_code_yields_facts_that_survive_json() -> None:
    ports = {p.name: p for p in collect_ports()}
    assert ports["JobDoorbell"].adapters == ("infrastructure.queue.in_process_doorbell.InProcessDoorbell",
                                             "infrastructure.queue.redis_doorbell.RedisDoorbell")
    assert "Actor" not in ports and ports["Narrator"].module == "application.ports.media_providers"
    facts = CodeFacts(tuple(ports.values()), collect_lifecycle(), collect_tables(), routes_from_openapi(OPENAPI))
    assert decode_facts(encode_facts(facts)) == facts
    names = [t.name for t in facts.tables]
    assert names == sorted(names) and {"lesson_requests", "users"} <= set(names)
