"""Trigger words in a sense that is no event: "launched an inquiry", "fired the minister", "struck a deal",
"hit by floods", "spoke to reporters", "hosts refugees", "signed a decree", "backed away from".

Each test reads the trigger's own arguments (its object, its subject or agent, a particle), so the word stays
an event trigger in its event sense ("launched missiles", "fired on the convoy", "hosted the talks").
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.events.lexicon import (
    ACCORD_NOUNS,
    ASSAULT_NOUNS,
    CAPTIVE_NOUNS,
    COMPELLING_VERBS,
    CROWD_COUNT_NOUNS,
    CROWD_PROTEST_VERBS,
    DISASTER_NOUNS,
    ENDANGERED_NOUNS,
    FIGHTER_NOUNS,
    FIRE_NOUNS,
    FORCE_NOUNS,
    GUEST_NOUNS,
    LIFTING_VERBS,
    MEDIA_AUDIENCE_NOUNS,
    MEMBERSHIP_NOUNS,
    NON_ACCORD_PAPERS,
    OCCASION_VERBS,
    OFFICE_NOUNS,
    PLACE_NOUNS,
    PROTESTER_NOUNS,
    QUESTION_MARKS,
    SPEECH_NOUNS,
    STAFF_NOUNS,
    SURRENDER_WORDS,
    TRIGGERS_BY_TYPE,
    WEAPON_NOUNS,
)
from loaders.events.syntax import NOUNS, VERBS, objects, relative_antecedent

# CONSULT nouns ("talks", "summit") and the people one hosts for them ("his counterpart", "a delegation")
_MEETING_WORDS = frozenset(TRIGGERS_BY_TYPE["CONSULT"]) | ACCORD_NOUNS | OFFICE_NOUNS


def other_sense(tok: Token, etype: str) -> bool:
    """The trigger is used in a sense that tells no event of its type."""
    if tok.pos_ in NOUNS:
        if etype == "THREATEN" and tok.lemma_.lower() == "warning":
            # "a warning of reprisals from X", "X's warning", "a warning to Y": a warning with its giver
            # or its addressee named; "without warning", "warning shots", "a travel warning" tell no threat
            return not any(c.dep_ == "poss" for c in tok.children) and not any(
                (p.dep_ == "prep" and p.lower_ == "from")
                or (p.dep_ == "prep" and p.lower_ == "to" and p.head is tok)
                for p in tok.subtree
            )
        return etype == "SANCTION" and standing_measure(tok)
    if tok.pos_ not in VERBS:
        return False
    lemma = tok.lemma_.lower()
    objs = objects(tok)
    if etype == "ASSAULT":
        return assault_sense(tok, lemma, objs)
    if etype == "CONSULT":
        if lemma in {"speak", "talk"}:
            return addressed_media(tok)  # "spoke to reporters": a statement, not a consultation
        if lemma == "host":
            # "hosts four million refugees", "hosts an American base": a state of things, not a meeting
            return bool(objs) and not any(meeting_guest(o) for o in objs)
        return False
    if etype == "AGREE":
        if lemma == "deal":
            return True  # "to deal with the crisis": the noun is the agreement, the verb is coping
        # "signed a decree / the bill into law / a letter": a paper of one side, no accord between sides
        papers = [*objs, *(c for c in tok.children if c.dep_ == "nsubjpass")]
        if lemma == "sign" and any(surrender_paper(p) for p in papers):
            return True  # "the surrender document was signed by X": the surrender, told as a CONCEDE
        return lemma == "sign" and any(o.lemma_.lower() in NON_ACCORD_PAPERS for o in objs)
    if etype == "SUPPORT" and lemma == "welcome":
        # "welcomed refugees", "welcomed the prime minister in Ankara": a reception, not backing of a move
        return bool(objs) and all(o.ent_type_ == "PERSON" or o.lower_ in GUEST_NOUNS for o in objs)
    if etype == "COOPERATE" and lemma == "join":
        # "Sweden joined NATO", "joined the alliance": membership of a named body or bloc; "joined the
        # talks / the protest / the army" or "joined France in condemning X" is no cooperation between
        # sides, and "bid / hopes / applied to join", "blocked from joining" are a membership to come
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or tok.dep_ == "pcomp":
            return True
        if any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            return True
        return not any(
            (o.pos_ == "PROPN" and o.ent_type_ == "ORG") or o.lemma_.lower() in MEMBERSHIP_NOUNS for o in objs
        )
    if etype == "THREATEN" and lemma == "threaten":
        # "threatened the lives of civilians", "threatens regional security": endangering, not a threat
        return any(o.lemma_.lower() in ENDANGERED_NOUNS or o.lower_ in ENDANGERED_NOUNS for o in objs)
    if etype == "PROTEST":
        # "marched to mark Independence Day", "rallied to celebrate the victory": a commemoration
        return any(c.dep_ == "advcl" and c.lemma_.lower() in OCCASION_VERBS for c in tok.children)
    if etype == "SUPPORT" and tok.tag_ == "VBG" and (tok.dep_ == "amod" or nominal_conjunct(tok)):
        return True  # "the army and supporting militias": a description of the militias, no act of backing
    if etype == "REQUEST" and lemma == "ask":
        # "when asked whether the march was legal", "asked if X would send troops": a question
        return any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for c in tok.children for m in c.children)
    if etype == "AID":
        # "flew to X to deliver a speech": words said, not goods given
        return bool(objs) and all(o.lemma_.lower() in SPEECH_NOUNS or o.lower_ in SPEECH_NOUNS for o in objs)
    if etype == "CONCEDE" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in COMPELLING_VERBS:
        return True  # "forced to resign": the coercion is the event, told by the compelling verb
    if etype == "SUPPORT" and lemma == "back":
        # "backed away from its plan", "backed down": a retreat from a position, not backing
        return any(c.dep_ in {"prt", "advmod"} and c.lower_ in {"away", "down", "off"} for c in tok.children)
    return False


def surrender_paper(paper: Token) -> bool:
    """'the surrender document', 'the instrument of surrender': the paper of one side's surrender."""
    words = [paper, *(c for c in paper.children if c.dep_ in {"compound", "amod"})]
    words += [p for c in paper.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return any(w.lemma_.lower() in SURRENDER_WORDS for w in words)


def nominal_conjunct(tok: Token) -> bool:
    """A participle the parser joins to a noun ("soldiers and supporting militias" read as "soldiers and
    supporting"): part of a noun phrase, with no subject of its own."""
    return (
        tok.dep_ == "conj"
        and tok.head.pos_ in NOUNS
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in tok.children)
    )


def assault_sense(tok: Token, lemma: str, objs: list[Token]) -> bool:
    """An assault verb in another sense, or whose doer is no side at all."""
    if caused_by_disaster(tok):
        return True  # "an earthquake killed 300", "was hit by floods", "killed in a car crash"
    if lemma == "launch":
        # "launched missiles / an offensive / an operation" is force; "launched an inquiry / an appeal /
        # a campaign to vaccinate" is not
        return bool(objs) and not any(weapon_or_act(o) for o in objs)
    if lemma == "fire":
        # "fired the interior minister", "fired 300 striking workers": a dismissal
        return any(o.ent_type_ == "PERSON" or o.lower_ in OFFICE_NOUNS | STAFF_NOUNS for o in objs)
    if lemma in {"strike", "hit"}:
        # "struck a deal", "hit a record": the object is no target
        return any(
            o.lemma_.lower() in ACCORD_NOUNS | {"balance", "tone", "record", "high", "low"} for o in objs
        )
    if lemma == "blast":
        # "blasted the decision": criticism; "blasted rebel bases" is force on a place
        return not any(
            o.lemma_.lower() in PLACE_NOUNS or o.lower_ in PLACE_NOUNS or o.ent_type_ in {"GPE", "LOC", "FAC"}
            for o in objs
        )
    if lemma == "execute":
        # "executed a plan / an order": carried out; people executed are killed
        return bool(objs) and not any(
            o.ent_type_ in {"PERSON", "NORP"} or o.lower_ in CAPTIVE_NOUNS or o.pos_ == "PROPN" for o in objs
        )
    if lemma == "target":
        # "targeted a ship / rebel positions" is force; "targeted X with sanctions", "the campaign targeted
        # young voters" (no armed doer named) are not: force needs its doer and no other means than weapons
        means = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
        return any(not weapon_or_act(m) for m in means) or not any(
            c.dep_ == "nsubj" and (c.ent_type_ or c.lower_ in FIGHTER_NOUNS | FORCE_NOUNS | OFFICE_NOUNS)
            for c in tok.children
        )
    if lemma == "come":
        # "came under fire from rights groups over the arrests": criticism over something
        return any(
            c.dep_ == "prep"
            and c.lower_ in {"over", "for"}
            and not any(p.ent_type_ in {"GPE", "LOC"} for p in c.children)
            for c in tok.subtree
        )
    return False


def weapon_or_act(obj: Token) -> bool:
    """'missiles', 'attacks', 'an operation', 'a military campaign', 'a wave of strikes': what one launches
    in a fight."""
    heads = [obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)]
    fight = WEAPON_NOUNS | FIRE_NOUNS | ASSAULT_NOUNS | FORCE_NOUNS
    if any(h.lemma_.lower() in fight or h.lower_ in fight for h in heads):
        return True
    return any(
        c.dep_ in {"amod", "compound"} and c.lower_ in {"military", "air", "ground"} for c in obj.children
    )


def caused_by_disaster(verb: Token) -> bool:
    """The verb's doer is a disaster or an accident: its subject, its "by" agent or the "in" phrase of a
    passive ("were killed in a car crash")."""
    doers = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    doers += [
        p
        for c in verb.children
        if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "in"}
        for p in c.children
    ]
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        doers = [d for d in doers if d.dep_ != "pobj" or d.head.lower_ != "in"]
    return any(d.lemma_.lower() in DISASTER_NOUNS or d.lower_ in DISASTER_NOUNS for d in doers)


def addressed_media(verb: Token) -> bool:
    """'spoke to reporters', 'talked to state television': who was addressed is the press."""
    return any(
        p.lower_ in MEDIA_AUDIENCE_NOUNS or p.lemma_.lower() in MEDIA_AUDIENCE_NOUNS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"to", "with"}
        for p in c.children
    )


def meeting_guest(obj: Token) -> bool:
    """What a host receives in a meeting: a named person, state or body, a delegation, talks."""
    if obj.pos_ == "PROPN" or obj.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"}:
        return True
    return obj.lemma_.lower() in _MEETING_WORDS or obj.lower_ in _MEETING_WORDS | {
        "counterpart",
        "delegation",
    }


def standing_measure(noun: Token) -> bool:
    """Sanctions told as a state, not imposed: lifted or eased ("lifted sanctions on X", a concession), the
    subject of what they do ("sanctions have crippled its economy"), or what one is under ("under
    sanctions", "subject to an embargo")."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in LIFTING_VERBS:
        return True
    if noun.dep_ == "nsubj" and head.pos_ in VERBS and head.lemma_.lower() not in {"take", "come", "enter"}:
        return True  # "took effect", "came into force" still tell the measure's start
    return noun.dep_ == "pobj" and (
        head.lower_ == "under" or (head.lower_ == "to" and head.head.lower_ == "subject")
    )


def crowd_act(verb: Token) -> bool:
    """'Protesters stormed the parliament', 'crowds attacked the embassy': an assault verb whose every
    subject is a crowd of demonstrators tells a protest turned violent, not a side's armed attack."""
    if verb.pos_ not in VERBS:
        return False
    subj = [relative_antecedent(c) for c in verb.children if c.dep_ == "nsubj"]  # "protesters who ..."
    subj += [k for s in subj for k in s.conjuncts]
    return bool(subj) and all(crowd(s) for s in subj)


def crowd(noun: Token) -> bool:
    """A crowd of demonstrators: "protesters", or a count of them ("hundreds of students")."""
    if noun.lower_ in PROTESTER_NOUNS:
        return True
    return noun.lower_ in CROWD_COUNT_NOUNS and any(
        p.lower_ in PROTESTER_NOUNS for c in noun.children if c.lower_ == "of" for p in c.children
    )


def crowd_protest(verb: Token) -> bool:
    """'Protesters burned flags', 'crowds gathered outside the embassy': a crowd's act of protest that no
    trigger names."""
    return verb.lemma_.lower() in CROWD_PROTEST_VERBS and crowd_act(verb)


def scene_of_act(tok: Token) -> bool:
    """A gathering noun that is where its clause's act happens ("chanted at the rally", "were arrested
    during the protest"): the gathering is told as going on, not pointed back to."""
    return (
        tok.pos_ in NOUNS
        and tok.dep_ == "pobj"
        and tok.head.lower_ in {"at", "during"}
        and tok.head.head.pos_ in VERBS
    )


# Named-entity types whose names may hold a trigger word ("Alliance", "Front", "Resistance"); a person's
# is left out: a title-case headline's verb ("Marcos Flees") is often tagged as part of one.
NAMING_ENTITIES = {"ORG", "NORP", "FAC", "GPE", "LOC"}


def in_name(tok: Token) -> bool:
    """A proper noun inside a multi-word name of a body or a place: a word of the name, no event."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in NAMING_ENTITIES:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and len([t for t in ent if t.pos_ == "PROPN"]) > 1
