"""A people living in another people's state: "Bosnian Serb forces", "Turkish Cypriot troops", "Syrian
Kurdish fighters", "the Bosnian Serbs".

Two peoples' words in a row name a community, not either state: the first word is a country's demonym
(where the community lives), the second a people's word ("Serb", "Croat", "Kurdish") that is not that
same country. With a force noun after them the phrase is an armed group (the GUIDE's "ethnic Armenian
forces"); the bare plural ("the Bosnian Serbs") is the community, which joins the armed group of the
same two words when the article has one. A short demonym of the second people ("the Serbs", "Serbian
forces") then stands for that armed group, not for the state, unless the article names the state itself.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.model import EntityKind
from loaders.doc_words import fine_tags, texts
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import FORCE_NOUNS, STATELESS_PEOPLE_PLURALS
from loaders.gazetteer import Gazetteer

HOW = "community"


def _people(tok: Token, gaz: Gazetteer) -> str | None:
    """The country a people's word belongs to ("Serb", "Serbs" -> Serbia), "" for a people without a
    state in the gazetteer ("Kurdish"), None when the word names no people."""
    if not tok.text[:1].isupper() or tok.pos_ not in {"PROPN", "ADJ", "NOUN"}:
        return None
    for form in (tok.text, tok.text + "s", tok.text.removesuffix("s")):
        hit = gaz.lookup(form)
        if hit is not None:
            return hit[1] if hit[0] == "country" else None
    # a stateless people's plural is one whatever label the model gave the phrase ("Kirkuk Kurds", PERSON)
    return "" if tok.ent_type_ == "NORP" or tok.text in STATELESS_PEOPLE_PLURALS else None


def _host(tok: Token, gaz: Gazetteer) -> str | None:
    """The country whose demonym `tok` is ("Bosnian" -> Bosnia and Herzegovina)."""
    if not tok.text[:1].isupper() or (tok.is_sent_start and tok.lower_ in gaz.collectives):
        return None
    hit = gaz.lookup(tok.text)
    return hit[1] if hit is not None and hit[0] == "country" and tok.text != hit[1] else None


def _region(tok: Token, gaz: Gazetteer) -> bool:
    """A proper noun that is no country, demonym or body ("Krajina", "Kirkuk"): before a people's plural
    it can only be where they live; a person's name never ends in a people's plural."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or not tok.is_alpha:
        return False
    hit = gaz.lookup(tok.text)
    return hit is None or hit[0] == "place"


def _armed(tok: Token) -> bool:
    """A force noun follows the people's word ("Serb forces")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in FORCE_NOUNS and nxt.tag_ == "NNS"


def _plural(tok: Token) -> bool:
    return tok.tag_ in {"NNPS", "NNS"} or tok.text.endswith("s")


def community_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    out = []
    # `_host` and `_region` want the word before capitalised, `_people` the word itself: only such pairs
    words = texts(doc)
    capitals = [i for i in range(1, len(doc)) if words[i - 1][:1].isupper() and words[i][:1].isupper()]
    for tok in (doc[i] for i in capitals):
        host = _host(doc[tok.i - 1], gaz)
        if (
            host is None
            and _region(doc[tok.i - 1], gaz)
            and _people(tok, gaz) is not None  # "" for a stateless people ("Kirkuk Kurds")
            and (_plural(tok) or _armed(tok))
        ):
            host = ""  # "Krajina Serbs": a people named by the region it lives in, never a person
        if host is None:
            continue
        people = _people(tok, gaz)
        if people is None or (host and (not people or people == host)):
            continue  # "Bosnian Muslim soldiers": a faith, not a people with a state
        # the model's NORP span takes "the" in ("the Bosnian Serbs"); ours must be as long to win
        start = tok.i - 2 if tok.i > 1 and doc[tok.i - 2].lower_ == "the" else tok.i - 1
        if _armed(tok):
            out.append(Candidate(start, tok.i + 2, "armed_group", None, HOW, 4))
        elif _plural(tok):
            out.append(Candidate(start, tok.i + 1, "group", None, HOW, 4))
    return out


def join_communities(
    keymap: dict[str, str],
    kinds: dict[str, EntityKind],
    surfaces: dict[str, list[str]],
    community_keys: set[str],
    gaz: Gazetteer,
) -> None:
    """Join the bare community ("Bosnian Serbs") and its people's short demonyms ("the Serbs") to the armed
    group of the same two words ("Bosnian Serb forces"); `keymap` is updated in place."""
    armed = {k for k in community_keys if kinds[k] == "armed_group"}
    for key in sorted(armed):
        words = key.split("|", 1)[1].split()
        if len(words) != 3:
            continue
        stem = f"{words[0]} {words[1]}".lower()
        people = gaz.lookup(words[1]) or gaz.lookup(words[1] + "s")
        state = f"country|{people[1]}" if people is not None and people[0] == "country" else None
        state_named = state is not None and any(
            s.lower().removeprefix("the ") == people[1].lower()  # type: ignore[index]
            for k, v in keymap.items()
            if v == state
            for s in surfaces.get(k, [])
        )
        for k, v in list(keymap.items()):
            name = k.split("|", 1)[1].lower()
            bare = k in community_keys and kinds[k] == "group" and name.rstrip("s") == stem.rstrip("s")
            if bare or (state is not None and not state_named and v == state):
                keymap[k] = keymap[key]


def owned_unit_peoples(doc: Doc, gaz: Gazetteer) -> set[int]:
    """Tokens of a people's adjective inside a non-state side's units ("the X militia's Turkmen units",
    "the warlord's Sudanese fighters"): the units are the owner's, the adjective tells who serves in them,
    so it names no state. A state or an organisation as the owner ("NATO's German troops") keeps it: those
    are national contingents."""
    out = set()
    tags = fine_tags(doc)  # the test below wants a possessive before the word
    for tok in (doc[i] for i in range(*slice(2, -1).indices(len(doc))) if tags[i - 1] == "POS"):
        if tok.i + 1 >= len(doc) or doc[tok.i - 1].tag_ != "POS" or not _armed(tok):
            continue
        owner = doc[tok.i - 2]
        if owner.ent_type_ in {"GPE", "LOC"} or owner.pos_ != "PROPN":
            continue
        hit = gaz.lookup(owner.text)
        if hit is not None and hit[0] != "armed_group":
            continue
        if _host(tok, gaz) is not None:
            out.add(tok.i)
    return out


def peoples_force_candidates(doc: Doc, gaz: Gazetteer, member_nouns: frozenset[str]) -> list[Candidate]:
    """'the Kurds' fighters', 'the Tuaregs' militia': a people's plural owning a force names no one of its
    own; it is the people's armed group the article names, so the mention is a bare members' noun
    ("fighters", one of `member_nouns`) that joins the one armed group named (`join_bare_heads`)."""
    out = []
    words = texts(doc)  # `_people` wants a capitalised word: only those are read as tokens
    for tok in (doc[i] for i in range(*slice(1, -2).indices(len(doc))) if words[i][:1].isupper()):
        owner_mark, noun = doc[tok.i + 1], doc[tok.i + 2]
        if owner_mark.tag_ != "POS" or _people(tok, gaz) is None or not _plural(tok):
            continue
        if noun.lower_ not in FORCE_NOUNS and gaz.collectives.get(noun.lower_) != "armed_group":
            continue
        start = tok.i - 1 if doc[tok.i - 1].lower_ == "the" else tok.i
        name = noun.lower_ if noun.lower_ in member_nouns else "fighters"
        out.append(Candidate(start, noun.i + 1, "armed_group", name, HOW, 4))
    return out
