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

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Span

from graph.model import Article, EntityKind, ExtractedEntity, normalize_name
from loaders.doc_words import texts
from loaders.entities.acronyms import acronym_candidates, join_word_short_forms
from loaders.entities.affiliations import title_affiliations
from loaders.entities.alias_cues import bracketed_names, declared_aliases
from loaders.entities.armed_heads import ARMED_HEADS, join_bare_heads
from loaders.entities.artefacts import city_name_run, trailing_equipment
from loaders.entities.bodies import (
    agency_of_body_candidates,
    body_of_state_candidates,
    coordinated_body_candidates,
    lower_body_candidates,
    owned_body_candidates,
    party_name_candidates,
    possessive_body_candidates,
)
from loaders.entities.candidates import (
    Candidate,
    gazetteer_candidates,
    ner_candidates,
    titled_name_candidates,
)
from loaders.entities.collectives import collective_candidates
from loaders.entities.communities import HOW as COMMUNITY
from loaders.entities.communities import (
    community_candidates,
    join_communities,
    owned_unit_peoples,
    peoples_force_candidates,
)
from loaders.entities.context import crumb_sentences, is_publisher
from loaders.entities.coreference import coreference, parenthetical_abbreviations
from loaders.entities.countries import join_shared_short_forms, state_form_candidates
from loaders.entities.crowds import join_protest_crowds
from loaders.entities.datelines import dateline_candidates, merge_dateline_capitals
from loaders.entities.described_groups import (
    attacker_candidates,
    join_adjective_plurals,
    join_appositive_names,
    join_led_bodies,
    regional_force_candidates,
    striker_candidates,
)
from loaders.entities.descriptions import add_opposition_aliases
from loaders.entities.eras import drop_period_phrases
from loaders.entities.kind_cues import extend_government
from loaders.entities.kinds import resolve_kind
from loaders.entities.named_places import (
    building_name_candidates,
    headquarters_candidates,
    join_building_variants,
)
from loaders.entities.non_actor_names import (
    is_administration_name,
    is_bare_service_branch,
    is_event_name,
    is_furniture_after_pipe,
    is_ideology_modifier,
    is_island_description,
    is_paired_peoples,
    names_document,
)
from loaders.entities.page_spans import (
    headline_name_end,
    is_hashtag,
    is_nickname,
    is_shouted_slogan,
    list_name_end,
    spoken_language,
)
from loaders.entities.person_cues import retype_person_words
from loaders.entities.person_spans import (
    cut_place_runs,
    name_word_candidates,
    possessed_name_candidates,
)
from loaders.entities.place_phrases import compass_place_candidates, town_facility_candidates
from loaders.entities.rementions import (
    add_body_head_rementions,
    add_head_rementions,
    add_rementions,
    add_settlement_rementions,
    add_state_form_rementions,
    add_state_rementions,
)
from loaders.entities.selection import clean_span, join_demonym_orgs, select_candidates, strip_title
from loaders.entities.state_units import join_described_armies, join_state_units
from loaders.entities.suffixed_names import suffix_candidates
from loaders.entities.unowned_forces import add_unowned_forces, is_force_region
from loaders.entities.wire_style import spaced_initial_candidates
from loaders.gazetteer import Gazetteer
from loaders.mentions import EntityTable, Mention

__all__ = ["find_entities"]


def singular_name(name: str, words: Collection[str]) -> str:
    """'Muammar Gaddafis' where the text also says 'Gaddafi' (`words`: the doc's token texts): a plural
    or possessive artefact of the name."""
    last = name.split()[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        stem = last[:-1]
        if stem in words:
            return name[: -len(last)] + stem
    return name


def find_entities(
    doc: Doc,
    article: Article,
    gaz: Gazetteer,
    evidence_ok: Callable[[Span], bool] | None = None,
) -> EntityTable:
    """Every entity of the article with its mentions, aliases and title affiliations."""
    datelines = dateline_candidates(doc, gaz)
    dateline_tokens = {i for d in datelines for i in range(d.start, d.end + 1)}
    owned_peoples = owned_unit_peoples(doc, gaz)  # "the militia's Turkmen units": no state
    cands = datelines + [
        c  # a dateline's name never runs on into the story ("ANKARA - Turkey said")
        for c in gazetteer_candidates(doc, gaz)
        + suffix_candidates(doc, gaz)
        + cut_place_runs(doc, ner_candidates(doc, gaz), gaz)  # "Ana Pereda in Zenda" (round 16)
        + name_word_candidates(doc, gaz)  # "Abiy said" after "Abiy Ahmed" (round 16)
        + possessed_name_candidates(doc, gaz)  # "Ruritania's Ana Pereda" (round 16)
        + titled_name_candidates(doc, gaz)
        + collective_candidates(doc, gaz)
        + community_candidates(doc, gaz)
        + peoples_force_candidates(doc, gaz, ARMED_HEADS)
        + town_facility_candidates(doc, gaz)
        + compass_place_candidates(doc, gaz)
        + state_form_candidates(doc, gaz)
        + acronym_candidates(doc)
        + lower_body_candidates(doc, gaz)
        + coordinated_body_candidates(doc)
        + owned_body_candidates(doc)
        + agency_of_body_candidates(doc, gaz)
        + party_name_candidates(doc, gaz)
        + body_of_state_candidates(doc, gaz)
        + possessive_body_candidates(doc)
        + spaced_initial_candidates(doc, gaz)
        + building_name_candidates(doc, gaz)
        + headquarters_candidates(doc, gaz)
        + striker_candidates(doc)
        + attacker_candidates(doc, gaz)
        + regional_force_candidates(doc, gaz)
        if not dateline_tokens.intersection(range(c.start, c.end))
        and not (c.start in owned_peoples and c.end == c.start + 1)
    ]
    cands = drop_period_phrases(doc, cands, gaz)  # "a former Soviet republic": no Soviet Union
    raw: list[Mention] = []
    surfaces: dict[str, list[str]] = {}
    kinds: dict[str, EntityKind] = {}
    crumbs = crumb_sentences(doc)
    publisher = normalize_name(article.source or "")
    words: set[str] | None = None
    for c in join_demonym_orgs(doc, select_candidates(cands)):
        start, end = clean_span(doc, c.start, c.end, gaz)
        if c.how == "ner":
            end = trailing_equipment(doc[start:end])  # "X Coast Guard Ships": the body is "X Coast Guard"
            end = list_name_end(doc, start, end, c.kind or "")  # "Acme, Bolt": a list, not one name
        if c.how in {"ner", "suffix", "city"}:
            end = headline_name_end(doc, start, end, gaz)  # "Y Flown to Z": as far as the story writes it
        if end > start and (
            is_hashtag(doc, start)
            or spoken_language(doc, start, end)
            or is_nickname(doc, start, end)
            or is_shouted_slogan(doc, start, end)
        ):
            continue
        if c.how == "city":
            end = city_name_run(doc, start, end, gaz)  # "Ba" of the village "Ba Lo Gyi"
        if c.how in {"ner", "suffix"} and end > start and _names_no_actor(doc, start, end, gaz):
            continue  # "the Chaco War", bare "Navy", "a Carter administration official" (round 15)
        if c.how in {"ner", "city", "suffix"} and end > start and names_document(doc, start, end):
            continue  # "the Smith-Jones Act": a law's name, no person or town (round 16)
        if end > start and is_force_region(doc, start, end):
            continue  # "North West police": the force's region, no place of its own (round 16)
        if end <= start or (crumbs and doc[start].sent.start in crumbs):  # most docs have no crumbs
            continue
        if c.how in {"ner", "city", "suffix"} and is_publisher(doc[start:end].text, publisher, gaz):
            continue
        if c.kind in {"PERSON"}:
            start = strip_title(doc, start, end, gaz)
        c2 = Candidate(start, end, c.kind, c.canonical, c.how, c.prio)
        kind, name, how = resolve_kind(doc, c2, gaz)
        if kind is None:
            continue
        surface = doc[start:end].text
        if len(normalize_name(name)) < 2:
            continue
        if kind == "person":
            if words is None:
                words = set(texts(doc))  # once per doc, not one pass per person mention
            name = singular_name(name, words)
        first = doc[start]
        if (
            c.how == "collective"
            and c.canonical is None
            and name[:1].isupper()
            and first.is_sent_start
            and first.text not in gaz.names
            and first.ent_type_ != "NORP"  # "Kurdish forces ..." keeps its capital
            and (first.lower_ in gaz.collectives or first.lemma_.lower() in gaz.common_nouns)
        ):
            name = name[0].lower() + name[1:]  # "Rebels said ..." is the collective "rebels"
        key = f"{kind}|{name}"
        raw.append(Mention(start, end, key, kind, how))
        surfaces.setdefault(key, []).append(surface)
        kinds[key] = kind
    retype_person_words(doc, raw, surfaces, kinds, gaz)  # "Kim said": no town of that name
    abbrevs = parenthetical_abbreviations(doc, raw, surfaces)
    keymap = coreference(surfaces, kinds, gaz.cities)
    headed = {  # mentions written with an armed head noun: "Kivu Front rebels", "Houthi militants",
        # or named as the body the members come from: "rebels from the Kivu Front group"
        m.key
        for m in raw
        if doc[m.end - 1].lower_ in ARMED_HEADS
        or (m.end < len(doc) and doc[m.end].lower_ in ARMED_HEADS)
        or _members_from(doc, m.start)
    }
    join_bare_heads(keymap, kinds, headed)
    join_shared_short_forms(keymap, surfaces, gaz)
    join_communities(keymap, kinds, surfaces, {m.key for m in raw if m.how == COMMUNITY}, gaz)
    declared_aliases(doc, raw, keymap, kinds)
    join_appositive_names(doc, raw, keymap, kinds)  # "Islamist rebels, the Mujahedeen," (round 16)
    join_led_bodies(keymap, kinds, gaz)  # "the US-led alliance" where NATO is named (round 16)
    join_adjective_plurals(keymap, kinds, gaz.collectives)  # "Maoists" and "Maoist rebels" (round 16)
    bracketed_names(doc, raw, keymap, kinds)
    join_protest_crowds(keymap, kinds)
    join_word_short_forms(keymap, kinds)
    join_building_variants(keymap, kinds)
    join_state_units(doc, raw, keymap, kinds)
    join_described_armies(doc, raw, keymap, kinds)
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
        mention = extend_government(doc, Mention(m.start, m.end, name, kind, m.how))
        if mention.end != m.end:
            phrase = doc[mention.start : mention.end].text
            if phrase not in ent.aliases:
                ent.aliases.append(phrase)
        table.mentions.append(mention)
    merge_dateline_capitals(doc, table)  # "VIENNA/WASHINGTON:" where Washington acts (round 16)
    add_rementions(doc, table)
    add_head_rementions(doc, table)
    add_settlement_rementions(doc, table)
    add_state_rementions(doc, table)
    add_unowned_forces(doc, table)  # "the military" where no country is named (round 16)
    add_state_form_rementions(doc, table, gaz.state_forms)
    add_body_head_rementions(doc, table, gaz.common_nouns)
    table.index()
    add_opposition_aliases(doc, table)
    table.affiliations = title_affiliations(doc, table, gaz, evidence_ok)
    return table


def _names_no_actor(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """A named event, a bare service branch, a leader's name on his administration, a pair of peoples
    ("Indo-Pak") or an island's description ("Pacific island of X") (non_actor_names)."""
    return (
        is_event_name(doc[start:end])
        or is_bare_service_branch(doc, start, end)
        or is_administration_name(doc, start, end, gaz)
        or is_paired_peoples(doc[start:end])
        or is_island_description(doc, start, end)
        or is_ideology_modifier(doc[start:end])  # "the Marxist-Leninist government" (round 16)
        or is_furniture_after_pipe(doc[start:end], gaz.common_nouns)  # "File photo | License Photo"
    )


def _members_from(doc: Doc, start: int) -> bool:
    """The name at `start` follows "<armed head noun> from|of (the)": "fighters of the Kivu Front"."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ in {"from", "of"} and doc[i - 1].lower_ in ARMED_HEADS
