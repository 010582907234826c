#!/usr/bin/env bash
# The whole test suite on a fresh machine: install, get Chromium, start real Neo4j, run pytest
# (no test may be skipped), then the extraction quality floor on ../shared/eval/dev when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

export KG_HOME=${KG_TEST_HOME:-$PWD/.actorgraph-test}
export KG_NEO4J_PORT=${KG_NEO4J_PORT:-7697}
export NEO4J_PASSWORD=${NEO4J_PASSWORD:-actorgraph-test}
echo "==> starting the bundled Neo4j (first run downloads its jars from Maven Central: several minutes)"
.venv/bin/kg neo4j start
trap '.venv/bin/kg neo4j stop || true' EXIT
export KG_TEST_NEO4J_URI="bolt://127.0.0.1:${KG_NEO4J_PORT}"
unset NEO4J_URI KG_STORE  # tests choose their store explicitly

echo "==> lint"
.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy

echo "==> pytest (no skips allowed)"
KG_NO_SKIPS=1 .venv/bin/pytest -p no:cacheprovider "$@"

if [ -d ../shared/eval/dev ]; then
  echo "==> extraction quality floor on ../shared/eval/dev"
  bash scripts/eval.sh --check
fi
