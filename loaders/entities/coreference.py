"""Within one article, one actor one entity: surnames, short forms, acronyms, spelling variants, re-mentions."""

from __future__ import annotations

from collections.abc import Collection

from rapidfuzz import fuzz
from spacy.tokens import Doc

from graph.model import EntityKind, normalize_name
from graph.names import surname, without_arabic_article
from loaders.entities.armed_heads import members_and_heads
from loaders.entities.lexicon import BUILDING_NOUNS, FACILITY_SUFFIXES, JOINING_PARTICLES, LED_PARTICIPLES
from loaders.gazetteer import PLACE_SUFFIXES
from loaders.mentions import Mention


def parenthetical_abbreviations(
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


KIND_PRIORITY = {"country": 0, "person": 1, "organization": 2, "armed_group": 3, "place": 4, "group": 5}


def coreference(
    surfaces: dict[str, list[str]], kinds: dict[str, EntityKind], cities: Collection[str] = ()
) -> dict[str, str]:
    """Map each provisional key to the key of the entity it refers to within the article. `cities`: known
    towns, which a facility named after one ("Jizan airport") does not absorb."""
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
            elif any(kinds[k] == "armed_group" for k in group) and any(kinds[k] == "person" for k in group):
                best = next(k for k in group if kinds[k] == "armed_group")  # "X fighters": a person has none
            for k in group:
                target[k] = best
    # One written form, one entity: "Al Shabaab" is a surface of the gazetteer's "al-Shabab", so the
    # model's "Al-Shabaab" (any kind but a country or person) is that entity too.
    by_surface: dict[str, str] = {}
    for k in keys:
        if target[k] == k:
            for sf in surfaces[k]:
                if normalize_name(sf) != name(k):  # written otherwise than the entity's own name
                    by_surface.setdefault(normalize_name(sf), k)
    for k in keys:
        other = by_surface.get(name(k))
        if (
            other is not None
            and other != k
            and target[k] == k
            and target[other] == other
            and kinds[k] not in {"country", "person"}
            and (
                kinds[k] == kinds[other]
                or {kinds[k], kinds[other]} <= {"organization", "armed_group", "group"}
            )
        ):
            target[k] = other
    # Surnames and short forms resolve to the full name of a person, whatever the model tagged them.
    persons = [k for k in keys if kinds[k] == "person" and target[k] == k]
    # Where two persons share the surname (a leader and his father, "Ali Bongo Ondimba" and "Omar
    # Bongo"), the bare surname is the article's principal person, the one it introduces first;
    # a double surname counts by its middle word too.
    introduced = {k: i for i, k in enumerate(surfaces)}
    for short in keys:
        if target[short] != short or kinds[short] == "country":
            continue
        s = name(short)
        owners = [
            long
            for long in persons
            if long != short
            and len(name(long).split()) > len(s.split())
            and (kinds[short] == "person" or len(without_arabic_article(s).split()) == 1)  # "Al-Burhan"
            # "Abdelrahim Dagalo" is not "Mohamed Hamdan Dagalo": a given name written is one of his
            and all(w in name(long).split() for w in s.split()[:-1])
            and (
                name(long).endswith(" " + s)
                or surname(name(long)) == s.split()[-1]
                or (kinds[short] == "person" and " " not in s and s in name(long).split()[1:-1])
            )
        ]
        if owners:
            target[short] = min(owners, key=lambda k: introduced[k])
    # A first name alone ("Abhinandan") is the one person of the article whose full name starts with it,
    # also where the model took the lone given name for a place or a body (names without a surname in
    # use, as in the Horn of Africa), unless it is a known town.
    for short in keys:
        s = name(short)
        if target[short] != short or kinds[short] not in {"person", "place", "organization"} or " " in s:
            continue
        if kinds[short] != "person" and short.split("|", 1)[1] in cities:
            continue
        firsts = [p for p in persons if p != short and target[p] == p and name(p).split()[0] == s]
        if len(firsts) == 1 and len(name(firsts[0]).split()) > 1:
            target[short] = firsts[0]
    # A lone middle name of a three-word name ("Mendes" of "Rui Mendes Pinto") is that person: double
    # surnames are often shortened to their first part.
    for short in keys:
        s = name(short)
        if target[short] != short or kinds[short] != "person" or " " in s:
            continue
        inner = [p for p in persons if target[p] == p and s in name(p).split()[1:-1]]
        if len(inner) == 1:
            target[short] = inner[0]
    # "the Saudi-led coalition" and "the Saudi-led alliance" are one collective.
    led: dict[tuple[str, str], str] = {}
    for k in keys:
        words = name(k).split()
        if len(words) >= 3 and words[-2] in LED_PARTICIPLES and target[k] == k:
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
            if _facility_of_town(a, b, cities):
                continue
            if (
                base_a == bn
                or (_facility_form(an) == _facility_form(bn) and an.split()[-1] in FACILITY_SUFFIXES)
                or (kinds[a] == "group" and an in {bn + "s", bn[:-1]})  # a people: "Tutsis", "Tutsi"
                or without_arabic_article(base_a) == without_arabic_article(bn)
                or (len(an) > 6 and len(bn) > 6 and fuzz.ratio(an, bn) >= 88)
            ):
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
            if (
                (is_acronym and raw_name.lower() in {initials.lower(), caps.lower()})
                or (
                    (kinds[k] != "person" or not any(name(p).endswith(" " + name(k)) for p in persons))
                    and kinds[long] != "person"
                    and (kinds[k] != "place" or kinds[long] == "place")  # "Prague" is no "Radio Prague"
                    and " " not in name(k)
                    and name(long).split()[-1] == name(k)
                    and len(name(k)) > 4
                    # "Kashmir" of "Jammu and Kashmir", "Herzegovina" of "Bosnia and Herzegovina": the last
                    # conjunct of a coordinated name is a whole of its own, not a short form of the pair
                    and name(long).split()[-2:-1] != ["and"]
                )
            ):
                target[k] = long
                break
    # The first word of a joined name ("Lashkar" of "Lashkar-e-Taiba", "Jamaat" of "Jamaat-ud-Dawa"),
    # when one group of the article is named so; the model often tags the short form a person.
    joined: dict[str, list[str]] = {}
    for long in keys:
        parts = long.split("|", 1)[1].split("-")
        if len(parts) == 2 and parts[1].split(" ", 1)[0] in JOINING_PARTICLES:
            parts = [parts[0], *parts[1].split(" ", 1)]  # "Jaish-e Mohammad", written with a space
        if (
            len(parts) >= 3
            and kinds[long] in {"armed_group", "organization"}
            and target[long] == long
            and 1 <= len(parts[1]) <= 3
            and parts[1].islower()
        ):
            joined.setdefault(normalize_name(parts[0]), []).append(long)
    for k in keys:
        hits = joined.get(name(k), [])
        if target[k] == k and kinds[k] != "country" and len(name(k)) >= 4 and len(hits) == 1:
            target[k] = hits[0]
    # Names that collapse into a place-suffixed one ("Idlib" -> "Idlib province") across kinds too.
    for a in others:
        words = name(a).split()
        if len(words) >= 2 and (words[-1] in PLACE_SUFFIXES or words[-1] in BUILDING_NOUNS):
            base = " ".join(words[:-1])
            for b in keys:
                if (
                    b != a
                    and target[b] == b
                    and kinds[b] in {"place", "organization", "person"}
                    and without_arabic_article(name(b)) == without_arabic_article(base)
                    and not _facility_of_town(a, b, cities)
                ):
                    target[b] = target[a]
    members_and_heads(keys, target, kinds, name)
    for k in keys:  # follow chains
        seen = {k}
        while target[target[k]] != target[k] and target[k] not in seen:
            seen.add(target[k])
            target[k] = target[target[k]]
    return target


def _facility_form(name: str) -> str:
    """'Baghdad's international airport', 'Baghdad International Airport' and "Baghdad's airport" are one
    facility: the town's possessive and the word 'international' dropped (`name` normalised)."""
    return " ".join(w for w in name.split() if w not in {"s", "international"})


def _facility_of_town(a: str, b: str, cities: Collection[str]) -> bool:
    """'Jizan airport' and 'Jizan': a facility and the known town it is named after are two places."""
    words = a.split("|", 1)[1].split()
    return len(words) >= 2 and words[-1].lower() in FACILITY_SUFFIXES and b.split("|", 1)[1] in cities
