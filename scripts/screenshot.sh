#!/usr/bin/env bash
# The README's screenshot: ingest the example articles, write the alliance map, photograph it headless.
set -euo pipefail
cd "$(dirname "$0")/.."
export KG_HOME=${KG_HOME:-$(mktemp -d)} KG_STORE=embedded
.venv/bin/kg ingest examples/articles >/dev/null
.venv/bin/kg view alliances --out out/alliances.html
mkdir -p docs/img
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" --hide-scrollbars --window-size=1400,900 \
  --virtual-time-budget=4000 --screenshot=docs/img/alliances.png "file://$PWD/out/alliances.html"
echo "wrote docs/img/alliances.png"
