"""Find the actors and places of one article and resolve every mention of each to one entity.

Candidates come from the gazetteer (countries, demonyms, capitals, organisations), spaCy's named
entities and collective noun phrases ("Iraqi Shiite militias"). Rules repair what the small model
gets wrong in general ways: places tagged PERSON are recognised from locative context and suffixes
("Shayrat airbase"), titles are cut off names and turned into AFFILIATED_WITH, possessives and
articles are stripped, capitals become their government when they act. Within the article, surnames
resolve to full names, spelling variants of one place merge, and demonyms and "the Syrian army" resolve
to the country.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from graph.model import Article, EntityKind, ExtractedEntity, ExtractedRelation, normalize_name
from loaders.gazetteer import PLACE_SUFFIXES, Gazetteer
from loaders.mentions import EntityTable, Mention

MAX_WINDOW = 7
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "into",
    "outside",
    "around",
    "from",
    "across",
    "toward",
    "towards",
    "to",
    "on",
}
PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "area",
    "airbase",
    "base",
    "camp",
    "capital",
    "exclave",
    "enclave",
    "port",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "governorate",
    "oblast",
}
# "to"/"from" mark a place only after a word of movement ("travelled to Moscow"); elsewhere the capital is
# the government ("a message to Moscow", "aid to Kyiv").
MOTION_WORDS = {
    "travel",
    "fly",
    "go",
    "come",
    "return",
    "arrive",
    "trip",
    "visit",
    "journey",
    "move",
    "head",
    "deploy",
    "flee",
    "road",
    "way",
    "route",
    "flight",
    "withdraw",
    "retreat",
    "march",
    "advance",
    "drive",
    "evacuate",
    "relocate",
    "commute",
    "walk",
    "escape",
    "distance",
    "kilometre",
    "kilometer",
    "mile",
    "km",
}
# Strong locative prepositions: a PERSON-tagged name after one of these is a place ("near Shayrat").
PLACE_PREPS = {"in", "at", "near", "outside", "around", "into", "across", "toward", "towards", "inside"}
# Months and weekdays are city names somewhere ("March" in England); never a place in a news sentence.
CALENDAR_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
NON_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# A weapon or aircraft model ("MiG-21", "F-16", "Su-25", "S-400"): never an actor or a place.
MODEL_DESIGNATOR = re.compile(r"^[A-Za-z]{1,5}-?\d{1,4}[A-Za-z]{0,3}$")
VAGUE_MODIFIERS = {
    "other",
    "several",
    "some",
    "many",
    "armed",
    "local",
    "unidentified",
    "suspected",
    "alleged",
    "main",
    "vast",
    "majority",
    "number",
    "dozens",
    "hundreds",
    "thousands",
    "few",
    "most",
    "more",
    "fellow",
    "remaining",
    "angry",
}
# Heads of "X-led coalition", "Iran-backed militias": the phrase names a collective actor of its own.
LED_HEADS = {
    "coalition": "organization",
    "alliance": "organization",
    "bloc": "organization",
    "forces": "armed_group",
    "force": "armed_group",
    "militias": "armed_group",
    "militia": "armed_group",
    "rebels": "armed_group",
    "fighters": "armed_group",
    "groups": "armed_group",
    "paramilitaries": "armed_group",
}
# Force nouns that, with "ethnic" before the demonym, name a non-state armed group, not the country.
FORCE_NOUNS = {"forces", "fighters", "troops", "militias", "soldiers", "separatists", "units"}
GOVERNMENT_NOUNS = {
    "government",
    "army",
    "military",
    "forces",
    "troops",
    "regime",
    "authorities",
    "administration",
    "officials",
    "leadership",
    "navy",
    "air force",
    "warplanes",
    "jets",
    "aircraft",
    "security forces",
    "soldiers",
}
ARMED_WORDS = re.compile(
    r"\b(militias?|brigades?|front|army|forces|guards?|battalions?|regiment|rebels?|movement|jihad|mujahideen|"
    r"insurgents?|fighters|junta|legion|corps|units)\b",
    re.I,
)
NOT_ENTITIES = {
    "state",
    "secretary",
    "president",
    "minister",
    "prime minister",
    "foreign minister",
    "god",
    "allah",
    "twitter",
    "facebook",
}
SPEECH_OR_ACTION = {
    "say",
    "deny",
    "condemn",
    "accuse",
    "warn",
    "threaten",
    "announce",
    "reject",
    "call",
    "urge",
    "claim",
    "insist",
    "demand",
    "blame",
    "respond",
    "retaliate",
    "strike",
    "launch",
    "attack",
    "vow",
    "pledge",
    "back",
    "support",
    "send",
    "order",
    "sign",
    "agree",
    "refuse",
    "state",
    "declare",
    "denounce",
    "welcome",
}
NAME_PARTICLES = {
    "of",
    "the",
    "al",
    "el",
    "de",
    "la",
    "le",
    "for",
    "and",
    "bin",
    "ibn",
    "du",
    "von",
    "van",
    "der",
    "da",
    "di",
    "e",
    "y",
}
ORG_WORDS = {
    "ministry",
    "council",
    "agency",
    "committee",
    "commission",
    "party",
    "office",
    "department",
    "forces",
    "army",
    "guard",
    "embassy",
    "coalition",
    "front",
    "movement",
    "court",
    "bank",
}
GENERIC_COLLECTIVES = {
    "fighters",
    "residents",
    "civilians",
    "militants",
    "gunmen",
    "soldiers",
    "refugees",
    "activists",
    "opposition",
}
MACRO_REGIONS = {
    "Middle East",
    "North Africa",
    "Africa",
    "Europe",
    "Asia",
    "Americas",
    "Latin America",
    "West Africa",
    "East Africa",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "the Middle East",
    "Western Europe",
    "Eastern Europe",
    "the West",
    "West",
    "Gulf",
    "Sahel",
    "Levant",
    "the Americas",
    "North America",
}
STRIP_LEADING = {
    "the",
    "a",
    "an",
    "several",
    "some",
    "many",
    "other",
    "both",
    "all",
    "two",
    "three",
    "dozens",
    "hundreds",
    "of",
}


def _clean(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """Trim articles, quantifiers, possessives, punctuation and leading titles off a span."""
    while start < end and (doc[start].lower_ in STRIP_LEADING or doc[start].is_punct):
        start += 1
    for k in range(start, end):
        if doc[k].text in {"(", "["}:  # "Line of Control (LoC": the bracket holds an alias
            end = k
            break
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _strip_title(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """Move `start` past title words at the front of a person's name ("Major General X")."""
    i = start
    while i < end - 1:
        two = f"{doc[i].text} {doc[i + 1].text}".lower()
        if two in gaz.titles and i + 2 < end:
            i += 2
        elif doc[i].lower_ in gaz.titles or doc[i].lower_.rstrip(".") in {
            "gen",
            "lt",
            "maj",
            "col",
            "sen",
            "rep",
            "dr",
            "mr",
            "mrs",
            "ms",
        }:
            i += 1
        else:
            break
    return i


def _is_acting(tok: Token) -> bool:
    """A capital used as an actor: subject, possessor, or agent of a verb of saying or acting."""
    if tok.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return True
    if tok.dep_ == "conj" and tok.head.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if tok.dep_ in {"compound", "amod"} and tok.head.lower_ in GOVERNMENT_NOUNS:
        return True
    if tok.dep_ in {"dobj", "pobj"} and tok.head.lemma_ in {
        "accuse",
        "blame",
        "condemn",
        "urge",
        "warn",
        "with",
    }:
        return tok.head.lemma_ != "with" or tok.head.head.lemma_ in {"talk", "meet", "speak", "talks", "ties"}
    return False


PLACE_VERBS = {
    "visit",
    "enter",
    "reach",
    "leave",
    "capture",
    "seize",
    "shell",
    "bomb",
    "strike",
    "attack",
    "hit",
    "besiege",
    "surround",
    "fly",
    "travel",
    "arrive",
    "storm",
    "retake",
    "occupy",
}


def _locative(doc: Doc, start: int, end: int) -> bool:
    """The span is used as a place: object of a locative preposition or a place verb, or next to a place noun."""
    root = doc[start:end].root
    if root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in PLACE_VERBS:
        return True
    if root.dep_ == "appos" and root.head.lower_ in PLACE_NOUNS:
        return True  # "the Nigerian capital Abuja"
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end].lower_ if end < len(doc) else ""
    if prev is not None and prev.lower_ in {"to", "from"}:
        return prev.head.lemma_ in MOTION_WORDS or prev.head.lower_ in MOTION_WORDS
    return (
        (prev is not None and (prev.lower_ in LOCATIVE_PREPS or prev.lower_ in PLACE_NOUNS))
        or nxt in PLACE_SUFFIXES
        or (prev is not None and prev.lower_ == "of" and start > 1 and doc[start - 2].lower_ in PLACE_NOUNS)
    )


def _after_person_title(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    """The name follows a capitalised personal title ("President", "Chancellor", "Wing Commander")."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if not prev.text[:1].isupper():
        return False
    two = f"{doc[start - 2].lower_} {prev.lower_}" if start > 1 else ""
    return prev.lower_ in gaz.person_titles or two in gaz.person_titles


def _toponym(span: Span, gaz: Gazetteer) -> bool:
    """A name that starts with a toponym word ("Khan Shaykhun", "Deir Hafer") and has no body word."""
    return (
        len(span) > 1 and span[0].text in gaz.place_prefixes and not any(t.lower_ in ORG_WORDS for t in span)
    )


def _strong_locative(doc: Doc, start: int, end: int) -> bool:
    """Stricter test for names the model tagged PERSON: only prepositions and nouns of place count."""
    prev = doc[start - 1].lower_ if start > 0 else ""
    nxt = doc[end].lower_ if end < len(doc) else ""
    return (
        prev in PLACE_PREPS
        or prev in PLACE_NOUNS
        or nxt in PLACE_SUFFIXES
        or (prev == "of" and start > 1 and doc[start - 2].lower_ in PLACE_NOUNS)
    )


def _framing_capital(doc: Doc, start: int, end: int) -> bool:
    """'In Washington, the White House said ...': a fronted capital frames its government's statement."""
    root = doc[start:end].root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.i == root.sent.start
        and end < len(doc)
        and doc[end].text == ","
        and prep.head.lemma_ in SPEECH_OR_ACTION
    )


class _Cand:
    __slots__ = ("canonical", "end", "how", "kind", "prio", "start")

    def __init__(
        self, start: int, end: int, kind: str | None, canonical: str | None, how: str, prio: int
    ) -> None:
        self.start, self.end, self.kind, self.canonical, self.how, self.prio = (
            start,
            end,
            kind,
            canonical,
            how,
            prio,
        )


def _gazetteer_candidates(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    out = []
    n = len(doc)
    texts = [t.text for t in doc]
    ws = [t.whitespace_ for t in doc]
    for i in range(n):
        first = texts[i]
        if not (first[:1].isupper() or first[:3] in {"al-", "al "}):
            continue
        s = ""
        for j in range(i, min(n, i + MAX_WINDOW)):
            s += texts[j]
            hit = gaz.names.get(s)
            if hit is not None:
                out.append(_Cand(i, j + 1, hit[0], hit[1], "gazetteer", 3))
            elif s in gaz.capitals:
                out.append(_Cand(i, j + 1, "capital", gaz.capitals[s], "capital", 3))
            elif (
                s in gaz.cities
                and s.lower() not in CALENDAR_WORDS
                and all(
                    doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in NON_NAME_ENTS for k in range(i, j + 1)
                )
            ):
                out.append(_Cand(i, j + 1, "place", None, "city", 1))
            s += ws[j]
    return out


def _collective_candidates(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    out = []
    for tok in doc:
        kind = gaz.collectives.get(tok.lower_)
        if kind is None or tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"compound", "amod"}:
            continue
        if tok.tag_ not in {"NNS", "NNPS"} and tok.lower_ not in {"junta", "opposition", "community", "west"}:
            continue
        # "the international community", "Western governments": multiword heads first
        if tok.i > 0 and f"{doc[tok.i - 1].lower_} {tok.lower_}" in gaz.collectives:
            kind = gaz.collectives[f"{doc[tok.i - 1].lower_} {tok.lower_}"]
        left = tok.i
        for child in sorted(tok.lefts, key=lambda t: -t.i):
            if (
                child.dep_ in {"amod", "compound", "nmod"}
                and child.i == left - 1
                and child.pos_ in {"ADJ", "PROPN", "NOUN"}
            ):
                left = child.i
        # Modifiers that are only quantities or vague adjectives are not part of a name.
        while left < tok.i and doc[left].lower_ in VAGUE_MODIFIERS:
            left += 1
        if left == tok.i and tok.lower_ in GENERIC_COLLECTIVES:
            continue  # "fighters", "residents" alone name nobody in particular
        named = gaz.lookup(doc[left : tok.i].text) if left < tok.i else None
        if named is not None and named[0] in {"armed_group", "organization"}:
            # "Houthi fighters", "Hezbollah militants": the members stand for their group
            out.append(_Cand(left, tok.i + 1, named[0], named[1], "collective", 3))
            continue
        out.append(_Cand(left, tok.i + 1, kind, None, "collective", 1))
    out += _ethnic_forces(doc, gaz) + _led_collectives(doc, gaz)
    return out


def _ethnic_forces(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    """'ethnic Armenian forces': a community's fighters are an armed group, not the state of that name."""
    out = []
    for tok in doc:
        if tok.lower_ != "ethnic" or tok.i + 2 >= len(doc):
            continue
        end = tok.i + 2
        while end < len(doc) and end - tok.i <= 3 and doc[end].lower_ not in FORCE_NOUNS:
            end += 1
        if end < len(doc) and doc[end].lower_ in FORCE_NOUNS and doc[end].pos_ == "NOUN":
            out.append(_Cand(tok.i, end + 1, "armed_group", None, "collective", 4))
    return out


def _led_collectives(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    """'the Saudi-led coalition', 'Iran-backed militias': one collective actor named by the whole phrase.

    The mention covers only the head noun, so the leader's own mention stays for the relation finder.
    """
    out = []
    for tok in doc:
        if tok.lower_ not in {"led", "backed"} or tok.i < 2 or doc[tok.i - 1].text != "-":
            continue
        leader = doc[tok.i - 2]
        if not leader.text[:1].isupper():
            continue
        head = tok.i + 1
        while head < len(doc) and head - tok.i <= 3 and doc[head].lower_ not in LED_HEADS:
            if not (doc[head].pos_ in {"ADJ", "PROPN"} or doc[head].lower_ in {"military", "arab"}):
                break
            head += 1
        if head >= len(doc) or doc[head].lower_ not in LED_HEADS:
            continue
        start = tok.i - 2
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN":
            start -= 1
        name = doc[start : head + 1].text
        out.append(_Cand(tok.i + 1, head + 1, LED_HEADS[doc[head].lower_], name, "led", 4))
    return out


def _equipment_tokens(doc: Doc) -> set[int]:
    """Tokens of weapon and aircraft model names ("MiG-21 Bison", "F-16", "S-400"), which name no actor."""
    out: set[int] = set()
    for tok in doc:
        if (
            MODEL_DESIGNATOR.match(tok.text)
            and any(ch.isdigit() for ch in tok.text)
            and tok.text[:1].isupper()
        ):
            out.add(tok.i)
            nxt = tok.i + 1  # the model's nickname after the designator ("MiG-21 Bison")
            while nxt < len(doc) and doc[nxt].pos_ == "PROPN" and doc[nxt - 1].dep_ == "compound":
                out.add(nxt)
                nxt += 1
        elif (
            tok.i + 1 < len(doc)
            and 2 <= len(tok) <= 5
            and tok.is_alpha
            and tok.text[:1].isupper()
            and sum(ch.isupper() for ch in tok.text) >= 2
        ):
            # "MiG 21", "Su-25", "F-35": an acronym-like word and a number with at most a dash between
            nxt = tok.i + 1 if doc[tok.i + 1].text not in {"-", "–"} else tok.i + 2
            if nxt < len(doc) and doc[nxt].text.isdigit() and doc[nxt].ent_type_ != "DATE":
                out.update(range(tok.i, nxt + 1))
    return out


def _ner_candidates(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    out = []
    equipment = _equipment_tokens(doc)
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}:
            continue
        if any(t.i in equipment for t in ent):
            continue
        parts = [p.strip() for p in ent.text.split("-")]
        if len(parts) > 1 and all(gaz.lookup(p) is not None for p in parts):
            continue  # "Armenia-Azerbaijan conflict": two countries, each found by the gazetteer
        if (
            ent.label_ == "ORG"
            and not any(t.lower_ in ORG_WORDS for t in ent)
            and any(t.lower_ in gaz.titles for t in ent[1:])
        ):
            continue  # "the Indian Air Attaché": a title phrase; the demonym is found on its own
        out.append(_Cand(ent.start, ent.end, ent.label_, None, "ner", 2))
    return out


def _suffix_candidates(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    """A proper name followed by a place word ("Shayrat airbase", "Idlib province") is a place.

    Not when the name is a country's or a body's ("near the Azerbaijan border", "an RSF camp"): that
    phrase is a description, and the country or body is the entity.
    """
    out = []
    for tok in doc:
        if (
            tok.lower_ in PLACE_SUFFIXES
            and tok.i > 0
            and doc[tok.i - 1].pos_ == "PROPN"
            and doc[tok.i - 1].text[:1].isupper()
        ):
            start = tok.i - 1
            while start > 0:
                prev = doc[start - 1]
                if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ != "NORP":
                    start -= 1
                elif (
                    prev.text == "-" and start > 1 and doc[start - 2].pos_ == "PROPN" and not prev.whitespace_
                ):
                    start -= 2  # "Wagah-Attari border"
                else:
                    break
            base = doc[start : tok.i].text
            hit = gaz.lookup(base)
            if (hit is not None and hit[0] != "place") or (base.isupper() and len(base) <= 6):
                continue
            end = tok.i + 1
            if tok.lower_ == "air" and end < len(doc) and doc[end].lower_ in {"base", "field"}:
                end += 1
            out.append(_Cand(start, end, "place", None, "suffix", 4))
    return out


def _join_demonym_orgs(doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
    """'Iranian' + 'foreign ministry' -> one organization 'Iranian foreign ministry'."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "country"
            and prev.end == c.start
            and c.kind == "ORG"
            and doc[c.start].is_lower
        ):
            out[-1] = _Cand(prev.start, c.end, "ORG", None, "ner+demonym", 2)
            continue
        out.append(c)
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest, then most trusted, non-overlapping candidates."""
    chosen: list[_Cand] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
        span = set(range(c.start, c.end))
        if span & taken or c.end <= c.start:
            continue
        chosen.append(c)
        taken |= span
    return sorted(chosen, key=lambda c: c.start)


def _resolve_kind(doc: Doc, c: _Cand, gaz: Gazetteer) -> tuple[EntityKind | None, str, str]:
    """(kind, name, how) for a candidate; kind None drops it."""
    span = doc[c.start : c.end]
    text = span.text
    if c.kind == "capital":
        if (
            _locative(doc, c.start, c.end)
            and not _is_acting(span.root)
            and not _framing_capital(doc, c.start, c.end)
        ):
            return "place", text, "capital"
        return "country", c.canonical or text, "capital"
    if c.canonical is not None:
        how = c.how if c.how in {"led", "collective"} else "demonym" if c.canonical != text else "gazetteer"
        return c.kind, c.canonical, how  # type: ignore[return-value]
    hit = gaz.lookup(text)
    if hit is not None:
        return hit[0], hit[1], "gazetteer"  # type: ignore[return-value]
    if text in gaz.capitals:
        return (
            ("country", gaz.capitals[text], "capital")
            if _is_acting(span.root)
            else ("place", text, "capital")
        )
    if text.lower() in NOT_ENTITIES or text.lower() in gaz.titles or text in MACRO_REGIONS:
        return None, text, c.how
    after = doc[c.end].lower_ if c.end < len(doc) else ""
    if after and f"{text.lower()} {after}" in gaz.titles:
        return None, text, c.how  # "US Defense Secretary": the noun belongs to the title
    if c.start > 1 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in gaz.titles:
        return None, text, c.how  # "Secretary of Defense": the office's noun belongs to the title
    if "\n" in text or "/" in text or "|" in text:
        return None, text, c.how
    ran_past = any(t.is_lower and t.is_alpha and t.lower_ not in NAME_PARTICLES for t in span)
    if c.how == "ner" and ran_past and (c.kind != "ORG" or not any(t.lower_ in ORG_WORDS for t in span)):
        return None, text, c.how  # "Yerevan after Pashinyan": the model ran past the name
    if (
        c.how == "ner"
        and len(span) == 1
        and span[0].tag_ in {"NN", "NNS"}
        and (span[0].is_sent_start or span[0].lemma_.lower() in gaz.common_nouns)
    ):
        return None, text, c.how  # "Warplanes returned": a common noun the model labelled a name
    label = c.kind
    if label == "NORP":
        return None, text, c.how  # a demonym that is not a country's ("Shiite") only qualifies others
    if (
        label in {"GPE", "LOC", "FAC", "ORG", "PERSON"}
        and _after_person_title(doc, c.start, gaz)
        and not any(t.lower_ in ORG_WORDS for t in span)
        and len(span) <= 4
        and text not in gaz.cities
    ):
        return "person", text, c.how  # "Chancellor Olaf Scholz" whatever the model called the name
    if label in {"GPE", "LOC", "FAC", "place"}:
        return "place", text, c.how
    if label == "PERSON":
        if text in gaz.cities or _toponym(span, gaz) or _strong_locative(doc, c.start, c.end):
            return "place", text, c.how
        if len(span) == 1 and (not span[0].is_title or span[0].tag_ in {"NNS", "NN", "NNPS"}):
            return None, text, c.how
        if len(span) == 1 and text.endswith("s") and text[:-1].lower() in gaz.common_nouns:
            return None, text, c.how  # "Missiles struck ...": a plural common noun, not a person
        return "person", text, c.how
    if label == "ORG" and _toponym(span, gaz):
        return "place", text, c.how  # "Kafr Nabl", "Deir Hafer": the model's ORG is a village
    if label == "ORG":
        head = gaz.lookup(doc[c.start].text) or (
            gaz.lookup(doc[c.start : c.start + 2].text) if c.end - c.start > 2 else None
        )
        rest = doc[c.start + 1 : c.end].text.lower()
        if (
            head is not None
            and head[0] == "country"
            and (rest in GOVERNMENT_NOUNS or rest.split(" ", 1)[-1] in GOVERNMENT_NOUNS)
        ):
            return "country", head[1], "gazetteer+gov"  # "US Navy", "Pakistan Air Force"
        if text in gaz.cities and _locative(doc, c.start, c.end):
            return "place", text, c.how
        if ARMED_WORDS.search(text):
            return "armed_group", text, c.how
        return "organization", text, c.how
    if label in {"armed_group", "group"}:
        return label, text, c.how  # type: ignore[return-value]
    return None, text, c.how


def _extend_government(doc: Doc, m: Mention) -> Mention:
    """'the Syrian army', 'Russian forces', 'the Assad regime': the government phrase is the country."""
    if (
        m.kind == "country"
        and m.end + 1 < len(doc)
        and f"{doc[m.end].lower_} {doc[m.end + 1].lower_}" in GOVERNMENT_NOUNS
    ):
        return Mention(m.start, m.end + 2, m.key, m.kind, m.how + "+gov")
    if m.kind == "country" and m.end < len(doc):
        nxt = doc[m.end]
        if nxt.lower_ in GOVERNMENT_NOUNS and nxt.dep_ != "compound":
            return Mention(m.start, m.end + 1, m.key, m.kind, m.how + "+gov")
    return m


def find_entities(
    doc: Doc,
    article: Article,
    gaz: Gazetteer,
    evidence_ok: Callable[[Span], bool] | None = None,
) -> EntityTable:
    """Every entity of the article with its mentions, aliases and title affiliations."""
    cands = (
        _gazetteer_candidates(doc, gaz)
        + _suffix_candidates(doc, gaz)
        + _ner_candidates(doc, gaz)
        + _collective_candidates(doc, gaz)
    )
    raw: list[Mention] = []
    surfaces: dict[str, list[str]] = {}
    kinds: dict[str, EntityKind] = {}
    crumbs = _crumb_sentences(doc)
    publisher = normalize_name(article.source or "")
    for c in _join_demonym_orgs(doc, _select(cands)):
        start, end = _clean(doc, c.start, c.end, gaz)
        if end <= start or doc[start].sent.start in crumbs:
            continue
        if c.how in {"ner", "city", "suffix"} and _is_publisher(doc[start:end].text, publisher, gaz):
            continue
        if c.kind in {"PERSON"}:
            start = _strip_title(doc, start, end, gaz)
        c2 = _Cand(start, end, c.kind, c.canonical, c.how, c.prio)
        kind, name, how = _resolve_kind(doc, c2, gaz)
        if kind is None:
            continue
        surface = doc[start:end].text
        if len(normalize_name(name)) < 2:
            continue
        first = doc[start]
        if (
            c.how == "collective"
            and c.canonical is None
            and name[:1].isupper()
            and first.is_sent_start
            and first.text not in gaz.names
            and (first.lower_ in gaz.collectives or first.lemma_.lower() in gaz.common_nouns)
        ):
            name = name[0].lower() + name[1:]  # "Rebels said ..." is the collective "rebels"
        key = f"{kind}|{name}"
        raw.append(Mention(start, end, key, kind, how))
        surfaces.setdefault(key, []).append(surface)
        kinds[key] = kind
    abbrevs = _parenthetical_abbreviations(doc, raw, surfaces)
    keymap = _coreference(surfaces, kinds)
    for k in keymap:  # "Line of Control (LoC)": the abbreviation is the long name wherever it recurs
        long = abbrevs.get(k.split("|", 1)[1])
        if long is not None and keymap[long] != keymap[k]:
            keymap[k] = keymap[long]
    table = EntityTable()
    for m in raw:
        key = keymap[m.key]
        kind = kinds[key]
        name = key.split("|", 1)[1]
        ent = table.entities.get(name)
        if ent is None:
            ent = ExtractedEntity(
                name=name, kind=kind, country_code=gaz.country_codes.get(name) if kind == "country" else None
            )
            table.entities[name] = ent
        surface = doc[m.start : m.end].text
        if surface != name and surface not in ent.aliases:
            ent.aliases.append(surface)
        mention = _extend_government(doc, Mention(m.start, m.end, name, kind, m.how))
        if mention.end != m.end:
            phrase = doc[mention.start : mention.end].text
            if phrase not in ent.aliases:
                ent.aliases.append(phrase)
        table.mentions.append(mention)
    _add_rementions(doc, table)
    _add_head_rementions(doc, table)
    table.index()
    table.affiliations = _affiliations(doc, table, gaz, evidence_ok)
    return table


def _crumb_sentences(doc: Doc) -> set[int]:
    """Starts of sentences that are navigation breadcrumbs ("Outlet > World > Region"): no entities there."""
    return {s.start for s in doc.sents if sum(t.text in {">", "»", "›"} for t in s) >= 2}


def _is_publisher(text: str, publisher: str, gaz: Gazetteer) -> bool:
    """The outlet's own name (or its first word, as the model often cuts it) is boilerplate, not an actor."""
    if not publisher or gaz.lookup(text) is not None:
        return False
    name = normalize_name(text)
    return bool(name) and (name == publisher or publisher.startswith(name + " "))


def _parenthetical_abbreviations(
    doc: Doc, raw: list[Mention], surfaces: dict[str, list[str]]
) -> dict[str, str]:
    """'Indian Air Force (IAF)': the bracketed abbreviation becomes a mention of the name before it.

    Returns abbreviation -> provisional key of the long name, so other mentions of it resolve too.
    """
    out: dict[str, str] = {}
    covered = {i for m in raw for i in range(m.start, m.end)}
    for m in list(raw):
        i = m.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            abbr = doc[i + 1]
            if 2 <= len(abbr.text) <= 8 and sum(ch.isupper() for ch in abbr.text) >= 2 and abbr.is_alpha:
                out.setdefault(abbr.text, m.key)
                if abbr.i not in covered:
                    raw.append(Mention(abbr.i, abbr.i + 1, m.key, m.kind, "abbrev"))
                    surfaces[m.key].append(abbr.text)
    return out


def _add_head_rementions(doc: Doc, table: EntityTable) -> None:
    """'the coalition' after 'the Saudi-led coalition': a definite bare head noun is that collective again."""
    heads: dict[str, str] = {}
    for m in table.mentions:
        if m.how == "led":
            heads.setdefault(doc[m.end - 1].lower_, m.key)
    if not heads:
        return
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    for tok in doc:
        key = heads.get(tok.lower_)
        if key is not None and tok.i not in covered and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
            table.mentions.append(Mention(tok.i, tok.i + 1, key, table.entities[key].kind, "remention"))


def _add_rementions(doc: Doc, table: EntityTable) -> None:
    """Later bare mentions the model missed: 'Ruto' after 'William Ruto', a name or alias said again."""
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    forms: dict[str, tuple[str, EntityKind]] = {}
    for ent in table.entities.values():
        for form in (ent.name, *ent.aliases):
            if form[:1].isupper():
                forms.setdefault(form, (ent.name, ent.kind))
        if ent.kind == "person" and len(ent.name.split()) > 1:
            forms.setdefault(ent.name.split()[-1], (ent.name, ent.kind))
    if not forms:
        return
    longest = max(len(f.split()) for f in forms)
    i = 0
    while i < len(doc):
        if i in covered or doc[i].pos_ != "PROPN":
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            text = doc[i : i + n].text
            hit = forms.get(text)
            if hit is not None and not any(k in covered for k in range(i, i + n)):
                table.mentions.append(Mention(i, i + n, hit[0], hit[1], "remention"))
                ent = table.entities[hit[0]]
                if text != ent.name and text not in ent.aliases:
                    ent.aliases.append(text)
                covered.update(range(i, i + n))
                i += n - 1
                break
        i += 1


KIND_PRIORITY = {"country": 0, "person": 1, "organization": 2, "armed_group": 3, "place": 4, "group": 5}


def _coreference(surfaces: dict[str, list[str]], kinds: dict[str, EntityKind]) -> dict[str, str]:
    """Map each provisional key to the key of the entity it refers to within the article."""
    keys = sorted(surfaces, key=lambda k: (-len(k.split("|", 1)[1]), k))
    target: dict[str, str] = {k: k for k in keys}

    def name(k: str) -> str:
        return normalize_name(k.split("|", 1)[1])

    # One name, one entity: the small model may tag one name PERSON here and ORG there.
    by_name: dict[str, list[str]] = {}
    for k in keys:
        by_name.setdefault(name(k), []).append(k)
    for group in by_name.values():
        if len(group) > 1:
            best = min(group, key=lambda k: (-len(surfaces[k]), KIND_PRIORITY[kinds[k]]))
            if any(kinds[k] == "country" for k in group):
                best = next(k for k in group if kinds[k] == "country")
            elif any(kinds[k] == "place" for k in group) and any(kinds[k] == "person" for k in group):
                best = next(k for k in group if kinds[k] == "place")  # people are not "in" anything
            for k in group:
                target[k] = best
    # Surnames and short forms resolve to the full name of a person, whatever the model tagged them.
    persons = [k for k in keys if kinds[k] == "person" and target[k] == k]
    for short in keys:
        if target[short] != short or kinds[short] == "country":
            continue
        s = name(short)
        for long in persons:
            if long == short:
                continue
            lname = name(long)
            if (
                len(lname.split()) > len(s.split())
                and (lname.endswith(" " + s) or lname.split()[-1] == s.split()[-1])
                and (kinds[short] == "person" or len(s.split()) == 1)
            ):
                target[short] = long
                break
    # A first name alone ("Abhinandan") is the one person of the article whose full name starts with it.
    for short in keys:
        s = name(short)
        if target[short] != short or kinds[short] != "person" or " " in s:
            continue
        firsts = [p for p in persons if p != short and target[p] == p and name(p).split()[0] == s]
        if len(firsts) == 1 and len(name(firsts[0]).split()) > 1:
            target[short] = firsts[0]
    # "the Saudi-led coalition" and "the Saudi-led alliance" are one collective.
    led: dict[tuple[str, str], str] = {}
    for k in keys:
        words = name(k).split()
        if len(words) >= 3 and words[-2] in {"led", "backed"} and target[k] == k:
            led_key = (str(kinds[k]), " ".join(words[:-1]))
            target[k] = led.setdefault(led_key, k)
    for k in persons:
        if target[k] != k or len(name(k)) < 7:
            continue
        for o in keys:
            if (
                kinds[o] != "person"
                and target[o] == o
                and len(name(o)) > 6
                and fuzz.ratio(name(k), name(o)) >= 88
            ):
                target[k] = o  # "Khan Younis" tagged PERSON is the place "Khan Yunis"
                break
    others = [k for k in keys if kinds[k] != "person" and target[k] == k]
    for i, a in enumerate(others):
        if target[a] != a:
            continue
        an = name(a)
        for b in others[i + 1 :]:
            if target[b] != b or kinds[a] != kinds[b] or kinds[a] == "country":
                continue
            bn = name(b)
            base_a = " ".join(w for w in an.split() if w not in PLACE_SUFFIXES)
            if base_a == bn or (len(an) > 6 and len(bn) > 6 and fuzz.ratio(an, bn) >= 88):
                target[b] = a
    # Acronyms ("NLD", "LoC") and last-word short forms ("Karabakh") of a longer name in the article.
    longer = [k for k in keys if target[k] == k and kinds[k] not in {"country"} and len(name(k).split()) > 1]
    for k in keys:
        if target[k] != k or kinds[k] == "country":
            continue
        raw_name = k.split("|", 1)[1]
        for long in longer:
            if long == k:
                continue
            words = long.split("|", 1)[1].replace("-", " ").split()
            initials = "".join(w[0] for w in words)
            caps = "".join(w[0] for w in words if w[0].isupper())
            is_acronym = (
                raw_name.isalpha() and 2 <= len(raw_name) <= 6 and sum(c.isupper() for c in raw_name) >= 2
            )
            if (is_acronym and raw_name.lower() in {initials.lower(), caps.lower()}) or (
                (kinds[k] != "person" or not any(name(p).endswith(" " + name(k)) for p in persons))
                and kinds[long] != "person"
                and " " not in name(k)
                and name(long).split()[-1] == name(k)
                and len(name(k)) > 4
            ):
                target[k] = long
                break
    # Names that collapse into a place-suffixed one ("Idlib" -> "Idlib province") across kinds too.
    for a in others:
        words = name(a).split()
        if len(words) >= 2 and words[-1] in PLACE_SUFFIXES:
            base = " ".join(words[:-1])
            for b in keys:
                if (
                    b != a
                    and target[b] == b
                    and kinds[b] in {"place", "organization", "person"}
                    and name(b) == base
                ):
                    target[b] = target[a]
    for k in keys:  # follow chains
        seen = {k}
        while target[target[k]] != target[k] and target[k] not in seen:
            seen.add(target[k])
            target[k] = target[target[k]]
    return target


def _affiliations(
    doc: Doc, table: EntityTable, gaz: Gazetteer, evidence_ok: Callable[[Span], bool] | None
) -> list[ExtractedRelation]:
    """Titles and roles: 'Russian Foreign Minister Sergei Lavrov' -> Lavrov AFFILIATED_WITH Russia."""
    out: dict[tuple[str, str], ExtractedRelation] = {}
    for m in table.mentions:
        if m.kind in {"organization", "armed_group"} and m.end - m.start >= 2:
            # "Iranian foreign ministry", "Pakistan Army": a body named after its country belongs to it
            first = doc[m.start].text
            hit = gaz.lookup(first)
            if hit is not None and hit[0] == "country" and hit[1] != m.key and hit[1] in table.entities:
                sent = doc[m.start].sent
                out.setdefault(
                    (m.key, hit[1]),
                    ExtractedRelation(
                        source=m.key,
                        type="AFFILIATED_WITH",
                        target=hit[1],
                        evidence=sent.text.strip(),
                        confidence=0.7,
                    ),
                )
            continue
        if m.kind != "person":
            continue
        sent = doc[m.start].sent
        if evidence_ok is not None and not evidence_ok(sent):
            continue
        title, org = _title_before(doc, m, table, gaz, sent.start)
        if org is None:
            title2, org2 = _title_apposition(doc, m, table, gaz)
            title, org = title or title2, org2
        if org is None or org.key == m.key or org.kind not in {"country", "organization", "armed_group"}:
            continue
        key = (m.key, org.key)
        if key not in out:
            out[key] = ExtractedRelation(
                source=m.key,
                type="AFFILIATED_WITH",
                target=org.key,
                title=title,
                evidence=sent.text.strip(),
                confidence=0.8,
            )
    return list(out.values())


def _title_before(
    doc: Doc, m: Mention, table: EntityTable, gaz: Gazetteer, floor: int
) -> tuple[str | None, Mention | None]:
    i = m.start - 1
    words: list[Token] = []
    while i >= floor and len(words) < 8:
        t = doc[i]
        if t.is_punct and t.text not in {"-"}:
            break
        if t.lower_ in {"the", "a", "an"}:
            break
        words.insert(0, t)
        i -= 1
    if not words:
        return None, None
    # the title: the longest run of the words next to the name that is a title ("Secretary of State")
    title = None
    for k in range(len(words)):
        cand = " ".join(w.text for w in words[k:])
        if cand.lower() in gaz.titles:
            title = cand
            break
    if title is None:
        last = words[-1].lower_
        if last in gaz.titles:
            title = words[-1].text
    org = None
    n_title = len(title.split()) if title else 0
    for w in reversed(words[: len(words) - n_title] if n_title else words):
        mm = table.mention_at(w.i)
        if mm is not None and mm.key != m.key:
            org = mm
            break
    if title is None:
        return None, None
    return title, org


def _title_apposition(
    doc: Doc, m: Mention, table: EntityTable, gaz: Gazetteer
) -> tuple[str | None, Mention | None]:
    """'X, the Kremlin spokesman', 'X, spokesman for Y', "Y's foreign minister, X"."""
    root = doc[m.end - 1]
    cands: list[Token] = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        cands.append(root.head)
    for noun in cands:
        if noun.lower_ not in gaz.titles and f"{noun.nbor(-1).lower_} {noun.lower_}" not in gaz.titles:
            continue
        title = noun.text
        for child in noun.subtree:
            mm = table.mention_at(child.i)
            if mm is not None and mm.key != m.key and mm.kind in {"country", "organization", "armed_group"}:
                return title, mm
    return None, None
