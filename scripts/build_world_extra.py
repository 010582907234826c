"""Regenerate round 16's second set of world-knowledge tables (run by hand, never at extraction time or in
CI; the output is committed). Sibling of scripts/build_world_data.py.

    PYTHONPATH=. python scripts/build_world_extra.py --ideologies global_leader_ideologies.csv --igos igos.csv

Inputs (fetched by hand; see the `_source` header each output file carries):
- Global Leader Ideologies (Herre 2023), `global_leader_ideologies.csv`: head of government and her party
  per country-year 1945-2020, with the leader (Archigos to 2015, REIGN 2016-2020).
- Correlates of War IGO data v3 (Pevehouse et al. 2020), `igo_year_format3` as shipped in the igoR R
  package (data/igo_year_format3.rda), reduced to one row per IGO (`ioname,orgname,longorgname,...`).

Outputs:
- loaders/data/relations/heads_of_government.json: country -> [name, first year, last year] of its heads
  of government 1945-2020 (and the leaders of 2016-2020 REIGN names by surname, under `_surnames`).
- loaders/data/world_bodies.json: names and unambiguous acronyms of intergovernmental organisations and
  the names of the parties of heads of government: the kind `organization`.
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
from datetime import date
from pathlib import Path

from scripts.build_world_data import COW_NAMES, ENDED, ROOT, dump_table

log = logging.getLogger("build_world_extra")

NO_NAME = frozenset({"", "none", "not applicable", "no information", "n/a", "independent"})
# a style or title that heads a legal name: the first-and-last short form would be wrong
STYLES = frozenset(
    {"sardar", "sheikh", "shaikh", "prince", "general", "sir", "king", "sultan", "emir", "sayyid", "dr."}
)
# acronyms of bodies that are common words or name many other things
AMBIGUOUS_ACRONYMS = frozenset(
    {
        "AID",
        "ARC",
        "CAB",
        "COST",
        "CARE",
        "EEC",
        "FAO",
        "ICC",
        "ICJ",
        "ILO",
        "IMO",
        "ITU",
        "MIGA",
        "OAS",
        "PAU",
        "SELA",
        "WHO",
        "WMO",
        "UNIDO",
        "UPU",
        "IDA",
        "IFC",
        "SICA",
        "CAN",
        "ALADI",
        "APEC",
        "ACS",
        "ECO",
        "AMF",
        "ADB",
        "AU",
        "EU",
        "UN",
        "IEA",
        "IOC",
        "OIC",
        "IOM",
    }
)


def _country(gaz: object, code: int, name: str, year: int) -> str | None:
    """The gazetteer's canonical name for the state a country-year belongs to (ended states by year)."""
    day = f"{year}-12-31"
    for ended_code, first, last, state in ENDED:
        if code == ended_code and first <= day < last:
            return state
    if code in COW_NAMES:
        return COW_NAMES[code]
    hit = gaz.lookup(name.replace("Burma/", "").removeprefix("The "))  # type: ignore[attr-defined]
    return hit[1] if hit is not None and hit[0] == "country" else None


def _forms(full: str) -> list[str]:
    """A head of government's full (often legal) name and its first-and-last short form."""
    full = re.sub(r"\s*\(.*?\)", "", full).strip()
    words = full.split()
    if len(words) < 2 or any(ch in full for ch in "/,;") or not full[0].isupper():
        return []
    out = [full]
    if len(words) > 2 and words[0].lower() not in STYLES and words[-1][0].isupper():
        out.append(f"{words[0]} {words[-1]}")
    return out


def _party_names(row: dict[str, str]) -> list[str]:
    out = []
    for col in ("hog_party_eng", "hog_party", "leader_party_eng", "leader_party"):
        for part in re.split(r"\s+/\s+|\s+—\s+", row.get(col, "")):
            val = part.strip().replace("\u2019", "'")
            if (
                val.lower() in NO_NAME
                or len(val.split()) < 2
                or not val[0].isupper()
                or "(" in val
                or ")" in val
            ):
                continue
            if val not in out:
                out.append(val)
    return out


def build(ideologies: Path, igos: Path) -> tuple[dict[str, object], dict[str, object]]:
    from loaders.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    spans: dict[str, dict[str, list[int]]] = {}
    surnames: dict[str, set[str]] = {}
    parties: set[str] = set()
    party_of: dict[str, list[str]] = {}
    with ideologies.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            year = int(row["year"])
            country = _country(gaz, int(row["country_code_cow"]), row["country_name"], year)
            if country is None:
                log.info("no country for %s", row["country_name"])
                continue
            own = _party_names({"hog_party_eng": row["hog_party_eng"], "hog_party": row["hog_party"]})
            abbr = row["hog_party_abbr"].strip()
            if re.fullmatch(r"[A-Z][A-Za-z-]{1,9}", abbr) and own:
                own.append(abbr)  # matched only against a party the article names, never for a kind
            for form in _forms(row["hog"]):
                span = spans.setdefault(country, {}).setdefault(form, [year, year])
                span[0], span[1] = min(span[0], year), max(span[1], year)
                forms = party_of.setdefault(form, [])
                forms += [p for p in own if p not in forms]
            lead = row["leader"].strip()
            if year > 2015 and re.fullmatch(r"[A-Z][\w'-]+", lead) and len(lead) > 3:
                surnames.setdefault(country, set()).add(lead)
            parties.update(p for p in _party_names(row) if gaz.lookup(p) is None)
    heads = {
        "_about": (
            "Heads of government (prime ministers, and presidents where the president heads the "
            "government) of every state 1945-2020, by the state they served: country -> [[name, first "
            "year, last year], ...]; a legal name of three words or more also gives its first-and-last "
            "form ('Jair Bolsonaro'). `_surnames` lists the leaders of 2016-2020 the source names by "
            "surname only; `_parties` the parties (names, abbreviation) each led from. Used like leaders.json: only for a person the article gives an office without "
            "naming its country, and only when the article names that country. Generated by "
            "scripts/build_world_extra.py; do not edit by hand."
        ),
        "_source": {
            "dataset": "Global Leader Ideologies (Herre 2023, 'Identifying Ideologues: A Global Dataset on "
            "Political Leaders, 1945-2020', British Journal of Political Science 53(2))",
            "file": "global_leader_ideologies.csv in github.com/bastianherre/global-leader-ideologies "
            "(commit 7d0d5bb); head-of-government names after V-Dem, leaders after Archigos 4.1 and REIGN",
            "licence": "free to use with citation (README of the repository)",
            "fetched": date.today().isoformat(),
        },
        **{c: sorted([n, *ys] for n, ys in people.items()) for c, people in sorted(spans.items())},
        "_surnames": {c: sorted(s) for c, s in sorted(surnames.items())},
        "_parties": {n: ps for n, ps in sorted(party_of.items()) if ps},
    }
    bodies = _igo_names(igos, gaz)
    known = {b.lower() for b in bodies}
    world = {
        "_about": (
            "Names of intergovernmental organisations (with their acronyms where an acronym of three "
            "capitals or more names one body and is no common word) and of the parties of heads of "
            "government 1945-2020: the kind `organization` (the GUIDE: parties, international bodies). "
            "Used only to give a name the text already yields that kind; names the curated gazetteer "
            "knows are left out (the curated entry decides). Generated by scripts/build_world_extra.py; "
            "do not edit by hand."
        ),
        "_source": {
            "dataset": "Correlates of War Intergovernmental Organizations v3.0 (Pevehouse, Nordstrom, "
            "McManus, Jamison 2020) as shipped in the igoR R package; parties from Global Leader "
            "Ideologies (Herre 2023)",
            "file": "data/igo_year_format3.rda in github.com/dieghernan/igoR (commit c9936ca); "
            "global_leader_ideologies.csv in github.com/bastianherre/global-leader-ideologies (7d0d5bb)",
            "licence": "COW data: free for use with citation; igoR package GPL-3 (the data as COW's); "
            "Global Leader Ideologies: free to use with citation",
            "fetched": date.today().isoformat(),
        },
        "igos": dict(sorted(bodies.items())),
        "parties": sorted(p for p in parties if p.lower() not in known),
    }
    return heads, world


def _igo_names(path: Path, gaz: object) -> dict[str, list[str]]:
    """Full name -> acronyms, one row per IGO."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["ioname"]] = counts.get(row["ioname"], 0) + 1
    out: dict[str, list[str]] = {}
    common = gaz.common_nouns | gaz.common_verbs  # type: ignore[attr-defined]
    for row in rows:
        acronyms = {row["ioname"]} if counts[row["ioname"]] == 1 else set()
        names: list[str] = []
        for part in [*row["longorgname"].split("/"), row["orgname"]]:
            acronyms.update(re.findall(r"\(([A-Za-z]{3,})\)", part))
            val = re.sub(r"\s*\(.*?\)", "", part).strip()
            plain = len(val.split()) >= 2 and "." not in val and "&" not in val and val[:1].isupper()
            if plain and val not in names and gaz.lookup(val) is None:  # type: ignore[attr-defined]
                names.append(val)
        if not names:
            continue
        good = sorted(
            a
            for a in acronyms
            if re.fullmatch(r"[A-Z]{3,}", a)
            and a not in AMBIGUOUS_ACRONYMS
            and a.lower() not in common
            and gaz.lookup(a) is None  # type: ignore[attr-defined]
        )
        out.setdefault(names[0], [])
        out[names[0]] += [n for n in names[1:] + good if n not in out[names[0]]]
    seen: dict[str, int] = {}
    for forms in out.values():
        for form in forms:
            seen[form] = seen.get(form, 0) + 1
    return {k: [f for f in v if seen[f] == 1] for k, v in out.items()}  # an acronym of two bodies: none


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ideologies", type=Path, required=True)
    ap.add_argument("--igos", type=Path, required=True)
    args = ap.parse_args()
    heads, world = build(args.ideologies, args.igos)
    out = ROOT / "loaders" / "data"
    (out / "relations" / "heads_of_government.json").write_text(dump_table(heads))
    (out / "world_bodies.json").write_text(dump_table(world))


if __name__ == "__main__":
    main()
