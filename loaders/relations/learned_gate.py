"""What a learned relation must have besides a confident score: entity kinds its type may join, a
trigger word of its type nearby, and ends that are not only the X of an "X-backed" collective."""

from __future__ import annotations

from spacy.tokens import Span

from loaders.entities.collectives import JOINED_LED
from loaders.mentions import EntityTable, Mention
from loaders.relations.learned_features import LABELS, dependency_path
from loaders.relations.lexicon import ACTORS, table, words

# Which entity kinds each type may join (GUIDE: "place -> place or country", "actor -> place", ...).
SOURCE_KINDS: dict[str, frozenset[str]] = {
    "AFFILIATED_WITH": frozenset({"person", "organization", "armed_group", "group"}),
    "LOCATED_IN": frozenset({"place"}),
}
TARGET_KINDS: dict[str, frozenset[str]] = {
    "AFFILIATED_WITH": frozenset({"organization", "country", "armed_group"}),
    "LOCATED_IN": frozenset({"place", "country"}),
    "CONTROLS": frozenset({"place"}),
    "STRUCK": ACTORS | {"place"},
    "THREATENED": ACTORS | {"place"},
}


def _words(name: str) -> frozenset[str]:
    # the rules' lexicon changes with them; a list renamed there only narrows the gate, never breaks it
    try:
        return words(name)
    except KeyError:
        return frozenset()


def _triggers() -> dict[str, frozenset[str]]:
    """Per type, the rules' own trigger words (loaders/data/relations/lexicon.json): the gate's evidence."""
    verbs: dict[str, list[str]] = table("verbs")  # type: ignore[assignment]  # type -> lemmas
    hyphen = table("hyphen_verbs")
    extra = {
        "STRUCK": _words("act_nouns")
        | _words("strike_acts")
        | _words("strike_and_weapon")
        | _words("launch_verbs"),
        "SUPPORTS": _words("supporter_nouns") | {"support", "backing", "help", "aid"},
        "OPPOSES": _words("enemy_nouns") | _words("conflict_nouns") | _words("fight_verbs") | {"against"},
        "ALLIED_WITH": _words("ally_nouns")
        | _words("alliance_nouns")
        | _words("alliance_modifiers")
        | {"alongside"},
        "CONDEMNED": _words("condemn_nouns") | {"condemnation"},
        "THREATENED": {"threat", "warning"},
        "MET_WITH": _words("visit_nouns") | _words("contact_nouns"),
        "SPOKE_WITH": _words("contact_nouns"),
        "CONTROLS": _words("control_verbs") | _words("stronghold_nouns"),
        "AFFILIATED_WITH": _words("office_nouns") | _words("national_titles") | _words("leading_verbs"),
        "LOCATED_IN": _words("place_nouns") | _words("locative_preps"),
    }
    out: dict[str, frozenset[str]] = {}
    for rel in LABELS[1:]:
        ws = set(verbs.get(rel, [])) | set(extra.get(rel, set()))
        ws |= {w for w, t in hyphen.items() if t == rel}
        out[rel] = frozenset(w.lower() for w in ws)
    return out


TRIGGERS = _triggers()
# Words that make a clause about someone else's act: "X condemned the strikes on Y" is no strike by X.
STANCE = TRIGGERS["CONDEMNED"] | TRIGGERS["ACCUSED"] | _words("denial_verbs")
# Verbs that state an office between a person and a body ("X, who heads Y"); any other verb on the path
# joins them by an act, which is no affiliation.
HOLDING = _words("leading_verbs") | {"serve", "appoint", "name", "elect", "join", "belong"}
SIDE_NOUNS = _words("ally_nouns") | _words("enemy_nouns")  # "an ally of", "a rival of": another side
ADJACENT = 2  # tokens: "Syria's Idlib province", "Russian Foreign Minister X" need no trigger word


def has_trigger(rel: str, sent: Span, source: Mention, target: Mention) -> bool:
    """A trigger word of the type between, beside or on the path between the two; no negation or stance verb on the path."""
    doc = sent.doc
    lo, hi = (source, target) if source.start < target.start else (target, source)
    between = doc[lo.end : hi.start]
    if rel in {"AFFILIATED_WITH", "LOCATED_IN"} and len(between) <= ADJACENT:
        return not any(t.is_punct or t.dep_ == "cc" for t in between)  # "X, Y" is a list, not an office
    near = [*doc[lo.end : hi.start], *doc[max(sent.start, lo.start - 2) : lo.start]]
    near += [*doc[hi.end : min(sent.end, hi.end + 2)], *doc[lo.end : min(sent.end, lo.end + 2)]]
    path = [
        t
        for t, _ in dependency_path(doc[source.start : source.end].root, doc[target.start : target.end].root)
    ]
    if any(any(c.dep_ == "neg" for c in t.children) for t in path):
        return False  # "X did not attack Y"
    if rel not in {"CONDEMNED", "ACCUSED"} and any(t.lemma_.lower() in STANCE for t in path):
        return False
    if rel == "AFFILIATED_WITH" and any(t.pos_ == "VERB" and t.lemma_.lower() not in HOLDING for t in path):
        return False  # "General X told the state-run Y channel": an act between the two, no office
    if rel == "AFFILIATED_WITH" and any(t.lemma_.lower() in SIDE_NOUNS for t in path):
        return False  # "X, an ally of the Venezuelan president": a partner or rival, no member
    ws = TRIGGERS.get(rel, frozenset())
    return any(t.lemma_.lower() in ws or t.lower_ in ws for t in [*near, *path])


def kinds_allowed(rel: str, source: str, target: str) -> bool:
    """Whether a relation type may join a source and a target of these entity kinds."""
    return source in SOURCE_KINDS.get(rel, ACTORS) and target in TARGET_KINDS.get(rel, ACTORS)


# "X-backed", "X-led"; and "X-based" ("Crimea-based separatist leaders"): where the collective sits, no end
BACKER_WORDS = frozenset({"backed", "led", "based"})


def backer_keys(sent: Span, table: EntityTable) -> set[str]:
    """Entities named in the sentence only as the X of "X-backed" / "X-led" / "X-based" before a
    collective: the Chad of "Chad-backed rebels". They act through the collective, which the rules already relate them
    to (SUPPORTS for "-backed"); a classifier that scores them as ends of their own copies the
    collective's acts onto them ("Chad-backed rebels attacked B" is no strike by Chad)."""
    doc = sent.doc

    def backer(m: Mention) -> bool:
        if m.end - m.start == 1 and JOINED_LED.match(doc[m.start].text):  # "U.S.-led": one token
            return True
        return m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in BACKER_WORDS

    ms = table.mentions_in(sent.start, sent.end)
    return {m.key for m in ms if backer(m)} - {m.key for m in ms if not backer(m)}
