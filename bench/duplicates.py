"""Actors held by two or more nodes after ingesting a corpus, without and with resolution at ingest.

    python bench/duplicates.py examples/articles
    python bench/duplicates.py ../shared/eval/dev/*.txt --out bench/results/duplicates-dev.json

Articles are extracted once, then ingested into two fresh embedded stores: `resolve=False` (plain
`store.upsert`, the baseline) and through `graph.resolve.ingest`. Reported for each:

* `pairs`: pairs listed by `kg duplicates` (graph/duplicates.py), all scores and score >= 80;
* where gold graphs sit beside the texts (`NAME.gold.json`): `split_actors`, the real-world actors held
  by two or more nodes. Gold entities of all articles are grouped into actors (one kind group, a shared
  name or alias); a node holds an actor when its name is one of the actor's names. Kind groups: person
  and bodies together (a surname read as an organisation is a split), countries, places.
Only counts and names are written; no article text.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.duplicates import find_duplicates  # noqa: E402
from graph.model import Extraction, normalize_name  # noqa: E402
from graph.resolve import Resolver, ingest  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402

GROUP = {"person": "actor", "organization": "actor", "armed_group": "actor", "group": "actor"}


def kind_group(kind: str) -> str:
    return GROUP.get(kind, kind)


def gold_actors(texts: list[Path]) -> list[tuple[str, str, set[str]]]:
    """(kind group, display name, normalised names) per real-world actor across the gold files."""
    groups: list[tuple[str, str, set[str]]] = []
    for txt in texts:
        gold = txt.with_name(txt.name.removesuffix(".txt") + ".gold.json")
        if not gold.exists():
            continue
        for e in json.loads(gold.read_text(encoding="utf-8"))["entities"]:
            keys = {normalize_name(n) for n in (e["name"], *e.get("aliases", []))} - {""}
            g, own = kind_group(e["kind"]), normalize_name(e["name"])
            # One actor across articles when one's name is a name of the other (shared loose aliases
            # such as "government" do not join two countries).
            hit = [x for x in groups if x[0] == g and (own in x[2] or normalize_name(x[1]) in keys)]
            for x in hit:
                groups.remove(x)
                keys |= x[2]
            groups.append((g, hit[0][1] if hit else e["name"], keys))
    return groups


def split_actors(store: EmbeddedStore, actors: list[tuple[str, str, set[str]]]) -> list[dict[str, Any]]:
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for hit in store.search_entities(None, None, limit=1_000_000).items:
        e = hit.entity
        by_name[(kind_group(e.kind), normalize_name(e.name))].add(f"{e.name} [{e.kind}]")
    out = []
    for g, name, keys in actors:
        nodes = sorted(set().union(*(by_name.get((g, k), set()) for k in keys)))
        if len(nodes) >= 2:
            out.append({"actor": name, "nodes": nodes})
    return out


def measure(
    extractions: list[Extraction], resolve: bool, actors: list[tuple[str, str, set[str]]]
) -> dict[str, Any]:
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
        split = split_actors(store, actors)
        result["split_actors"] = len(split)
        result["split_list"] = split
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
    actors = gold_actors(texts)
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
