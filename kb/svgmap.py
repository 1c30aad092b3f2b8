"""The partnership map as an inline SVG, laid out at build time (kb/graph.py's three layers, as columns): an edge
that skips the middle layer gets a waypoint there (a Sugiyama "dummy"), each layer is ordered by the barycentre of
its neighbours in sweeps down and up, keeping the order with the fewest crossings, and labels are wrapped with the
self-hosted fonts' own advance widths. Deterministic: the same pages give the same bytes. Right to left, the columns
are mirrored (organisations on the right) and the labels set with direction rtl. Colours and strokes are classes in
kb.css (no style attribute: the Content-Security-Policy allows none)."""
from __future__ import annotations

import bisect
import functools
import html
import unicodedata
from dataclasses import dataclass

from kb.data import ROOT
from kb.graph import Graph

WIDTH, COLUMN, HEAD = 1000, 250, 34        # viewBox width, node width, the column titles' band
PAD_X, PAD_Y, GAP, WAYPOINT = 10, 8, 12, 6  # inside a node, between nodes, a waypoint's height
FONT = {"ltr": (14, 19), "rtl": (15, 23)}   # label size and line height (Naskh's dots need more room)
SWEEPS = 12
# Colours as presentation attributes, not classes: WeasyPrint draws an inline SVG without the page's stylesheet,
# and the policy allows no style attribute. kb.css only changes them while a node is brought out.
LINES = {"organiser": ("#1f4e5f", ""), "partner": ("#a4461d", ""), "related": ("#5c6670", "5 4")}
BOXES = {"organisation": ("#e3eef2", "#1f4e5f"), "event": ("#fbeee2", "#a4461d"), "case-study": ("#e6eef8", "#1d5f8a"),
         "workshop-kit": ("#e8f3e6", "#2f6b2a"), "initiative-list": ("#f1eaf6", "#6a3f86")}
FAMILY = {"ltr": "Noto Sans, Noto Naskh Arabic, sans-serif", "rtl": "Noto Naskh Arabic, Noto Sans, serif"}
FONTS = ROOT / "docs" / "assets" / "fonts"
FACES = ("noto-sans-latin-400-normal.woff2", "noto-naskh-arabic-arabic-400-normal.woff2")


@functools.cache
def _advances() -> list[tuple[dict, dict, int]]:
    from fontTools.ttLib import TTFont  # a dependency of the exports already; read once per process
    out = []
    for name in FACES:
        font = TTFont(FONTS / name)
        out.append((font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm))
    return out


@functools.cache
def _forms() -> dict[tuple[str, str], str]:
    """{(Arabic letter, form): its presentation-form character}, form one of initial, medial, final, isolated."""
    out = {}
    for code in range(0xFE70, 0xFEFD):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and parts[0].strip("<>") in ("initial", "medial", "final", "isolated"):
            out[(chr(int(parts[1], 16)), parts[0].strip("<>"))] = chr(code)
    return out


def _shaped(text: str) -> str:
    """Arabic letters in their joined forms (initial, medial, final), as the browser shapes them, so that they
    are measured at their real width; without it a label is measured a quarter too long."""
    forms = _forms()
    letters = list(text)
    solid = [i for i, ch in enumerate(letters) if unicodedata.category(ch) != "Mn"]  # marks are transparent
    out = list(letters)
    for k, i in enumerate(solid):
        ch = letters[i]
        if (ch, "isolated") not in forms:
            continue
        prev = letters[solid[k - 1]] if k else ""
        nxt = letters[solid[k + 1]] if k + 1 < len(solid) else ""
        after = (prev, "initial") in forms            # the letter before joins towards this one
        before = (ch, "initial") in forms and (nxt, "isolated") in forms
        form = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get((after, before))
        out[i] = forms.get((ch, form or "isolated"), ch)
    return "".join(out)


def text_width(text: str, size: float) -> float:
    """The width of `text` at `size`, from the first self-hosted face that has each character (Arabic shaped)."""
    total = 0.0
    for ch in _shaped(text):
        for cmap, metrics, upem in _advances():
            if ord(ch) in cmap:
                total += metrics[cmap[ord(ch)]][0] / upem
                break
        else:
            total += 0.6
    return total * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy line breaks at spaces so that each line fits `width` (a word longer than it stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


# ── Order ───────────────────────────────────────────────────────────────────────────────────────────

def _segments(graph: Graph, layers: list[list[str]]) -> list[list[tuple[str, str]]]:
    """Per pair of adjacent layers, the (upper, lower) segments; an edge over the middle gets a waypoint there."""
    segs: list[list[tuple[str, str]]] = [[] for _ in layers[1:]]
    for e in graph.edges:
        a, b = graph.nodes[e.source].layer, graph.nodes[e.target].layer
        chain = [e.source] + [waypoint(e.source, e.target)] * (b - a - 1) + [e.target]
        for i, (u, v) in enumerate(zip(chain, chain[1:], strict=False)):
            segs[a + i].append((u, v))
    return segs


def waypoint(source: str, target: str) -> str:
    return f"~{source}|{target}"


def crossings(order: list[list[str]], segs: list[list[tuple[str, str]]]) -> int:
    """The pairs of segments that cross: between two adjacent layers, those whose ends are in opposite orders
    (sharing an end is no crossing), counted as the inversions of the lower ends taken in the upper ends' order
    (n log n: every pair compared was the map's build time at 500 case studies per language)."""
    total = 0
    for i, pairs in enumerate(segs):
        up, down = ({n: k for k, n in enumerate(order[i])}, {n: k for k, n in enumerate(order[i + 1])})
        seen: list[int] = []  # the lower ends so far, sorted
        for _, lower in sorted((up[u], down[v]) for u, v in pairs):
            total += len(seen) - bisect.bisect_right(seen, lower)
            bisect.insort(seen, lower)
    return total


def order_layers(graph: Graph) -> list[list[str]]:
    """Each layer's nodes (and the middle's waypoints) top to bottom, with few edge crossings."""
    layers = graph.layers()
    segs = _segments(graph, layers)
    for i in range(1, len(layers) - 1):  # waypoints start beside their edge's end in the layer above
        ways = sorted({v for _, v in segs[i - 1] if v.startswith("~")},
                      key=lambda w: (layers[i - 1].index(w[1:].split("|")[0]), w))
        layers[i] += ways
    best, best_n = [list(layer) for layer in layers], crossings(layers, segs)
    order = [list(layer) for layer in layers]
    for sweep in range(SWEEPS):
        down = sweep % 2 == 0
        for i in (range(1, len(order)) if down else range(len(order) - 2, -1, -1)):
            ref = order[i - 1] if down else order[i + 1]
            where = {n: k for k, n in enumerate(ref)}
            pairs = segs[i - 1] if down else segs[i]
            near: dict[str, list[int]] = {}
            for u, v in pairs:
                mine, other = (v, u) if down else (u, v)
                near.setdefault(mine, []).append(where[other])
            scale = (len(ref) - 1) / max(len(order[i]) - 1, 1)  # a node with no neighbour there keeps its place
            here = {n: k for k, n in enumerate(order[i])}
            order[i] = sorted(order[i], key=lambda n: (
                sum(near[n]) / len(near[n]) if n in near else here[n] * scale, here[n]))
        n = crossings(order, segs)
        if n < best_n:
            best, best_n = [list(layer) for layer in order], n
    return best


# ── Geometry ─────────────────────────────────────────────────────────────────────────────────────────

@dataclass
class Box:
    id: str
    x: float
    y: float
    w: float
    h: float
    lines: list[str]

    @property
    def mid(self) -> float:
        return self.y + self.h / 2


def layout(graph: Graph, direction: str = "ltr") -> tuple[list[Box], dict[str, Box], float]:
    """The boxes of nodes and waypoints (LTR coordinates; render mirrors them) and the height of the drawing."""
    size, line = FONT[direction]
    order = order_layers(graph)
    gap = (WIDTH - COLUMN * len(order)) / (len(order) - 1)
    boxes: dict[str, Box] = {}
    columns = []
    for i, ids in enumerate(order):
        col = []
        for n in ids:
            # 6% to spare: the estimate can fall short of the browser's shaping by that much
            lines = [] if n.startswith("~") else wrap(graph.nodes[n].title, (COLUMN - 2 * PAD_X) * 0.94, size)
            h = WAYPOINT if n.startswith("~") else len(lines) * line + 2 * PAD_Y
            col.append(Box(n, i * (COLUMN + gap), 0, COLUMN, h, lines))
        columns.append(col)
    height = max(sum(b.h for b in col) + GAP * (len(col) - 1) for col in columns)
    for col in columns:  # each column spread over the height of the tallest, evenly
        spare = (height - sum(b.h for b in col)) / (len(col) + 1)
        y = HEAD + spare
        for b in col:
            b.y = y
            y += b.h + spare
            boxes[b.id] = b
    return [b for col in columns for b in col], boxes, height + HEAD + GAP


def _ports(graph: Graph, boxes: dict[str, Box]) -> dict[tuple[str, str], float]:
    """Where each edge meets each box it ends at: the box's side divided among its edges, in the order of
    the other ends, so that edges leave a node without crossing one another."""
    sides: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for e in graph.edges:
        first_hop = waypoint(e.source, e.target) if waypoint(e.source, e.target) in boxes else e.target
        last_hop = waypoint(e.source, e.target) if first_hop != e.target else e.source
        sides.setdefault((e.source, "out"), []).append((boxes[first_hop].mid, e.target))
        sides.setdefault((e.target, "in"), []).append((boxes[last_hop].mid, e.source))
    ports = {}
    for (node, _side), ends in sides.items():
        box = boxes[node]
        for k, (_, other) in enumerate(sorted(ends)):
            ports[(node, other)] = box.y + box.h * (k + 1) / (len(ends) + 1)
    return ports


def line_style(relation: str) -> str:
    """A line's stroke attributes (a case study's `event` drawn as the related pages it also is)."""
    colour, dashes = LINES.get(relation, LINES["related"])
    return f'fill="none" stroke="{colour}" stroke-width="1.6"' + (f' stroke-dasharray="{dashes}"' if dashes else "")


def _curve(x1, y1, x2, y2) -> str:
    dx = (x2 - x1) / 2
    return f"C{x1 + dx:.1f} {y1:.1f} {x2 - dx:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"


def render(graph: Graph, hrefs: dict[str, str], direction: str, heads: list[str], label: str) -> str:
    """The <svg>: column titles, edges, then nodes as links (hrefs: node id -> URL relative to the page)."""
    size, line = FONT[direction]
    ordered, boxes, height = layout(graph, direction)

    def x(v: float) -> float:  # right to left: the mirror image
        return WIDTH - v if direction == "rtl" else v
    ports = _ports(graph, boxes)
    out = [f'<svg class="kb-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox="-3 0 {WIDTH + 6} {height:.0f}" '
           f'width="{WIDTH + 6}" height="{height:.0f}" direction="{direction}" font-family="{FAMILY[direction]}" '
           f'font-size="{size}" fill="#111" focusable="false" '
           f'aria-label="{html.escape(label)}" data-kb-map>']
    gap = (WIDTH - COLUMN * len(heads)) / (len(heads) - 1)
    for i, head in enumerate(heads):
        out.append(f'<text class="kb-map__head" x="{x(i * (COLUMN + gap) + COLUMN / 2):.1f}" y="20" '
                   f'text-anchor="middle" font-weight="700">{html.escape(head)}</text>')
    out.append('<g class="kb-map__edges">')
    for e in graph.edges:
        a, b = boxes[e.source], boxes[e.target]
        y1, y2 = ports[(e.source, e.target)], ports[(e.target, e.source)]
        d = f"M{x(a.x + a.w):.1f} {y1:.1f}"
        way = boxes.get(waypoint(e.source, e.target))
        if way:
            d += _curve(x(a.x + a.w), y1, x(way.x), way.mid) + f"L{x(way.x + way.w):.1f} {way.mid:.1f}"
            d += _curve(x(way.x + way.w), way.mid, x(b.x), y2)
        else:
            d += _curve(x(a.x + a.w), y1, x(b.x), y2)
        out.append(f'<path class="kb-map__edge kb-map__edge--{e.relation}" d="{d}" {line_style(e.relation)} '
                   f'data-kb-from="{e.source}" data-kb-to="{e.target}"/>')
    out.append('</g><g class="kb-map__nodes">')
    for b in ordered:
        if b.id.startswith("~"):
            continue
        node = graph.nodes[b.id]
        left = x(b.x + b.w) if direction == "rtl" else x(b.x)
        cx = x(b.x + b.w / 2)
        top = b.y + PAD_Y + (line - size) / 2 + size * 0.8
        spans = "".join(f'<tspan x="{cx:.1f}" y="{top + k * line:.1f}">{html.escape(t)}</tspan>'
                        for k, t in enumerate(b.lines))
        out.append(f'<a class="kb-map__node kb-map__node--{node.kind}" href="{html.escape(hrefs[b.id])}" '
                   f'tabindex="-1" data-kb-node="{b.id}"><rect x="{left:.1f}" y="{b.y:.1f}" width="{b.w}" '
                   f'height="{b.h:.1f}" rx="6" fill="{BOXES[node.kind][0]}" stroke="{BOXES[node.kind][1]}" '
                   f'stroke-width="1.5"/><text text-anchor="middle">{spans}</text></a>')
    out.append("</g></svg>")
    return "".join(out)
