"""The embedded store's schema: one `Entity` table with the kind as a property (no kind-pair tables),
a relationship table per relation type, and the links between entities, events and articles."""

from __future__ import annotations

from graph.model import RELATION_TYPES
from graph.stores.props import EVIDENCE_COLUMNS

# The relation types between entities, and the links between entities, events and articles.
ENTITY_COLS = (
    "id STRING, name STRING, kind STRING, aliases STRING[], name_key STRING, alias_keys STRING[], "
    "country_code STRING, titles STRING[], lat DOUBLE, lon DOUBLE, PRIMARY KEY(id)"
)
# The evidence columns are the Cypher-visible evidence properties of graph/stores/props.py.
EVIDENCE_COLS = ", ".join(f"{name} {ctype}" for name, ctype in EVIDENCE_COLUMNS.items())
# A typed relation's properties, in table order (`COPY` fills a relationship table by position).
RELATION_COLUMNS = {
    "id": "STRING",
    "first_seen": "STRING",
    "last_seen": "STRING",
    "titles": "STRING[]",
    "confidence": "DOUBLE",
    **EVIDENCE_COLUMNS,
}


def schema() -> list[str]:
    """DDL of the one schema: an `Entity` table with the kind as a property, so no kind-pair tables."""
    ddl = [
        f"CREATE NODE TABLE IF NOT EXISTS Entity({ENTITY_COLS})",
        "CREATE NODE TABLE IF NOT EXISTS Event(id STRING, type STRING, label STRING, date STRING, "
        f"date_precision STRING, killed INT64, wounded INT64, quantity INT64, merged_from STRING[], {EVIDENCE_COLS}, "
        "PRIMARY KEY(id))",
        "CREATE NODE TABLE IF NOT EXISTS Article(id STRING, title STRING, source STRING, url STRING, "
        "published STRING, ingested_at STRING, PRIMARY KEY(id))",
    ]
    for rtype in RELATION_TYPES:
        cols = ", ".join(f"{name} {ctype}" for name, ctype in RELATION_COLUMNS.items())
        ddl.append(f"CREATE REL TABLE IF NOT EXISTS {rtype}(FROM Entity TO Entity, {cols})")
    ddl += [
        "CREATE REL TABLE IF NOT EXISTS ACTOR_IN(FROM Entity TO Event)",
        "CREATE REL TABLE IF NOT EXISTS TARGETS(FROM Event TO Entity)",
        "CREATE REL TABLE IF NOT EXISTS LOCATED_AT(FROM Event TO Entity)",
        "CREATE REL TABLE IF NOT EXISTS REPORTED_IN(FROM Event TO Article)",
        "CREATE REL TABLE IF NOT EXISTS MENTIONED_IN(FROM Entity TO Article)",
    ]
    return ddl
