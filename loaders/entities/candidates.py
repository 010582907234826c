"""Candidate spans for entities: gazetteer windows, spaCy's entities, place-suffixed names; the selection."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from loaders.doc_words import lowers, parts_of_speech, texts, tokens_in
from loaders.entities.lexicon import (
    CALENDAR_WORDS,
    CARRIER_NOUNS,
    CODE_NAME_WORDS,
    COMPANY_NAME_ENDS,
    EQUIPMENT_NOUNS,
    GOVERNMENT_NOUNS,
    MAX_WINDOW,
    MEDIA_DESCRIPTORS,
    MODEL_DESIGNATOR,
    NON_NAME_ENTS,
    ORG_WORDS,
    VEHICLE_MAKERS,
    VESSEL_NOUNS,
)
from loaders.entities.name_cues import person_name_end
from loaders.entities.ner_spans import (
    RANK_ABBREVIATIONS,
    ends_in_abbreviated_title,
    ends_title_run,
    holder_after_office_of,
    same_body_twice,
)
from loaders.gazetteer import Gazetteer
from loaders.relations.lexicon import words

QUOTES = frozenset({"'", "\u2018", '"', "\u201c"})  # opening a nickname after a name ("X Y 'Nick'")
# a military rank, written out or abbreviated ("Gen", "Sgt."): a person's name follows it
RANKS = words("military_ranks") | RANK_ABBREVIATIONS


class Candidate:
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


def gazetteer_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    out = []
    n = len(doc)
    texts = [t.text for t in doc]
    ws = [t.whitespace_ for t in doc]
    for i in range(n):
        first = texts[i]
        if not (first[:1].isupper() or first[:3] in {"al-", "al "}):
            # "the peshmerga": a group the gazetteer also writes in lower case, as news style does
            hit = gaz.names.get(first) if first.islower() else None
            if hit is not None and hit[0] == "armed_group":
                out.append(Candidate(i, i + 1, hit[0], hit[1], "gazetteer", 3))
            continue
        s = ""
        for j in range(i, min(n, i + MAX_WINDOW)):
            s += texts[j]
            hit = gaz.names.get(s)
            if hit is not None:
                out.append(Candidate(i, j + 1, hit[0], hit[1], "gazetteer", 3))
            elif s in gaz.capitals:
                out.append(Candidate(i, j + 1, "capital", gaz.capitals[s], "capital", 3))
            elif (
                s in gaz.cities
                and s.lower() not in CALENDAR_WORDS
                and not (i == j and ends_title_run(doc, i, gaz))
                and not (i > 0 and (texts[i - 1] in CODE_NAME_WORDS or texts[i - 1].lower() in VESSEL_NOUNS))
                and s.lower()
                not in GOVERNMENT_NOUNS | ORG_WORDS  # "Police Chief": a town in Poland, not here
                and all(
                    doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in NON_NAME_ENTS for k in range(i, j + 1)
                )
            ):
                out.append(Candidate(i, j + 1, "place", None, "city", 1))
            s += ws[j]
        acronym = title_case_acronym(doc[i], gaz)
        if acronym is not None:
            out.append(Candidate(i, i + 1, acronym[0], acronym[1], "gazetteer", 3))
    return out


def title_case_acronym(tok: Token, gaz: Gazetteer) -> tuple[str, str] | None:
    """'Nato', 'Ecowas', 'Isil': a body's acronym written as a word, as some outlets' style is (kind and
    canonical name of the upper-case form). Only a proper noun, and not a common word opening a sentence."""
    text = tok.text
    if len(text) < 4 or not text.isalpha() or not text.istitle() or tok.pos_ != "PROPN":
        return None
    if tok.is_sent_start and tok.lower_ in gaz.common_nouns:
        return None
    hit = gaz.names.get(text.upper())
    return hit if hit is not None and hit[0] in {"organization", "armed_group"} else None


def _equipment_tokens(doc: Doc) -> set[int]:
    """Tokens of weapon and aircraft model names ("MiG-21 Bison", "F-16", "S-400"), which name no actor."""
    out: set[int] = set()
    words, pos, forms = texts(doc), parts_of_speech(doc), lowers(doc)
    for i, word in enumerate(words):
        if not word[:1].isupper() and pos[i] != "PROPN" and forms[i] not in VEHICLE_MAKERS:
            continue  # each test below wants a capital, a proper noun or a maker: most words meet none
        tok = doc[i]
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
        if (
            tok.pos_ == "PROPN"
            and tok.is_title
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].is_digit
            and len(doc[tok.i + 1]) >= 3
            and not 1900 <= int(doc[tok.i + 1].text) <= 2099
            and gaz_free(tok)
        ):
            out.update((tok.i, tok.i + 1))  # "a Boeing 777", "the Antonov 124": a maker and model number
        if (
            tok.pos_ == "PROPN"
            and tok.dep_ in {"compound", "nmod", "amod"}
            and tok.head.lower_ in EQUIPMENT_NOUNS
            and tok.head.i > tok.i
            and not any(c.dep_ == "case" for c in tok.children)
            and not operator_of(tok)
        ):
            out.add(tok.i)  # "a Buk missile", "a Boeing 777 airliner": a model, not its maker or an actor
        if tok.lower_ in VEHICLE_MAKERS and any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children
        ):
            out.add(tok.i)  # "an Airbus operated by X": one of the maker's vehicles
    return out


def operator_of(tok: Token) -> bool:
    """A company named before a carrier noun is the one that flies it ("a Ryanair plane", "a Wizz Air
    jet"), unless it is a maker ("a Boeing jet") or the model did not read a body ("a Buk missile" is no
    carrier anyway)."""
    last = tok
    while last.head.dep_ == "compound" and last.head.pos_ == "PROPN" and last.head.i > last.i:
        last = last.head  # "Wizz" -> "Air" -> "jet"
    company = tok.ent_type_ == "ORG" or last.lower_ in COMPANY_NAME_ENDS
    return company and last.head.lower_ in CARRIER_NOUNS and tok.lower_ not in VEHICLE_MAKERS


def titled_person(ent: Span, gaz: Gazetteer) -> bool:
    """An ORG span that is a personal title and two or more name words ("Colonel Ana Maria Ruiz"): no word
    of a body ("General National Congress") and no common noun ("General Electric Motors")."""
    k = next((k for k in (3, 2, 1) if len(ent) > k and ent[:k].text.lower() in gaz.person_titles), 0)
    rest = ent[k:]  # "Privy Councillor X Y": a title of two words (round 15)
    return (
        k > 0
        and len(rest) >= 2
        and all(t.text[:1].isupper() and t.is_alpha for t in rest)
        and not any(
            t.lower_ in ORG_WORDS or t.lower_ in gaz.common_nouns or t.lemma_.lower() in gaz.common_nouns
            for t in rest
        )
    )


def titled_name_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'spokesman Wu Li-fang', 'Minister Kang Kyung-wha': two or three name words after an office title,
    one of them joined by a hyphen, which the small model often leaves out. The hyphen's second half may
    be lower-case ("Li-fang" is read "Li", "-", "fang")."""
    out = []
    for tok in tokens_in(doc, gaz.titles):
        if tok.lower_ not in gaz.titles or tok.i + 2 >= len(doc):
            continue
        if doc[tok.i + 1].lower_ in gaz.titles:
            continue  # "Lieutenant Colonel X": the name follows the last title word, which is read next
        first = tok.i + 1
        if doc[first].text == "." and tok.lower_ in RANKS:
            first += 1  # "Sgt . X Y": the abbreviation's stop
        end = first
        words = 0
        hyphen = False
        while end < len(doc) and words < 3:
            t = doc[end]
            if t.is_title and t.is_alpha:
                words += 1
                end += 1
            elif words == 0 and t.is_upper and t.is_alpha and 2 <= len(t) <= 4 and gaz.lookup(t.text) is None:
                hyphen = True  # "Captain DKP Silva": initials written without stops, which the model skips
                words += 1
                end += 1
            elif (
                t.text == "-"
                and not doc[end - 1].whitespace_
                and not t.whitespace_
                and end + 1 < len(doc)
                and doc[end + 1].is_alpha
                and words > 0
            ):
                hyphen = True
                end += 2
            else:
                break
        # "General Waker-Uz-Zaman" (round 16): one name of three capitalised parts after a capitalised title
        parts = [t for t in doc[first:end] if t.text != "-"]
        joined = words == 1 and tok.is_title and len(parts) >= 3 and all(t.is_title for t in parts)
        if (
            (words >= 2 or joined)
            and (hyphen or _ranked(doc, tok, gaz))
            and gaz.lookup(doc[first:end].text) is None
        ):
            out.append(Candidate(first, end, "PERSON", None, "titled", 2))
    return out


def _ranked(doc: Doc, tok: Token, gaz: Gazetteer) -> bool:
    """'spokesman Maj Gen X Y', 'Navy spokesman Sgt. X Y': a rank ending a run of title words (after an
    office or another title) opens a person's name, which the small model often leaves untagged."""
    if tok.lower_.rstrip(".") not in RANKS or tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    if prev.text == "." and tok.i > 1:
        prev = doc[tok.i - 2]
    return prev.lower_ in gaz.titles or prev.lower_.rstrip(".") in RANKS


def gaz_free(tok: Token) -> bool:
    """The word is no country, place or body name the model knows as such (a maker, not "Syria 2011")."""
    return tok.ent_type_ not in {"GPE", "LOC", "NORP"}


def _joined_person_ents(doc: Doc, titles: Collection[str] = ()) -> list[Span]:
    """spaCy's entities, with two PERSON entities that touch joined into one: the small model cuts a long
    name in two ("Mohamed Abdi" + "Farah Yusuf"), and two people are never written without a word between.
    So is a title-led run the model called a body before a PERSON that touches it ("General Ana Maria" +
    "Oliveira Santos"): a body's name does not open with an office title."""
    out: list[Span] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start:
            if prev[-1].text not in QUOTES:  # "X Y 'Nick'": the quoted nickname is no part of the name
                out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        if (
            prev is not None
            and ent.label_ == "PERSON"
            and prev.label_ == "ORG"
            and prev.end == ent.start
            and prev[0].lower_ in titles
            and all(t.is_title and t.lower_ not in ORG_WORDS for t in prev)
        ):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def ner_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    out = []
    equipment = _equipment_tokens(doc)
    for ent in _joined_person_ents(doc, gaz.titles):
        if ent.label_ == "WORK_OF_ART" and _before_nickname(ent):
            # "X Y Z 'Nick'": the model read the quoted nickname as a title and took the name into it
            out.append(Candidate(ent.start, ent.end - 1, "PERSON", None, "ner", 2))
            continue
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}:
            continue
        if any(t.i in equipment for t in ent):
            continue
        parts = [p.strip() for p in ent.text.split("-")]
        if len(parts) > 1 and all(gaz.lookup(p) is not None for p in parts):
            continue  # "Armenia-Azerbaijan conflict": two countries, each found by the gazetteer
        titled = ent.label_ == "ORG" and titled_person(ent, gaz)
        if (
            ent.label_ == "ORG"
            and not titled
            and not any(t.lower_ in ORG_WORDS for t in ent)
            and any(t.lower_ in gaz.titles for t in ent[1:])
        ):
            continue  # "the Indian Air Attaché": a title phrase; the demonym is found on its own
        if same_body_twice(ent, gaz):
            continue  # "IRGC al-Quds Force": a body's short name and its unit's, each found by the gazetteer
        if ends_in_abbreviated_title(doc, ent):
            continue  # "Kazakh Pres. X", "Air Force Capts. X": a title phrase, its holder follows
        holder = holder_after_office_of(doc, ent, gaz)
        if holder is not None:
            out.append(Candidate(holder, ent.end, "PERSON", None, "ner", 2))
            continue
        label = ent.label_
        if titled:
            label = "PERSON"  # "Superintendent RK Silva": the title opens a person's name, not a body's
        end = ent.end
        while end - 1 > ent.start and doc[end - 1].is_lower and doc[end - 1].lower_ in MEDIA_DESCRIPTORS:
            end -= 1  # "the Kabul Times newspaper": the outlet is "Kabul Times"
        if end != ent.end and not doc[end - 1].text[:1].isupper():
            end = ent.end
        if label == "PERSON":
            end = person_name_end(doc, ent.start, end, gaz)  # "Denis Sassou" + "Nguesso" (round 15, ent7)
        out.append(Candidate(ent.start, end, label, None, "ner", 2))
    return out


def _before_nickname(ent: Span) -> bool:
    """Two to four capitalised name words and the opening quote of a nickname ("X Y Z 'Nick'")."""
    words = ent[:-1]
    return (
        ent[-1].text in QUOTES
        and 2 <= len(words) <= 4
        and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in words)
    )
