"""Round 14: every training file of the relation classifier has the shape the trainer reads.

The trainer (loaders/train_relations.py) finds each annotated end by its first occurrence in the
sentence and labels the pair with one of the classifier's types; an end that is not in its sentence
stops the training, and a type outside the closed set would be a silent new label. Round 14 added
relations-r14.jsonl (docs/learned-relations.md, "Round 14"), so each file is checked here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.relations.learned_features import LABELS, NONE

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "loaders/data/training").glob("relations*.jsonl"))
TYPES = set(LABELS) - {NONE}


def problems(line: str) -> list[str]:
    """What is wrong with one training line: missing fields, unknown types, ends not in the text."""
    ex = json.loads(line)
    out = [f"no {key}" for key in ("url", "text", "relations") if key not in ex]
    for src, rel, tgt in ex.get("relations", []):
        if rel not in TYPES:
            out.append(f"type {rel}")
        out += [f"{end!r} not in the sentence" for end in (src, tgt) if end not in ex.get("text", "")]
        if src == tgt:
            out.append(f"{src!r} related to itself")
    return out


def test_problems_catches_a_bad_line() -> None:
    line = json.dumps(
        {"url": "u", "text": "Rebels shelled the town.", "relations": [["Rebels", "BOMBED", "city"]]}
    )
    assert problems(line) == ["type BOMBED", "'city' not in the sentence"]
    good = json.dumps(
        {"url": "u", "text": "Rebels shelled Kadugli.", "relations": [["Rebels", "STRUCK", "Kadugli"]]}
    )
    assert problems(good) == []


def test_round14_file_is_there() -> None:
    assert ROOT / "loaders/data/training/relations-r14.jsonl" in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_training_lines_are_well_formed(path: Path) -> None:
    bad = [
        f"{path.name}:{n} {p}"
        for n, line in enumerate(path.read_text().splitlines(), 1)
        for p in problems(line)
    ]
    assert not bad, "\n".join(bad[:20])
