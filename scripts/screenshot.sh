#!/usr/bin/env bash
# The README's screenshots of the three views (served from the example articles), into docs/img/.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python scripts/screenshot.py
