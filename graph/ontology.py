"""The ontology of the evaluation GUIDE as data: entity kinds, relation and event types, and what the
stores and views derive from them (Neo4j labels, symmetric types, the sign of each relation type)."""

from __future__ import annotations

from typing import Literal, get_args

EntityKind = Literal["person", "country", "organization", "armed_group", "group", "place"]
RelationType = Literal[
    "ALLIED_WITH",
    "SUPPORTS",
    "OPPOSES",
    "CONDEMNED",
    "ACCUSED",
    "STRUCK",
    "SPOKE_WITH",
    "MET_WITH",
    "THREATENED",
    "AFFILIATED_WITH",
    "LOCATED_IN",
    "CONTROLS",
]
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
DatePrecision = Literal["day", "month", "year"]

ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)
RELATION_TYPES: tuple[str, ...] = get_args(RelationType)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
SYMMETRIC_TYPES: frozenset[str] = frozenset({"ALLIED_WITH", "SPOKE_WITH", "MET_WITH"})
# Neo4j label for each entity kind (every entity also carries the `Entity` label).
KIND_LABELS: dict[str, str] = {
    "person": "Person",
    "country": "Country",
    "organization": "Organization",
    "armed_group": "ArmedGroup",
    "group": "Group",
    "place": "Place",
}
# Signs used by the alliance analysis and the views: cooperative +1, hostile -1, others 0.
RELATION_SIGN: dict[str, int] = {
    "ALLIED_WITH": 1,
    "SUPPORTS": 1,
    "CONDEMNED": -1,
    "ACCUSED": -1,
    "STRUCK": -1,
    "OPPOSES": -1,
    "THREATENED": -1,
}
