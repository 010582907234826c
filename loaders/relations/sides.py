"""Sides set against each other by a fight's own verb: "the offensive pits A against B", "the battle
for X, which involves A and B against C" -> A OPPOSES B / C.

The verb names no act of its own: "pit" sets its object against the "against" phrase wherever the parser
hangs that phrase (on the verb, the object, or the object's last conjunct); "include" and "involve" do so
only in a clause about a fight (`conflict_nouns` as the subject or the phrase the clause hangs from), so
"a delegation that includes A against B" says nothing."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable
from loaders.relations.lexicon import CONFLICT_NOUNS, words
from loaders.relations.phrase_actors import actors_of
from loaders.relations.relation_kinds import relation

PIT_VERBS = words("pit_verbs")  # the verb itself opposes its sides ("pit", "pitch")
LINEUP_VERBS = words("lineup_verbs")  # only about a fight ("include", "involve")
# "the fight to drive X out of Y, which includes ...": the parser often hangs the relative clause on a
# word before its antecedent, so the fight is looked for among the words just before the clause
FIGHT_WINDOW = 15
CLIMB_DEPS = frozenset({"conj", "dobj", "pobj", "prep"})


def pitted_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """OPPOSES between a lining-up verb's object (with conjuncts) and its 'against' phrase."""
    for prep in sent:
        if prep.lower_ != "against" or prep.dep_ != "prep":
            continue
        verb = prep.head
        while verb.dep_ in CLIMB_DEPS and verb.pos_ != "VERB" and verb.head is not verb:
            verb = verb.head  # "fighters from A, B and C against D": up from the last conjunct to the verb
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or not (
            lemma in PIT_VERBS or (lemma in LINEUP_VERBS and _about_a_fight(verb))
        ):
            continue
        sides = [m for d in verb.children if d.dep_ == "dobj" for m in actors_of(d, table)]
        foes = [m for p in prep.children if p.dep_ == "pobj" for m in actors_of(p, table)]
        for s in sides:
            for f in foes:
                if s.key != f.key:
                    r = relation(s, "OPPOSES", f, sent, 0.6)
                    if r:
                        yield r


def _about_a_fight(verb: Token) -> bool:
    """The clause's subject is a fight ("the war involves ..."), or the relative clause follows one closely
    ("the fight to drive X out of Y, which includes ...")."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in CONFLICT_NOUNS for c in verb.children):
        return True
    if verb.dep_ != "relcl":
        return False
    start = max(verb.sent.start, verb.left_edge.i - FIGHT_WINDOW)
    return any(t.lower_ in CONFLICT_NOUNS for t in verb.doc[start : verb.left_edge.i])
