"""Names the text itself declares to be one: "the militias, known as the X Forces", "the reef, which
Manila calls Y Reef", "A, also known as B", "A (known locally as B)".

The name after the cue is an alias of the nearest earlier mention of a compatible kind, in its sentence
or the two before (a definite description such as "the reef" points back to a name given earlier). A
proper name wins over a lower-case description; between two proper names the first one written wins.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.model import EntityKind, normalize_name
from loaders.entities.lexicon import FORCE_NOUNS, GOVERNMENT_NOUNS
from loaders.entities.name_cues import person_before_cue
from loaders.mentions import Mention

COLLECTIVE_KINDS = frozenset({"armed_group", "group", "organization"})
MAX_SENTENCES_BACK = 2
CALL_VERBS = frozenset({"calls", "call", "called", "names", "name", "dubs", "dub"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Mentions made from a description ("DRC rebels", "Saudi-led coalition"): a declared name is the better name.
DESCRIPTIONS = frozenset({"collective", "led", "community"})
NAME_OF = ["the", "name", "of"]
ACRONYM_NOUNS = frozenset({"acronym", "initials", "abbreviation"})
NAME_LINKS = frozenset({"of", "for", "the", "and", "al", "de", "del", "la", "des", "du"})


def _cue_ends(doc: Doc) -> list[tuple[int, int]]:
    """(start of the cue, first token after it) for each alias cue: "(also|locally|...) known as",
    "a.k.a.", "which|what <subject> calls"."""
    out = []
    for tok in doc:
        if tok.lower_ == "as" and tok.i >= 1:
            k = tok.i - 1
            while k > 0 and doc[k].pos_ == "ADV":  # "known locally as", "also known as"
                k -= 1
            if doc[k].lower_ == "known":
                start = k - 1 if k > 0 and doc[k - 1].pos_ == "ADV" else k
                out.append((start, tok.i + 1))
        elif tok.lower_ in {"a.k.a.", "aka"}:
            out.append((tok.i, tok.i + 1))
        elif tok.lower_ in {"under", "by"} and [t.lower_ for t in doc[tok.i + 1 : tok.i + 4]] == NAME_OF:
            out.append((tok.i, tok.i + 4))  # "set up a junta under the name of the X Council" (round 15)
        elif tok.lower_ == "by" and tok.i >= 1 and doc[tok.i - 1].lower_ == "known":
            k = tok.i + 1  # "known by its French acronym X", "known by the initials X" (round 16)
            while k < len(doc) and k - tok.i <= 3 and doc[k].lower_ not in ACRONYM_NOUNS:
                if not (doc[k].lower_ in {"its", "their", "the"} or doc[k].pos_ in {"ADJ", "PROPN"}):
                    break
                k += 1
            if k < len(doc) and doc[k].lower_ in ACRONYM_NOUNS:
                out.append((tok.i - 1, k + 1))
        elif tok.lower_ in CALL_VERBS and tok.i >= 2:
            rel = [t for t in doc[max(tok.sent.start, tok.i - 5) : tok.i] if t.lower_ in {"which", "what"}]
            if rel:
                out.append((rel[0].i, tok.i + 1))
    return out


def _compatible(a: EntityKind, b: EntityKind) -> bool:
    return a == b or {a, b} <= COLLECTIVE_KINDS


def declared_aliases(
    doc: Doc, raw: list[Mention], keymap: dict[str, str], kinds: dict[str, EntityKind]
) -> None:
    """Join, in `keymap`, each name introduced by an alias cue to the mention it renames."""
    sent_no = {s.start: n for n, s in enumerate(doc.sents)}
    by_start = {m.start: m for m in raw}
    for cue_start, after in _cue_ends(doc):
        i = after + 1 if after < len(doc) and doc[after].lower_ == "the" else after
        named = by_start.get(i)
        if named is None and i < len(doc) and doc[i].is_upper and len(doc[i]) > 1:
            # "known by its acronym MNLA" where the model's label here was dropped: the acronym written
            # elsewhere in the text (round 16)
            named = next((m for m in raw if m.end - m.start == 1 and doc[m.start].text == doc[i].text), None)
        if named is None or kinds[named.key] == "country":
            continue
        state = _state_force_before(doc, raw, kinds, cue_start)
        if state is not None:
            # "Congo's military, also known as the FARDC": the army of a state is the state (GUIDE)
            for k, v in keymap.items():
                if v == keymap[named.key]:
                    keymap[k] = keymap[state.key]
            continue
        head = _new_description(doc, raw, cue_start)
        if head is not None:
            # "paramilitary units, known as the X Brigades": the name belongs to the description it
            # follows, which no earlier mention names; an armed description gives the name its kind
            if head.lower_ in FORCE_NOUNS and kinds[named.key] in COLLECTIVE_KINDS:
                kinds[named.key] = "armed_group"
            continue
        here = sent_no[doc[cue_start].sent.start]
        earlier = [
            m
            for m in raw
            if m.end <= cue_start
            and _compatible(kinds[m.key], kinds[named.key])
            and here - sent_no[doc[m.start].sent.start] <= MAX_SENTENCES_BACK
        ]
        person = _person_before(doc, raw, kinds, cue_start)
        if person is not None and named.end - named.start == 1:
            earlier.append(person)  # "X Y Z, known as W": a one-word nickname of the person just named
        if not earlier:
            continue
        ante = max(earlier, key=lambda m: m.start)
        if keymap[ante.key] == keymap[named.key]:
            continue  # "the X Community, known as XC": the names are one entity already
        old, new = keymap[ante.key], keymap[named.key]
        ante_name = old.split("|", 1)[1]
        if ante_name[:1].isupper() and ante.how not in DESCRIPTIONS:
            old, new = new, old  # the earlier proper name stays the entity's name
        for k, v in keymap.items():
            if v == old:
                keymap[k] = new
        if "armed_group" in {kinds[old], kinds[new]} and {kinds[old], kinds[new]} <= COLLECTIVE_KINDS:
            kinds[new] = "armed_group"  # "tribal fighters, known as the X Hawks": the name is a fighting body


def _state_force_before(
    doc: Doc, raw: list[Mention], kinds: dict[str, EntityKind], cue_start: int
) -> Mention | None:
    """The country owning the state force right before the cue: "Congo's military, known as ..."."""
    k = cue_start - 1
    while k >= 0 and doc[k].text in {",", "("}:
        k -= 1
    if k < 2 or doc[k].lower_ not in GOVERNMENT_NOUNS:
        return None
    own = next((m for m in raw if m.end in {k, k + 1} and kinds[m.key] == "country"), None)
    if own is not None:
        return (
            own  # "the Congolese army, known as the FARDC": a state's force by its demonym (round 15, ent7)
        )
    j = k - 1
    while j > 0 and doc[j].is_lower and doc[j].pos_ == "ADJ":  # "Congo's national army"
        j -= 1
    if doc[j].lower_ not in {"'s", "\u2019s"}:
        return None
    return next((m for m in raw if m.end == j and kinds[m.key] == "country"), None)


def _new_description(doc: Doc, raw: list[Mention], cue_start: int) -> Token | None:
    """The head noun right before the cue when it opens a new referent: a common noun without a
    definite determiner that no mention covers ("loyalist militias, known as ..."). "the reef, which
    Manila calls ..." points back to an earlier name, so it is not one."""
    k = cue_start - 1
    while k >= 0 and doc[k].text in {",", "("}:
        k -= 1
    if k < 0 or doc[k].pos_ != "NOUN" or not doc[k].is_lower:
        return None
    if any(m.start <= k < m.end for m in raw):
        return None
    if any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in doc[k].lefts):
        return None
    return doc[k]


def _person_before(
    doc: Doc, raw: list[Mention], kinds: dict[str, EntityKind], cue_start: int
) -> Mention | None:
    """The person named right before the cue, a comma between ("X Y Z, known as ...")."""
    end = cue_start - 1 if cue_start > 0 and doc[cue_start - 1].text == "," else cue_start
    here = next((m for m in raw if m.end == end and kinds[m.key] == "person"), None)
    if here is not None or person_before_cue(doc, cue_start) is None:
        return here
    word = doc[end - 1].text  # "Widodo, known as W": a surname the model did not tag here (round 15, ent7)
    return next((m for m in raw if kinds[m.key] == "person" and doc[m.end - 1].text == word), None)


def bracketed_names(
    doc: Doc, raw: list[Mention], keymap: dict[str, str], kinds: dict[str, EntityKind]
) -> None:
    """'the X Jamaat (National Front of Y)': a body's name of two words or more filling the brackets right
    after another body's name is the same body in other words (a translation or the long form), there
    and wherever the text writes it again; the first name written stays the entity's name. A bracketed
    country, place or person is no alias, nor are lower-case words ("(Kurdish-led)")."""
    by_start = {m.start: m for m in raw}
    for m in list(raw):
        if m.end + 3 >= len(doc) or doc[m.end].text != "(" or kinds[keymap[m.key]] not in COLLECTIVE_KINDS:
            continue
        close = next((k for k in range(m.end + 1, min(len(doc), m.end + 10)) if doc[k].text == ")"), None)
        first = m.end + 2 if doc[m.end + 1].lower_ == "the" else m.end + 1
        if close is None or close - first < 2 or not _title_name(doc[first:close]):
            continue
        inner = by_start.get(first)
        if inner is not None and (inner.end != close or kinds[keymap[inner.key]] not in COLLECTIVE_KINDS):
            continue
        if inner is None:
            raw.append(Mention(first, close, m.key, m.kind, "bracket"))
        text = normalize_name(doc[first:close].text)
        new = keymap[m.key]
        for old in {v for k, v in keymap.items() if normalize_name(k.split("|", 1)[1]) == text} - {new}:
            if kinds[old] not in COLLECTIVE_KINDS:
                continue
            for k, v in keymap.items():
                if v == old:
                    keymap[k] = new
            if kinds[old] == "armed_group":
                kinds[new] = "armed_group"


def _title_name(span: Span) -> bool:
    """Title-case words, with lower-case links only inside ("National Front for the Y")."""
    return span[0].is_title and span[-1].is_title and all(t.is_title or t.lower_ in NAME_LINKS for t in span)
