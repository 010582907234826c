"""Which sentences could match a DependencyMatcher pattern: a cheap necessary test, run before the matcher.

spaCy's DependencyMatcher first runs a token `Matcher` with every node of every pattern, and each
`{"IN": [...]}` there is a Python predicate called for every token: with the relation patterns that is
most of the component's time, in every sentence. Most sentences cannot match any pattern, and that can be
seen from plain attribute lookups: a pattern matches only where a token satisfies its root node and, for
each child node, has a child token satisfying that node, and so on down the pattern's tree.

`SentenceFilter` tests exactly that (attributes equal or `IN` a list, and the `>` relation), and treats
anything else in a pattern (other operators, `NOT_IN`, regular expressions, other attributes) as always
true, so it can only keep too many sentences, never drop one the matcher would match in.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.attrs import HEAD, IDS, SENT_START
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# Token attributes the test reads, as the Matcher names them (TEXT is ORTH there too).
TESTED = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "LEMMA": "LEMMA", "POS": "POS"}
TESTED |= {"TAG": "TAG", "DEP": "DEP"}

Constraint = tuple[str, frozenset[int]]  # an attribute and the values (string ids) it may take


def constraints(attrs: dict[str, Any], vocab: Vocab) -> tuple[Constraint, ...]:
    """The parts of a node's attributes the filter can test: equality or `IN`, on attributes it reads."""
    out = []
    for name, value in attrs.items():
        if name not in TESTED:
            continue
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            values = value["IN"]
        else:
            continue  # NOT_IN, REGEX, comparisons, numbers: not tested
        if all(isinstance(v, str) for v in values):
            # the ids `Doc.to_array` gives (symbols such as "VERB" or "nsubj" included)
            out.append((TESTED[name], frozenset(vocab.strings[v] for v in values)))
    return tuple(sorted(out))


class PatternTree:
    """One pattern as a tree of node tests: the root's index and each node's tests and `>` children."""

    def __init__(self, nodes: list[dict[str, Any]], vocab: Vocab) -> None:
        ids = {n["RIGHT_ID"]: k for k, n in enumerate(nodes)}
        self.tests = [constraints(n["RIGHT_ATTRS"], vocab) for n in nodes]
        self.children: list[list[int]] = [[] for _ in nodes]
        self.root = 0
        for k, n in enumerate(nodes):
            if "LEFT_ID" not in n:
                self.root = k
            elif n["REL_OP"] == ">":  # other operators are not tested
                self.children[ids[n["LEFT_ID"]]].append(k)


class SentenceFilter:
    """The sentences of a doc where at least one of the patterns could match."""

    def __init__(self, patterns: list[list[dict[str, Any]]], vocab: Vocab) -> None:
        self.trees = [PatternTree(nodes, vocab) for nodes in patterns]
        self.attrs = sorted({name for tree in self.trees for test in tree.tests for name, _ in test})
        self.columns = [IDS[name] for name in self.attrs] + [HEAD]
        # Speed: a constraint no token of the doc meets leaves every tree that tests it (on a node the `>`
        # links reach) no token, and most trees end there. So each distinct constraint gets a number, each
        # tree the numbers it needs, and a doc's unmet numbers rule trees out before any token index is built.
        self.distinct = sorted({c for tree in self.trees for test in tree.tests for c in test})
        number = {c: n for n, c in enumerate(self.distinct)}
        self.needs = [
            frozenset(number[c] for k in _reached(tree) for c in tree.tests[k]) for tree in self.trees
        ]

    def possible_roots(self, doc: Doc) -> list[set[int]]:
        """For each pattern, the tokens that satisfy its root node with its whole tree of `>` children."""
        array = doc.to_array(self.columns)
        table = dict(zip(self.attrs, array[:, :-1].T.tolist(), strict=True))
        present = {name: set(column) for name, column in table.items()}
        unmet = {n for n, (name, values) in enumerate(self.distinct) if values.isdisjoint(present[name])}
        index: dict[str, dict[int, set[int]]] = {}  # an attribute -> its values' tokens, built when asked
        heads = [i + offset for i, offset in enumerate(array[:, -1].astype("int64").tolist())]  # offsets
        cache: dict[Constraint, set[int]] = {}

        def satisfying(test: tuple[Constraint, ...]) -> set[int] | None:  # None: any token
            found: set[int] | None = None
            for c in test:
                if c not in cache:
                    if c[0] not in index:  # the attribute's first test in this doc: index its values
                        by_value: dict[int, set[int]] = {}
                        for i, value in enumerate(table[c[0]]):
                            by_value.setdefault(value, set()).add(i)
                        index[c[0]] = by_value
                    by_value = index[c[0]]
                    cache[c] = set().union(*(by_value[v] for v in c[1] & present[c[0]]))
                found = cache[c] if found is None else found & cache[c]
            return found

        def ok(tree: PatternTree, k: int) -> set[int] | None:
            found = satisfying(tree.tests[k])
            if found is not None and not found:
                return found  # no token for this node: its children need not be looked at
            for child in tree.children[k]:
                below = ok(tree, child)
                if below is None:
                    continue  # nothing tested below: any token with children would do
                parents = {heads[t] for t in below if heads[t] != t}
                found = parents if found is None else found & parents
                if not found:
                    return found
            return found

        everywhere = set(range(len(doc)))
        out: list[set[int]] = []
        for tree, needs in zip(self.trees, self.needs, strict=True):
            if not unmet.isdisjoint(needs):
                out.append(set())  # what `ok` finds too, at the node no token meets
            else:
                out.append(everywhere if (found := ok(tree, tree.root)) is None else found)
        return out

    def runs(self, doc: Doc) -> list[tuple[Span, list[int]]]:
        """Runs of consecutive sentences where some pattern could match, each with those patterns' indices."""
        roots = self.possible_roots(doc) if len(doc) else []
        if not any(roots):
            return []
        # sentence starts as `doc.sents` finds them (a token with sent_start 1), without making the spans
        flags = doc.to_array([SENT_START]).tolist()
        starts = [0, *(i for i in range(1, len(doc)) if flags[i] == 1)]
        sent_of: dict[int, list[int]] = {}  # a sentence's index -> the patterns possible in it
        for k, found in enumerate(roots):
            for j in {bisect_right(starts, i) - 1 for i in found}:
                sent_of.setdefault(j, []).append(k)
        out: list[tuple[Span, list[int]]] = []
        last = -2
        for j in sorted(sent_of):
            end = starts[j + 1] if j + 1 < len(starts) else len(doc)
            if j == last + 1:  # one copy of the arrays for the whole run
                run, patterns = out[-1]
                out[-1] = (doc[run.start : end], sorted({*patterns, *sent_of[j]}))
            else:
                out.append((doc[starts[j] : end], sent_of[j]))
            last = j
        return out


def _reached(tree: PatternTree) -> list[int]:
    """The nodes the `>` links reach from the root: the ones `possible_roots` tests."""
    out, todo = [], [tree.root]
    while todo:
        k = todo.pop()
        out.append(k)
        todo += tree.children[k]
    return out
