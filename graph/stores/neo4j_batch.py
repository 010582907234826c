"""One batch of extractions as the rows the Neo4j store writes, and the writing itself (the loop over
batches is graph/stores/neo4j_upsert.py).

Everything a merge computes is computed here, in Python, once per batch: the same relation reported by
several articles of the batch becomes one row with its evidence already unioned, serialised once. The
statements (graph/stores/neo4j_queries.py) only MERGE and SET, with rows sent as positional lists. A
known entity takes its unions in the MERGE itself; a known relation or event comes back only when the
batch brings evidence it lacks, and the union is written back in a second, small statement. See
docs/neo4j.md for the measurements behind this shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction, Result

from graph.model import KIND_LABELS, Extraction
from graph.results import UpsertReport
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_events import write_events
from graph.stores.neo4j_rows import BatchRecords, Rows


@dataclass
class BatchRows(BatchRecords):
    """A batch's records (graph/stores/neo4j_rows.py) and the rows of the statements that write them."""

    # The statements' rows, built with the rest (in the thread that prepares the next batch while the
    # server writes this one) rather than inside the transaction, where the server would wait for them.
    entity_rows: list[list[Any]] = field(default_factory=list)  # id order: one lock order for writers
    rich_entities: set[str] = field(default_factory=set)  # ids that bring an alias, title or coordinate
    article_rows: dict[str, list[Any]] = field(default_factory=dict)
    relation_rows: dict[str, list[list[Any]]] = field(default_factory=dict)  # by type, in id order

    @classmethod
    def of(cls, batch: list[Extraction]) -> BatchRows:
        """Resolve each extraction, merge what several articles of the batch share, build the rows."""
        rows = cls()
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        for ex in batch:
            rows.add(ex, now)
        rows._build_rows()
        return rows

    def _build_rows(self) -> None:
        for p in sorted(self.entities.values(), key=lambda p: str(p["id"])):
            self.entity_rows.append([p["id"], KIND_LABELS[p["kind"]], *(p[k] for k in Q.ENTITY_PROPS)])
            if p["aliases"] or p["titles"] or p["country_code"] or p["lat"] is not None:
                self.rich_entities.add(p["id"])
        mentioned: dict[str, dict[str, None]] = {aid: {} for aid in self.articles}
        for eid, aid in self.mentions:
            mentioned[aid][eid] = None
        for aid, props in self.articles.items():
            self.article_rows[aid] = [aid, *(props[k] for k in Q.ARTICLE_PROPS), list(mentioned[aid])]
        for rid in sorted(self.relations):
            rel = self.relations[rid]
            self.relation_rows.setdefault(rel.type, []).append(rel.row())

    # ------------------------------------------------------------------------------ writing

    def write(
        self,
        tx: ManagedTransaction,
        busy: frozenset[str] = frozenset(),
        committed: Callable[[], object] = list,
    ) -> UpsertReport:
        """Write the batch in one transaction and report what was added and what merged.

        `busy`: the entities of a batch still committing in another transaction (graph/stores/
        neo4j_upsert.py), and `committed` returns once it has committed (or failed). Its locks are on
        those entities only, so the rows that touch none of them are sent first and run while it
        commits; the rows that touch one are sent once `committed` returns, so no statement of this
        batch waits for the other's locks on the server. With nothing busy the second phase is empty and
        the statements are the sequential ones.
        """
        report = UpsertReport()
        found = tx.run(Q.EXISTING, articles=Rows(self.articles), entities=Rows(self.entities)).single(
            strict=True
        )
        have_art = set(found["articles"])
        nodes: dict[str, str] = dict(found["entities"])  # entity id -> element id
        have_ent = set(nodes)
        known = self._known_before(tx, have_art)
        fresh: set[str] = set()  # entities this transaction created (their relations cannot exist yet)
        others: set[str] = set()  # entities EXISTING missed that another transaction created meanwhile
        merges: list[tuple[str, Result]] = []
        for later in (False, True):
            if later:
                if not busy:
                    break
                committed()  # the other batch's locks are gone: no statement of this one waits for them
            entities = self._send_entities(tx, have_ent, busy, later)
            # Relations between two entities stored before the batch need no element id MERGE_ENTITIES
            # returns: they are sent before its result is read, so the server goes on to them while the
            # client reads that result and builds the other rows (it waited for the client there before).
            merges += self._send_merges(
                tx,
                nodes,
                lambda row, later=later: (  # type: ignore[misc]
                    row[0] in have_ent and row[1] in have_ent and (row[0] in busy or row[1] in busy) == later
                ),
            )
            written, created, elsewhere = self._entities_written(entities)
            nodes.update(written)
            fresh |= created
            others |= elsewhere
            self._write_articles(tx, have_art, nodes, busy, later)
            merges += self._write_relations(tx, nodes, fresh, have_ent, busy, later)
        changed_rels = self._read_merges(tx, merges)
        changed_evs = write_events(tx, self.events)

        for aid in self.articles:
            (report.articles_merged if aid in have_art else report.articles_added).append(aid)
        for eid in self.entities:
            (report.entities_merged if eid in have_ent or eid in others else report.entities_added).append(
                eid
            )
        for items, changed, added, merged in (
            (self.relations, changed_rels, report.relations_added, report.relations_merged),
            (self.events, changed_evs, report.events_added, report.events_merged),
        ):
            for xid, item in items.items():
                if xid in changed:
                    merged.append(xid)
                    report.evidence_added += changed[xid]
                elif xid not in known:
                    # Unchanged by the merge and not there before the batch: created now.
                    added.append(xid)
                    report.evidence_added += len(item.evidence)
                else:
                    merged.append(xid)  # a re-load: nothing new
        return report

    def _known_before(self, tx: ManagedTransaction, have_art: set[str]) -> set[str]:
        """Relations and events stored before this batch, looked up only where it is in doubt.

        A record with evidence from an article new to the graph cannot have been stored with exactly
        this evidence, so only records whose articles all exist already (a re-load, or a backfill whose
        entity pass wrote the articles) cost a lookup.
        """
        known: set[str] = set()
        doubt: dict[str, list[list[str]]] = {}
        for rid, rel in self.relations.items():
            if all(m[1] in have_art for m in rel.evidence):
                doubt.setdefault(rel.type, []).append([rel.source, rel.target, rid])
        for rtype, rows in doubt.items():
            known |= {r["id"] for r in tx.run(Q.EXISTING_RELATIONS[rtype], rows=Rows(rows))}
        ev_doubt = [x for x, ev in self.events.items() if all(e.article_id in have_art for e in ev.evidence)]
        if ev_doubt:
            known |= {r["id"] for r in tx.run(Q.EXISTING_EVENTS, ids=ev_doubt)}
        return known

    def _send_entities(
        self, tx: ManagedTransaction, have_ent: set[str], busy: frozenset[str], later: bool
    ) -> tuple[Result, set[str]] | None:
        """Send the new entities, and known ones the batch says more about (unions taken in the statement),
        of this phase (`later`: those that are `busy`).

        Returns the statement's result, read later by `_entities_written`, and the ids `EXISTING` did not
        find; None when there is nothing to write.
        """
        rich = self.rich_entities
        rows = [
            row
            for row in self.entity_rows
            if (row[0] not in have_ent or row[0] in rich) and (row[0] in busy) == later
        ]
        if not rows:
            return None
        return tx.run(Q.MERGE_ENTITIES, rows=Rows(rows)), {row[0] for row in rows if row[0] not in have_ent}

    @staticmethod
    def _entities_written(
        sent: tuple[Result, set[str]] | None,
    ) -> tuple[dict[str, str], set[str], set[str]]:
        """The element ids of the entities written; the ids of those this transaction created; the ids of
        those another transaction created after `EXISTING` read.

        The statement's counters decide: when it created as many nodes as `EXISTING` missed, it created
        them all; when it created none, another writer stored every one in between (the MERGE waited for
        its commit, then matched). In between, which ones is not known: none is taken as new (their
        relations are MERGEd) and the report counts them as added, as `EXISTING` saw them.
        """
        if sent is None:
            return {}, set(), set()
        result, new = sent
        written: dict[str, str] = dict(result.single(strict=True)["nodes"])
        created = result.consume().counters.nodes_created
        if created == len(new):
            return written, new, set()
        return written, set(), (new if created == 0 else set())

    def _write_articles(
        self,
        tx: ManagedTransaction,
        have_art: set[str],
        nodes: dict[str, str],
        busy: frozenset[str],
        later: bool,
    ) -> None:
        """Articles with the mentions of this phase's entities, one row per article (after the entities).

        The first phase sends every article (its node is merged even with no mention in the phase), the
        second only those that mention a busy entity. Not consumed: the next statement is sent at once,
        and the server runs them in order.
        """
        new: list[list[Any]] = []
        old: list[list[Any]] = []
        for aid, row in self.article_rows.items():
            mentioned = [nodes[eid] for eid in row[-1] if (eid in busy) == later]
            if mentioned or not later:
                (old if aid in have_art else new).append([*row[:-1], mentioned])
        if new:
            tx.run(Q.MERGE_NEW_ARTICLES, rows=Rows(new))
        if old:
            tx.run(Q.MERGE_KNOWN_ARTICLES, rows=Rows(old))

    def _send_merges(
        self, tx: ManagedTransaction, nodes: dict[str, str], which: Callable[[list[Any]], bool]
    ) -> list[tuple[str, Result]]:
        """Send MERGE_RELATIONS for the relation rows `which` selects; their results are read later.

        Rows go by type, then id: one lock order for every writer. The ends' ids are not sent
        (Q.RELATION_NODE_ROW): the statement finds the ends by element id.
        """
        sent = []
        for rtype, rows in sorted(self.relation_rows.items()):
            merge = Rows([*row[2:], nodes[row[0]], nodes[row[1]]] for row in rows if which(row))
            if merge:
                sent.append((rtype, tx.run(Q.MERGE_RELATIONS[rtype], rows=merge)))
        return sent

    def _write_relations(
        self,
        tx: ManagedTransaction,
        nodes: dict[str, str],
        fresh: set[str],
        have_ent: set[str],
        busy: frozenset[str],
        later: bool,
    ) -> list[tuple[str, Result]]:
        """CREATE this phase's relations with an end created by this transaction (they cannot exist yet)
        and send MERGE_RELATIONS for the others with an end new to `EXISTING` (those between known
        entities were sent before); returns the MERGEs sent, whose results `_read_merges` reads."""
        # Every statement is sent before any result is read (the server runs them in order): the server
        # goes from one to the next without waiting for the client between them.
        degrees: dict[str, int] = {}  # entity id -> relations created with it as an end
        create = Rows()  # every type in one statement (Q.RELATION_TYPE_ROW), by type, then id
        for rtype, rows in sorted(self.relation_rows.items()):
            for row in rows:
                src, tgt = row[0], row[1]
                if (src in fresh or tgt in fresh) and (src in busy or tgt in busy) == later:
                    create.append([rtype, *row[2:], nodes[src], nodes[tgt]])
                    degrees[src] = degrees.get(src, 0) + 1
                    degrees[tgt] = degrees.get(tgt, 0) + 1
        if create:
            tx.run(Q.CREATE_RELATIONS, rows=create)
        # An end EXISTING did not find that this transaction did not create either: a concurrent writer
        # stored it in between (MERGE_ENTITIES' counters said so), so these MERGE too.
        sent = self._send_merges(
            tx,
            nodes,
            lambda row: (
                (row[0] not in have_ent or row[1] not in have_ent)
                and row[0] not in fresh
                and row[1] not in fresh
                and (row[0] in busy or row[1] in busy) == later
            ),
        )
        if degrees:
            tx.run(Q.ADD_DEGREES, rows=Rows([nodes[e], degrees[e]] for e in sorted(degrees)))
        return sent

    def _read_merges(self, tx: ManagedTransaction, results: list[tuple[str, Result]]) -> dict[str, int]:
        """Write back the union where a MERGE found stored evidence that differed from the batch's; returns
        the evidence each such relation gained."""
        changed: dict[str, int] = {}
        for rtype, result in results:
            updates = []
            for rec in result:
                rel = self.relations[rec["id"]]
                stored = json.loads(rec["evidence"]) if rec["evidence"] else []
                merged = rel.merged_with(stored, rec["titles"])
                changed[rel.id] = len(merged.evidence) - len(stored)
                if changed[rel.id] or merged.titles != list(rec["titles"] or []):
                    updates.append(merged.row())
            if updates:
                tx.run(Q.UPDATE_RELATIONS[rtype], rows=Rows(updates)).consume()
        return changed
