"""Aliases an article states by apposition: 'the National Front, a Ruritanian opposition alliance'
makes 'Ruritanian opposition' a name of the National Front.

Only the opposition of a country is read this way: news writes "the <demonym> opposition" for the one
umbrella body an article names as its main group, so the alias is safe to join on across articles
(graph/resolve.py). Other descriptions ("the main Kurdish militia") name different bodies in different
articles and stay descriptions.
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.mentions import EntityTable

BODY_KINDS = frozenset({"organization", "armed_group"})


def add_opposition_aliases(doc: Doc, table: EntityTable) -> None:
    """A named body with an apposition holding a country's demonym and 'opposition' takes the alias
    '<demonym> opposition'."""
    for m in list(table.mentions):
        if m.kind not in BODY_KINDS:
            continue
        root = doc[m.start : m.end].root
        for appos in (c for c in root.children if c.dep_ == "appos"):
            words = list(appos.subtree)
            if not any(t.lower_ == "opposition" for t in words):
                continue
            demonyms = {
                doc[t.i].text
                for t in words
                if (c := table.mention_at(t.i)) is not None and c.kind == "country" and c.end - c.start == 1
            }
            if len(demonyms) != 1:
                continue
            alias = f"{demonyms.pop()} opposition"
            ent = table.entities[m.key]
            if alias != ent.name and alias not in ent.aliases:
                ent.aliases.append(alias)
