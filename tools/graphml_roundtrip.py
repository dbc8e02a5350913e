#!/usr/bin/env python3
"""relmap → GraphML → networkx.read_graphml keeps every actor, relation and passage text.

Usage: python3 tools/graphml_roundtrip.py path/to/relmap [MAP.relmap.json]
Exports the map (the shipped one by default) with `relmap export --out X.graphml`, reads it with
networkx and compares with the map's own JSON. Exits non-zero, naming what was lost, if anything
was. .ci/run calls it when networkx can be installed; tests/formats.rs checks the same with
relmap's own reader.
"""

import json
import os
import subprocess
import sys
import tempfile

import networkx as nx


def main():
    relmap = sys.argv[1]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source = sys.argv[2] if len(sys.argv) > 2 else os.path.join(repo, "assets", "china-kazakhstan.relmap.json")
    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "map.graphml")
        subprocess.run([relmap, "export", source, "--out", out], check=True)
        g = nx.read_graphml(out, force_multigraph=True)

    lost = []
    for a in data["actors"]:
        node = g.nodes.get(a["id"])
        if node is None:
            lost.append(f"actor {a['id']}")
            continue
        if node.get("label") != a["name"]:
            lost.append(f"actor {a['id']}: name {node.get('label')!r} != {a['name']!r}")
        for alias in a.get("aliases", []):
            if alias not in node.get("aliases", ""):
                lost.append(f"actor {a['id']}: alias {alias!r}")
    edges = {key: (u, v, attrs) for u, v, key, attrs in g.edges(keys=True, data=True)}
    passages = 0
    for r in data["relations"]:
        if r["id"] not in edges:
            lost.append(f"relation {r['id']}")
            continue
        u, v, attrs = edges[r["id"]]
        # An undirected graph reports each edge's ends in node order.
        ends_match = (u, v) == (r["source"], r["target"]) or (
            not g.is_directed() and (v, u) == (r["source"], r["target"])
        )
        if not ends_match:
            lost.append(f"relation {r['id']}: ends {u}->{v}")
        if attrs.get("directed") != r.get("directed", False):
            lost.append(f"relation {r['id']}: directed {attrs.get('directed')!r}")
        if attrs.get("label") != r["label"]:
            lost.append(f"relation {r['id']}: label {attrs.get('label')!r}")
        for p in r.get("passages", []):
            passages += 1
            if p["quote"] not in attrs.get("passages", ""):
                lost.append(f"relation {r['id']}: passage {p['quote'][:40]!r}…")
    if len(g.nodes) != len(data["actors"]) or len(edges) != len(data["relations"]):
        lost.append(f"counts: {len(g.nodes)} nodes, {len(edges)} edges")
    if lost:
        print("GraphML round trip lost:\n  " + "\n  ".join(lost))
        sys.exit(1)
    print(
        f"GraphML round trip through networkx {nx.__version__}: {len(g.nodes)} actors, "
        f"{len(edges)} relations, {passages} passages kept"
    )


if __name__ == "__main__":
    main()
