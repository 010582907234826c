"""Choosing among overlapping candidates and trimming the chosen spans to the name."""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import DAY_NAME_WORDS, STRIP_LEADING, WEEKDAYS
from loaders.gazetteer import Gazetteer


def join_demonym_orgs(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """'Iranian' + 'foreign ministry' -> one organization 'Iranian foreign ministry'; "Iran's foreign
    ministry" likewise (the possessive written between): a ministry is named by its state, and two
    states' "defence ministry" in one article are two bodies."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "country"
            and (prev.end == c.start or (prev.end + 1 == c.start and doc[prev.end].lower_ in {"'s", "’s"}))
            and c.kind == "ORG"
            and doc[c.start].is_lower
        ):
            out[-1] = Candidate(prev.start, c.end, "ORG", None, "ner+demonym", 2)
            continue
        out.append(c)
    return out


def select_candidates(cands: list[Candidate]) -> list[Candidate]:
    """Longest, then most trusted, non-overlapping candidates."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
        span = set(range(c.start, c.end))
        if span & taken or c.end <= c.start:
            continue
        chosen.append(c)
        taken |= span
    return sorted(chosen, key=lambda c: c.start)


def clean_span(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """Trim articles, quantifiers, possessives, punctuation and leading titles off a span."""
    while start < end and (doc[start].lower_ in STRIP_LEADING or doc[start].is_punct):
        start += 1
    # "Following Henry's resignation", "Amid X's absence": the small model takes the sentence's opening
    # preposition or participle, capitalised, into the name it introduces
    if (
        end - start > 1
        and doc[start].is_sent_start
        and doc[start].tag_ in {"IN", "VBG"}
        and doc[start + 1].is_title
    ):
        start += 1
    if (
        end - start > 1
        and doc[start].is_sent_start
        and doc[start].tag_ in {"RB", "JJ"}
        and gaz.lookup(doc[start + 1 : end].text) is not None
        and gaz.lookup(doc[start:end].text) is None  # "East German guards": the name is "East German"
    ):
        start += 1  # "Nearby Burkina Faso", "Neighbouring Chad": an opening modifier of a known name
    for k in range(start, end):
        if doc[k].text in {"(", "["}:  # "Line of Control (LoC": the bracket holds an alias
            end = k
            break
        if k > start and doc[k].text in {"-", "\u2013", "\u2014"} and k + 1 < end and doc[k + 1].like_num:
            end = k  # "El Fasher - 12 civilians were killed": a dateline's dash ends the name
            break
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    if (
        end - start > 1
        and doc[end - 1].lower_ in WEEKDAYS
        and all(t.lower_ in DAY_NAME_WORDS for t in doc[start : end - 1])
    ):
        return start, start  # "for Easter Sunday", "on Good Friday": a feast's day, not a place
    if end - start > 1 and doc[end - 1].lower_ in WEEKDAYS and doc[end - 2].pos_ == "PROPN":
        end -= 1  # "in southern Kordofan Tuesday": the weekday dates the event, it is no part of the name
    return start, end


def strip_title(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """Move `start` past title words at the front of a person's name ("Major General X")."""
    i = start
    while i < end - 1:
        two = f"{doc[i].text} {doc[i + 1].text}".lower()
        if two in gaz.titles and i + 2 < end:
            i += 2
        elif doc[i].lower_ in gaz.titles or doc[i].lower_.rstrip(".") in {
            "gen",
            "lt",
            "maj",
            "col",
            "sen",
            "rep",
            "dr",
            "mr",
            "mrs",
            "ms",
        }:
            i += 1
        else:
            break
    return i
