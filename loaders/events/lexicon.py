"""Event trigger words and construction word lists, read once from `loaders/data/event_triggers.json`."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.relations.lexicon import words as relation_words

DATA = Path(__file__).resolve().parent.parent / "data" / "event_triggers.json"
_DATA: dict[str, object] = json.loads(DATA.read_text(encoding="utf-8"))


def words(name: str) -> frozenset[str]:
    """One word list of the data file."""
    value = _DATA[name]
    assert isinstance(value, list), name
    return frozenset(value)


def names(name: str) -> dict[str, str]:
    """One name -> name table of the data file."""
    value = _DATA[name]
    assert isinstance(value, dict), name
    return {str(k): str(v) for k, v in value.items()}


def counts(name: str) -> dict[str, int]:
    """One word -> number table of the data file."""
    value = _DATA[name]
    assert isinstance(value, dict), name
    return {str(k): int(v) for k, v in value.items()}


def _triggers() -> dict[str, list[str]]:
    value = _DATA["triggers"]
    assert isinstance(value, dict)
    return {str(k): list(v) for k, v in value.items()}


TRIGGERS_BY_TYPE = _triggers()
TRIGGERS: dict[str, str] = {w: t for t, ws in TRIGGERS_BY_TYPE.items() for w in ws}
PHONE_NOUNS = words("phone_nouns")
PHONE_WORDS = words("phone_words")
PERFORMING_VERBS = words("performing_verbs")
# "rockets landed in X", "a shell slammed into X": a weapon's impact on where it hit
IMPACT_VERBS = words("impact_verbs")
IMPACT_PREPS = words("impact_preps")
CAPTURE_VERBS = words("capture_verbs")
PLACE_NOUNS = words("place_nouns")
CAPTIVE_NOUNS = words("captive_nouns")
NAMING_VERBS = words("naming_verbs")
ACCUSATION_PREDICATES = words("accusation_predicates")
SPEECH_VERBS = words("speech_verbs")
# Speech verbs that accuse by themselves: "X alleged that Y ...", "X charges Y is backed by Z".
ALLEGING_VERBS = words("alleging_verbs")
WRONGDOING_VERBS = words("wrongdoing_verbs")
WITHDRAWAL_VERBS = words("withdrawal_verbs")
ACCORD_NOUNS = words("accord_nouns")
SEVERING_VERBS = words("severing_verbs")
TIES_NOUNS = words("ties_nouns")
# Verbs of promise: what is promised tells the event ("vowed retaliation", "pledged to back X").
PROMISE_VERBS = words("promise_verbs")
# Armed people who are not a state's units (FORCE_NOUNS): their flight is a side's retreat too.
FIGHTER_NOUNS = words("fighter_nouns")
RESPONSIBLE_WORDS = words("responsible_words")
# A speaker named only as "the group": the armed group the report is about, speaking of its own act.
SELF_NOUNS = words("self_nouns")
# "exchanged fire", "traded artillery fire": a fight both sides of the verb take part in.
EXCHANGING_VERBS = words("exchanging_verbs")
EXCHANGED_FIRE = words("exchanged_fire")
ENVOY_NOUNS = words("envoy_nouns")
CONCLUDING_VERBS = words("concluding_verbs")
HYPOTHETICAL_MODIFIERS = words("hypothetical_modifiers")
HYPOTHETICAL_GOVERNORS = words("hypothetical_governors")
MODAL_AUXILIARIES = words("modal_auxiliaries")
RECOGNITION_VERBS = words("recognition_verbs")
EXPRESSING_VERBS = words("expressing_verbs")
EXPRESSED_SUPPORT_VERBS = words("expressed_support_verbs")
DISAPPROVAL_NOUNS = words("disapproval_nouns")
CLASH_WORDS = words("clash_words")
ASSAULT_NOUNS = words("assault_act_nouns")
LOCATION_PREPS = words("location_preps")
WRONGDOING_NOUNS = words("wrongdoing_nouns")
# "X said Y was behind / responsible for the attack": a reported clause that lays the blame on Y.
RESPONSIBILITY_PREDICATES = words("responsibility_predicates")
CLAIM_NOUNS = words("claim_nouns")
INVOLVEMENT_PREDICATES = words("involvement_predicates")
FORCE_OBJECTS = words("force_objects")
REQUEST_VERBS = words("request_verbs")
OFFICE_NOUNS = words("office_nouns")
# Trigger words that are events only as verbs: "an apartment block", "a fire", "the launch", "a sign".
VERB_ONLY = words("verb_only")
FIRE_NOUNS = words("fire_nouns")
SENDING_VERBS = words("sending_verbs")
FORCE_NOUNS = words("force_nouns")
# What else one sends or deploys as a mobilisation ("dispatched 500 riot police", "sent peacekeepers"),
# kept apart from FORCE_NOUNS, whose fleeing or fighting is a side's
SENT_FORCE_NOUNS = words("sent_force_nouns")
REQUEST_GOVERNORS = words("request_governors")
ENVOY_VERBS = words("envoy_verbs")
CONTAINER_NOUNS = words("container_nouns")
# "a number of heights", "dozens of villages": how many of a noun, which then tells what was taken
QUANTITY_NOUNS = words("quantity_nouns")
POWER_NOUNS = words("power_nouns")
IMPOSING_VERBS = words("imposing_verbs")
EMERGENCY_WORDS = words("emergency_words")
ARRIVAL_VERBS = words("arrival_verbs")
# Forces moving into another side's land: "troops crossed into X", "tanks rolled into X", "entered X".
INCURSION_VERBS = relation_words("incursion_verbs")  # the same list the STRUCK patterns read
BORDER_NOUNS = words("border_nouns")
# What strikes hit, named by where it is: "bombed targets in X and Y", "struck camps in X".
STRUCK_SITE_NOUNS = words("struck_site_nouns")
# An act that "drew condemnation from X": X reacts, the act's own side is the one reacted to.
DRAWING_VERBS = words("drawing_verbs")
# What does harm in a report of harm: "the blast killed five" (see `blame.harm_report`).
BLAST_NOUNS = words("blast_nouns")
FLEEING_VERBS = words("fleeing_verbs")
# A promise of force against a foe is a threat: "vowed to crush the rebels", "to end the siege".
CRUSHING_VERBS = words("crushing_verbs")
ENDING_VERBS = words("ending_verbs")
STANDOFF_NOUNS = words("standoff_nouns")
# Evacuating people is rescue, not retreat: "civilians were evacuated"; "evacuated its troops" is a retreat.
EVACUATING_VERBS = words("evacuating_verbs")
# "drove X out of Y", "forced X from Y": a side put out of a place by force is an assault on it.
DRIVING_VERBS = words("driving_verbs")
OUT_WORDS = words("out_words")
# What one launches in a fight ("launched missiles", "an operation"), as against an inquiry or an appeal.
WEAPON_NOUNS = words("weapon_nouns")
# Doers that are no side: "an earthquake killed 300", "hit by floods", "killed in a car crash".
DISASTER_NOUNS = words("disaster_nouns")
# Who one speaks to when one speaks to the public: "spoke to reporters" is a statement, not a consultation.
MEDIA_AUDIENCE_NOUNS = words("media_audience_nouns")
# Papers one side signs alone: "signed a decree", "signed the bill into law" are no agreement between sides.
NON_ACCORD_PAPERS = words("non_accord_papers")
# Papers and measures whose terms a clause tells: "the accord allows X to ...", "the sanctions ban Y".
DOCUMENT_NOUNS = words("document_nouns")
# What a side keeps doing or has long done: "has long backed X", "has repeatedly blocked Y".
HABITUAL_ADVERBS = words("habitual_adverbs")
# An act told as coming: "is set to meet", "are due to sign", "a deal is unlikely".
PROSPECT_WORDS = words("prospect_words")
# Taking sanctions away: "lifted sanctions on X" is no sanction (a concession, if anything).
LIFTING_VERBS = words("lifting_verbs")
# People of a demonstration: "protesters stormed the parliament" is a protest, not an armed assault.
PROTESTER_NOUNS = words("protester_nouns")
# "hundreds of demonstrators", "thousands of students": a count whose "of" object is the crowd itself
CROWD_COUNT_NOUNS = words("crowd_count_nouns")
# What a crowd of demonstrators does as a protest ("protesters burned flags", "crowds gathered outside")
CROWD_PROTEST_VERBS = words("crowd_protest_verbs")
# "police fired tear gas at protesters": force used to control a crowd is coercion, not an assault
CROWD_CONTROL_NOUNS = words("crowd_control_nouns")
# "dispersed the crowd", "broke up the rally": ending a gathering by force
DISPERSING_VERBS = words("dispersing_verbs")
# "forced the plane to land": making someone act against their will is coercion
COMPELLING_VERBS = words("compelling_verbs")
# Whom one welcomes in person ("welcomed refugees / the prime minister"): a reception, not backing.
GUEST_NOUNS = words("guest_nouns")
# A march "to mark / celebrate / mourn" something is a commemoration, not a protest.
OCCASION_VERBS = words("occasion_verbs")
# particles and prepositions of "pull" that tell forces moved away ("pulled back", "pulled them off the
# streets"); "pulled the plug" is no retreat
OUT_OF_PLACE = words("out_of_place_words")
# what one asks another for when "seeking" it: a request of that other ("sought Y's help")
SOUGHT_HELP = words("sought_help_nouns")
# "X joined Y in calling for talks": the one who joins and the one joined both do the gerund's act
JOINING_VERBS = words("joining_verbs")
# "a coup in X toppled President Y", "the army ousted the government": rulers put out of office by force
OUSTING_VERBS = words("ousting_verbs")
RULER_NOUNS = words("ruler_nouns")
# "X and Y announced an understanding": an accord two or more parties make public together is concluded
ANNOUNCING_VERBS = words("announcing_verbs")
# "X said its forces did not enter Y", "our troops never crossed the border": a speaker denying its own
# side's act (beyond WRONGDOING_VERBS) is a rejection
DENIED_ACT_VERBS = words("denied_act_verbs")
OWN_SIDE_WORDS = words("own_side_words")
# "X told Y the accord was the right step / a breakthrough": a speaker approving an act or accord backs it
APPROVAL_NOUNS = words("approval_nouns")
APPROVING_WORDS = words("approving_words")
# "X lashed out at Y": a verbal attack (with the particle "out"), an accusation of the "at" object
LASHING_VERBS = words("lashing_verbs")
# "provided X with air defence systems", "shipped fuel to X", "granted X $1bn in assistance": AID
GIVING_VERBS = words("giving_verbs")
AID_GOODS = words("aid_goods")
# "X sided with Y": backing in a dispute (SUPPORT)
SIDING_VERBS = words("siding_verbs")
# "pressed / pushed X to send tanks": a request of X (what it is pressed to do is asked for, not done)
PRESSING_VERBS = words("pressing_verbs")
# "backed down / away from its plan": giving up a position (CONCEDE), not backing anyone
BACKING_DOWN_WORDS = words("backing_down_words")
# "took to the streets": a crowd's protest told by a phrase, not a trigger word
STREET_NOUNS = words("street_nouns")
# "threatened the lives of civilians": an act that endangers, not a threat a side makes
ENDANGERED_NOUNS = words("endangered_nouns")
# "delivered a speech to the UN": words said, not goods given
SPEECH_NOUNS = words("speech_nouns")
# "asked whether the march was legal": a question, not a request
QUESTION_MARKS = words("question_marks")
# "vowed that those responsible would be brought to justice / punished": a threat, not backing
PUNISHING_VERBS = words("punishing_verbs")
JUSTICE_NOUNS = words("justice_nouns")
# "a wage strike", "a general strike", "the miners' strike": workers' protest, no military strike
LABOUR_STRIKE_WORDS = words("labour_strike_words")
# "signed the surrender document", "the instrument of capitulation": a surrender, no accord between sides
SURRENDER_WORDS = words("surrender_words")
# "X said it would strike Y if ...", "we will respond with force": force a speaker says its side will use
THREAT_ACT_VERBS = words("threat_act_verbs")
RESPONSE_VERBS = words("response_verbs")
READINESS_WORDS = words("readiness_words")
MEDIUM_NOUNS = words("medium_nouns")
STAFF_NOUNS = words("staff_nouns")
MEMBERSHIP_NOUNS = words("membership_nouns")
IMPOSING_PENALTY_VERBS = words("imposing_penalty_verbs")
PENALTY_NOUNS = words("penalty_nouns")
# "Twenty years after ...", "fifty years ago": the round counts of years an anniversary piece opens with
ANNIVERSARY_YEARS = counts("anniversary_years")
# A state's own organs that speak for it ("the Pentagon said US forces struck X" reports its own side's act)
STATE_ORGANS = names("state_organs")
