"""AFFILIATED_WITH for people whose office the article states without the title naming a body.

`loaders.entities` reads titles that name their country or body ("Russian Foreign Minister X",
"X, the Kremlin spokesman"). This family covers the rest, in order of evidence:

1. a title word with an entity modifier the entity rules do not treat as a title ("his Iranian
   counterpart X", "the Karabakh president X");
2. a relative clause "X, who leads/commands/controls Y";
3. a stated office and a well-known office-holder: loaders/data/relations/office_holders.json
   ("President Donald Trump" -> United States);
3b. the same office introduced with its body a sentence or two earlier (`introduced_offices`);
4. a national office with no country at all ("Defence Minister X", "army chief X"): the country the
   article is about, i.e. the one it mentions most.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from graph.model import ExtractedRelation, normalize_name
from loaders.mentions import EntityTable, Mention
from loaders.relations.anaphora import antecedents, possessors
from loaders.relations.introduced_offices import introduced_body
from loaders.relations.lexicon import DATA, words
from loaders.relations.lexicon import table as word_table
from loaders.relations.phrase_actors import actors_of
from loaders.relations.syntax import clause_verb, speaker_of

LEADING_VERBS = words("leading_verbs")
OFFICE_NOUNS = words("office_nouns")
NATIONAL_TITLES = words("national_titles")
REBEL_WORDS = words("rebel_words")
GROUP_OWNERS = words("anaphor_group_heads")  # "the group's spokesman", "the movement's leader"
MILITARY_RANKS = words("military_ranks")  # between an office and its holder: "spokesman Captain X"
RANK_ABBREVIATIONS = word_table("rank_abbreviations")  # "gen" -> "general"
ENVOY_NOUNS = frozenset(
    {"ambassador", "envoy", "representative", "delegate", "emissary", "attache", "attaché"}
)
BODIES = frozenset({"country", "organization", "armed_group"})


@lru_cache(maxsize=1)
def office_holders() -> dict[str, str]:
    """Normalised full name -> country, from the data file."""
    data = json.loads((DATA / "office_holders.json").read_text(encoding="utf-8"))
    return {
        normalize_name(n): country
        for country, names in data.items()
        if not country.startswith("_")
        for n in names
    }


def _holder_by_surname(name: str, holders: dict[str, str], table: EntityTable) -> str | None:
    """'President Trump': a lone surname after an office is the office-holder of that surname whose
    country the article names, when exactly one such country is named."""
    short = normalize_name(name)
    if " " in short:
        return None
    lands = {c for full, c in holders.items() if full.rsplit(" ", 1)[-1] == short and c in table.entities}
    return lands.pop() if len(lands) == 1 else None


def _title_words(doc: Doc, start: int, floor: int) -> list[Token]:
    """The words right before token `start` (a name) up to punctuation or an article ("his Iranian
    counterpart")."""
    out: list[Token] = []
    i = start - 1
    while i >= floor and len(out) < 6:
        t = doc[i]
        if t.text == "." and i > floor and doc[i - 1].lower_ in RANK_ABBREVIATIONS:
            i -= 1  # the stop of an abbreviated rank ("Lt. Col. X") ends no title
            continue
        if (t.is_punct and t.text != "-") or t.lower_ in {"the", "a", "an"}:
            break
        if t.pos_ in {"VERB", "AUX", "SCONJ", "CCONJ"} and t.nbor(1).lower_ != "by":  # "X led by Y" stays
            break  # "near X as forces linked to General Y": the title is "General", X is another clause's
        out.insert(0, t)
        i -= 1
    return out


def _title_floor(doc: Doc, start: int, sent: Span) -> int:
    """Where the words of a title before a name may start: its sentence, or the one before when the parser
    broke the sentence after an abbreviated rank ("Army spokesman Brig. | X said")."""
    if (
        start == sent.start
        and start > 1
        and doc[start - 1].text == "."
        and doc[start - 2].lower_ in RANK_ABBREVIATIONS
    ):
        return doc[start - 2].sent.start
    return sent.start


def _envoy_words(doc: Doc, table: EntityTable, m: Mention, floor: int) -> list[Token]:
    """'US Ambassador to the United Nations X', 'Kenya's envoy to Ethiopia X': the title before the
    'to <body>' it is sent to (the body it belongs to is named before the title, not after 'to')."""
    i = m.start - 1
    host = table.mention_at(i) if i >= floor else None
    if host is None or host.key == m.key:
        return []
    i = host.start - 1
    if i >= floor and doc[i].lower_ == "the":
        i -= 1
    if i < floor + 1 or doc[i].lower_ != "to" or doc[i - 1].lower_ not in ENVOY_NOUNS:
        return []
    return _title_words(doc, i, floor)


def _word(t: Token) -> str:
    """A title word in full: "Gen." -> "general"."""
    return RANK_ABBREVIATIONS.get(t.lower_.rstrip("."), t.lower_)


def _stated_office(words_: list[Token], titles: set[str] | frozenset[str]) -> str | None:
    """The longest title the words before a name end with ("Defence Minister"); a military rank between
    the office and the name ("navy spokesman Captain X", "army spokesman Lt. Col. X") is passed over."""
    full = [_word(w) for w in words_]
    end = len(full)
    while end > 0 and full[end - 1] in MILITARY_RANKS:
        end -= 1
    for stop in dict.fromkeys((end, len(full))):  # the office before the rank first, then the rank
        for k in range(stop):
            cand = " ".join(full[k:stop])
            if cand in titles:
                return cand
    return None


def _appos_office(doc: Doc, m: Mention, titles: set[str] | frozenset[str]) -> Token | None:
    """'X, the group's spokesman' (the office hangs on the name) or 'the UN's top official in Y, X' (the
    name hangs on the office)."""
    root = doc[m.end - 1]
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < m.start:
        heads.append(root.head)
    heads += next_apposition(doc, m)
    for c in heads:
        if c.lower_ in titles or c.lower_ in OFFICE_NOUNS:
            return c
    return None


def next_apposition(doc: Doc, m: Mention) -> list[Token]:
    """'a statement from the bureau of X, the Transnistria leader': an apposition right after the name that the
    parser hung on another noun of the phrase (the office, not X)."""
    i = m.end
    if i >= len(doc) or doc[i].text != ",":
        return []
    sent_end = doc[m.start].sent.end
    for j in range(i + 1, min(i + 8, sent_end)):
        if doc[j].is_punct:
            t = doc[j - 1]
            return [t] if j > i + 1 and t.dep_ == "appos" and t.head.i < m.start else []
    return []


def _body_in(toks: Iterable[Token], table: EntityTable, person: Mention) -> Mention | None:
    for t in toks:
        mm = table.mention_at(t.i)
        if mm is not None and mm.key != person.key and (mm.kind in BODIES or mm.kind == "place"):
            if _qualifies_other(t.doc, mm):
                continue  # "the UN-recognised government of Prime Minister X": X is not the UN's
            return mm
    return None


def _qualifies_other(doc: Doc, m: Mention) -> bool:
    """'UN-recognised', 'Tobruk-based', 'Iran-backed': the name only qualifies the noun after it."""
    return (
        m.end + 1 < len(doc)
        and doc[m.end].text == "-"
        and (doc[m.end + 1].tag_ == "VBN" or doc[m.end + 1].lower_.endswith("ed"))
    )


def _led_body(doc: Doc, m: Mention, table: EntityTable) -> Mention | None:
    """'X, who leads the paramilitary Y' -> Y."""
    root = doc[m.end - 1]
    for rel in (c for c in root.children if c.dep_ == "relcl" and c.lemma_ in LEADING_VERBS):
        for o in (c for c in rel.children if c.dep_ == "dobj"):
            found = [x for x in actors_of(o, table, BODIES) if x.key != m.key]
            if found:
                return found[0]
    return None


def _respective_offices(
    doc: Doc, table: EntityTable, titles: set[str] | frozenset[str], sent: Span
) -> dict[str, str]:
    """'the French and German foreign ministers, X and Y': the names after a plural office noun with
    as many coordinated body modifiers take those bodies in order (X -> France, Y -> Germany)."""
    out: dict[str, str] = {}
    for noun in sent:
        if noun.tag_ != "NNS" or not (noun.lemma_ in titles or noun.lemma_ in OFFICE_NOUNS):
            continue
        mods = [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i]
        bodies: list[Mention] = []
        for t in (x for c in mods for x in [c, *c.conjuncts] if x.i < noun.i):
            mm = table.mention_at(t.i)
            if mm is not None and mm.kind in BODIES and mm.key not in {b.key for b in bodies}:
                bodies.append(mm)
        if len(bodies) < 2:
            continue
        if noun.i + 1 < sent.end and doc[noun.i + 1].text == ",":
            people = _listed_people(doc, table, noun.i + 2, sent.end)
        elif (nxt := _next_start(doc, sent.end)) is not None:
            # "The French and German army chiefs met. General X and General Y agreed ...": the names
            # open the next sentence (tried in round 11 without ranks before the names: fired on no text)
            people = _listed_people(doc, table, nxt, doc[nxt].sent.end)
        else:
            continue
        if len(people) == len(bodies):
            out.update(
                {p.key: b.key for p, b in zip(people, sorted(bodies, key=lambda b: b.start), strict=True)}
            )
    return out


def _next_start(doc: Doc, i: int) -> int | None:
    """The first word at or after token i, past the whitespace of a paragraph break."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i if i < len(doc) else None


def _listed_people(doc: Doc, table: EntityTable, i: int, end: int) -> list[Mention]:
    """The persons named from token i on, joined by commas and 'and', titles allowed before each."""
    people: list[Mention] = []
    while i < end:
        mm = table.mention_at(i)
        if mm is not None and mm.kind == "person":
            people.append(mm)
            i = mm.end
        elif doc[i].lower_ in {",", "and"} or (doc[i].dep_ == "compound" and doc[i].is_title):
            i += 1  # "General", "Major General" before a name
        else:
            break
    return people


def _rebel_body(doc: Doc, table: EntityTable, m: Mention, sent: Span) -> str | None:
    """'rebel commander X', 'insurgent spokesman X': an office of the armed group the sentence names,
    else of the article's only armed group called by a rebel word ("Chechen rebels"); never a country
    (the main-country fallback would put a rebel in the government he fights)."""
    near = {
        mm.key
        for mm in table.mentions_in(sent.start, sent.end)
        if mm.kind == "armed_group" and mm.key != m.key and not _qualifies_other(doc, mm)
    }
    if len(near) == 1:
        return near.pop()
    if near:
        return None
    called = {
        mm.key
        for mm in table.mentions
        if mm.kind == "armed_group" and {t.lemma_.lower() for t in doc[mm.start : mm.end]} & REBEL_WORDS
    }
    return called.pop() if len(called) == 1 else None


def _only_armed_group(table: EntityTable) -> str | None:
    """'the group's military spokesman X' whose group was named too far back to resolve: the article's one
    armed group, if it has exactly one; never the main country (a group's office is no state's)."""
    groups = {mm.key for mm in table.mentions if mm.kind == "armed_group"}
    return groups.pop() if len(groups) == 1 else None


def _owner_body(toks: Iterable[Token], table: EntityTable) -> Mention | None:
    """'the group said its leader X', 'X, the group's spokesman': the body the office's owner word
    ("its", "their", "the group", "the country") refers back to (loaders.relations.anaphora)."""
    for t in toks:
        if t.dep_ != "poss":
            continue
        found = possessors(t.head, table) if t.pos_ == "PRON" else antecedents(t, table)
        if not found and t.pos_ == "PRON":  # "Mali said its army chief X resigned": "its" sits in X's name
            found = [x for sp in speaker_of(clause_verb(t.head)) for x in actors_of(sp, table)]
        found = [x for x in found if x.kind in BODIES]
        if found:
            return found[0]
    return None


def _framing_country(doc: Doc, table: EntityTable, m: Mention) -> str | None:
    """'In Kenya, Interior Secretary X said ...': a sentence framed by a country places its office."""
    sent = doc[m.start].sent
    if doc[sent.start].lower_ != "in":
        return None
    mm = table.mention_at(sent.start + 1)
    if mm is None or mm.kind != "country" or mm.end >= m.start or doc[mm.end].text != ",":
        return None
    return mm.key


def _main_country(table: EntityTable) -> str | None:
    # only a country the article is plainly about: at least twice as often mentioned as any other
    top = Counter(m.key for m in table.mentions if m.kind == "country").most_common(2)
    if not top or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def office_affiliations(
    doc: Doc, table: EntityTable, titles: set[str] | frozenset[str], sents: list[Span]
) -> list[ExtractedRelation]:
    """Affiliations of persons with a stated office that the title rules left without one."""
    done = {r.source for r in table.affiliations}
    holders = office_holders()
    main = _main_country(table)
    allowed = {(s.start, s.end) for s in sents}
    out: dict[str, ExtractedRelation] = {}
    respective: dict[str, str] = {}
    for s in doc.sents:  # the office may sit in a caption's sentence; its holders' must be evidence
        respective.update(_respective_offices(doc, table, titles, s))
    for m in table.mentions:
        if m.kind != "person" or m.key in done or m.key in out:
            continue
        sent = doc[m.start].sent
        if (sent.start, sent.end) not in allowed:
            continue
        before = _title_words(doc, m.start, _title_floor(doc, m.start, sent))
        if _stated_office(before, titles | OFFICE_NOUNS) is None:
            before = _envoy_words(doc, table, m, sent.start) or before
        office = _stated_office(before, titles | OFFICE_NOUNS)
        appos = _appos_office(doc, m, titles)
        body: Mention | None = None
        target: str | None = None
        if office is not None or appos is not None:
            body = _body_in(before, table, m) if office else None
            if body is None and appos is not None:
                body = _body_in(appos.subtree, table, m)
            if body is None:
                body = _owner_body([*before, *(appos.children if appos is not None else [])], table)
        body = body or _led_body(doc, m, table)
        rebel = body is None and any(t.lemma_.lower() in REBEL_WORDS for t in before)
        group_owned = body is None and any(
            t.dep_ == "poss" and t.lower_ in GROUP_OWNERS
            for t in [*before, *(appos.children if appos is not None else [])]
        )
        if m.key in respective:
            target = respective[m.key]
        elif body is not None:
            target = body.key
        elif rebel:
            target = _rebel_body(doc, table, m, sent) if office is not None else None
        elif group_owned:
            target = _only_armed_group(table)
        elif office is not None or appos is not None:
            known = holders.get(normalize_name(m.key)) or _holder_by_surname(m.key, holders, table)
            if known is not None and known in table.entities:
                target = known
            elif office is not None and (intro := introduced_body(doc, table, m, office)) is not None:
                target = intro
            elif office is not None and (framed := _framing_country(doc, table, m)) is not None:
                target = framed
            elif office in NATIONAL_TITLES or (appos is not None and appos.lower_ in NATIONAL_TITLES):
                target = main
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
    return list(out.values())
