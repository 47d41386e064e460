"""Options held by a sub-paragraph settle with it: '(a) To hold the increase … to [Option 1: below 2 °C]
[Option 2: well below 2 °C …]' becomes '(a) Holding the increase … well below 2 °C …'.

Options are paired on their own, as blocks (`index.is_block`), so the option that carried on may be
merged into the whole new paragraph, or linked to the new sub-paragraph while the stem it completed is
left 'deleted'. Here the sub-paragraph, the stem and the options it holds are looked at together: the
new sub-paragraph of the same parent that holds most of an option's words (and words the stem does
not give it) is what they became; the stem goes into it (when it has no words or shares some) with
that option and with each other option whose words are mostly there (SETTLED) and that brings words
the others lack. Options folded into the whole paragraph and not into it were dropped; an option
that went on as a paragraph or an option of its own keeps its link. The reverse, a sub-paragraph
offered next as a stem and options, is a split.
"""

from __future__ import annotations

from amendtrack.compare.align.index import ParagraphIndex, inner
from amendtrack.compare.align.links import Link
from amendtrack.compare.align.pairing import SETTLED, SUPPLIES_GAIN
from amendtrack.compare.align.parts import restate
from amendtrack.compare.align.subparagraphs import FOLDED_SHARE
from amendtrack.model.tree import Draft, Paragraph

Moves = dict[int, tuple[int, str]]  # id of an old paragraph → (id of the new one, 'up' or 'down'): out of order


def settle_sub_options(drafts: ParagraphIndex, links: list[Link], old: Draft, new: Draft, moves: Moves) -> list[Link]:
    """The links with each sub-paragraph that held options linked, with the options it kept, to what it became."""
    settling = _Settling(drafts, links, new, moves)
    for stem, options in _stems_with_options(old):
        settling.settle(stem, options)
    return _open_sub_options(drafts, settling.links, new, moves)


class _Settling:
    """The links as they stand, where each node is in them, and how one sub-paragraph's options settle."""

    def __init__(self, drafts: ParagraphIndex, links: list[Link], new: Draft, moves: Moves) -> None:
        self.drafts, self.links, self.moves = drafts, links, moves
        self.old_parent = drafts.old_parent
        self.new_parent = {id(node): up for node, up in new.walk() if up is not None}
        self.where = {id(n): link for link in links for n in link.sources}
        self.into = {id(n): link for link in links for n in link.targets}

    def settle(self, stem: Paragraph, options: list[Paragraph]) -> None:
        """The stem and the options it kept linked to the sub-paragraph they became, if they became one."""
        places = self._places(stem, options)
        holders = {id(h) for place in places for h in self._holders(place)}
        free = [o for o in options if self._free(o, places, holders)]
        choice = self._first(stem, free, places)
        if choice is None or any(t is not choice[0] for t in self.where[id(stem)].targets):
            return
        target, first = choice
        members = self._members(stem, free, first, target)
        kept = {id(o) for o in members}
        dropped = [o for o in free if id(o) not in kept and self._in_whole(o, target)]
        sources = [stem, *members] if self._shares(stem, target) else members
        taken = {id(n) for n in [*sources, *dropped]}
        companions = [s for s in self.into[id(target)].sources if id(s) not in taken]
        if self.into[id(target)].targets != [target]:
            companions = []
        self._relink([*sources, *companions], target, dropped)

    def _places(self, stem: Paragraph, options: list[Paragraph]) -> list[Paragraph]:
        """New sub-paragraphs the stem may have become: the one it is linked to, those its options are linked
        to, and new ones of the paragraph its paragraph became; not one that still holds options (still open)."""
        places = [t for node in [stem, *options] for t in self.where[id(node)].targets if t.kind == "subparagraph"]
        up = self.old_parent.get(id(stem))
        while up is not None and id(up) not in self.where:
            up = self.old_parent.get(id(up))
        for whole in self.where[id(up)].targets if up is not None else []:
            places.extend(c for c in inner(whole) if c.kind == "subparagraph" and self.into[id(c)].relation == "new")
        return [p for p in {id(p): p for p in places}.values() if not _holds_options(p)]

    def _free(self, option: Paragraph, places: list[Paragraph], holders: set[int]) -> bool:
        """Whether an option is free to settle here: dropped, linked to one of the places, or folded into the
        paragraph that holds one; not one that went on as a paragraph or an option of its own."""
        link = self.where[id(option)]
        here = {id(place) for place in places} | holders
        return not link.targets or any(id(t) in here for t in link.targets)

    def _first(
        self, stem: Paragraph, options: list[Paragraph], places: list[Paragraph]
    ) -> tuple[Paragraph, Paragraph] | None:
        """The (place, option) most alike of those where the option is linked, or where its words mostly are and
        it gives words the stem does not ('No provision on the temperature goal' gives '(a) … temperature' none)."""
        weights, drafts = self.drafts.weights, self.drafts
        scored = []
        for k, place in enumerate(places):
            target = drafts.vector(place)
            for option in options:
                bag = drafts.whole(option)
                linked = any(t is place for t in self.where[id(option)].targets)
                settled = weights.containment(bag, target) >= SETTLED
                if linked or settled and weights.coverage_gain(target, [drafts.vector(stem)], bag) >= SUPPLIES_GAIN:
                    scored.append((weights.cosine(bag, target), -k, place, option))
        best = max(scored, default=None, key=lambda x: x[:2])
        return None if best is None else (best[2], best[3])

    def _members(
        self, stem: Paragraph, options: list[Paragraph], first: Paragraph, target: Paragraph
    ) -> list[Paragraph]:
        """The first option, and each other whose words are mostly in the target and that brings words it lacks."""
        weights, whole = self.drafts.weights, self.drafts.vector(target)
        members, have = [first], [self.drafts.vector(stem), self.drafts.whole(first)]
        for option in options:
            bag = self.drafts.whole(option)
            if option is first or weights.containment(bag, whole) < SETTLED:
                continue
            if weights.coverage_gain(whole, have, bag) >= SUPPLIES_GAIN:
                members.append(option)
                have.append(bag)
        return members

    def _shares(self, stem: Paragraph, target: Paragraph) -> bool:
        """Whether the stem went into the target: it has no words of its own (it only held the options) or some
        of them are there."""
        bag = self.drafts.vector(stem)
        return not bag or self.drafts.weights.containment(bag, self.drafts.vector(target)) > 0

    def _holders(self, node: Paragraph) -> list[Paragraph]:
        """What holds a new node, nearest first."""
        found, up = [], self.new_parent.get(id(node))
        while up is not None:
            found.append(up)
            up = self.new_parent.get(id(up))
        return found

    def _in_whole(self, option: Paragraph, target: Paragraph) -> bool:
        """Whether an option was put into the paragraph that holds the target (it was dropped, not merged there)."""
        holders = {id(h) for h in self._holders(target)}
        return any(id(t) in holders for t in self.where[id(option)].targets)

    def _relink(self, sources: list[Paragraph], target: Paragraph, dropped: list[Paragraph]) -> None:
        """`sources` → `target` as one link and `dropped` deleted, all taken out of the links they were in (which
        are restated); where each node is linked follows."""
        touched = {id(self.where[id(s)]): self.where[id(s)] for s in [*sources, *dropped]}
        touched[id(self.into[id(target)])] = self.into[id(target)]
        taken = {id(n) for n in [*sources, *dropped, target]}
        fresh: list[Link] = []
        for link in touched.values():
            link.sources = [s for s in link.sources if id(s) not in taken]
            link.targets = [t for t in link.targets if id(t) not in taken]
            fresh.extend(_restated(self.drafts, link, self.moves))
        joined = _joined(self.drafts, sources, target)
        joined.placeholders = [p for link in touched.values() if not link.sources for p in link.placeholders]
        fresh.append(joined)
        fresh.extend(Link("deleted", [node], [], 0.0, "inferred", "deleted") for node in dropped)
        self.links = [link for link in self.links if id(link) not in touched] + fresh
        for link in fresh:
            self.where.update((id(n), link) for n in link.sources)
            self.into.update((id(n), link) for n in link.targets)


def _open_sub_options(drafts: ParagraphIndex, links: list[Link], new: Draft, moves: Moves) -> list[Link]:
    """The reverse: a sub-paragraph whose text the next draft offers as a stem and options ('(a) Hold the increase
    … [below 1.5 °C] [or] [well] [below 2 °C]' → '(a) … to' Option 1, 2, 3) was split into them; each new option
    that holds a third of its words in it (FOLDED_SHARE) came from it, and so did one split off its paragraph.
    A sub-paragraph that already offered options only gained one."""
    where = {id(t): link for link in links for t in link.targets}
    holder = drafts.old_parent
    for stem, options in _stems_with_options(new):
        link = where[id(stem)]
        if len(link.sources) != 1 or len(link.targets) != 1 or link.sources[0].kind != "subparagraph":
            continue
        origin = link.sources[0]
        if _holds_options(origin):
            continue
        source = drafts.whole(origin)
        parts = [
            o
            for o in options
            if (where[id(o)].relation == "new" or holder.get(id(origin)) in where[id(o)].sources)
            and drafts.weights.containment(drafts.whole(o), source) >= FOLDED_SHARE
        ]
        for part in parts:
            left = where[id(part)]
            left.targets = [t for t in left.targets if t is not part]
            restated = _restated(drafts, left, moves) if left.sources else []
            links = [x for x in links if x is not left] + restated
            where.update((id(t), x) for x in restated for t in x.targets)
        if parts:
            link.targets.extend(parts)
            link.relation = "split"
            restate(link, "split")
            link.score = _score(drafts, [origin], link.targets)
            where.update((id(t), link) for t in parts)
    return links


def _joined(drafts: ParagraphIndex, sources: list[Paragraph], target: Paragraph) -> Link:
    """The link from a stem and the options that settled into `target`, scored on their words together."""
    link = Link("merged", sources, [target], _score(drafts, sources, [target]), "inferred")
    restate(link, "merged")
    return link


def _score(drafts: ParagraphIndex, sources: list[Paragraph], targets: list[Paragraph]) -> float:
    """A link's score as `paragraphs` gives it: for a merge the least share of a source's words in the target,
    for a split the least share of a target's words in the source, else how alike the two are."""
    weights = drafts.weights
    if len(sources) > 1:  # a stem with no words of its own (it only held the options) shares none
        target = _together(drafts, targets)
        bags = [drafts.whole(s) for s in sources]
        return min((weights.containment(bag, target) for bag in bags if bag), default=0.0)
    if len(targets) > 1:
        return min(weights.containment(drafts.whole(t), drafts.whole(sources[0])) for t in targets)
    return weights.cosine(drafts.whole(sources[0]), drafts.whole(targets[0]))


def _together(drafts: ParagraphIndex, nodes: list[Paragraph]) -> dict[str, float]:
    return drafts.weights.union([drafts.whole(node) for node in nodes])


def _restated(drafts: ParagraphIndex, link: Link, moves: Moves) -> list[Link]:
    """A link some of whose nodes went elsewhere: as it now stands (its move kept), or its leftovers deleted
    and new."""
    if link.sources and link.targets:
        a, b = link.sources[0], link.targets[0]
        move = moves.get(id(a))
        direction = move[1] if move and move[0] == id(b) and len(link.sources) == len(link.targets) == 1 else None
        restate(link, link.relation, direction)
        link.score = _score(drafts, link.sources, link.targets)
        return [link]
    gone = [Link("deleted", [s], [], 0.0, "inferred", "deleted") for s in link.sources]
    if gone:  # what recorded the link ('[Merged with paragraph 42]') stays with what is left of it, once
        gone[0].placeholders, gone[0].source = link.placeholders, link.source
    return gone + [Link("new", [], [t], 0.0, "inferred", "new") for t in link.targets]


def _holds_options(node: Paragraph) -> bool:
    return any(child.kind == "option_group" for child in node.children)


def _stems_with_options(draft: Draft) -> list[tuple[Paragraph, list[Paragraph]]]:
    """Sub-paragraphs (not blocks) that hold a group of options, with those options."""
    found = []
    for node, _ in draft.walk():
        if node.kind != "subparagraph" or not _holds_options(node):
            continue
        options = [o for group in node.children if group.kind == "option_group" for o in group.children]
        options = [o for o in options if o.kind == "option"]
        if options:
            found.append((node, options))
    return found
