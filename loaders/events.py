"""PLOVER events: a trigger (verb or noun), who acted, on whom, where and when.

Each evidence sentence can yield events; mentions of one real-world event across sentences merge
(same type, compatible date, shared participants), so an article reports each event once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from graph.model import ExtractedEvent
from loaders.dates import resolve_date, shift
from loaders.mentions import EntityTable, Mention
from loaders.relations import ACTORS, _negated, _subjects, actors_of

TRIGGERS: dict[str, str] = {
    **dict.fromkeys(
        [
            "strike",
            "attack",
            "bomb",
            "shell",
            "airstrike",
            "bombing",
            "shelling",
            "raid",
            "invade",
            "invasion",
            "assault",
            "massacre",
            "offensive",
            "ambush",
            "bombardment",
            "barrage",
            "hit",
            "pound",
            "shoot",
            "fire",
            "launch",
        ],
        "ASSAULT",
    ),
    **dict.fromkeys(
        [
            "condemn",
            "denounce",
            "accuse",
            "blame",
            "criticise",
            "criticize",
            "condemnation",
            "accusation",
            "decry",
            "slam",
        ],
        "ACCUSE",
    ),
    **dict.fromkeys(["deny", "reject", "dismiss", "veto", "refuse", "denial", "rebuff"], "REJECT"),
    **dict.fromkeys(
        [
            "meet",
            "visit",
            "talk",
            "talks",
            "speak",
            "discuss",
            "meeting",
            "summit",
            "host",
            "negotiate",
            "negotiation",
            "phone",
            "notify",
            "consult",
        ],
        "CONSULT",
    ),
    **dict.fromkeys(
        ["support", "back", "welcome", "endorse", "praise", "vow", "pledge", "applaud"], "SUPPORT"
    ),
    **dict.fromkeys(["cooperate", "cooperation", "coordinate", "alliance"], "COOPERATE"),
    **dict.fromkeys(["aid", "assist", "deliver", "supply", "donate"], "AID"),
    **dict.fromkeys(["threaten", "warn", "threat", "ultimatum"], "THREATEN"),
    **dict.fromkeys(["sanction", "sanctions", "suspend", "boycott", "embargo", "freeze"], "SANCTION"),
    **dict.fromkeys(["protest", "demonstrate", "rally", "demonstration", "march"], "PROTEST"),
    **dict.fromkeys(
        ["deploy", "mobilize", "mobilise", "deployment", "reinforce", "mobilisation", "mobilization"],
        "MOBILIZE",
    ),
    **dict.fromkeys(["urge", "demand", "appeal", "request", "ask"], "REQUEST"),
    **dict.fromkeys(["agree", "sign", "deal", "ceasefire", "accord", "truce", "agreement"], "AGREE"),
    **dict.fromkeys(
        ["arrest", "detain", "block", "ban", "expel", "blockade", "seize", "capture", "oust", "depose"],
        "COERCE",
    ),
    **dict.fromkeys(["withdraw", "retreat", "withdrawal", "evacuate"], "RETREAT"),
    **dict.fromkeys(["concede", "admit", "apologise", "apologize", "release", "surrender"], "CONCEDE"),
}
ASSAULT_NOUNS = {
    "strike",
    "attack",
    "airstrike",
    "bombing",
    "shelling",
    "raid",
    "invasion",
    "assault",
    "massacre",
    "offensive",
    "bombardment",
    "barrage",
}
LOCATION_PREPS = {"in", "at", "on", "near", "outside", "over", "across", "into"}
_NUMBER = re.compile(r"\b(\d[\d,]*)\s+(?:people|civilians|children|soldiers|fighters|persons)?")
_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "dozens": 24,
    "dozen": 12,
}


def _location(trigger: Token, table: EntityTable, sent: Span) -> Mention | None:
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPS:
            for pobj in prep.children:
                for m in actors_of(pobj, table, {"place"}):
                    return m
    return None


def _count(sent: Span, words: set[str]) -> int | None:
    """A number stated next to a casualty verb ('killed 87 people', '87 people were killed')."""
    for tok in sent:
        if tok.lemma_ in words:
            for t in tok.subtree:
                if t.like_num or t.lower_ in _WORDS:
                    txt = t.text.replace(",", "")
                    if txt.isdigit():
                        return int(txt)
                    if t.lower_ in _WORDS:
                        return _WORDS[t.lower_]
    return None


def _has_date(trigger: Token, sent: Span, published: str | None) -> bool:
    return resolve_date(sent.text, published) is not None or bool(
        re.search(r"\bday (earlier|before|after|later)\b", sent.text, re.I)
    )


def _event_date(trigger: Token, sent: Span, published: str | None) -> str | None:
    # A date phrase attached to the trigger wins; then the sentence's; then the report's own date.
    local = " ".join(t.text for t in trigger.subtree if t.i - trigger.i < 12)
    found = resolve_date(local, published) or resolve_date(sent.text, published)
    if found and re.search(r"\ba day (after|later)\b", sent.text, re.I) and found == published:
        return found
    if found:
        return found
    if re.search(r"\b(a|one) day (earlier|before)\b", sent.text, re.I):
        return shift(published, -1)
    return published


def sentence_events(
    sent: Span, table: EntityTable, published: str | None
) -> list[tuple[ExtractedEvent, bool]]:
    """Events whose trigger is in `sent`, each with whether its date was stated (not defaulted)."""
    out: list[tuple[ExtractedEvent, bool]] = []
    for tok in sent:
        etype = TRIGGERS.get(tok.lemma_) or TRIGGERS.get(tok.lower_)
        if (
            tok.lower_ in {"call", "conversation", "calls"}
            and tok.pos_ == "NOUN"
            and any(c.lower_ in {"phone", "telephone", "video"} for c in tok.children)
        ):
            etype = "CONSULT"
        if etype is None:
            continue
        actors: list[Mention] = []
        targets: list[Mention] = []
        if tok.pos_ in {"VERB", "AUX"}:
            if _negated(tok) and etype != "REJECT":
                continue
            subj, passive = _subjects(tok)
            subj_m = [m for s in subj for m in actors_of(s, table)]
            agent_m = [
                m for c in tok.children if c.dep_ == "agent" for p in c.children for m in actors_of(p, table)
            ]
            objs = [c for c in tok.children if c.dep_ in {"dobj", "attr"}]
            objs += [
                p
                for c in tok.children
                if c.dep_ in {"prep", "dative"} and c.lower_ in {"on", "against", "at", "with", "to", "for"}
                for p in c.children
                if p.dep_ == "pobj"
            ]
            obj_m = [m for o in objs for m in actors_of(o, table, ACTORS | {"place"})]
            if passive:
                actors, targets = agent_m, [m for s in subj for m in actors_of(s, table, ACTORS | {"place"})]
            else:
                actors, targets = subj_m, obj_m
            if etype == "CONSULT" and not targets and len(actors) >= 2:
                pass  # "X and Y spoke by phone": all are actors
        elif tok.pos_ in {"NOUN", "PROPN"}:
            actors = [
                m for c in tok.children if c.dep_ in {"poss", "amod", "compound"} for m in actors_of(c, table)
            ]
            actors += [
                m
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "by"
                for p in c.children
                for m in actors_of(p, table)
            ]
            targets = [
                m
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in {"on", "against", "of", "with", "to"}
                for p in c.children
                if p.dep_ == "pobj"
                for m in actors_of(p, table, ACTORS | {"place"})
            ]
            # "condemned a US strike", "after the attack": the noun's verb may give the actor instead
            if not actors and etype != "ASSAULT" and tok.dep_ in {"dobj"}:
                actors = [m for s in _subjects(tok.head)[0] for m in actors_of(s, table)]
        else:
            continue
        location = _location(tok, table, sent)
        if not actors and not targets and location is None:
            continue
        if etype == "ASSAULT" and location is None:
            location = next((m for m in targets if m.kind == "place"), None)
        main_clause = tok.pos_ in {"VERB", "AUX"} or tok.dep_ in {"nsubj", "nsubjpass", "dobj", "ROOT"}
        own_date = resolve_date(" ".join(t.text for t in tok.subtree), published)
        killed = _count(sent, {"kill", "dead", "die"}) if etype == "ASSAULT" else None
        wounded = _count(sent, {"wound", "injure"}) if etype == "ASSAULT" else None
        if main_clause:
            when, dated = _event_date(tok, sent, published), _has_date(tok, sent, published)
        else:  # "..., after the attack on X": the sentence's date is the main clause's, not this event's
            when, dated = own_date or published, own_date is not None
        ev = ExtractedEvent(
            type=etype,  # type: ignore[arg-type]
            label=f"{etype.lower()}: {' '.join(t.text for t in tok.subtree)[:120]}",
            date=when,
            location=location.key if location else None,
            actors=_keys(actors),
            targets=[k for k in _keys(targets) if k not in _keys(actors)],
            evidence=sent.text.strip(),
            confidence=0.6,
            killed=killed,
            wounded=wounded,
        )
        # Reactions are each actor's own: "Britain and Australia backed the strike" is two events.
        if etype in PER_ACTOR and len(ev.actors) > 1:
            for actor in ev.actors:
                out.append((ev.model_copy(update={"actors": [actor], "targets": list(ev.targets)}), dated))
        else:
            out.append((ev, dated))
    return out


PER_ACTOR = {"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "SANCTION", "AID", "PROTEST", "MOBILIZE"}


def _keys(ms: Iterable[Mention]) -> list[str]:
    seen: list[str] = []
    for m in ms:
        if m.key not in seen:
            seen.append(m.key)
    return seen


def _compatible(a: ExtractedEvent, a_dated: bool, b: ExtractedEvent, b_dated: bool) -> bool:
    if a.type != b.type:
        return False
    # A mention with no date of its own ("the bombing killed 12") may refer to a dated one.
    if (
        a_dated
        and b_dated
        and a.date
        and b.date
        and not (a.date.startswith(b.date) or b.date.startswith(a.date))
    ):
        return False
    pa = {*a.actors, *a.targets, *([a.location] if a.location else [])}
    pb = {*b.actors, *b.targets, *([b.location] if b.location else [])}
    if a.type == "ASSAULT" and a.location and b.location:
        return a.location == b.location
    return bool(pa & pb) and (not a.actors or not b.actors or bool(set(a.actors) & set(b.actors)))


def merge_events(events: list[tuple[ExtractedEvent, bool]]) -> list[ExtractedEvent]:
    """One event per real-world event: fold compatible mentions into the first."""
    out: list[list[object]] = []  # [event, dated]
    for ev, dated in events:
        for slot in out:
            kept, kept_dated = slot[0], bool(slot[1])
            assert isinstance(kept, ExtractedEvent)
            if not _compatible(kept, kept_dated, ev, dated):
                continue
            kept.actors = _dedupe([*kept.actors, *ev.actors])
            kept.targets = [t for t in _dedupe([*kept.targets, *ev.targets]) if t not in kept.actors]
            kept.location = kept.location or ev.location
            if dated and (not kept_dated or (ev.date and kept.date and len(ev.date) > len(kept.date))):
                kept.date = ev.date
                slot[1] = True
            kept.killed = kept.killed or ev.killed
            kept.wounded = kept.wounded or ev.wounded
            break
        else:
            out.append([ev, dated])
    return [slot[0] for slot in out]  # type: ignore[misc]


def _dedupe(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


def find_events(sents: Iterable[Span], table: EntityTable, published: str | None) -> list[ExtractedEvent]:
    """All events of the evidence sentences, merged per real-world event."""
    events: list[tuple[ExtractedEvent, bool]] = []
    for sent in sents:
        events.extend(sentence_events(sent, table, published))
    return merge_events(events)
