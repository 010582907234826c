"""Constructions that decide an event's type beyond its trigger word, or that there is no event.

Each rule is about a construction, not a sentence: what a verb's object or complement is ("seized the
town" is an assault, "seized documents" is not), what frame a noun stands in ("signed the deal" agrees,
"the deal" alone mentions an agreement). The frames it reads are `frames` (calls, accords, fire) and
`blame` (accusations and denials in reported speech).
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.events.agreements import agreement
from loaders.events.blame import (
    approved_act,
    denied_claim,
    denied_own_act,
    held_responsible,
    naming_predicate,
    wrongdoing_clause,
)
from loaders.events.construction_cues import (
    aim_of_noun,
    armed_fight,
    armed_flight,
    crowd_control,
    dispersal,
    driven_out,
    emergency_rule,
    evacuated_people,
    gave_aid,
    gerund_noun,
    incursion,
    labour_strike,
    took_to_streets,
    visitor,
)
from loaders.events.frames import (
    from_accord,
    impact_places,
    is_phone_call,
    promised_force,
    promised_justice,
    threatened_force,
    under_fire,
    weapon,
)
from loaders.events.lexicon import (
    ACCORD_NOUNS,
    ARRIVAL_VERBS,
    BACKING_DOWN_WORDS,
    CAPTIVE_NOUNS,
    CAPTURE_VERBS,
    CLASH_WORDS,
    COMPELLING_VERBS,
    CONTAINER_NOUNS,
    DISAPPROVAL_NOUNS,
    DRIVING_VERBS,
    ENVOY_NOUNS,
    ENVOY_VERBS,
    EVACUATING_VERBS,
    EXCHANGED_FIRE,
    EXCHANGING_VERBS,
    EXPRESSING_VERBS,
    FLEEING_VERBS,
    FORCE_NOUNS,
    FORCE_OBJECTS,
    IMPOSING_VERBS,
    LASHING_VERBS,
    NAMING_VERBS,
    OUSTING_VERBS,
    OUT_OF_PLACE,
    PERFORMING_VERBS,
    PLACE_NOUNS,
    POWER_NOUNS,
    PRESSING_VERBS,
    PROMISE_VERBS,
    QUANTITY_NOUNS,
    RECOGNITION_VERBS,
    REQUEST_VERBS,
    RULER_NOUNS,
    SENDING_VERBS,
    SENT_FORCE_NOUNS,
    SEVERING_VERBS,
    SIDING_VERBS,
    SOUGHT_HELP,
    SPEECH_VERBS,
    TIES_NOUNS,
    TRIGGERS,
    VERB_ONLY,
    WITHDRAWAL_VERBS,
)
from loaders.events.syntax import NOUNS, VERBS, objects


def classify(tok: Token, etype: str | None) -> tuple[str | None, str]:
    """(type, construction) for a token, `etype` being its trigger lexicon type; type None: no event."""
    lemma = tok.lemma_.lower()
    if is_phone_call(tok):
        return "CONSULT", "call"
    if tok.pos_ in NOUNS and labour_strike(tok):
        return "PROTEST", "labour"  # "a wage strike", "went on strike": workers' protest, no attack
    if tok.pos_ in VERBS:
        if lemma == "come" and under_fire(tok) is not None:
            return "ASSAULT", "under_fire"  # "X came under fire from Y"
        if crowd_control(tok) or dispersal(tok):
            return "COERCE", "verb"  # "fired tear gas at protesters", "dispersed the crowd"
        if (
            lemma in COMPELLING_VERBS
            and objects(tok)
            and any(c.dep_ == "xcomp" for c in tok.children)
            and not aim_of_noun(tok)
        ):
            return "COERCE", "verb"  # "forced the plane to land", "compelled the ship to turn back"
        if impact_places(tok):
            return "ASSAULT", "impact"  # "rockets fired by Y landed in X", "an X missile slammed into Y"
        if incursion(tok):
            return "ASSAULT", "incursion"  # "X troops crossed into Y", "X tanks rolled into C"
        if (
            etype is None
            and lemma in PERFORMING_VERBS
            and any(weapon(o) or o.lower_ == "fire" for o in objects(tok))
        ):
            return "ASSAULT", "verb"  # "unleashed mortar fire on X", "rained shells on X": what was fired
        if lemma in DRIVING_VERBS and driven_out(tok):
            return "ASSAULT", "verb"  # "drove the rebels out of X", "forced them from their bases"
        if lemma in SENDING_VERBS and any(
            o.lower_ in sent or any(c.dep_ == "compound" and c.lower_ in sent for c in o.children)
            for sent in [FORCE_NOUNS | SENT_FORCE_NOUNS]
            for o in objects(tok)
        ):
            return "MOBILIZE", "verb"  # "sent troops to the border", "massed troops near X"
        if (
            lemma == "call"
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
            and any(o.lower_ in FORCE_NOUNS for o in objects(tok))
        ):
            return "MOBILIZE", "verb"  # "called up 30,000 reservists": a mobilisation, not a request
        if lemma in WITHDRAWAL_VERBS and from_accord(tok) is not None:
            return "REJECT", "withdrawal"
        if lemma == "pull" and not any(
            c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in OUT_OF_PLACE for c in tok.children
        ):  # the parser makes "out" of "pulled its troops out of X" a preposition, "back" an adverb
            return None, ""  # "pulled out", "pulled back" is a retreat; "pulled the plug" is not
        if lemma == "abandon":
            objs = objects(tok)
            if any(o.lemma_.lower() in ACCORD_NOUNS for o in objs):
                return "REJECT", "verb"  # "abandoned the deal"
            if not any(o.lemma_.lower() in PLACE_NOUNS or o.pos_ == "PROPN" for o in objs):
                return None, ""  # "abandoned hope"; "abandoned the town" is a retreat
        if (
            lemma == "turn"
            and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
            and objects(tok)
        ):
            return "REJECT", "verb"  # "turned down the offer": a refusal
        if lemma == "decline" and any(o.pos_ == "NOUN" for o in objects(tok)):
            return "REJECT", "verb"  # "declined the invitation"; "declined to comment" is no act
        if lemma == "seek" and any(o.lemma_.lower() in SOUGHT_HELP for o in objects(tok)):
            return "REQUEST", "verb"  # "sought Y's help / mediation"
        if lemma == "cordon" and objects(tok):
            return "COERCE", "verb"  # "cordoned off the town"
        if lemma in LASHING_VERBS and any(
            c.dep_ in {"prt", "advmod"} and c.lower_ == "out" for c in tok.children
        ):
            return "ACCUSE", "verb"  # "X lashed out at Y"
        if lemma in NAMING_VERBS and naming_predicate(tok):
            return "ACCUSE", "naming"
        if lemma == "hold" and held_responsible(tok):
            return "ACCUSE", "responsible"  # "X held Y responsible for the attack"
        if lemma in SPEECH_VERBS and threatened_force(tok) is not None:
            return "THREATEN", "threat"  # "X said it would strike back if Y attacked": force promised
        if lemma in SPEECH_VERBS and denied_own_act(tok):
            return "REJECT", "verb"  # "X said its troops did not enter Y": a denial, not an accusation
        if lemma in SPEECH_VERBS and wrongdoing_clause(tok) is not None:
            return "ACCUSE", "reported"
        if lemma in SPEECH_VERBS and approved_act(tok):
            return "SUPPORT", "approval"  # "X said the truce was the right step": X backs it
        if lemma in SPEECH_VERBS and denied_claim(tok):
            return "REJECT", "verb"
        if lemma in REQUEST_VERBS and any(
            c.dep_ == "prep"
            and c.lower_ in {"for", "on"}
            and not any(p.ent_type_ in {"DATE", "TIME"} for p in c.children)
            for c in tok.children
        ):  # "called on Tuesday" is no request: a date is the day of the call, not its addressee
            return "REQUEST", "verb"  # "called for talks", "called on X to withdraw"
        if lemma in REQUEST_VERBS and any(
            c.dep_ in {"advcl", "ccomp"}
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(a.dep_ == "auxpass" for a in c.children)
            for c in tok.children
        ):
            return (
                "REQUEST",
                "verb",
            )  # "called for democracy to be maintained": "for" opens the clause asked for
        if (
            etype == "SUPPORT"
            and lemma in PROMISE_VERBS
            and any(o.lemma_.lower() in FORCE_OBJECTS for o in objects(tok))
        ):
            return "THREATEN", "verb"  # "vowed retaliation", "vowed targeted military actions"
        if lemma in PROMISE_VERBS and promised_justice(tok):
            return "THREATEN", "verb"  # "vowed that those responsible would be brought to justice"
        if lemma in PROMISE_VERBS and promised_force(tok) is not None:
            return "THREATEN", "promise"  # "vowed to crush the rebels", "promised to end the siege"
        if (
            etype == "SUPPORT"
            and lemma in PROMISE_VERBS
            and not objects(tok)
            and any(c.dep_ == "xcomp" and c.pos_ in VERBS for c in tok.children)
        ):
            return None, ""  # "pledged to deepen their cooperation": a promise; its own verb tells the event
        if (
            etype == "SUPPORT"
            and lemma in PROMISE_VERBS
            and any(TRIGGERS.get(o.lemma_.lower(), "SUPPORT") != "SUPPORT" for o in objects(tok))
        ):
            return None, ""  # "vowed continued cooperation": the promised noun tells the event
        if lemma in EXPRESSING_VERBS and any(o.lemma_.lower() in DISAPPROVAL_NOUNS for o in objects(tok)):
            return "ACCUSE", "disapproval"
        if lemma in RECOGNITION_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "as" for t in [tok, *objects(tok)] for c in t.children
        ):
            return "SUPPORT", "verb"
        if lemma in SEVERING_VERBS and any(o.lemma_.lower() in TIES_NOUNS for o in objects(tok)):
            return "SANCTION", "ties"
        if lemma in ENVOY_VERBS and any(o.lemma_.lower() in ENVOY_NOUNS for o in objects(tok)):
            return "SANCTION", "verb"
        if lemma in ARRIVAL_VERBS and any(visitor(s) for s in tok.children if s.dep_ == "nsubj"):
            return "CONSULT", "verb"  # "the president arrived in X": a visit
        if lemma in EVACUATING_VERBS and evacuated_people(tok):
            return None, ""  # "refugees were evacuated to X": a rescue of people, no side's retreat
        if (
            lemma == "leave"
            and armed_flight(tok)
            and any(o.pos_ == "PROPN" or o.lemma_.lower() in PLACE_NOUNS for o in objects(tok))
        ):
            return "RETREAT", "verb"  # "army units left the town of X": forces leaving a place
        if lemma == "put" and any(
            c.dep_ == "prep" and c.lower_ == "under" and any(p.lemma_.lower() == "arrest" for p in c.children)
            for c in tok.children
        ):
            return "COERCE", "verb"  # "put the opposition leader under house arrest"
        if (
            lemma == "round"
            and objects(tok)
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
        ):
            return "COERCE", "verb"  # "rounded up dozens of activists"
        if lemma in FLEEING_VERBS and armed_flight(tok):
            return "RETREAT", "verb"  # "his forces fled the city"; civilians fleeing is no retreat
        if lemma in PRESSING_VERBS and objects(tok) and any(c.dep_ == "xcomp" for c in tok.children):
            return "REQUEST", "verb"  # "pressed Germany to send tanks"
        if (
            etype == "SUPPORT"
            and lemma == "back"
            and any(c.dep_ in {"prt", "advmod"} and c.lower_ in BACKING_DOWN_WORDS for c in tok.children)
        ):
            return "CONCEDE", "verb"  # "backed down on its plan", "backed away from its threat"
        if etype is None and gave_aid(tok):
            return "AID", "verb"  # "provided X with air defence systems", "shipped fuel to X"
        if lemma in SIDING_VERBS and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            return "SUPPORT", "verb"  # "X sided with Y"
        if lemma in OUSTING_VERBS and any(
            o.ent_type_ == "PERSON" or o.lemma_.lower() in RULER_NOUNS
            for o in [*objects(tok), *(c for c in tok.children if c.dep_ == "nsubjpass")]
        ):  # "a coup in X toppled President Y", "Y was overthrown"; "toppled a statue" is no coercion
            return "COERCE", "ousted"
        if lemma == "take" and took_to_streets(tok):
            return "PROTEST", "verb"  # "thousands took to the streets of X": a protest
        if lemma in CAPTURE_VERBS and any(o.lemma_.lower() in POWER_NOUNS for o in objects(tok)):
            return "COERCE", "coup"  # "soldiers seized power": a coup, done by the country's own forces
        if lemma in IMPOSING_VERBS and any(emergency_rule(o) for o in objects(tok)):
            return "COERCE", "verb"  # "imposed a curfew on X", "declared martial law", "a state of emergency"
        if lemma in CAPTURE_VERBS:
            # a town or a position taken by force is an assault; people or goods seized are coercion
            objs = objects(tok) or [c for c in tok.children if c.dep_ == "nsubjpass"]
            # "took control of X", "seized parts of X": the place is the preposition's object
            held = [
                p
                for o in objs
                if o.lemma_.lower() in CONTAINER_NOUNS or o.lower_ in QUANTITY_NOUNS
                for c in o.children
                if c.lower_ == "of"
                for p in c.children
            ]
            # "seized a number of strategic heights": a container of place nouns is places too
            if any(p.pos_ == "PROPN" or p.lower_ in PLACE_NOUNS for p in held) or any(
                o.lemma_.lower() in PLACE_NOUNS
                or o.lower_ in PLACE_NOUNS
                or o.ent_type_ in {"GPE", "LOC", "FAC"}
                for o in objs
            ):
                return "ASSAULT", "verb"
            if lemma == "take":
                return None, ""  # "took part", "took documents": taking is an event only of places
        if lemma in EXCHANGING_VERBS and any(o.lemma_.lower() in EXCHANGED_FIRE for o in objects(tok)):
            return "ASSAULT", "clash"  # "X and Y exchanged fire", "X traded shots with Y": both sides fight
        if lemma == "open" and any(o.lower_ == "fire" for o in objects(tok)):
            return "ASSAULT", "verb"  # "opened fire on X": the subject assaults the "on" object
        if tok.tag_ == "VBG" and tok.lower_ in CLASH_WORDS and gerund_noun(tok):
            return "ASSAULT", "clash"  # "the start of fighting between X and Y": a gerund used as a noun
        if lemma in CLASH_WORDS and lemma != "fight":
            return "ASSAULT", "clash"
        if lemma == "fight" and tok.tag_ == "VBD":
            fought = armed_fight(tok)  # "X and Y fought for the airport", "X fought the rebels"
            if fought is not None:
                return "ASSAULT", fought
    if tok.pos_ in NOUNS and tok.lower_ in CLASH_WORDS and tok.lower_ != "fight":
        return "ASSAULT", "clash"
    if etype is None or (tok.pos_ in NOUNS and lemma in VERB_ONLY):
        return None, ""
    if etype == "AID" and tok.pos_ in NOUNS and tok.head.lemma_.lower() in SEVERING_VERBS:
        return None, ""  # "cut off gas supplies to X": a sanction, told by the verb
    if tok.pos_ in NOUNS and tok.dep_ == "compound":
        return None, ""  # "the sanctions package", "peace talks venue": the head noun is the thing told
    if (
        etype == "CONCEDE"
        and lemma == "release"
        and not any(o.lemma_.lower() in CAPTIVE_NOUNS or o.ent_type_ == "PERSON" for o in objects(tok))
    ):
        return None, ""  # "released videos": a publication, not a concession
    if etype == "AGREE":
        return agreement(tok)  # an accord concluded, or only mentioned or opined on
    return etype, "verb" if tok.pos_ in VERBS else "noun"
