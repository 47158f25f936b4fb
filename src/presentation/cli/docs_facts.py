"""Code facts for the docs generator, read in a fresh interpreter over a given source tree.

A subprocess lets `docs check` inspect any checkout (a temporary copy in tests) without mixing it with the
modules already imported here. It builds the app on the embedded profile in a throw-away home folder:
nothing under ./var is touched and nothing connects anywhere.
"""

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import msgspec

from infrastructure.config.settings import (
    AppSettings,
    ArtifactSettings,
    AuthSettings,
    DatabaseSettings,
    HomeSettings,
    LimitSettings,
    ProviderSettings,
    QueueSettings,
)
from infrastructure.container.application import build_container
from infrastructure.docs.code_facts import CodeFacts, decode_facts, encode_facts
from infrastructure.docs.code_inspection import collect_lifecycle, collect_ports, collect_tables
from infrastructure.docs.openapi_routes import routes_from_openapi
from infrastructure.docs.problems import DocsError
from presentation.http.app import create_app

_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from presentation.cli.docs_facts import emit; emit()"
_DROPPED_ENV = ("LESSONSMITH_", "COV_CORE_", "COVERAGE_")
TIMEOUT_S = 180


def emit() -> None:
    """Subprocess side: print the facts of the code on sys.path as JSON."""
    settings = AppSettings(
        home=HomeSettings(home=Path(os.environ["LESSONSMITH_HOME"])), database=DatabaseSettings(database_url=""),
        queue=QueueSettings(redis_url=""), artifacts=ArtifactSettings(artifacts=""),
        auth=AuthSettings(jwt_secret=secrets.token_urlsafe(48)), providers=ProviderSettings(providers="offline"),
        limits=LimitSettings(),
    )
    app = create_app(build_container(settings), run_workers=False)
    facts = CodeFacts(ports=collect_ports(), lifecycle=collect_lifecycle(), tables=collect_tables(),
                      routes=routes_from_openapi(app.openapi_schema.to_schema()))
    sys.stdout.buffer.write(encode_facts(facts))


def collect_facts(root: Path) -> CodeFacts:
    """The facts of the code under `root`/src, read by a child interpreter; DocsError naming the failure."""
    src = (root / "src").resolve()
    if not src.is_dir():
        raise DocsError(f"no src/ folder under {root.resolve()}: run from the repository root or pass --root")
    with tempfile.TemporaryDirectory(prefix="lessonsmith-docs-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(_DROPPED_ENV)}
        env |= {"LESSONSMITH_HOME": home, "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(  # noqa: S603 (our own interpreter and a fixed script)
            [sys.executable, "-c", _BOOT, str(src)], cwd=home, env=env, capture_output=True,
            timeout=TIMEOUT_S, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.decode(errors="replace").strip().splitlines()[-5:])
        raise DocsError(f"could not import the code under {src} to read its facts:\n{tail}")
    try:
        return decode_facts(done.stdout)
    except msgspec.ValidationError as error:
        raise DocsError(f"the code under {src} reported facts of an unexpected shape: {error}") from error
