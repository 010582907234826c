"""Relations from the pattern matches of `actorgraph_relation_patterns` (see loaders.relations.patterns)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graph.model import ExtractedRelation
from loaders.events.syntax import hypothetical
from loaders.mentions import EntityTable, Mention
from loaders.relations.act_agents import act_agents
from loaders.relations.anaphora import (
    antecedents,
    pair_antecedents,
    person_owned,
    possessors,
    subjects_or_antecedents,
)
from loaders.relations.lexicon import ACTORS
from loaders.relations.patterns import COMPONENT, PatternMatch, RelationPatterns
from loaders.relations.phrase_actors import actors_of, subject_actors
from loaders.relations.relation_kinds import SOURCE_KINDS, TARGET_KINDS, membership, relation
from loaders.relations.syntax import clause_verb, conjuncts, negated, promised, referent, speaker_of, subjects
from loaders.relations.verbs import ActMemory

_reader: RelationPatterns | None = None


def matches(doc: Doc) -> list[PatternMatch]:
    """The doc's pattern matches; docs parsed by a pipeline without the component are matched here."""
    global _reader
    if _reader is None or _reader.vocab is not doc.vocab:
        _reader = RelationPatterns(doc.vocab, COMPONENT)
    if not doc.has_extension("relation_matches") or doc._.relation_matches is None:
        _reader(doc)
    return _reader.read(doc)


def _ends(
    m: PatternMatch, doc: Doc, table: EntityTable, memory: ActMemory
) -> tuple[list[Mention], list[Mention]]:
    skinds = frozenset(m.options.get("source_kinds") or SOURCE_KINDS.get(m.type, ACTORS))
    tkinds = frozenset(m.options.get("target_kinds") or TARGET_KINDS.get(m.type, ACTORS))
    node = {k: doc[i] for k, i in m.nodes.items()}
    anchor: Token = node.get("trigger") or node.get("act") or doc[min(m.nodes.values())]
    act = node.get("act")
    if "source" in node and m.options.get("source_alone"):
        # "A, who leads B, and C": the clause is A's own, not shared with A's conjuncts
        own = table.mention_at(node["source"].i)
        sources = [own] if own is not None and own.kind in skinds else []
    elif "source" in node:
        sources = actors_of(referent(node["source"]), table, skinds)
        if not sources and act is not None and node["source"].dep_ in {"poss", "amod", "compound"}:
            # "X began its invasion of Y": whom the pronoun stands for, or the verb's subject; "the
            # Soviet-led invasion of Y": the modifier's own words
            sources = [x for x in possessors(act, table) or act_agents(act, table) if x.kind in skinds]
    elif act is not None and "target" in node:
        sources = act_agents(act, table)
    elif m.options.get("speaker"):
        sources = [x for sp in speaker_of(clause_verb(anchor)) for x in actors_of(sp, table, skinds)]
    else:
        sources = subject_actors(clause_verb(anchor), table, skinds)
        if not sources:  # "The group said the attack was an aggression": who the group is
            subs = subjects(clause_verb(anchor))[0]
            sources = [x for s in subs for x in antecedents(referent(s), table) if x.kind in skinds]
    if "source" in node and not sources and node["source"].dep_ in {"nsubj", "nsubjpass"}:
        src = node["source"]
        if src.pos_ == "PRON":  # "X said it had fired rockets at Y": the speaker's own pronoun
            sources = [x for sp in speaker_of(src.head) for x in actors_of(sp, table, skinds)]
        # "The group fired rockets at X": a subject referring back
        sources = sources or [x for x in antecedents(referent(src), table) if x.kind in skinds]
    if m.options.get("subject_target"):
        # "B receives weapons from A", "B, with the support of A, ...": the clause subject gained
        targets = subject_actors(clause_verb(anchor), table, tkinds)
        if not targets and m.options.get("subject_owner"):  # "A's decision drew a warning from B": A
            owners = [c for s in subjects(clause_verb(anchor))[0] for c in s.children if c.dep_ == "poss"]
            targets = [x for o in owners for x in actors_of(o, table, tkinds)]
    elif "target" in node:
        targets = actors_of(referent(node["target"]), table, tkinds)
        if not targets:  # "X said both sides violated the truce": the pair named before
            targets = [x for x in pair_antecedents(referent(node["target"]), table) if x.kind in tkinds]
        if not targets:  # "protesters demanded his resignation": the one person named just before
            targets = [x for x in person_owned(node["target"], table) if x.kind in tkinds]
    elif act is not None and act.pos_ == "PRON":
        targets = list(memory.agents)  # "called it an aggression": the act last reported
    elif act is not None:
        targets = act_agents(act, table) or memory.agents_for(act, table)
    else:
        targets = []
    return sources, targets


def pattern_relations(
    sent: Span, table: EntityTable, memory: ActMemory, found: list[PatternMatch] | None = None
) -> Iterator[ExtractedRelation]:
    """Relations of the pattern matches inside one sentence (`found`: the doc's matches, read once)."""
    doc = sent.doc
    for m in matches(doc) if found is None else found:
        if not all(sent.start <= i < sent.end for i in m.nodes.values()):
            continue
        anchor = doc[m.nodes.get("trigger", m.nodes.get("act", min(m.nodes.values())))]
        # option "own_clause": the match is a noun phrase whose own agent acts ("X's accusation that Y
        # ..."), so a denial around it ("Y rejected X's accusation") is Y's, and X still accused Y
        if m.options.get("own_clause"):
            if any(c.dep_ == "neg" for c in anchor.children):
                continue
        elif negated(anchor) or negated(clause_verb(anchor)):
            continue
        # option "carried_out": an act of the trigger verb itself, not one planned or promised ("will sign")
        if m.options.get("carried_out") and (hypothetical(anchor) or promised(anchor)):
            continue
        if "group" in m.nodes or m.options.get("pairwise_subjects"):
            # "the warring A and B", "A and B battled each other": the coordinated actors pairwise
            head = doc[m.nodes["group"]] if "group" in m.nodes else None
            sides = (
                [x for t in conjuncts(head) for x in actors_of(t, table)]
                if head is not None
                # "the two nations clashed again": the pair named before
                else subjects_or_antecedents(clause_verb(anchor), table)
            )
            # actors_of already follows the conjuncts: keep each side once, in text order, so that a
            # non-symmetric type (OPPOSES) is not also written the other way round
            sides = list({m.key: m for m in sides}.values())
            pairs = [(a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]
        else:
            sources, targets = _ends(m, doc, table, memory)
            pairs = [(s, t) for s in sources for t in targets]
        for s, t in pairs:
            r = membership(s, t, sent) if m.type == "AFFILIATED_WITH" else relation(s, m.type, t, sent, 0.6)
            if r is not None:
                yield r
