"""Schemathesis against the app's own OpenAPI document, in-process over ASGI, with valid tokens and every check.

Every documented operation gets MAX_EXAMPLES positive and MAX_EXAMPLES negative generated cases; a
server error or a response that breaks the document fails the test. The totals are a SECURITY figure.
"""

from collections import Counter
from typing import Any

import pytest
import schemathesis
from dependency_injector import providers
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from application.use_cases.create_user import CreateUserCommand
from domain.user import User
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.http.app import create_app
from tests.e2e.conftest import PASSWORD, enrol
from tests.e2e.security.conftest import USERS, fast_hasher, security_settings
from tests.e2e.security.figures import report

pytestmark = pytest.mark.req("RDS-055", "RDS-032")

MAX_EXAMPLES = 150


class Fuzzer:
    """Runs schemathesis's generated cases for one operation at a time and counts what happened."""

    def __init__(self, container: ApplicationContainer, users: dict[str, User]) -> None:
        self.container = container
        self.users = users
        self.tally: Counter[str] = Counter()
        self.per_operation: Counter[str] = Counter()
        self.failures: list[str] = []

    def headers(self, case: Case) -> dict[str, str]:
        """A valid token for a user who may call the operation (logout gets a fresh one: it revokes it)."""
        user = "tess" if case.path.startswith("/api/v1/classes") else "alice"
        token = self.container.gateways.token_issuer().issue(self.users[user]).access_token
        return {"Authorization": f"Bearer {token}"}

    def check(self, case: Case) -> None:
        """One case: call the app, count server errors, run every check."""
        self.tally["cases"] += 1
        self.per_operation[f"{case.method} {case.path}"] += 1
        headers = self.headers(case)
        response = case.call(headers=headers)
        self.tally[f"status {response.status_code}"] += 1
        if response.status_code >= 500:
            self.tally["server_errors"] += 1
        # A cursor is opaque: one the server did not issue is refused (400) however well-formed it looks.
        excluded = [positive_data_acceptance] if "cursor" in (case.query or {}) else []
        if response.status_code == 422 and "422" in case.operation.definition.raw.get("responses", {}):
            excluded = [positive_data_acceptance]  # a documented "understood but not possible" answer
        if response.status_code == 413 and "413" in case.operation.definition.raw.get("responses", {}):
            excluded = [*excluded, negative_data_rejection]  # an oversized body refused as the route documents
        if case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER):
            # A negative header is the missing token, which `headers()` above supplies again: no longer negative.
            excluded = [*excluded, negative_data_rejection]
        try:
            case.validate_response(response, headers=headers, excluded_checks=excluded)
        except Exception:
            self.tally["violations"] += 1
            raise

    def fuzz(self, operation: Any, mode: GenerationMode) -> None:
        """MAX_EXAMPLES cases of one mode; a mode that cannot produce any case (nothing to break) is skipped."""

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: Case) -> None:
            self.check(case)

        try:
            run()
        except Unsatisfiable:
            self.tally["unsatisfiable"] += 1
        except Exception as error:
            self.failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}): {error}"[:3000])


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Fuzzer]:
    """The OpenAPI schema loaded from the running app and a fuzzer (schemathesis starts the app's lifespan
    on its own event-loop thread and ends it when the process exits)."""
    container = build_container(security_settings(tmp_path_factory.mktemp("schemathesis")))
    container.gateways.hasher.override(providers.Object(fast_hasher()))
    users: dict[str, User] = {}

    async def populate(started: ApplicationContainer) -> None:
        for name, role in USERS.items():
            created = await started.use_cases.create_user().execute(
                CreateUserCommand(username=name, role=role, password=PASSWORD))
            users[name] = created.user
        await enrol(started, "tess", "alice")

    app = create_app(container, run_workers=False, on_started=populate)
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app)
    return schema, Fuzzer(container, users)


def test_no_server_error_and_no_schema_violation(fuzzer: tuple[Any, Fuzzer]) -> None:
    schema, run = fuzzer
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run.fuzz(operation, mode)
    tally = run.tally
    statuses = {k: v for k, v in sorted(tally.items()) if k.startswith("status")}
    fewest = min(run.per_operation.values(), default=0)
    report(f"schemathesis: {tally['cases']} cases over {len(operations)} operations "
           f"({fewest}-{max(run.per_operation.values(), default=0)} per operation), {tally['server_errors']} "
           f"server errors, {tally['violations']} check failures (schema violations included); {statuses}")
    assert run.failures == [], "\n\n".join(run.failures)
    assert tally["server_errors"] == 0
    assert len(run.per_operation) == len(operations) and fewest >= 1
    takes_input = [op for op in operations if {"parameters", "requestBody"} & set(op.definition.raw)]
    assert all(run.per_operation[f"{op.method.upper()} {op.path}"] >= MAX_EXAMPLES for op in takes_input)
