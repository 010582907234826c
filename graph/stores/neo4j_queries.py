"""Every Cypher statement the Neo4j store runs, as parameterised constants."""

from __future__ import annotations

from graph.model import KIND_LABELS, RELATION_TYPES

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
# Relationship-property indexes: relation ids are looked up on every merge.
SCHEMA += [
    f"CREATE INDEX rel_{t.lower()}_id IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.id)" for t in RELATION_TYPES
]

# Existing relations, found from their indexed end nodes (never a scan of all relationships).
EXISTING_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.source}})-[r:{rtype} {{id: row.id}}]->(:Entity {{id: row.target}})
RETURN r.id AS id, r.ev_keys AS keys
"""
    for rtype in RELATION_TYPES
}

# -------------------------------------------------------------------------------------- writes

EXISTING_ARTICLES = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id"
EXISTING_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id"
EXISTING_EVENTS = "UNWIND $ids AS id MATCH (e:Event {id: id}) RETURN e.id AS id, e.ev_keys AS keys"

MERGE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a += row
"""

# One statement per kind label: labels cannot be parameters.
MERGE_ENTITIES = {
    kind: f"""
UNWIND $rows AS row
MERGE (e:Entity {{id: row.props.id}})
ON CREATE SET e += row.props, e:{label}
ON MATCH SET
  e.aliases = e.aliases + [a IN row.props.aliases WHERE NOT a IN e.aliases],
  e.alias_keys = e.alias_keys + [a IN row.props.alias_keys WHERE NOT a IN e.alias_keys],
  e.titles = e.titles + [t IN row.props.titles WHERE NOT t IN e.titles],
  e.country_code = coalesce(e.country_code, row.props.country_code),
  e.lat = coalesce(e.lat, row.props.lat),
  e.lon = coalesce(e.lon, row.props.lon)
WITH e, row
UNWIND row.articles AS art
MATCH (a:Article {{id: art}})
MERGE (e)-[:MENTIONED_IN]->(a)
"""
    for kind, label in KIND_LABELS.items()
}

# Evidence is appended only where its key is new, so re-loading an article changes nothing.
_APPEND_EVIDENCE = """
  {v}.ev_keys = {v}.ev_keys + [i IN new | row.props.ev_keys[i]],
  {v}.ev_sentences = {v}.ev_sentences + [i IN new | row.props.ev_sentences[i]],
  {v}.ev_articles = {v}.ev_articles + [i IN new | row.props.ev_articles[i]],
  {v}.ev_dates = {v}.ev_dates + [i IN new | row.props.ev_dates[i]],
  {v}.ev_confidences = {v}.ev_confidences + [i IN new | row.props.ev_confidences[i]],
  {v}.evidence_count = size({v}.ev_keys) + size(new),
  {v}.article_ids = {v}.article_ids + [a IN row.props.article_ids WHERE NOT a IN {v}.article_ids]"""

# One statement merges a batch of one relation type and reports, per relation, whether it was created
# and how many pieces of evidence were new (no separate lookup round trip).
MERGE_RELATIONS = {
    rtype: f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.source}}), (t:Entity {{id: row.target}})
MERGE (s)-[r:{rtype} {{id: row.props.id}}]->(t)
ON CREATE SET r += row.props, r.ag_created = true
WITH r, row, r.ag_created IS NOT NULL AS created
REMOVE r.ag_created
WITH r, row, created,
     CASE WHEN created THEN [] ELSE [i IN range(0, size(row.props.ev_keys) - 1) WHERE NOT row.props.ev_keys[i] IN r.ev_keys] END AS new
FOREACH (_ IN CASE WHEN size(new) > 0 THEN [1] ELSE [] END |
  SET {_APPEND_EVIDENCE.format(v="r")},
    r.titles = r.titles + [t IN row.props.titles WHERE NOT t IN r.titles],
    r.confidence = CASE WHEN row.props.confidence > r.confidence THEN row.props.confidence ELSE r.confidence END
)
FOREACH (_ IN CASE WHEN size(new) > 0 THEN [1] ELSE [] END |
  SET r.first_seen = reduce(m = null, d IN r.ev_dates | CASE WHEN d <> '' AND (m IS NULL OR d < m) THEN d ELSE m END),
      r.last_seen = reduce(m = null, d IN r.ev_dates | CASE WHEN d <> '' AND (m IS NULL OR d > m) THEN d ELSE m END)
)
RETURN r.id AS id, created, CASE WHEN created THEN size(row.props.ev_keys) ELSE size(new) END AS added
"""
    for rtype in RELATION_TYPES
}

MERGE_EVENTS = f"""
UNWIND $rows AS row
MERGE (ev:Event {{id: row.props.id}})
ON CREATE SET ev += row.props
WITH ev, row, [i IN range(0, size(row.props.ev_keys) - 1) WHERE NOT row.props.ev_keys[i] IN ev.ev_keys] AS new
FOREACH (_ IN CASE WHEN size(new) > 0 THEN [1] ELSE [] END |
  SET {_APPEND_EVIDENCE.format(v="ev")}
)
WITH ev, row
CALL (ev, row) {{
  UNWIND row.actors AS aid
  MATCH (a:Entity {{id: aid}})
  MERGE (a)-[:ACTOR_IN]->(ev)
}}
CALL (ev, row) {{
  UNWIND row.targets AS tid
  MATCH (t:Entity {{id: tid}})
  MERGE (ev)-[:TARGETS]->(t)
}}
CALL (ev, row) {{
  UNWIND CASE WHEN row.location IS NULL THEN [] ELSE [row.location] END AS lid
  MATCH (l:Entity {{id: lid}})
  MERGE (ev)-[:LOCATED_AT]->(l)
}}
CALL (ev, row) {{
  UNWIND row.props.article_ids AS art
  MATCH (a:Article {{id: art}})
  MERGE (ev)-[:REPORTED_IN]->(a)
}}
"""

# Row-by-row baseline for the ingestion benchmark: one relation, one statement, one transaction.
MERGE_ONE_RELATION = {
    rtype: f"""
MATCH (s:Entity {{id: $source}}), (t:Entity {{id: $target}})
MERGE (s)-[r:{rtype} {{id: $props.id}}]->(t)
ON CREATE SET r += $props
"""
    for rtype in RELATION_TYPES
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

SEARCH_ENTITIES = f"""
MATCH (e:Entity)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($q = '' OR e.name_key CONTAINS $q OR any(a IN e.alias_keys WHERE a CONTAINS $q))
WITH e, COUNT {{ (e)-[:{REL_TYPES_PATTERN}]-() }} AS degree
ORDER BY degree DESC, e.name, e.id
WITH collect({{e: e, degree: degree}}) AS items
RETURN size(items) AS total, items[$offset..$offset + $limit] AS page
"""

# Typed relations with their end ids; the filter is applied in the statement.
RELATIONS = f"""
MATCH (s:Entity)-[r:{REL_TYPES_PATTERN}]->(t:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($entity IS NULL OR s.id = $entity OR t.id = $entity)
  AND ($source IS NULL OR s.id = $source OR (type(r) IN $symmetric AND t.id = $source))
  AND ($target IS NULL OR t.id = $target OR (type(r) IN $symmetric AND s.id = $target))
  AND ($since IS NULL OR any(d IN r.ev_dates WHERE d <> '' AND d >= left($since, size(d))))
  AND ($until IS NULL OR any(d IN r.ev_dates WHERE d <> '' AND left(d, size($until)) <= $until))
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
  AND ($since IS NULL OR any(d IN r.ev_dates WHERE d <> '' AND d >= left($since, size(d))))
  AND ($until IS NULL OR any(d IN r.ev_dates WHERE d <> '' AND left(d, size($until)) <= $until)))
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
