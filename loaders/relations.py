"""Typed relations from the dependency parse, by pattern family.

- verbs: active and passive clauses with a trigger lexicon per type, coordination on either side,
  negation and denial ("did not attack", "denied carrying out") give nothing;
- nouns: "Assad's allies", "an ally of X", "X, an ally of Y", "Iran-backed militias", "US-led coalition",
  "rebel-held X", "talks with X", "support for X", "condemnation of X";
- places: "X in Y", "Y's X", "X, in Y", "a Syrian airbase" (LOCATED_IN, CONTROLS for governments).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable, Mention

ACTORS = {"person", "country", "organization", "armed_group", "group"}
PLACES = {"place", "country"}

VERBS: dict[str, str] = {
    **dict.fromkeys(
        ["condemn", "denounce", "decry", "deplore", "criticise", "criticize", "slam", "censure"], "CONDEMNED"
    ),
    **dict.fromkeys(["accuse", "blame", "allege", "charge"], "ACCUSED"),
    **dict.fromkeys(
        [
            "strike",
            "bomb",
            "shell",
            "attack",
            "hit",
            "target",
            "raid",
            "pound",
            "bombard",
            "shoot",
            "kill",
            "invade",
            "storm",
            "ambush",
            "assault",
        ],
        "STRUCK",
    ),
    **dict.fromkeys(
        [
            "support",
            "back",
            "arm",
            "fund",
            "finance",
            "defend",
            "help",
            "aid",
            "assist",
            "endorse",
            "welcome",
            "protect",
            "supply",
            "equip",
            "train",
        ],
        "SUPPORTS",
    ),
    **dict.fromkeys(
        [
            "fight",
            "battle",
            "oppose",
            "resist",
            "confront",
            "combat",
            "sanction",
            "expel",
            "detain",
            "topple",
            "overthrow",
        ],
        "OPPOSES",
    ),
    **dict.fromkeys(["threaten", "warn"], "THREATENED"),
    **dict.fromkeys(["meet", "visit", "host", "receive"], "MET_WITH"),
    **dict.fromkeys(
        ["call", "phone", "speak", "talk", "discuss", "telephone", "consult", "negotiate"], "SPOKE_WITH"
    ),
    **dict.fromkeys(
        ["control", "hold", "seize", "capture", "occupy", "take", "retake", "recapture", "overrun"],
        "CONTROLS",
    ),
    **dict.fromkeys(["ally"], "ALLIED_WITH"),
}
# Nouns whose possessor/'of' argument is the other party: "Assad's allies", "support for X".
ALLY_NOUNS = {"ally", "allies", "partner", "partners", "backer", "backers", "patron", "friend", "alliance"}
SUPPORTER_NOUNS = {
    "supplier",
    "suppliers",
    "lender",
    "sponsor",
    "sponsors",
    "donor",
    "donors",
    "backer",
    "backers",
    "patron",
    "protector",
    "supporter",
    "supporters",
}
ENEMY_NOUNS = {
    "enemy",
    "enemies",
    "foe",
    "foes",
    "rival",
    "rivals",
    "opponent",
    "opponents",
    "adversary",
    "adversaries",
}
HYPHEN_VERBS = {
    "backed": "SUPPORTS",
    "supported": "SUPPORTS",
    "funded": "SUPPORTS",
    "armed": "SUPPORTS",
    "led": "SUPPORTS",
    "held": "CONTROLS",
    "controlled": "CONTROLS",
    "allied": "ALLIED_WITH",
}
DENIAL = {"deny", "reject", "dismiss", "refute"}
SYMMETRIC = {"ALLIED_WITH", "SPOKE_WITH", "MET_WITH"}


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


# Heads whose entity modifiers stand for the whole phrase: "the Syrian army", "a US strike".
AGENTIVE_HEADS = {
    "government",
    "army",
    "military",
    "forces",
    "troops",
    "regime",
    "officials",
    "official",
    "leaders",
    "leader",
    "leadership",
    "chiefs",
    "chief",
    "minister",
    "ministry",
    "president",
    "authorities",
    "navy",
    "warplanes",
    "jets",
    "aircraft",
    "strike",
    "strikes",
    "attack",
    "attacks",
    "operation",
    "action",
    "airstrike",
    "airstrikes",
    "bombing",
    "offensive",
    "campaign",
    "missiles",
    "missile",
    "decision",
    "move",
    "aggression",
    "invasion",
    "intervention",
    "delegation",
    "side",
    "counterpart",
    "envoy",
    "spokesman",
    "spokeswoman",
    "diplomats",
    "administration",
    "soldiers",
    "fighters",
    "militias",
    "units",
    "drones",
    "response",
    "retaliation",
    "counterparts",
    "allies",
    "warships",
    "ships",
    "destroyers",
    "planes",
    "warplane",
    "artillery",
    "tanks",
    "helicopters",
    "bombers",
    "positions",
    "targets",
    "bases",
    "camps",
    "headquarters",
    "convoy",
    "vessels",
    "batteries",
    "gunboats",
}


def actors_of(tok: Token, table: EntityTable, kinds: set[str] = ACTORS) -> list[Mention]:
    """Entities a noun phrase headed by `tok` stands for: itself, or its entity modifiers, with conjuncts."""
    out: list[Mention] = []
    for t in _conjuncts(tok):
        m = table.mention_at(t.i)
        if m is not None:
            if m.kind in kinds:
                out.append(m)
            continue
        if t.lower_ not in AGENTIVE_HEADS and t.lemma_ not in AGENTIVE_HEADS:
            continue
        # "Iranian army chiefs", "a US cruise missile attack": an entity modifier stands for the phrase
        for left in t.lefts:
            if left.dep_ not in {"amod", "compound", "poss", "nmod", "nummod"}:
                continue
            for sub in left.subtree:
                mm = table.mention_at(sub.i)
                if mm is not None and mm.kind in kinds and mm.kind != "place" and mm not in out:
                    out.append(mm)
    seen: set[str] = set()
    return [m for m in out if not (m.key in seen or seen.add(m.key))]  # type: ignore[func-returns-value]


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    # "denied carrying out the attack", "rejected claims that it struck"
    while head is not verb and head.pos_ in {"VERB", "AUX", "NOUN"}:
        if head.lemma_ in DENIAL:
            return True
        if head.head is head:
            break
        head = head.head
        if head.dep_ == "ROOT" and head.lemma_ not in DENIAL:
            break
    return verb.head.lemma_ in DENIAL and verb.dep_ in {"xcomp", "ccomp", "pcomp", "dobj"}


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb (inherited through coordination), and whether it is passive."""
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    v = verb
    while not subj and v.dep_ in {"conj", "xcomp", "advcl"} and v.head is not v:
        v = v.head
        subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if v.dep_ == "ROOT":
            break
    # "X was hit by Y" / relative clauses: "a coalition that backs X"
    if not subj and verb.dep_ == "relcl":
        subj = [verb.head]
    if not subj and verb.dep_ == "acl":  # "militias backed by Iran" -> the head is the patient
        return [verb.head], True
    return subj, passive


# Prepositions that introduce the other party, by relation type ("talks with X", "fired at X").
TYPE_PREPS = {
    "STRUCK": {"against", "on", "at", "into"},
    "SUPPORTS": {"to", "for"},
    "OPPOSES": {"against", "with"},
    "CONDEMNED": {"for"},
    "ACCUSED": {"of", "on"},  # "blamed it on X"
    "THREATENED": {"against", "with"},
    "MET_WITH": {"with"},
    "SPOKE_WITH": {"with", "to"},
    "CONTROLS": set(),
    "ALLIED_WITH": {"with"},
}


def _objects(verb: Token, rtype: str | None = None) -> list[Token]:
    preps_ok = TYPE_PREPS.get(rtype or "", {"against", "on", "at", "with", "to", "for", "into"})
    objs = [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]
    for x in (c for c in verb.children if c.dep_ == "xcomp"):
        # "threatened to take action against X": the complement's own object may carry the target
        for holder in (x, *(d for d in x.children if d.dep_ == "dobj")):
            objs += [
                p
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ in {"against", "on", "at"}
                for p in c.children
                if p.dep_ == "pobj"
            ]
    for o in list(objs):  # "launched missiles at X": the object's own 'at/on/against'
        objs += [
            p
            for c in o.children
            if c.dep_ == "prep" and c.lower_ in {"at", "on", "against"}
            for p in c.children
            if p.dep_ == "pobj"
        ]
    for prep in (c for c in verb.children if c.dep_ in {"prep", "dative"}):
        if prep.lower_ in preps_ok or prep.dep_ == "dative":
            objs += [c for c in prep.children if c.dep_ == "pobj"]
    # "struck the airbase and the town": the conjuncts are covered by actors_of
    return objs


def _agents(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _rel(src: Mention, rtype: str, tgt: Mention, sent: Span, conf: float) -> ExtractedRelation | None:
    if src.key == tgt.key:
        return None
    if rtype == "CONTROLS" and tgt.kind not in PLACES - {"country"} | {"place"}:
        return None
    if rtype == "LOCATED_IN" and (src.kind != "place" or tgt.kind not in PLACES):
        return None
    if rtype in {"STRUCK"} and src.kind == "place":
        return None
    if rtype == "AFFILIATED_WITH":
        return None
    if rtype in {
        "MET_WITH",
        "SPOKE_WITH",
        "ALLIED_WITH",
        "SUPPORTS",
        "CONDEMNED",
        "ACCUSED",
        "THREATENED",
        "OPPOSES",
    } and (tgt.kind == "place" or src.kind == "place"):
        return None  # one meets, backs or condemns actors, not places
    return ExtractedRelation(
        source=src.key, type=rtype, target=tgt.key, evidence=sent.text.strip(), confidence=conf
    )  # type: ignore[arg-type]


ACT_NOUNS = {
    "strike",
    "strikes",
    "attack",
    "attacks",
    "operation",
    "action",
    "airstrike",
    "airstrikes",
    "bombing",
    "raid",
    "raids",
    "invasion",
    "offensive",
    "assault",
    "bombardment",
    "move",
    "decision",
    "aggression",
}


class ActMemory:
    """Who carried out the acts the article has reported so far: 'backed the strike' -> the striker."""

    def __init__(self) -> None:
        self.agents: list[Mention] = []

    def note(self, rels: list[ExtractedRelation], table: EntityTable) -> None:
        struck = [r.source for r in rels if r.type == "STRUCK"]
        if struck:
            self.agents = [m for m in table.mentions if m.key in struck][:1]

    def agents_for(self, tok: Token, table: EntityTable) -> list[Mention]:
        if tok.lower_ in ACT_NOUNS and not actors_of(tok, table):
            return list(self.agents)
        return []


def verb_relations(
    sent: Span, table: EntityTable, memory: ActMemory | None = None
) -> Iterator[ExtractedRelation]:
    """Clauses whose verb is a trigger: subject(s) -TYPE-> object(s); passives through the agent."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT"):
            continue
        rtype = VERBS.get(verb.lemma_)
        if rtype is None or _negated(verb):
            continue
        subj_toks, passive = _subjects(verb)
        if memory is not None and rtype == "STRUCK" and not passive:
            strikers = [m for s_ in subj_toks for m in actors_of(s_, table)]
            if strikers:
                memory.agents = strikers[:1]
        if passive:
            agents = [m for a in _agents(verb) for m in actors_of(a, table)]
            patients = [m for s in subj_toks for m in actors_of(s, table, ACTORS | PLACES | {"place"})]
            pairs = [(a, p) for a in agents for p in patients]
        else:
            subjects = [m for s in subj_toks for m in actors_of(s, table)]
            objs = _objects(verb, rtype)
            if verb.lemma_ in {"launch", "fire"}:  # "fired missiles at X": the target, not the missiles
                objs = [o for o in objs if o.dep_ == "pobj"]
            objects = [m for o in objs for m in actors_of(o, table, ACTORS | {"place"})]
            if memory is not None and rtype in {"SUPPORTS", "CONDEMNED", "ACCUSED", "OPPOSES"}:
                objects += [m for o in objs for m in memory.agents_for(o, table)]  # "welcomed the strike"
            pairs = [(s, o) for s in subjects for o in objects]
            # "X and Y spoke by phone", "X met Y": reciprocal verbs without an object relate the subjects
            if rtype in SYMMETRIC and not objects and len(subjects) >= 2:
                pairs = [(a, b) for i, a in enumerate(subjects) for b in subjects[i + 1 :]]
        # "called on X to ..." is a request, not a call
        if (
            rtype == "SPOKE_WITH"
            and verb.lemma_ == "call"
            and not any(c.lower_ in {"phone", "telephone"} for c in sent)
            and not any(p.lower_ == "with" for p in verb.children)
        ):
            continue
        for s, o in pairs:
            r = _rel(s, rtype, o, sent, 0.7)
            if r is not None:
                yield r


def nominal_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """Relations stated in noun phrases: allies, backers, enemies, '-backed', '-held', 'X in Y'."""
    for tok in sent:
        low = tok.lower_
        # "Assad's allies", "its Russian ally", "an ally of X", "X, a key ally of Y", "X and Y are allies"
        if low in ALLY_NOUNS | ENEMY_NOUNS | SUPPORTER_NOUNS:
            rtype = "ALLIED_WITH" if low in ALLY_NOUNS else "OPPOSES"
            if low in SUPPORTER_NOUNS:
                rtype = "SUPPORTS"
            others = [m for c in tok.children if c.dep_ == "poss" for m in actors_of(c, table)]
            others += [
                m
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in {"of", "to", "for"}
                for p in c.children
                if p.dep_ == "pobj"
                for m in actors_of(p, table)
            ]
            if not others:
                # "the Syrian government and its Russian ally": the pronoun's antecedent is the nearest actor before
                pron = next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ == "poss" and c.lower_ in {"its", "his", "her", "their"}
                    ),
                    None,
                )
                if pron is not None:
                    before = [
                        m
                        for m in table.mentions_in(sent.start, pron.i)
                        if m.kind in ACTORS and m.end <= pron.i
                    ]
                    if before:
                        others = [before[-1]]
            selves = [
                m
                for c in tok.children
                if c.dep_ in {"amod", "compound"}
                for m in actors_of(c, table)
                if c.dep_ != "poss"
            ]
            up = tok
            while up.dep_ == "pobj" and up.head.dep_ == "prep" and up.head.lower_ in {"among", "of"}:
                up = up.head.head
                if up.lower_ == "one" and up.dep_ in {"attr", "appos", "nsubj"}:
                    continue
                break
            if up is not tok and up.pos_ in {"AUX", "VERB"} and up.lemma_ == "be":
                selves += [m for c in up.children if c.dep_ == "nsubj" for m in actors_of(c, table)]
            elif up is not tok and up.lower_ == "one":
                tok_for_head = up
                if tok_for_head.dep_ == "attr":
                    selves += [
                        m
                        for c in tok_for_head.head.children
                        if c.dep_ == "nsubj"
                        for m in actors_of(c, table)
                    ]
                elif tok_for_head.dep_ == "appos":
                    selves += actors_of(tok_for_head.head, table)
            if tok.dep_ in {"attr", "appos"}:
                head = tok.head
                if tok.dep_ == "attr":
                    selves += [m for c in head.children if c.dep_ == "nsubj" for m in actors_of(c, table)]
                else:
                    selves += actors_of(head, table)
            elif tok.dep_ in {"nsubj", "dobj", "pobj"} and tok.head.lemma_ in {"include", "be"}:
                pass
            if low in {"allies", "partners"} and not others and tok.dep_ == "attr":
                subs = [m for c in tok.head.children if c.dep_ == "nsubj" for m in actors_of(c, table)]
                for i, a in enumerate(subs):
                    for b in subs[i + 1 :]:
                        r = _rel(a, "ALLIED_WITH", b, sent, 0.6)
                        if r:
                            yield r
            for s in selves:
                for o in others:
                    r = _rel(s, rtype, o, sent, 0.7)
                    if r:
                        yield r
        # "Iran-backed militias", "US-led coalition", "rebel-held town"
        if tok.text == "-" and tok.i + 1 < len(tok.doc) and tok.i > 0:
            verb = tok.doc[tok.i + 1].lower_
            htype = HYPHEN_VERBS.get(verb)
            if htype is None:
                continue
            left = table.mention_at(tok.i - 1)
            noun = tok.doc[tok.i + 1].head
            right = [m for m in actors_of(noun, table, ACTORS | {"place"}) if m is not left]
            right += [
                m
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
                for m in actors_of(p, table, {"place"})
            ]
            if left is None and tok.doc[tok.i - 1].lower_ in {
                "rebel",
                "opposition",
                "militant",
                "jihadist",
                "insurgent",
            }:
                left = next(
                    (m for m in table.mentions if m.kind == "armed_group" and "rebel" in m.key.lower()), None
                )
            if left is None:
                continue
            for r_m in right:
                if htype == "CONTROLS":
                    rel = _rel(left, "CONTROLS", r_m, sent, 0.7)
                elif verb == "led":
                    rel = _rel(left, "SUPPORTS", r_m, sent, 0.5)
                else:
                    rel = _rel(left, htype, r_m, sent, 0.7)
                if rel:
                    yield rel
        # "support for X", "condemnation of X", "attack on X" with a possessor or 'by' agent
        if low in {
            "support",
            "backing",
            "condemnation",
            "attack",
            "strike",
            "strikes",
            "airstrike",
            "airstrikes",
            "aggression",
            "talks",
            "meeting",
            "call",
        }:
            rtype = {
                "support": "SUPPORTS",
                "backing": "SUPPORTS",
                "condemnation": "CONDEMNED",
                "aggression": "OPPOSES",
                "talks": "SPOKE_WITH",
                "meeting": "MET_WITH",
                "call": "SPOKE_WITH",
            }.get(low, "STRUCK")
            agents = [
                m for c in tok.children if c.dep_ in {"poss", "amod", "compound"} for m in actors_of(c, table)
            ]
            agents += [
                m
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "by"
                for p in c.children
                for m in actors_of(p, table)
            ]
            preps = (
                {"for"}
                if rtype == "SUPPORTS"
                else {"of"}
                if rtype == "CONDEMNED"
                else {"with"}
                if rtype in SYMMETRIC
                else {"on", "against"}
            )
            targets = [
                m
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in preps
                for p in c.children
                if p.dep_ == "pobj"
                for m in actors_of(p, table, ACTORS | {"place"})
            ]
            if not agents and rtype in {"SUPPORTS", "SPOKE_WITH", "MET_WITH", "CONDEMNED"}:
                # "pledged support for X", "said in a phone call with X": the clause's subject is the agent
                clause_verb = tok.head
                for _ in range(3):
                    if clause_verb.pos_ in {"VERB", "AUX"} or clause_verb.head is clause_verb:
                        break
                    clause_verb = clause_verb.head
                if clause_verb.pos_ in {"VERB", "AUX"} and clause_verb.lemma_ not in {
                    "end",
                    "cancel",
                    "reject",
                    "deny",
                    "postpone",
                }:
                    agents = [m for s_ in _subjects(clause_verb)[0] for m in actors_of(s_, table)]
            if rtype in SYMMETRIC and not targets and len(agents) >= 2:
                # "X and his counterpart Y agreed in a telephone call"
                for i, a in enumerate(agents):
                    for b in agents[i + 1 :]:
                        r = _rel(a, rtype, b, sent, 0.5)
                        if r:
                            yield r
            for a in agents:
                for t in targets:
                    r = _rel(a, rtype, t, sent, 0.6)
                    if r:
                        yield r


CONFLICT_NOUNS = {
    "war",
    "fighting",
    "conflict",
    "clashes",
    "aggression",
    "hostilities",
    "fight",
    "battle",
    "offensive",
    "campaign",
    "sanctions",
}


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
            if verb.pos_ == "VERB" and verb.lemma_ not in {
                "end",
                "stop",
                "halt",
                "condemn",
                "escape",
                "flee",
            }:
                agents = [m for s_ in _subjects(verb)[0] for m in actors_of(s_, table)]
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            objs = [m for p in prep.children if p.dep_ == "pobj" for m in actors_of(p, table)]
            if prep.lower_ in {"against", "on", "with"}:
                for a in agents:
                    for o in objs:
                        r = _rel(a, "OPPOSES", o, sent, 0.6)
                        if r:
                            yield r
            elif prep.lower_ == "between" and len(objs) >= 2:
                r = _rel(objs[0], "OPPOSES", objs[1], sent, 0.5)
                if r:
                    yield r


def place_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'X in Y', 'X, in Y', "Y's X", 'a Syrian airbase': places inside places and countries."""
    for m in table.mentions_in(sent.start, sent.end):
        if m.kind != "place":
            continue
        doc = sent.doc
        j = m.end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ in {"in", "near", "outside"} and j + 1 < len(doc):
            k = j + 1
            while k < len(doc) and doc[k].lower_ in {
                "the",
                "northern",
                "southern",
                "eastern",
                "western",
                "central",
                "north",
                "south",
                "east",
                "west",
                "northwestern",
                "northeastern",
                "southwestern",
                "southeastern",
            }:
                k += 1
            other = table.mention_at(k)
            if other is not None and other.kind in PLACES and other.key != m.key:
                r = _rel(m, "LOCATED_IN", other, sent, 0.7)
                if r:
                    yield r
        # "Syria's Idlib province", "the Syrian city of Homs"
        k = m.start - 1
        while k >= sent.start and doc[k].lower_ in {
            "'s",
            "’s",
            "the",
            "city",
            "town",
            "of",
            "province",
            "northern",
            "southern",
            "eastern",
            "western",
            "village",
        }:
            k -= 1
        if k >= sent.start and k < m.start - 1:
            other = table.mention_at(k)
            if other is not None and other.kind in PLACES and other.key != m.key:
                r = _rel(m, "LOCATED_IN", other, sent, 0.6)
                if r:
                    yield r
        # "a Syrian government airbase": the country controls it and it lies there
        root = doc[m.end - 1]
        for child in root.children:
            if child.dep_ in {"amod", "compound"} and child.i < m.start:
                other = table.mention_at(child.i)
                if other is not None and other.kind == "country":
                    r = _rel(m, "LOCATED_IN", other, sent, 0.6)
                    if r:
                        yield r


def find_relations(sents: Iterable[Span], table: EntityTable) -> list[ExtractedRelation]:
    """All relations of the evidence sentences, one per (source, type, target), first evidence kept."""
    out: dict[tuple[str, str, str], ExtractedRelation] = {}
    memory = ActMemory()
    for sent in sents:
        found = [
            *verb_relations(sent, table, memory),
            *nominal_relations(sent, table),
            *conflict_relations(sent, table),
            *place_relations(sent, table),
        ]
        memory.note(found, table)
        for r in found:
            key = (r.source, r.type, r.target)
            if r.type in SYMMETRIC:
                key = (min(r.source, r.target), r.type, max(r.source, r.target))
            out.setdefault(key, r)
    return list(out.values())


__all__ = ["Doc", "actors_of", "find_relations"]
