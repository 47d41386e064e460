"""Link sub-paragraphs and items inside the links of their parents.

A parent's link says where to look: the sub-paragraphs of the old paragraph(s) are paired with
those of the new one(s) by likeness of words, the most alike first; one whose words are nearly
all in another was merged into it; the rest are deleted or new.
"""

from __future__ import annotations

from amendtrack.compare.align.index import ParagraphIndex, inner, is_holder
from amendtrack.compare.align.links import Link, kept, same_label
from amendtrack.compare.align.pairing import CONTAINED, LEAST_PART, MATCH, SUPPLIES_GAIN
from amendtrack.model.tree import Paragraph, normalise_label
from amendtrack.model.words import Weights, same_text

FOLDED_SHARE = 0.35  # least share of a sub-paragraph's words in its parent's new text to have been run into it


def link_sub_paragraphs(drafts: ParagraphIndex, links: list[Link]) -> list[Link]:
    """Links for the sub-paragraphs and items of every linked paragraph (a heading's paragraphs are linked already)."""
    found: list[Link] = []
    for link in links:
        if not link.sources and not link.targets or is_holder((link.sources or link.targets)[0]):
            continue
        old_children = [c for p in link.sources for c in inner(p)]
        new_children = [c for p in link.targets for c in inner(p)]
        if old_children or new_children:
            inside = _link_inside(drafts, old_children, new_children)
            if len(link.sources) == 1 or len(link.targets) == 1:
                inside = _fold(drafts, link, inside)
            found.extend(inside)
    return found


def _fold(drafts: ParagraphIndex, parent: Link, inside: list[Link]) -> list[Link]:
    """Sub-paragraphs run into their paragraph's text (merged into it), or drawn out of it (split from it).

    '4.7 … (a) … (b) …' redrafted as one paragraph: (a) and (b) are not deleted, their words are in
    the new 4.7; the reverse is a split. The parent's link takes them in.
    """
    old = parent.sources[0] if len(parent.sources) == 1 else None  # a merge's sub-paragraphs run into its target,
    new = parent.targets[0] if len(parent.targets) == 1 else None  # a split's are drawn out of its source
    kept_links = []
    for link in inside:
        if link.relation == "deleted" and new is not None and _folded(drafts, link.sources[0], new, parent.sources):
            parent.sources.append(link.sources[0])
        elif link.relation == "new" and old is not None and _folded(drafts, link.targets[0], old, parent.targets):
            parent.targets.append(link.targets[0])
        else:
            kept_links.append(link)
    if len(kept_links) == len(inside):
        return inside
    if len(parent.sources) > 1 and new is not None:
        parent.relation, parent.note = (
            "merged",
            f"merged from {', '.join(p.label for p in parent.sources)} into {new.label}",
        )
    elif len(parent.targets) > 1 and old is not None:
        parent.relation, parent.note = (
            "split",
            f"split from {old.label} into {', '.join(p.label for p in parent.targets)}",
        )
    return kept_links


def _folded(drafts: ParagraphIndex, part: Paragraph, whole: Paragraph, beside: list[Paragraph]) -> bool:
    """Whether `part` went into the text of `whole`: nearly all its words are there, or many of them are and
    it brings `whole` words that what is already linked to it (`beside`) lacks (and it has words enough to tell)."""
    bag = drafts.vector(part)
    if len(bag) < LEAST_PART:
        return False
    target = drafts.vector(whole)
    share = drafts.weights.containment(bag, target)
    if share >= CONTAINED:
        return True
    if share < FOLDED_SHARE:
        return False
    return drafts.weights.coverage_gain(target, [drafts.vector(node) for node in beside], bag) >= SUPPLIES_GAIN


def _link_inside(drafts: ParagraphIndex, old_children: list[Paragraph], new_children: list[Paragraph]) -> list[Link]:
    """The links among the sub-paragraphs of one parent link: deleted ones first, then in the new order."""
    bags_old = [drafts.vector(c) for c in old_children]
    if _unchanged(old_children, new_children, bags_old):  # what the pairing below would find, directly
        return [_kept(a, b, True, 1.0) for a, b in zip(old_children, new_children, strict=True)]
    bags_new = [drafts.vector(c) for c in new_children]
    weights = drafts.weights
    pair = _pair_best_first(weights, bags_old, bags_new)
    into: dict[int, list[int]] = {}  # new child → old children merged into it
    found: list[Link] = []
    for x, bag in enumerate(bags_old):
        if x in pair:
            continue
        best = max(((weights.containment(bag, b), y) for y, b in enumerate(bags_new)), default=(0.0, -1))
        target = bags_new[best[1]] if bags_new else {}
        beside = [bags_old[k] for k, t in pair.items() if t == best[1]]
        if (
            best[0] >= CONTAINED
            and _brings(weights, bag, target, beside)
            or _supplies(weights, best[0], bag, target, beside)
        ):
            into.setdefault(best[1], []).append(x)
        else:
            found.append(Link("deleted", [old_children[x]], [], 0.0, "inferred", "deleted"))
    for y, child in enumerate(new_children):
        sources = [x for x, t in pair.items() if t == y] + into.get(y, [])
        if not sources:
            found.append(Link("new", [], [child], 0.0, "inferred", "new"))
        elif len(sources) > 1:
            nodes = [old_children[x] for x in sorted(sources)]
            note = f"merged from {', '.join(n.label for n in nodes)} into {child.label}"
            share = min(weights.containment(bags_old[x], bags_new[y]) for x in sources)
            found.append(Link("merged", nodes, [child], share, "inferred", note))
        else:
            old_child = old_children[sources[0]]
            same = same_text(old_child.text, child.text)
            score = 1.0 if same else weights.cosine(bags_old[sources[0]], bags_new[y])
            found.append(_kept(old_child, child, same, score))
    return found


def _brings(weights: Weights, part: dict[str, float], target: dict[str, float], paired: list[dict[str, float]]) -> bool:
    """Whether a sub-paragraph whose words are in `target` brings it words that the one paired with it lacks:
    '(b) Projections of emissions by sources and sinks' adds nothing to '(a) inventory of emissions by sources
    and sinks' that (a) did not bring; it was deleted, not merged."""
    return not paired or weights.coverage_gain(target, paired, part) >= SUPPLIES_GAIN


def _supplies(
    weights: Weights, share: float, part: dict[str, float], target: dict[str, float], paired: list[dict[str, float]]
) -> bool:
    """Whether a sub-paragraph with many of its words in `target` (FOLDED_SHARE) supplies words of it that the one
    paired with it lacks: '(b) To increase the ability to adapt …' and '(c) To pursue … low greenhouse gas
    emissions' redrafted as one '(b) Increasing the ability to adapt … low greenhouse gas emissions'."""
    if not paired or len(part) < LEAST_PART:  # merged beside a sub-paragraph paired there, never alone
        return False
    return share >= FOLDED_SHARE and weights.coverage_gain(target, paired, part) >= SUPPLIES_GAIN


def _pair_best_first(
    weights: Weights, bags_old: list[dict[str, float]], bags_new: list[dict[str, float]]
) -> dict[int, int]:
    """Old child → new child, one to one, the most alike pair first (at least MATCH alike)."""
    norms_old = [weights.norm(bag) for bag in bags_old]
    norms_new = [weights.norm(bag) for bag in bags_new]
    scored = sorted(
        (
            (weights.cosine(a, b, norms_old[x], norms_new[y]), x, y)
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
    return pair


def _kept(old_child: Paragraph, child: Paragraph, same_text: bool, score: float) -> Link:
    note = "" if normalise_label(old_child.label) == normalise_label(child.label) else f"formerly {old_child.label}"
    return Link(kept(same_text, same_label(old_child, child)), [old_child], [child], score, "inferred", note)


def _unchanged(old: list[Paragraph], new: list[Paragraph], vectors: list[dict[str, float]]) -> bool:
    """The same texts in the same order, each with words to compare (an empty vector pairs with nothing)."""
    return len(old) == len(new) and all(a.text == b.text for a, b in zip(old, new, strict=True)) and all(vectors)
