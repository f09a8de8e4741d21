"""Reads a Genie research export back with the tools evaluators use, and checks that what
they see matches the CSV tables: networkx's read_gexf (dynamic spells, boolean attributes),
networkx's and igraph's GraphML readers on each wave's own file, and the combined GraphML.

Usage: read_export.py <folder>   (made by `cargo run -p genie-core --example research_sample`)
Exits non-zero, saying what differs, when a reader fails or disagrees.
"""

import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

import igraph
import networkx as nx

HELPS = ("helps_illness", "helps_everyday", "helps_emotional")
STATES = {"answered", "declined", "not_asked"}


def table(folder, name):
    with open(folder / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def runs(waves):
    """Consecutive wave numbers as closed (start, end) intervals."""
    out = []
    for w in sorted(waves):
        if out and out[-1][1] + 1 == w:
            out[-1] = (out[-1][0], w)
        else:
            out.append((w, w))
    return out


def main(folder):
    started = time.perf_counter()
    waves = table(folder, "genie-waves.csv")
    nodes = table(folder, "genie-nodes.csv")
    edges = table(folder, "genie-edges.csv")
    check(len(waves) >= 2, "the sample has several waves")

    # GEXF through networkx: spells as closed intervals of wave numbers, booleans as bool.
    g = nx.read_gexf(folder / "genie-network.gexf")
    presence = defaultdict(set)
    for row in nodes:
        presence[row["member"]].add(int(row["wave"]))
    check(set(g.nodes) == set(presence), f"GEXF nodes {sorted(g.nodes)} != {sorted(presence)}")
    for member, in_waves in presence.items():
        data = g.nodes[member]
        check(data["spells"] == runs(in_waves), f"{member}: spells {data['spells']}")
        for column in HELPS:
            for value, start, end in data.get(column, []):
                check(isinstance(value, bool), f"{member} {column}: {value!r} is not a boolean")
                check(isinstance(start, int) and isinstance(end, int) and start <= end,
                      f"{member} {column}: interval {start}..{end}")
        # The circle in each wave, read from the dynamic values, matches the node table.
        for row in (r for r in nodes if r["member"] == member):
            wave = int(row["wave"])
            circles = [v for v, s, e in data["circle"] if s <= wave <= e]
            check(circles == [row["circle"]], f"{member} wave {wave}: circle {circles}")
    ties = {frozenset((r["source"], r["target"])) for r in edges}
    check({frozenset(e) for e in g.edges} == ties, "GEXF edges match the edge table")

    # One GraphML per wave, read by networkx and igraph alike.
    for row in waves:
        wave = int(row["wave"])
        path = folder / f"genie-wave-{wave}.graphml"
        in_wave = [r for r in nodes if int(r["wave"]) == wave]
        ties_in_wave = [r for r in edges if int(r["wave"]) == wave]
        check(int(row["members"]) == len(in_wave), f"wave {wave}: members column")

        h = nx.read_graphml(path)
        check(h.number_of_nodes() == len(in_wave), f"networkx wave {wave}: nodes")
        check(h.number_of_edges() == len(ties_in_wave), f"networkx wave {wave}: edges")
        by_member = {d["member"]: d for _, d in h.nodes(data=True)}
        for r in in_wave:
            d = by_member[r["member"]]
            for column in HELPS:
                check(d[column] is (r[column] == "1"), f"networkx wave {wave} {r['member']} {column}")
            check(d["circle"] == r["circle"], f"networkx wave {wave} {r['member']} circle")

        i = igraph.Graph.Read_GraphML(str(path))
        check(i.vcount() == len(in_wave), f"igraph wave {wave}: vertices")
        check(i.ecount() == len(ties_in_wave), f"igraph wave {wave}: edges")
        check(not i.is_directed(), f"igraph wave {wave}: undirected")
        for v in i.vs:
            for column in HELPS:
                check(isinstance(v[column], bool), f"igraph wave {wave}: {column} {v[column]!r}")

    # The combined file is valid GraphML; networkx reads its first graph, which is wave 1.
    first = nx.read_graphml(folder / "genie-network.graphml")
    wave_one = [r for r in nodes if r["wave"] == waves[0]["wave"]]
    check(first.number_of_nodes() == len(wave_one), "combined GraphML: networkx reads wave 1")

    # Well-being in three states; the change score's five items for each consecutive pair.
    for row in waves:
        for column, value in row.items():
            if column.endswith("_state"):
                check(value in STATES, f"wave {row['wave']} {column}: {value!r}")
                rating = row[column.removesuffix("_state")]
                check((value == "answered") == (rating != ""), f"wave {row['wave']} {column}")
    check(any(v == "declined" for row in waves for k, v in row.items() if k.endswith("_state")),
          "the sample holds a declined answer")
    change = table(folder, "genie-change.csv")
    check(len(change) == len(waves) - 1, "one change row per pair of consecutive waves")
    items = ("new_activities", "online", "reflection_on_support", "more_contact", "new_members")
    for row in change:
        check(int(row["to_wave"]) == int(row["from_wave"]) + 1, "consecutive waves")
        check(int(row["total"]) == sum(int(row[item]) for item in items), f"total {row}")
    choices = table(folder, "genie-choices.csv")
    on_map = [r["on_map_member"] for r in choices if r["on_map_member"]]
    check(on_map and on_map[0] in presence, "a choice put on the map is a member")
    check(any(on_map[0] in row["new_activities_members"].split(";") for row in change),
          "and counts as a new activity")
    check(len(table(folder, "genie-check-ins.csv")) >= 1, "check-ins exported")

    ms = (time.perf_counter() - started) * 1000
    print(f"research export read back: networkx {nx.__version__}, igraph {igraph.__version__}, "
          f"{len(waves)} waves, {len(presence)} members, {ms:.0f} ms")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        main(Path(sys.argv[1]))
    except AssertionError as error:
        sys.exit(f"research export read-back failed: {error}")
