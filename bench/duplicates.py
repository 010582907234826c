"""Actors held by two or more nodes after ingesting a corpus, without and with resolution at ingest.

    python bench/duplicates.py examples/articles
    python bench/duplicates.py ../shared/eval/dev/*.txt --out bench/results/duplicates-dev.json

Articles are extracted once, then ingested into two fresh embedded stores: `resolve=False` (plain
`store.upsert`, the baseline) and through `graph.resolve.ingest`. Reported for each:

* `pairs`: pairs listed by `kg duplicates` (graph/duplicates.py), all scores and score >= 80;
* where gold graphs sit beside the texts (`NAME.gold.json`): `split_actors`, the real-world actors held
  by two or more nodes, and `joined_actors`, the nodes that hold two or more actors (wrong joins). Gold
  entities of all articles are grouped into actors (one kind group) by a shared *proper* name: the
  "protesters" of two articles are two crowds, not one actor. A node holds an actor when one of its names
  is the actor's name in an article the node comes from. Kind groups: person and bodies together (a
  surname read as an organisation is a split), countries, places.
Only counts and names are written; no article text.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.duplicates import find_duplicates  # noqa: E402
from graph.ids import is_article_scoped  # noqa: E402
from graph.model import Entity, Extraction, normalize_name  # noqa: E402
from graph.names import phonetic_key  # noqa: E402
from graph.resolve import Resolver, ingest  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402

GROUP = {"person": "actor", "organization": "actor", "armed_group": "actor", "group": "actor"}


def kind_group(kind: str) -> str:
    return GROUP.get(kind, kind)


@dataclass
class Actor:
    """One real-world actor of the gold files: its kind group, display name, and per article the
    normalised names it goes by there."""

    group: str
    name: str
    names: dict[str, set[str]] = field(default_factory=dict)  # article id -> normalised names

    def all_names(self) -> set[str]:
        return set().union(*self.names.values())


def proper_names(names: list[str]) -> set[str]:
    """The names written with a capital: only these identify an actor across articles. "protesters",
    "demonstrators" or "terrorists" of two articles are as many crowds as articles (Armenian protesters,
    Venezuelan protesters, supporters of a junta)."""
    return {normalize_name(n) for n in names if any(ch.isupper() for ch in n)} - {""}


def gold_actors(texts: list[Path], article_ids: dict[str, str]) -> list[Actor]:
    """The real-world actors of the gold files, grouped across articles by a shared proper name."""
    groups: list[tuple[Actor, set[str]]] = []  # actor, its proper names
    for txt in texts:
        gold = txt.with_name(txt.name.removesuffix(".txt") + ".gold.json")
        aid = article_ids.get(str(txt))
        if not gold.exists() or aid is None:
            continue
        for e in json.loads(gold.read_text(encoding="utf-8"))["entities"]:
            written = [e["name"], *e.get("aliases", [])]
            keys = {normalize_name(n) for n in written} - {""}
            g, own, proper = kind_group(e["kind"]), normalize_name(e["name"]), proper_names(written)
            # One actor across articles when one's own (proper) name is a name of the other (shared
            # loose aliases such as "government" do not join two countries), or the same proper name
            # spelt another way by the annotators ("al-Shabab" / "al-Shabaab": one phonetic key).
            spelt = phonetic_key(e["name"]) if own in proper else None
            hit = [
                (a, p)
                for a, p in groups
                if a.group == g
                and (
                    (own in p and own in proper)
                    or normalize_name(a.name) in proper
                    or (spelt is not None and spelt == phonetic_key(a.name) and normalize_name(a.name) in p)
                )
            ]
            actor = hit[0][0] if hit else Actor(g, e["name"])
            for other, p in hit[1:]:
                for art, names in other.names.items():
                    actor.names.setdefault(art, set()).update(names)
                proper |= p
            groups = [(a, p) for a, p in groups if all(a is not h for h, _ in hit)]
            actor.names.setdefault(aid, set()).update(keys)
            groups.append((actor, proper | (hit[0][1] if hit else set())))
    return [a for a, _ in groups]


def holds(e: Entity, actor: Actor) -> bool:
    """The node stands for the actor: one of its names is the actor's name in an article it comes from."""
    names = {normalize_name(n) for n in (e.name, *e.aliases)}
    return any(names & actor.names.get(art, set()) for art in e.article_ids)


def actor_nodes(store: EmbeddedStore, actors: list[Actor]) -> list[tuple[Actor, list[str]]]:
    """Each actor with the nodes that hold it."""
    ents = [h.entity for h in store.search_entities(None, None, limit=1_000_000).items]
    by_key: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in ents:
        for n in {normalize_name(n) for n in (e.name, *e.aliases)}:
            by_key[(kind_group(e.kind), n)].append(e)
    out = []
    for actor in actors:
        cands = {e.id: e for k in actor.all_names() for e in by_key.get((actor.group, k), [])}
        out.append((actor, sorted(node_label(e) for e in cands.values() if holds(e, actor))))
    return out


def node_label(e: Entity) -> str:
    """Name and kind; an article's own crowd (`group:protesters@...`) also shows its id, so two
    articles' "terrorists" are two nodes here as in the store."""
    label = f"{e.name} [{e.kind}]"
    return f"{label} {e.id}" if is_article_scoped(e.id) else label


def split_actors(held: list[tuple[Actor, list[str]]]) -> list[dict[str, Any]]:
    """Actors held by two or more nodes."""
    return [{"actor": a.name, "nodes": nodes} for a, nodes in held if len(nodes) >= 2]


def joined_actors(held: list[tuple[Actor, list[str]]]) -> list[dict[str, Any]]:
    """Nodes that hold two or more actors: wrong joins (by resolution, or by one name in two articles)."""
    by_node: dict[str, list[str]] = defaultdict(list)
    for a, nodes in held:
        for n in nodes:
            by_node[n].append(a.name)
    return [{"node": n, "actors": sorted(a)} for n, a in sorted(by_node.items()) if len(a) >= 2]


def measure(extractions: list[Extraction], resolve: bool, actors: list[Actor]) -> dict[str, Any]:
    store = EmbeddedStore(None)
    if resolve:
        ingest(store, extractions, resolver=Resolver(store))
    else:
        store.upsert(extractions)
    pairs = find_duplicates(store)
    stats = store.stats()
    result: dict[str, Any] = {
        "entities": stats.entities,
        "events": stats.events,
        "pairs": len(pairs),
        "pairs_80": sum(1 for p in pairs if p.score >= 80),
        "pair_list": [f"{p.score:.0f} {p.keep.name} <- {p.drop.name} ({p.reason})" for p in pairs],
    }
    if actors:
        held = actor_nodes(store, actors)
        split, joined = split_actors(held), joined_actors(held)
        result["split_actors"] = len(split)
        result["joined_actors"] = len(joined)
        result["split_list"] = split
        result["joined_list"] = joined
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from loaders.pipeline import Extractor
    from loaders.readers import read_paths
    from loaders.source import SourceArticle

    items = list(read_paths(args.paths, max_bytes=10_000_000))
    sources = [i for i in items if isinstance(i, SourceArticle)]
    ready = [i for i in items if isinstance(i, Extraction)]
    extractions = ready + list(Extractor().extract_many(sources))
    texts = [Path(p) for p in args.paths if p.endswith(".txt")]
    actors = gold_actors(texts, {s.path: s.article.id for s in sources if s.path})
    report = {
        "articles": len(extractions),
        "baseline (store.upsert)": measure(extractions, False, actors),
        "resolved (graph.resolve.ingest)": measure(extractions, True, actors),
    }
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
