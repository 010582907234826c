"""The learned event filter: the training data, the labels, the committed weights and the wiring.

Sentences here are written for these tests; the training data is real news (loaders/data/training/).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from graph.model import Article, ExtractedEvent
from graph.settings import get_settings
from loaders.events import learned
from loaders.events.learned import (
    DENSE,
    N_FEATURES,
    TYPES,
    EventModel,
    event_features,
    filter_events,
    load_model,
    sentence_of,
    trigger,
)
from loaders.pipeline import Extractor, load_nlp
from loaders.source import SourceArticle
from loaders.train_events import DATA_PATH, THRESHOLDS, matches, norm

SHELLING = "Government troops shelled the rebel town of Karvana on Tuesday, killing four people."
PUBLISHED = "2026-03-05"


def rule_events(text: str, published: str = PUBLISHED) -> tuple[list[ExtractedEvent], list]:
    """What `kg extract` returns for one text, with the filter off, and the sentences of its parse."""
    get_settings.cache_clear()
    src = SourceArticle(article=Article(id="t", published=published), text=text)
    doc = load_nlp()(text)
    return Extractor().extract(src).events, list(doc.sents)


def test_training_data_is_real_news_annotated_to_the_guide() -> None:
    rows = [json.loads(line) for line in DATA_PATH.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 200
    assert len({r["id"] for r in rows}) == len(rows)
    assert sum(not r["events"] for r in rows) >= 40  # sentences with no news event: plans, background
    for r in rows:
        assert r["url"].startswith("http")
        assert r["published"] is None or len(r["published"]) == 10
        for ev in r["events"]:
            assert ev["type"] in TYPES
            assert set(ev) >= {"actors", "targets", "location", "date"}


def test_labels_follow_the_scorer_names_and_types() -> None:
    assert norm("The Houthis's") == norm("houthis")
    gold = {"type": "ASSAULT", "actors": ["Houthis"], "targets": [], "location": "Marib"}
    pred = {"type": "ASSAULT", "actors": ["Yemen's Houthis"], "targets": [], "location": None}
    assert matches(pred, gold)
    assert not matches({**pred, "type": "ACCUSE"}, gold)
    assert not matches({**pred, "actors": ["Saudi Arabia"]}, gold)
    # an annotation naming nobody matches on the type alone
    assert matches(pred, {**gold, "actors": [], "location": None})


def test_the_trigger_is_read_back_from_the_rules_label() -> None:
    events, sents = rule_events(SHELLING)
    assault = next(e for e in events if e.type == "ASSAULT")
    sent = sentence_of(assault, sents)
    assert sent is not None
    assert trigger(assault, sent).lemma_ == "shell"
    x = event_features(assault, sent, PUBLISHED)
    assert x.shape == (N_FEATURES,)
    assert x[TYPES.index("ASSAULT")] == 1.0 and x[DENSE:].sum() > 0


def constant(bias: float, threshold: float = 0.5) -> EventModel:
    return EventModel(np.zeros(N_FEATURES, dtype=np.float32), bias, threshold, {})


def test_filter_keeps_or_drops_by_the_model_and_threshold() -> None:
    events, sents = rule_events(SHELLING)
    assert events
    assert filter_events(events, sents, PUBLISHED, model=constant(-3.0)) == []
    assert filter_events(events, sents, PUBLISHED, model=constant(3.0)) == events
    # the threshold given wins over the stored one
    assert filter_events(events, sents, PUBLISHED, threshold=0.01, model=constant(-3.0)) == events
    # an event whose sentence is not in the parse is kept: the filter drops only what it read
    other = [events[0].model_copy(update={"evidence": "A sentence from elsewhere."})]
    assert filter_events(other, sents, PUBLISHED, model=constant(-3.0)) == other


def test_the_setting_wires_the_filter_into_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    src = SourceArticle(article=Article(id="t", published=PUBLISHED), text=SHELLING)
    monkeypatch.setattr(learned, "load_model", lambda path=None: constant(-3.0))
    monkeypatch.setenv("KG_LEARNED_EVENTS", "0")
    get_settings.cache_clear()
    assert Extractor().extract(src).events
    monkeypatch.setenv("KG_LEARNED_EVENTS", "1")
    get_settings.cache_clear()
    assert Extractor().extract(src).events == []
    get_settings.cache_clear()


def test_committed_weights_load_and_keep_a_plain_attack() -> None:
    model = load_model()
    assert model is not None, "train: python -m loaders.train_events"
    assert model.w.shape == (N_FEATURES,)
    assert Path(learned.MODEL_PATH).stat().st_size < 100_000
    events, sents = rule_events(SHELLING)
    assault = next(e for e in events if e.type == "ASSAULT")
    sent = sentence_of(assault, sents)
    assert sent is not None
    # the model itself believes a plain report of an attack, whatever threshold cross-validation chose
    assert model.keep_probability(event_features(assault, sent, PUBLISHED))[0] > 0.5
    assert model.threshold in THRESHOLDS
    assert {"cv_rules_only", "cv_filtered"} <= set(model.meta)
