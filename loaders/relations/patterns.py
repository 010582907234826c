"""Relation patterns as data: a registered spaCy component runs them inside `nlp.pipe`.

Every `loaders/data/patterns/relations/*.json` file holds one construction family as DependencyMatcher
patterns. The component `actorgraph_relation_patterns` matches them and writes `doc._.relation_matches`:
one `PatternMatch` per match, with the token of each named node. Entities are known only after the
pipeline (loaders.entities), so `pattern_relations` turns matches into relations later, by the node names:

- `source`, `target`: noun phrases whose entities are the two ends (`actors_of`: "the US-led strikes"
  stands for the US);
- `act`: an act noun ("the strike"); with no `target` node its agent is the target ("condemned the
  strike" -> CONDEMNED whoever struck), with no `source` node its agent is the source;
- `group`: coordinated actors related pairwise ("the warring A and B");
- no `source` node: the subject of the trigger's clause, or the speaker when the clause is reported
  speech ("X said the attack was an act of aggression");
- option `"source_alone": true`: the `source` node's own entity only, not its conjuncts ("A, who is the
  chairman of B, and C": the relative clause is A's);
- option `"own_clause": true`: a noun phrase with its own agent, kept under a denial of the clause
  around it ("Y rejected X's accusation that Y ...");
- options `"source_kinds"` / `"target_kinds"`: the entity kinds an end may have, where the type's
  defaults (relation_kinds) do not fit ("A joined B": a country may join an alliance);
- option `"carried_out": true`: no match under a modal, a plan or a promise ("will sign a deal with B");
- option `"subject_target": true`: the clause subject is the target and `source` the source ("B
  receives arms from A", "B, with the support of A, took the town"); with `"subject_owner": true` a
  subject that names no actor stands for its possessor ("B's decision drew a warning from A").

A value `"@name"` inside a pattern stands for the lexicon list `name` (loaders/data/relations/lexicon.json),
so word lists live in one place.

Speed: the DependencyMatcher's token tests (`{"IN": [...]}` lists) cost Python calls at every token, so
the component gives it only the runs of sentences where some pattern could match (`prefilter`: the
pattern's node tests and `>` links, read from plain token attributes); a pattern's nodes all lie in one
parse tree, so the matches are the ones the matcher finds over the whole doc.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from loaders.relations.lexicon import DATA, words
from loaders.relations.prefilter import SentenceFilter

PATTERN_DIR = DATA.parent / "patterns" / "relations"
COMPONENT = "actorgraph_relation_patterns"
# What the patterns read (words come with the tokens): the columns a sentence's copy needs.
PARSE_ATTRS = (POS, TAG, LEMMA, HEAD, DEP)


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One match: the pattern's id and relation type, the token index of each named node, its options."""

    pattern: str
    type: str
    nodes: dict[str, int]
    options: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """A pattern's id, its relation type, its node names in order, and its options."""

    id: str
    type: str
    names: tuple[str, ...]
    options: dict[str, Any]


def _expand(value: Any) -> Any:
    """Replace "@list" references by the lexicon's word list."""
    if isinstance(value, str) and value.startswith("@"):
        return sorted(words(value[1:]))
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


def load_patterns(folder: Path = PATTERN_DIR) -> list[tuple[PatternSpec, list[dict[str, Any]]]]:
    """Every pattern of the folder's JSON files, with lexicon references expanded."""
    out = []
    for path in sorted(folder.glob("*.json")):
        family = json.loads(path.read_text(encoding="utf-8"))
        for p in family["patterns"]:
            nodes = _expand(p["pattern"])
            opts = {k: v for k, v in p.items() if k not in {"id", "type", "pattern"}}
            spec = PatternSpec(f"{path.stem}/{p['id']}", p["type"], tuple(n["RIGHT_ID"] for n in nodes), opts)
            out.append((spec, nodes))
    return out


class RelationPatterns:
    """The pipeline component: DependencyMatcher over the relation patterns -> doc._.relation_matches."""

    def __init__(self, vocab: Vocab, name: str = COMPONENT) -> None:
        self.name = name
        self.vocab = vocab
        self.specs: dict[str, PatternSpec] = {}
        self.order: dict[str, int] = {}  # the DependencyMatcher reports matches pattern by pattern
        # one matcher per pattern: a sentence is matched only with the patterns the filter let through
        self.matchers: list[DependencyMatcher] = []
        patterns = load_patterns()
        for spec, nodes in patterns:
            self.matchers.append(DependencyMatcher(vocab, validate=True))
            self.matchers[-1].add(spec.id, [nodes])
            self.specs[spec.id] = spec
            self.order[spec.id] = len(self.order)
        self.sentences = SentenceFilter([nodes for _, nodes in patterns], vocab)
        if not Doc.has_extension("relation_matches"):
            Doc.set_extension("relation_matches", default=None)

    def __call__(self, doc: Doc) -> Doc:
        # plain lists and dicts, so docs still travel between nlp.pipe worker processes (msgpack)
        found: list[list[Any]] = []
        runs = self.sentences.runs(doc)
        array = doc.to_array(list(PARSE_ATTRS)) if runs else None
        for run, possible in runs:
            # the doc's arrays are read once for all runs (documented arguments, missing in spaCy's stub)
            part = run.as_doc(array_head=PARSE_ATTRS, array=array)  # type: ignore[call-arg]
            for k in possible:
                for match_id, token_ids in self.matchers[k](part):
                    spec = self.specs[doc.vocab.strings[match_id]]
                    nodes = {n: i + run.start for n, i in zip(spec.names, token_ids, strict=True)}
                    found.append([spec.id, nodes])
        # the order the DependencyMatcher gives over the whole doc (pattern by pattern), then by position
        found.sort(key=lambda m: (min(m[1].values()), self.order[m[0]]))
        doc._.relation_matches = found
        return doc

    def read(self, doc: Doc) -> list[PatternMatch]:
        """The doc's matches (as written by this component) with their patterns' types and options."""
        out = []
        for pattern, nodes in doc._.relation_matches or []:
            spec = self.specs[pattern]
            out.append(PatternMatch(pattern, spec.type, {k: int(v) for k, v in nodes.items()}, spec.options))
        return out


@Language.factory(COMPONENT)
def make_relation_patterns(nlp: Language, name: str) -> RelationPatterns:
    """Registered so `nlp.add_pipe("actorgraph_relation_patterns")` runs relation patterns in `nlp.pipe`."""
    return RelationPatterns(nlp.vocab, name)
