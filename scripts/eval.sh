#!/usr/bin/env bash
# Score `kg extract` on ../shared/eval/dev; with --check, fail below the floors in bench/quality-floor.json.
# SPLIT=tune|held scores one half of dev (bench/dev-split.json): rules are tuned on `tune` only, and
# `held` is the check on text nobody tuned on.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/eval/dev}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS: nothing to score"; exit 0; }
mkdir -p out
if [ -n "${SPLIT:-}" ]; then
  half="out/dev-$SPLIT"
  rm -rf "$half" && mkdir -p "$half"
  for id in $(.venv/bin/python -c "import json,sys; print(' '.join(json.load(open('bench/dev-split.json'))[sys.argv[1]]))" "$SPLIT"); do
    for f in "$CORPUS/$id".*; do ln -s "$(realpath "$f")" "$half/"; done
  done
  CORPUS=$half
fi
CMD="$PWD/.venv/bin/kg extract {text} --meta {meta} --format json"
python3 ../shared/eval/score.py --corpus "$CORPUS" --cmd "$CMD" -v > "out/eval${SPLIT:+-$SPLIT}.txt"
grep -E '^[^ ].* ent P/R/F|F1=' "out/eval${SPLIT:+-$SPLIT}.txt"
if [ "${1:-}" = "--check" ]; then
  .venv/bin/python bench/check_quality.py "out/eval${SPLIT:+-$SPLIT}.txt" bench/quality-floor.json
fi
