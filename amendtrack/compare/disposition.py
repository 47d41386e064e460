"""What became of a proposal in the next draft: accepted, partial, not reflected, superseded or pending.

Pure: a proposal, its base draft, the next draft and the lineage between them in; a
disposition with evidence a person can check out. Words are compared as stems, in order,
inside a window, so a draft reworded wholesale ("Ensuring" → "Ensure") still shows what it
took from a proposal, and words scattered over a paragraph do not pass for a phrase.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cached_property

from amendtrack.compare.align import Alignment, Link, composite_text, is_placeholder
from amendtrack.compare.asks import described, hunks_of, names_in, quoted_asks, suggested
from amendtrack.compare.change import SHORT, Hunk, Judged, Words, in_order_share, judge_change, occurrences
from amendtrack.model.acronyms import defined_acronyms, spelled_out
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph, is_heading, names_paragraph, normalise_label
from amendtrack.model.words import STOPWORDS, Weights, content_stems, same_text, stem, tokens

ACCEPTED = 0.85  # share of the proposal's words found, in order, for "the next draft carries the change"
PARTIAL = 0.4  # … for "part of it"
GONE = 0.3  # a span to delete counts as gone when at most this share of it is left
SURVIVES = 0.5  # share of a merged paragraph's words (or of a change) that lives on where it went
BUILT_ON = 0.2  # how much more a successor must share with a redraft than with the old text to be built on it
HOUSE = 0.15  # share of the paragraphs followed one to one that the next draft puts a word in, to be its style
HOUSE_LEAST = 5  # … and the fewest such paragraphs
NEW_WORDS = 0.5  # share of the words a new paragraph brings (none of the earlier draft has them) the next must say


@dataclass
class Evidence:
    """What was looked for and what was found: enough for a person to check the verdict."""

    looked_for: str | None = None  # the words looked for (inserted, replacing, proposed)
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    found_in: str | None = None  # label of the paragraph of the next draft where they were found
    successors: list[str] = field(default_factory=list)  # labels the target paragraph became
    relation: str | None = None  # lineage relation of the target paragraph
    score: float = 0.0


@dataclass
class Disposition:
    status: str
    explanation: str  # in words: "your insertion ‘labor inspectors’ appears in paragraph 26 of the July draft"
    evidence: Evidence

    def to_dict(self) -> dict:
        return {"status": self.status, "explanation": self.explanation, "evidence": asdict(self.evidence)}


FAMILY = 6  # letters of the shorter of two stems of one family ('coordinat', 'coordination')


def same_family(a: str, b: str) -> bool:
    """Whether two stems are one word in another part of speech: a verb and its noun ('coordinat' /
    'coordination', 'implement' / 'implementation'), a noun and its adjective ('government' /
    'governmental', 'region' / 'regional'). Only those endings: 'inform' / 'informal', 'person' /
    'personnel' are other words."""
    short, long = sorted((a, b), key=len)
    if len(short) < FAMILY or not long.startswith(short):
        return False
    suffix = long[len(short) :]
    return suffix in ("ion", "ation") or (suffix == "al" and short.endswith(("ment", "ion")))


def content(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return [stem(t) for t in tokens(text or "") if t[:1].isalnum() and t.lower() not in STOPWORDS]


def phrase_share(phrase: list[str], text: list[str]) -> tuple[float, list[str]]:
    """The largest share of `phrase` found in order within one stretch of `text` (at most about twice as long).

    Returns the share and the stems found.
    """
    if not phrase:
        return 0.0, []
    width = 2 * len(phrase) + 3
    wanted = set(phrase)
    best: list[str] = []
    best_first = len(phrase)
    for start, word in enumerate(text):
        if word not in wanted:
            continue
        window = text[start : start + width]
        found, k, first = [], 0, None
        for item in window:  # greedy in-order matching of the phrase inside the window
            for j in range(k, len(phrase)):
                if phrase[j] == item:
                    found.append(item)
                    first = j if first is None else first
                    k = j + 1
                    break
        # more words found wins; on a tie, the stretch that starts where the phrase starts
        if len(found) > len(best) or (len(found) == len(best) and first is not None and first < best_first):
            best, best_first = found, first if first is not None else best_first
            if len(best) == len(phrase):
                break
    return len(best) / len(phrase), best


class NodeFinder:
    """Draft.find answered from an index built once: the first node with that eId, else with that label.

    For a tree that does not change while it is asked; Draft.find walks the whole tree on every call,
    which many proposals on a long draft turn into quadratic work.
    """

    def __init__(self, draft: Draft):
        self.by_eid: dict[str, Paragraph] = {}
        self.by_label: dict[str, Paragraph] = {}
        for node, _ in draft.walk():
            self.by_eid.setdefault(node.eid, node)
            self.by_label.setdefault(normalise_label(node.label), node)

    def find(self, label_or_eid: str) -> Paragraph | None:
        found = self.by_eid.get(label_or_eid)
        return found if found is not None else self.by_label.get(normalise_label(label_or_eid))


class _Lineage:
    """The links of an alignment, looked up by the labels of the earlier draft."""

    def __init__(self, alignment: Alignment | None):
        self.by_eid: dict[str, Link] = {}
        self.by_later: dict[int, Link] = {}
        for link in alignment.links if alignment else []:
            for node in link.sources:
                self.by_eid[node.eid] = link
            for node in link.targets:
                self.by_later[id(node)] = link

    def of(self, node: Paragraph | None) -> Link | None:
        return self.by_eid.get(node.eid) if node is not None else None

    def before(self, later: Paragraph) -> list[Paragraph]:
        """The paragraphs of the earlier draft that a paragraph of the later one came from."""
        link = self.by_later.get(id(later))
        return list(link.sources) if link else []


def dispose(
    proposal: Proposal,
    base: Draft,
    nxt: Draft | None,
    alignment: Alignment | None,
    next_label: str = "the next draft",
) -> Disposition:
    """Decide what became of one proposal in the next draft, with evidence (see Disposer for many)."""
    return Disposer(base, nxt, alignment, next_label).dispose(proposal)


class Disposer:
    """Dispositions of many proposals on one draft: the next draft's words and the lineage, looked up once."""

    def __init__(
        self,
        base: Draft,
        nxt: Draft | None,
        alignment: Alignment | None,
        next_label: str = "the next draft",
        proposals: list[Proposal] | None = None,
    ):
        """`proposals`: every input on the base draft, so one is read with its delegation's others (a deletion
        that is half of the delegation's own plan to fold the paragraph into another, see _Judge._merge_plan)."""
        self.base, self.nxt, self.next_label = base, nxt, next_label
        self.proposals = proposals or []
        self.lineage = _Lineage(alignment)
        self._parents: dict[int, Paragraph] | None = None
        self.paragraphs = [n for n, _ in nxt.walk() if n.text] if nxt is not None else []
        self.marks_deletions = nxt is not None and any(is_placeholder(n) for n, _ in nxt.walk())
        self.base_stems = {w for n, _ in base.walk() for w in content(n.text)}
        drafts = [base] if nxt is None else [base, nxt]
        self.names = defined_acronyms(" ".join(n.text for d in drafts for n, _ in d.walk() if n.text))
        self._stems: dict[int, list[str]] = {}
        self._stem_sets: dict[int, set[str]] = {}
        self._finder: NodeFinder | None = None
        bags = [Counter(content_stems(n.text)) for n in self.paragraphs]
        self.weights = Weights(bags)
        self._vectors = {id(n): self.weights.vector(bag) for n, bag in zip(self.paragraphs, bags, strict=True)}
        self._norms = {key: Weights.norm(vector) for key, vector in self._vectors.items()}
        self._text_vectors: dict[str, tuple[dict[str, float], float]] = {}  # a proposed text is compared many times
        self._postings: dict[str, tuple[list[int], list[float]]] | None = None  # see _index
        self._ceilings: dict[str, float] = {}
        self._units: list[dict[str, float]] = []
        self._stem_postings: dict[str, list[int]] | None = None  # stem → indices of the paragraphs that have it

    @cached_property
    def house(self) -> frozenset[str]:
        """Stems the next draft puts in throughout: more of them in HOUSE of the paragraphs it follows one to
        one, or more ('trafficking in persons' for 'trafficking', everywhere). The drafter's style, no sign
        of any one proposal."""
        added: Counter[str] = Counter()
        followed = 0
        for node, _ in self.base.walk():
            link = self.lineage.of(node)
            if link is None or len(link.sources) != 1 or len(link.targets) != 1 or not node.text:
                continue
            followed += 1
            added.update(set(Counter(Words(link.targets[0].text).stems) - Counter(Words(node.text).stems)))
        return frozenset(s for s, n in added.items() if n >= max(HOUSE_LEAST, HOUSE * followed))

    def _text_vector(self, text: str) -> tuple[dict[str, float], float]:
        found = self._text_vectors.get(text)
        if found is None:
            vector = self.weights.vector(Counter(content_stems(text)))
            found = self._text_vectors[text] = (vector, Weights.norm(vector))
        return found

    def likeness(self, text: str, node: Paragraph) -> float:
        """How alike a proposed text and a paragraph of the next draft are (tf-idf cosine, 0…1)."""
        found = self._text_vector(text)
        vector = self._vectors.get(id(node))
        if vector:
            return self.weights.cosine(found[0], vector, found[1], self._norms[id(node)])
        return self.weights.cosine(found[0], self.weights.vector(Counter(content_stems(node.text))))

    def most_alike(self, text: str) -> tuple[float, Paragraph | None]:
        """The paragraph of the next draft most like `text`, with its likeness (the first one, on a tie).

        The same answer as max(((likeness(text, n), n) for n in paragraphs), key=score), without scoring
        every paragraph. Cosines are summed from an inverted index, rarest stem first; once the stems left
        could not lift a paragraph none of the rarer ones reached above the best sum so far, the common
        stems' long postings are not read: only the paragraphs already reached are completed. Those
        within a hair of the best are then scored again, exactly, in order.
        """
        if not self.paragraphs:
            return 0.0, None
        vector, norm = self._text_vector(text)
        postings, ceilings, units = self._index()
        terms = sorted((t for t in vector if t in postings), key=lambda t: (len(postings[t][0]), t))
        left = [0.0] * (len(terms) + 1)  # left[k]: the most terms[k:] can add to any one paragraph
        for k in range(len(terms) - 1, -1, -1):
            left[k] = left[k + 1] + vector[terms[k]] * ceilings[terms[k]]
        sums: dict[int, float] = {}  # paragraph index → cosine × the text's norm, so far
        highest = 0.0
        k = 0
        while k < len(terms) and (not sums or left[k] >= highest - 1e-9 * norm):
            value = vector[terms[k]]
            indices, weights = postings[terms[k]]
            for index, weight in zip(indices, weights, strict=True):
                total = sums[index] = sums.get(index, 0.0) + value * weight
                if total > highest:
                    highest = total
            k += 1
        for term in terms[k:]:  # no paragraph outside `sums` can reach the best any more
            value = vector[term]
            for index in sums:
                weight = units[index].get(term)
                if weight is not None:
                    sums[index] += value * weight
        highest = max(sums.values(), default=0.0)
        if highest <= 0.0 or not norm:  # no paragraph shares a stem with it: every likeness is 0
            first = self.paragraphs[0]
            return self.likeness(text, first), first
        top = highest / norm - 1e-9  # summing in another order moves a cosine by far less than this
        best: tuple[float, Paragraph | None] = (-1.0, None)
        for index in sorted(i for i, total in sums.items() if total / norm >= top):
            node = self.paragraphs[index]
            score = self.likeness(text, node)
            if score > best[0]:
                best = (score, node)
        return best

    def _index(self) -> tuple[dict[str, tuple[list[int], list[float]]], dict[str, float], list[dict[str, float]]]:
        """Postings (stem → paragraphs and weight / norm), each stem's largest such weight, and each
        paragraph's weights / norm; built on first use."""
        if self._postings is None:
            self._postings, self._ceilings, self._units = {}, {}, []
            for index, node in enumerate(self.paragraphs):
                node_norm = self._norms[id(node)]
                unit = (
                    {term: weight / node_norm for term, weight in self._vectors[id(node)].items()} if node_norm else {}
                )
                self._units.append(unit)
                for term, weight in unit.items():
                    indices, weights = self._postings.setdefault(term, ([], []))
                    indices.append(index)
                    weights.append(weight)
                    if weight > self._ceilings.get(term, 0.0):
                        self._ceilings[term] = weight
        return self._postings, self._ceilings, self._units

    def holders(self, phrase: list[str]) -> list[int]:
        """Indices of the paragraphs (in order) holding enough of the phrase's stems for phrase_share to reach
        ACCEPTED: a share counts phrase positions found in order, so a paragraph without the stems of
        more positions than ACCEPTED allows cannot reach it."""
        length = len(phrase)
        need = next(c for c in range(length + 1) if c / length >= ACCEPTED)
        counts = Counter(phrase)
        if self._stem_postings is None:
            self._stem_postings = {}
            for index, node in enumerate(self.paragraphs):
                for stem in self.stem_set(node):
                    self._stem_postings.setdefault(stem, []).append(index)
        postings = self._stem_postings
        # A holder lacks at most length - need positions, so it has one of the rarest stems covering more.
        pool: set[int] = set()
        covered = 0
        for stem in sorted(counts, key=lambda s: (len(postings.get(s, ())), s)):
            pool.update(postings.get(stem, ()))
            covered += counts[stem]
            if covered > length - need:
                break
        found = []
        for index in sorted(pool):
            present = self.stem_set(self.paragraphs[index])
            if sum(n for stem, n in counts.items() if stem in present) >= need:
                found.append(index)
        return found

    def merged_into(self, node: Paragraph) -> Paragraph:
        """The paragraph of the next draft a sub-paragraph belongs to (itself at the top or under a heading)."""
        if self._parents is None:
            self._parents = {id(n): p for n, p in self.nxt.walk() if p is not None} if self.nxt is not None else {}
        parent = self._parents.get(id(node))
        return parent if parent is not None and parent.text and not is_heading(parent) else node

    def find(self, label: str) -> Paragraph | None:
        if self._finder is None:
            self._finder = NodeFinder(self.base)
        return self._finder.find(label)

    def stem_set(self, node: Paragraph) -> set[str]:
        found = self._stem_sets.get(id(node))
        if found is None:
            found = self._stem_sets[id(node)] = set(self.stems(node))
        return found

    def stems(self, node: Paragraph) -> list[str]:
        found = self._stems.get(id(node))
        if found is None:
            found = self._stems[id(node)] = content(node.text)
        return found

    def dispose(self, proposal: Proposal) -> Disposition:
        """Decide what became of a proposal in the next draft, with evidence."""
        if proposal.operation == "comment" and not quoted_asks(_remark(proposal)) and not suggested(_remark(proposal)):
            return Disposition("n/a", "a comment: no change of text to look for", Evidence())
        if self.nxt is None:
            return Disposition("pending", "no next draft yet", Evidence())
        return _Judge(self, proposal).judge()


def _one_paragraph(links: list[Link]) -> bool:
    """Whether merged links all end in one paragraph of the next draft, itself or its sub-paragraphs.

    '43–47 merged into 42' may come as one link, or as 42's and those of 43 and 47, which went on
    as 42(a) and 42(d).
    """
    if not all(link.targets for link in links):
        return False
    eids = [target.eid or "" for link in links for target in link.targets]
    root = min(eids, key=len)
    return all(eid == root or eid.startswith(f"{root}__") for eid in eids)


class _Judge:
    def __init__(self, disposer: Disposer, proposal: Proposal):
        self.d, self.p = disposer, proposal
        self.base, self.nxt, self.next_label = disposer.base, disposer.nxt, disposer.next_label
        self.target = disposer.find(proposal.paragraph) if proposal.paragraph else None
        self.lineage = disposer.lineage
        self.link = self.lineage.of(self.target)
        self.successors = list(self.link.targets) if self.link else []
        self.evidence = Evidence(
            successors=[n.label for n in self.successors], relation=self.link.relation if self.link else None
        )
        self.paragraphs = disposer.paragraphs
        self.stems = disposer.stems
        self.said = ""  # what of the change went in and what did not, in the delegate's words (_by_change)

    # --- helpers -----------------------------------------------------------------------

    def verdict(self, status: str, explanation: str, score: float | None = None) -> Disposition:
        if score is not None:
            self.evidence.score = round(score, 3)
        return Disposition(status, explanation, self.evidence)

    @property
    def gone(self) -> bool:
        """The target paragraph left the next draft: deleted, or merged into another one."""
        if self.link is None:
            return self.target is not None
        if self.link.relation == "deleted":
            return True
        return self.link.relation == "merged" and all(t.eid != self.target.eid for t in self.successors)

    def fate(self) -> str:
        """What became of the target paragraph when it is gone, in the lineage's words: one story for every proposal."""
        if self.link is not None and self.link.relation == "merged":
            return f"paragraph {self.p.paragraph} was merged into {', '.join(n.label for n in self.successors)}"
        deleted = " (deleted)" if self.link is not None and self.link.relation == "deleted" else ""
        return f"paragraph {self.p.paragraph} left {self.next_label}{deleted}"

    def where(self) -> str:
        if not self.successors:
            return f"in {self.next_label}"
        return f"in paragraph {', '.join(n.label for n in self.successors)} of {self.next_label}"

    def seek(self, words: str) -> tuple[float, list[str], Paragraph | None]:
        """The best in-order share of `words` in the successors, else anywhere in the next draft."""
        phrase = content(words)
        best: tuple[float, list[str], Paragraph | None] = (0.0, [], None)
        pools = [self.successors_with_children()]
        if len(phrase) >= 3:
            pools.append(self.paragraphs)  # a phrase can land in another paragraph; a word or two proves nothing there
        for k, pool in enumerate(pools):
            if k:  # elsewhere only a share of ACCEPTED counts: only paragraphs that can reach it are looked at
                pool = [self.paragraphs[index] for index in self.d.holders(phrase)]
            for node in pool:
                share, found = phrase_share(phrase, self.stems(node))
                if share > best[0] and (k == 0 or share >= ACCEPTED):  # elsewhere, only the whole phrase counts
                    best = (share, found, node)
            if best[0] >= ACCEPTED:
                break
        return best

    def successors_with_children(self) -> list[Paragraph]:
        """The successors with their sub-paragraphs; for a paragraph merged into another as one of its
        sub-paragraphs ('43 merged into 42 as 42(a)'), all of the paragraph it went into."""
        out: list[Paragraph] = []
        wholes = self.successors
        if self.link is not None and self.link.relation == "merged":
            wholes = [self.d.merged_into(node) for node in self.successors]
        for node in {id(n): n for n in wholes}.values():
            out.append(node)
            out.extend(c for c, _ in Draft(node.children).walk())
        return out

    # --- per operation -------------------------------------------------------------------

    def judge(self) -> Disposition:
        op = self.p.operation
        if self.p.paragraph and self.target is None and op not in ("new_paragraph",):
            return self.verdict("not_reflected", f"paragraph {self.p.paragraph} is not in the base draft")
        handler = getattr(self, f"_{op}", None)
        if handler is None:
            return self.verdict("n/a", f"no rule for {op}")
        if op == "redraft" and not (self.p.text or self.p.edits or self.p.rationale):
            return self.verdict("unclear", "the input breaks off before its new wording: what it asks is not known", 0)
        vanished = self._vanished() if op != "new_paragraph" else None  # one story for every proposal on it
        return self.verdict("unclear", vanished, 0) if vanished else handler()

    def _delete(self) -> Disposition:
        if not self.p.edits:  # the whole paragraph: a successor that lost its start still shows it is there
            if self.link is not None and self.link.relation == "deleted":
                marked = "" if self.link.source == "declared" else " (the draft does not mark it deleted; check it)"
                return self.verdict("accepted", f"paragraph {self.p.paragraph} is not in {self.next_label}{marked}", 1)
            if self.gone:  # merged into another: the deletion is carried as far as its words went with it
                into = ", ".join(n.label for n in self.successors)
                plan = self._merge_plan()
                if plan is not None:
                    return self.verdict(
                        "accepted", f"paragraph {self.p.paragraph} was merged into {into}, as your {plan} asked", 1
                    )
                kept = self._surviving()
                if kept >= SURVIVES:
                    return self.verdict(
                        "superseded", f"paragraph {self.p.paragraph} was merged into {into}, its words kept there", 0
                    )
                return self.verdict("partial", f"paragraph {self.p.paragraph} was merged into {into}", 1 - kept)
            return self.verdict("not_reflected", f"paragraph {self.p.paragraph} is still there, {self.where()}", 0)
        return self._by_change("deletion")

    def _insert(self) -> Disposition:
        words = " ".join(edit.new or "" for edit in self.p.edits) or self.p.text or ""
        thing = described(words)
        return self._described(thing) if thing else self._by_change("insertion")

    def _replace(self) -> Disposition:
        if self.p.bracketing:
            return self._bracketed(self.p.bracketing)
        return self._by_change("replacement")

    def _bracketed(self, intent: str) -> Disposition:
        """'Bracket “X”' is carried when X stands in square brackets in the successor, 'unbracket' when it
        stands outside them."""
        words = " ".join((e.old if intent == "unbracket" else e.new) or "" for e in self.p.edits).strip("[] ")
        self.evidence.looked_for = words
        mine = Words(words).surface
        where = None
        for node in self.successors_with_children():
            inside = any(in_order_share(mine, Words(b.text).surface) >= ACCEPTED for b in node.brackets)
            if inside or in_order_share(mine, Words(node.text).surface) >= ACCEPTED:
                where = (node, inside)
                break
        if where is None:
            unclear = self.unclear()
            if unclear:
                return self.verdict("unclear", unclear, 0)
            return self.verdict("not_reflected", f"‘{_short(words)}’ is no longer {self.where()}", 0)
        node, inside = where
        self.evidence.found_in = node.label
        place = f"in paragraph {node.label} of {self.next_label}"
        if inside == (intent == "bracket"):
            state = "in square brackets" if inside else "without brackets"
            self.evidence.found = [words]
            return self.verdict("accepted", f"your {intent}ing is carried: ‘{_short(words)}’ stands {state} {place}", 1)
        self.evidence.missing = [words]
        state = "still in square brackets" if inside else "without brackets"
        return self.verdict(
            "not_reflected", f"your {intent}ing is not carried: ‘{_short(words)}’ stands {state} {place}", 0
        )

    def _redraft(self) -> Disposition:
        wordless = not self.p.text and not self.p.edits
        if self.gone and not self.successors:
            return self.verdict("superseded", f"paragraph {self.p.paragraph} was deleted from {self.next_label}", 0)
        if wordless:
            return self._redraft_asked()
        judged = self._by_change("redraft")
        if judged.status == "partial" and self._built_on_redraft():
            return self.verdict("accepted", f"your redraft is the basis of the text {self.where()}: {self.said}")
        return judged

    def _built_on_redraft(self) -> bool:
        """Whether the successor reads clearly more like the redraft than like the paragraph it redrafted (their
        content words in common, BUILT_ON more): the next draft took the redraft as its text, whatever it
        changed in it."""
        later = {w for node in self.successors for w in content(composite_text(node))}
        return (
            _overlap(set(content(self.p.text or "")), later)
            >= _overlap(set(content(self._base_text())), later) + BUILT_ON
        )

    def _redraft_asked(self) -> Disposition:
        """A redraft asked without its words ('redraft in accordance with UNTOC'): not carried when the paragraph
        goes on unchanged; when it was redrafted, only a reader can say whether as asked."""
        if self.successors and all(same_text(self._base_text(), composite_text(n)) for n in self.successors):
            return self.verdict("not_reflected", f"paragraph {self.p.paragraph} was not redrafted ({self.where()})", 0)
        became = self.fate() if self.gone else f"paragraph {self.p.paragraph} was redrafted {self.where()}"
        return self.verdict("unclear", f"{became}; you gave no words to compare", 0)

    def _comment(self) -> Disposition:
        """A comment is traced by the words it quotes with what to do with them, else by the thing it suggests
        creating or including ('we suggest the establishment of a Steering Committee')."""
        asks = quoted_asks(_remark(self.p))
        thing = None if asks else suggested(_remark(self.p))
        return self._described(thing) if thing else self._by_change("suggestion", asks)

    def _by_change(self, what: str, hunks: list[Hunk] | None = None) -> Disposition:
        """Judge the change itself: the words it puts in went in, the words it takes out went; the rest of the
        paragraph counts neither way."""
        hunks = hunks_of(self.p, self.target) if hunks is None else hunks
        if not hunks:
            return self.verdict("n/a", f"your {what} changes no words of paragraph {self.p.paragraph}", 0)
        if self.gone and not self.successors and self.target is not None:  # its words went with the whole paragraph
            return self.verdict("superseded", f"{self.fate()}, and your {what} with it", 0)
        pool = self.successors_with_children()
        later = " ".join(n.text for n in pool)
        judged = judge_change(hunks, self._sources_text(pool), later, self.d.names, self.d.house)
        results = [self._elsewhere(hunk, share, pool) for hunk, share in judged.hunks]
        share = Judged([(hunk, c) for hunk, c, _ in results]).share
        self._note(results, share)
        said = self.said = "; ".join(_told(results, 4))
        if share >= ACCEPTED:
            return self.verdict("accepted", f"your {what} is carried {self.where()}: {said}", share)
        unclear = self.unclear(hunks)
        if unclear:
            return self.verdict("unclear", f"{unclear}; {said}", share)
        if not self._went_in(results):
            if self.gone:  # it went, and nothing of the change went with it
                return self.verdict("superseded", f"{self.fate()}; {said}", share)
            return self.verdict("not_reflected", f"your {what} is not carried {self.where()}: {said}", share)
        return self.verdict("partial", f"part of your {what} is carried {self.where()}: {said}", share)

    def _went_in(self, results: list[tuple[Hunk, float, str | None]]) -> bool:
        """Whether any of the change went in: any part of it where the paragraph goes on; where it was merged
        into another, rewritten from several, a piece of content words carried whole (a word or two half
        met, or a small word come or gone, is what any merge does)."""
        if not self.gone:
            return any(c for _, c, _ in results)
        return any(c == 1.0 and Words(f"{hunk.removed} {hunk.added}").stems for hunk, c, _ in results)

    def _merge_plan(self) -> str | None:
        """The delegation's own proposal that folds this paragraph into the one it was merged into, if any: on
        that paragraph, by the same delegation, naming this one's number or holding most of its words."""
        if self.link is None or self.link.relation != "merged" or self.target is None:
            return None
        became = {id(self.d.merged_into(node)) for node in self.successors}
        words = set(content(self._base_text()))
        mine = set(self.p.delegations)
        for other in self.d.proposals:
            if other is self.p or not mine & set(other.delegations) or not other.paragraph:
                continue
            there = self.d.find(other.paragraph)
            if there is None or there is self.target:  # another reading of this paragraph: an alternative, no plan
                continue
            link = self.lineage.of(there)
            if link is None or not {id(self.d.merged_into(node)) for node in link.targets} & became:
                continue
            said = " ".join([other.text or "", *(s.verbatim for s in other.sponsors)])
            held = len(words & set(content(said))) / len(words) if words else 0.0
            if held >= SURVIVES or names_paragraph(said, self.target.label):
                return f"{other.operation.replace('_', ' ')} of paragraph {other.paragraph}"
        return None

    def _surviving(self) -> float:
        """The share of the paragraph's words found in what it was merged into."""
        words = set(content(self._base_text()))
        there = {w for node in self.successors_with_children() for w in self.d.stem_set(node)}
        kept = [w for w in words if w in there or any(same_family(w, t) for t in there)]
        return len(kept) / len(words) if words else 0.0

    def _sources_text(self, pool: list[Paragraph]) -> str:
        """The paragraph with every other paragraph merged with it into `pool`: words any of them had are no
        sign of the proposal where the merged text says them."""
        sources = {id(n): n for later in pool for n in self.lineage.before(later)}
        own, stack = [], [self.target] if self.target is not None else []
        while stack:  # the paragraph itself, its sub-paragraphs with it, is said once
            node = stack.pop()
            own.append(node)
            stack.extend(node.children)
        for node in own:
            sources.pop(id(node), None)
        return " ".join([self._base_text(), *(composite_text(n) for n in sources.values())])

    def _base_text(self) -> str:
        if self.target is None:
            return ""
        return composite_text(self.target)

    def _elsewhere(self, hunk: Hunk, carried: float, pool: list[Paragraph]) -> tuple[Hunk, float, str | None]:
        """A long insertion not in the successors may have landed in another paragraph, whole (where that
        paragraph did not say it already)."""
        if carried == 1.0 or hunk.removed or len(content(hunk.added)) <= SHORT:
            return hunk, carried, None
        share, _found, node = self.seek(hunk.added)
        if node is not None and share >= ACCEPTED and all(node is not n for n in pool) and not self._had(hunk, node):
            return hunk, 1.0, node.label
        return hunk, carried, None

    def _had(self, hunk: Hunk, node: Paragraph) -> bool:
        """Whether the paragraph `node` came from already said the words: they are no sign of the proposal."""
        phrase = content(hunk.added)
        return any(phrase_share(phrase, self.stems(old))[0] >= ACCEPTED for old in self.lineage.before(node))

    def _note(self, results: list[tuple[Hunk, float, str | None]], share: float) -> None:
        """The evidence in the delegate's own words: what was looked for, what went in, what did not."""
        self.evidence.looked_for = " … ".join(_phrase(hunk) for hunk, _, _ in results)
        self.evidence.found = [_phrase(hunk) for hunk, c, _ in results if c == 1.0]
        self.evidence.missing = [_phrase(hunk) for hunk, c, _ in results if c < 1.0]
        elsewhere = [label for _, _, label in results if label]
        self.evidence.found_in = elsewhere[0] if elsewhere else ", ".join(n.label for n in self.successors) or None
        self.evidence.score = round(share, 3)

    def _described(self, thing: str) -> Disposition:
        """'Add a reference to the OAS': the next draft names it (half its names and acronyms, the longest among
        them), where the paragraph had not."""
        names = names_in(thing) or [thing]
        base = Words(self._base_text())
        for pool in (self.successors_with_children(), self.paragraphs):
            for node in pool:
                forms = {name: _named_as(name, base, node.text) for name in names}
                said = [name for name in names if forms[name]]
                if said and len(said) * 2 >= len(names) and max(names, key=lambda n: len(n.split())) in said:
                    self.evidence.looked_for, self.evidence.found, self.evidence.found_in = thing, said, node.label
                    written = "" if forms[said[0]] == said[0] else f" (as ‘{forms[said[0]]}’)"
                    named = f"paragraph {node.label} of {self.next_label} names {said[0]}{written}"
                    return self.verdict("accepted", named, 1)
        self.evidence.looked_for, self.evidence.missing = thing, names
        unclear = self.unclear()
        if unclear:
            return self.verdict("unclear", unclear, 0)
        if self.gone and not self.successors and self.target is not None:
            return self.verdict("superseded", f"{self.fate()}, and {', '.join(names)} is named nowhere else", 0)
        return self.verdict("not_reflected", f"{', '.join(names)} is not named {self.where()}", 0)

    def unclear(self, hunks: list[Hunk] | None = None) -> str | None:
        """Why the next draft cannot tell, if it cannot: the paragraph vanished without a placeholder in a draft
        that keeps placeholders, or what it became lost its start (OCR) and the change is not all in the part
        that is left (`hunks`: the change, each hunk placed by the words around it)."""
        vanished = self._vanished()
        if vanished:
            return vanished
        for node in self.successors:
            if _damaged(node) and (hunks is None or not all(_in_kept_part(hunk, node.text) for hunk in hunks)):
                return f"the start of paragraph {node.label} is missing in {self.next_label}, so it cannot tell"
        return None

    def _vanished(self) -> str | None:
        """Why the next draft cannot tell: the paragraph is not there, in a draft that marks what it deletes."""
        if self.link is not None and self.link.relation == "deleted" and self.link.source != "declared":
            if self.d.marks_deletions:
                return (
                    f"paragraph {self.p.paragraph} is neither in {self.next_label} nor marked deleted there: "
                    "its text may have been lost"
                )
        return None

    def _new_paragraph(self) -> Disposition:
        """The next draft's paragraph most like the proposed one takes it up when it says what the proposal
        adds: the words it brings that the earlier draft nowhere had, not only the words every paragraph has."""
        proposed = content(self.p.text or "")
        if not proposed:
            return self.verdict("not_reflected", "no text proposed", 0)
        score, node = self.d.most_alike(self.p.text or "")
        self.evidence.looked_for = _short(self.p.text or "", 200)
        label = self.p.new_label or "new paragraph"
        words = _surface_words(self.p.text or "")
        brought = [w for w in dict.fromkeys(proposed) if w not in self.d.base_stems]
        said = [w for w in brought if node is not None and w in self.d.stem_set(node)]
        taken = len(said) / len(brought) if brought else 1.0
        self.evidence.found = [words.get(w, w) for w in said]
        self.evidence.missing = [words.get(w, w) for w in brought if w not in said]
        self.evidence.found_in = node.label if node is not None and score >= 0.3 else None
        told = _words_told(self.evidence.found, self.evidence.missing)
        if node is not None and score >= 0.3 and not said and self._as_alike_before(node, score):
            return self.verdict(
                "not_reflected",
                f"nothing of your {label} went in: paragraph {node.label} of {self.next_label}, the nearest to "
                f"it, was as near to it in the earlier draft{told}",
                0,
            )
        if node is not None and score >= 0.5 and taken >= NEW_WORDS:
            return self.verdict(
                "accepted", f"your {label} appears as paragraph {node.label} of {self.next_label}{told}", score
            )
        if node is not None and score >= 0.3 and taken >= NEW_WORDS / 2:
            return self.verdict(
                "partial", f"paragraph {node.label} of {self.next_label} is close to your {label}{told}", score
            )
        return self.verdict("not_reflected", f"nothing like your {label} in {self.next_label}{told}", score)

    def _as_alike_before(self, node: Paragraph, score: float) -> bool:
        """Whether a paragraph the next draft's `node` came from was already as like the proposed paragraph: a
        new paragraph modelled on an existing one ('Making use of … by IOM' after '… by UNODC') is not taken
        up by that paragraph going on."""
        return any(self.d.likeness(self.p.text or "", old) >= score for old in self.lineage.before(node))

    def _move(self) -> Disposition:
        if self.link is None:
            return self.verdict("not_reflected", "the paragraph cannot be followed into the next draft", 0)
        if self.link.relation == "moved" or (
            self.p.new_label and any(n.label == self.p.new_label for n in self.successors)
        ):
            return self.verdict("accepted", f"paragraph {self.p.paragraph} moved: {self.link.note}", 1)
        if self.gone:
            return self.verdict("superseded", self.fate(), 0)
        return self.verdict("not_reflected", f"paragraph {self.p.paragraph} stayed in place ({self.where()})", 0)

    def _merge(self) -> Disposition:
        partners = [self.d.find(label) for label in self.p.related]
        links = [link for node in partners if node is not None and (link := self.lineage.of(node)) is not None]
        if self.link is not None and self.link.relation == "merged" and _one_paragraph([self.link, *links]):
            notes = {id(link): link.note for link in [self.link, *links] if link.note}
            return self.verdict("accepted", f"merged as proposed: {'; '.join(notes.values())}", 1)
        if self.link is not None and self.link.relation == "merged":
            if any(_one_paragraph([self.link, link]) for link in links):
                return self.verdict("partial", f"merged, though not with all you named: {self.link.note}", 0.5)
            return self.verdict("superseded", f"merged, but with none of the paragraphs you named: {self.link.note}", 0)
        if self.gone and self.target is not None:  # it went, and its substance may live on in a partner
            heirs = [t for node in partners if (link := self.lineage.of(node)) for t in link.targets]
            shares = [(phrase_share(self.stems(self.target), self.stems(h))[0], h) for h in heirs]
            share, heir = max(shares, key=lambda s: s[0], default=(0.0, None))
            if heir is not None and share >= GONE:
                return self.verdict(
                    "partial", f"paragraph {self.p.paragraph} went, and part of it is in paragraph {heir.label}", share
                )
        return self.verdict("not_reflected", f"paragraph {self.p.paragraph} was not merged ({self.where()})", 0)

    def _split(self) -> Disposition:
        if self.link is not None and self.link.relation == "split":
            return self.verdict("accepted", f"split as proposed: {self.link.note}", 1)
        return self.verdict("not_reflected", f"paragraph {self.p.paragraph} was not split ({self.where()})", 0)


def _phrase_text(text: str) -> str:
    """Lower-case words joined by single spaces: for exact phrase tests that ignore punctuation and quotes."""
    return " " + " ".join(t.lower() for t in tokens(text or "") if t[:1].isalnum()) + " "


def _short(text: str, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _remark(proposal: Proposal) -> str:
    """What a comment says, as the delegation wrote it."""
    return " ".join(s.verbatim for s in proposal.sponsors[:1]) or proposal.rationale or ""


def _phrase(hunk: Hunk) -> str:
    """A hunk in the delegate's words: ‘added’, ‘removed’ struck, or ‘removed’ → ‘added’."""
    if hunk.removed and hunk.added:
        return f"‘{_short(hunk.removed, 60)}’ → ‘{_short(hunk.added, 60)}’"
    if hunk.added:
        return f"‘{_short(hunk.added, 60)}’"
    return f"taking out ‘{_short(hunk.removed, 60)}’"


def _told(results: list[tuple[Hunk, float, str | None]], most: int) -> list[str]:
    """Each change as a delegate would say what became of it, the first `most` of them."""
    said = []
    for hunk, carried, elsewhere in results:
        if hunk.added and hunk.removed:
            verb = "done" if carried == 1.0 else "done in part" if carried else "not done"
            said.append(f"{_phrase(hunk)} {verb}")
        elif hunk.added:
            verb = "went in" if carried == 1.0 else "went in only in part" if carried else "did not go in"
            where = f" (in paragraph {elsewhere})" if elsewhere else ""
            said.append(f"{_phrase(hunk)} {verb}{where}")
        else:
            verb = "was taken out" if carried == 1.0 else "is partly still there" if carried else "is still there"
            said.append(f"‘{_short(hunk.removed, 60)}’ {verb}")
    if len(said) > most:
        said = said[:most] + [f"and {len(said) - most} more changes"]
    return said


def _named_as(name: str, base: Words, text: str) -> str | None:
    """How `text` names `name` more often than the paragraph did: as given, or an acronym no draft defines
    written out ('OAS': 'Organization of American States') where the paragraph did not say it; None if not."""
    later = Words(text)
    if _more_of(name, base, later):
        return name
    if occurrences(Words(name).surface, base.surface):
        return None
    return next((full for full in spelled_out(name, text) if _more_of(full, base, later)), None)


def _more_of(name: str, base: Words, later: Words) -> bool:
    """Whether the later text says `name` more often than the paragraph did (spellings and citations folded,
    as the texts are)."""
    words = Words(name).surface
    return bool(words) and occurrences(words, later.surface) > occurrences(words, base.surface)


def _overlap(a: set[str], b: set[str]) -> float:
    """The share of their words two texts have in common (Jaccard)."""
    return len(a & b) / len(a | b) if a | b else 0.0


def _in_kept_part(hunk: Hunk, text: str, words: int = 3) -> bool:
    """Whether a hunk sits in the part of a paragraph the scan kept: the words just before it are in the text
    that is left, or the words just after it are, past its first word (whatever stood before the text's
    first word went with the lost start)."""
    kept = Words(text).surface
    before, after = Words(hunk.before).surface[-words:], Words(hunk.after).surface[:words]
    if len(before) == words and occurrences(before, kept):
        return True
    return len(after) == words and occurrences(after, kept[1:]) > 0


def _damaged(node: Paragraph) -> bool:
    """A paragraph whose start the text lost: it opens mid-sentence, in lower case (sub-paragraphs may)."""
    first = next((t for t in tokens(node.text) if t[:1].isalnum()), "")
    return node.kind in ("operative", "preamble", "paragraph") and first[:1].islower()


def _surface_words(text: str) -> dict[str, str]:
    """Each content stem of a text with the first word it stands for there ('mechan' → 'mechanism')."""
    found: dict[str, str] = {}
    for token in tokens(text or ""):
        if token[:1].isalnum() and token.lower() not in STOPWORDS:
            found.setdefault(stem(token), token)
    return found


def _words_told(went: list[str], missing: list[str], most: int = 6) -> str:
    """': its words ‘a’, ‘b’ are there; ‘c’ is not' for the words a new paragraph brings."""
    parts = []
    if went:
        parts.append(f"its words {', '.join(f'‘{w}’' for w in went[:most])} are there")
    if missing:
        parts.append(f"{', '.join(f'‘{w}’' for w in missing[:most])} {'is' if len(missing) == 1 else 'are'} not")
    return f": {'; '.join(parts)}" if parts else ""
