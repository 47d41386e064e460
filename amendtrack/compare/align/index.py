"""Two drafts' paragraphs, indexed so that each can be compared with the few it may have become.

A paragraph is compared by the weighted stems of its text with its sub-paragraphs and items.
Candidates come from an inverted index of rare word stems, so the cost grows with the number of
paragraphs, not with the product of the two counts; scores and candidates are computed once per
paragraph or pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from amendtrack.model.tree import Draft, Paragraph, is_heading, normalise_label
from amendtrack.model.words import Weights, content_stems, normalise

BLOCK_KINDS = ("preamble", "operative", "paragraph", "recommendation", "chapeau", "option")
HOLDER_KINDS = ("option_group",)  # linked as headings are, by what they hold: an option group holds options
OPTION_PART = re.compile(r"\s*\((?:options?\s[^)]*)\)|\s*\boptions?\b(?:\s+\S+)?", re.I)
CONTAINER_MATCH = 0.3  # least likeness of two containers' whole texts to pair them before the paragraphs

MAX_CANDIDATES = 24  # at most this many old paragraphs are scored against a new one: the nearest in the order
RARE_TERMS = 12  # how many of a paragraph's rarest stems are looked up in the index
CONTAINER_REACH = 4 * MAX_CANDIDATES  # an Article of at most this many paragraphs has them all as candidates


def composite_text(node: Paragraph) -> str:
    """A paragraph with its sub-paragraphs and items, as one text."""
    parts = [node.text] + [composite_text(child) for child in node.children]
    return " ".join(part for part in parts if part)


def is_placeholder(node: Paragraph) -> bool:
    """A paragraph kept only to say it went: '43. [Merged with paragraph 42]', '5. [Paragraph deleted]'."""
    return not node.text and any(m.kind in ("merged", "deleted") for m in node.markers)


@dataclass
class Block:
    """A top-level paragraph of one draft, as the aligner compares it."""

    node: Paragraph
    index: int  # order among the draft's blocks
    bag: dict[str, float]  # stem → count, then (once the draft pair's weights are known) tf-idf weight
    norm: float = 0.0
    key: str = ""  # the label as compared (normalise_label)
    place: str = ""  # the same with its option's number: '4.12 Option 1' is not '4.12 Option 2'
    family: str = ""  # _family(kind)
    placeholder: bool = False


class ParagraphIndex:
    """The blocks and headings of an earlier (old) and a later (new) draft, with what compares them."""

    def __init__(self, old: Draft, new: Draft):
        self.old_draft, self.new_draft = old, new
        self._own_bags: dict[int, Counter[str]] = {}
        old_blocks, self.old_headings = _blocks(old)
        new_blocks, self.new_headings = _blocks(new)
        self.old = [self._block(node, i) for i, node in enumerate(old_blocks)]
        self.new = [self._block(node, i) for i, node in enumerate(new_blocks)]
        self.weights = Weights([block.bag for block in self.old + self.new])
        for block in self.old + self.new:
            block.bag = self.weights.vector(block.bag)
            block.norm = self.weights.norm(block.bag)
        self.old_parent = {id(node): parent for node, parent in old.walk() if parent is not None}
        self.new_parent = {id(node): parent for node, parent in new.walk() if parent is not None}
        keys = ContainerKeys(self, old, new)
        self.container_pairs = {(id(a), id(b)) for a, b in keys.pairs}  # containers alike in all they hold
        for block in self.old:
            block.key, block.place = keys.key(block.node, old=True), keys.key(block.node, old=True, option=True)
        for block in self.new:
            block.key, block.place = keys.key(block.node, old=False), keys.key(block.node, old=False, option=True)
        self.old_postings = _postings(self.old)  # stem → old blocks
        self.new_postings = _postings(b for b in self.new if not b.placeholder)  # stem → new blocks, for merges
        self.old_by_label: dict[str, list[int]] = {}
        for block in self.old:
            self.old_by_label.setdefault(block.key, []).append(block.index)
        self.old_in = _by_container(self.old)  # container pair → its old blocks
        self.targets = [block.index for block in self.new if not block.placeholder]  # what old blocks can become
        self._scores: dict[tuple[int, int], float] = {}
        self._candidates: dict[int, list[int]] = {}
        self.old_at = {id(block.node): block.index for block in self.old}  # node → its block, by identity
        self.new_at = {id(block.node): block.index for block in self.new}
        self._titles: dict[tuple[bool, int], str] = {}
        self._by_titles: dict[str, list[int]] | None = None  # heading titles → the old blocks under them

    def old_titles(self, i: int) -> str:
        """The titles of the headings above old block i (see `heading_titles`), worked out once."""
        key = (True, i)
        if key not in self._titles:
            self._titles[key] = heading_titles(self.old_parent, self.old[i].node)
        return self._titles[key]

    def new_titles(self, j: int) -> str:
        """The titles of the headings above new block j, worked out once."""
        key = (False, j)
        if key not in self._titles:
            self._titles[key] = heading_titles(self.new_parent, self.new[j].node)
        return self._titles[key]

    def _block(self, node: Paragraph, index: int) -> Block:
        return Block(
            node,
            index,
            self._composite(node),
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
        """The stems of a block with its sub-paragraphs and items (the blocks inside it apart); never changed after."""
        if not node.children:
            return self._own(node)
        bag = Counter(self._own(node))
        for child in inner(node):
            bag.update(self._own(child))
        return bag

    def vector(self, node: Paragraph) -> dict[str, float]:
        """The weighted stems of a node's own text (a heading, a sub-paragraph)."""
        return self.weights.vector(self._own(node))

    def whole(self, node: Paragraph) -> dict[str, float]:
        """The weighted stems of a node with its sub-paragraphs and items (an option that holds a list)."""
        return self.weights.vector(self._composite(node))

    def old_labelled(self, key: str) -> int | None:
        """The old block with this (normalised) label; the last one if several have it."""
        found = self.old_by_label.get(key)
        return found[-1] if found else None

    def score(self, i: int, j: int) -> float:
        """How alike old block i and new block j are, 0…1."""
        key = (i, j)
        if key not in self._scores:
            a, b = self.old[i], self.new[j]
            self._scores[key] = self.weights.cosine(a.bag, b.bag, a.norm, b.norm)
        return self._scores[key]

    def earlier_candidates(self, j: int) -> list[int]:
        """Old blocks that share one of the rarer stems of new block j, the nearest in the order first.

        At most MAX_CANDIDATES of them (plus any of the same label), so a long draft costs a
        bounded number of comparisons per paragraph.
        """
        cached = self._candidates.get(j)
        if cached is not None:
            return cached
        block = self.new[j]
        terms = self.weights.rarest(block.bag, RARE_TERMS)  # the bag's stems are among those the weights know
        expected = j * len(self.old) / max(len(self.new), 1)
        found = _gather(self.old_postings, terms, expected)
        found = _nearest(found, expected) | set(self.old_by_label.get(block.key, ()))
        result = sorted(i for i in found if not self.old[i].placeholder)
        self._candidates[j] = result
        return result

    def later_candidates(self, i: int) -> list[int]:
        """New blocks (no placeholders) that share one of the rarer stems of old block i, the nearest in the order."""
        terms = self.weights.rarest(self.old[i].bag, RARE_TERMS)
        expected = i * len(self.new) / max(len(self.old), 1)
        return sorted(_nearest(_gather(self.new_postings, terms, expected), expected))

    def pairing_candidates(self, j: int) -> list[int]:
        """The earlier candidates of new block j and every old block of the container its container was paired
        with (CONTAINER_REACH at most): within an Article any paragraph may be the one it continues, however
        far the drafts' lengths put it from where j would be expected."""
        found = set(self.earlier_candidates(j)) | _alongside(self.old_in, self.new[j].key) | self._titled_alike(j)
        return sorted(i for i in found if not self.old[i].placeholder)

    def _titled_alike(self, j: int) -> set[int]:
        """The old blocks under headings of the same titles as new block j's (CONTAINER_REACH at most): a
        report's or decision's sections are headings, not containers, and one moved far (a section put first)
        takes its paragraphs out of the reach their places give them. When no old heading has the same chain
        of titles (the section moved to another part), those under a heading of its own title are."""
        if self._by_titles is None:
            self._by_titles = {}
            for block in self.old:
                titles = self.old_titles(block.index)
                self._by_titles.setdefault(titles, []).append(block.index)
                if " / " in titles:  # its own heading's title alone too, prefixed so as not to meet a chain
                    self._by_titles.setdefault("/ " + titles.rsplit(" / ", 1)[1], []).append(block.index)
        titles = self.new_titles(j)
        held = self._by_titles.get(titles, []) if titles else []
        if not held and " / " in titles:  # the section moved to another part: its own title alone
            held = self._by_titles.get("/ " + titles.rsplit(" / ", 1)[1], [])
        return set(held) if len(held) <= CONTAINER_REACH else set()


def heading_titles(parents: dict[int, Paragraph], node: Paragraph) -> str:
    """The words of the headings above a node, the outermost first ('' when none): a report's sections are
    headings, not containers, and 'A. Follow-up' under 'II. Prevention' is not 'A. Follow-up' under 'III.'."""
    titles = []
    up = parents.get(id(node))
    while up is not None:
        if is_heading(up):
            titles.append(normalise(up.text))
        up = parents.get(id(up))
    return " / ".join(reversed(titles))


def index_paragraphs(old: Draft, new: Draft) -> ParagraphIndex:
    """The two drafts' blocks, weighted and indexed for comparison."""
    return ParagraphIndex(old, new)


def is_block(node: Paragraph, parent: Paragraph | None) -> bool:
    """A paragraph the aligner pairs on its own: at the top, under a heading or container, or an option's.

    Options are blocks, and so are the paragraphs an option holds: when options are settled, the text
    of one of them goes on as a plain paragraph, or several are merged into one.
    """
    if node.kind not in BLOCK_KINDS or is_holder(node):
        return False
    return parent is None or is_holder(parent) or parent.kind == "option"


def is_holder(node: Paragraph) -> bool:
    """A heading, a container, an option group, or a paragraph or option with no words of its own that holds
    options or paragraphs ('1. Option 1: … Option 2: …'): linked by what it holds, having nothing else to compare."""
    if is_heading(node) or node.kind in HOLDER_KINDS:
        return True
    if node.kind not in BLOCK_KINDS or node.text.strip() or node.markers:
        return False
    return any(child.kind in BLOCK_KINDS or child.kind in HOLDER_KINDS for child in node.children)


def _blocks(draft: Draft) -> tuple[list[Paragraph], list[Paragraph]]:
    """The blocks (see is_block) and the holders (headings, containers, option groups), in order."""
    blocks, headings = [], []
    for node, parent in draft.walk():
        if is_holder(node):
            headings.append(node)
        elif is_block(node, parent):
            blocks.append(node)
    return blocks, headings


def inner(node: Paragraph) -> list[Paragraph]:
    """A block's sub-paragraphs and items, all levels: not the blocks or option groups inside it."""
    found: list[Paragraph] = []
    for child in node.children:
        if child.kind in BLOCK_KINDS or is_holder(child):
            continue
        found.append(child)
        found.extend(inner(child))
    return found


def _postings(blocks: Iterable[Block]) -> dict[str, list[int]]:
    """Stem → the blocks that contain it, in order."""
    index: dict[str, list[int]] = defaultdict(list)
    for block in blocks:
        for term in block.bag:
            index[term].append(block.index)
    return index


def _family(kind: str) -> str:
    """Kinds that turn into each other between drafts: preambular and operative text do, reports' parts do not.

    An option or a chapeau is of any family but a recommendation's: a settled option becomes whatever
    paragraph holds its words.
    """
    return {"recommendation": "recommendation", "paragraph": "paragraph", "option": "any", "chapeau": "any"}.get(
        kind, "resolution"
    )


def kin(a: Block, b: Block) -> bool:
    """Whether two blocks are of kinds that turn into each other (see _family)."""
    if a.family == b.family:
        return True
    return "any" in (a.family, b.family) and "recommendation" not in (a.family, b.family)


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


def container_of(key: str) -> str:
    """The container part of a block's key ('#3|1' → '#3', a container pair; 'old…' or 'new…' for one
    unpaired); '' outside containers."""
    return key.split("|", 1)[0] if "|" in key else ""


def _by_container(blocks: Iterable[Block]) -> dict[str, list[int]]:
    """The blocks of each container pair ('#3'), by the container part of their keys."""
    found: dict[str, list[int]] = {}
    for block in blocks:
        if container_of(block.key).startswith("#"):
            found.setdefault(container_of(block.key), []).append(block.index)
    return found


def _alongside(blocks_in: dict[str, list[int]], key: str) -> set[int]:
    """The old blocks of the container a key's container was paired with, if it holds at most CONTAINER_REACH."""
    held = blocks_in.get(container_of(key), []) if container_of(key).startswith("#") else []
    return set(held) if len(held) <= CONTAINER_REACH else set()


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


class ContainerKeys:
    """Labels compared within containers: paragraph 1 of the Article that 9 Dec's Article 3 became is its '1'.

    A treaty's labels are qualified by their Article ('4.1'), and Articles are renumbered, so two
    paragraphs keep their place when their own numbers agree inside containers that are one. The
    containers are paired first, by the likeness of everything they hold (the label adds a little,
    never enough alone); a paragraph outside any container keeps its plain label as key.
    """

    def __init__(self, drafts: ParagraphIndex, old: Draft, new: Draft) -> None:
        self.drafts = drafts
        olds, news = _containers(old), _containers(new)
        self.pair_of: dict[int, str] = {}
        self.parent_container: dict[int, Paragraph] = {}
        for draft in (old, new):
            for node, parent in draft.walk():
                if parent is not None and is_heading(parent):
                    self.parent_container[id(node)] = parent
                elif parent is not None and id(parent) in self.parent_container:
                    self.parent_container[id(node)] = self.parent_container[id(parent)]
        self.pairs = self._pairs(olds, news)
        for k, (a, b) in enumerate(self.pairs):
            self.pair_of[id(a)] = self.pair_of[id(b)] = f"#{k}"

    def _pairs(self, olds: list[Paragraph], news: list[Paragraph]) -> list[tuple[Paragraph, Paragraph]]:
        bags_old = [self._bag(c) for c in olds]
        bags_new = [self._bag(c) for c in news]
        norms_old, norms_new = [Weights.norm(b) for b in bags_old], [Weights.norm(b) for b in bags_new]
        scored = []
        for x, a in enumerate(olds):
            for y, b in enumerate(news):
                if a.kind != b.kind:
                    continue
                likeness = Weights.cosine(bags_old[x], bags_new[y], norms_old[x], norms_new[y])
                if likeness >= CONTAINER_MATCH:
                    scored.append((likeness + 0.1 * (normalise_label(a.label) == normalise_label(b.label)), x, y))
        pairs, taken_old, taken_new = [], set(), set()
        for _score, x, y in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
            if x not in taken_old and y not in taken_new:
                pairs.append((olds[x], news[y]))
                taken_old.add(x)
                taken_new.add(y)
        return pairs

    def _bag(self, container: Paragraph) -> dict[str, float]:
        bag: Counter[str] = Counter(content_stems(container.text))
        stack = list(container.children)
        while stack:
            node = stack.pop()
            bag.update(content_stems(node.text))
            stack.extend(node.children)
        return self.drafts.weights.vector(bag)

    def key(self, node: Paragraph, old: bool, option: bool = False) -> str:
        """The label as compared: qualified by the container pair, or plain outside containers; without the
        option's number unless `option` ('4.12 Option 1' settles as 4.12)."""
        container = self.parent_container.get(id(node))
        if container is None or container.kind == "heading" and label_within(node.label, container) == node.label:
            return normalise_label(node.label)  # a heading that does not qualify its paragraphs' labels: plain
        pair = self.pair_of.get(id(container), f"{'old' if old else 'new'}{id(container)}")
        place = label_within(node.label, container)
        place = place if option else OPTION_PART.sub("", place)
        return f"{pair}|{normalise_label(place) or 'text'}"


def _containers(draft: Draft) -> list[Paragraph]:
    return [node for node, _ in draft.walk() if is_heading(node)]


def label_within(label: str, container: Paragraph) -> str:
    """A label without its container's part: '4.1(a)' in Article 4 → '1(a)'; 'Article 4 chapeau' → 'chapeau';
    'II.1' under heading II (numbered afresh in each section) → '1'. A label its container does not
    qualify ('41' under heading II) is returned as it is."""
    if container.kind == "heading" or container.label_inferred:
        prefixes: tuple[str, ...] = (f"{container.label}.", f"{container.label}, ")
    else:
        prefixes = (f"{container.num}.", container.label) if container.num is not None else ()
    for prefix in prefixes:
        if label.startswith(prefix):
            return label[len(prefix) :]
    return label
