"""Word lists of entity recognition, read once from `loaders/data/entity_words.json`.

The lists are data (versioned beside the gazetteer); months and weekdays come from `calendar`.
Only the patterns that are code (regular expressions, window sizes) are written here.
"""

from __future__ import annotations

import calendar
import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "entity_words.json"
_WORDS: dict[str, object] = json.loads(DATA.read_text(encoding="utf-8"))


def _set(name: str) -> frozenset[str]:
    value = _WORDS[name]
    assert isinstance(value, list), name
    return frozenset(value)


def set_of(name: str) -> frozenset[str]:
    """One word list of the data file, for the modules that keep their own lists there."""
    return _set(name)


MAX_WINDOW = 7  # longest gazetteer name in tokens
LOCATIVE_PREPS = _set("locative_preps")
CODE_NAME_WORDS = _set("code_name_words")  # "Operation X": a code name follows, no town
VESSEL_NOUNS = _set("vessel_nouns")  # "the carriers X and Y": ships' names follow, no towns
HONORIFICS = _set("honorifics")  # "Mr X", "Dr X": a person follows (round 16)
PLACE_NOUNS = _set("place_nouns")
GROUP_SUFFIXES = _set("group_suffixes")
SETTLEMENT_NOUNS = _set(
    "settlement_nouns"
)  # "the town of X": X is a place  # "the Libya Dawn militia" is one armed group
# "the province of X", "the Syrian area of X": X is a place, as after a settlement noun.
AREA_NOUNS = _set("area_nouns")
# "to"/"from" mark a place only after a word of movement ("travelled to Moscow"); elsewhere the capital is
# the government ("a message to Moscow", "aid to Kyiv").
MOTION_WORDS = _set("motion_words")
# Strong locative prepositions: a PERSON-tagged name after one of these is a place ("near Shayrat").
PLACE_PREPS = _set("place_preps")
# Months and weekdays are city names somewhere ("March" in England); never a place in a news sentence.
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name) if w)
# US wire style dates an event with a bare weekday after the place ("fighting in Kordofan Tuesday"); the
# model takes the weekday into the place's name.
WEEKDAYS = frozenset(w.lower() for w in calendar.day_name)
NON_NAME_ENTS = _set("non_name_ents")
# A weapon or aircraft model ("MiG-21", "F-16", "Su-25", "S-400"): never an actor or a place.
MODEL_DESIGNATOR = re.compile(r"^[A-Za-z]{1,5}-?\d{1,4}[A-Za-z]{0,3}$")
VAGUE_MODIFIERS = _set("vague_modifiers")
# Heads of "X-led coalition", "Iran-backed militias": the phrase names a collective actor of its own.
_led = _WORDS["led_heads"]
assert isinstance(_led, dict)
LED_HEADS: dict[str, str] = dict(_led)
# A capital that is also the seat of an international body ("Brussels" for the EU), with the words that
# name the body and the capital's own country in a text (round 15, ent7)
_seats = _WORDS["body_seats"]
assert isinstance(_seats, dict)
BODY_SEATS: dict[str, dict[str, object]] = dict(_seats)
# The participle of "X-led coalition", "X-backed militias", "X-linked militants": the collective is named
# by its tie to X, and X's words in its name are X's, not the collective's own.
LED_PARTICIPLES = frozenset({"led", "backed", "linked", "affiliated", "aligned"})
# Peoples without a state of their name in the gazetteer, whose adjective opens "Kurdish peshmerga forces"
# (the model tags it ORG as often as NORP).
STATELESS_PEOPLE_ADJECTIVES = _set("stateless_people_adjectives")
# Their plurals ("Kurds", "Tuaregs"): after a region ("Kirkuk Kurds") a community, never a person
STATELESS_PEOPLE_PLURALS = _set("stateless_people_plurals")
# Heads of a body named by the side that runs it ("the Hamas-run Gaza health ministry")
OWNED_BODY_HEADS = _set("owned_body_heads")
# "the militant group", "the rebel group": a later mention of the one armed group named just before
ARMED_GROUP_MODIFIERS = _set("armed_group_modifiers")
# "the Hamas-run ministry", "the army-controlled agency": a body named by the side that runs it; the
# body, not the side, is the actor of its clause.
OWNER_PARTICIPLES = _set("owner_participles")
# Force nouns that, with "ethnic" before the demonym, name a non-state armed group, not the country.
FORCE_NOUNS = _set("force_nouns")
# Transliterated words for a fighting body that open a group's name ("Jaish al-Adl", "Kataib Hezbollah",
# "Lashkar-e-Taiba"): the name is the group's, whatever the model tagged it.
ARMED_NAME_WORDS = _set("armed_name_words")
# Connectives of Persian, Urdu and Arabic names in Latin letters ("Jaish-e Mohammad", "Hizb-ul-Mujahideen").
JOINING_PARTICLES = _set("joining_particles")
ROAD_NOUNS = _set("road_nouns")
GOVERNMENT_NOUNS = _set("government_nouns")
# "the state airline X", "the oil company X": the noun before a name says it is a company
COMPANY_NOUNS = _set("company_nouns")
ARMED_WORDS = re.compile(
    r"\b(militias?|brigades?|front|army|forces|guards?|battalions?|regiment|rebels?|movement|jihad|mujahideen|"
    r"insurgents?|fighters|junta|legion|corps|units)\b",
    re.I,
)
NOT_ENTITIES = _set("not_entities")
SPEECH_OR_ACTION = _set("speech_or_action")
NAME_PARTICLES = _set("name_particles")
ORG_WORDS = _set("org_words")
PARTY_WORDS = _set("party_words")  # a party named after its country is no body of the state
GENERIC_COLLECTIVES = _set("generic_collectives")
# Collective heads that name an actor only with a people's name before them ("Palestinian factions"):
# "rival factions" alone is nobody in particular.
PEOPLE_NAMED_HEADS = _set("people_named_heads")
MACRO_REGIONS = _set("macro_regions")
STRIP_LEADING = _set("strip_leading")
PLACE_VERBS = _set("place_verbs")
# Nouns of weapons and vehicles: a proper noun modifying one is a model ("Buk missile", "Boeing 777 airliner").
EQUIPMENT_NOUNS = _set("equipment_nouns")
# Place words of a facility ("Jizan airport"): the facility is not the town it is named after.
FACILITY_SUFFIXES = _set("facility_suffixes")
# Lower-case words after an outlet's name ("the Tass news agency"): a description, not part of the name.
MEDIA_DESCRIPTORS = _set("media_descriptors")
# Words of a news outlet's or monitor's name ("Kabul Press Agency", "the Observatory"): a body that
# reports what others did, not a party that accuses.
MEDIA_WORDS = _set("media_words")
# Legal forms of companies, without their final stop ("S.A.", "Ltd", "Inc"): never a name alone.
LEGAL_SUFFIXES = _set("legal_suffixes")
# Parts of a town besides the place nouns ("suburbs", "outskirts", "airport"): "X's southern suburbs" is
# the town X, not its government.
PLACE_PARTS = _set("place_parts")
# "X's international airport", "X's southern suburbs": a facility or part of a town named after it.
TOWN_FACILITIES = _set("town_facilities")
# Names of a state's own bodies ("the junta", "the Republican Guard"): the state itself (state_units.py).
STATE_UNITS = _set("state_units")
# Makers of aircraft ("a Boeing jet", "an Airbus"): the vehicle, not an actor. Any other company before a
# carrier noun ("a Ryanair plane") is the operator, which is an actor.
VEHICLE_MAKERS = _set("vehicle_makers")
CARRIER_NOUNS = _set("carrier_nouns")
# Last words of an airline's name ("Wizz Air", "Gulf Airways"): a company whatever the model tagged it.
COMPANY_NAME_ENDS = _set("company_name_ends")
# Last words of a broadcaster's name ("Kan Radio", "Sky News"), not of a person's or a place's: the subset
# of media words that are no surnames ("Post", "Press" and "Times" are).
OUTLET_NAME_ENDS = _set("outlet_name_ends")
# Head nouns of public bodies named in lower case ("the election commission", bodies.py).
BODY_HEADS = _set("body_heads")
# Labels of a page's sections and headline kinds ("Explainer:", "Factbox:"): never a name.
SECTION_LABELS = _set("section_labels")
# Compass adjectives before a place's name ("into eastern X"): place_phrases.py.
COMPASS_ADJECTIVES = _set("compass_adjectives")
# Nouns of buildings and works ("X Hospital", "the X steel plant"): the GUIDE counts a building as a place.
BUILDING_NOUNS = _set("building_nouns")
# "20 km north of X", "south of X": a direction from X makes X a point on the map, a place.
COMPASS_DIRECTIONS = _set("compass_directions")
DISTANCE_UNITS = _set("distance_units")
# Words of a feast before a weekday ("Easter Sunday", "Good Friday"): the pair names a day, not a place.
DAY_NAME_WORDS = _set("day_name_words")
# Common nouns that, capitalised and labelled a body, name one ("Congress voted", "Parliament rejected").
BODY_NOUN_NAMES = _set("body_noun_names")
# Languages that are no demonym of a state ("said in Farsi", "a message in Swahili"): never a place.
LANGUAGE_NAMES = _set("language_names")
# Head words of a named event ("the Chaco War", "the Velvet Revolution", "Vijay Diwas"): no actor (round 15).
EVENT_NAME_HEADS = _set("event_name_heads")
# Branches of a state's forces written as bare names ("-- Army, Navy, Air Force --"): the state (round 15).
SERVICE_BRANCHES = _set("service_branches")
# "India's Eastern Command", "X's Armed Forces": a body its country owns, named only by its bearing or role
# before "Command"/"Forces", is the state (round 15; "X's Rapid Support Forces" keeps a name of its own).
OWNED_UNIT_HEADS = _set("owned_unit_heads")
OWNED_UNIT_MODIFIERS = _set("owned_unit_modifiers")
# First halves of "Indo-Ruritanian", "Sino-X": a pair of peoples or states, not one name (round 15).
COMBINING_FORMS = _set("combining_forms")
