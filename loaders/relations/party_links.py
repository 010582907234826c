"""A listed head of government and the party she led from, when the article names both (round 16, world2).

The GUIDE wants a person AFFILIATED_WITH a body she is a member or leader of. The Global Leader Ideologies
table (loaders/data/relations/heads_of_government.json, `_parties`) gives each head of government's party;
the relation is added only when the article itself names that person and that party (by its name, its
name in the party's language, or its abbreviation), so world knowledge links two actors the text already
holds and never brings in a party it does not mention. Dict lookups on the article's entities only.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extraction_model import ExtractedRelation
from graph.model import normalize_name
from loaders.mentions import EntityTable
from loaders.world_knowledge import leader_parties


def party_affiliations(doc: Doc, table: EntityTable, sents: list[Span]) -> list[ExtractedRelation]:
    """person -AFFILIATED_WITH-> party for each listed head of government whose party the article names."""
    bodies: dict[str, str] = {}
    for key, ent in table.entities.items():
        if ent.kind == "organization":
            for form in [ent.name, *ent.aliases]:
                bodies.setdefault(normalize_name(form), key)
    if not bodies:
        return []
    table_parties = leader_parties()
    allowed = {(s.start, s.end) for s in sents}
    out: list[ExtractedRelation] = []
    for key, ent in table.entities.items():
        if ent.kind != "person":
            continue
        names = {normalize_name(form) for form in [ent.name, *ent.aliases]}
        parties = {bodies[p] for n in names for p in table_parties.get(n, ()) if p in bodies}
        for party in sorted(parties):
            said = [doc[m.start].sent for m in table.mentions if m.key == party]
            sent = next((s for s in said if (s.start, s.end) in allowed), None)
            if sent is None:
                continue  # the party is named only in a caption: no evidence of the article's own
            out.append(
                ExtractedRelation(
                    source=key,
                    type="AFFILIATED_WITH",
                    target=party,
                    evidence=sent.text.strip(),
                    confidence=0.5,
                )
            )
    return out
