"""Relations stated by conflict nouns: "X's war against Y", "sanctions on Y", "fighting between X and Y",
"clashes erupted between A and B" -> OPPOSES.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import ACTORS, CONFLICT_NOUNS, CONFLICT_VERBS_WITHOUT_AGENT
from loaders.relations.phrase_actors import actors_of
from loaders.relations.relation_kinds import relation
from loaders.relations.syntax import subjects


def _modifier_sides(prep: Token, table: EntityTable) -> list[Mention]:
    """'clashes between Malian and Nigerien troops': the two actors the modifiers name, or none."""
    out: dict[str, Mention] = {}
    for p in (c for c in prep.children if c.dep_ == "pobj"):
        for t in p.subtree:
            m = table.mention_at(t.i)
            if m is not None and m.kind in ACTORS:
                out.setdefault(m.key, m)
    return list(out.values()) if len(out) == 2 else []


def conflict_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'X's war against Y', 'sanctions on Y', 'fighting between X and Y' -> OPPOSES."""
    for tok in sent:
        if tok.lower_ not in CONFLICT_NOUNS:
            continue
        agents = [
            m for c in tok.children if c.dep_ in {"poss", "amod", "compound"} for m in actors_of(c, table)
        ]
        if not agents and tok.dep_ in {"dobj", "pobj"}:
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            if verb.pos_ == "VERB" and verb.lemma_ not in CONFLICT_VERBS_WITHOUT_AGENT:
                agents = [m for s_ in subjects(verb)[0] for m in actors_of(s_, table)]
        # "clashes erupted between A and B": the parser hangs the parties on the verb
        hung = [c for c in tok.head.children if c.lower_ == "between"] if tok.dep_ == "nsubj" else []
        for prep in (*(c for c in tok.children if c.dep_ == "prep"), *hung):
            objs = [m for p in prep.children if p.dep_ == "pobj" for m in actors_of(p, table)]
            if prep.lower_ in {"against", "on", "with"}:
                for a in agents:
                    for o in objs:
                        r = relation(a, "OPPOSES", o, sent, 0.6)
                        if r:
                            yield r
                continue
            if prep.lower_ != "between":
                continue
            sides = objs if len(objs) >= 2 else _modifier_sides(prep, table)
            if len(sides) >= 2:
                r = relation(sides[0], "OPPOSES", sides[1], sent, 0.5)
                if r:
                    yield r
