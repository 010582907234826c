"""Casualty counts an assault's sentence states; vague quantities give none (no invented data)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from loaders.dates import NUMBER_WORDS

# Small numbers written out, from two: a lone "one" is more often a pronoun ("one of the guards") than a
# count. Vague quantities ("dozens", "hundreds") are no number and stay unstated.
COUNT_WORDS = {word: n for word, n in NUMBER_WORDS.items() if n > 1}
APPROXIMATE = {"about", "around", "nearly", "almost", "roughly", "some", "up", "approximately"}


def count(sent: Span, words: set[str]) -> int | None:
    """A number stated next to a casualty verb ('killed 87 people'); approximations give none."""
    for tok in sent:
        if tok.lemma_ in words:
            for t in tok.subtree:
                if not (t.like_num or t.lower_ in COUNT_WORDS):
                    continue
                if any(c.lower_ in APPROXIMATE for c in t.children) or (
                    t.i > 0 and t.nbor(-1).lower_ in APPROXIMATE
                ):
                    return None
                txt = t.text.replace(",", "")
                if re.fullmatch(r"\d+", txt):
                    return int(txt)
                if t.lower_ in COUNT_WORDS:
                    return COUNT_WORDS[t.lower_]
    return None
