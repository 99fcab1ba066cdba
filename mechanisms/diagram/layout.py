"""Where each node sits and how each link runs: a layered (Sugiyama) drawing, one band per step.

The story reads top to bottom: each step of the narrative is a band, and inside a band a node sits
below its causes (its longest path from the step's first parts). A link that skips layers gets a
bend point in every layer it passes (a "lane"), so it runs between circles and labels instead of
through them. The order inside each layer comes from barycentre sweeps over all layers (the
ordering with the fewest crossings is kept), then x positions pull each node and lane toward its
neighbours while keeping the order and the gaps (isotonic regression, O(n) per layer). Every step
is deterministic: ties are broken by data order, so the same graph gives the same picture.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from dataclasses import dataclass, field

import networkx as nx

from ..content.model import Graph
from ..present.audience import AUDIENCES, node_label
from . import style

NODE_SLOT_PX = 150.0
"""Width a node takes in its layer: its circle and a label of up to 16 characters a line."""
LANE_PX = 22.0
"""Width a passing link takes in a layer: enough to keep two link markers apart."""
LAYER_PX = 112.0
"""Height of one layer: a circle, a label of up to three lines, and room for the links to turn."""
BAND_HEADER_PX = 30.0
BAND_GAP_PX = 10.0
SWEEPS = 12
"""Down-and-up barycentre sweeps; the best ordering seen is kept."""
PLACEMENT_PASSES = 6
SLOT_BUDGET = 60_000
"""Sweeps and passes shrink for very large graphs (slots x sweeps stays near this): a 1,000-node
graph is laid out in well under half a second, the real one gets every sweep."""
MAX_PER_LAYER = 3
"""Nodes side by side in one layer: three labels fit the chart's width on a desktop and in a step view."""
HUB_LINKS = 4
"""A node with this many links that skip layers (the needle: it acts at every step) is drawn once;
each of those links starts from a short stub just above its target instead of running the height."""


@dataclass(frozen=True)
class Band:
    """A step's horizontal band, in pixels from the top of the figure."""

    id: str
    label: str
    top: float
    bottom: float


@dataclass(frozen=True)
class Layout:
    """Positions in pixels, x to the right and y downward from 0; each link's route through its lanes."""

    positions: dict[str, tuple[float, float]]
    bands: list[Band]
    width: float
    height: float
    routes: dict[tuple[str, str], tuple[tuple[float, float], ...]] = field(default_factory=dict)
    """Per (source, target): the points a link passes, from under the source's label to the target."""
    stubs: frozenset[tuple[str, str]] = frozenset()
    """Links of a hub drawn from a short stub just above their target."""

    def route(self, source: str, target: str) -> tuple[tuple[float, float], ...]:
        """The drawn path of a link: its lane points, or a straight line if it has none."""
        return self.routes.get((source, target)) or (self.positions[source], self.positions[target])

    def is_stub(self, source: str, target: str) -> bool:
        """Whether a link is drawn from a stub above its target rather than from its source."""
        return (source, target) in self.stubs


def forward_links(graph: Graph) -> nx.DiGraph:
    """The graph's causal structure without its feedback links: what the story order follows.

    A plain copy, not a filtered view: a view re-tests every edge on each walk (3x slower here).
    """
    dag = nx.DiGraph()
    dag.add_nodes_from(graph.digraph)
    dag.add_edges_from((a, b) for a, b, back in graph.digraph.edges(data="feedback") if not back)
    return dag


def causal_depth(graph: Graph, dag: nx.DiGraph | None = None) -> dict[str, int]:
    """Longest path to each node, ignoring feedback edges, so causes sit before effects (in `dag`, if given)."""
    dag = forward_links(graph) if dag is None else dag
    depth = dict.fromkeys(dag, 0)
    if not nx.is_directed_acyclic_graph(dag):
        return depth
    for node in nx.topological_sort(dag):
        for succ in dag.successors(node):
            depth[succ] = max(depth[succ], depth[node] + 1)
    return depth


def step_of(graph: Graph) -> dict[str, int]:
    """Each node's step position (0-based); a node without a step goes after the last one."""
    known, last = {s.id for s in graph.steps}, len(graph.steps)
    return {n.id: graph.step_index(n.step) if n.step in known else last for n in graph.nodes}


def assign_layers(graph: Graph) -> tuple[dict[str, int], list[tuple[str, str, int, int]]]:
    """Each node's layer (its step's first layer + its depth inside the step), and each step's layers.

    Returns the layer of every node and, per step in story order, (id, label, first, last layer).
    """
    steps = step_of(graph)
    within = nx.DiGraph()
    within.add_nodes_from(graph.digraph)
    within.add_edges_from((a, b) for a, b in forward_links(graph).edges if steps[a] == steps[b])
    inner = causal_depth(graph, within)
    layer: dict[str, int] = {}
    spans: list[tuple[str, str, int, int]] = []
    first = 0
    titles = [(s.id, s.title) for s in graph.steps] + [("", "")]
    for index, (step_id, title) in enumerate(titles):
        members = [n for n in steps if steps[n] == index]
        if not members:
            continue
        rows = _wrapped_rows(members, inner)
        for offset, row in enumerate(rows):
            for n in row:
                layer[n] = first + offset
        spans.append((step_id, title, first, first + len(rows) - 1))
        first += len(rows)
    return layer, spans


def _wrapped_rows(members: list[str], inner: dict[str, int]) -> list[list[str]]:
    """A step's nodes by depth, at most MAX_PER_LAYER to a row (causes stay above their effects:
    a forward link always goes to a greater depth, so no link runs inside one depth)."""
    rows: list[list[str]] = []
    for depth in sorted({inner[n] for n in members}):
        same = [n for n in members if inner[n] == depth]
        rows += [same[i : i + MAX_PER_LAYER] for i in range(0, len(same), MAX_PER_LAYER)]
    return rows


Slot = str | tuple[str, str, int]
"""A place in a layer: a node id, or (source, target, layer) for a link passing through."""


def hubs(graph: Graph, layer: dict[str, int]) -> set[str]:
    """Nodes with at least HUB_LINKS links that skip a layer: their long links are drawn as stubs."""
    long_links: dict[str, int] = {}
    for a, b in graph.digraph.edges:
        if layer[b] - layer[a] > 1:
            long_links[a] = long_links.get(a, 0) + 1
    return {a for a, count in long_links.items() if count >= HUB_LINKS}


def _chains(graph: Graph, layer: dict[str, int]) -> tuple[list[list[Slot]], dict[tuple[str, str], list[Slot]]]:
    """Layers of slots and each link's chain of slots.

    A slot is a node, a lane (a link passing a layer it skips), or a stub (the start of a hub's
    long link, one layer above its target).
    """
    depth = max(layer.values(), default=-1) + 1
    layers: list[list[Slot]] = [[] for _ in range(depth)]
    for node in graph.nodes:
        layers[layer[node.id]].append(node.id)
    chains: dict[tuple[str, str], list[Slot]] = {}
    stubbed = hubs(graph, layer)
    for a, b in graph.digraph.edges:
        la, lb = layer[a], layer[b]
        if a in stubbed and lb - la > 1:
            stub: Slot = (a, b, lb - 1)
            layers[lb - 1].append(stub)
            chains[(a, b)] = [stub, b]
            continue
        step = 1 if lb >= la else -1
        lanes: list[Slot] = [(a, b, i) for i in range(la + step, lb, step)]
        for lane in lanes:
            layers[lane[2]].append(lane)
        chains[(a, b)] = [a, *lanes, b]
    return layers, chains


def _neighbours(chains: dict[tuple[str, str], list[Slot]], slot_layer: dict[Slot, int]) -> tuple[dict, dict]:
    """For every slot, the slots linked to it in the layer above and in the layer below."""
    up: dict[Slot, list[Slot]] = {}
    down: dict[Slot, list[Slot]] = {}
    for chain in chains.values():
        for u, v in zip(chain, chain[1:], strict=False):
            if slot_layer[u] == slot_layer[v]:
                continue
            top, bottom = (u, v) if slot_layer[u] < slot_layer[v] else (v, u)
            down.setdefault(top, []).append(bottom)
            up.setdefault(bottom, []).append(top)
    return up, down


def crossings_between(upper: list[Slot], lower: list[Slot], down: dict[Slot, list[Slot]]) -> int:
    """Crossings between two adjacent layers: inversions of the links' lower ends (O(e log e))."""
    where = {s: i for i, s in enumerate(lower)}
    ends: list[int] = []
    for slot in upper:
        ends.extend(sorted(where[t] for t in down.get(slot, ()) if t in where))
    seen: list[int] = []
    total = 0
    for end in ends:
        total += len(seen) - bisect_right(seen, end)
        insort(seen, end)
    return total


def count_crossings(layers: list[list[Slot]], down: dict[Slot, list[Slot]]) -> int:
    """Crossings of a whole ordering, layer pair by layer pair."""
    return sum(crossings_between(a, b, down) for a, b in zip(layers, layers[1:], strict=False))


def _sort_by(layer: list[Slot], toward: dict[Slot, list[Slot]], rank: dict[Slot, int]) -> list[Slot]:
    """A layer ordered by the mean position of each slot's neighbours; a slot without any keeps its place."""

    def key(item: tuple[int, Slot]) -> tuple[float, int]:
        index, slot = item
        ranks = [rank[t] for t in toward.get(slot, ())]
        return (sum(ranks) / len(ranks) if ranks else float(index), index)

    return [slot for _, slot in sorted(enumerate(layer), key=key)]


def order_layers(layers: list[list[Slot]], up: dict, down: dict) -> list[list[Slot]]:
    """Barycentre sweeps down and up over all layers; the ordering with the fewest crossings wins."""
    current = [list(layer) for layer in layers]
    sweeps = max(2, min(SWEEPS, SLOT_BUDGET // max(1, sum(map(len, layers)))))
    best, best_count = [list(layer) for layer in current], count_crossings(current, down)
    for sweep in range(sweeps):
        rank = {s: i for layer in current for i, s in enumerate(layer)}
        indexes = range(1, len(current)) if sweep % 2 == 0 else range(len(current) - 2, -1, -1)
        toward = up if sweep % 2 == 0 else down
        for i in indexes:
            current[i] = _sort_by(current[i], toward, rank)
            rank.update({s: j for j, s in enumerate(current[i])})
        count = count_crossings(current, down)
        if count < best_count:
            best, best_count = [list(layer) for layer in current], count
    return best


def _isotonic(targets: list[float], gaps: list[float]) -> list[float]:
    """Positions nearest to `targets` (least squares) that keep each gap: x[i+1] - x[i] >= gaps[i].

    Shifted by the running sum of gaps the constraint becomes 'non-decreasing', solved exactly by
    pooling adjacent violators in one pass.
    """
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    blocks: list[list[float]] = []  # [mean, weight, count]
    for target, offset in zip(targets, offsets, strict=True):
        blocks.append([target - offset, 1.0, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight, count = blocks.pop()
            prev = blocks[-1]
            total = prev[1] + weight
            blocks[-1] = [(prev[0] * prev[1] + mean * weight) / total, total, prev[2] + count]
    shifted = [mean for mean, _, count in blocks for _ in range(count)]
    return [s + o for s, o in zip(shifted, offsets, strict=True)]


def _width(slot: Slot) -> float:
    return NODE_SLOT_PX if isinstance(slot, str) else LANE_PX


def place_x(layers: list[list[Slot]], up: dict, down: dict) -> dict[Slot, float]:
    """x of every slot: packed in order, then pulled toward the mean x of its neighbours, pass by pass."""
    x: dict[Slot, float] = {}
    for layer in layers:
        at = 0.0
        for i, slot in enumerate(layer):
            at += (_width(layer[i - 1]) + _width(slot)) / 2 if i else 0.0
            x[slot] = at
    passes = max(2, min(PLACEMENT_PASSES, SLOT_BUDGET // max(1, len(x))))
    for sweep in range(passes):
        indexes = range(len(layers)) if sweep % 2 == 0 else range(len(layers) - 1, -1, -1)
        for i in indexes:
            layer = layers[i]
            if not layer:
                continue
            targets = []
            for slot in layer:
                near = [x[t] for t in (*up.get(slot, ()), *down.get(slot, ()))]
                targets.append(sum(near) / len(near) if near else x[slot])
            gaps = [(_width(a) + _width(b)) / 2 for a, b in zip(layer, layer[1:], strict=False)]
            for slot, value in zip(layer, _isotonic(targets, gaps), strict=True):
                x[slot] = value
    return x


def _label_depths(graph: Graph, layers: list[list[Slot]]) -> tuple[dict[str, float], list[float]]:
    """How far below its centre each node's longest label (of any audience) ends, and the deepest per layer."""
    own = {n.id: style.label_depth(max(len(style.label_lines(node_label(n, a))) for a in AUDIENCES))
           for n in graph.nodes}
    per_layer = [max((own[s] for s in layer if isinstance(s, str)), default=0.0) for layer in layers]
    return own, per_layer


def _route(chain: list[Slot], point: dict[Slot, tuple[float, float]], slot_layer: dict[Slot, int],
           depths: tuple[dict[str, float], list[float]]) -> tuple[tuple[float, float], ...]:
    """A link's drawn points: between two layers it leaves the upper one below that layer's labels.

    From a node it starts under the node's own label (links of one node fan out from one point);
    a lane first drops below the deepest label of its layer. So a slanted piece only ever runs in
    the gap between one layer's labels and the next layer's circles, through no label or circle.
    """
    own, per_layer = depths
    out: list[tuple[float, float]] = []
    for u, v in zip(chain, chain[1:], strict=False):
        top, bottom = (u, v) if slot_layer[u] < slot_layer[v] else (v, u)
        tx, ty = point[top]
        leave = (tx, ty + own[top]) if isinstance(top, str) else (tx, ty + per_layer[slot_layer[top]])
        pieces = [point[top], leave, point[bottom]] if not isinstance(top, str) else [leave, point[bottom]]
        if top is v:
            pieces.reverse()
        for p in pieces:
            if not out or out[-1] != p:
                out.append(p)
    return tuple(out)


def compute_layout(graph: Graph) -> Layout:
    """Layers by step, lanes for long links, crossing-reduced order, then x and y in pixels."""
    layer, spans = assign_layers(graph)
    layers, chains = _chains(graph, layer)
    slot_layer = {s: i for i, lay in enumerate(layers) for s in lay}
    up, down = _neighbours(chains, slot_layer)
    layers = order_layers(layers, up, down)
    x = place_x(layers, up, down)
    left = min((x[s] - _width(s) / 2 for s in x), default=0.0)
    layer_y, bands, y = {}, [], 0.0
    for step_id, title, first, last in spans:
        top = y
        y += BAND_HEADER_PX
        for i in range(first, last + 1):
            layer_y[i] = y + 22.0
            y += LAYER_PX
        bands.append(Band(step_id, title, top, y))
        y += BAND_GAP_PX
    point = {s: (x[s] - left, layer_y[slot_layer[s]]) for s in x}
    positions = {n.id: point[n.id] for n in graph.nodes}
    depths = _label_depths(graph, layers)
    routes = {key: _route(chain, point, slot_layer, depths) for key, chain in chains.items()}
    width = max((x[s] + _width(s) / 2 - left for s in x), default=NODE_SLOT_PX)
    stubs = frozenset(key for key, chain in chains.items() if chain[0] != key[0])
    return Layout(positions=positions, bands=bands, width=width, height=y, routes=routes, stubs=stubs)
