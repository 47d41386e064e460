"""Follow a merged paragraph into the sub-paragraph it became, and a split-off paragraph back to its sub-paragraph.

'43. [Merged with paragraph 42]': 43's words are 42(a) of the later draft, lightly edited. The merge
link says only that 43 went into 42; its sub-paragraph (a) would be 'new'. Here a merged paragraph
whose text is like a sub-paragraph of its target that nothing else became is linked to it on its
own ("merged into 42 as 42(a)"), with its placeholder, so its redline and history follow it. The
reverse holds for splits: a sub-paragraph drawn out as a paragraph of its own links to it.
"""

from __future__ import annotations

from amendtrack.compare.align.index import ParagraphIndex, inner, is_holder
from amendtrack.compare.align.links import Link, kept, same_label
from amendtrack.compare.align.pairing import LEAST_PART, MATCH_RELABELLED
from amendtrack.compare.align.paragraphs import span_of_labels
from amendtrack.model.tree import Draft, Paragraph, normalise_label
from amendtrack.model.words import same_text

HELD = 0.4  # least share of a split-off part's words a sub-paragraph of its origin must hold to be where it came from


def follow_parts(drafts: ParagraphIndex, links: list[Link]) -> list[Link]:
    """The links with merged paragraphs followed into the sub-paragraphs they became (and splits back)."""
    loose_new = {id(link.targets[0]): link for link in links if link.relation == "new"}
    loose_old = {id(link.sources[0]): link for link in links if link.relation == "deleted"}
    dropped: set[int] = set()
    added: list[Link] = []
    for link in links:
        if link.relation == "merged" and len(link.targets) == 1 and len(link.sources) > 1:
            added.extend(_follow_merge(drafts, link, loose_new, dropped))
        elif link.relation == "split" and len(link.sources) == 1 and len(link.targets) > 1:
            added.extend(_follow_split(drafts, link, loose_old, dropped))
    return [link for link in links if id(link) not in dropped] + added


def _follow_merge(drafts: ParagraphIndex, link: Link, loose: dict[int, Link], dropped: set[int]) -> list[Link]:
    """Links from the merged paragraphs (all but the one that kept the place) to the new sub-paragraphs like them."""
    target = link.targets[0]
    movers = [s for s in link.sources if normalise_label(s.label) != normalise_label(target.label)]
    places = [c for c in inner(target) if id(c) in loose and id(loose[id(c)]) not in dropped]
    found = []
    for source, child, score in _best_pairs(drafts, movers, places):
        dropped.add(id(loose[id(child)]))
        link.sources.remove(source)
        held = [p for p in link.placeholders if normalise_label(p.label) == normalise_label(source.label)]
        link.placeholders = [p for p in link.placeholders if p not in held]
        note = f"merged from {source.label} into {target.label} as {child.label}"
        found.append(Link("merged", [source], [child], score, link.source, note, held))
    if found:
        restate(link, "merged")
    return found


def _follow_split(drafts: ParagraphIndex, link: Link, loose: dict[int, Link], dropped: set[int]) -> list[Link]:
    """Links from the old sub-paragraphs left behind to the split-off paragraphs like them."""
    origin = link.sources[0]
    parts = [t for t in link.targets if normalise_label(t.label) != normalise_label(origin.label)]
    places = [c for c in inner(origin) if id(c) in loose and id(loose[id(c)]) not in dropped]
    found = []
    alike = _best_pairs(drafts, places, parts)
    for child, part, score in alike + _holders(drafts, origin, places, parts, alike):
        dropped.add(id(loose[id(child)]))
        link.targets.remove(part)
        note = f"split from {origin.label}: {child.label} became {part.label}"
        found.append(Link("split", [child], [part], score, link.source, note))
    if found:
        restate(link, "split")
    return found


def _holders(
    drafts: ParagraphIndex,
    origin: Paragraph,
    places: list[Paragraph],
    parts: list[Paragraph],
    alike: list[tuple[Paragraph, Paragraph, float]],
) -> list[tuple[Paragraph, Paragraph, float]]:
    """For split-off parts no sub-paragraph is alike enough to (see _best_pairs): the sub-paragraph that holds
    the most of the part's words, when it holds many (HELD) and more than the origin's own text does
    (`alike`: the pairs _best_pairs found).

    Inside one split the candidates are few: a sub-paragraph drawn out as a paragraph of its own and
    redrafted ('9.6(d)' → '13.8') keeps its place in the story by the words it gave.
    """
    paired = {id(part) for _, part, _ in alike}
    taken = {id(child) for child, _, _ in alike}
    own = drafts.vector(origin)
    found = []
    for part in parts:
        bag = drafts.vector(part)
        if id(part) in paired or len(bag) < LEAST_PART:
            continue
        shares = [
            (drafts.weights.containment(bag, drafts.vector(c)), k) for k, c in enumerate(places) if id(c) not in taken
        ]
        best = max(shares, default=(0.0, -1))
        if best[0] >= HELD and best[0] > drafts.weights.containment(bag, own):
            child = places[best[1]]
            taken.add(id(child))
            found.append((child, part, drafts.weights.cosine(drafts.vector(child), bag)))
    return found


def _best_pairs(
    drafts: ParagraphIndex, olds: list[Paragraph], news: list[Paragraph]
) -> list[tuple[Paragraph, Paragraph, float]]:
    """Pairs (old, new) one to one, the most alike first, each alike enough to say one became the other."""
    bags_old = [drafts.vector(node) for node in olds]
    bags_new = [drafts.vector(node) for node in news]
    scored = sorted(
        (
            (drafts.weights.cosine(a, b), x, y)
            for x, a in enumerate(bags_old)
            if len(a) >= LEAST_PART
            for y, b in enumerate(bags_new)
            if len(b) >= LEAST_PART
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    pairs, taken_old, taken_new = [], set(), set()
    for score, x, y in scored:
        if score >= MATCH_RELABELLED and x not in taken_old and y not in taken_new:
            pairs.append((olds[x], news[y], score))
            taken_old.add(x)
            taken_new.add(y)
    return pairs


def restate(link: Link, relation: str, direction: str | None = None) -> None:
    """The link's relation and note once some of its paragraphs went their own way (`relation`: what it was,
    merged or split; `direction`: 'up' or 'down' when what is left of it moved out of order)."""
    if len(link.sources) == 1 and len(link.targets) == 1:
        a, b = link.sources[0], link.targets[0]
        formerly = "" if normalise_label(a.label) == normalise_label(b.label) else f"formerly {a.label}"
        if direction:
            link.relation, link.note = "moved", ", ".join(x for x in (formerly, f"moved {direction}") if x)
        else:
            link.relation, link.note = kept(same_text(a.text, b.text), same_label(a, b)), formerly
    elif relation == "merged":
        target = link.targets[0]
        absorbed = [s.label for s in link.sources if normalise_label(s.label) != normalise_label(target.label)]
        link.note = f"merged from {span_of_labels(absorbed)} into {target.label}"
    else:
        link.note = f"split from {link.sources[0].label} into {', '.join(t.label for t in link.targets)}"


def rehome_orphans(drafts: ParagraphIndex, links: list[Link], old: Draft, new: Draft) -> list[Link]:
    """A deleted node and a new one that say nearly the same thing: it moved, to another paragraph or Article.

    Sub-paragraphs are paired only inside their parents' links, so one that went to another parent
    ('9 Dec 3ter.1(e)' → '12 Dec 6.4(c)') is left deleted there and new here. What is left so, alike
    at least MATCH_RELABELLED in its own words, is linked as moved, from where to where.
    """
    deleted = [  # a deletion a placeholder declares stands
        link
        for link in links
        if link.relation == "deleted" and link.source != "declared" and not is_holder(link.sources[0])
    ]
    born = [link for link in links if link.relation == "new" and not is_holder(link.targets[0])]
    if not deleted or not born:
        return links
    old_parent = {id(n): p for n, p in old.walk() if p is not None}
    new_parent = {id(n): p for n, p in new.walk() if p is not None}
    pairs = _best_pairs(drafts, [link.sources[0] for link in deleted], [link.targets[0] for link in born])
    dropped: set[int] = set()
    at_old = {id(link.sources[0]): link for link in deleted}
    at_new = {id(link.targets[0]): link for link in born}
    moved = []
    for source, target, score in pairs:
        dropped.update((id(at_old[id(source)]), id(at_new[id(target)])))
        was, now = _place(old_parent.get(id(source))), _place(new_parent.get(id(target)))
        note = f"moved from {was} to {now}" if was != now else "moved"
        held = at_old[id(source)].placeholders
        moved.append(Link("moved", [source], [target], score, "inferred", note, held))
    return [link for link in links if id(link) not in dropped] + moved


def _place(parent: Paragraph | None) -> str:
    """Where a node sits, as a reader names it: its paragraph or Article, or the top of the draft."""
    return parent.label if parent is not None and parent.label else "the top"
