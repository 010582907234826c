"""Every Cypher statement the Neo4j store runs, as parameterised constants."""

from __future__ import annotations

from graph.model import RELATION_TYPES
from graph.stores.props import EVIDENCE_COLUMNS

SCHEMA = [
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.name_key)",
    "CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)",
    "CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)",
    "CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
]

REL_TYPES_PATTERN = "|".join(RELATION_TYPES)

# `Entity.degree`: the number of typed relations an entity takes part in (either direction), the
# ranking key of search and browsing. Kept at ingest (+1 on each end when MERGE_RELATIONS creates a
# relation, so a re-load adds nothing; ADD_DEGREES for CREATE_RELATIONS) and recounted by
# merge_entities for the entities it touches: ranking reads one property instead of counting
# relationships per candidate at query time. Graphs written before it get it once, at the first start-up
# of this code on the database (BACKFILL_DEGREE, only the entities that lack it, then SCHEMA_MARKER
# records that it ran).
DEGREE_COUNT = f"COUNT {{ (e)-[:{REL_TYPES_PATTERN}]-() }}"
BACKFILL_DEGREE = f"""
MATCH (e:Entity) WHERE e.degree IS NULL
CALL (e) {{ SET e.degree = {DEGREE_COUNT} }} IN TRANSACTIONS OF 5000 ROWS
"""
# The database's schema version, recorded once the back-fill above has run, so later start-ups skip
# its scan of every entity (76-182 ms at 98k). An index on a label no node carries: a marker that
# `MATCH (n)`, `stats()` and `clear()` never see and that costs nothing to keep. A later back-fill
# bumps the name (and runs once more on every database).
SCHEMA_MARKER = "actorgraph_schema_v1"
SCHEMA_MARKER_EXISTS = "SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n"
CREATE_SCHEMA_MARKER = f"CREATE INDEX {SCHEMA_MARKER} IF NOT EXISTS FOR (n:ActorgraphSchema) ON (n.version)"
RECOUNT_DEGREES = f"""
UNWIND $ids AS id
MATCH (e:Entity {{id: id}})
SET e.degree = {DEGREE_COUNT}
"""

# Names and aliases for entity search (graph/search.py builds the query). The whitespace analyzer keeps
# the normalised keys' words as they are, the same words the embedded index sees.
SEARCH_INDEX = "entity_names"
SCHEMA += [
    f"CREATE FULLTEXT INDEX {SEARCH_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name_key, n.alias_keys] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}",
]

# -------------------------------------------------------------------------------------- writes
#
# Small statements, one concern each, so that each plans once, fast, and without an Eager barrier.
# Everything a merge computes (evidence union, first/last seen, confidence) is computed in Python: the
# statements only MERGE and SET values. Rows are positional lists, not maps: the column tuples below
# name the positions (Python builds the rows from the same tuples), which halves the bytes the driver
# packs and the server unpacks per row (docs/neo4j.md).

# Which articles and entities of a batch are stored already: one round trip for both. Entities come
# with their element ids: the batch's later statements find them by element id (`NodeByElementIdSeek`),
# which measured about half the server CPU of a unique-index seek by `id` per relation row
# (docs/neo4j.md). An element id read in a transaction stays valid in it: Neo4j reuses a deleted
# node's id only once every transaction open at the deletion has closed.
EXISTING = """
CALL () { UNWIND $articles AS id MATCH (a:Article {id: id}) RETURN collect(a.id) AS articles }
CALL () { UNWIND $entities AS id MATCH (e:Entity {id: id}) RETURN collect([e.id, elementId(e)]) AS entities }
RETURN articles, entities
"""
EXISTING_EVENTS = "UNWIND $ids AS id MATCH (ev:Event {id: id}) RETURN ev.id AS id"
# Anchored at both ends (indexed entity ids), so no relationship-id index is needed.
EXISTING_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (:Entity {{id: row[0]}})-[r:{rtype} {{id: row[2]}}]->(:Entity {{id: row[1]}})
RETURN r.id AS id
"""
    for rtype in RELATION_TYPES
}

ENTITY_PROPS = ("name", "kind", "aliases", "name_key", "alias_keys", "country_code", "titles", "lat", "lon")
EVENT_PROPS = ("type", "label", "date", "date_precision", "killed", "wounded", "quantity", *EVIDENCE_COLUMNS)
RELATION_PROPS = ("first_seen", "last_seen", "titles", "confidence", *EVIDENCE_COLUMNS)

# Row layouts (positions in each row list).
ENTITY_ROW = ("id", "label", *ENTITY_PROPS)
ARTICLE_PROPS = ("title", "source", "url", "published", "ingested_at")
ARTICLE_ROW = ("id", *ARTICLE_PROPS, "entities")  # entities: the element ids of those it mentions
RELATION_ROW = ("source", "target", "id", "titles", "confidence", *EVIDENCE_COLUMNS)
# MERGE_RELATIONS rows: a relation row without its ends' ids (the statement finds the ends by element
# id, so their ids would only be packed and unpacked) and the element ids of its two ends.
RELATION_NODE_ROW = (*RELATION_ROW[2:], "source_node", "target_node")
# CREATE_RELATIONS rows: the same with the relation type first (one statement for every type).
RELATION_TYPE_ROW = ("type", *RELATION_NODE_ROW)


def _col(layout: tuple[str, ...], name: str, row: str = "row") -> str:
    return f"{row}[{layout.index(name)}]"


def _set_each(var: str, keys: tuple[str, ...], row: str = "row") -> str:
    # Named properties, not `SET x = map`: a map may write the merge key, which forces an Eager barrier.
    return ", ".join(f"{var}.{k} = {row}.{k}" for k in keys)


def _set_cols(var: str, keys: tuple[str, ...], layout: tuple[str, ...]) -> str:
    return ", ".join(f"{var}.{k} = {_col(layout, k)}" for k in keys)


def _e(name: str) -> str:
    return _col(ENTITY_ROW, name)


# One statement for every kind: the kind label is set dynamically (`$(...)`), which plans as a plain
# unique-index MERGE (a dynamic relationship type would not: it scans every relationship). A new entity
# gets its properties; a known one (sent only when the batch brings an alias, title or coordinate) takes
# the unions in the same statement, with no read-back round trip and no Eager (subqueries are not
# allowed in MERGE: `alias_keys` stays sorted by inserting each new key in order). The element ids come
# back as one record (the driver's per-record work was ~40 us a record, for thousands of entities).
MERGE_ENTITIES = f"""
UNWIND $rows AS row
MERGE (e:Entity {{id: {_e("id")}}})
ON CREATE SET {_set_cols("e", ENTITY_PROPS, ENTITY_ROW)}, e.degree = 0, e:$({_e("label")})
ON MATCH SET
  e.aliases = e.aliases + [a IN {_e("aliases")} WHERE NOT a IN e.aliases],
  e.alias_keys = reduce(ks = e.alias_keys, k IN {_e("alias_keys")} |
    CASE WHEN k IN ks THEN ks ELSE [x IN ks WHERE x < k] + k + [x IN ks WHERE x > k] END),
  e.titles = e.titles + [t IN {_e("titles")} WHERE NOT t IN e.titles],
  e.country_code = coalesce(e.country_code, {_e("country_code")}),
  e.lon = CASE WHEN e.lat IS NULL THEN {_e("lon")} ELSE e.lon END,
  e.lat = coalesce(e.lat, {_e("lat")})
RETURN collect([e.id, elementId(e)]) AS nodes
"""

# Articles with their mentions, one row per article. Mentions of an article seen for the first time
# cannot exist yet: CREATE, no MERGE scan; a re-loaded article MERGEs them. The mention's end keeps its
# `:Entity` label, unlike the relation statements' seeks: without it the planner cannot tell `e` from the
# article merged above and plans an Eager (round 16).
_ARTICLE_HEAD = f"""
UNWIND $rows AS row
MERGE (a:Article {{id: {_col(ARTICLE_ROW, "id")}}})
ON CREATE SET {_set_cols("a", ARTICLE_PROPS, ARTICLE_ROW)}
WITH a, row
UNWIND {_col(ARTICLE_ROW, "entities")} AS node
MATCH (e:Entity) WHERE elementId(e) = node
"""
MERGE_NEW_ARTICLES = _ARTICLE_HEAD + "CREATE (e)-[:MENTIONED_IN]->(a)\n"
MERGE_KNOWN_ARTICLES = _ARTICLE_HEAD + "MERGE (e)-[:MENTIONED_IN]->(a)\n"


def _r(name: str) -> str:
    return _col(RELATION_ROW, name)


def _relation_set(layout: tuple[str, ...]) -> str:
    def col(name: str) -> str:
        return _col(layout, name)

    return ", ".join(
        [
            f"r.first_seen = {col('dates')}[0]",
            f"r.last_seen = {col('dates')}[-1]",
            *(f"r.{k} = {col(k)}" for k in ("titles", "confidence", *EVIDENCE_COLUMNS)),
        ]
    )


def _n(name: str) -> str:
    return _col(RELATION_NODE_ROW, name)


# A new relation gets all its properties at once. A known one whose stored evidence differs from the
# batch's is returned, and Python writes the merged evidence back (UPDATE_RELATIONS): the common case,
# a new relation or an unchanged one, costs one MERGE and one SET. First and last seen are the ends of
# the sorted `dates`, taken here rather than sent. The ends are sought by element id with no label: the
# ids come from EXISTING or MERGE_ENTITIES in this transaction, so they are entities, and `(s:Entity)`
# only added a label filter per end and row (round 16: 1 db hit each; the plan is otherwise the same).
MERGE_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = {_n("source_node")}
MATCH (t) WHERE elementId(t) = {_n("target_node")}
MERGE (s)-[r:{rtype} {{id: {_n("id")}}}]->(t)
ON CREATE SET {_relation_set(RELATION_NODE_ROW)}, s.degree = s.degree + 1, t.degree = t.degree + 1
ON MATCH SET r.id = {_n("id")}
WITH r, row
WHERE r.evidence <> {_n("evidence")} OR r.titles <> {_n("titles")}
RETURN r.id AS id, r.evidence AS evidence, r.titles AS titles
"""
    for rtype in RELATION_TYPES
}

# A relation with an end this transaction created cannot exist yet (no other transaction sees that node
# before the commit): CREATE, with no MERGE check, no lock of the relation and no read-back (no Eager).
# The store uses it only when MERGE_ENTITIES created every entity EXISTING did not find (its counters
# say so), that is when no concurrent writer stored one of them in between. The ends' degrees are added
# afterwards, summed per entity (ADD_DEGREES): a `SET s.degree = s.degree + 1` here plans an Eager (the
# same node may be `t` of another row). One statement for every type, the type taken from the row
# (`$(...)`): a dynamic type plans as well as a fixed one in CREATE (in MERGE it would not, see above
# MERGE_ENTITIES), and one statement instead of one per type is fewer plans and round trips.
CREATE_RELATIONS = f"""
UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = {_col(RELATION_TYPE_ROW, "source_node")}
MATCH (t) WHERE elementId(t) = {_col(RELATION_TYPE_ROW, "target_node")}
CREATE (s)-[r:$({_col(RELATION_TYPE_ROW, "type")}) {{id: {_col(RELATION_TYPE_ROW, "id")}}}]->(t)
SET {_relation_set(RELATION_TYPE_ROW)}
"""
# Rows: [element id, relations created with the entity as an end], in entity id order.
ADD_DEGREES = """
UNWIND $rows AS row
MATCH (e) WHERE elementId(e) = row[0]
SET e.degree = e.degree + row[1]
"""

UPDATE_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: {_r("source")}}})-[r:{rtype} {{id: {_r("id")}}}]->(:Entity {{id: {_r("target")}}})
SET {_relation_set(RELATION_ROW)}
"""
    for rtype in RELATION_TYPES
}

# Events: the same pattern, then their links (few per event; MERGE keeps them idempotent).
MERGE_EVENTS = f"""
UNWIND $rows AS row
MERGE (ev:Event {{id: row.id}})
ON CREATE SET {_set_each("ev", EVENT_PROPS)}
ON MATCH SET ev.id = row.id
WITH ev, row
WHERE ev.evidence <> row.evidence
RETURN ev.id AS id, ev.evidence AS evidence
"""

UPDATE_EVENTS = f"""
UNWIND $rows AS row
MATCH (ev:Event {{id: row.id}})
SET {_set_each("ev", tuple(EVIDENCE_COLUMNS))}
"""

MERGE_EVENT_LINKS = {
    "ACTOR_IN": "UNWIND $rows AS row MATCH (a:Entity {id: row.e}) MATCH (ev:Event {id: row.ev}) "
    "MERGE (a)-[:ACTOR_IN]->(ev)",
    "TARGETS": "UNWIND $rows AS row MATCH (ev:Event {id: row.ev}) MATCH (t:Entity {id: row.e}) "
    "MERGE (ev)-[:TARGETS]->(t)",
    "LOCATED_AT": "UNWIND $rows AS row MATCH (ev:Event {id: row.ev}) MATCH (l:Entity {id: row.e}) "
    "MERGE (ev)-[:LOCATED_AT]->(l)",
    "REPORTED_IN": "UNWIND $rows AS row MATCH (ev:Event {id: row.ev}) MATCH (a:Article {id: row.e}) "
    "MERGE (ev)-[:REPORTED_IN]->(a)",
}

CLEAR = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"

# --------------------------------------------------------------------------------------- reads

GET_ENTITY = "MATCH (e:Entity {id: $id}) RETURN e"

# By name through the name_key index, then by alias (a scan: only when the name did not match).
FIND_BY_NAME = """
MATCH (e:Entity {name_key: $norm})
RETURN e, coalesce(e.degree, 0) AS degree
ORDER BY degree DESC, e.id
LIMIT 1
"""

FIND_ENTITY = """
MATCH (e:Entity)
WHERE e.id = $key OR e.name_key = $norm OR $norm IN e.alias_keys
WITH e, CASE WHEN e.id = $key THEN 0 WHEN e.name_key = $norm THEN 1 ELSE 2 END AS rank
RETURN e, rank, coalesce(e.degree, 0) AS degree
ORDER BY rank, degree DESC, e.id
LIMIT 1
"""

# Without a query: every entity by degree (the browse order), counted apart.
BROWSE_ENTITIES = """
MATCH (e:Entity)
WHERE $kind IS NULL OR e.kind = $kind
WITH e, coalesce(e.degree, 0) AS degree
ORDER BY degree DESC, e.name, e.id
SKIP $offset LIMIT $limit
RETURN e, degree
"""

COUNT_ENTITIES = "MATCH (e:Entity) WHERE $kind IS NULL OR e.kind = $kind RETURN count(e) AS n"

# Typed relations with their end ids; the filter is applied in the statement.
RELATIONS = f"""
MATCH (s:Entity)-[r:{REL_TYPES_PATTERN}]->(t:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($entity IS NULL OR s.id = $entity OR t.id = $entity)
  AND ($source IS NULL OR s.id = $source OR (type(r) IN $symmetric AND t.id = $source))
  AND ($target IS NULL OR t.id = $target OR (type(r) IN $symmetric AND s.id = $target))
  AND ($since IS NULL OR any(d IN r.dates WHERE d <> '' AND d >= left($since, size(d))))
  AND ($until IS NULL OR any(d IN r.dates WHERE d <> '' AND left(d, size($until)) <= $until))
WITH s, r, t ORDER BY r.id
WITH collect({{s: s.id, t: t.id, type: type(r), r: properties(r)}}) AS items
RETURN size(items) AS total, items[$offset..$offset + $limit] AS page
"""

RELATIONS_AMONG = f"""
MATCH (s:Entity)-[r:{REL_TYPES_PATTERN}]->(t:Entity)
WHERE s.id IN $ids AND t.id IN $ids
RETURN s.id AS s, t.id AS t, type(r) AS type, properties(r) AS r
ORDER BY r.id
"""

EVENTS = """
MATCH (ev:Event)
WHERE ($types IS NULL OR ev.type IN $types)
  AND ($actor IS NULL OR EXISTS { MATCH (x:Entity {id: $actor}) WHERE (x)-[:ACTOR_IN]->(ev) OR (ev)-[:TARGETS]->(x) })
  AND ($place IS NULL OR EXISTS { (ev)-[:LOCATED_AT]->(:Entity {id: $place}) })
  AND ($since IS NULL OR (ev.date IS NOT NULL AND ev.date >= left($since, size(ev.date))))
  AND ($until IS NULL OR (ev.date IS NOT NULL AND left(ev.date, size($until)) <= $until))
WITH ev ORDER BY coalesce(ev.date, ''), ev.id
WITH collect(ev) AS items
RETURN size(items) AS total, items[$offset..$offset + $limit] AS page
"""

EVENT_LINKS = """
UNWIND $ids AS id
MATCH (ev:Event {id: id})
RETURN ev.id AS id,
  [(a:Entity)-[:ACTOR_IN]->(ev) | a.id] AS actors,
  [(ev)-[:TARGETS]->(t:Entity) | t.id] AS targets,
  head([(ev)-[:LOCATED_AT]->(l:Entity) | l.id]) AS location
"""

ENTITIES_BY_ID = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e"

# A subgraph's nodes in one round trip (under concurrent load each round trip costs more than the
# statement): the entities by id, and the events they take part in with their links (what EVENT_LINKS
# reads for a page of events). One row; an aggregate over no rows is still one row.
# The events of the entities `ids` with their links, as one list (a fragment of the two below).
_EVENTS_OF_IDS = """
  MATCH (ev:Event)--(x:Entity)
  WHERE x.id IN ids
  WITH DISTINCT ev ORDER BY coalesce(ev.date, ''), ev.id
  RETURN collect({ev: ev,
    actors: [(a:Entity)-[:ACTOR_IN]->(ev) | a.id],
    targets: [(ev)-[:TARGETS]->(t:Entity) | t.id],
    location: head([(ev)-[:LOCATED_AT]->(l:Entity) | l.id])}) AS evs
"""
SUBGRAPH_NODES = (
    """
WITH $ids AS ids
CALL (ids) { UNWIND ids AS id MATCH (e:Entity {id: id}) RETURN collect(e) AS ents }
CALL (ids) {"""
    + _EVENTS_OF_IDS
    + """}
RETURN ents, evs
"""
)

# A neighbourhood in one round trip (until round 9: the relations, then SUBGRAPH_NODES): the relations
# within `{depth}` hops, the entities at their ends (and the one asked: missing if it does not exist),
# and their events.
NEIGHBORHOOD = (
    f"""
CALL () {{
  MATCH (e:Entity {{id: $id}})
  MATCH p = (e)-[rels:{REL_TYPES_PATTERN}*1..{{depth}}]-(n:Entity)
  WHERE all(r IN rels WHERE ($types IS NULL OR type(r) IN $types)
    AND ($since IS NULL OR any(d IN r.dates WHERE d <> '' AND d >= left($since, size(d))))
    AND ($until IS NULL OR any(d IN r.dates WHERE d <> '' AND left(d, size($until)) <= $until)))
  UNWIND rels AS r
  WITH DISTINCT r
  RETURN collect({{s: startNode(r).id, t: endNode(r).id, type: type(r), r: properties(r)}}) AS found
}}
WITH found, [$id] + [x IN found | x.s] + [x IN found | x.t] AS ids
CALL (ids) {{ UNWIND ids AS id WITH DISTINCT id MATCH (e:Entity {{id: id}}) RETURN collect(e) AS ents }}
CALL (ids) {{"""
    + _EVENTS_OF_IDS
    + """}
RETURN found, ents, evs
"""
)

# One round trip: whether both ends exist, and the paths with their nodes (distinct ends only).
SHORTEST_PATHS = f"""
OPTIONAL MATCH (a:Entity {{id: $source}})
OPTIONAL MATCH (b:Entity {{id: $target}})
CALL (a, b) {{
  MATCH p = allShortestPaths((a)-[:{REL_TYPES_PATTERN}*..{{max_hops}}]-(b))
  WITH p LIMIT $limit
  RETURN collect({{nodes: nodes(p), rels: [r IN relationships(p) |
    {{s: startNode(r).id, t: endNode(r).id, type: type(r), r: properties(r)}}]}}) AS paths
}}
RETURN a IS NOT NULL AS source_found, b IS NOT NULL AS target_found, paths
"""

STATS = f"""
CALL () {{ MATCH (e:Entity) RETURN e.kind AS k, count(*) AS n }}
RETURN 'entity' AS what, k, n
UNION ALL
CALL () {{ MATCH ()-[r:{REL_TYPES_PATTERN}]->() RETURN type(r) AS k, count(*) AS n }}
RETURN 'relation' AS what, k, n
UNION ALL
CALL () {{ MATCH (ev:Event) RETURN ev.type AS k, count(*) AS n }}
RETURN 'event' AS what, k, n
UNION ALL
CALL () {{ MATCH (a:Article) RETURN 'article' AS k, count(*) AS n }}
RETURN 'article' AS what, k, n
UNION ALL
CALL () {{
  MATCH ()-[r:{REL_TYPES_PATTERN}]->() RETURN 'evidence' AS k, sum(r.evidence_count) AS n
  UNION ALL
  MATCH (ev:Event) RETURN 'evidence' AS k, sum(ev.evidence_count) AS n
}}
RETURN 'evidence' AS what, k, n
"""

ALL_ENTITY_IDS = "MATCH (e:Entity) RETURN e.id AS id ORDER BY id"
ALL_ARTICLES = "MATCH (a:Article) RETURN a ORDER BY a.id"
ARTICLES_BY_ID = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a ORDER BY a.id"
PING = "RETURN 1 AS ok"

# ------------------------------------------------------------------- merges (graph/merging.py)
# Kept apart from the ingest statements: a merge reads the records it touches, computes the result in
# Python (graph/merging.py, shared with the embedded store) and writes it back with these.

MERGE_ENTITY_RELATIONS = f"""
MATCH (e:Entity)-[r:{REL_TYPES_PATTERN}]-()
WHERE e.id IN $ids
WITH DISTINCT r
RETURN startNode(r).id AS s, endNode(r).id AS t, type(r) AS type, properties(r) AS r
"""

MERGE_ENTITY_EVENTS = """
MATCH (ev:Event)--(e:Entity {id: $id})
RETURN DISTINCT ev
"""

MERGE_EVENTS_BY_ID = "UNWIND $ids AS id MATCH (ev:Event {id: id}) RETURN ev"

MERGE_DELETE_RELATIONS = f"""
UNWIND $ids AS rid
MATCH (e:Entity {{id: $entity}})-[r:{REL_TYPES_PATTERN} {{id: rid}}]-()
DELETE r
"""

# Writes one relation type's rows whole: the computed properties replace the stored ones.
MERGE_WRITE_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.source}}), (t:Entity {{id: row.target}})
MERGE (s)-[r:{rtype} {{id: row.props.id}}]->(t)
SET r = row.props
"""
    for rtype in RELATION_TYPES
}

MERGE_DELETE_EVENTS = "UNWIND $ids AS id MATCH (ev:Event {id: id}) DETACH DELETE ev"

MERGE_WRITE_EVENTS = """
UNWIND $rows AS row
CREATE (ev:Event)
SET ev = row.props, ev.merged_from = row.merged_from
WITH ev, row
CALL (ev, row) {
  UNWIND row.actors AS aid
  MATCH (a:Entity {id: aid})
  MERGE (a)-[:ACTOR_IN]->(ev)
}
CALL (ev, row) {
  UNWIND row.targets AS tid
  MATCH (t:Entity {id: tid})
  MERGE (ev)-[:TARGETS]->(t)
}
CALL (ev, row) {
  UNWIND CASE WHEN row.location IS NULL THEN [] ELSE [row.location] END AS lid
  MATCH (l:Entity {id: lid})
  MERGE (ev)-[:LOCATED_AT]->(l)
}
CALL (ev, row) {
  UNWIND row.props.article_ids AS art
  MATCH (a:Article {id: art})
  MERGE (ev)-[:REPORTED_IN]->(a)
}
"""

# The kept entity takes the folded properties and the dropped one's articles; then the dropped one goes.
MERGE_ENTITY_FINISH = """
MATCH (k:Entity {id: $keep}), (d:Entity {id: $drop})
SET k += $props
WITH k, d
CALL (k, d) {
  MATCH (d)-[:MENTIONED_IN]->(a:Article)
  MERGE (k)-[:MENTIONED_IN]->(a)
}
DETACH DELETE d
"""

# ------------------------------------------------------------------------------- user Cypher

# User Cypher has passed graph/cypher_guard.py; Neo4j's own parser and planner check it once more:
# the plan of `EXPLAIN <query>` must be read-only, and no operator name may start with one of these
# (docs/security.md).
REFUSED_PLAN_OPERATORS = (
    "LoadCSV",
    "ProcedureCall",
    "Show",
    "Terminate",
    "Create",
    "Merge",
    "Delete",
    "DetachDelete",
    "Remove",
    "Set",
    "Foreach",
    "SubqueryForeach",
    "Transaction",  # CALL { ... } IN TRANSACTIONS
)
READ_ONLY_QUERY_TYPE = "r"
WRITE_QUERY_TYPES = ("w", "rw")


def explain(query: str) -> str:
    """The user's (already guarded) query, planned but not run."""
    return "EXPLAIN " + query


# ------------------------------------------------------------------------------ entity search
# graph/search.py has the contract and graph/stores/neo4j_search.py the steps. Per stem (the longest
# first), the index is asked once for at most $cap + 1 matches (a count that stops early; the nodes are
# kept, so a narrow stem needs no second index query); the first stem with
# at most $cap gives the candidates, as rows that Python ranks, unless every stem has more than $cap (a
# broad query: no candidate rows). A row holds the entity's fields too (`CANDIDATE_ROW`), so the page
# is built from the rows: no second round trip for the page's nodes (a few more bytes per candidate
# cost less than a round trip under load). The degree is the stored `Entity.degree` (counting it per
# candidate was most of a search's time: 20 db hits a node).
CANDIDATE_ROW = ("id", "name", "kind", "aliases", "country_code", "titles", "lat", "lon", "degree")
SEARCH_CANDIDATES = f"""
CALL db.index.fulltext.queryNodes('{SEARCH_INDEX}', $lucene, {{limit: $cap + 1}}) YIELD node
WITH collect(node) AS nodes
RETURN size(nodes) AS n, CASE WHEN size(nodes) > $cap THEN [] ELSE [
  node IN nodes WHERE $kind IS NULL OR node.kind = $kind |
  [node.id, node.name, node.kind, node.aliases, node.country_code, node.titles, node.lat, node.lon,
   coalesce(node.degree, 0), coalesce(node.name_key, '')] + coalesce(node.alias_keys, [])
] END AS rows
"""

# The same candidates as ids only (the index's answer, no property read: ~4x cheaper for ~1,000 matches
# than the rows above), for a store that keeps the rows it has read at this graph version; when it
# lacks some, it reads them with the statement above.
SEARCH_CANDIDATE_IDS = f"""
CALL db.index.fulltext.queryNodes('{SEARCH_INDEX}', $lucene, {{limit: $cap + 1}}) YIELD node
RETURN collect(node.id) AS ids
"""
# Every entity's candidate row (as `SEARCH_CANDIDATES` returns them), for a store that prepares the
# whole graph's search keys once per graph version in the background (neo4j_row_memo.RowMemo.preload), so
# that no search meets a stem cold. Streamed: one row a record.
ENTITY_COUNT = "MATCH (e:Entity) RETURN count(e) AS n"  # from the count store: no scan
SEARCH_ALL_ROWS = """
MATCH (node:Entity)
RETURN [node.id, node.name, node.kind, node.aliases, node.country_code, node.titles, node.lat, node.lon,
        coalesce(node.degree, 0), coalesce(node.name_key, '')] + coalesce(node.alias_keys, []) AS row
"""
_LIGHT_ROW = "[e.id, e.name, coalesce(e.degree, 0), coalesce(e.name_key, '')] + coalesce(e.alias_keys, [])"

# A broad query's exact matches: the name by its range index, aliases through the full-text index.
SEARCH_EXACT = f"""
CALL () {{
  MATCH (e:Entity {{name_key: $key}}) RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('{SEARCH_INDEX}', $aliases) YIELD node
  WITH node AS e WHERE $key IN e.alias_keys
  RETURN e
}}
WITH e WHERE $kind IS NULL OR e.kind = $kind
RETURN {_LIGHT_ROW} AS row
"""

# The most connected entities (of a kind), as light rows: a broad query's candidates and the pages of
# browsing without a query; the store keeps them per graph version (a scan of every stored degree).
MOST_CONNECTED = """
MATCH (e:Entity)
WHERE $kind IS NULL OR e.kind = $kind
WITH e, coalesce(e.degree, 0) AS degree
ORDER BY degree DESC, e.name, e.id
LIMIT $limit
RETURN [e.id, e.name, degree, coalesce(e.name_key, '')] + coalesce(e.alias_keys, []) AS row
"""
