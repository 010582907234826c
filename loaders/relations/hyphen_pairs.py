"""Two sides joined by a hyphen before what binds or sets them apart: "the US-Philippines Mutual Defense
Treaty", "the Russia-Belarus alliance" (ALLIED_WITH), "the Egypt-Sudan defence pact".

Read in word order: the parser hangs the two names, the hyphen and the noun in many ways (the second name
as an apposition of the first, as an adjective of the noun, as a compound), so the dependency pattern of
`conflicts.json` ("the A-B conflict") catches only some of them. Between the pair and the noun only
capitalised words of the noun's own name or the lexicon's `alliance_modifiers` may stand.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable
from loaders.relations.lexicon import ACTORS, HYPHENS, words
from loaders.relations.relation_kinds import relation

ALLIANCE_NOUNS = words("alliance_nouns")
ALLIANCE_MODIFIERS = words("alliance_modifiers")
# words that may stand between the pair and the noun ("Mutual Defense Treaty", "security alliance")
MAX_BETWEEN = 3


def hyphen_pair_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """ALLIED_WITH between A and B of "A-B <alliance noun>"."""
    doc = sent.doc
    for first in table.mentions_in(sent.start, sent.end):
        dash = first.end
        if first.kind not in ACTORS or dash + 1 >= sent.end or doc[dash].text not in HYPHENS:
            continue
        second = table.mention_at(dash + 1)
        if second is None or second.start != dash + 1 or second.kind not in ACTORS:
            continue
        if first.start - 1 >= sent.start and doc[first.start - 1].text in HYPHENS:
            continue  # "A-B-C": a longer chain is a list of sides, not a pair
        i = second.end
        while i < sent.end and i - second.end < MAX_BETWEEN and doc[i].lower_ not in ALLIANCE_NOUNS:
            if not (doc[i].lower_ in ALLIANCE_MODIFIERS or doc[i].text[:1].isupper()):
                break
            i += 1
        if i >= sent.end or doc[i].lower_ not in ALLIANCE_NOUNS:
            continue
        # only an alliance is one by itself: a pact, treaty or cooperation must be military ("the A-B
        # grain pact", "the A-B arms control treaty", "A-B cooperation on climate" are no alliance)
        if doc[i].lower_ != "alliance" and not any(
            doc[k].lower_ in ALLIANCE_MODIFIERS for k in range(second.end, i)
        ):
            continue
        r = relation(first, "ALLIED_WITH", second, sent, 0.6)
        if r is not None:
            yield r
