"""Options held by a sub-paragraph settle with it: '(a) To hold the increase … to [Option 1: below 2 °C]
[Option 2: well below 2 °C …]' becomes '(a) Holding the increase … well below 2 °C …'.

Options are paired on their own, as blocks (`index.is_block`), so the option that carried on may be
merged into the whole new paragraph, or linked to the new sub-paragraph while the stem it completed is
left 'deleted'. Here the sub-paragraph, the stem and the options it holds are looked at together: the
new sub-paragraph of the same parent that holds most of an option's words is what they became; the
stem goes into it with the option that holds most words there and with each other option whose words
are mostly there (SETTLED) and that brings words the others lack. The rest of the options were dropped.
"""

from __future__ import annotations

from amendtrack.compare.align.index import ParagraphIndex, inner
from amendtrack.compare.align.links import Link, kept, same_label
from amendtrack.compare.align.pairing import SETTLED, SUPPLIES_GAIN
from amendtrack.compare.align.subparagraphs import FOLDED_SHARE
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.model.words import same_text


def settle_sub_options(drafts: ParagraphIndex, links: list[Link], old: Draft, new: Draft) -> list[Link]:
    """The links with each sub-paragraph that held options linked, with the options it kept, to what it became."""
    old_parent = {id(node): up for node, up in old.walk() if up is not None}
    new_parent = {id(node): up for node, up in new.walk() if up is not None}
    settling = _Settling(drafts, links, old_parent, new_parent)
    for stem, options in _stems_with_options(old):
        settled = settling.settle(stem, options)
        if settled is not settling.links:  # the links changed: look again at them as they now stand
            settling = _Settling(drafts, settled, old_parent, new_parent)
    return _open_sub_options(drafts, settling.links, old, new)


def _open_sub_options(drafts: ParagraphIndex, links: list[Link], old: Draft, new: Draft) -> list[Link]:
    """The reverse: a sub-paragraph whose text the next draft offers as a stem and options ('(a) Hold the increase
    … [below 1.5 °C] [or] [well] [below 2 °C]' → '(a) … to' Option 1, 2, 3) was split into them; each new option
    that holds a third of its words in it (FOLDED_SHARE) came from it, and so did one split off its paragraph."""
    where = {id(t): link for link in links for t in link.targets}
    holder = {id(node): up for node, up in old.walk() if up is not None}
    for stem, options in _stems_with_options(new):
        link = where[id(stem)]
        if len(link.sources) != 1 or len(link.targets) != 1 or link.sources[0].kind != "subparagraph":
            continue
        origin = link.sources[0]
        source = drafts.whole(origin)
        parts = [
            o
            for o in options
            if (where[id(o)].relation == "new" or holder.get(id(origin)) in where[id(o)].sources)
            and drafts.weights.containment(drafts.whole(o), source) >= FOLDED_SHARE
        ]
        for part in parts:
            left = where[id(part)]
            left.targets.remove(part)
            links = [x for x in links if x is not left] + (_restated(drafts, left) if left.sources else [])
        if parts:
            link.targets.extend(parts)
            link.relation = "split"
            link.note = f"split from {origin.label} into {', '.join(t.label for t in link.targets)}"
            where = {id(t): x for x in links for t in x.targets}
    return links


class _Settling:
    """One sub-paragraph's options looked at against the links as they stand."""

    def __init__(
        self,
        drafts: ParagraphIndex,
        links: list[Link],
        old_parent: dict[int, Paragraph],
        new_parent: dict[int, Paragraph],
    ) -> None:
        self.drafts, self.links = drafts, links
        self.old_parent, self.new_parent = old_parent, new_parent
        self.where = {id(n): link for link in links for n in link.sources}
        self.into = {id(n): link for link in links for n in link.targets}

    def settle(self, stem: Paragraph, options: list[Paragraph]) -> list[Link]:
        """The links with the stem and the options it kept linked to the sub-paragraph they became."""
        choice = self._first(options, self._places(stem, options))
        if choice is None or any(t is not choice[0] for t in self.where[id(stem)].targets):
            return self.links
        target, first = choice
        members = self._members(stem, options, first, target)
        dropped = [o for o in options if o not in members and self._in_whole(o, target)]
        return _relink(self.drafts, self.links, [stem, *members], target, dropped, self.where, self.into)

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

    def _first(self, options: list[Paragraph], places: list[Paragraph]) -> tuple[Paragraph, Paragraph] | None:
        """The (place, option) most alike of those where the option's words are mostly there or it is linked there."""
        weights, drafts = self.drafts.weights, self.drafts
        scored = [
            (weights.cosine(drafts.whole(o), drafts.vector(t)), -k, t, o)
            for k, t in enumerate(places)
            for o in options
            if t in self.where[id(o)].targets or weights.containment(drafts.whole(o), drafts.vector(t)) >= SETTLED
        ]
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

    def _in_whole(self, option: Paragraph, target: Paragraph) -> bool:
        """Whether an option was put into the paragraph that holds the target (it was dropped, not merged there)."""
        holders = set()
        up = self.new_parent.get(id(target))
        while up is not None:
            holders.add(id(up))
            up = self.new_parent.get(id(up))
        return any(id(t) in holders for t in self.where[id(option)].targets)


def _relink(
    drafts: ParagraphIndex,
    links: list[Link],
    sources: list[Paragraph],
    target: Paragraph,
    dropped: list[Paragraph],
    where: dict[int, Link],
    into: dict[int, Link],
) -> list[Link]:
    """The links with `sources` → `target` as one link and `dropped` deleted, all taken out of the links they
    were in (which are restated)."""
    touched = {id(where[id(s)]): where[id(s)] for s in [*sources, *dropped]} | {id(into[id(target)]): into[id(target)]}
    moved = {id(n) for n in [*sources, *dropped, target]}
    rest: list[Link] = []
    for link in touched.values():
        link.sources = [s for s in link.sources if id(s) not in moved]
        link.targets = [t for t in link.targets if id(t) not in moved]
        rest.extend(_restated(drafts, link))
    kept_links = [link for link in links if id(link) not in touched]
    gone = [Link("deleted", [node], [], 0.0, "inferred", "deleted") for node in dropped]
    return [*kept_links, *rest, _joined(drafts, sources, target), *gone]


def _joined(drafts: ParagraphIndex, sources: list[Paragraph], target: Paragraph) -> Link:
    """The link from a stem and the options that settled into `target`, scored on their words together."""
    words: dict[str, float] = {}
    for source in sources:
        for term, weight in drafts.whole(source).items():
            words[term] = max(words.get(term, 0.0), weight)
    score = drafts.weights.cosine(words, drafts.vector(target))
    labels = ", ".join(s.label for s in sources)
    return Link("merged", sources, [target], score, "inferred", f"merged from {labels} into {target.label}")


def _one_to_one(drafts: ParagraphIndex, a: Paragraph, b: Paragraph) -> Link:
    same = same_text(a.text, b.text)
    score = 1.0 if same else drafts.weights.cosine(drafts.whole(a), drafts.vector(b))
    note = "" if same_label(a, b) else f"formerly {a.label}"
    return Link(kept(same, same_label(a, b)), [a], [b], score, "inferred", note)


def _restated(drafts: ParagraphIndex, link: Link) -> list[Link]:
    """A link some of whose nodes went elsewhere: as it now stands, or its leftovers deleted and new."""
    if link.sources and link.targets:
        if len(link.sources) == 1 and len(link.targets) == 1:
            restated = _one_to_one(drafts, link.sources[0], link.targets[0])
            restated.placeholders = link.placeholders
            return [restated]
        return [link]
    gone = [Link("deleted", [s], [], 0.0, "inferred", "deleted") for s in link.sources]
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
