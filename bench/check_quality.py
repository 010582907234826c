"""Fail (exit 1) when the scorer's summary line falls below the committed quality floors."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def main(report: str, floors_file: str) -> int:
    """Compare the last `entities F1=... relations F1=... events F1=...` line with the floors."""
    lines = [ln for ln in Path(report).read_text().splitlines() if "F1=" in ln]
    if not lines:
        print(f"no summary line in {report}", file=sys.stderr)
        return 1
    got = {k: float(v) for k, v in re.findall(r"(entities|relations|events) F1=([0-9.]+)", lines[-1])}
    floors = json.loads(Path(floors_file).read_text())
    failed = [
        f"{k} F1 {got.get(k, 0.0):.3f} < floor {floor:.3f}"
        for k, floor in floors.items()
        if got.get(k, 0.0) < floor
    ]
    print(f"quality: {lines[-1].strip()}  floors: {floors}")
    for msg in failed:
        print(f"QUALITY REGRESSION: {msg}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
