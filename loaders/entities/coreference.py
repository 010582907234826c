"""Within one article, one actor one entity: surnames, short forms, acronyms, spelling variants, re-mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection

from rapidfuzz import fuzz
from spacy.tokens import Doc

from graph.model import EntityKind, normalize_name
from graph.names import without_arabic_article
from loaders.entities.lexicon import FACILITY_SUFFIXES, JOINING_PARTICLES, SETTLEMENT_NOUNS
from loaders.gazetteer import PLACE_SUFFIXES
from loaders.mentions import EntityTable, Mention


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


def add_head_rementions(doc: Doc, table: EntityTable) -> None:
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


STATE_HEADS = frozenset({"army", "military", "government", "regime"})
STATE_MEMBERS = frozenset({"forces", "troops", "soldiers", "shelling", "airstrikes", "aircraft", "warplanes"})


def add_state_rementions(doc: Doc, table: EntityTable) -> None:
    """'the army', 'the government', 'government forces' with no country named: in an article plainly
    about one country (twice the mentions of any other) they are that country, as the GUIDE makes a
    government, its army and its country one entity."""
    counts = Counter(m.key for m in table.mentions if m.kind == "country").most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] < 2 * counts[1][1]):
        return
    land = counts[0][0]
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    for tok in doc:
        if tok.lower_ not in STATE_HEADS or tok.i in covered:
            continue
        modifiers = [c.lower_ for c in tok.children if c.dep_ in {"det", "amod", "compound", "poss", "nmod"}]
        member = tok.dep_ == "compound" and tok.head.lower_ in STATE_MEMBERS  # "government forces"
        bare_name = tok.is_title and not modifiers  # "Army spokesperson X": the noun as a name (round 9)
        if not member and modifiers != ["the"] and not bare_name:
            continue  # only "the army" itself: "the Kivu army", "a rebel army", "his government" are others
        table.mentions.append(Mention(tok.i, tok.i + 1, land, "country", "remention"))
        covered.add(tok.i)


def add_settlement_rementions(doc: Doc, table: EntityTable) -> None:
    """'... raids on the town of Kafr Tal. The town is held by X': 'the town' is the last place the
    text introduced with that noun ("the town of X", "X town"), one or two sentences before."""
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    places = [m for m in table.mentions if m.kind == "place"]
    sent_no = {s.start: n for n, s in enumerate(doc.sents)}
    introduced: dict[str, Mention] = {}  # settlement noun -> last place introduced with it
    for tok in doc:
        noun = tok.lower_
        if noun not in SETTLEMENT_NOUNS:
            continue
        near = [m for m in places if 0 < m.start - tok.i <= 3 or m.end == tok.i]  # "town of X", "X town"
        if near:
            introduced[noun] = near[0]
            continue
        ante = introduced.get(noun)
        if (
            ante is None
            or tok.i in covered
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            or any(c.dep_ == "prep" for c in tok.children)
            or sent_no[tok.sent.start] - sent_no[doc[ante.start].sent.start] > 2
        ):
            continue
        table.mentions.append(Mention(tok.i, tok.i + 1, ante.key, "place", "remention"))
        covered.add(tok.i)


def add_rementions(doc: Doc, table: EntityTable) -> None:
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
            if _facility_of_town(a, b, cities):
                continue
            if (
                base_a == bn
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
        if len(words) >= 2 and words[-1] in PLACE_SUFFIXES:
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
    _members_and_heads(keys, target, kinds, name)
    for k in keys:  # follow chains
        seen = {k}
        while target[target[k]] != target[k] and target[k] not in seen:
            seen.add(target[k])
            target[k] = target[target[k]]
    return target


# Head nouns that name an armed group's members; within one article they are one class ("rebels",
# "militants" and "fighters" of one group), as the GUIDE lists them among the group's aliases.
ARMED_HEADS = frozenset(
    {"rebels", "militants", "fighters", "separatists", "insurgents", "militiamen", "guerrillas", "jihadists"}
)


def _members_and_heads(
    keys: list[str],
    target: dict[str, str],
    kinds: dict[str, EntityKind],
    name: Callable[[str], str],
) -> None:
    """'M23 rebels' is the group 'M23' named in the same article; 'pro-Kyiv militants' and 'pro-Kyiv
    rebels' are one group."""
    groups = {k for k in keys if kinds[k] in {"organization", "armed_group"} and target[k] == k}
    by_name = {name(k): k for k in groups}
    by_modifier: dict[str, str] = {}
    for k in sorted(groups, key=lambda k: -len(name(k))):
        words = name(k).split()
        if len(words) < 2 or words[-1] not in ARMED_HEADS or target[k] != k:
            continue
        base = " ".join(words[:-1])
        owner = by_name.get(base)
        if owner is not None and owner != k and target[owner] == owner:
            target[k] = owner  # "M23 rebels" -> "M23"
            kinds[owner] = "armed_group"
            continue
        if base in by_modifier and target[by_modifier[base]] == by_modifier[base]:
            target[k] = by_modifier[base]  # "pro-Kyiv rebels" -> "pro-Kyiv militants"
        else:
            by_modifier[base] = k


def join_bare_heads(target: dict[str, str], kinds: dict[str, EntityKind], headed: set[str]) -> None:
    """A bare 'the rebels' (or 'rebel fighters') is the one armed group the article also named with such
    a head noun ("Kivu Front rebels", "Houthi militants"); with two such groups it stays alone.
    `headed`: keys of mentions written with an armed head noun, in the text or in the name."""
    named = {target[k] for k in target if (k in headed or _headed_name(k)) and not _bare(k)}
    named = {k for k in named if kinds[k] == "armed_group"}
    if len(named) != 1:
        return
    (group,) = named
    for k in target:
        if target[k] == k and k != group and kinds[k] == "armed_group" and _bare(k):
            target[k] = group
    for k in target:  # keys that pointed at a bare head follow it
        target[k] = target[target[k]]


def _facility_of_town(a: str, b: str, cities: Collection[str]) -> bool:
    """'Jizan airport' and 'Jizan': a facility and the known town it is named after are two places."""
    words = a.split("|", 1)[1].split()
    return len(words) >= 2 and words[-1].lower() in FACILITY_SUFFIXES and b.split("|", 1)[1] in cities


def _headed_name(key: str) -> bool:
    words = key.split("|", 1)[1].split()
    return len(words) >= 2 and words[-1].lower() in ARMED_HEADS


def _bare(key: str) -> bool:
    """'rebels', 'the militants', 'rebel fighters': an armed head with nothing that names anyone."""
    words = key.split("|", 1)[1].split()
    return words[-1] in ARMED_HEADS and all(w in {"rebel", "armed"} for w in words[:-1])
