"""Lineage links: which paragraph(s) of one draft became which of the next, and in what order to show them.

A link has a relation (same, modified, renumbered, moved, merged, split, new, deleted), a
similarity score and a source (``declared`` when a marker in the later draft says so and the
text agrees, ``inferred`` otherwise).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from amendtrack.model.tree import Draft, Paragraph, is_heading, normalise_label

RELATIONS = ("same", "modified", "renumbered", "moved", "merged", "split", "new", "deleted")


@dataclass
class Link:
    """One lineage link between draft N (sources) and draft N+1 (targets)."""

    relation: str
    sources: list[Paragraph]
    targets: list[Paragraph]
    score: float
    source: str = "inferred"
    note: str = ""
    placeholders: list[Paragraph] = field(default_factory=list)  # "[Merged with paragraph 42]" nodes that record it
    conflict: str | None = None

    def to_dict(self) -> dict:
        return {
            "from": [p.label for p in self.sources],
            "to": [p.label for p in self.targets],
            "relation": self.relation,
            "score": round(self.score, 3),
            "source": self.source,
            "from_pid": [p.pid for p in self.sources],
            "to_pid": [p.pid for p in self.targets],
            "from_eid": [p.eid for p in self.sources],
            "to_eid": [p.eid for p in self.targets],
            "placeholders": [p.label for p in self.placeholders],
            "note": self.note,
            "conflict": self.conflict,
        }


@dataclass
class Alignment:
    """Every paragraph of two drafts in exactly one link, and what the later draft declares that its text denies."""

    links: list[Link]
    conflicts: list[str]

    def counts(self) -> dict[str, int]:
        """How many links of each relation among paragraphs (headings left out), in the vocabulary's order."""
        found = Counter(link.relation for link in self.links if not is_heading((link.targets or link.sources)[0]))
        return {relation: found.get(relation, 0) for relation in RELATIONS}


def same_label(a: Paragraph, b: Paragraph) -> bool:
    """Whether two nodes are in the same place by their labels: the same label, or one inferred from position.

    An inferred label (a recital of an unnumbered preamble is PP3 because it is third) says nothing
    about renumbering, so a change of it is never called one.
    """
    return a.label_inferred or b.label_inferred or normalise_label(a.label) == normalise_label(b.label)


def out_of_order(pairs: list[tuple[int, int]], stayed: list[float] | None = None) -> set[int]:
    """The old indexes of pairs (old, new), listed in the new order, that break the order the most of them keep.

    `stayed` (one weight below 1 per pair) tells, between orders kept by as many, which pairs kept their place.
    """
    if stayed is None:
        keep = longest_increasing([i for i, _ in pairs])
    else:
        keep = heaviest_increasing([i for i, _ in pairs], stayed)
    return {i for i, _ in pairs if i not in keep}


def longest_increasing(values: list[int]) -> set[int]:
    """The values of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(values)
    for k, value in enumerate(values):
        pos = bisect_left(tails, value)
        if pos > 0:
            previous[k] = tail_at[pos - 1]
        if pos == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[pos] = value
            tail_at[pos] = k
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(values[k])
        k = previous[k]
    return keep


def heaviest_increasing(values: list[int], weights: list[float]) -> set[int]:
    """The values of a strictly increasing subsequence that keeps the most values, and of those the heaviest.

    Weights (each below 1) only break ties between subsequences of one length: which of two paragraphs
    that swapped places moved is the one that did not keep its label. A Fenwick tree over the values'
    ranks finds the best subsequence ending below each value in O(n log n).
    """
    rank = {v: k + 1 for k, v in enumerate(sorted(values))}
    tree: list[tuple[int, float, int]] = [(0, 0.0, -1)] * (len(values) + 1)
    best_at: list[tuple[int, float, int]] = []
    previous: list[int] = []
    for k, value in enumerate(values):
        best, r = (0, 0.0, -1), rank[value] - 1
        while r > 0:
            best = max(best, tree[r])
            r -= r & -r
        mine = (best[0] + 1, best[1] + weights[k], k)
        previous.append(best[2])
        best_at.append(mine)
        r = rank[value]
        while r <= len(values):
            tree[r] = max(tree[r], mine)
            r += r & -r
    keep: set[int] = set()
    k = max(best_at)[2] if best_at else -1
    while k >= 0:
        keep.add(values[k])
        k = previous[k]
    return keep


def kept(same_text: bool, same_label: bool) -> str:
    """The relation of a paragraph that went on as one paragraph, without moving."""
    if not same_text:
        return "modified"
    return "same" if same_label else "renumbered"


def in_reading_order(links: list[Link], old: Draft, new: Draft) -> list[Link]:
    """Links in the order of the new draft; what was deleted comes right after what preceded it in the old one."""
    new_pos = {id(node): k for k, (node, _) in enumerate(new.walk())}
    old_order = [node for node, _ in old.walk()]
    old_pos = {id(node): k for k, node in enumerate(old_order)}
    link_of = {id(node): link for link in links for node in link.sources + link.targets}
    keys: dict[int, tuple] = {}
    for link in links:
        if link.targets:
            keys[id(link)] = (min(new_pos[id(n)] for n in link.targets), 0, 0)
    for link in links:
        if link.targets:
            continue
        first = old_pos[id(link.sources[0])]
        key: tuple = (-1, 1, first)
        for at in range(first - 1, -1, -1):
            anchor = link_of.get(id(old_order[at]))
            if anchor is not None and anchor.targets:
                key = (keys[id(anchor)][0], 1, first)
                break
        keys[id(link)] = key
    return sorted(links, key=lambda link: keys[id(link)])
