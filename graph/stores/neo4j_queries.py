"""Every Cypher statement the Neo4j store runs, as parameterised constants."""

from __future__ import annotations

from graph.model import KIND_LABELS, RELATION_TYPES
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
# statements only MERGE and SET values.

EXISTING_ARTICLES = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id"
EXISTING_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id"
EXISTING_EVENTS = "UNWIND $ids AS id MATCH (ev:Event {id: id}) RETURN ev.id AS id"
# Anchored at both ends (indexed entity ids), so no relationship-id index is needed.
EXISTING_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (:Entity {{id: row.s}})-[r:{rtype} {{id: row.id}}]->(:Entity {{id: row.t}})
RETURN r.id AS id
"""
    for rtype in RELATION_TYPES
}

MERGE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a = row
"""

ENTITY_PROPS = ("name", "kind", "aliases", "name_key", "alias_keys", "country_code", "titles", "lat", "lon")
EVENT_PROPS = ("type", "label", "date", "date_precision", "killed", "wounded", "quantity", *EVIDENCE_COLUMNS)
RELATION_PROPS = ("first_seen", "last_seen", "titles", "confidence", *EVIDENCE_COLUMNS)


def _set_each(var: str, keys: tuple[str, ...], row: str = "row") -> str:
    # Named properties, not `SET x = map`: a map may write the merge key, which forces an Eager barrier.
    return ", ".join(f"{var}.{k} = {row}.{k}" for k in keys)


# One statement per kind label: labels cannot be parameters. A new entity gets its properties; a known
# one is returned only when the batch brings something it lacks, and Python writes the union back.
MERGE_ENTITIES = {
    kind: f"""
UNWIND $rows AS row
MERGE (e:Entity {{id: row.id}})
ON CREATE SET {_set_each("e", ENTITY_PROPS)}, e:{label}
WITH e, row
WHERE any(a IN row.aliases WHERE NOT a IN e.aliases) OR any(t IN row.titles WHERE NOT t IN e.titles)
   OR (e.country_code IS NULL AND row.country_code IS NOT NULL)
   OR (e.lat IS NULL AND row.lat IS NOT NULL)
RETURN e.id AS id, e.aliases AS aliases, e.titles AS titles, e.country_code AS country_code,
       e.lat AS lat, e.lon AS lon
"""
    for kind, label in KIND_LABELS.items()
}

UPDATE_ENTITIES = f"""
UNWIND $rows AS row
MATCH (e:Entity {{id: row.id}})
SET {_set_each("e", ("aliases", "alias_keys", "titles", "country_code", "lat", "lon"))}
"""

# Mentions of an article seen for the first time cannot exist yet: CREATE, no MERGE scan.
CREATE_MENTIONS = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.e})
MATCH (a:Article {id: row.a})
CREATE (e)-[:MENTIONED_IN]->(a)
"""

MERGE_MENTIONS = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.e})
MATCH (a:Article {id: row.a})
MERGE (e)-[:MENTIONED_IN]->(a)
"""

# A new relation gets all its properties at once. A known one whose stored evidence differs from the
# batch's is returned, and Python writes the merged evidence back (UPDATE_RELATIONS): the common case,
# a new relation or an unchanged one, costs one MERGE and one SET.
MERGE_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.s}})
MATCH (t:Entity {{id: row.t}})
MERGE (s)-[r:{rtype} {{id: row.p.id}}]->(t)
ON CREATE SET {_set_each("r", RELATION_PROPS, "row.p")}
WITH r, row
WHERE r.evidence <> row.p.evidence OR r.titles <> row.p.titles
RETURN r.id AS id, r.evidence AS evidence, r.titles AS titles
"""
    for rtype in RELATION_TYPES
}

UPDATE_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.s}})-[r:{rtype} {{id: row.p.id}}]->(:Entity {{id: row.t}})
SET {_set_each("r", RELATION_PROPS, "row.p")}
"""
    for rtype in RELATION_TYPES
}

# Events: the same pattern, then their links (few per event; MERGE keeps them idempotent).
MERGE_EVENTS = f"""
UNWIND $rows AS row
MERGE (ev:Event {{id: row.id}})
ON CREATE SET {_set_each("ev", EVENT_PROPS)}
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
FIND_BY_NAME = f"""
MATCH (e:Entity {{name_key: $norm}})
RETURN e, COUNT {{ (e)-[:{REL_TYPES_PATTERN}]-() }} AS degree
ORDER BY degree DESC, e.id
LIMIT 1
"""

FIND_ENTITY = f"""
MATCH (e:Entity)
WHERE e.id = $key OR e.name_key = $norm OR $norm IN e.alias_keys
WITH e, CASE WHEN e.id = $key THEN 0 WHEN e.name_key = $norm THEN 1 ELSE 2 END AS rank
RETURN e, rank, COUNT {{ (e)-[:{REL_TYPES_PATTERN}]-() }} AS degree
ORDER BY rank, degree DESC, e.id
LIMIT 1
"""

# Without a query: every entity by degree (the browse order), counted apart.
BROWSE_ENTITIES = f"""
MATCH (e:Entity)
WHERE $kind IS NULL OR e.kind = $kind
WITH e, COUNT {{ (e)-[:{REL_TYPES_PATTERN}]-() }} AS degree
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

NEIGHBOR_IDS = f"""
MATCH (e:Entity {{id: $id}})
MATCH p = (e)-[rels:{REL_TYPES_PATTERN}*1..{{depth}}]-(n:Entity)
WHERE all(r IN rels WHERE ($types IS NULL OR type(r) IN $types)
  AND ($since IS NULL OR any(d IN r.dates WHERE d <> '' AND d >= left($since, size(d))))
  AND ($until IS NULL OR any(d IN r.dates WHERE d <> '' AND left(d, size($until)) <= $until)))
UNWIND rels AS r
WITH DISTINCT r
RETURN startNode(r).id AS s, endNode(r).id AS t, type(r) AS type, properties(r) AS r
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

EVENTS_FOR_ENTITIES = """
MATCH (ev:Event)--(x:Entity)
WHERE x.id IN $ids
WITH DISTINCT ev ORDER BY coalesce(ev.date, ''), ev.id
RETURN ev
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

SHORTEST_PATHS = f"""
MATCH (a:Entity {{id: $source}}), (b:Entity {{id: $target}})
MATCH p = allShortestPaths((a)-[:{REL_TYPES_PATTERN}*..{{max_hops}}]-(b))
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n.id] AS nodes,
       [r IN relationships(p) | {{s: startNode(r).id, t: endNode(r).id, type: type(r), r: properties(r)}}] AS rels
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
# One round trip (graph/search.py has the contract). The full-text index proposes candidates; the
# exact, prefix and word tiers are decided here with the same tests as `graph.search.tier`, and the
# matches are ordered here (stored strings compare by code points in Neo4j, as in Python), so only the
# page's nodes travel. Candidates in none of those tiers come back as light rows, and only
# when the query is long enough to be fuzzy: rapidfuzz scores them in Python (the fuzzy tier, last).
SEARCH_RANKED = f"""
CALL db.index.fulltext.queryNodes('{SEARCH_INDEX}', $lucene) YIELD node
WHERE $kind IS NULL OR node.kind = $kind
WITH node, [k IN [node.name_key] + coalesce(node.alias_keys, []) WHERE k IS NOT NULL AND k <> ''] AS keys
WITH node, keys,
  CASE
    WHEN $key IN keys THEN 0
    WHEN any(k IN keys WHERE k STARTS WITH $key) THEN 1
    WHEN any(k IN keys WHERE (' ' + k) CONTAINS $word) THEN 2
  END AS tier
WHERE tier IS NOT NULL OR $fuzzy
WITH node, keys, tier, COUNT {{ (node)-[:{REL_TYPES_PATTERN}]-() }} AS degree
ORDER BY tier, degree DESC, node.name, node.id
WITH collect(CASE WHEN tier IS NOT NULL THEN {{node: node, degree: degree}} END) AS ranked,
     collect(CASE WHEN tier IS NULL THEN [node.id, node.name, degree] + keys END) AS others
RETURN size(ranked) AS matched, ranked[$offset..$offset + $limit] AS page, others
"""
