"""Generated traceability sections: the HTTP routes and the requirement index."""

from collections.abc import Mapping

from infrastructure.docs.code_facts import RouteFact
from infrastructure.docs.requirements import Requirement, github_anchor


def render_routes(routes: tuple[RouteFact, ...]) -> str:
    """The operations of the OpenAPI document: method, path, operationId, token needed, response codes."""
    rows = ["| method | path | operationId | bearer token | responses |", "|---|---|---|---|---|"]
    rows += [f"| `{r.method}` | `{r.path}` | `{r.operation_id}` | {'no' if r.public else 'yes'} | "
             f"{', '.join(r.statuses)} |" for r in routes]
    rows += ["", f"{len(routes)} operations, from the OpenAPI document the app serves at `/schema/openapi.json`."]
    return "\n".join(rows)


def render_requirement_index(requirements: tuple[Requirement, ...], frs_headings: Mapping[str, str],
                             tests_by_id: Mapping[str, tuple[str, ...]]) -> str:
    """Each requirement with its status, its FRS section and the tests that name it."""
    rows = ["| id | requirement | status | FRS | tests |", "|---|---|---|---|---|"]
    for req in requirements:
        heading = frs_headings.get(req.id)
        frs = f"[{req.id}](FRS.md#{github_anchor(heading)})" if heading else "**missing**"
        tests = tests_by_id.get(req.id, ())
        shown = "<br>".join(f"`{t.removeprefix('tests/')}`" for t in tests) or (
            "– (planned)" if req.status == "planned" else "**none**")
        rows.append(f"| {req.id} | {req.title.replace('|', '/')} | {req.status} | {frs} | {shown} |")
    implemented = sum(r.status == "implemented" for r in requirements)
    tested = {t for tests in tests_by_id.values() for t in tests}
    rows += ["", f"{len(requirements)} requirements: {implemented} implemented, "
             f"{len(requirements) - implemented} planned; {len(tested)} tests name at least one."]
    return "\n".join(rows)
