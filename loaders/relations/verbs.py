"""Clauses whose verb is a trigger: subject(s) -TYPE-> object(s), passives through the `by` agent.

`ActMemory` lets an act noun stand for whoever carried the act out ("Britain backed the strike").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import ExtractedRelation
from loaders.clauses import conditional
from loaders.events.syntax import hypothetical
from loaders.mentions import EntityTable, Mention
from loaders.relations.act_agents import act_agents
from loaders.relations.anaphora import antecedents, is_pair, rival_of, speaker_owned, subjects_or_antecedents
from loaders.relations.condemned_acts import condemned_doers, what_it_called
from loaders.relations.lexicon import ACT_NOUNS, ACTORS, LOCATIVE_PREPS, PLACES, SYMMETRIC, VERBS, words
from loaders.relations.phrase_actors import actors_of
from loaders.relations.relation_kinds import relation
from loaders.relations.syntax import agents, negated, objects, promised, referent, subjects

STRIKE_ACTS = words("strike_acts")
FIGHT_VERBS = words("fight_verbs")
# "A and B fought side by side", "fought together": the coordinated subjects are on one side
SAME_SIDE_WORDS = frozenset({"together", "alongside", "side", "jointly"})
# "killed in X shelling", "wounded during X bombing": the preposition that held the act noun
OWNER_PREPS = words("act_owner_preps")
# verbs of talking whose direct object is what was talked about, never the other side
TOPIC_VERBS = frozenset({"discuss", "negotiate"})
# what a force occupies or seizes somewhere: "occupied strategic heights in X", "seized two villages in X"
GROUND_NOUNS = words("held_ground_nouns")
# "targeted sanctions against X", "hit X with tariffs": a measure, not force (no STRUCK)
MEASURE_NOUNS = words("measure_nouns")
# "slam the door shut", "slammed the brakes": a thing handled, not criticism (no CONDEMNED)
LITERAL_OBJECTS = words("literal_objects")


def _not_meant(verb: Token, rtype: str) -> bool:
    """A trigger verb used in its other sense: a STRUCK verb whose direct object or "with" instrument is
    a measure ("targeting sanctions against X", "hit X with sanctions"), a CONDEMNED verb whose direct
    object is a thing handled ("wanted to slam X's door shut")."""
    if rtype == "STRUCK":
        held = [c for c in verb.children if c.dep_ == "dobj"]
        held += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
        return any(t.lemma_.lower() in MEASURE_NOUNS or t.lower_ in MEASURE_NOUNS for t in held)
    if rtype == "CONDEMNED":
        return any(c.dep_ == "dobj" and c.lower_ in LITERAL_OBJECTS for c in verb.children)
    return False


class ActMemory:
    """Who carried out the acts the article has reported so far: 'backed the strike' -> the striker."""

    def __init__(self) -> None:
        self.agents: list[Mention] = []

    def note(self, rels: list[ExtractedRelation], table: EntityTable) -> None:
        """Remember the first striker of the relations just found, if any."""
        struck = [r.source for r in rels if r.type == "STRUCK"]
        if struck:
            self.agents = [m for m in table.mentions if m.key in struck][:1]

    def note_acts(self, sent: Span, table: EntityTable) -> None:
        """An act noun with its own agent ("the US missile strike") also tells who acted last."""
        for tok in sent:
            if tok.lemma_.lower() not in STRIKE_ACTS or negated(tok):
                continue
            # a headline's title case makes the act a proper noun ("X Launches Airstrike")
            if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and table.mention_at(tok.i) is None):
                found = act_agents(tok, table)  # its launcher too ("X launches airstrike on ...")
                if found:
                    self.agents = found[:1]

    def agents_for(self, tok: Token, table: EntityTable) -> list[Mention]:
        """The remembered agents, when `tok` is an act noun that names no agent of its own."""
        if tok.lower_ not in ACT_NOUNS:
            return []
        return act_agents(tok, table) or ([] if actors_of(tok, table) else list(self.agents))


def dateline(tok: Token, table: EntityTable) -> bool:
    """'KABUL, May 3 A car bomb ...': the capitalised place opening a wire story is where it was filed,
    not the clause's subject, though the parser may make it one ("NATO, the alliance, ..." is no place)."""
    doc = tok.doc
    m = table.mention_at(tok.i)
    return (
        tok.i == tok.sent.start
        and m is not None
        and m.kind in PLACES
        and tok.is_upper
        and len(tok.text) > 2
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in {",", "\u2014", "-", ":"}
    )


# "tried to take X", "an offensive to take X": the taking is aimed at, not done ("managed to take X" is)
AIM_VERBS = frozenset({"try", "attempt", "seek", "aim", "plan", "want", "vow", "threaten", "push", "move"})


def _aim(verb: Token) -> bool:
    """An infinitive of purpose or of an attempt: 'launched an offensive to take X', 'sought to seize X'."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ in {"acl", "relcl", "advcl"} or (verb.dep_ == "xcomp" and verb.head.lemma_ in AIM_VERBS)


def _is_request_call(verb: Token, sent: Span) -> bool:
    # "called on X to ..." is a request, not a call
    return (
        verb.lemma_ == "call"
        and not any(c.lower_ in {"phone", "telephone"} for c in sent)
        and not any(p.lower_ == "with" for p in verb.children)
    )


def _reciprocal(objs: list[Token], subj_toks: list[Token]) -> bool:
    """'each other', 'one another' as the object, or 'both sides blamed the other': the subjects act
    on one another."""
    doc = objs[0].doc if objs else None
    both = any(c.lower_ == "both" for s in subj_toks for c in s.children)
    return doc is not None and any(
        (o.lower_ == "other" and o.i > 0 and (doc[o.i - 1].lower_ == "each" or both))
        or (o.lower_ == "one" and o.i + 1 < len(doc) and doc[o.i + 1].lower_ == "another")
        for o in objs
    )


def _parties_between(sent: Span, table: EntityTable) -> list[Mention]:
    """'clashes between A and B troops, with both sides blaming the other': the sides are A and B."""
    out: dict[str, Mention] = {}
    for prep in (t for t in sent if t.lower_ == "between" and t.dep_ == "prep"):
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            for t in p.subtree:  # "Malian and Nigerien troops": the modifiers name the sides
                m = table.mention_at(t.i)
                if m is not None and m.kind in ACTORS:
                    out.setdefault(m.key, m)
    return list(out.values()) if len(out) == 2 else []


def _fought_each_other(verb: Token, subj_toks: list[Token], subs: list[Mention]) -> bool:
    """'A and B clashed in C': a fight verb with no object and two coordinated subjects of its own
    (not a pair named before, which `is_pair` covers) sets the subjects against one another."""
    if verb.lemma_ not in FIGHT_VERBS or len(subs) != 2 or len({m.key for m in subs}) != 2:
        return False
    coordinated = len(subj_toks) == 2 or any(c.dep_ == "conj" for s in subj_toks for c in s.children)
    return coordinated and not any(t.lower_ in SAME_SIDE_WORDS for t in verb.subtree)


def _misparsed_act_owner(verb: Token, table: EntityTable) -> list[Mention]:
    """'killed in Russian shelling on X', 'in government shelling on the town': the parser may read the
    act noun as a subjectless gerund and its owner as the preposition's object. The actor right before
    the gerund, hanging on that preposition, is who struck."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return []
    owner = verb.doc[verb.i - 1]
    if owner.dep_ != "pobj" or owner.head.lower_ not in OWNER_PREPS or owner.head.head.i != verb.head.i:
        return []
    m = table.mention_at(owner.i)
    return [m] if m is not None and m.kind in ACTORS and m.kind != "place" else []


# types whose object may be an act standing for whoever carried it out last ("welcomed the strike")
AGENT_MEMORY_TYPES = frozenset({"SUPPORTS", "CONDEMNED", "ACCUSED", "OPPOSES"})
MUTUAL_TYPES = frozenset({"STRUCK", "ACCUSED", "OPPOSES"})
# Acts a planned, expected or modal clause has not carried out (as for act nouns, loaders/relations/nouns.py)
PLANNED_ACT_TYPES = frozenset({"SPOKE_WITH", "MET_WITH", "STRUCK"})


def _ground_in(verb: Token, objs: list[Token], table: EntityTable) -> list[Mention]:
    """'occupied strategic heights in the X sector', 'seized two villages in X': ground of a place taken
    is the place held (the first place named after "in", on the object or the verb). Other objects
    ("seized weapons in X") hold nothing."""
    ground = [o for o in objs if o.dep_ == "dobj" and o.lemma_.lower() in GROUND_NOUNS]
    for holder in (*ground, verb) if ground else ():
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"):
            for p in (c for c in prep.children if c.dep_ == "pobj"):
                for t in (*(x for x in p.lefts if x.dep_ == "compound"), p):
                    m = table.mention_at(t.i)
                    if m is not None and m.kind == "place":
                        return [m]
    return []


def verb_relations(
    sent: Span, table: EntityTable, memory: ActMemory | None = None
) -> Iterator[ExtractedRelation]:
    """Relations of the trigger verbs of one sentence."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT"):
            continue
        rtype = VERBS.get(verb.lemma_)
        if rtype is None or negated(verb) or conditional(verb) or _not_meant(verb, rtype):
            continue
        if rtype in PLANNED_ACT_TYPES and (hypothetical(verb) or promised(verb)):
            continue  # "will meet X", "would strike Y if ...": not carried out yet
        if rtype == "CONTROLS" and _aim(verb):
            continue
        subj_toks, passive = subjects(verb)
        subj_toks = [t for t in subj_toks if not dateline(t, table)]
        if memory is not None and rtype == "STRUCK" and not passive:
            strikers = [m for s_ in subj_toks for m in actors_of(s_, table)]
            if strikers:
                memory.agents = strikers[:1]
        if passive:
            by = [m for a in agents(verb) for m in actors_of(a, table)]
            # "the militias, which are backed by X": the relative pronoun stands for what it describes
            patients = [
                m for s in subj_toks for m in actors_of(referent(s), table, ACTORS | PLACES | {"place"})
            ]
            if not patients:  # "The group is backed by X" after a sentence naming the group
                patients = [m for s in subj_toks for m in antecedents(referent(s), table)]
            # "X's forces backed by A and B": an agent is no patient of its fellow agents
            by_keys = {a.key for a in by}
            pairs = [(a, p) for a in by for p in patients if p.key not in by_keys]
        else:
            # pronouns of reported speech are the speaker; 'It', 'the group' refer back (anaphora)
            subs = subjects_or_antecedents(verb, table)
            if not subs and rtype == "STRUCK":  # "the attack, claimed by X, killed ...": the act's agent
                subs = [m for s_ in subj_toks if s_.lower_ in ACT_NOUNS for m in act_agents(s_, table)]
            if not subs and rtype == "STRUCK":
                subs = _misparsed_act_owner(verb, table)
            # "X, which Y bombed in 1999": the relative pronoun object stands for what the clause describes
            objs = [referent(o) if o.dep_ == "dobj" and o.pos_ == "PRON" else o for o in objects(verb, rtype)]
            if verb.lemma_ in {"launch", "fire"}:  # "fired missiles at X": the target, not the missiles
                objs = [o for o in objs if o.dep_ == "pobj"]
            if rtype == "CONDEMNED":  # "condemned what it called an aggression by Y"
                objs += what_it_called(verb)
            if verb.lemma_ in TOPIC_VERBS:  # "discussed Taiwan with X": the object is the topic
                objs = [o for o in objs if o.dep_ != "dobj"]
            # a thing somewhere stands for the place only as a strike's target ("struck a market in X"),
            # not for other types ("held talks in X" controls no X)
            objects_ = [
                m for o in objs for m in actors_of(o, table, ACTORS | {"place"}, sites=rtype == "STRUCK")
            ]
            if not objects_:  # "accusing its rival of ...": the other side of the pair named before
                objects_ = [m for o in objs for m in rival_of(o, subs, table)]
            if rtype == "STRUCK" and subs and not objects_:  # "X said Y shelled its posts": X's posts
                objects_ = [m for o in objs for m in speaker_owned(o, verb, subs, table)]
            if rtype == "STRUCK" and objs and not objects_:  # "struck a market in Hodeidah": the place
                objects_ = [
                    m
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS
                    for p in c.children
                    # "struck militant hideouts in X": a country is struck as a place is (the GUIDE)
                    if (m := table.mention_at(p.i)) is not None and m.kind in {"place", "country"}
                ]
            if rtype == "CONTROLS" and objs and not objects_:  # "occupied strategic heights in X"
                objects_ = _ground_in(verb, objs, table)
            for obj in objs:
                # "condemned Russia's annexation of X": whoever did the act, whatever noun names it
                doers = (
                    condemned_doers(obj, table) if rtype == "CONDEMNED" and not actors_of(obj, table) else []
                )
                if not doers and memory is not None and rtype in AGENT_MEMORY_TYPES:
                    doers = memory.agents_for(obj, table)  # "welcomed the strike"
                objects_ += doers
            pairs = [(s, o) for s in subs for o in objects_]
            if _reciprocal(objs, subj_toks):  # "X and Y accused each other": both ways round
                subs = subs if len(subs) >= 2 else _parties_between(sent, table)
                pairs = [(a, b) for a in subs for b in subs if a.key != b.key]
            # "Both sides launched attacks", "the two nations clashed": a hostile act of a pair named
            # before, with no actor as its object, is each side's against the other
            elif (
                rtype in MUTUAL_TYPES
                and not objects_
                and len(subs) == 2
                and any(is_pair(referent(s)) for s in subj_toks)
            ):
                pairs = [(a, b) for a in subs for b in subs if a.key != b.key]
            elif rtype == "OPPOSES" and not objs and _fought_each_other(verb, subj_toks, subs):
                pairs = [(subs[0], subs[1])]
            # "X and Y spoke by phone", "X met Y": reciprocal verbs without an object relate the subjects
            if rtype in SYMMETRIC and not objects_ and len(subs) >= 2:
                pairs = [(a, b) for i, a in enumerate(subs) for b in subs[i + 1 :]]
        if rtype == "SPOKE_WITH" and _is_request_call(verb, sent):
            continue
        for s, o in pairs:
            r = relation(s, rtype, o, sent, 0.7)
            if r is not None:
                yield r
