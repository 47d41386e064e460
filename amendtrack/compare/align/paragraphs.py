"""Turn the decisions about top-level paragraphs into links, naming moves, merges and splits.

A paragraph that kept its place among the others is same, modified or renumbered; one whose
new place breaks the order of the rest is moved. Several paragraphs in one are merged; one in
several is split. What no decision covers is deleted (earlier draft) or new (later draft).
"""

from __future__ import annotations

from amendtrack.compare.align.index import ParagraphIndex, container_of
from amendtrack.compare.align.links import Link, heaviest_increasing, kept, same_label
from amendtrack.compare.align.pairing import Decisions
from amendtrack.model.tree import Paragraph, normalise_label
from amendtrack.model.words import same_text


def sources_by_target(found: Decisions) -> dict[int, list[int]]:
    """New block → the old blocks it continues (one, or several merged into it)."""
    groups: dict[int, list[int]] = {}
    for i, j in found.pairs.items():
        groups.setdefault(j, []).append(i)
    for i, j in found.merged_into.items():
        groups.setdefault(j, []).append(i)
    return groups


def name_moves(found: Decisions, drafts: ParagraphIndex | None = None) -> dict[int, str]:
    """Old block → "up" or "down", for the paragraphs whose new place breaks the order of the rest.

    The paragraphs paired one to one count, a merge by the paragraph paired with its target (it holds
    the merge's place; those merged into it do not); those in the longest run that keeps their order
    stay where they were. One that went to another container does not count either:
    its move is named by its containers (headings.name_container_moves), and the order of the
    others is judged without it. The options of one group that went into one group count once, as
    their group, then among themselves: 4 Dec 6.4's three options moved up together as 9 Dec 6.2's,
    and do not outweigh the one paragraph (6.3) they swapped with.
    """
    single = dict(found.pairs)
    if drafts is not None:
        single = {i: j for i, j in single.items() if container_of(drafts.old[i].key) == container_of(drafts.new[j].key)}
    bundles = _bundles(drafts, single) if drafts is not None else {i: [i] for i in single}
    moves = _out_of_order({first: single[first] for first in bundles}, drafts)
    for first, members in bundles.items():
        own = _out_of_order({i: single[i] for i in members}, drafts) if len(members) > 1 else {}
        for i in members:
            if i in own or first in moves:
                moves[i] = own.get(i) or moves[first]
    return moves


def _out_of_order(single: dict[int, int], drafts: ParagraphIndex | None) -> dict[int, str]:
    """Old block → "up" or "down" for the pairs outside the heaviest run that keeps its order."""
    ordered = sorted(single.items(), key=lambda p: p[1])
    keep = heaviest_increasing([i for i, _ in ordered], [_stayed(drafts, i, j) for i, j in ordered])
    rank_old = {i: k for k, i in enumerate(sorted(single))}
    return {i: "up" if k < rank_old[i] else "down" for k, (i, _) in enumerate(ordered) if i not in keep}


def _bundles(drafts: ParagraphIndex, single: dict[int, int]) -> dict[int, list[int]]:
    """The pairs as they count in the order: each alone, but the options of one old group that became options
    of one new group together, under the first of them, or under the paragraph holding them when it went
    where they went ('Finance' with its options)."""
    at_old, at_new = drafts.old_at, drafts.new_at
    bundles: dict[int, list[int]] = {}
    first_of: dict[tuple[int, int], int] = {}
    for i in sorted(single):
        a, b = drafts.old[i].node, drafts.new[single[i]].node
        groups = (id(drafts.old_parent.get(id(a))), id(drafts.new_parent.get(id(b))))
        holder = at_old.get(id(_holder(drafts.old_parent, a)), -1)
        if a.kind != "option" or b.kind != "option":
            bundles[i] = [i]
        elif holder in bundles and at_new.get(id(_holder(drafts.new_parent, b))) == single[holder]:
            bundles[holder].append(i)
        elif groups in first_of:
            bundles[first_of[groups]].append(i)
        else:
            first_of[groups] = i
            bundles[i] = [i]
    return bundles


def _holder(parents: dict[int, Paragraph], node: Paragraph) -> Paragraph | None:
    """The paragraph whose option group holds an option, if any."""
    group = parents.get(id(node)) if node.kind == "option" else None
    return parents.get(id(group)) if group is not None and group.kind == "option_group" else None


def _stayed(drafts: ParagraphIndex | None, i: int, j: int) -> float:
    """How much a paragraph looks as if it kept its place, to tell which of two that swapped moved: its label."""
    return 0.5 if drafts is not None and drafts.old[i].key == drafts.new[j].key else 0.0


def link_paragraphs(drafts: ParagraphIndex, found: Decisions, moves: dict[int, str]) -> list[Link]:
    """One link per new paragraph that continues old ones (in the new order), then the deleted, then the new."""
    groups = sources_by_target(found)
    splits: dict[int, list[int]] = {}  # old block → extra new targets
    for j, i in found.split_from.items():
        splits.setdefault(i, []).append(j)
    links: list[Link] = []
    split_shown: set[int] = set()
    for j in sorted(groups):
        sources = sorted(groups[j])
        held = [p for i in sources for p in found.placeholders.get(i, [])]
        if len(sources) > 1:
            links.append(_merged(drafts, found, sources, j, held))
        elif sources[0] in splits:
            extra = sorted(splits[sources[0]])
            split_shown.update(extra)
            links.append(_split(drafts, sources[0], [j] + extra, held))
        else:
            links.append(_one_to_one(drafts, found, sources[0], j, moves.get(sources[0]), held))
    links.extend(_deleted(drafts, found, {i for sources in groups.values() for i in sources}))
    used_new = set(groups) | split_shown  # a split-off part whose source was merged is reported as new
    links.extend(_new(drafts, used_new))
    return links


def _merged(drafts: ParagraphIndex, found: Decisions, sources: list[int], j: int, held: list[Paragraph]) -> Link:
    target = drafts.new[j]
    share = min(drafts.weights.containment(drafts.old[i].bag, target.bag) for i in sources)
    source = "declared" if any(i in found.declared_merges for i in sources) else "inferred"
    absorbed = [drafts.old[i].node.label for i in sources if drafts.old[i].node.label != target.node.label]
    note = f"merged from {span_of_labels(absorbed)} into {target.node.label}"
    return Link("merged", [drafts.old[i].node for i in sources], [target.node], share, source, note, held)


def _split(drafts: ParagraphIndex, i: int, parts: list[int], held: list[Paragraph]) -> Link:
    """Old block i split into new blocks `parts`: the one that kept its place, then the split-off ones."""
    origin = drafts.old[i]
    nodes_new = [drafts.new[k].node for k in parts]
    share = min(drafts.weights.containment(drafts.new[k].bag, origin.bag) for k in parts)
    note = f"split from {origin.node.label} into {', '.join(n.label for n in nodes_new)}"
    return Link("split", [origin.node], nodes_new, share, "inferred", note, held)


def _one_to_one(
    drafts: ParagraphIndex, found: Decisions, i: int, j: int, direction: str | None, held: list[Paragraph]
) -> Link:
    a, b = drafts.old[i], drafts.new[j]
    source = "declared" if (i, j) in found.declared else "inferred"
    same = same_text(a.node.text, b.node.text)  # its own words: its sub-paragraphs have links of their own
    alike = same_label(a.node, b.node)
    score = 1.0 if same and a.bag == b.bag else drafts.score(i, j)
    formerly = f"formerly {a.node.label}" if normalise_label(a.node.label) != normalise_label(b.node.label) else ""
    if direction:
        note = ", ".join(x for x in (formerly, f"moved {direction}") if x)
        return Link("moved", [a.node], [b.node], score, source, note, held)
    return Link(kept(same, alike), [a.node], [b.node], score, source, formerly, held)


def _deleted(drafts: ParagraphIndex, found: Decisions, continued: set[int]) -> list[Link]:
    """The old paragraphs no link continues: declared deleted when a placeholder says so."""
    links = []
    for block in drafts.old:
        if block.index in continued:
            continue
        held = found.placeholders.get(block.index, [])
        source = "declared" if block.index in found.placeholders else "inferred"
        note = f"deleted ({held[0].markers[0].text})" if held else "deleted"
        links.append(Link("deleted", [block.node], [], 0.0, source, note, held))
    return links


def _new(drafts: ParagraphIndex, used: set[int]) -> list[Link]:
    """The new paragraphs (placeholders aside) no link reaches."""
    return [
        Link("new", [], [block.node], 0.0, "inferred", "new")
        for block in drafts.new
        if block.index not in used and not block.placeholder
    ]


def span_of_labels(labels: list[str]) -> str:
    """'43, 44, 45, 46, 47' → '43–47' where the labels are a plain run of numbers."""
    if len(labels) > 2 and all(label.isdigit() for label in labels):
        numbers = [int(label) for label in labels]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(labels)
