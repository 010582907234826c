"""Titles and roles to AFFILIATED_WITH: "Russian Foreign Minister Sergei Lavrov", "X, the Kremlin spokesman"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from graph.model import ExtractedRelation
from loaders.entities.communities import HOW as COMMUNITY
from loaders.entities.lexicon import FORCE_NOUNS, GOVERNMENT_NOUNS, MEDIA_WORDS, ORG_WORDS, PARTY_WORDS
from loaders.gazetteer import Gazetteer
from loaders.mentions import EntityTable, Mention

BODY_WORDS = ORG_WORDS | GOVERNMENT_NOUNS | FORCE_NOUNS  # what a state body's name is made of


def title_affiliations(
    doc: Doc, table: EntityTable, gaz: Gazetteer, evidence_ok: Callable[[Span], bool] | None
) -> list[ExtractedRelation]:
    """Titles and roles: 'Russian Foreign Minister Sergei Lavrov' -> Lavrov AFFILIATED_WITH Russia."""
    out: dict[tuple[str, str], ExtractedRelation] = {}
    for m in table.mentions:
        if m.kind in {"organization", "armed_group"} and m.end - m.start >= 2 and m.how != COMMUNITY:
            # "Bosnian Serb forces" live in Bosnia but are no body of its state (communities.py)
            # "Iranian foreign ministry", "Pakistan Army": a body named after its country belongs to it
            first = doc[m.start].text
            hit = gaz.lookup(first)
            body_words = {t.lower_ for t in doc[m.start + 1 : m.end]}
            if not body_words & BODY_WORDS:
                continue  # "Libya Dawn militia", "Syrian Observatory for ...": a name, not a state body
            if doc[m.end - 1].lower_ in MEDIA_WORDS:
                continue  # "X Army Radio", "X State Television": a broadcaster, not the state body itself
            if body_words & PARTY_WORDS:
                continue  # "the Nepali Congress party", "the Iraqi Communist Party": a party, no state body
            if hit is not None and hit[0] == "country" and hit[1] != m.key and hit[1] in table.entities:
                sent = doc[m.start].sent
                out.setdefault(
                    (m.key, hit[1]),
                    ExtractedRelation(
                        source=m.key,
                        type="AFFILIATED_WITH",
                        target=hit[1],
                        evidence=sent.text.strip(),
                        confidence=0.7,
                    ),
                )
            continue
        if m.kind != "person":
            continue
        sent = doc[m.start].sent
        if evidence_ok is not None and not evidence_ok(sent):
            continue
        title, org = _title_before(doc, m, table, gaz, sent.start)
        if org is None:
            title2, org2 = _title_apposition(doc, m, table, gaz)
            title, org = title or title2, org2
        if org is None or org.key == m.key or org.kind not in {"country", "organization", "armed_group"}:
            continue
        key = (m.key, org.key)
        if key not in out:
            out[key] = ExtractedRelation(
                source=m.key,
                type="AFFILIATED_WITH",
                target=org.key,
                title=title,
                evidence=sent.text.strip(),
                confidence=0.8,
            )
    return list(out.values())


def _title_before(
    doc: Doc, m: Mention, table: EntityTable, gaz: Gazetteer, floor: int
) -> tuple[str | None, Mention | None]:
    i = m.start - 1
    words: list[Token] = []
    while i >= floor and len(words) < 8:
        t = doc[i]
        if t.is_punct and t.text not in {"-"}:
            break
        if t.lower_ in {"the", "a", "an"}:
            break
        if t.pos_ in {"VERB", "AUX", "SCONJ", "CCONJ"} and t.nbor(1).lower_ != "by":  # "X led by Y" stays
            break  # "the UN-recognised government of Prime Minister X": the title starts after the verb
        words.insert(0, t)
        i -= 1
    if not words:
        return None, None
    # the title: the longest run of the words next to the name that is a title ("Secretary of State")
    title = None
    for k in range(len(words)):
        cand = " ".join(w.text for w in words[k:])
        if cand.lower() in gaz.titles:
            title = cand
            break
    if title is None:
        last = words[-1].lower_
        if last in gaz.titles:
            title = words[-1].text
    org = None
    n_title = len(title.split()) if title else 0
    for w in reversed(words[: len(words) - n_title] if n_title else words):
        mm = table.mention_at(w.i)
        if mm is not None and mm.key != m.key:
            org = mm
            break
    if title is None:
        return None, None
    return title, org


def _title_apposition(
    doc: Doc, m: Mention, table: EntityTable, gaz: Gazetteer
) -> tuple[str | None, Mention | None]:
    """'X, the Kremlin spokesman', 'X, spokesman for Y', "Y's foreign minister, X"."""
    root = doc[m.end - 1]
    cands: list[Token] = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        cands.append(root.head)
    for noun in cands:
        before = doc[noun.i - 1].lower_ if noun.i > 0 else ""  # the title can open the text
        if noun.lower_ not in gaz.titles and f"{before} {noun.lower_}" not in gaz.titles:
            continue
        title = noun.text
        for child in noun.subtree:
            mm = table.mention_at(child.i)
            if mm is not None and mm.key != m.key and mm.kind in {"country", "organization", "armed_group"}:
                return title, mm
    return None, None
