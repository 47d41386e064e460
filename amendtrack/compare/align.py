"""Align two drafts paragraph by paragraph: which paragraph(s) of one became which of the next.

The result is lineage: links with a relation (same, modified, renumbered, moved,
merged, split, new, deleted), a similarity score and a source (``declared`` when a
marker in the later draft says so and the text agrees, ``inferred`` otherwise).
Every paragraph of both drafts appears in exactly one link.

Candidates come from an inverted index of rare word stems, so the cost grows with
the number of paragraphs, not with the product of the two counts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from amendtrack.model.tree import Draft, Paragraph, normalise_label
from amendtrack.model.words import Weights, content_stems, normalise

RELATIONS = ("same", "modified", "renumbered", "moved", "merged", "split", "new", "deleted")
BLOCK_KINDS = ("preamble", "operative", "paragraph", "recommendation", "chapeau")

MATCH = 0.25  # least similarity for a one-to-one link between paragraphs of the same label
MATCH_RELABELLED = 0.50  # … and between paragraphs of different labels (renumbered or moved)
MATCH_OTHER_KIND = 0.70  # … and between kinds that rarely turn into each other (a recommendation, a report paragraph)
CONTAINED = 0.70  # least share of a paragraph's words found in another for a merge or split
DECLARED_OK = 0.15  # least share of words a declared link must show to be honoured
NEIGHBOUR = 0.12  # least similarity for a link that order alone suggests (between two linked neighbours)
SPLIT_REACH = 2  # a split-off part sits within this many paragraphs of the part that kept the place
MAX_CANDIDATES = 24  # at most this many old paragraphs are scored against a new one: the nearest in the order
RARE_TERMS = 12  # how many of a paragraph's rarest stems are looked up in the index


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
    links: list[Link]
    conflicts: list[str]

    def counts(self) -> dict[str, int]:
        """How many links of each relation among paragraphs (headings left out), in the vocabulary's order."""
        found = Counter(link.relation for link in self.links if (link.targets or link.sources)[0].kind != "heading")
        return {relation: found.get(relation, 0) for relation in RELATIONS}


@dataclass
class _Unit:
    node: Paragraph
    index: int  # order among the draft's blocks
    bag: dict[str, float]  # stem → count, then (once the draft pair's weights are known) tf-idf weight
    norm: float = 0.0
    key: str = ""  # the label as compared (normalise_label)
    family: str = ""  # _family(kind)
    section: str | None = None  # eid of the heading it sits under
    placeholder: bool = False


def composite_text(node: Paragraph) -> str:
    """A paragraph with its sub-paragraphs and items, as one text."""
    parts = [node.text] + [composite_text(child) for child in node.children]
    return " ".join(part for part in parts if part)


def is_placeholder(node: Paragraph) -> bool:
    """A paragraph kept only to say it went: '43. [Merged with paragraph 42]', '5. [Paragraph deleted]'."""
    return not node.text and any(m.kind in ("merged", "deleted") for m in node.markers)


def _blocks(draft: Draft) -> tuple[list[Paragraph], list[Paragraph]]:
    """Top-level paragraphs (those under headings or at the top) and headings, in order."""
    blocks, headings = [], []
    for node, parent in draft.walk():
        if node.kind == "heading":
            headings.append(node)
        elif node.kind in BLOCK_KINDS and (parent is None or parent.kind == "heading"):
            blocks.append(node)
    return blocks, headings


def _sections(draft: Draft) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for node, parent in draft.walk():
        found[node.eid] = parent.eid if parent is not None and parent.kind == "heading" else None
    return found


class _Aligner:
    def __init__(self, old: Draft, new: Draft):
        self.old_draft, self.new_draft = old, new
        self._own_bags: dict[int, Counter[str]] = {}
        self.old_blocks, self.old_headings = _blocks(old)
        self.new_blocks, self.new_headings = _blocks(new)
        old_sections, new_sections = _sections(old), _sections(new)
        self.old = [self._unit(n, i, old_sections) for i, n in enumerate(self.old_blocks)]
        self.new = [self._unit(n, i, new_sections) for i, n in enumerate(self.new_blocks)]
        self.weights = Weights([u.bag for u in self.old + self.new])
        for unit in self.old + self.new:
            unit.bag = self.weights.vector(unit.bag)
            unit.norm = self.weights.norm(unit.bag)
        self.index: dict[str, list[int]] = defaultdict(list)
        for unit in self.old:
            for term in unit.bag:
                self.index[term].append(unit.index)
        self.old_by_label: dict[str, list[int]] = {}
        for unit in self.old:
            self.old_by_label.setdefault(unit.key, []).append(unit.index)
        self.new_index: dict[str, list[int]] = defaultdict(list)  # stem → new blocks (no placeholders), for merges
        for unit in self.new:
            if not unit.placeholder:
                for term in unit.bag:
                    self.new_index[term].append(unit.index)
        self.conflicts: list[str] = []
        self._scores: dict[tuple[int, int], float] = {}
        self._candidates: dict[int, list[int]] = {}

    def _unit(self, node: Paragraph, index: int, sections: dict[str, str | None]) -> _Unit:
        return _Unit(
            node,
            index,
            self._composite(node),
            section=sections.get(node.eid),
            placeholder=is_placeholder(node),
            key=normalise_label(node.label),
            family=_family(node.kind),
        )

    def _own(self, node: Paragraph) -> Counter[str]:
        """The stems of a node's own text, computed once."""
        bag = self._own_bags.get(id(node))
        if bag is None:
            bag = self._own_bags[id(node)] = Counter(content_stems(node.text))
        return bag

    def _composite(self, node: Paragraph) -> Counter[str]:
        """The stems of a node with its sub-paragraphs and items (as of composite_text); never changed after."""
        if not node.children:
            return self._own(node)
        bag = Counter(self._own(node))
        for child in node.children:
            bag.update(self._composite(child))
        return bag

    # --- similarity -----------------------------------------------------------------

    def score(self, i: int, j: int) -> float:
        key = (i, j)
        if key not in self._scores:
            a, b = self.old[i], self.new[j]
            self._scores[key] = self.weights.cosine(a.bag, b.bag, a.norm, b.norm)
        return self._scores[key]

    def _vector(self, node: Paragraph) -> dict[str, float]:
        return self.weights.vector(self._own(node))

    def bar(self, i: int, j: int) -> float:
        """The least similarity a one-to-one link between these two paragraphs needs."""
        a, b = self.old[i], self.new[j]
        if a.family != b.family:
            return MATCH_OTHER_KIND
        return MATCH if a.key == b.key else MATCH_RELABELLED

    def _rarest(self, bag: dict[str, float]) -> list[str]:
        """The RARE_TERMS stems of a bag with the highest idf (in the bag's order on a tie: the sort is stable)."""
        return self.weights.rarest(bag, RARE_TERMS)  # the bag's stems are among those the weights were made of

    def candidates(self, j: int) -> list[int]:
        """Old blocks that share one of the rarer stems of new block j, the nearest in the order first.

        At most MAX_CANDIDATES of them (plus any of the same label), so a long draft costs a
        bounded number of comparisons per paragraph.
        """
        cached = self._candidates.get(j)
        if cached is not None:
            return cached
        unit = self.new[j]
        terms = self._rarest(unit.bag)
        expected = j * len(self.old) / max(len(self.new), 1)
        found = _gather(self.index, terms, expected)
        found = _nearest(found, expected) | set(self.old_by_label.get(unit.key, ()))
        result = sorted(i for i in found if not self.old[i].placeholder)
        self._candidates[j] = result
        return result

    # --- the alignment ----------------------------------------------------------------

    def run(self) -> Alignment:
        pairs: dict[int, int] = {}  # old block → new block, one-to-one
        declared: set[tuple[int, int]] = set()
        merged_into: dict[int, int] = {}  # old block → new block it was merged into
        declared_merges: set[int] = set()
        deleted: set[int] = set()
        placeholders: dict[int, list[Paragraph]] = {}  # old block → new placeholder nodes for it
        by_label_old = {normalise_label(u.node.label): u.index for u in self.old}
        by_label_new = {normalise_label(u.node.label): u.index for u in self.new if not u.placeholder}
        targets = [u.index for u in self.new if not u.placeholder]

        # old placeholders stay gone; new placeholders declare what became of an old paragraph
        for unit in self.new:
            if not unit.placeholder:
                continue
            old_index = by_label_old.get(normalise_label(unit.node.label))
            if old_index is None:
                self.conflicts.append(f"{unit.node.label}: placeholder for a paragraph the earlier draft does not have")
                continue
            placeholders.setdefault(old_index, []).append(unit.node)
            old_unit = self.old[old_index]
            if old_unit.placeholder:
                continue
            for marker in unit.node.markers:
                if marker.kind == "merged" and marker.ref:
                    into = by_label_new.get(normalise_label(marker.ref))
                    if into is None:
                        self.conflicts.append(f"{unit.node.label}: {marker.text} names no paragraph of this draft")
                        continue
                    share = self.weights.containment(old_unit.bag, self.new[into].bag)
                    if share >= DECLARED_OK:
                        merged_into[old_index] = into
                        declared_merges.add(old_index)
                    else:
                        self.conflicts.append(
                            f"{unit.node.label}: {marker.text}, but only {share:.0%} of its words are in {marker.ref}"
                        )
                elif marker.kind == "deleted":
                    best = max(
                        ((self.score(old_index, j), j) for j in self._new_candidates(old_index)), default=(0.0, -1)
                    )
                    if best[0] >= 0.75:
                        self.conflicts.append(
                            f"{unit.node.label}: {marker.text}, but its text is in {self.new[best[1]].node.label}"
                            f" ({best[0]:.2f})"
                        )
                    else:
                        deleted.add(old_index)

        # declared renumbering: [Formerly PP12], checked against the text
        for unit in self.new:
            for marker in unit.node.markers:
                if marker.kind != "formerly" or not marker.ref:
                    continue
                old_index = by_label_old.get(normalise_label(marker.ref))
                if old_index is not None and (old_index in merged_into or old_index in deleted):
                    self.conflicts.append(  # one link per paragraph: the placeholder's declaration stands
                        f"{unit.node.label}: {marker.text}, but a placeholder of this draft says {marker.ref} went"
                    )
                    continue
                best = max(((self.score(i, unit.index), i) for i in self.candidates(unit.index)), default=(0.0, -1))
                claimed = self.score(old_index, unit.index) if old_index is not None else 0.0
                if old_index is not None and claimed >= 0.45 and claimed >= best[0] - 0.05:
                    pairs[old_index] = unit.index
                    declared.add((old_index, unit.index))
                elif best[1] >= 0:
                    self.conflicts.append(
                        f"{unit.node.label}: {marker.text}, but its text matches {self.old[best[1]].node.label} "
                        f"({best[0]:.2f}) rather than {marker.ref} ({claimed:.2f}); the marker probably uses the "
                        "numbering of an intermediate draft"
                    )

        # inferred one-to-one links, best first
        taken_old = set(pairs) | set(merged_into) | deleted
        taken_new = set(pairs.values())
        self._link_unchanged(targets, pairs, taken_old, taken_new)
        scored = []
        for j in targets:
            if j in taken_new:
                continue
            for i in self.candidates(j):
                if i in taken_old:
                    continue
                s = self.score(i, j)
                if s < self.bar(i, j):
                    continue
                if self.old[i].key == self.new[j].key:
                    s += 0.1
                scored.append((s, i, j))
        scored.sort(key=lambda t: (-t[0], t[1], t[2]))
        for _s, i, j in scored:
            if i not in taken_old and j not in taken_new:
                pairs[i] = j
                taken_old.add(i)
                taken_new.add(j)

        self._fill_gaps(pairs, taken_old, taken_new)

        # leftovers: merged into a target that contains them, or split off into a target they contain
        split_from: dict[int, int] = {}  # new block → old block it was split from
        for unit in self.old:
            i = unit.index
            if i in taken_old or unit.placeholder:
                continue
            best = max(
                (
                    (self.weights.containment(unit.bag, self.new[j].bag), j)
                    for j in self._new_candidates(i)
                    if self.new[j].family == unit.family
                ),
                default=(0.0, -1),
            )
            if best[0] >= CONTAINED:
                merged_into[i] = best[1]
                taken_old.add(i)
        merge_targets = set(merged_into.values())  # already in a merged link: never a split-off part too
        for j in targets:
            if j in taken_new or j in merge_targets:
                continue
            best = max(
                (
                    (self.weights.containment(self.new[j].bag, self.old[i].bag), i)
                    for i in self.candidates(j)
                    if i in pairs and abs(pairs[i] - j) <= SPLIT_REACH
                ),
                default=(0.0, -1),
            )
            if best[0] >= CONTAINED:
                split_from[j] = best[1]
                taken_new.add(j)

        return self._links(pairs, declared, merged_into, declared_merges, split_from, deleted, placeholders)

    def _link_unchanged(
        self, targets: list[int], pairs: dict[int, int], taken_old: set[int], taken_new: set[int]
    ) -> None:
        """Link a paragraph that kept its (unique) label and its words at once, without scoring its candidates.

        Such a pair scores the most any pair can (likeness 1 plus the bonus for the same label), and no other
        pair with that label exists, so the best-first pass below would link it anyway; most paragraphs of a
        late draft are like this.
        """
        new_keys = Counter(unit.key for unit in self.new)
        for j in targets:
            unit = self.new[j]
            same_label = self.old_by_label.get(unit.key, ())
            if j in taken_new or len(same_label) != 1 or new_keys[unit.key] != 1 or not unit.bag:
                continue
            i = same_label[0]
            if i not in taken_old and not self.old[i].placeholder and self.old[i].bag == unit.bag:
                pairs[i] = j
                taken_old.add(i)
                taken_new.add(j)

    def _fill_gaps(self, pairs: dict[int, int], taken_old: set[int], taken_new: set[int]) -> None:
        """A lone paragraph between two linked neighbours, keeping its number on both sides, is the same paragraph."""
        anchors = sorted(pairs.items(), key=lambda p: p[1])
        bounds = [(-1, -1)] + [a for a in anchors] + [(len(self.old), len(self.new))]
        for (i1, j1), (i2, j2) in zip(bounds, bounds[1:], strict=False):
            if i2 <= i1:
                continue
            olds = [i for i in range(i1 + 1, i2) if i not in taken_old and not self.old[i].placeholder]
            news = [j for j in range(j1 + 1, j2) if j not in taken_new and not self.new[j].placeholder]
            if len(olds) != 1 or len(news) != 1:
                continue  # order says something only about a lone paragraph between two linked ones
            for i in olds:
                label = normalise_label(self.old[i].node.label)
                for j in news:
                    same = normalise_label(self.new[j].node.label) == label
                    family = self.old[i].family == self.new[j].family
                    if j not in taken_new and same and family and self.score(i, j) + 0.1 >= NEIGHBOUR:
                        pairs[i] = j
                        taken_old.add(i)
                        taken_new.add(j)
                        break

    def _new_candidates(self, i: int) -> list[int]:
        unit = self.old[i]
        terms = self._rarest(unit.bag)
        expected = i * len(self.new) / max(len(self.old), 1)
        return sorted(_nearest(_gather(self.new_index, terms, expected), expected))

    def _links(
        self,
        pairs: dict[int, int],
        declared: set[tuple[int, int]],
        merged_into: dict[int, int],
        declared_merges: set[int],
        split_from: dict[int, int],
        deleted: set[int],
        placeholders: dict[int, list[Paragraph]],
    ) -> Alignment:
        groups: dict[int, list[int]] = {}  # new block → its old sources
        for i, j in pairs.items():
            groups.setdefault(j, []).append(i)
        for i, j in merged_into.items():
            groups.setdefault(j, []).append(i)
        splits: dict[int, list[int]] = {}  # old block → extra new targets
        for j, i in split_from.items():
            splits.setdefault(i, []).append(j)

        moved = self._moved({i: j for j, sources in groups.items() for i in sources if len(sources) == 1})
        links: list[Link] = []
        seen_old: set[int] = set()
        split_shown: set[int] = set()
        for j in sorted(groups):
            sources = sorted(groups[j])
            nodes_old = [self.old[i].node for i in sources]
            target = self.new[j]
            extra = sorted(splits.get(sources[0], [])) if len(sources) == 1 else []
            split_shown.update(extra)
            held = [p for i in sources for p in placeholders.get(i, [])]
            seen_old.update(sources)
            if len(sources) > 1:
                share = min(self.weights.containment(self.old[i].bag, target.bag) for i in sources)
                source = "declared" if any(i in declared_merges for i in sources) else "inferred"
                absorbed = [self.old[i].node.label for i in sources if self.old[i].node.label != target.node.label]
                note = f"merged from {_span(absorbed)} into {target.node.label}"
                links.append(Link("merged", nodes_old, [target.node], share, source, note, held))
            elif extra:
                nodes_new = [target.node] + [self.new[k].node for k in extra]
                share = min(self.weights.containment(self.new[k].bag, self.old[sources[0]].bag) for k in [j] + extra)
                note = f"split from {nodes_old[0].label} into {', '.join(n.label for n in nodes_new)}"
                links.append(Link("split", nodes_old, nodes_new, share, "inferred", note, held))
            else:
                i = sources[0]
                source = "declared" if (i, j) in declared else "inferred"
                links.append(self._one_to_one(i, j, source, moved.get(i), held))
        for unit in self.old:
            if unit.index in seen_old:
                continue
            held = placeholders.get(unit.index, [])
            declared_gone = unit.index in placeholders
            links.append(
                Link(
                    "deleted",
                    [unit.node],
                    [],
                    0.0,
                    "declared" if declared_gone else "inferred",
                    "deleted" if not held else f"deleted ({held[0].markers[0].text})",
                    held,
                )
            )
        used_new = set(groups) | split_shown  # a split-off part whose source was merged is reported as new
        for unit in self.new:
            if unit.index in used_new or unit.placeholder:
                continue
            links.append(Link("new", [], [unit.node], 0.0, "inferred", "new"))
        links.extend(self._headings())
        links.extend(self._children(links))
        return Alignment(_reading_order(links, self.old_draft, self.new_draft), self.conflicts)

    def _one_to_one(self, i: int, j: int, source: str, direction: str | None, held: list[Paragraph]) -> Link:
        a, b = self.old[i], self.new[j]
        same_text = a.bag == b.bag and normalise(composite_text(a.node)) == normalise(composite_text(b.node))
        same_label = normalise_label(a.node.label) == normalise_label(b.node.label)
        score = 1.0 if same_text else self.score(i, j)
        formerly = f"formerly {a.node.label}" if not same_label else ""
        if direction:
            note = ", ".join(x for x in (formerly, f"moved {direction}") if x)
            return Link("moved", [a.node], [b.node], score, source, note, held)
        if same_text:
            relation = "same" if same_label else "renumbered"
        else:
            relation = "modified"
        return Link(relation, [a.node], [b.node], score, source, formerly, held)

    def _moved(self, pairs: dict[int, int]) -> dict[int, str]:
        """Old blocks whose new place breaks the order of the rest (not in the longest increasing run)."""
        ordered = sorted(pairs.items(), key=lambda p: p[1])
        keep = _longest_increasing([i for i, _ in ordered])
        moved: dict[int, str] = {}
        rank_old = {i: k for k, (i, _) in enumerate(sorted(pairs.items()))}
        for k, (i, _) in enumerate(ordered):
            if i in keep:
                continue
            moved[i] = "up" if k < rank_old[i] else "down"
        return moved

    def _headings(self) -> list[Link]:
        links: list[Link] = []
        used: set[int] = set()
        for new in self.new_headings:
            match = None
            for k, old in enumerate(self.old_headings):
                if k in used:
                    continue
                if normalise_label(old.label) == normalise_label(new.label):
                    match = k
                    break
            if match is None:
                links.append(Link("new", [], [new], 0.0, "inferred", "new heading"))
                continue
            used.add(match)
            old = self.old_headings[match]
            same = normalise(old.text) == normalise(new.text)
            score = 1.0 if same else self.weights.cosine(self._vector(old), self._vector(new))
            links.append(Link("same" if same else "modified", [old], [new], score))
        for k, old in enumerate(self.old_headings):
            if k not in used:
                links.append(Link("deleted", [old], [], 0.0, "inferred", "heading deleted"))
        return links

    def _children(self, links: list[Link]) -> list[Link]:
        """Sub-paragraphs and items, aligned inside the links of their parents."""
        found: list[Link] = []
        for link in list(links):
            if not link.sources and not link.targets or (link.sources or link.targets)[0].kind == "heading":
                continue  # a heading's paragraphs are blocks, linked already (a new heading's too)
            old_children = [c for p in link.sources for c in _descendants(p)]
            new_children = [c for p in link.targets for c in _descendants(p)]
            if not old_children and not new_children:
                continue
            bags_old = [self._vector(c) for c in old_children]
            bags_new = [self._vector(c) for c in new_children]
            if _unchanged(old_children, new_children, bags_old):  # what the pairing below would find, directly
                for old_child, child in zip(old_children, new_children, strict=True):
                    same_label = normalise_label(old_child.label) == normalise_label(child.label)
                    note = "" if same_label else f"formerly {old_child.label}"
                    found.append(Link("same" if same_label else "renumbered", [old_child], [child], 1.0, note=note))
                continue
            norms_old = [self.weights.norm(bag) for bag in bags_old]
            norms_new = [self.weights.norm(bag) for bag in bags_new]
            scored = sorted(
                (
                    (self.weights.cosine(a, b, norms_old[x], norms_new[y]), x, y)
                    for x, a in enumerate(bags_old)
                    for y, b in enumerate(bags_new)
                ),
                key=lambda t: (-t[0], t[1], t[2]),
            )
            pair: dict[int, int] = {}
            taken: set[int] = set()
            for s, x, y in scored:
                if s >= MATCH and x not in pair and y not in taken:
                    pair[x] = y
                    taken.add(y)
            into: dict[int, list[int]] = {}
            for x, bag in enumerate(bags_old):
                if x in pair:
                    continue
                best = max(((self.weights.containment(bag, b), y) for y, b in enumerate(bags_new)), default=(0.0, -1))
                if best[0] >= CONTAINED:
                    into.setdefault(best[1], []).append(x)
                else:
                    found.append(Link("deleted", [old_children[x]], [], 0.0, "inferred", "deleted"))
            for y, child in enumerate(new_children):
                sources = [x for x, t in pair.items() if t == y] + into.get(y, [])
                if not sources:
                    found.append(Link("new", [], [child], 0.0, "inferred", "new"))
                    continue
                nodes = [old_children[x] for x in sorted(sources)]
                if len(nodes) > 1:
                    note = f"merged from {', '.join(n.label for n in nodes)} into {child.label}"
                    found.append(
                        Link(
                            "merged",
                            nodes,
                            [child],
                            min(self.weights.containment(bags_old[x], bags_new[y]) for x in sources),
                            "inferred",
                            note,
                        )
                    )
                    continue
                old_child = nodes[0]
                same = normalise(old_child.text) == normalise(child.text)
                same_label = normalise_label(old_child.label) == normalise_label(child.label)
                relation = ("same" if same_label else "renumbered") if same else "modified"
                note = "" if same_label else f"formerly {old_child.label}"
                found.append(
                    Link(
                        relation,
                        [old_child],
                        [child],
                        1.0 if same else self.weights.cosine(bags_old[sources[0]], bags_new[y]),
                        "inferred",
                        note,
                    )
                )
        return found


def _unchanged(old: list[Paragraph], new: list[Paragraph], vectors: list[dict[str, float]]) -> bool:
    """The same texts in the same order, each with words to compare (an empty vector pairs with nothing)."""
    return len(old) == len(new) and all(a.text == b.text for a, b in zip(old, new, strict=True)) and all(vectors)


def _gather(index: dict[str, list[int]], terms: list[str], expected: float) -> set[int]:
    """The paragraphs that contain any of `terms`, from each term's postings only those nearest `expected`.

    Postings are in document order, so a bisection finds the window; a word common to the
    whole draft costs no more than a rare one.
    """
    found: set[int] = set()
    for term in terms:
        postings = index.get(term, ())
        if len(postings) <= MAX_CANDIDATES:
            found.update(postings)
            continue
        at = bisect_left(postings, expected)
        found.update(postings[max(0, at - MAX_CANDIDATES // 2) : at + MAX_CANDIDATES // 2])
    return found


def _nearest(indices: set[int], expected: float) -> set[int]:
    """The MAX_CANDIDATES indices nearest to where a paragraph would be expected (the lower one on a tie)."""
    if len(indices) <= MAX_CANDIDATES:
        return indices
    ordered = sorted(indices)  # then outwards from `expected`: no key function per index
    right = bisect_left(ordered, expected)
    left = right - 1
    chosen: set[int] = set()
    while len(chosen) < MAX_CANDIDATES:
        if left >= 0 and (right == len(ordered) or expected - ordered[left] <= ordered[right] - expected):
            chosen.add(ordered[left])
            left -= 1
        else:
            chosen.add(ordered[right])
            right += 1
    return chosen


def _family(kind: str) -> str:
    """Kinds that turn into each other between drafts: preambular and operative text do, reports' parts do not."""
    return {"recommendation": "recommendation", "paragraph": "paragraph"}.get(kind, "resolution")


def _descendants(node: Paragraph) -> list[Paragraph]:
    out: list[Paragraph] = []
    for child in node.children:
        out.append(child)
        out.extend(_descendants(child))
    return out


def _longest_increasing(values: list[int]) -> set[int]:
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


def _span(labels: list[str]) -> str:
    """'43, 44, 45, 46, 47' → '43–47' where the labels are a plain run of numbers."""
    if len(labels) > 2 and all(label.isdigit() for label in labels):
        numbers = [int(label) for label in labels]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(labels)


def _reading_order(links: list[Link], old: Draft, new: Draft) -> list[Link]:
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


def align(old: Draft, new: Draft) -> Alignment:
    """Lineage links between two drafts; every paragraph of both appears in exactly one link."""
    return _Aligner(old, new).run()
