"""Ablation of extraction's rule families on the check sets (dev tune / held, news A / B by default;
news2 and news3 A / B with `--sets`).

    .venv/bin/python bench/ablation.py                       # every family, all four sets
    .venv/bin/python bench/ablation.py --only pat: rel:       # variants whose name starts so
    .venv/bin/python bench/ablation.py --patterns             # also one variant per relation pattern
    .venv/bin/python bench/ablation.py --triggers --only trig: # one variant per event trigger word

Each article is parsed once (the pipeline with its registered components); every variant then re-runs
`loaders.pipeline.extract` (the function `kg extract`, and so `score.py`'s command, runs) on that parse
with one family switched off, and is scored by ../shared/eval/score.py (`--pred`). The `base` variant is
what `bash scripts/eval.sh` scores. A family whose gain is on `tune` (or news A, the halves rules are
written from) only, and none on held + news B, fits the text it was written from, not news.

Families: `rel:*` the procedural relation finders (loaders/relations), `pat:*` one pattern file of
loaders/data/patterns/relations (`pid:*` one pattern), `trig:*` one event trigger word, `offices`, `capitals`, `learned` (the classifier off; `learned@t` at threshold t),
`type:*` every relation of one type dropped from the output, `event:*` every event of one type dropped.
Results: `out/ablation/summary.json` and a table on standard output (F1 differences against `base`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import loaders.pipeline as pipeline  # noqa: E402
import loaders.relations as relations  # noqa: E402
from graph.settings import get_settings  # noqa: E402
from loaders.events.lexicon import TRIGGERS_BY_TYPE  # noqa: E402
from loaders.events.triggers import SPAN_KEY  # noqa: E402
from loaders.readers import read_one  # noqa: E402
from loaders.relations.patterns import load_patterns  # noqa: E402

log = logging.getLogger("bench.ablation")
DEV = ROOT.parent / "shared" / "eval" / "dev"
SETS = {
    "tune": (DEV, ROOT / "bench" / "dev-split.json", "tune"),
    "held": (DEV, ROOT / "bench" / "dev-split.json", "held"),
    "newsA": (ROOT / "bench" / "news", ROOT / "bench" / "news" / "split.json", "A"),
    "newsB": (ROOT / "bench" / "news", ROOT / "bench" / "news" / "split.json", "B"),
    **{
        f"{n}{h}": (ROOT / "bench" / n, ROOT / "bench" / n / "split.json", h)
        for n in ("news2", "news3")
        for h in "AB"
    },
}
REL_TYPES = [
    "ALLIED_WITH", "SUPPORTS", "OPPOSES", "CONDEMNED", "ACCUSED", "STRUCK",
    "SPOKE_WITH", "MET_WITH", "THREATENED", "AFFILIATED_WITH", "LOCATED_IN", "CONTROLS",
]  # fmt: skip
EVENT_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
Parsed = tuple[Any, Any, Any, list[tuple[int, int]]]  # doc, article, gazetteer, captions


def _nothing(*_args: Any, **_kw: Any) -> list[Any]:
    return []


@contextlib.contextmanager
def _patched(module: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    get_settings.cache_clear()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old
        get_settings.cache_clear()


def _run(
    parsed: Parsed, keep: Callable[[str], bool] = lambda _p: True, trigger: str | None = None
) -> dict[str, Any]:
    """`extract` on a parse, with the relation pattern matches `keep` refuses and the event trigger spans
    of the word `trigger` (lemma or form) left out."""
    doc, article, gaz, captions = parsed
    matches = doc._.relation_matches
    spans = list(doc.spans[SPAN_KEY])
    doc._.relation_matches = [m for m in matches if keep(m[0])]
    if trigger is not None:
        doc.spans[SPAN_KEY] = [s for s in spans if trigger not in {s.root.lemma_, s.root.lower_}]
    try:
        result = pipeline.extract(doc, article, gaz, captions)
    finally:
        doc._.relation_matches = matches
        doc.spans[SPAN_KEY] = spans
    return result.model_dump(mode="json", exclude_none=True)


def variants(patterns: bool, triggers: bool) -> dict[str, Callable[[Parsed], dict[str, Any]]]:
    """Each variant: a function from a parse to the extraction with one family off."""
    out: dict[str, Callable[[Parsed], dict[str, Any]]] = {"base": _run}

    def off(module: Any, name: str) -> Callable[[Parsed], dict[str, Any]]:
        def run(p: Parsed) -> dict[str, Any]:
            with _patched(module, name, _nothing):
                return _run(p)

        return run

    for fam, fn in [
        ("verbs", "verb_relations"),
        ("nouns", "nominal_relations"),
        ("conflicts", "conflict_relations"),
        ("places", "place_relations"),
    ]:
        out[f"rel:{fam}"] = off(relations, fn)
    out["offices"] = off(pipeline, "office_affiliations")
    out["capitals"] = off(pipeline, "capital_relations")

    def no_learned(p: Parsed) -> dict[str, Any]:
        with _env("KG_LEARNED_RELATIONS", "0"):
            return _run(p)

    out["learned"] = no_learned
    for t in ("0.5", "0.7", "0.8"):  # the classifier's threshold (the weights' own is 0.6)

        def at(p: Parsed, t: str = t) -> dict[str, Any]:
            with _env("KG_LEARNED_THRESHOLD", t):
                return _run(p)

        out[f"learned@{t}"] = at
    specs = [spec for spec, _ in load_patterns()]
    for fam in sorted({s.id.split("/")[0] for s in specs}):
        out[f"pat:{fam}"] = lambda p, f=fam: _run(p, lambda pid: not pid.startswith(f + "/"))
    if triggers:
        for etype, ws in sorted(TRIGGERS_BY_TYPE.items()):
            for w in sorted(ws):
                out[f"trig:{etype}/{w}"] = lambda p, w=w: _run(p, trigger=w)
    if patterns:
        for s in specs:
            out[f"pid:{s.id}"] = lambda p, i=s.id: _run(p, lambda pid: pid != i)
    return out


def drop_type(pred: dict[str, Any], key: str, etype: str) -> dict[str, Any]:
    """The prediction without its relations (or events) of one type."""
    return {**pred, key: [x for x in pred[key] if x["type"] != etype]}


def score(corpus: Path, folder: Path) -> dict[str, float]:
    run = subprocess.run(
        [
            sys.executable,
            str(DEV.parent / "score.py"),
            "--corpus",
            str(corpus),
            "--pred",
            str(folder),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(run.stdout.rsplit("\n", 2)[0])  # the JSON, then a summary line
    return {k: round(float(summary[k]["f1"]), 3) for k in ("entities", "relations", "events")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", default=["tune", "held", "newsA", "newsB"], choices=list(SETS))
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        help="variant name prefixes to run (base always; `--only base`: base alone)",
    )
    parser.add_argument("--patterns", action="store_true", help="also one variant per relation pattern")
    parser.add_argument("--triggers", action="store_true", help="also one variant per event trigger word")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "ablation")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ex = pipeline.Extractor()
    runs = variants(args.patterns, args.triggers)
    if args.only:
        runs = {k: v for k, v in runs.items() if k == "base" or k.startswith(tuple(args.only))}
    want_types = not args.only or any(o.startswith(("type:", "event:")) for o in args.only)
    table: dict[str, dict[str, dict[str, float]]] = {}
    for set_name in args.sets:
        corpus, split_file, half = SETS[set_name]
        ids = json.loads(split_file.read_text())[half]
        gold = args.out / set_name / "corpus"
        gold.mkdir(parents=True, exist_ok=True)
        preds: dict[str, dict[str, dict[str, Any]]] = {v: {} for v in runs}
        for name in ids:
            for suffix in (".txt", ".meta.json", ".gold.json"):
                link = gold / f"{name}{suffix}"
                if not link.exists():
                    link.symlink_to((corpus / f"{name}{suffix}").resolve())
            src = read_one(
                str(corpus / f"{name}.txt"),
                str(corpus / f"{name}.meta.json"),
                max_bytes=get_settings().max_article_bytes,
            )
            text, captions = pipeline.prepare(src)
            parsed: Parsed = (ex.nlp(text), src.article, ex.gaz, captions)
            for variant, run in runs.items():
                preds[variant][name] = run(parsed)
        if want_types:
            for t in REL_TYPES:
                preds[f"type:{t}"] = {n: drop_type(p, "relations", t) for n, p in preds["base"].items()}
            for t in EVENT_TYPES:
                preds[f"event:{t}"] = {n: drop_type(p, "events", t) for n, p in preds["base"].items()}
        for variant, by_article in preds.items():
            folder = args.out / set_name / variant.replace(":", "_").replace("/", "_")
            folder.mkdir(parents=True, exist_ok=True)
            for name, pred in by_article.items():
                (folder / f"{name}.json").write_text(json.dumps(pred), encoding="utf-8")
            table.setdefault(variant, {})[set_name] = score(gold, folder)
        log.info("%s: base %s", set_name, table["base"][set_name])
    (args.out / "summary.json").write_text(json.dumps(table, indent=1), encoding="utf-8")
    print_table(table, args.sets)


def print_table(table: dict[str, dict[str, dict[str, float]]], sets: list[str]) -> None:
    """F1 rel / ev of base, then each variant's change against base (negative: the family helps)."""
    head = "variant".ljust(34) + "".join(f"{s:>16}" for s in sets)
    print(head + "    (relations / events; variants: off minus base)")
    for variant, by_set in table.items():
        cells = []
        for s in sets:
            v, b = by_set[s], table["base"][s]
            if variant == "base":
                cells.append(f"{v['relations']:.3f}/{v['events']:.3f}")
            else:
                cells.append(f"{v['relations'] - b['relations']:+.3f}/{v['events'] - b['events']:+.3f}")
        ent = [by_set[s]["entities"] - table["base"][s]["entities"] for s in sets]
        flag = "  ent " + " ".join(f"{e:+.3f}" for e in ent) if any(ent) and variant != "base" else ""
        print(variant.ljust(34) + "".join(f"{c:>16}" for c in cells) + flag)


if __name__ == "__main__":
    main()
