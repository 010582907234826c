"""AFFILIATED_WITH for people whose office the article states without the title naming a body.

`loaders.entities` reads titles that name their country or body ("Russian Foreign Minister X",
"X, the Kremlin spokesman"). This family covers the rest, in order of evidence:

1. a title word with an entity modifier the entity rules do not treat as a title ("his Iranian
   counterpart X", "the Karabakh president X");
2. a relative clause "X, who leads/commands/controls Y";
3. a stated office and a well-known office-holder: loaders/data/relations/office_holders.json
   ("President Donald Trump" -> United States), then the leaders of 1875-2015 (leaders.json, Archigos);
3b. the same office introduced with its body a sentence or two earlier (`introduced_offices`);
4. a national office with no country at all ("Defence Minister X", "army chief X"): the country the
   article is about, i.e. the one it mentions most.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from graph.model import ExtractedRelation, normalize_name
from loaders.mentions import EntityTable, Mention
from loaders.relations.filed_from import dateline_country
from loaders.relations.introduced_offices import introduced_body
from loaders.relations.legislators import (
    chamber,
    legislator_office,
    listed_legislator,
    member_of_legislature,
)
from loaders.relations.lexicon import DATA, words
from loaders.relations.lexicon import table as word_table
from loaders.relations.office_bodies import (
    REBEL_WORDS,
    body_in,
    collective_body,
    framing_country,
    led_body,
    only_armed_group,
    owner_body,
    rebel_body,
    respective_offices,
)
from loaders.relations.office_titles import (
    OFFICE_NOUNS,
    appos_office,
    envoy_words,
    listed_title_words,
    stated_office,
    title_floor,
    title_words,
)
from loaders.relations.principals import possessive_countries, principal_of
from loaders.world_knowledge import leader_surnames, leader_years, leaders

NATIONAL_TITLES = words("national_titles")
NATIONAL_TITLE_HEADS = words("national_title_heads")  # "Energy Minister X": any minister is national
GROUP_OWNERS = words("anaphor_group_heads")  # "the group's spokesman", "the movement's leader"
COUNTRY_TITLES = word_table("country_titles")  # "treasury secretary" -> the United States


@lru_cache(maxsize=1)
def office_holders() -> dict[str, str]:
    """Normalised full name -> country, from the data file."""
    data = json.loads((DATA / "office_holders.json").read_text(encoding="utf-8"))
    out = {
        normalize_name(n): country
        for country, names in data.items()
        if not country.startswith("_")
        for n in names
    }
    for name, country in leaders().items():  # Archigos 1875-2015 (round 16): the curated list wins
        out.setdefault(name, country)
    return out


def _holder_by_surname(name: str, holders: dict[str, str], table: EntityTable) -> str | None:
    """'President Trump': a lone surname after an office is the office-holder of that surname whose
    country the article names, when exactly one such country is named."""
    short = normalize_name(name)
    if " " in short:
        return None
    lands = {c for full, c in holders.items() if full.rsplit(" ", 1)[-1] == short and c in table.entities}
    lands |= {c for c in leader_surnames().get(short, ()) if c in table.entities}
    return lands.pop() if len(lands) == 1 else None


def _main_country(table: EntityTable) -> str | None:
    # only a country the article is plainly about: at least twice as often mentioned as any other
    top = Counter(m.key for m in table.mentions if m.kind == "country").most_common(2)
    if not top or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def office_affiliations(
    doc: Doc,
    table: EntityTable,
    titles: set[str] | frozenset[str],
    sents: list[Span],
    capitals: Mapping[str, str] | None = None,
    year: int | None = None,
) -> list[ExtractedRelation]:
    """Affiliations of persons with a stated office that the title rules left without one. `capitals`
    (capital -> country) reads the dateline (`filed_from`); `year` is the article's, which a listed
    leader's tenure must not start after."""
    done = {r.source for r in table.affiliations}
    holders = office_holders()
    main = _main_country(table)
    # the country a story is filed from and names again owns its unplaced offices, also where another
    # country is named more often (a president who fled to a US base) or as often (`filed_from`)
    main = (dateline_country(doc, table, capitals) if capitals else None) or main
    allowed = {(s.start, s.end) for s in sents}
    out: dict[str, ExtractedRelation] = {}
    respective: dict[str, str] = {}
    for s in doc.sents:  # the office may sit in a caption's sentence; its holders' must be evidence
        respective.update(respective_offices(doc, table, titles, s))
    owned = possessive_countries(doc, table)
    voices: dict[str, tuple[str, Span, str | None]] = {}
    for m in table.mentions:
        if m.kind != "person" or m.key in done or m.key in out or m.key in voices:
            continue
        sent = doc[m.start].sent
        if (sent.start, sent.end) not in allowed:
            continue
        floor = title_floor(doc, m.start, sent)
        before = title_words(doc, m.start, floor)
        if stated_office(before, titles | OFFICE_NOUNS) is None:
            before = (
                envoy_words(doc, table, m, sent.start) or listed_title_words(doc, table, m, floor) or before
            )
        office = stated_office(before, titles | OFFICE_NOUNS)
        appos = appos_office(doc, m, titles)
        body: Mention | None = None
        target: str | None = None
        if office is not None or appos is not None:
            body = body_in(before, table, m) if office else None
            if body is None and appos is not None:
                body = body_in(appos.subtree, table, m)
            if body is None:
                body = owner_body([*before, *(appos.children if appos is not None else [])], table)
        body = body or led_body(doc, m, table)
        legislator = legislator_office(office, before, appos)
        if legislator is not None and body is not None and body.kind == "place":
            body = None  # "Sen. X (R., Iowa)": the state is a constituency
        house = chamber(table, legislator) if legislator is not None else None
        rebel = body is None and any(t.lemma_.lower() in REBEL_WORDS for t in before)
        group_owned = body is None and any(
            t.dep_ == "poss" and t.lower_ in GROUP_OWNERS
            for t in [*before, *(appos.children if appos is not None else [])]
        )
        if m.key in respective:
            target = respective[m.key]
        elif house is not None and body is None:
            target = house
        elif body is not None:
            target = body.key
        elif (seat := member_of_legislature(doc, table, m) or listed_legislator(doc, table, m)) is not None:
            target = seat
        elif office is not None and (group := collective_body(before, office, table)) is not None:
            target = group
        elif rebel:
            target = rebel_body(doc, table, m, sent) if office is not None else None
        elif group_owned:
            target = only_armed_group(table)
        elif (principal := principal_of(doc, table, m, before)) is not None:
            voices.setdefault(m.key, (principal.key, sent, office))  # resolved once all offices are read
        elif office is not None or appos is not None:
            known = holders.get(normalize_name(m.key)) or _holder_by_surname(m.key, holders, table)
            if known is not None and known in table.entities:
                target = known
            elif office is not None and (intro := introduced_body(doc, table, m, office)) is not None:
                target = intro
            elif office is not None and (framed := framing_country(doc, table, m)) is not None:
                target = framed
            elif office is not None and (land := _titled_country(before, table)) is not None:
                target = land
            elif _national(office) or (appos is not None and appos.lower_ in NATIONAL_TITLES):
                # a country owning the name ("Ivory Coast's X") corrects the main-country guess; with no
                # main country it adds nothing (news B relations 0.680 -> 0.667 when it did)
                target = owned.get(m.key, main) if main is not None else None
        if target is None and office is None and appos is None:
            target = _regime_country(doc, m, holders, table) or _listed_leader_country(
                m, holders, table, year
            )
        if target is None or target == m.key:
            continue
        out[m.key] = ExtractedRelation(
            source=m.key,
            type="AFFILIATED_WITH",
            target=target,
            title=office or (appos.text if appos is not None else None),
            evidence=sent.text.strip(),
            confidence=0.6,
        )
    sides = {r.source: r.target for r in [*table.affiliations, *out.values()] if r.target in table.entities}
    for key, (boss, sent, office) in voices.items():
        if key not in out and key not in done and boss in sides and sides[boss] != key:
            out[key] = ExtractedRelation(
                source=key,
                type="AFFILIATED_WITH",
                target=sides[boss],
                title=office,
                evidence=sent.text.strip(),
                confidence=0.6,
            )
    return list(out.values())


REGIME_NOUNS = frozenset({"regime", "government", "administration", "cabinet", "junta"})


def _regime_country(doc: Doc, m: Mention, holders: dict[str, str], table: EntityTable) -> str | None:
    """'X's regime', 'the X government': a government named after a person makes him its leader; the
    state is the one the leader lists give him, when the article names it (round 16)."""
    root = doc[m.end - 1]
    if root.head.lemma_.lower() not in REGIME_NOUNS or root.dep_ not in {"poss", "compound"}:
        return None
    known = holders.get(normalize_name(m.key)) or _holder_by_surname(m.key, holders, table)
    return known if known is not None and known in table.entities else None


def _listed_leader_country(
    m: Mention, holders: dict[str, str], table: EntityTable, year: int | None
) -> str | None:
    """A person the leader lists give a state, named by full name, with no office in the text: that state
    when the article names it and was not written before the person first took office (round 16, world2:
    "the army ousted X" of a listed president; not "the activist X" who became prime minister later)."""
    key = normalize_name(m.key)
    tenure = leader_years().get(key)
    if " " not in key or tenure is None or (year is not None and year < tenure[0]):
        return None
    known = holders.get(key)
    return known if known is not None and known in table.entities else None


def _titled_country(before: list[Token], table: EntityTable) -> str | None:
    """'Treasury Secretary X', 'Secretary of State X': a title only one country uses (lexicon
    `country_titles`) names that country, when the article names it. Titles other states share
    ("national security adviser", "defense secretary") are not listed."""
    said = " ".join(t.lower_ for t in before)
    for title, land in COUNTRY_TITLES.items():
        if (said == title or said.endswith(" " + title)) and land in table.entities:
            return land
    return None


def _national(office: str | None) -> bool:
    """A title of a state's office with no body named: "Defence Minister", any "<field> minister"."""
    return office is not None and (office in NATIONAL_TITLES or office.split()[-1] in NATIONAL_TITLE_HEADS)
