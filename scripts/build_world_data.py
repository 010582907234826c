"""Regenerate the world-knowledge tables under loaders/data/ from public datasets (run by hand, never at
extraction time or in CI; the output is committed).

    python scripts/build_world_data.py --archigos arch_annual.txt --cow states2016.csv \
        --ucdp ucdp-actor-221.csv

Inputs (fetched by hand; see the `_source` header each output file carries):
- Archigos 4.1 (Goemans, Gleditsch, Chiozza), leader-year file `arch_annual.txt`, and the Correlates of
  War state list `states2016.csv`, both as redistributed in github.com/globalgov/manystates (data-raw/).
- UCDP Actor Dataset 22.1 (`ucdp-actor-221.csv`), Uppsala Conflict Data Program, CC BY 4.0.

Outputs:
- loaders/data/relations/leaders.json: country -> [full name, first year, last year] of its effective
  leaders 1875-2015, plus country -> surnames of the leaders Archigos names by surname only.
- loaders/data/armed_groups.json: names of formally organised non-state armed actors (UCDP `Org` 1).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import unquote

log = logging.getLogger("build_world_data")
ROOT = Path(__file__).resolve().parents[1]

# COW codes whose state name does not look up in the gazetteer as written, or that changed state.
COW_NAMES = {
    260: "Germany",  # German Federal Republic; before 1990-10-03 West Germany (below)
    265: "East Germany",
    315: "Czechoslovakia",
    345: "Serbia",  # Yugoslavia until 2006 (below)
    347: "Kosovo",
    365: "Russia",  # the Soviet Union from 1917-11-07 until 1991-12-26 (below)
    437: "Ivory Coast",
    490: "Democratic Republic of the Congo",
    484: "Republic of the Congo",
    678: "Yemen",  # Yemen Arab Republic, then Yemen
    680: "South Yemen",
    713: "Taiwan",
    730: "Korea",
    731: "North Korea",
    732: "South Korea",
    816: "Vietnam",  # North Vietnam, then Vietnam
    817: "South Vietnam",
    775: "Myanmar",
    811: "Cambodia",
    712: "Mongolia",
    402: "Cape Verde",
    403: "Sao Tome and Principe",
    552: "Zimbabwe",
    565: "Namibia",
    572: "Eswatini",
    651: "Egypt",
    652: "Syria",
    630: "Iran",
    740: "Japan",
    850: "Indonesia",
    860: "Timor-Leste",
    338: "Malta",
    343: "North Macedonia",
    346: "Bosnia and Herzegovina",
    349: "Slovenia",
    359: "Moldova",
    372: "Georgia",
}
# (COW code, tenure starting on or after, ending before) -> the state that ended
ENDED = [
    (365, "1917-11-07", "1991-12-26", "Soviet Union"),
    (260, "1949-05-23", "1990-10-03", "West Germany"),
    (345, "1918-12-01", "2003-02-04", "Yugoslavia"),
    (345, "2003-02-04", "2006-06-03", "Serbia and Montenegro"),
    (816, "1945-01-01", "1976-07-02", "North Vietnam"),
    (678, "1918-01-01", "1990-05-22", "North Yemen"),
]
# a self-proclaimed state is a place; a party, congress or council that once fought is, in today's news,
# mostly a political body: neither gets the armed kind from the list
NOT_GROUPS = re.compile(
    r"\b(Republic|Oblast|State of|States|Krajina|Emirate|Party|Congress|Rally|Council|Union|Convention|"
    r"Assembly|Government|Regime|Guard)\b"
)
NUMERAL = re.compile(r"\b[IVX]+\b")
NOT_PEOPLE = re.compile(r"(?i)\b(junta|council|committee|government|directorate|of)\b|/")
GENERIC = re.compile(
    r"^(military faction|forces of|supporters of|opponents of|government of|faction of)\b|"
    r"\b(insurgents|rebels|faction|militants|mujahideen|splinter|remnants|dissidents|elements)\b",
    re.I,
)


def fold(text: str) -> str:
    """Accent- and case-folded form, the key the loaders match on."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def _cow_names(path: Path) -> dict[int, str]:
    from loaders.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    out: dict[int, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = int(row["ccode"])
            hit = gaz.lookup(row["statenme"])
            name = COW_NAMES.get(code) or (hit[1] if hit and hit[0] == "country" else None)
            if name:
                out[code] = name
    return out


def _full_name(uri: str, leader: str) -> str | None:
    """The leader's full name: the DBpedia page title where Archigos links one, else Archigos's own
    label when it has a given name ("Gemayel, Amin" is "Amin Gemayel")."""
    if uri.startswith("http"):
        title = unquote(uri.rsplit("/", 1)[-1]).replace("_", " ")
        title = re.sub(r"\s*\(.*\)$", "", title).strip()
        if " of " in title or NUMERAL.search(title):
            return None  # a monarch's style ("Carol I of Romania"): never written so in news
        return title
    if "," in leader:
        last, first = (p.strip() for p in leader.split(",", 1))
        return f"{first} {last}" if len(first) > 2 and first[0].isupper() else None
    if " " not in leader or NUMERAL.search(leader) or NOT_PEOPLE.search(leader) or not leader[0].isupper():
        return None  # "de Valera": a surname with its particle; "Military Junta": no person
    return leader


def build_leaders(archigos: Path, cow: Path) -> dict[str, object]:
    names = _cow_names(cow)
    tenures: dict[tuple[str, int], dict[str, str]] = {}
    with archigos.open(encoding="latin-1") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            key = (row["leadid"], int(row["ccode"]))
            t = tenures.setdefault(
                key, {"leader": row["leader"], "uri": row["dbpedia.uri"], "start": "9", "end": ""}
            )
            t["start"] = min(t["start"], row["startdate"])
            t["end"] = max(t["end"], row["enddate"])
    full: dict[str, dict[str, list[int]]] = {}
    surnames: dict[str, set[str]] = {}
    for (_, code), t in tenures.items():
        country = names.get(code)
        for ended_code, first, day, state in ENDED:
            if code == ended_code and t["start"] >= first and t["end"] < day:
                country = state
        if country is None:
            log.info("no country for COW %s (%s)", code, t["leader"])
            continue
        leader = unicodedata.normalize("NFC", t["leader"].strip())
        name = _full_name(t["uri"], leader)
        years = [int(t["start"][:4]), int(t["end"][:4])]
        if name is None:
            if re.fullmatch(r"[A-Z][\w'-]+", leader) and len(leader) > 3:
                surnames.setdefault(country, set()).add(leader)
            continue
        span = full.setdefault(country, {}).setdefault(name, years)
        span[0], span[1] = min(span[0], years[0]), max(span[1], years[1])
    return {
        "_about": (
            "Effective leaders (the head of state or of government who held power) of every state, "
            "1875-2015, by the state they led (the Soviet Union, West Germany, Yugoslavia, Czechoslovakia "
            "where that state has ended): country -> [[full name, first year, last year], ...]. "
            "`_surnames` lists leaders the dataset names by surname only. Used like office_holders.json: "
            "only for a person the article gives an office without naming its country, and only when the "
            "article names that country. Generated by scripts/build_world_data.py; do not edit by hand."
        ),
        "_source": {
            "dataset": "Archigos: A Data Set on Leaders 1875-2015, version 4.1 (Goemans, Gleditsch, Chiozza)",
            "file": "data-raw/leaders/archigos/arch_annual.txt and data-raw/states/COW/states2016.csv in "
            "github.com/globalgov/manystates (commit 23d119a)",
            "licence": "Archigos: free for research use, cite Goemans, Gleditsch and Chiozza (2009), J. of "
            "Peace Research 46(2); manystates package: CC BY 4.0. Full names from the DBpedia links "
            "Archigos carries (CC BY-SA).",
            "fetched": date.today().isoformat(),
        },
        **{c: sorted([n, *ys] for n, ys in people.items()) for c, people in sorted(full.items())},
        "_surnames": {c: sorted(s) for c, s in sorted(surnames.items())},
    }


ADJECTIVES = frozenset(
    {
        "new",
        "free",
        "red",
        "black",
        "white",
        "green",
        "national",
        "popular",
        "united",
        "holy",
        "islamic",
        "be",
    }
)
# two-word names that are a phrase of another language or a people ("Estados Unidos", "Los Mayas")
DROPPED = frozenset(
    {
        "Estados Unidos",
        "La Familia",
        "La Resistencia",
        "Los Colombianos",
        "Los Mayas",
        "Los Aztecas",
        "Los Rojos",
        "Patriotic Front",
        "Southern Front",
        "Salafist Jihadists",
    }
)


def _group_name(raw: str, gaz: object) -> str | None:
    """A cell's name if it can only name the group: several words, no acronym, no description."""
    val = re.sub(r"\s+", " ", raw).strip().replace("\u2019", "'")
    if val.startswith("The "):
        val = val[4:]
    words = val.split()
    if (
        len(words) < 2
        or val == "n/a"
        or any(ch in val for ch in "()/")
        or GENERIC.search(val)
        or NOT_GROUPS.search(val)
        or any(w.isupper() and len(w) > 1 for w in words)  # acronyms ("CPP") name many other things
        or any(w.islower() and len(w) > 3 and "-" not in w for w in words)  # "Presidential guard"
        or not words[0][:1].isupper()
        or val in DROPPED
    ):
        return None
    common = gaz.common_nouns | gaz.common_verbs | ADJECTIVES  # type: ignore[attr-defined]
    if len(words) == 2 and all(w.lower().rstrip("s") in common or w.lower() in common for w in words):
        return None  # "New Forces": two English words name other things too
    if gaz.lookup(val) is not None or val in gaz.capitals:  # type: ignore[attr-defined]
        return None  # a country, a curated organisation: the curated entry decides
    return val


def build_armed_groups(ucdp: Path) -> dict[str, object]:
    from loaders.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    groups: dict[str, list[str]] = {}
    with ucdp.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["Org"] != "1":
                continue
            forms: list[str] = []
            for col in (
                "NameOrigFullEng",
                "NewNameFullEng",
                "NameOrigFull",
                "NewNameFullMotherTongue",
                "NameData",
            ):
                for part in (row.get(col) or "").split(","):  # "A , B": two names in one cell
                    val = _group_name(part, gaz)
                    if val is not None and val not in forms:
                        forms.append(val)
            if forms:
                groups.setdefault(forms[0], [])
                groups[forms[0]] += [f for f in forms[1:] if f not in groups[forms[0]]]
    return {
        "_about": (
            "Formally organised non-state armed actors (rebel groups, militias, insurgent and jihadist "
            "groups, cartels that fought a state or each other): canonical name -> other names. Acronyms, "
            "descriptions ('Forces of X', 'X insurgents', '... faction') and names the curated gazetteer "
            "already knows are left out. Used only to give a name the text already yields the kind "
            "armed_group (the GUIDE's 'militias, rebel alliances, militant groups'). Generated by "
            "scripts/build_world_data.py; do not edit by hand."
        ),
        "_source": {
            "dataset": "UCDP Actor Dataset version 22.1, Uppsala Conflict Data Program (actors with Org = 1)",
            "file": "data/ucdp_ged/ucdp-actor-221.csv in github.com/skytheacademic/who_keeps_the_peace "
            "(commit 5369d2f), the UCDP release file unchanged",
            "licence": "CC BY 4.0 (ucdp.uu.se/downloads)",
            "fetched": date.today().isoformat(),
        },
        "groups": dict(sorted(groups.items())),
    }


def dump_table(data: dict[str, object]) -> str:
    """JSON with one table row (a leader, a group) per line."""
    lines = []
    for key, val in data.items():
        if isinstance(val, dict) and key != "_source":
            rows = [
                f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                for k, v in val.items()
            ]
            lines.append(f"{json.dumps(key)}: {{\n" + ",\n".join(rows) + "\n}")
        elif isinstance(val, list):
            rows = [f"  {json.dumps(v, ensure_ascii=False)}" for v in val]
            lines.append(f"{json.dumps(key, ensure_ascii=False)}: [\n" + ",\n".join(rows) + "\n]")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(val, ensure_ascii=False, indent=1)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--archigos", type=Path, required=True)
    ap.add_argument("--cow", type=Path, required=True)
    ap.add_argument("--ucdp", type=Path, required=True)
    args = ap.parse_args()
    out = ROOT / "loaders" / "data"
    leaders = build_leaders(args.archigos, args.cow)
    (out / "relations" / "leaders.json").write_text(dump_table(leaders))
    groups = build_armed_groups(args.ucdp)
    (out / "armed_groups.json").write_text(dump_table(groups))


if __name__ == "__main__":
    main()
