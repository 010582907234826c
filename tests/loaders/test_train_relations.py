"""Training of the learned relation classifier: the loss weighting, the cross-validation of its
settings, and the training data's shape. Synthetic rows here; the real data is loaders/data/training/."""

from __future__ import annotations

import numpy as np

from loaders.relations.learned_features import LABELS, N_FEATURES
from loaders.train_relations import (
    CV_L2,
    CV_POSITIVE_WEIGHT,
    DATA_PATH,
    MORE_DATA,
    Pairs,
    cross_validate,
    fit,
    read_examples,
)


def toy_pairs(n: int = 120, seed: int = 0, noise: float = 0.1) -> Pairs:
    """Rows whose label is carried by one hashed feature, with one positive in six; `noise` of the
    NONE rows carry it too."""
    rng = np.random.default_rng(seed)
    x = np.zeros((n, N_FEATURES), dtype=np.float32)
    x[:, :10] = rng.normal(size=(n, 10))
    y = np.zeros(n, dtype=np.int64)
    struck = LABELS.index("STRUCK")
    y[::6] = struck
    x[y == struck, N_FEATURES - 1] = 1.0  # the "trigger" bucket
    x[rng.random(n) < noise, N_FEATURES - 1] = 1.0
    kinds = [("country", "place")] * n
    urls = [f"https://example.org/{i % 15}" for i in range(n)]
    return Pairs(x, y, kinds, urls, 0)


def test_positive_weight_raises_the_probability_of_related_pairs() -> None:
    p = toy_pairs()
    plain = fit(p.x, p.y, 0.5, positive_weight=1.0)
    weighted = fit(p.x, p.y, 0.5, positive_weight=4.0)
    positives = p.x[p.y != 0]
    none = LABELS.index("NONE")
    assert (1 - weighted.probabilities(positives)[:, none]).mean() > (
        1 - plain.probabilities(positives)[:, none]
    ).mean() + 0.01


def test_stronger_regularisation_shrinks_the_weights() -> None:
    p = toy_pairs()
    loose = fit(p.x, p.y, 0.5, l2=1e-3)
    tight = fit(p.x, p.y, 0.5, l2=1e-1)
    assert np.abs(tight.weights).sum() < np.abs(loose.weights).sum()


def test_cross_validation_scores_every_setting_on_article_folds() -> None:
    p = toy_pairs(noise=0.0)
    table = cross_validate(p, np.arange(len(p.y)), 0.5)
    assert [(row["l2"], row["positive_weight"]) for row in table] == [
        (l2, pw) for l2 in CV_L2 for pw in CV_POSITIVE_WEIGHT
    ]
    # every positive row is predicted once, out of fold: tp + fn is the number of positives
    assert all(row["tp"] + row["fn"] == int((p.y != 0).sum()) for row in table)  # type: ignore[operator]
    # the signal is one feature: the best setting finds most of it
    assert max(float(row["f1"]) for row in table) > 0.6  # type: ignore[arg-type]


def test_training_sentences_are_distinct_and_include_sentences_without_relations() -> None:
    examples = read_examples(DATA_PATH, MORE_DATA)
    assert len(read_examples(MORE_DATA)) >= 300
    texts = [str(ex["text"]) for ex in examples]
    assert len(set(texts)) == len(texts), "a sentence is in the training data twice"
    # closed-world labels need sentences without any relation too
    assert sum(1 for ex in examples if not ex["relations"]) >= 40
    # the default data is what the committed weights were trained on
    assert read_examples() == read_examples(DATA_PATH, MORE_DATA)
