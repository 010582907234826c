#!/usr/bin/env bash
# Score `kg extract` on ../shared/eval/dev; with --check, fail below the floors in bench/quality-floor.json.
# SPLIT=tune|held scores one half of dev (bench/dev-split.json): rules are tuned on `tune` only, and
# `held` is the check on text nobody tuned on.
# CORPUS=bench/news scores our own outside-dev check set (real news, annotated to the GUIDE, see
# bench/news/README.md); its halves are SPLIT=A|B, listed in bench/news/split.json. bench/news2,
# bench/news3, bench/news4, bench/news5, bench/news6 and bench/news7 are further check sets of the same layout (bench/news5
# and bench/news7: A readable from round 15, B numbers only; bench/news6: A readable from round 16, B numbers only).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/eval/dev}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS: nothing to score"; exit 0; }
SPLITS=bench/dev-split.json
[ -f "$CORPUS/split.json" ] && SPLITS="$CORPUS/split.json"
# dev keeps its historical output names (out/eval.txt, out/eval-tune.txt) that --check reads
LABEL=$(basename "$(realpath "$CORPUS")")
[ "$LABEL" = dev ] && LABEL="" || LABEL="-$LABEL"
mkdir -p out
if [ -n "${SPLIT:-}" ]; then
  half="out/split${LABEL}-$SPLIT"
  rm -rf "$half" && mkdir -p "$half"
  for id in $(.venv/bin/python -c "import json,sys; print(' '.join(json.load(open(sys.argv[2]))[sys.argv[1]]))" "$SPLIT" "$SPLITS"); do
    for f in "$CORPUS/$id".*; do ln -s "$(realpath "$f")" "$half/"; done
  done
  CORPUS=$half
fi
REPORT="out/eval${LABEL}${SPLIT:+-$SPLIT}.txt"
CMD="$PWD/.venv/bin/kg extract {text} --meta {meta} --format json"
python3 ../shared/eval/score.py --corpus "$CORPUS" --cmd "$CMD" -v > "$REPORT"
grep -E '^[^ ].* ent P/R/F|F1=' "$REPORT"
if [ "${1:-}" = "--check" ]; then
  .venv/bin/python bench/check_quality.py "$REPORT" bench/quality-floor.json
fi
