"""The evidence string both stores keep is exactly what `json.dumps` gives (stored strings compare equal)."""

from __future__ import annotations

import json

import pytest

from graph.model import Evidence
from graph.stores.props import evidence_from_props, evidence_json, evidence_props

SENTENCES = [
    "The envoy said talks would resume.",
    'She called it "a fair deal" \\ nothing more.',
    "Ministerin sprach über Zölle — und Fristen.",
    "会谈将于周一恢复。",
    "A line\nbreak, a\ttab and a \x01 control character.",
    "An emoji 🙂 and a separator \u2028 here.",
    None,
]


def _dumps(evidence: list[Evidence]) -> str:
    items = [
        {"sentence": e.sentence, "article_id": e.article_id, "date": e.date, "confidence": e.confidence}
        for e in evidence
    ]
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_evidence_json_is_byte_identical_to_json_dumps(count: int) -> None:
    evidence = [
        Evidence(
            sentence=SENTENCES[i % len(SENTENCES)],
            article_id=f"article:{i:04d}",
            date=[None, "2022", "2022-03", "2022-03-09"][i % 4],
            confidence=[1.0, 0.5, 0.123456789, 1e-7][i % 4],
        )
        for i in range(count)
    ]
    assert evidence_json(evidence) == _dumps(evidence)
    props = evidence_props(evidence)
    assert props["evidence_count"] == count
    assert props["article_ids"] == sorted({e.article_id for e in evidence})
    assert props["dates"] == sorted({e.date for e in evidence if e.date})
    assert evidence_from_props(props) == evidence
