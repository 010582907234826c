"""One crowd, several words (round 14): news varies "protesters" and "demonstrators" for the same people
("Nepali demonstrators ... the protesters ... Gen Z protesters"), and the GUIDE's annotators list one
group with the other words as aliases. The collectives of an article whose head is a word for protesters
join into one (round 16: so do strikers, "striking miners" and "striking workers"), unless a word of a side tells two crowds apart ("pro-government demonstrators" and
"opposition protesters").
"""

from __future__ import annotations

from collections import Counter

from graph.model import EntityKind
from loaders.entities.lexicon import set_of

PROTEST_HEADS = set_of("protest_heads")
SIDE_WORDS = set_of("crowd_side_words")


def join_protest_crowds(keymap: dict[str, str], kinds: dict[str, EntityKind]) -> None:
    """Point every protest collective of the article at one entity (`keymap` updated in place)."""
    crowds = {v for v in keymap.values() if kinds[v] == "group" and _protest_name(v)}
    if len(crowds) < 2:
        return
    names = [k.split("|", 1)[1].lower() for k, v in keymap.items() if v in crowds]
    if any(w in SIDE_WORDS or w.startswith(("pro-", "anti-", "counter")) for n in names for w in n.split()):
        return
    weight = Counter(v for v in keymap.values() if v in crowds)
    main = min(crowds, key=lambda v: (-weight[v], v))
    for k, v in keymap.items():
        if v in crowds:
            keymap[k] = main


def _protest_name(key: str) -> bool:
    words = key.split("|", 1)[1].lower().split()
    # round 16: strikers ("striking miners", "striking workers") are the crowd of a strike
    return bool(words) and (words[-1] in PROTEST_HEADS or (len(words) > 1 and words[0] == "striking"))
