"""Names written in the style of older wire copy and of the British press (round 16, issue 9).

"U. S. warships", "the U. N. envoy": initials with a space after each stop are the name written without
the spaces (the small model reads them as a person).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from loaders.entities.candidates import Candidate
from loaders.gazetteer import Gazetteer

INITIAL = re.compile(r"^[A-Z]\.$")


def spaced_initial_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Runs of two or more one-letter initials ("U." "S.") whose joined form is a gazetteer name."""
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and INITIAL.match(doc[j].text):
            j += 1
        if j - i >= 2:
            hit = gaz.names.get("".join(t.text for t in doc[i:j]))
            if hit is not None:
                out.append(Candidate(i, j, hit[0], hit[1], "gazetteer", 3))
        i = max(j, i + 1)
    return out
