#!/usr/bin/env bash
# Set up, migrate, and serve Lessonsmith on the embedded default (SQLite, in-process workers, ./var).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/lessonsmith db upgrade
exec .venv/bin/lessonsmith serve "$@"
