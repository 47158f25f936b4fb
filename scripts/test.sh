#!/usr/bin/env bash
# Set up and run every check: ruff, mypy --strict, import-linter, unit, integration and e2e tests with branch
# coverage, then `lessonsmith docs check` (which reads the coverage report the tests just wrote).
# Needs PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379; with CI=true their absence fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install_pgvector.sh   # the vector extension for the PostgreSQL tests (skipped when present)
bash scripts/setup_browser.sh
echo "== ruff"; .venv/bin/ruff check src tests benchmarks
echo "== mypy --strict"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
# Coverage belongs to the full run (not to pytest's addopts, or every partial run would fail the floor): branch
# coverage over src, coverage.json for `docs check`, and [tool.coverage.report] fail_under, which pytest-cov enforces.
echo "== pytest"; .venv/bin/pytest --cov=src --cov-branch --cov-report=term:skip-covered \
  --cov-report=json:coverage.json "$@"
echo "== docs check"; .venv/bin/lessonsmith docs check
