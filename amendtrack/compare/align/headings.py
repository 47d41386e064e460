"""Link the headings and containers (Articles, sections) of two drafts by what they hold, not by their number.

An old heading and a new one are the same when the paragraphs under the new one came from under
the old one: each one-to-one or merge link between their paragraphs counts for the pair. Pairs
are taken most-shared first; a heading whose paragraphs all went elsewhere (or that holds none)
pairs by the words of its own title, never by its label alone. The label decides only between
equal pairs. A pair out of the order the others keep is moved; one whose number alone changed is
renumbered (never on an inferred label).
"""

from __future__ import annotations

from collections import Counter

from amendtrack.compare.align.index import ParagraphIndex, is_holder, label_within
from amendtrack.compare.align.links import Link, kept, out_of_order, same_label
from amendtrack.model.tree import CONTAINER_KINDS, Draft, Paragraph, is_heading, normalise_label
from amendtrack.model.words import normalise, same_text

HEADING_MATCH = 0.3  # least likeness (share of paragraphs, or of title words) for two headings to be one
LABEL_BONUS = 0.1  # added for the same label: it decides between equals, never alone


def link_headings(drafts: ParagraphIndex, paragraph_links: list[Link]) -> list[Link]:
    """Each new heading with the old heading it continues (same, modified, renumbered, moved), then new and deleted."""
    shared = _shared(drafts, paragraph_links)
    pairs = _pair(drafts, shared)
    ordered = sorted(pairs.items(), key=lambda p: p[1])
    stayed = [0.5 * _kept_label(drafts.old_headings[i], drafts.new_headings[j]) for i, j in ordered]
    moved = out_of_order(ordered, stayed) | _carried(drafts, paragraph_links)
    links: list[Link] = []
    by_new = {j: i for i, j in pairs.items()}
    for j, new in enumerate(drafts.new_headings):
        if j not in by_new:
            links.append(Link("new", [], [new], 0.0, "inferred", f"new {_what(new)}"))
            continue
        links.append(_link(drafts, drafts.old_headings[by_new[j]], new, by_new[j] in moved))
    links.extend(
        Link("deleted", [old], [], 0.0, "inferred", f"{_what(old)} deleted")
        for i, old in enumerate(drafts.old_headings)
        if i not in pairs
    )
    return links


def _carried(drafts: ParagraphIndex, links: list[Link]) -> set[int]:
    """Old holders (a paragraph holding options, an option group) moved with what they hold: everything under
    them that went on moved (4 Dec 6.4's options moved up as 9 Dec 6.2's, and 6.4 with them)."""
    old_at = _holders_of(drafts.old_draft, drafts.old_headings)
    went_on: Counter[int] = Counter()
    moved: Counter[int] = Counter()
    for link in links:
        if not link.targets:
            continue
        for source in link.sources:
            for i in old_at.get(id(source), ()):
                went_on[i] += 1
                moved[i] += link.relation == "moved"
    return {
        i
        for i, count in went_on.items()
        if moved[i] == count
        and not is_heading(drafts.old_headings[i])
        and drafts.old_headings[i].kind not in CONTAINER_KINDS
    }


def _kept_label(old: Paragraph, new: Paragraph) -> bool:
    """Whether a heading kept its printed label: of two that swapped places, the other one moved."""
    return (
        not old.label_inferred and not new.label_inferred and normalise_label(old.label) == normalise_label(new.label)
    )


def _what(node: Paragraph) -> str:
    """What a holder is called in a note: 'heading', 'option group', 'paragraph' (one holding only options)."""
    if is_heading(node):
        return "heading"
    return "option group" if node.kind == "option_group" else node.kind


def _link(drafts: ParagraphIndex, old: Paragraph, new: Paragraph, moved: bool) -> Link:
    """A container (an Article) is judged by its number and place (its title is a caption); a heading by its words."""
    same = same_text(old.text, new.text)
    score = 1.0 if same else drafts.weights.cosine(drafts.vector(old), drafts.vector(new))
    note = "" if same_label(old, new) else f"formerly {old.label}"
    if old.kind in CONTAINER_KINDS:
        note = ", ".join(x for x in (note, "" if same else "title changed") if x)
        same = True
    if moved:
        return Link("moved", [old], [new], score, "inferred", ", ".join(x for x in (note, "moved") if x))
    return Link(kept(same, same_label(old, new)), [old], [new], score, "inferred", note)


def _shared(drafts: ParagraphIndex, links: list[Link]) -> dict[tuple[int, int], float]:
    """(old holder, new holder) → the share of what they hold that links run between (of the larger side).

    What a holder holds is every node under it that is not a holder itself, at any depth, so a
    paragraph holding only an option group is judged by the options' contents.
    """
    old_at = _holders_of(drafts.old_draft, drafts.old_headings)
    new_at = _holders_of(drafts.new_draft, drafts.new_headings)
    old_size = Counter(i for found in old_at.values() for i in found)
    new_size = Counter(j for found in new_at.values() for j in found)
    shared: Counter[tuple[int, int]] = Counter()
    for link in links:
        for source in link.sources:
            for target in link.targets:
                for i in old_at.get(id(source), ()):
                    for j in new_at.get(id(target), ()):
                        shared[(i, j)] += 1
    return {(i, j): count / max(old_size[i], new_size[j]) for (i, j), count in shared.items()}


def _holders_of(draft: Draft, holders: list[Paragraph]) -> dict[int, tuple[int, ...]]:
    """Node (not a holder) → the indexes of every holder above it."""
    index = {id(h): k for k, h in enumerate(holders)}
    above: dict[int, tuple[int, ...]] = {}
    found: dict[int, tuple[int, ...]] = {}
    for node, parent in draft.walk():
        chain = above.get(id(parent), ()) if parent is not None else ()
        if parent is not None and id(parent) in index:
            chain = (*chain, index[id(parent)])
        above[id(node)] = chain
        if not is_holder(node) and chain:
            found[id(node)] = chain
    return found


def _pair(drafts: ParagraphIndex, shared: dict[tuple[int, int], float]) -> dict[int, int]:
    """Old heading → new heading, one to one, the most alike first: by paragraphs shared or by title.

    A pair's likeness is the larger of the share of paragraphs that went from one to the other and
    the likeness of their titles, or 1 for containers paired by all they hold (a section only when
    some of what it holds went to the other: a dropped 'Mitigation' whose words recur in 'III.
    TRANSPARENCY AND REVIEW' is deleted); the same label adds LABEL_BONUS, never enough alone. Of pairs
    equally alike, the one with more evidence in all goes first: a part heading now holding only
    'A. Adaptation' shares all its paragraphs with the old 'Adaptation', as the new 'Adaptation' does,
    and only the latter has its title too.
    """
    titles = _Titles(drafts)
    candidates = []
    for i, old in enumerate(drafts.old_headings):
        for j, new in enumerate(drafts.new_headings):
            if old.kind != new.kind:
                continue
            went = shared.get((i, j), 0.0)  # an Article is one by all it holds; a section, when some of it went
            alike = 1.0 if (went or old.kind == "article") and (id(old), id(new)) in drafts.container_pairs else 0.0
            evidence = (went, titles.likeness(i, j), alike)
            likeness = max(evidence)
            if likeness >= HEADING_MATCH:
                candidates.append((likeness + LABEL_BONUS * same_label(old, new), sum(evidence), i, j))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for *_score, i, j in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2], c[3])):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


class _Titles:
    """Each heading's title as compared, worked out once: every old heading is set against every new one."""

    def __init__(self, drafts: ParagraphIndex) -> None:
        self.weights = drafts.weights
        self.old = [self._title(drafts, node) for node in drafts.old_headings]
        self.new = [self._title(drafts, node) for node in drafts.new_headings]

    def _title(self, drafts: ParagraphIndex, node: Paragraph) -> tuple[str, dict[str, float], float]:
        vector = drafts.vector(node)
        return normalise(node.text), vector, self.weights.norm(vector)

    def likeness(self, i: int, j: int) -> float:
        """1.0 for the same words, else the likeness of their stems."""
        (text_a, a, norm_a), (text_b, b, norm_b) = self.old[i], self.new[j]
        if text_a and text_a == text_b:
            return 1.0
        return self.weights.cosine(a, b, norm_a, norm_b)


def attach_shells(drafts: ParagraphIndex, links: list[Link]) -> list[Link]:
    """A paragraph or option with no words of its own, left alone, goes where all it held went.

    '4.1 Option 1: … Option 2: …' settled as one paragraph 4.1: the options are merged into it, and
    the empty paragraph 4.1 that held them goes with them rather than being 'deleted'. The same on
    the later side: an empty holder whose contents all came from one paragraph was split from it.
    """
    link_of = {id(node): link for link in links for node in link.sources + link.targets}
    kept = []
    for link in links:
        shell = link.sources[0] if link.relation == "deleted" else link.targets[0] if link.relation == "new" else None
        home = _home(shell, link_of, old=link.relation == "deleted") if shell is not None and _is_shell(shell) else None
        if home is None:
            kept.append(link)
        elif link.relation == "deleted":
            home.sources.append(shell)
            home.relation = "merged"
            home.note = f"merged from {', '.join(p.label for p in home.sources)} into {home.targets[0].label}"
        else:
            home.targets.append(shell)
            home.relation = "split"
            home.note = f"split from {home.sources[0].label} into {', '.join(p.label for p in home.targets)}"
    return kept


def _is_shell(node: Paragraph) -> bool:
    return is_holder(node) and not is_heading(node) and node.kind != "option_group"


def _home(shell: Paragraph, link_of: dict[int, Link], old: bool) -> Link | None:
    """The one link every block under the shell that went on is in, with one node on the other side, or None."""
    homes = []
    stack = list(shell.children)
    while stack:
        node = stack.pop()
        if is_holder(node):
            stack.extend(node.children)
            continue
        link = link_of.get(id(node))
        if link is None:
            return None
        if link.targets if old else link.sources:  # what was deleted (or is new) went nowhere: it says nothing
            homes.append(link)
    if not homes or any(link is not homes[0] for link in homes):
        return None
    other = homes[0].targets if old else homes[0].sources
    return homes[0] if len(other) == 1 else None


def name_container_moves(old: Draft, new: Draft, links: list[Link]) -> None:
    """A paragraph now in another container than the one its container became is moved, from where to where.

    '9 Dec 3.19 → 12 Dec 6.2': its Article 3 became Article 4, so it moved to Article 6; a section's
    opening paragraph now opening another section moved from the one to the other (a move the order
    found says so rather than 'up' or 'down'). Only one-to-one links whose paragraph sits right in a
    container or under a heading on both sides are named so.
    """
    old_parent = {id(n): p for n, p in old.walk() if p is not None}
    new_parent = {id(n): p for n, p in new.walk() if p is not None}
    link_of = {id(node): link for link in links for node in link.sources}
    came_from = {id(node): link for link in links for node in link.targets}
    for link in links:
        if len(link.sources) != 1 or len(link.targets) != 1 or link.relation in ("merged", "split"):
            continue
        was, now = old_parent.get(id(link.sources[0])), new_parent.get(id(link.targets[0]))
        if was is None or now is None or not _holds_paragraphs(was) or not _holds_paragraphs(now):
            continue
        became, source = link_of.get(id(was)), came_from.get(id(now))
        if became is None or now in became.targets or _heading_came_or_went(was, became, source):
            continue  # its container became the one it is in
        if link.relation != "moved" or was.kind == now.kind:
            kept_note = [x for x in link.note.split(", ") if x and x not in ("moved up", "moved down")]
            link.relation = "moved"
            link.note = ", ".join([*kept_note, f"moved from {_place(was)} to {_place(now)}"])


def _heading_came_or_went(was: Paragraph, became: Link, source: Link | None) -> bool:
    """Whether the paragraph's old heading was dropped or its new one is new: a heading dropped leaves its
    paragraphs where they were, one inserted ('B. Protection' above paragraph 5) takes them in; neither
    moves them."""
    return was.kind == "heading" and (not became.targets or source is None or not source.sources)


def _place(node: Paragraph) -> str:
    """A container or heading as a move names it: its label, or its title when the label only counts places
    ('Section 2' of unnumbered titles is 'Adaptation' in one draft and 'Finance' in the next)."""
    return f"'{node.text}'" if node.label_inferred and node.text else node.label


def _holds_paragraphs(node: Paragraph) -> bool:
    """A container (an Article, a section) or a heading: what a paragraph moves between."""
    return node.kind in CONTAINER_KINDS or node.kind == "heading"


def settle_inferred_renumbering(drafts: ParagraphIndex, links: list[Link]) -> None:
    """A paragraph whose label changed only in the part an inferred label gave it is not renumbered.

    Paragraphs numbered afresh under unnumbered titles are cited with their section's place
    ('Section 2, 1'); when the sections are reordered that place changes, not the number printed.
    """
    for link in links:
        if link.relation == "renumbered" and len(link.sources) == len(link.targets) == 1:
            a = _own_part(link.sources[0], drafts.old_parent)
            b = _own_part(link.targets[0], drafts.new_parent)
            if a is not None and b is not None and normalise_label(a) == normalise_label(b):
                link.relation = "same"


def _own_part(node: Paragraph, parent: dict[int, Paragraph]) -> str | None:
    """The node's label without the part an inferred heading above it gave it (`label_within`), if any."""
    above = parent.get(id(node))
    while above is not None:
        if above.label_inferred and is_heading(above) and label_within(node.label, above) != node.label:
            return label_within(node.label, above)
        above = parent.get(id(above))
    return None
