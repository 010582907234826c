"""The fast paths of the matching components find what spaCy's plain matchers find, on sentences of our own.

The relation component matches only in sentences a pattern's tree could match (loaders/relations/
prefilter.py) and the trigger component uses PhraseMatchers: a filter that dropped one sentence too many,
or a lookup that read another attribute, would silently lose relations and events.
"""

from __future__ import annotations

from typing import Any

from spacy.matcher import DependencyMatcher, Matcher

from loaders.events.lexicon import TRIGGERS_BY_TYPE
from loaders.events.triggers import build_matchers, match_triggers
from loaders.pipeline import load_nlp
from loaders.relations.patterns import COMPONENT, load_patterns
from loaders.relations.prefilter import SentenceFilter

# Each sentence is matched by a pattern anchored on a part of speech, not on a word (the filter must
# reach it through the pattern's word nodes below the anchor), between sentences that match nothing.
TEXT = (
    "The weather was mild on Tuesday. "
    "Chadian soldiers fought alongside French troops near the border. "
    "Nobody expected the vote to pass. "
    "Thousands of people marched in support of the governor. "
    "Kelmora, a port in Estonia, was calm. "
    "The warring Nuer and Dinka militias met in a village. "
    "The bridge was repaired last year."
)
ANCHORED_ON_A_TAG = {
    "alliances/fight-alongside",
    "contacts/in-support-of",
    "places/appos-in",
    "conflicts/warring-pair",
}


def reference_matches(doc: Any) -> list[list[Any]]:
    """spaCy's DependencyMatcher with every pattern over the whole doc, in the component's order."""
    matcher = DependencyMatcher(doc.vocab)
    names = {}
    for spec, nodes in load_patterns():
        matcher.add(spec.id, [nodes])
        names[spec.id] = spec.names
    found = []
    for match_id, token_ids in matcher(doc):
        pattern = doc.vocab.strings[match_id]
        found.append([pattern, dict(zip(names[pattern], token_ids, strict=True))])
    found.sort(key=lambda m: min(m[1].values()))
    return found


def test_prefiltered_relation_matches_are_the_plain_matchers() -> None:
    nlp = load_nlp()
    doc = nlp(TEXT)
    expected = reference_matches(doc)
    assert {pattern for pattern, _ in expected} >= ANCHORED_ON_A_TAG  # the sentences do what they are for
    assert doc._.relation_matches == expected


def test_filter_skips_sentences_no_pattern_can_match() -> None:
    nlp = load_nlp()
    doc = nlp(TEXT)
    runs = nlp.get_pipe(COMPONENT).sentences.runs(doc)
    covered = " ".join(run.text for run, _ in runs)
    assert "fought alongside" in covered and "in support of" in covered
    assert "weather" not in covered and "bridge" not in covered and "expected" not in covered


def test_filter_keeps_sentences_for_what_it_cannot_test() -> None:
    """Operators and predicates the filter does not read (here `>>`, NOT_IN, REGEX) only keep sentences."""
    nlp = load_nlp()
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "LEMMA": {"NOT_IN": ["be", "have"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "far", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^bord"}}},
    ]
    doc = nlp(TEXT)
    matcher = DependencyMatcher(nlp.vocab)
    matcher.add("far", [pattern])
    matched = {doc[ids[0]].sent.start for _, ids in matcher(doc)}
    assert matched  # "fought ... near the border"
    kept = {sent.start for run, _ in SentenceFilter([pattern], nlp.vocab).runs(doc) for sent in run.sents}
    assert matched <= kept


def test_trigger_phrase_matchers_are_the_token_matcher() -> None:
    """Same tokens, same types as `{"LEMMA": {"IN": words}}` / `{"LOWER": {"IN": words}}`, lemma first."""
    nlp = load_nlp()
    doc = nlp(
        "Rebels attacked the airport and shelled two villages. The ministry condemned the strikes, "
        "and the envoys met in Geneva for talks. Officials said they would impose sanctions."
    )
    matcher = Matcher(nlp.vocab)
    for etype, ws in sorted(TRIGGERS_BY_TYPE.items()):
        matcher.add(f"{etype}|0", [[{"LEMMA": {"IN": sorted(ws)}}]])
        matcher.add(f"{etype}|1", [[{"LOWER": {"IN": sorted(ws)}}]])
    expected: dict[int, tuple[int, str]] = {}
    for match_id, start, _ in matcher(doc):
        etype, rank = doc.vocab.strings[match_id].split("|")
        if start not in expected or (int(rank), etype) < expected[start]:
            expected[start] = (int(rank), etype)
    got = [(s.start, s.label_) for s in match_triggers(build_matchers(nlp.vocab), doc)]
    assert len(got) >= 5
    assert got == [(i, etype) for i, (_, etype) in sorted(expected.items())]
    assert [(s.start, s.label_) for s in doc.spans["event_triggers"]] == got
