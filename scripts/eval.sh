#!/usr/bin/env bash
# Score `kg extract` on ../shared/eval/dev; with --check, fail below the floors in bench/quality-floor.json.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/eval/dev}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS: nothing to score"; exit 0; }
mkdir -p out
CMD="$PWD/.venv/bin/kg extract {text} --meta {meta} --format json"
python3 ../shared/eval/score.py --corpus "$CORPUS" --cmd "$CMD" -v > out/eval.txt
grep -E '^[^ ].* ent P/R/F|F1=' out/eval.txt
if [ "${1:-}" = "--check" ]; then
  .venv/bin/python bench/check_quality.py out/eval.txt bench/quality-floor.json
fi
