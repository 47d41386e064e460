"""Decide what became of each paragraph of the earlier draft, one step at a time.

What the later draft declares comes first: its placeholders ("[Merged with paragraph 42]",
"[Paragraph deleted]") and its "[Formerly PP12]" markers, each honoured only when the text
agrees (a conflict is noted otherwise). Then the words decide, the surest pairs first; then
position links a lone paragraph between two linked neighbours; what is still left may have
been merged into a paragraph or split off from one. Each step records its decisions in
`Decisions` and leaves alone what an earlier step decided.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from amendtrack.compare.align.index import Block, ParagraphIndex, container_of, inner, kin
from amendtrack.compare.align.links import longest_increasing
from amendtrack.model.tree import Marker, Paragraph, normalise_label
from amendtrack.model.words import content_stems

MATCH = 0.25  # least similarity for a one-to-one link between paragraphs of the same label
MATCH_RELABELLED = 0.50  # … and between paragraphs of different labels (renumbered or moved)
MATCH_INFERRED = 0.40  # … and where a label differs that the reader inferred (an unnumbered recital's place)
MATCH_OTHER_KIND = 0.70  # … and between kinds that rarely turn into each other (a recommendation, a report paragraph)
OUTSHONE = 0.15  # a pair kept by its label alone yields to a paragraph this much more alike
SAME_LABEL_BONUS = 0.1  # added to the similarity of two paragraphs that kept their label
CONTAINED = 0.70  # least share of a paragraph's words found in another for a merge or split
DECLARED_OK = 0.15  # least share of words a declared merge must show to be honoured
STILL_THERE = 0.75  # a paragraph declared deleted whose text is this like a paragraph of the later draft is not
TITLES_ALIKE = 0.6  # least share of words two headings' titles share to be taken for one section, edited
FORMERLY_OK = 0.45  # least similarity a declared renumbering must show to be honoured
FORMERLY_SLACK = 0.05  # … and how much less than the best match it may be
NEIGHBOUR = 0.12  # least similarity for a link that order alone suggests (between two linked neighbours)
ORDERED = 0.2  # least likeness for a pair in a gap between linked paragraphs, taken in order
ORDERED_RELABELLED = 0.5  # … when their printed labels differ
ORDERED_IN_CONTAINER = 0.3  # … and when they differ inside containers paired by content
GAP_PASSES = 3  # how many times the gaps are looked at again once links split them
MAX_GAP = 10_000  # the most pairs a gap's dynamic programme weighs (100 × 100 paragraphs)
SPLIT_REACH = 2  # a split-off part sits within this many paragraphs of the part that kept the place
SETTLED = 0.5  # least share of an option's words in the paragraph its sibling became, to have gone into it
NEIGHBOURS_SHARE = 0.4  # least share of a new paragraph's words in the one beside it came from, to be split off it
SUPPLIES_SHARE = 0.2  # least share of a paragraph's words in the paragraph its neighbour became, to have gone into it,
SUPPLIES_GAIN = 0.05  # … at least this much more of that paragraph covered by the two than by the neighbour alone
PLACE_SLACK = 0.1  # how much less of a merged paragraph's words its neighbour's paragraph may hold and still be chosen
TWINNED = 0.9  # least share of a paragraph's words another holds to be that paragraph printed again
LEAST_PART = 5  # least distinct words a merged or split-off part must hold: a caption's few words prove nothing


@dataclass
class Decisions:
    """What the steps have decided so far, by block index in the earlier (old) and later (new) draft."""

    pairs: dict[int, int] = field(default_factory=dict)  # old block → new block, one-to-one
    declared: set[tuple[int, int]] = field(default_factory=set)  # pairs a [Formerly …] marker declared
    merged_into: dict[int, int] = field(default_factory=dict)  # old block → new block it was merged into
    declared_merges: set[int] = field(default_factory=set)  # old blocks a placeholder declares merged
    split_from: dict[int, int] = field(default_factory=dict)  # new block → old block it was split from
    deleted: set[int] = field(default_factory=set)  # old blocks a placeholder declares deleted
    placeholders: dict[int, list[Paragraph]] = field(default_factory=dict)  # old block → its placeholders
    conflicts: list[str] = field(default_factory=list)  # declarations the text does not bear out
    taken_old: set[int] = field(default_factory=set)  # old blocks decided (once the declarations are settled)
    taken_new: set[int] = field(default_factory=set)  # new blocks decided (…)

    def settle_declarations(self) -> None:
        """Hold what the draft declares and the text bears out: the steps after this one link only the rest."""
        self.taken_old = set(self.pairs) | set(self.merged_into) | self.deleted
        self.taken_new = set(self.pairs.values())

    def link(self, i: int, j: int) -> None:
        """Old block i went on as new block j."""
        self.pairs[i] = j
        self.taken_old.add(i)
        self.taken_new.add(j)


def honour_placeholders(drafts: ParagraphIndex, found: Decisions) -> None:
    """A placeholder of the later draft ('43. [Merged with paragraph 42]') says what became of its paragraph.

    An old placeholder stays gone; a new one declares a merge or a deletion, honoured when the
    words agree (the merged paragraph's words are in the one it names, the deleted one's are
    nowhere else).
    """
    new_by_label = {block.key: block.index for block in drafts.new if not block.placeholder}
    for block in drafts.new:
        if not block.placeholder:
            continue
        old_index = drafts.old_labelled(block.key)
        if old_index is None:
            found.conflicts.append(f"{block.node.label}: placeholder for a paragraph the earlier draft does not have")
            continue
        found.placeholders.setdefault(old_index, []).append(block.node)
        if drafts.old[old_index].placeholder:
            continue
        for marker in block.node.markers:
            if marker.kind == "merged" and marker.ref:
                _honour_merge(drafts, found, block, marker, old_index, new_by_label.get(normalise_label(marker.ref)))
            elif marker.kind == "deleted":
                _honour_deletion(drafts, found, block, marker, old_index)


def _honour_merge(
    drafts: ParagraphIndex, found: Decisions, placeholder: Block, marker: Marker, old_index: int, into: int | None
) -> None:
    if into is None:
        found.conflicts.append(f"{placeholder.node.label}: {marker.text} names no paragraph of this draft")
        return
    share = drafts.weights.containment(drafts.old[old_index].bag, drafts.new[into].bag)
    if share >= DECLARED_OK:
        found.merged_into[old_index] = into
        found.declared_merges.add(old_index)
    else:
        found.conflicts.append(
            f"{placeholder.node.label}: {marker.text}, but only {share:.0%} of its words are in {marker.ref}"
        )


def _honour_deletion(
    drafts: ParagraphIndex, found: Decisions, placeholder: Block, marker: Marker, old_index: int
) -> None:
    best = max(((drafts.score(old_index, j), j) for j in drafts.later_candidates(old_index)), default=(0.0, -1))
    if best[0] >= STILL_THERE:
        found.conflicts.append(
            f"{placeholder.node.label}: {marker.text}, but its text is in {drafts.new[best[1]].node.label}"
            f" ({best[0]:.2f})"
        )
    else:
        found.deleted.add(old_index)


def honour_renumbering(drafts: ParagraphIndex, found: Decisions) -> None:
    """'[Formerly PP12]' links a paragraph to the one it names, when the text agrees better than with any other."""
    for block in drafts.new:
        for marker in block.node.markers:
            if marker.kind == "formerly" and marker.ref:
                _honour_formerly(drafts, found, block, marker)


def _honour_formerly(drafts: ParagraphIndex, found: Decisions, block: Block, marker: Marker) -> None:
    old_index = drafts.old_labelled(normalise_label(marker.ref))
    if old_index is not None and (old_index in found.merged_into or old_index in found.deleted):
        found.conflicts.append(  # one link per paragraph: the placeholder's declaration stands
            f"{block.node.label}: {marker.text}, but a placeholder of this draft says {marker.ref} went"
        )
        return
    j = block.index
    best = max(((drafts.score(i, j), i) for i in drafts.earlier_candidates(j)), default=(0.0, -1))
    claimed = drafts.score(old_index, j) if old_index is not None else 0.0
    if old_index is not None and claimed >= FORMERLY_OK and claimed >= best[0] - FORMERLY_SLACK:
        found.pairs[old_index] = j
        found.declared.add((old_index, j))
    elif best[1] >= 0:
        found.conflicts.append(
            f"{block.node.label}: {marker.text}, but its text matches {drafts.old[best[1]].node.label} "
            f"({best[0]:.2f}) rather than {marker.ref} ({claimed:.2f}); the marker probably uses the "
            "numbering of an intermediate draft"
        )


def link_unchanged(drafts: ParagraphIndex, found: Decisions) -> None:
    """Link a paragraph that kept its (unique) label and its words at once, without scoring its candidates.

    Such a pair scores the most any pair can (likeness 1 plus the bonus for the same label), and no other
    pair with that label exists, so pairing best-first would link it anyway; most paragraphs of a
    late draft are like this. A text either draft prints twice is not: its copies are weighed together.
    """
    _link_copies(drafts, found)
    new_keys = Counter(block.key for block in drafts.new)
    repeated = {i for copies in _by_words(drafts.old).values() if len(copies) > 1 for i in copies}
    repeated_new = {j for copies in _by_words(drafts.new).values() if len(copies) > 1 for j in copies}
    for j in drafts.targets:
        block = drafts.new[j]
        same_label = drafts.old_by_label.get(block.key, ())
        if j in found.taken_new or len(same_label) != 1 or new_keys[block.key] != 1 or not block.bag:
            continue
        if same_label[0] in repeated or j in repeated_new:
            continue  # which copy went on is for the words and headings to say: the label may have come by renumbering
        i = same_label[0]
        if i not in found.taken_old and not drafts.old[i].placeholder and drafts.old[i].bag == block.bag:
            found.link(i, j)
    _link_unique_texts(drafts, found)


def _link_copies(drafts: ParagraphIndex, found: Decisions) -> None:
    """A text both drafts print the same number of times (a report's 'The Working Group recommended …' opening
    each list of recommendations, a decision's 'Requests the secretariat to report …' closing each section) is
    linked copy by copy, whatever the labels say: each to the copy under headings of its titles, in order under
    one title, the rest in order. A paragraph inserted before them renumbers the copies, it does not swap
    them; a section moved takes its copy with it. Only where each pair is free, of kin kinds and in
    containers that are one."""
    olds = _by_words(drafts.old)
    news = _by_words(drafts.new[j] for j in drafts.targets)
    for words, copies in olds.items():
        into = news.get(words, [])
        if len(copies) < 2 or len(into) != len(copies):
            continue
        pairs = _by_title(drafts, copies, into)
        if pairs and all(_free_alike(drafts, found, i, j) for i, j in pairs):
            for i, j in pairs:
                found.link(i, j)


def _by_title(drafts: ParagraphIndex, copies: list[int], into: list[int]) -> list[tuple[int, int]]:
    """Old copies paired with new ones under headings of the same titles, in order under each; the copies
    left (a title edited) then with each other in order."""
    under: dict[str, list[int]] = {}
    for j in into:
        under.setdefault(drafts.new_titles(j), []).append(j)
    pairs, left = [], []
    for i in copies:
        waiting = under.get(drafts.old_titles(i))
        if waiting:
            pairs.append((i, waiting.pop(0)))
        else:
            left.append(i)
    rest = sorted(j for waiting in under.values() for j in waiting)
    return pairs + list(zip(left, rest, strict=True))


def _free_alike(drafts: ParagraphIndex, found: Decisions, i: int, j: int) -> bool:
    """Whether old i and new j are both unlinked, of kinds that turn into each other, in containers that are one."""
    a, b = drafts.old[i], drafts.new[j]
    return i not in found.taken_old and j not in found.taken_new and kin(a, b) and _same_container(a, b)


def _link_unique_texts(drafts: ParagraphIndex, found: Decisions) -> None:
    """Link a paragraph whose words no other free paragraph of either draft has to the one old paragraph that has
    them, wherever it was: unique lines anchor a patience diff, and a paragraph moved far (its section
    put elsewhere) is beyond the candidates that its place would give it."""
    olds = _by_words(block for block in drafts.old if block.index not in found.taken_old)
    news = _by_words(drafts.new[j] for j in drafts.targets if j not in found.taken_new)
    for words, at in news.items():
        match = olds.get(words, [])
        if len(at) != 1 or len(match) != 1:
            continue
        if kin(drafts.old[match[0]], drafts.new[at[0]]) and _same_container(drafts.old[match[0]], drafts.new[at[0]]):
            found.link(match[0], at[0])


def _by_words(blocks: Iterable[Block]) -> dict[frozenset, list[int]]:
    """Blocks of LEAST_PART words or more (no placeholders) by their words."""
    found: dict[frozenset, list[int]] = {}
    for block in blocks:
        if not block.placeholder and len(block.bag) >= LEAST_PART:
            found.setdefault(frozenset(block.bag.items()), []).append(block.index)
    return found


def merge_repeated(drafts: ParagraphIndex, found: Decisions) -> None:
    """A text the earlier draft prints several times and the later one once: every copy went into that one.

    A draft that repeats a paragraph by mistake (9 Dec's 'Article 16 of the Convention … annexes' under
    both amendments and annexes) and the next that prints it once: the copies are merged, neither is
    deleted nor paired with a stranger.
    """
    olds = _by_words(drafts.old)
    news = _by_words(drafts.new[j] for j in drafts.targets)
    for words, copies in olds.items():
        into = news.get(words, [])
        if len(copies) < 2 or len(into) != 1:
            continue
        j = into[0]
        linked = [i for i in copies if found.pairs.get(i) == j]
        if any(i in found.taken_old and i not in linked for i in copies) or (j in found.taken_new and not linked):
            continue  # a copy went elsewhere by declaration, or the later text is taken: leave them to the words
        placed = _copy_in_place(drafts, copies, j)
        if placed is not None and not linked:
            found.link(placed, j)  # the copies under other headings are left to the words: deleted, or paired
            continue
        if not linked and _titled_apart(drafts, copies, j):
            continue  # no copy stands under the later text's headings: the words say which went there
        first = linked[0] if linked else copies[0]
        if not linked:
            found.link(first, j)
        for i in copies:
            if i != first and not _goes_on(drafts, found, i, j):
                found.merged_into[i] = j
                found.taken_old.add(i)


def _copy_in_place(drafts: ParagraphIndex, copies: list[int], j: int) -> int | None:
    """The one copy printed under the headings the later text stands under, when headings tell the copies
    apart: a report's 'The Working Group recommended …' heads each section, and a section that drops it
    does not merge it into the next one's."""
    title = drafts.new_titles(j)
    if not title:
        return None
    likeness = sorted(((_title_likeness(drafts.old_titles(i), title), i) for i in copies), reverse=True)
    best, runner_up = likeness[0][0], likeness[1][0]
    return likeness[0][1] if best >= TITLES_ALIKE and best > runner_up else None


def _titled_apart(drafts: ParagraphIndex, copies: list[int], j: int) -> bool:
    """Whether the later text and every copy stand under headings (a report's sections, not a treaty's
    Articles): then copies are never merged for their words alone."""
    return bool(drafts.new_titles(j)) and all(drafts.old_titles(i) for i in copies)


def _same_section(drafts: ParagraphIndex, i: int, j: int) -> bool:
    """Whether old i and new j stand under headings of alike titles, or either under none (a treaty's
    Articles are containers, not headings)."""
    return not _sections_apart(drafts.old_titles(i), drafts.new_titles(j))


def _sections_apart(one: str, other: str) -> bool:
    """Whether two chains of heading titles name two sections: both are there, and not alike."""
    return bool(one and other) and _title_likeness(one, other) < TITLES_ALIKE


def _title_likeness(one: str, other: str) -> float:
    """How alike two chains of heading titles are ('II. Prevention / A. Follow-up'): the share of words the
    innermost titles have in common, unless the titles above them, at the same depths, hold fewer of each
    other's words (an edited title stays alike; a long part title shared by two sections does not make them
    one; 'A. General recommendations' under II is not the one under III)."""
    chain, other_chain = one.split(" / ")[::-1], other.split(" / ")[::-1]
    inner = _words_shared(chain[0], other_chain[0])
    outer = [_words_held(a, b) for a, b in zip(chain[1:], other_chain[1:], strict=False)]
    return min(inner, sum(outer) / len(outer)) if outer else inner


def _words_shared(one: str, other: str) -> float:
    """The share of all the words of two titles that both have."""
    a, b = set(re.findall(r"\w+", one.lower())), set(re.findall(r"\w+", other.lower()))
    return len(a & b) / len(a | b) if a | b else 0.0


def _words_held(one: str, other: str) -> float:
    """The share of the shorter title's content words (four letters or more) the other has: 'Recommendations'
    is held by 'Recommendations as appropriate', 'Prevention' not by 'Protection of victims'."""
    a, b = (set(re.findall(r"\w{4,}", title.lower())) or {title.lower()} for title in (one, other))
    return len(a & b) / min(len(a), len(b))


def _goes_on(drafts: ParagraphIndex, found: Decisions, i: int, j: int) -> bool:
    """Whether a copy goes on as a free paragraph of its own label in the later draft, other than j and nearly
    the same (STILL_THERE): the later draft prints the text twice too, one copy edited (a report's 'The Working
    Group recommended …' before each list of recommendations)."""
    key = drafts.old[i].key
    own = (k for k in drafts.later_candidates(i) if k != j and k not in found.taken_new and drafts.new[k].key == key)
    return any(drafts.score(i, k) >= STILL_THERE for k in own)


def pair_best_first(drafts: ParagraphIndex, found: Decisions) -> None:
    """Link the remaining paragraphs one to one by likeness of words, the most alike pair first.

    A pair must pass its bar (`_least_likeness`); a pair that kept its label in its section gets a bonus. Of
    pairs equally alike (copies of one text), one under a heading of the same title goes first: a report's
    sections are headings, not containers, and its 'The Working Group recommended …' follows its section
    (the label it keeps in another section came by renumbering).
    """
    scored = []
    for j in drafts.targets:
        if j in found.taken_new:
            continue
        for i in drafts.pairing_candidates(j):
            if i in found.taken_old:
                continue
            s = drafts.score(i, j)
            if s < _least_likeness(drafts.old[i], drafts.new[j]) or _outshone(drafts, found, i, j, s):
                continue
            if drafts.old[i].key == drafts.new[j].key and _same_section(drafts, i, j):
                s += SAME_LABEL_BONUS
            scored.append((s, i, j))
    scored.sort(key=lambda t: (-t[0], drafts.old_titles(t[1]) != drafts.new_titles(t[2]), t[1], t[2]))
    for _s, i, j in scored:
        if i not in found.taken_old and j not in found.taken_new:
            found.link(i, j)


def _outshone(drafts: ParagraphIndex, found: Decisions, i: int, j: int, likeness: float) -> bool:
    """Whether a pair the label alone lets through (too little alike for paragraphs of different labels) loses
    to another paragraph still free and clearly more like new j, not one inside old i: its words point
    elsewhere, and a label never outweighs them."""
    if likeness >= MATCH_RELABELLED or drafts.old[i].key != drafts.new[j].key:
        return False
    rivals = (k for k in drafts.earlier_candidates(j) if k != i and k not in found.taken_old)
    return any(drafts.score(k, j) >= likeness + OUTSHONE and not _nested(drafts, k, i) for k in rivals)


def _nested(drafts: ParagraphIndex, k: int, i: int) -> bool:
    """Whether old block k sits inside old block i (an option of one of its sub-paragraphs): part of it, no rival."""
    node, outer = drafts.old[k].node, drafts.old[i].node
    while id(node) in drafts.old_parent:
        node = drafts.old_parent[id(node)]
        if node is outer:
            return True
    return False


def _least_likeness(a: Block, b: Block) -> float:
    """The least similarity a one-to-one link between these two paragraphs needs."""
    if not kin(a, b):
        return MATCH_OTHER_KIND
    if a.key == b.key:
        return MATCH
    return MATCH_INFERRED if a.node.label_inferred or b.node.label_inferred else MATCH_RELABELLED


def fill_gaps_by_position(drafts: ParagraphIndex, found: Decisions) -> None:
    """Between two linked paragraphs that keep their order, pair what is left there in order, where words allow.

    Redrafting rewrites paragraphs more than their likeness alone can tell (a recital cut by half
    keeps its place). Order is weak evidence, so only the pairs in one gap, in the order of both
    drafts, at least ORDERED alike (and of kinds that turn into each other) are linked: the ones
    that together are the most alike. A pair so linked splits its gap in two: a paragraph left alone
    between it and a neighbour is looked at again, up to GAP_PASSES times.
    """
    for _ in range(GAP_PASSES):
        before = len(found.pairs)
        _fill_gaps(drafts, found)
        if len(found.pairs) == before:
            break


def _fill_gaps(drafts: ParagraphIndex, found: Decisions) -> None:
    ordered = sorted(found.pairs.items(), key=lambda p: p[1])
    keep = longest_increasing([i for i, _ in ordered])
    anchors = [(i, j) for i, j in ordered if i in keep]
    bounds = [(-1, -1), *anchors, (len(drafts.old), len(drafts.new))]
    for (i1, j1), (i2, j2) in zip(bounds, bounds[1:], strict=False):
        olds = [i for i in range(i1 + 1, i2) if i not in found.taken_old and not drafts.old[i].placeholder]
        news = [j for j in range(j1 + 1, j2) if j not in found.taken_new and not drafts.new[j].placeholder]
        if (
            len(olds) == 1
            and len(news) == 1
            and _same_place(drafts, found, olds[0], news[0], (i2 - i1, j2 - j1) == (2, 2))
        ):
            found.link(olds[0], news[0])  # a lone paragraph keeping its place between two linked ones
        elif olds and news and len(olds) * len(news) <= MAX_GAP:
            for i, j in _in_order(drafts, found, olds, news):
                found.link(i, j)


def _same_place(drafts: ParagraphIndex, found: Decisions, i: int, j: int, between: bool) -> bool:
    """Whether old i and new j, alone in a gap, hold one place: the same label, or (`between`: right between
    two linked neighbours) in one container, renumbered with them, and with words enough in common."""
    a, b = drafts.old[i], drafts.new[j]
    if not kin(a, b):
        return False
    if a.key == b.key:
        likeness = drafts.score(i, j)
        bonus = SAME_LABEL_BONUS if a.place == b.place else 0.0  # not for another option's number
        return likeness + bonus >= NEIGHBOUR and not _outshone(drafts, found, i, j, likeness)
    return between and container_of(a.key) == container_of(b.key) and drafts.score(i, j) >= NEIGHBOUR


def _same_container(a: Block, b: Block) -> bool:
    """Whether a new block is in the container an old one's container became (or the old one's has no partner)."""
    container = container_of(a.key)
    return container == container_of(b.key) or container.startswith("old")


def _in_order(drafts: ParagraphIndex, found: Decisions, olds: list[int], news: list[int]) -> list[tuple[int, int]]:
    """The pairs (old, new) in the order of both whose likeness above ORDERED sums to the most (dynamic programming)."""
    gain = [[_gain(drafts, found, i, j) for j in news] for i in olds]
    best = [[0.0] * (len(news) + 1) for _ in range(len(olds) + 1)]
    for x in range(len(olds) - 1, -1, -1):
        for y in range(len(news) - 1, -1, -1):
            take = best[x + 1][y + 1] + gain[x][y] if gain[x][y] > 0 else 0.0
            best[x][y] = max(best[x + 1][y], best[x][y + 1], take)
    pairs, x, y = [], 0, 0
    while x < len(olds) and y < len(news):
        if gain[x][y] > 0 and best[x][y] == best[x + 1][y + 1] + gain[x][y]:
            pairs.append((olds[x], news[y]))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return pairs


def _gain(drafts: ParagraphIndex, found: Decisions, i: int, j: int) -> float:
    """What pairing old i with new j in order is worth: its likeness above ORDERED, else nothing."""
    a, b = drafts.old[i], drafts.new[j]
    if not kin(a, b) or a.family == "recommendation":  # recommendations stand alone: order says nothing
        return 0.0
    placed = a.key == b.key or a.node.label_inferred or b.node.label_inferred
    likeness = drafts.score(i, j)  # the floor is on words alone: a label never makes up for them
    floor = ORDERED if placed else ORDERED_RELABELLED  # printed labels that differ ask for more words in common
    if not placed and "|" in a.key and a.key.split("|")[0] == b.key.split("|")[0]:
        floor = ORDERED_IN_CONTAINER  # in one Article between linked neighbours numbers shift as paragraphs come and go
    if likeness < floor or _outshone(drafts, found, i, j, likeness):
        return 0.0
    return likeness - ORDERED + (SAME_LABEL_BONUS if a.key == b.key else 0.0)


def find_merges(drafts: ParagraphIndex, found: Decisions) -> None:
    """A paragraph still unlinked whose words are nearly all in one paragraph of the later draft was merged into it;
    one of the Article its own Article became (a short text's common words are found in other Articles too),
    and one it `_brings` something. Where nothing else went and the two are alike enough, they are a pair: a
    paragraph moved beyond the reach its place gives it ('25' of a section put first, now '9')."""
    paired = {j: i for i, j in found.pairs.items()}
    merged = set(found.merged_into.values())
    for block in drafts.old:
        i = block.index
        if i in found.taken_old or block.placeholder or len(block.bag) < LEAST_PART:
            continue
        held = (
            (drafts.weights.containment(block.bag, drafts.new[j].bag), j)
            for j in drafts.later_candidates(i)
            if kin(drafts.new[j], block) and _same_container(block, drafts.new[j])
        )
        best = max(
            ((share, j) for share, j in held if share >= CONTAINED and _brings(drafts, paired, i, j)),
            default=(0.0, -1),
        )
        if best[0] < CONTAINED:
            continue
        into = _beside(drafts, found, i, best)
        alike = drafts.score(i, into) >= _least_likeness(block, drafts.new[into])
        if into in found.taken_new or into in merged or not alike:
            found.merged_into[i] = into
            found.taken_old.add(i)
            merged.add(into)
        else:
            found.link(i, into)
            paired[into] = i


def _brings(drafts: ParagraphIndex, paired: dict[int, int], i: int, j: int) -> bool:
    """Whether old i may have gone into new j by its words: j has no source yet, or i sits beside that source
    or is a copy of it (`_twins`) in the same section, or i brings j a word its source lacks (a recommendation
    of a dropped section whose words a kept one holds went with its section)."""
    k = paired.get(j)
    if k is None or abs(k - i) == 1 or _twins(drafts, i, k) and not _other_sections(drafts, i, k):
        return True
    return drafts.weights.coverage_gain(drafts.new[j].bag, [drafts.old[k].bag], drafts.old[i].bag) > 0.0


def merge_restatements(drafts: ParagraphIndex, found: Decisions) -> None:
    """An old paragraph still unlinked that restates a later one whole, as the paragraph that became it does,
    went into it too: two texts of one provision (a bracketed alternative printed apart) left one."""
    sources: dict[int, list[int]] = {}
    for i, j in [*found.pairs.items(), *found.merged_into.items()]:
        sources.setdefault(j, []).append(i)
    for block in drafts.old:
        i = block.index
        if i in found.taken_old or block.placeholder or len(block.bag) < LEAST_PART:
            continue
        into = next((j for j in drafts.later_candidates(i) if _restated(drafts, i, j, sources.get(j, []))), None)
        if into is not None:
            found.merged_into[i] = into
            found.taken_old.add(i)


def _restated(drafts: ParagraphIndex, i: int, j: int, sources: list[int]) -> bool:
    """Whether old i and one of the old paragraphs that went into new j, of which i is a copy (`_twins`) in the
    same section, each hold j whole, in the Article their Article became, with a fifth of i's words there
    (SUPPLIES_SHARE), j not that paragraph word for word; never into an open option."""
    block, target = drafts.old[i], drafts.new[j]
    if not sources or not kin(target, block) or _still_open(drafts, i, j):
        return False
    if container_of(block.key) != container_of(target.key):
        return False  # the same Article pair, not one from an Article that went: its words elsewhere prove nothing
    if drafts.weights.containment(block.bag, target.bag) < SUPPLIES_SHARE or not _restates(drafts, i, j):
        return False
    return any(
        _restates(drafts, k, j)
        and _twins(drafts, i, k)
        and not _other_sections(drafts, i, k)
        and _reworded(drafts, k, j)
        for k in sources
    )


def _reworded(drafts: ParagraphIndex, k: int, j: int) -> bool:
    """Whether new j is not old k word for word: a text kept as it was took nothing from its twin."""
    return drafts.old[k].bag != drafts.new[j].bag


def _other_sections(drafts: ParagraphIndex, i: int, k: int) -> bool:
    """Whether old paragraphs i and k stand under headings of other titles (a report's sections, each opening
    with its own copy of 'The Working Group recommended …')."""
    return _sections_apart(drafts.old_titles(i), drafts.old_titles(k))


def _twins(drafts: ParagraphIndex, i: int, k: int) -> bool:
    """Whether old paragraph i is old paragraph k printed again: alike as a renumbered pair must be, and holding
    all but a few of k's words (TWINNED; '[The stocktake … finance][CMA shall …]' beside 'The stocktake …
    finance'). Parallel duties ('developed country Parties shall report …', 'developing country Parties should
    report …') share most words and are two provisions."""
    return _printed_again(drafts, drafts.old[i].bag, drafts.old[k].bag)


def _printed_again(drafts: ParagraphIndex, a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether words `a` are words `b` printed again (`_twins`): as alike as a renumbered pair, and holding all
    but a few of them."""
    return drafts.weights.cosine(a, b) >= MATCH_RELABELLED and drafts.weights.containment(b, a) >= TWINNED


def _beside(drafts: ParagraphIndex, found: Decisions, i: int, best: tuple[float, int]) -> int:
    """Where old i was merged: the paragraph its neighbour became when that holds its words nearly as well as
    the best one elsewhere (a short paragraph's common words are found in many; its place tells which)."""
    for k in (i - 1, i + 1):
        j = found.pairs.get(k, found.merged_into.get(k)) if 0 <= k < len(drafts.old) else None
        if j is not None and kin(drafts.new[j], drafts.old[i]):
            if drafts.weights.containment(drafts.old[i].bag, drafts.new[j].bag) >= best[0] - PLACE_SLACK:
                return j
    return best[1]


def merge_into_neighbours(drafts: ParagraphIndex, found: Decisions) -> None:
    """A paragraph still unlinked whose words are in the paragraph its neighbour became, and that supplies
    words of it the neighbour lacks, went into it too.

    Redrafting folds a paragraph into the one beside it ('7.6' and '7.7' become '10.6'): the words
    that survive are fewer than a merge found by words alone asks for (CONTAINED), but the place
    is evidence. Only the neighbours in the earlier draft's order are looked at, and only their
    paragraph of the later draft; a run of such paragraphs goes in one by one. One that shares only
    the words the two had in common brings nothing: it was dropped ('If Parties acting jointly … any
    alteration in the composition …' beside the REIO paragraph that carried on), unless it is a copy of
    its neighbour (`merge_restatements`).
    """
    changed = True
    while changed:
        changed = False
        for block in drafts.old:
            i = block.index
            if i in found.taken_old or block.placeholder or len(block.bag) < LEAST_PART:
                continue
            into = _neighbours_destination(drafts, found, i)
            if into is not None:
                found.merged_into[i] = into
                found.taken_old.add(i)
                changed = True


def _neighbours_destination(drafts: ParagraphIndex, found: Decisions, i: int) -> int | None:
    """The later paragraph an old neighbour of block i went to that holds most of i's words, if enough."""
    best = (0.0, None)
    for k in (i - 1, i + 1):
        if not 0 <= k < len(drafts.old):
            continue
        j = found.pairs.get(k, found.merged_into.get(k))
        if j is None or not kin(drafts.new[j], drafts.old[i]) or _still_open(drafts, i, j):
            continue
        if _alternatives(drafts, drafts.old[i].node, drafts.old[k].node):
            continue  # where what one option holds went says nothing of what another holds
        share = drafts.weights.containment(drafts.old[i].bag, drafts.new[j].bag)
        if share > best[0] and _supplies(drafts, i, k, j, share):
            best = (share, j)
    return best[1]


def _alternatives(drafts: ParagraphIndex, a: Paragraph, b: Paragraph) -> bool:
    """Whether two old nodes sit in different options of one group, one of them inside its option (sibling
    options themselves may fold into one paragraph as a choice is settled; what two options hold may not)."""
    above_a = _ancestry(drafts, a)
    above_b = _ancestry(drafts, b)
    common = next((node for node in above_a if any(node is other for other in above_b)), None)
    if common is None or common.kind != "option_group":
        return False
    return drafts.old_parent.get(id(a)) is not common or drafts.old_parent.get(id(b)) is not common


def _ancestry(drafts: ParagraphIndex, node: Paragraph) -> list[Paragraph]:
    """The node and what holds it, nearest first."""
    chain = [node]
    while (up := drafts.old_parent.get(id(chain[-1]))) is not None:
        chain.append(up)
    return chain


def _supplies(drafts: ParagraphIndex, i: int, k: int, j: int, share: float) -> bool:
    """Whether old i, beside old k that went into new j, brings j words that k lacks: coverage of the target
    by the sources grows with it ('7.6' holds 10.6's first words, '7.7' the rest)."""
    if share < SUPPLIES_SHARE:
        return False
    return drafts.weights.coverage_gain(drafts.new[j].bag, [drafts.old[k].bag], drafts.old[i].bag) >= SUPPLIES_GAIN


def _restates(drafts: ParagraphIndex, i: int, j: int) -> bool:
    """Whether old i holds nearly all (CONTAINED) of new j's words: it says what j says, and perhaps more."""
    target = drafts.new[j].bag
    return len(target) >= LEAST_PART and drafts.weights.containment(target, drafts.old[i].bag) >= CONTAINED


def merge_settled_options(drafts: ParagraphIndex, found: Decisions) -> None:
    """When an option goes on as a paragraph, the options beside it whose words are mostly there went into it too.

    Settling a choice often keeps one option's wording and folds in parts of the others; the
    paragraph that held the options (its caption, 'Support') goes with them when its words are there.
    Only options of the group whose option was linked, so one option is never merged into a stranger;
    and before merges are looked for by words alone (`find_merges`): a short option whose words happen to
    be in another paragraph's long list went where its choice went.
    """
    at = drafts.old_at
    for i, j in list(found.pairs.items()):
        option = drafts.old[i].node
        group = drafts.old_parent.get(id(option))
        if option.kind != "option" or group is None or _still_open(drafts, i, j):
            continue
        siblings = [at[id(o)] for o in group.children if id(o) in at and at[id(o)] != i]
        holder = drafts.old_parent.get(id(group))
        if holder is not None and id(holder) in at:
            siblings.append(at[id(holder)])
        for k in siblings:
            if k not in found.taken_old and _settled_into(drafts, k, j, i):
                found.merged_into[k] = j
                found.taken_old.add(k)


def _settled_into(drafts: ParagraphIndex, k: int, j: int, chosen: int) -> bool:
    """Whether old option k went into new paragraph j, where its sibling `chosen` went: SETTLED of its words are
    there, or of its own words apart from its list when it has one (the items are followed one by one inside
    the link) and they say more than the chosen option does; a lead-in the chosen option holds word for word
    ('… shall provide financial resources to developing country Parties for:') brings nothing."""
    target = drafts.new[j].bag
    node = drafts.old[k].node
    if node.kind == "option" and _settled_clean(drafts, j) and not _brings_beyond(drafts, k, j, chosen):
        return False
    if drafts.weights.containment(drafts.old[k].bag, target) >= SETTLED:
        return True
    own = drafts.vector(node)
    if not inner(node) or len(own) < LEAST_PART or drafts.weights.containment(own, drafts.old[chosen].bag) >= TWINNED:
        return False
    return drafts.weights.containment(own, target) >= SETTLED


def _settled_clean(drafts: ParagraphIndex, j: int) -> bool:
    """Whether new j and all it holds carry no square brackets: the choice is made. While brackets remain,
    the alternatives are often still there as bracketed variants and share their words with the kept one."""
    stack = [drafts.new[j].node]
    while stack:
        node = stack.pop()
        if node.brackets:
            return False
        stack.extend(node.children)
    return True


def _brings_beyond(drafts: ParagraphIndex, k: int, j: int, chosen: int) -> bool:
    """Whether old option k covers SUPPLIES_GAIN more of new j than its chosen sibling does alone: an
    alternative whose words in j are only those the two options share ('the CMA', 'adaptation') was dropped,
    not folded in (23 Oct 4.10 Option 2, 9 Dec 3.1 Option 2)."""
    target = drafts.new[j].bag
    return drafts.weights.coverage_gain(target, [drafts.old[chosen].bag], drafts.old[k].bag) >= SUPPLIES_GAIN


def find_splits(drafts: ParagraphIndex, found: Decisions) -> None:
    """A new paragraph still unlinked whose words are nearly all in a nearby linked paragraph was split off it;
    or in one further off in the Article its Article became (a bracketed alternative printed on its own while
    the paragraph that offered it stays, 4 Dec 6.13 → 9 Dec 6.13 and 6.8): only one of the alternatives it
    offers, never a new option (an alternative offered restates words, it is no part split off)."""
    merge_targets = set(found.merged_into.values())  # already in a merged link: never a split-off part too
    for j in drafts.targets:
        if j in found.taken_new or j in merge_targets or len(drafts.new[j].bag) < LEAST_PART:
            continue
        best = _most_held(drafts, found, j, far=False)
        if best[0] < CONTAINED and not _drawn_out(drafts, found, j, best):
            best = _most_held(drafts, found, j, far=True)
            if best[0] < CONTAINED or not _printed_alone(drafts, best[1], j):
                continue
        if _copy_in_another_section(drafts, found, j, best[1]):
            continue  # a section that gains its own copy of a text the next one prints: new, not split off
        found.split_from[j] = best[1]
        found.taken_new.add(j)


def _copy_in_another_section(drafts: ParagraphIndex, found: Decisions, j: int, i: int) -> bool:
    """Whether new j is a copy of the paragraph old i became, printed under headings of other titles (a
    report's 'The Working Group recommended …' now opening a section that had none)."""
    k = found.pairs[i]
    twins = _printed_again(drafts, drafts.new[j].bag, drafts.new[k].bag)
    return twins and _sections_apart(drafts.new_titles(j), drafts.new_titles(k))


def _printed_alone(drafts: ParagraphIndex, i: int, j: int) -> bool:
    """Whether new paragraph j prints on its own one of the alternatives old i offers side by side ('[A][B]'):
    it holds nearly all (CONTAINED) of that alternative's words. A new option never is one."""
    if drafts.new[j].node.kind == "option":
        return False
    bag = drafts.new[j].bag
    for bracket in drafts.old[i].node.brackets:
        if bracket.group is None:
            continue
        offered = drafts.weights.vector(Counter(content_stems(bracket.text)))
        if len(offered) >= LEAST_PART and drafts.weights.containment(offered, bag) >= CONTAINED:
            return True
    return False


def _most_held(drafts: ParagraphIndex, found: Decisions, j: int, far: bool) -> tuple[float, int]:
    """The linked old paragraph that holds most of new j's words, and that share: of those whose paragraph is
    within SPLIT_REACH of j, or (`far`) of those in the Article j's Article was."""
    return max(
        (
            (drafts.weights.containment(drafts.new[j].bag, drafts.old[i].bag), i)
            for i in drafts.earlier_candidates(j)
            if i in found.pairs
            and (_same_container(drafts.old[i], drafts.new[j]) if far else abs(found.pairs[i] - j) <= SPLIT_REACH)
        ),
        default=(0.0, -1),
    )


def _drawn_out(drafts: ParagraphIndex, found: Decisions, j: int, best: tuple[float, int]) -> bool:
    """Whether new j, right beside the paragraph old i became, holds many of i's words that paragraph lacks:
    the reverse of `_supplies` (coverage of the source by its targets grows with j)."""
    share, i = best
    if share < NEIGHBOURS_SHARE or abs(found.pairs[i] - j) != 1:
        return False
    source, kept = drafts.old[i].bag, drafts.new[found.pairs[i]].bag
    return drafts.weights.coverage_gain(source, [kept], drafts.new[j].bag) >= SUPPLIES_GAIN


def _still_open(drafts: ParagraphIndex, i: int, j: int) -> bool:
    """Whether old option i would fold into new j while j is still an option: the choice is not settled, and
    alternatives are not parts of one another."""
    return drafts.old[i].node.kind == "option" and drafts.new[j].node.kind == "option"
