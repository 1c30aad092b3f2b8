"""The partnership graph, from the page index's front matter only: organisations, events, case studies, workshop
kits and initiative lists as nodes in three layers (organisations | events | what came of them), and as edges
the relations the pages state: an event's `organisers`, a case study's `partners[].org` (with the role), a case
study's `event`, and the `related` links between pages of different layers. Nothing is inferred (a case study's
partner is not made a participant of its event); links within a layer (a kit to a kit) are "see also", not
partnerships, and are left out. The same relations hold in both languages (SHARED_KEYS); titles are the
language's own."""
from __future__ import annotations

from dataclasses import dataclass

from kb.kinds import SECTIONS

LAYERS = {"organisation": 0, "event": 1, "case-study": 2, "workshop-kit": 2, "initiative-list": 2}
KIND_ORDER = list(LAYERS)  # within a layer, before barycentre ordering
# When two pages are linked twice (a case study's `event` that is also in its `related`), the stronger says it.
STRENGTH = {"organiser": 3, "partner": 3, "event": 2, "related": 1}


@dataclass(frozen=True)
class Node:
    id: str       # the page's path in its language folder, without .md: "organisations/ifla"
    kind: str
    title: str
    order: tuple  # front-matter order, then title: the initial place in the layer

    @property
    def layer(self) -> int:
        return LAYERS[self.kind]

    @property
    def rel(self) -> str:
        return self.id + ".md"


@dataclass(frozen=True)
class Edge:
    source: str          # the node of the lower layer (organisation before event before case study)
    target: str
    relation: str        # organiser | partner | event | related
    role: str | None = None  # a partner's role term (partner-roles), "organiser" for an event's organiser


@dataclass
class Graph:
    nodes: dict[str, Node]
    edges: list[Edge]

    def layers(self) -> list[list[str]]:
        """Node ids per layer, in their initial order."""
        out: list[list[str]] = [[] for _ in range(1 + max(LAYERS.values()))]
        for node in sorted(self.nodes.values(), key=lambda n: (KIND_ORDER.index(n.kind), n.order)):
            out[node.layer].append(node.id)
        return out

    def neighbours(self, node_id: str) -> list[tuple[Edge, str]]:
        """(edge, the other end) of every edge at a node."""
        return [(e, e.target if e.source == node_id else e.source) for e in self.edges
                if node_id in (e.source, e.target)]


def _node_id(rel) -> str | None:
    return rel[:-3] if isinstance(rel, str) and rel.endswith(".md") else None


def build(pages: dict[str, dict]) -> Graph:
    """The graph of one language's pages ({path in the language folder: front matter})."""
    nodes = {}
    for rel, meta in pages.items():
        kind = meta.get("kind")
        if kind in LAYERS and rel.startswith(SECTIONS[kind] + "/") and not rel.endswith("/index.md"):
            order = meta.get("order") if isinstance(meta.get("order"), int) else 10**6
            nodes[rel[:-3]] = Node(rel[:-3], kind, str(meta.get("title") or rel), (order, str(meta.get("title"))))
    found: dict[frozenset, Edge] = {}

    def link(a: str | None, b: str | None, relation: str, role: str | None = None):
        if a not in nodes or b not in nodes or nodes[a].layer == nodes[b].layer:
            return
        if nodes[a].layer > nodes[b].layer:
            a, b = b, a
        key = frozenset((a, b))
        if key not in found or STRENGTH[relation] > STRENGTH[found[key].relation]:
            found[key] = Edge(a, b, relation, role)

    for node_id, node in nodes.items():
        meta = pages[node.rel]
        for org in meta.get("organisers") or [] if node.kind == "event" else []:
            link(_node_id(org), node_id, "organiser", "organiser")
        for partner in meta.get("partners") or [] if node.kind == "case-study" else []:
            if isinstance(partner, dict) and isinstance(partner.get("org"), str):
                link(f"{SECTIONS['organisation']}/{partner['org']}", node_id, "partner", partner.get("role"))
        if node.kind == "case-study":
            link(_node_id(meta.get("event")), node_id, "event")
        for other in meta.get("related") or []:
            link(_node_id(other), node_id, "related")
    edges = sorted(found.values(), key=lambda e: (e.source, e.target))
    used = {n for e in edges for n in (e.source, e.target)}
    # A page linked to nothing says nothing about partnerships: it stays in its catalogue, off the map.
    return Graph({k: v for k, v in nodes.items() if k in used}, edges)
