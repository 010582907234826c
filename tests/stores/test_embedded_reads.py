"""Embedded reads: pooled connections follow every committed write; paths come out in order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph.model import Extraction
from graph.stores.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[2]


def extraction(url: str, pairs: list[tuple[str, str, str]]) -> Extraction:
    names = sorted({n for s, _, t in pairs for n in (s, t)})
    return Extraction.model_validate(
        {
            "article": {"url": url, "published": "2024-02-03"},
            "entities": [{"name": n, "kind": "organization"} for n in names],
            "relations": [
                {"source": s, "type": rtype, "target": t, "evidence": f"{s} and {t} were linked."}
                for s, rtype, t in pairs
            ],
        }
    )


def test_first_paths_are_the_first_of_all_shortest_paths(tmp_path: Path) -> None:
    # Alpha reaches Omega through four middles, each joined to Omega by two relation types: eight
    # shortest paths of two hops, so a limit of three must give the three smallest, in order.
    pairs = [("Alpha Group", "SUPPORTS", f"Middle {i}") for i in (4, 2, 3, 1)]
    pairs += [(f"Middle {i}", t, "Omega Group") for i in (3, 1, 4, 2) for t in ("OPPOSES", "ACCUSED")]
    store = EmbeddedStore(tmp_path / "graph.json")
    try:
        store.upsert([extraction("https://example.org/paths", pairs)])
        every = store.shortest_paths("organization:alpha-group", "organization:omega-group", limit=100)
        assert len(every) == 8
        keys = [([e.id for e in p.entities], [r.id for r in p.relations]) for p in every]
        assert keys == sorted(keys)
        first = store.shortest_paths("organization:alpha-group", "organization:omega-group", limit=3)
        assert first == every[:3]
        assert [e.id for e in first[0].entities][1] == "organization:middle-1"
    finally:
        store.close()


def test_last_step_and_relations_by_source_read_what_the_full_reads_do(tmp_path: Path) -> None:
    # A path search's last step asks the engine only for the relations that reach the other side; the
    # rows must be exactly those of the full second-level read whose far end is on that side. Relations
    # read per source must be the ones the root's own relation read gives.
    from graph.stores import embedded_reads as R

    pairs = [("Root Group", "SUPPORTS", f"Near {i}") for i in range(4)]
    pairs += [(f"Near {i}", "OPPOSES", f"Far {j}") for i in range(4) for j in range(3) if i != j]
    pairs += [(f"Far {j}", "ALLIED_WITH", "Near 0") for j in range(1, 3)]
    pairs += [("Near 1", "ACCUSED", "Root Group")]
    store = EmbeddedStore(tmp_path / "graph.json")
    try:
        store.upsert([extraction("https://example.org/around", pairs)])
        root = "organization:root-group"
        with store.session() as conn:
            every = R.adjacent_around(conn, root)
            to = ["organization:far-1", root, "organization:nobody"]
            towards = R.adjacent_around(conn, root, to)
            assert sorted(towards) == sorted(r for r in every if r[1] in to)
            assert {r[1] for r in towards} == {"organization:far-1", root}
            wanted = {(node if out else other, rid) for node, other, rid, _t, out in every}
            by_source = R.relations_by_id(conn, wanted)
            direct = {r.id: r for r in R.edges_at(conn, {n for n, *_ in every}, None)}
        assert by_source == {rid: direct[rid] for _, rid in wanted}
    finally:
        store.close()


WRITER = """
import sys
from graph.model import Extraction
from graph.stores.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
store.upsert([Extraction.model_validate({
    "article": {"url": "https://example.org/late", "published": "2024-02-04"},
    "entities": [{"name": "Alpha Group", "kind": "organization"}, {"name": "Late Group", "kind": "organization"}],
    "relations": [{"source": "Alpha Group", "type": "ALLIED_WITH", "target": "Late Group",
                   "evidence": "Alpha Group allied with Late Group."}],
})])
store.close()
"""


def test_pooled_reads_see_a_write_from_another_process(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    store = EmbeddedStore(path)
    try:
        store.upsert([extraction("https://example.org/early", [("Alpha Group", "SUPPORTS", "Beta Group")])])
        store.files.release()  # as a server that only reads: the other process may take the writer lease
        before = store.neighbors("organization:alpha-group")
        again = store.neighbors("organization:alpha-group")
        assert again == before and {e.id for e in before.entities} == {
            "organization:alpha-group",
            "organization:beta-group",
        }
        subprocess.run([sys.executable, "-c", WRITER, str(path)], cwd=ROOT, check=True, timeout=120)
        after = store.neighbors("organization:alpha-group")
        assert "organization:late-group" in {e.id for e in after.entities}
        assert [
            e.id
            for e in store.shortest_paths("organization:beta-group", "organization:late-group")[0].entities
        ] == [
            "organization:beta-group",
            "organization:alpha-group",
            "organization:late-group",
        ]
    finally:
        store.close()


def test_threads_read_on_pooled_connections_while_the_process_writes(tmp_path: Path) -> None:
    import threading

    store = EmbeddedStore(tmp_path / "graph.json")
    errors: list[BaseException] = []
    sizes: dict[int, list[int]] = {}
    done = threading.Event()
    try:
        store.upsert([extraction("https://example.org/t/0", [("Hub Group", "SUPPORTS", "Spoke 0")])])

        def reader(n: int) -> None:
            seen = sizes.setdefault(n, [])
            while not done.is_set():
                try:
                    sub = store.neighbors("organization:hub-group")
                    assert "organization:hub-group" in {e.id for e in sub.entities}
                    seen.append(len(sub.relations))
                except BaseException as exc:  # reported below, with the thread's failure
                    errors.append(exc)
                    return

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for i in range(1, 7):  # each write drops the read-only handle and its pooled connections
            store.upsert([extraction(f"https://example.org/t/{i}", [("Hub Group", "OPPOSES", f"Spoke {i}")])])
            if i == 3:
                store.files.release()  # the lease ends between writes: reads move to a read-only handle
        done.set()
        for t in threads:
            t.join(timeout=60)
        assert not errors, errors
        for seen in sizes.values():  # a committed write, once seen, is never unseen; nothing else is seen
            assert seen and seen == sorted(seen) and seen[0] >= 1 and seen[-1] <= 7
        assert len(store.neighbors("organization:hub-group").relations) == 7
    finally:
        done.set()
        store.close()


def test_many_threads_reading_at_once_all_get_answers(tmp_path: Path) -> None:
    # Each engine read takes working memory from the handle's buffer pool; a small graph's pool holds
    # only a few at once. A server's 64 threads must queue for the reader slots, not fail with a 503.
    import threading

    path = tmp_path / "graph.json"
    pairs = [
        (f"Hub {h}", t, f"Spoke {s}") for h in range(6) for s in range(8) for t in ("SUPPORTS", "OPPOSES")
    ]
    writer = EmbeddedStore(path)
    writer.upsert([extraction("https://example.org/many", pairs)])
    writer.close()
    store = EmbeddedStore(path)  # a reader process: its reads share one read-only handle
    errors: list[BaseException] = []
    answers: list[int] = []

    def reader(n: int) -> None:
        try:
            for k in range(6):
                hub = f"organization:hub-{(n + k) % 6}"
                if k % 3 == 2:
                    rows = store.cypher(
                        "MATCH (a:Entity {id: $id})-[r]-(b:Entity) RETURN count(DISTINCT b) AS n", {"id": hub}
                    ).rows
                    answers.append(rows[0][0])
                elif k % 3 == 1:
                    answers.append(len(store.shortest_paths(hub, "organization:spoke-3", max_hops=3)))
                else:
                    answers.append(len({e.id for e in store.neighbors(hub).entities}) - 1)
        except BaseException as exc:  # reported below
            errors.append(exc)

    try:
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(48)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        assert not errors, errors[:3]
        # 8 spokes around each hub; two one-hop paths to a spoke (two relation types)
        assert len(answers) == 48 * 6 and set(answers) == {8, 2}
    finally:
        store.close()
