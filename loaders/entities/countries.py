"""A short country name that two countries share, read as the one the article names in full.

"Congo" alone is the Republic of the Congo in the gazetteer (pycountry's short name), but news about
Goma or the M23 means the Democratic Republic of the Congo by it. Which one is meant is settled by the
article itself: when it names exactly one of the countries sharing the short form in full, every bare
short form is that country. When it names neither, or both, the gazetteer's reading stands. The shared
forms are data (`shared_short_forms` in loaders/data/gazetteer.json, by ISO code).
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import set_of
from loaders.gazetteer import Gazetteer

STATE_FORM_WORDS = set_of("state_form_words")  # "People's", "Democratic": words of a state's long form


def state_form_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'the Polish People's Republic', 'the Hungarian Socialist Republic': a state's demonym, form words and
    'Republic' name the state (the long form's gazetteer reading without "People's" where it has one:
    "German Democratic People's Republic" is "German Democratic Republic", East Germany)."""
    out = []
    for tok in doc:
        hit = gaz.names.get(tok.text)
        if hit is None or hit[0] != "country" or hit[1] == tok.text:
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].text in STATE_FORM_WORDS:
            j += 1
        if j == tok.i + 1 or j >= len(doc) or doc[j].text != "Republic":
            continue
        plain = " ".join(
            t.text for t in doc[tok.i : j + 1] if t.text not in {"People", "Peoples", "'s", "\u2019s"}
        )
        long_form = gaz.names.get(plain)
        canonical = long_form[1] if long_form is not None and long_form[0] == "country" else hit[1]
        start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i  # as the model's span
        out.append(Candidate(start, j + 1, "country", canonical, "gazetteer", 3))
    return out


def bare_form(surface: str) -> str:
    """The surface without a leading article ("the Congo" -> "Congo")."""
    return surface[4:] if surface.lower().startswith("the ") else surface


def join_shared_short_forms(keymap: dict[str, str], surfaces: dict[str, list[str]], gaz: Gazetteer) -> None:
    """Point every key of a country written only in a shared short form at the one country of that form
    named in full in the article (`keymap`: provisional key -> entity key, updated in place)."""
    if not gaz.shared_short_forms:
        return
    countries = {k for k in keymap.values() if k.startswith("country|")}
    for key in sorted(countries):
        forms = {bare_form(sf) for k, target in keymap.items() if target == key for sf in surfaces[k]}
        shared = [gaz.shared_short_forms.get(f) for f in forms]
        if not shared or any(s is None for s in shared):
            continue  # written in full at least once: the country is settled
        meant = frozenset.intersection(*(s for s in shared if s is not None))
        named = {f"country|{c}" for c in meant} & countries - {key}
        if len(named) == 1:
            full = named.pop()
            for k, target in keymap.items():
                if target == key:
                    keymap[k] = full
