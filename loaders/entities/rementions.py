"""Later mentions of an entity the article already named, told by what the text says again: the name or
its surname, 'the coalition' of a led collective, 'the army' of the one country, 'the town' just introduced,
and 'the kingdom' or 'the group' for the one such actor named before."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from graph.model import EntityKind
from graph.names import surname
from loaders.doc_words import lowers, tokens_in
from loaders.entities.lexicon import ARMED_GROUP_MODIFIERS, OWNER_PARTICIPLES, SETTLEMENT_NOUNS, set_of
from loaders.mentions import EntityTable, Mention


def add_head_rementions(doc: Doc, table: EntityTable) -> None:
    """'the coalition' after 'the Saudi-led coalition': a definite bare head noun is that collective again."""
    heads: dict[str, str] = {}
    for m in table.mentions:
        if m.how == "led":
            heads.setdefault(doc[m.end - 1].lower_, m.key)
    if not heads:
        return
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    for tok in tokens_in(doc, heads):
        key = heads.get(tok.lower_)
        if key is not None and tok.i not in covered and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
            table.mentions.append(Mention(tok.i, tok.i + 1, key, table.entities[key].kind, "remention"))


# "the army", "the navy", "the police": a state's own bodies, which stand for the state (GUIDE)
STATE_HEADS = set_of("state_heads")
# "police opened fire on X": heads that news writes with no article at all
BARE_STATE_HEADS = set_of("bare_state_heads")
STATE_MEMBERS = frozenset({"forces", "troops", "soldiers", "shelling", "airstrikes", "aircraft", "warplanes"})


def add_state_rementions(doc: Doc, table: EntityTable) -> None:
    """'the army', 'the government', 'government forces' with no country named: in an article plainly
    about one country (twice the mentions of any other) they are that country, as the GUIDE makes a
    government, its army and its country one entity."""
    counts = Counter(m.key for m in table.mentions if m.kind == "country").most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] < 2 * counts[1][1]):
        return  # round 12 tried the one country of "the army"'s own sentence: see docs/extraction.md
    land = counts[0][0]
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    for tok in tokens_in(doc, STATE_HEADS):
        if tok.lower_ not in STATE_HEADS or tok.i in covered:
            continue
        modifiers = [c.lower_ for c in tok.children if c.dep_ in {"det", "amod", "compound", "poss", "nmod"}]
        member = tok.dep_ == "compound" and tok.head.lower_ in STATE_MEMBERS  # "government forces"
        # "now under government control": whose control a place is under
        member = member or (tok.dep_ == "compound" and tok.head.lower_ == "control" and not modifiers)
        # "killed in government shelling on X": the parser may leave the noun before the act unattached
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        member = member or (not modifiers and nxt is not None and nxt.lower_ in STATE_MEMBERS)
        bare_name = tok.is_title and not modifiers  # "Army spokesperson X": the noun as a name (round 9)
        bare_body = (
            not modifiers and tok.lower_ in BARE_STATE_HEADS and tok.dep_ in {"nsubj", "nsubjpass", "pobj"}
        )
        if not member and modifiers != ["the"] and not bare_name and not bare_body:
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
    for tok in tokens_in(doc, SETTLEMENT_NOUNS):
        noun = tok.lower_
        if noun not in SETTLEMENT_NOUNS:
            continue
        near = [m for m in places if 0 < m.start - tok.i <= 3 or m.end == tok.i]  # "town of X", "X town"
        if near:
            introduced[noun] = near[0]
            continue
        ante = introduced.get(noun) or _last_bare_place(tok, places, sent_no, doc)
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


BARE_SETTLEMENTS = frozenset({"town", "city", "village"})


def _last_bare_place(tok: Token, places: list[Mention], sent_no: dict[int, int], doc: Doc) -> Mention | None:
    """'Jets pounded Kidal, weeks after the army lost the town': with no place introduced as a town, 'the
    town' is the one place named before it in its own sentence (two: none). The sentence before was
    tried too: a right "the city" there let the event merger fold two assaults (docs/extraction.md)."""
    if tok.lower_ not in BARE_SETTLEMENTS:
        return None
    here = sent_no[tok.sent.start]
    near = [
        m
        for m in places
        if m.start < tok.i
        and sent_no[doc[m.start].sent.start] == here
        # "Tobruk-based troops": a place as a modifier is not the one the text speaks of
        and doc[m.end - 1].dep_ not in {"compound", "amod", "npadvmod", "nmod", "poss"}
    ]
    if len({m.key for m in near}) != 1:
        return None
    # "X ... the Libyan capital ... the city": another settlement noun in between may be the one meant
    if any(t.lower_ in SETTLEMENT_NOUNS and t.lower_ != tok.lower_ for t in doc[near[-1].end : tok.i]):
        return None
    return near[-1]


def add_rementions(doc: Doc, table: EntityTable) -> None:
    """Later bare mentions the model missed: 'Ruto' after 'William Ruto', a name or alias said again."""
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    forms: dict[str, tuple[str, EntityKind]] = {}
    for ent in table.entities.values():
        for form in (ent.name, *ent.aliases):
            if form[:1].isupper():
                forms.setdefault(form, (ent.name, ent.kind))
    # A bare surname shared by two persons (a leader and his father: "Ali Bongo Ondimba", "Omar Bongo")
    # is the article's principal person, the one introduced first; a double surname counts by its
    # middle word too ("Bongo" of "Ali Bongo Ondimba").
    first: dict[str, int] = {}
    for m in sorted(table.mentions, key=lambda m: m.start):
        first.setdefault(m.key, m.start)
    persons = [e for e in table.entities.values() if e.kind == "person" and len(e.name.split()) > 1]
    persons.sort(key=lambda e: first.get(e.name, len(doc)))
    for ent in persons:
        words = ent.name.split()
        inner = [w for w in words[1:-1] if w[:1].isupper() and len(w) > 2]
        for form in (surname(ent.name), *inner):
            forms.setdefault(form, (ent.name, ent.kind))
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


def _definite_bare(tok_start: int, doc: Doc, n: int) -> bool:
    """Tokens [tok_start, tok_start + n) are 'the' + a bare noun phrase: no 'of' or other preposition
    after it ('the kingdom of Bahrain' names its own), no name before it."""
    if tok_start == 0 or doc[tok_start - 1].lower_ != "the":
        return False
    head = doc[tok_start + n - 1]
    nxt = doc[tok_start + n] if tok_start + n < len(doc) else None
    return not any(c.dep_ == "prep" for c in head.children) and not (nxt is not None and nxt.lower_ == "of")


def _owner_start(tok: Token) -> int:
    """'the Hamas-run ministry': the first token of a one-word owner joined by a hyphen to its participle
    right before the noun, so that 'the' + owner + noun is read as 'the ministry'; else the noun's own."""
    doc = tok.doc
    i = tok.i
    if (
        i >= 3
        and doc[i - 1].lower_ in OWNER_PARTICIPLES
        and doc[i - 2].text == "-"
        and not doc[i - 2].whitespace_
    ):
        return i - 3
    if i >= 1 and "-" in doc[i - 1].text and doc[i - 1].lower_.rsplit("-", 1)[1] in OWNER_PARTICIPLES:
        return i - 1  # "U.S.-backed" is one token
    return i


def add_state_form_rementions(doc: Doc, table: EntityTable, state_forms: dict[str, frozenset[str]]) -> None:
    """'Saudi Arabia intercepted a drone. The kingdom blamed Iran': 'the kingdom', 'the Islamic Republic'
    is the one country named earlier in the article whose form of state it is (pycountry's official
    name: "Kingdom of Saudi Arabia"). Two such countries named ("the republic" after France and Turkey)
    leave it unresolved."""
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    countries = sorted((m for m in table.mentions if m.kind == "country"), key=lambda m: m.start)
    if not countries:
        return
    known = frozenset().union(*(state_forms.get(m.key, ()) for m in countries))
    first_words = {form.split()[0] for form in known}
    for tok in tokens_in(doc, first_words):
        if tok.lower_ not in first_words or tok.i in covered or not tok.is_alpha:
            continue
        for n in (2, 1):
            start = tok.i
            if start + n > len(doc) or any(k in covered for k in range(start, start + n)):
                continue
            form = doc[start : start + n].text.lower()
            if form not in known or (n == 2 and not doc[start + 1].is_alpha):
                continue  # the cheap test first: few words are a named country's form of state
            if not _definite_bare(start, doc, n):
                continue
            named = {m.key for m in countries if m.start < start and form in state_forms.get(m.key, ())}
            if len(named) != 1:
                continue
            key = named.pop()
            table.mentions.append(Mention(start, start + n, key, "country", "remention"))
            covered.update(range(start, start + n))
            break


BODY_KINDS = frozenset({"organization", "armed_group"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _governing_subjects(tok: Token, keys_at: dict[int, str]) -> set[str]:
    """The entities that are the subject of the nearest clause above a non-subject `tok` ('the coalition
    struck sites belonging to the group'): the group an object or a prepositional phrase speaks of is not
    the one doing the act. A subject (or a phrase inside one) keeps them all: 'Hamas said the group ...'."""
    node = tok
    for _ in range(8):
        if node.dep_ in SUBJECT_DEPS:
            return set()
        if node.head.i == node.i:
            break
        node = node.head
    node = tok
    for _ in range(8):
        subjects = (
            [c for c in node.children if c.dep_ in SUBJECT_DEPS] if node.pos_ in {"VERB", "AUX"} else []
        )
        if subjects:  # the nearest clause only: "X said jets struck the group's posts" may mean X
            return {keys_at[c.i] for c in subjects if c.i in keys_at}
        if node.head.i == node.i:
            break
        node = node.head
    return set()


def add_body_head_rementions(doc: Doc, table: EntityTable, common_nouns: frozenset[str]) -> None:
    """'the Turkish Interior Ministry said ... the ministry added': 'the' + the last word of a body's name
    (a common noun: ministry, agency, council, front) is the one body so named earlier in the article;
    'the group' is the one armed group named in the two sentences before."""
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    bodies = sorted((m for m in table.mentions if m.kind in BODY_KINDS), key=lambda m: m.start)
    if not bodies:
        return
    sent_no = {s.start: n for n, s in enumerate(doc.sents)}
    keys_at = {i: m.key for m in table.mentions for i in range(m.start, m.end)}
    forms = lowers(doc)
    nouns = [i for i, w in enumerate(forms) if (w == "group" or w in common_nouns) and i not in covered]
    for tok in (doc[i] for i in nouns):  # the words the test below can let through
        word = tok.lower_
        if tok.i in covered or not tok.is_lower or (word != "group" and word not in common_nouns):
            continue
        start = _owner_start(tok)
        if (
            word == "group"
            and start == tok.i
            and tok.i > 0
            and doc[tok.i - 1].lower_ in ARMED_GROUP_MODIFIERS
        ):
            start = tok.i - 1  # "the militant group", "the rebel group"
        if not _definite_bare(start, doc, tok.i - start + 1):
            continue
        if word == "group":
            here = sent_no[tok.sent.start]
            named = {
                m.key
                for m in bodies
                if m.start < tok.i
                and m.kind == "armed_group"
                and here - sent_no[doc[m.start].sent.start] <= 2
            }
            kinds = {
                m.key for m in bodies if m.start < tok.i and here - sent_no[doc[m.start].sent.start] <= 2
            }
            # "X struck sites belonging to the group": an object is not its own clause's subject
            others = _governing_subjects(tok, keys_at)
            named -= others
            if len(named) != 1 or kinds - others != named:
                continue
        elif word in common_nouns:
            named = {
                m.key
                for m in bodies
                if m.start < tok.i and len(m.key.split()) > 1 and m.key.split()[-1].lower() == word
            }
            if len(named) != 1:
                continue
        else:
            continue
        key = named.pop()
        table.mentions.append(Mention(tok.i, tok.i + 1, key, table.entities[key].kind, "remention"))
        covered.add(tok.i)
