"""The kind and canonical name of a candidate, repaired by rule where the small model errs in general ways."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.model import EntityKind
from loaders.entities.artefacts import (
    bare_state_body,
    capital_place,
    is_legal_suffix,
    is_time_zone,
    listed_place,
    office_before_title,
)
from loaders.entities.candidates import Candidate
from loaders.entities.context import (
    after_person_title,
    common_noun_as_name,
    framing_capital,
    in_title_case_headline,
    is_acting,
    is_locative,
    is_toponym,
    joined_persons,
    led_by_person,
    strong_locative,
)
from loaders.entities.lexicon import (
    ARMED_NAME_WORDS,
    ARMED_WORDS,
    BUILDING_NOUNS,
    COMPANY_NAME_ENDS,
    COMPANY_NOUNS,
    GOVERNMENT_NOUNS,
    MACRO_REGIONS,
    MEDIA_DESCRIPTORS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    NOT_ENTITIES,
    ORG_WORDS,
    PLACE_NOUNS,
    PLACE_PREPS,
    ROAD_NOUNS,
    SECTION_LABELS,
    SPEECH_OR_ACTION,
)
from loaders.gazetteer import Gazetteer
from loaders.mentions import Mention


def resolve_kind(doc: Doc, c: Candidate, gaz: Gazetteer) -> tuple[EntityKind | None, str, str]:
    """(kind, name, how) for a candidate; kind None drops it."""
    span = doc[c.start : c.end]
    text = span.text
    if c.kind == "capital":
        if capital_place(doc, c.start, c.end):
            return "place", text, "capital"  # "X's southern suburbs", "the capital X", "in and out of X"
        if (
            is_locative(doc, c.start, c.end)
            and not is_acting(span.root)
            and not framing_capital(doc, c.start, c.end)
        ):
            return "place", text, "capital"
        return "country", c.canonical or text, "capital"
    if c.canonical is not None and c.kind == "country" and community_demonym(doc, c, gaz):
        return None, text, c.how
    if c.canonical is not None:
        how = c.how if c.how in {"led", "collective"} else "demonym" if c.canonical != text else "gazetteer"
        return c.kind, c.canonical, how  # type: ignore[return-value]
    hit = gaz.lookup(text)
    if hit is not None:
        return hit[0], hit[1], "gazetteer"  # type: ignore[return-value]
    if text in gaz.capitals:
        return (
            ("country", gaz.capitals[text], "capital") if is_acting(span.root) else ("place", text, "capital")
        )
    if text.lower() in NOT_ENTITIES or text.lower() in gaz.titles or text in MACRO_REGIONS:
        return None, text, c.how
    if c.how == "ner" and (is_time_zone(span) or is_legal_suffix(span) or bare_state_body(span)):
        return None, text, c.how  # "2005 GMT", "X, S.A.", "Army spokesperson": no name of its own
    if c.how == "ner" and joined_persons(span):
        return None, text, c.how  # "Ortega and Bravo agreed ...": two people, each named elsewhere
    if c.how == "ner" and c.kind == "ORG" and office_before_title(span, gaz):
        return None, text, c.how  # "Treasury Secretary X": the office's field belongs to the title
    after = doc[c.end].lower_ if c.end < len(doc) else ""
    if after and f"{text.lower()} {after}" in gaz.titles:
        return None, text, c.how  # "US Defense Secretary": the noun belongs to the title
    if c.start > 1 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in gaz.titles:
        return None, text, c.how  # "Secretary of Defense": the office's noun belongs to the title
    if c.how == "ner" and len(span) == 1 and span[0].lower_ in COMPASS_WORDS:
        short = compass_short_form(doc, span[0].text, gaz)  # "the North": North Korea, if the text names it
        return ("country", short, "shortform") if short is not None else (None, text, c.how)
    if c.how == "ner" and len(span) == 1 and span[0].lower_ in SECTION_LABELS:
        return None, text, c.how  # "Explainer: why ...": a page's label for the piece, not a name
    if "\n" in text or "/" in text or "|" in text or ":" in text:  # "Congo: Army ...": a headline's label
        return None, text, c.how
    ran_past = any(
        t.is_lower
        and t.is_alpha
        and t.lower_ not in NAME_PARTICLES
        and not (t.i > c.start and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_)  # "Li-fang"
        for t in span
    )
    if c.how == "ner" and ran_past and (c.kind != "ORG" or not any(t.lower_ in ORG_WORDS for t in span)):
        return None, text, c.how  # "Yerevan after Pashinyan": the model ran past the name
    if (
        c.how == "ner"
        and c.kind == "ORG"
        and len(span) >= 4
        and not any(t.lower_ in ORG_WORDS for t in span)
        and in_title_case_headline(span)
    ):
        return None, text, c.how  # "Turkish FM Ozturk Discuss Trade Deal": a headline run together
    if (
        c.how == "ner"
        and len(span) == 1
        and span[0].tag_ in {"NN", "NNS"}
        and (span[0].is_sent_start or span[0].lemma_.lower() in gaz.common_nouns)
    ):
        return None, text, c.how  # "Warplanes returned": a common noun the model labelled a name
    if c.how == "ner" and len(span) == 1 and common_noun_as_name(span[0], c.kind, gaz.common_nouns):
        return None, text, c.how  # "Shrapnel wounds were ...", "the Elder's words": a noun, not a person
    if (
        c.how == "ner"
        and len(span) == 1
        and span[0].is_sent_start
        and span[0].tag_ in {"JJ", "JJR", "JJS", "RB", "VBG", "VBN"}
    ):
        return None, text, c.how  # "Fierce fighting broke out": a capitalised first word, not a name
    if (
        c.how in {"ner", "suffix"}
        and all(t.lower_ in gaz.common_nouns or t.lemma_.lower() in gaz.common_nouns for t in span)
        and in_title_case_headline(span)
    ):
        return None, text, c.how  # "Rebels Seize Border Crossing": common nouns capitalised by a headline
    label = c.kind
    if (
        label == "ORG"
        and len(span) == 1
        and span[0].is_title
        and span[0].lower_ not in ORG_WORDS
        and (
            (strong_locative(doc, c.start, c.end) and doc[c.start - 1].lower_ in PLACE_PREPS)
            or (doc[c.start - 1].lower_ in {"to", "from"} and is_locative(doc, c.start, c.end))
        )
    ):
        # "troops withdrew towards Daraa", "families fled to Tarvel": a body is not where one goes
        return "place", text, c.how
    if label in {"ORG", "PERSON", "GPE", "LOC", "FAC"} and described_as_armed(span, gaz):
        return (
            "armed_group",
            text,
            c.how,
        )  # "the Gulf Clan, the country's biggest gang": named as an armed body
    if label in {"ORG", "PERSON", "NORP"} and described_as_place(span):
        return "place", text, c.how  # "Aziziya, a town south of the capital"
    if label == "NORP":
        return None, text, c.how  # a demonym that is not a country's ("Shiite") only qualifies others
    if label in {"ORG", "FAC", "PERSON", "GPE", "LOC"} and names_building(doc, c.start, c.end):
        return "place", text, c.how  # "Evin Prison", "the Azovstal steel plant": a building is a place
    if label in {"ORG", "FAC"} and len(span) > 1 and _road_name(span):
        return "place", text, c.how  # "National Highway 2", "the Lachin Road": a road is a place
    if label in {"ORG", "PERSON"} and span[0].lower_ in ARMED_NAME_WORDS:
        # "Harakat al-Nujaba", or "Jaish" alone for its group: a group named by its kind, not a person
        return "armed_group", text, c.how
    if (
        label in {"GPE", "LOC", "FAC", "ORG", "PERSON"}
        and after_person_title(doc, c.start, gaz)
        and not any(t.lower_ in ORG_WORDS for t in span)
        and len(span) <= 4
        and text not in gaz.cities
    ):
        return "person", text, c.how  # "Chancellor Olaf Scholz" whatever the model called the name
    if (
        label in {"GPE", "LOC", "PERSON"}
        and not listed_place(span)  # "the villages of A, B and C": the list's noun says what they are
        and coordinated_with_person(span, gaz, label == "PERSON")
    ):
        return "person", text, c.how  # "talks between Kim and President Joe Biden"
    if (
        label in {"GPE", "LOC", "FAC", "PERSON"}
        and c.end < len(doc)
        and doc[c.end].is_lower
        and (doc[c.end].lower_ in MEDIA_DESCRIPTORS)
    ):
        return "organization", text, c.how  # "Iran's Mehr news agency", "the Daily Star newspaper": an outlet
    if label in {"GPE", "LOC", "FAC", "PERSON"} and len(span) > 1 and span[-1].lower_ in COMPANY_NAME_ENDS:
        return "organization", text, c.how  # "Wizz Air", "Gulf Airways": an airline, not a place or a person
    if label in {"GPE", "LOC", "FAC", "PERSON"} and c.start > 0 and doc[c.start - 1].lower_ in COMPANY_NOUNS:
        return "organization", text, c.how  # "the national airline Avianor": named by its trade
    if label in {"GPE", "LOC", "FAC", "place"}:
        return "place", text, c.how
    if label == "PERSON":
        if text in gaz.cities or is_toponym(span, gaz) or strong_locative(doc, c.start, c.end):
            return "place", text, c.how
        if listed_place(span):
            return "place", text, c.how  # "the towns of A, B and C": the last conjunct too
        if len(span) == 1 and (not span[0].is_title or span[0].tag_ in {"NNS", "NN", "NNPS"}):
            return None, text, c.how
        if len(span) == 1 and text.endswith("s") and text[:-1].lower() in gaz.common_nouns:
            return None, text, c.how  # "Missiles struck ...": a plural common noun, not a person
        return "person", text, c.how
    if label == "ORG" and is_toponym(span, gaz):
        return "place", text, c.how  # "Kafr Nabl", "Deir Hafer": the model's ORG is a village
    if label == "ORG" and titled_apposition(span, gaz):
        return "person", text, c.how  # "Samantha Power, the US ambassador to the UN": an office holder
    if label == "ORG" and led_by_person(span):
        return "person", text, c.how  # "the government of Ana Ruiz Pereda": a leader, not a body
    if label == "ORG" and surname_speaker(span, gaz):
        return "person", text, c.how  # "Lavrov accused NATO ...": a surname the model took for a body
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
        if text in gaz.cities and is_locative(doc, c.start, c.end):
            return "place", text, c.how
        if ARMED_WORDS.search(text) and span[-1].lower_ not in MEDIA_WORDS:
            return "armed_group", text, c.how  # but "Army Radio", "Army Television" are outlets
        return "organization", text, c.how
    if label in {"armed_group", "group"}:
        return label, text, c.how  # type: ignore[return-value]
    return None, text, c.how


COMPASS_WORDS = frozenset({"north", "south", "east", "west"})


def compass_short_form(doc: Doc, word: str, gaz: Gazetteer) -> str | None:
    """The one country the text names as "<word> X" ("North Korea", "South Sudan"), which a bare "the
    North" or "the South" shortens; None when the text names none or two."""
    found = set()
    for tok in doc[:-1]:
        if tok.text == word:
            hit = gaz.lookup(f"{word} {doc[tok.i + 1].text}")
            if hit is not None and hit[0] == "country":
                found.add(hit[1])
    return found.pop() if len(found) == 1 else None


ETHNIC_PARTICIPLES = frozenset({"populated", "inhabited", "majority", "dominated", "speaking"})


def community_demonym(doc: Doc, c: Candidate, gaz: Gazetteer) -> bool:
    """A demonym that names a community, not the state of that name: after a place's own name
    ("the Crimea Tatars", "Kosovo Serbs") or in a population compound ("a Serb-populated town")."""
    text = doc[c.start : c.end].text
    if text == c.canonical or gaz.names.get(text, ("", ""))[1] != c.canonical:
        return False  # the country's own name, not its demonym
    if c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end + 1].lower_ in ETHNIC_PARTICIPLES:
        return True
    if c.start == 0:
        return False
    prev = doc[c.start - 1]
    hit = gaz.lookup(prev.text)
    return (
        prev.pos_ == "PROPN"
        and prev.is_title
        and (hit is None or hit[0] == "place")
        and prev.text not in gaz.capitals
        and prev.ent_type_ != "PERSON"
    )


def described_as_place(span: Span) -> bool:
    """The name's apposition is a place noun ('X, a town 35km south of Y'), or it is held by someone
    ('the LNA-held Jufra'), unless it names a body ('the army-controlled National Assembly')."""
    body = any(t.lower_ in ORG_WORDS for t in span)
    return any(
        (c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS)
        or (c.dep_ == "amod" and c.lower_ in HELD_WORDS and not body)
        for c in span.root.children
    )


def described_as_armed(span: Span, gaz: Gazetteer) -> bool:
    """The name's apposition is an armed collective noun ("X, a drug gang", "X, the largest rebel
    group"): the text says what the body is, whatever the model tagged it."""
    for c in span.root.children:
        if c.dep_ != "appos":
            continue
        heads = {c.lower_, c.lemma_.lower() + "s"}
        if c.lemma_.lower() == "group":  # "the largest rebel group": the modifier says it is armed
            heads |= {t.lower_ for t in c.lefts} | {t.lower_ + "s" for t in c.lefts}
        if any(gaz.collectives.get(h) == "armed_group" for h in heads):
            return True
    return False


HELD_WORDS = frozenset({"held", "controlled", "occupied", "besieged"})  # "LNA-held Jufra" is a place


def extend_government(doc: Doc, m: Mention) -> Mention:
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


def surname_speaker(span: Span, gaz: Gazetteer) -> bool:
    """One capitalised word, no acronym, no known body, that speaks or acts like a person: the small model
    often labels a lone surname ORG. Bodies that speak are acronyms, gazetteer names or have an ORG word."""
    if len(span) != 1:
        return False
    tok = span[0]
    if not tok.is_title or tok.is_upper or gaz.lookup(tok.text) is not None or tok.lower_ in ORG_WORDS:
        return False
    if tok.text in gaz.cities or tok.text in gaz.capitals:
        return False
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in SPEECH_OR_ACTION


def names_building(doc: Doc, start: int, end: int) -> bool:
    """The name ends in a building noun ("X Hospital"), or one follows it in lower case, with at most one
    modifier between ("the X steel plant")."""
    if end - start > 1 and doc[end - 1].lower_ in BUILDING_NOUNS:
        return True
    after = [t for t in doc[end : end + 2] if t.is_lower and t.is_alpha]
    return (
        bool(after)
        and (after[0].lower_ in BUILDING_NOUNS or (len(after) == 2 and after[1].lower_ in BUILDING_NOUNS))
        and doc[end].is_lower
    )


def _road_name(span: Span) -> bool:
    """A name that ends in a road noun, or in a road noun and its number ("Highway 2", "Route 66")."""
    last = span[-1]
    if last.like_num and len(span) > 1:
        last = span[-2]
    return last.lower_ in ROAD_NOUNS


def coordinated_with_person(span: Span, gaz: Gazetteer, person_label: bool) -> bool:
    """A short name coordinated with a person's name ('between Kim and President Joe Biden', 'Motegi and
    Pompeo') and known to the gazetteer as no place or country is a person too, as coordination joins like
    with like: also when it is the name of some small city somewhere ("Kim"), if the model read a person."""
    text = span.text
    if len(span) > 3 or gaz.lookup(text) is not None or text in gaz.capitals:
        return False
    if text in gaz.cities and not person_label:
        return False
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(p.ent_type_ == "PERSON" and p.i not in range(span.start, span.end) for p in partners)


def titled_apposition(span: Span, gaz: Gazetteer) -> bool:
    """A name of two or three title-case words with no organisation word, whose apposition is an office
    ("X Y, the British ambassador to the UN"): a person the model labelled ORG. Bodies take descriptions
    ("the militant group"), not offices."""
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span):
        return False
    if any(t.lower_ in ORG_WORDS for t in span) or gaz.lookup(span.text) is not None:
        return False
    root = span.root
    doc = span.doc
    if span.start > 1 and doc[span.start - 1].text == "," and doc[span.start - 2].lower_ in gaz.titles:
        return True  # "the Union's envoy, X Y": the office comes first
    return any(c.dep_ == "appos" and c.lower_ in gaz.titles for c in root.children)
