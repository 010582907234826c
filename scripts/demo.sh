#!/usr/bin/env bash
# The main job on the embedded default: ingest the example articles, write the views, serve the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export KG_STORE=${KG_STORE:-embedded}
KG=.venv/bin/kg
echo "==> ingesting examples/articles into the $KG_STORE store (KG_HOME=${KG_HOME:-.actorgraph})"
$KG ingest examples/articles
$KG stats
mkdir -p out
echo "==> writing views to out/"
$KG view alliances --out out/alliances.html
$KG view timeline --out out/timeline.html
$KG view actor "Syria" --depth 2 --out out/actor-syria.html || true
echo "==> serving the API and views on http://127.0.0.1:${PORT:-8000} (docs at /docs; Ctrl-C to stop)"
exec $KG serve --host 127.0.0.1 --port "${PORT:-8000}"
