#!/usr/bin/env bash
# Create .venv and install Actorgraph with its dev tools. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PY" -m venv .venv
  .venv/bin/pip install -q --upgrade pip
fi
echo "==> installing actorgraph and dev tools into .venv"
.venv/bin/pip install -q -e '.[dev,spark]'
