"""Alliance blocs on the signed actor graph, computed with networkx.

Cooperative relations (ALLIED_WITH, SUPPORTS) are positive ties, hostile ones (CONDEMNED, ACCUSED,
STRUCK, OPPOSES, THREATENED) negative; a pair's sign is the sign of its evidence-weighted sum. Blocs
are the connected components of the positive graph among actors; two blocs are hostile when a negative
tie joins them. Structural balance (Heider): the share of signed triangles with an even number of
negative ties, and the frustration of the bloc partition (negative ties inside blocs plus positive ties
between them). See docs/api.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations

import networkx as nx
from pydantic import BaseModel, Field

from graph.model import RELATION_SIGN, Entity, Relation
from graph.store import GraphStore, RelationFilter

ACTOR_KINDS = {"person", "country", "organization", "armed_group", "group"}


class BlocMember(BaseModel):
    id: str
    name: str
    kind: str


class Bloc(BaseModel):
    id: int
    members: list[BlocMember]


class HostilePair(BaseModel):
    blocs: tuple[int, int]
    ties: int = Field(description="hostile relations between the two blocs")
    examples: list[str] = Field(default_factory=list, description="relation ids")


class Balance(BaseModel):
    triangles: int
    balanced_triangles: int
    ratio: float | None = Field(description="balanced / signed triangles; null when there are none")
    frustration: int = Field(description="ties that contradict the bloc partition")
    signed_ties: int


class AllianceReport(BaseModel):
    """Blocs, hostility between them, and how balanced the signed graph is."""

    blocs: list[Bloc]
    hostile_pairs: list[HostilePair]
    balance: Balance
    bloc_of: dict[str, int]


def signed_graph(
    store: GraphStore, since: str | None = None, until: str | None = None
) -> tuple[nx.Graph, dict[str, Entity]]:
    """Actors joined by one signed tie per pair (weight: evidence-weighted sum of signs)."""
    entities: dict[str, Entity] = {}
    relations: list[Relation] = []
    flt = RelationFilter(types=list(RELATION_SIGN), since=since, until=until)  # type: ignore[arg-type]
    offset = 0
    while True:
        page = store.relations(flt, limit=1000, offset=offset)
        for r in page.items:
            for end in (r.source, r.target):
                if end not in entities:
                    entities[end] = store.get_entity(end)
        relations += page.items
        offset += page.limit
        if offset >= page.total:
            break
    return signed_ties(relations, entities), entities


def signed_ties(relations: Iterable[Relation], entities: Mapping[str, Entity]) -> nx.Graph:
    """The signed actor graph of these relations (already windowed): a pure function, cacheable."""
    g = nx.Graph()
    for r in relations:
        if r.type not in RELATION_SIGN or r.source not in entities or r.target not in entities:
            continue
        if entities[r.source].kind not in ACTOR_KINDS or entities[r.target].kind not in ACTOR_KINDS:
            continue
        w = RELATION_SIGN[r.type] * max(1, r.evidence_count)
        data = g.get_edge_data(r.source, r.target, default={"weight": 0, "relations": []})
        g.add_edge(r.source, r.target, weight=data["weight"] + w, relations=[*data["relations"], r.id])
    for _, _, d in g.edges(data=True):
        d["sign"] = 1 if d["weight"] > 0 else -1 if d["weight"] < 0 else 0
    return g


def alliance_blocs(store: GraphStore, since: str | None = None, until: str | None = None) -> AllianceReport:
    """Blocs of the signed actor graph, hostile bloc pairs and structural balance."""
    g, entities = signed_graph(store, since, until)
    return blocs_of(g, entities)


def blocs_of(g: nx.Graph, entities: Mapping[str, Entity]) -> AllianceReport:
    """Blocs (positive components), hostile bloc pairs and balance of a signed graph: pure."""
    pos = nx.Graph()
    pos.add_nodes_from(g.nodes)
    pos.add_edges_from((a, b) for a, b, d in g.edges(data=True) if d["sign"] > 0)
    comps = sorted(nx.connected_components(pos), key=lambda c: (-len(c), min(c)))
    bloc_of = {n: i for i, comp in enumerate(comps) for n in comp}
    blocs = [
        Bloc(
            id=i,
            members=[
                BlocMember(id=n, name=entities[n].name, kind=entities[n].kind)
                for n in sorted(comp, key=lambda x: (-g.degree(x), x))
            ],
        )
        for i, comp in enumerate(comps)
    ]
    hostile: dict[tuple[int, int], HostilePair] = {}
    frustration = 0
    for a, b, d in g.edges(data=True):
        same = bloc_of[a] == bloc_of[b]
        if d["sign"] < 0:
            if same:
                frustration += 1
            else:
                key = (min(bloc_of[a], bloc_of[b]), max(bloc_of[a], bloc_of[b]))
                pair = hostile.setdefault(key, HostilePair(blocs=key, ties=0))
                pair.ties += 1
                pair.examples = (pair.examples + d["relations"])[:5]
        elif d["sign"] > 0 and not same:
            frustration += 1  # cannot happen with component blocs; kept for other partitions
    triangles = balanced = 0
    for tri in (c for c in nx.enumerate_all_cliques(g) if len(c) == 3):
        signs = [g[u][v]["sign"] for u, v in combinations(tri, 2)]
        if 0 in signs:
            continue
        triangles += 1
        balanced += signs.count(-1) % 2 == 0
    signed = sum(1 for *_, d in g.edges(data=True) if d["sign"] != 0)
    return AllianceReport(
        blocs=blocs,
        hostile_pairs=sorted(hostile.values(), key=lambda p: -p.ties),
        balance=Balance(
            triangles=triangles,
            balanced_triangles=balanced,
            ratio=round(balanced / triangles, 4) if triangles else None,
            frustration=frustration,
            signed_ties=signed,
        ),
        bloc_of=bloc_of,
    )
