"""What became of a proposal in the next draft: accepted, partial, not reflected, superseded or pending.

Pure: a proposal, its base draft, the next draft and the lineage between them in; a
disposition with evidence a person can check out. Words are compared as stems, in order,
inside a window, so a draft reworded wholesale ("Ensuring" → "Ensure") still shows what it
took from a proposal, and words scattered over a paragraph do not pass for a phrase.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from amendtrack.compare.align import Alignment, Link
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph, is_heading, normalise_label
from amendtrack.model.words import STOPWORDS, Weights, content_stems, stem, tokens

ACCEPTED = 0.85  # share of the proposal's words found, in order, for "the next draft carries the change"
PARTIAL = 0.4  # … for "part of it"
GONE = 0.3  # a span to delete counts as gone when at most this share of it is left


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
        for link in alignment.links if alignment else []:
            for node in link.sources:
                self.by_eid[node.eid] = link

    def of(self, node: Paragraph | None) -> Link | None:
        return self.by_eid.get(node.eid) if node is not None else None


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

    def __init__(self, base: Draft, nxt: Draft | None, alignment: Alignment | None, next_label: str = "the next draft"):
        self.base, self.nxt, self.next_label = base, nxt, next_label
        self.lineage = _Lineage(alignment)
        self._parents: dict[int, Paragraph] | None = None
        self.paragraphs = [n for n, _ in nxt.walk() if n.text] if nxt is not None else []
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
        if proposal.operation == "comment":
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

    def record(self, words: str, share: float, found: list[str], node: Paragraph | None) -> None:
        phrase = content(words)
        self.evidence.looked_for = words
        self.evidence.found = found
        remaining = list(found)
        missing = []
        for item in phrase:
            if item in remaining:
                remaining.remove(item)
            else:
                missing.append(item)
        self.evidence.missing = missing
        self.evidence.found_in = node.label if node is not None and share >= PARTIAL else None
        self.evidence.score = round(share, 3)

    # --- per operation -------------------------------------------------------------------

    def judge(self) -> Disposition:
        op = self.p.operation
        if self.p.paragraph and self.target is None and op not in ("new_paragraph",):
            return self.verdict("not_reflected", f"paragraph {self.p.paragraph} is not in the base draft")
        handler = getattr(self, f"_{op}", None)
        if handler is None:
            return self.verdict("n/a", f"no rule for {op}")
        return handler()

    def _delete(self) -> Disposition:
        if not self.p.edits:  # the whole paragraph
            if self.link is not None and self.link.relation == "deleted":
                marked = "" if self.link.source == "declared" else " (the draft does not mark it deleted; check it)"
                return self.verdict("accepted", f"paragraph {self.p.paragraph} is not in {self.next_label}{marked}", 1)
            if self.gone:
                into = ", ".join(n.label for n in self.successors)
                return self.verdict("partial", f"paragraph {self.p.paragraph} was merged into {into}", 0.5)
            return self.verdict("not_reflected", f"paragraph {self.p.paragraph} is still there, {self.where()}", 0)
        left = []
        for edit in self.p.edits:
            share, found, node = self._in_successors(edit.old or "")
            self.record(edit.old or "", share, found, node)
            left.append(share)
        worst = max(left)
        words = " / ".join(f"‘{e.old}’" for e in self.p.edits)
        if self.gone and worst > GONE:
            return self.verdict("superseded", self.fate(), 0)
        if worst <= GONE:
            return self.verdict("accepted", f"{words} no longer appears {self.where()}", 1 - worst)
        if min(left) <= GONE:
            return self.verdict("partial", f"some of {words} is gone {self.where()}", 0.5)
        return self.verdict("not_reflected", f"{words} is still {self.where()}", 1 - worst)

    def _in_successors(self, words: str) -> tuple[float, list[str], Paragraph | None]:
        phrase = content(words)
        best: tuple[float, list[str], Paragraph | None] = (0.0, [], None)
        for node in self.successors_with_children():
            share, found = phrase_share(phrase, self.stems(node))
            if share > best[0]:
                best = (share, found, node)
        return best

    def _insert(self) -> Disposition:
        words = " ".join(edit.new or "" for edit in self.p.edits)
        return self._words_landed(words, "insertion")

    def _words_landed(self, words: str, what: str) -> Disposition:
        share, found, node = self.seek(words)
        self.record(words, share, found, node)
        quoted = f"‘{_short(words)}’"
        place = f"paragraph {node.label} of {self.next_label}" if node is not None else self.next_label
        if share >= ACCEPTED:
            return self.verdict("accepted", f"your {what} {quoted} appears in {place}", share)
        if self.gone and share < PARTIAL:
            return self.verdict("superseded", self.fate(), share)
        if share >= PARTIAL:
            missing = " ".join(self.evidence.missing)
            return self.verdict(
                "partial", f"part of your {what} {quoted} appears in {place} (missing: {missing})", share
            )
        return self.verdict("not_reflected", f"your {what} {quoted} is not {self.where()}", share)

    def _replace(self) -> Disposition:
        new_words = " ".join(edit.new or "" for edit in self.p.edits)
        old_words = " ".join(edit.old or "" for edit in self.p.edits)
        quoted = f"‘{_short(old_words)}’ → ‘{_short(new_words)}’"
        successors = self.successors_with_children()
        texts = [_phrase_text(n.text) for n in successors]
        if any(_phrase_text(new_words) in t for t in texts):
            node = successors[[_phrase_text(new_words) in t for t in texts].index(True)]
            self.record(new_words, 1.0, content(new_words), node)
            return self.verdict("accepted", f"your replacement {quoted} is {self._at(node)}", 1.0)
        if _phrase_text(old_words) and any(_phrase_text(old_words) in t for t in texts):
            self.record(new_words, 0.0, [], None)
            return self.verdict("not_reflected", f"‘{_short(old_words)}’ is still {self.where()}", 0.0)
        old_stems, new_stems = content(old_words), content(new_words)
        added = [w for w in new_stems if w not in set(old_stems)]
        removed = [w for w in old_stems if w not in set(new_stems)]
        share_new, found, node = self.seek(new_words)
        self.record(new_words, share_new, found, node)
        if self.gone and share_new < PARTIAL:
            return self.verdict("superseded", self.fate(), share_new)
        here = set().union(*(self.stems(n) for n in successors)) if successors else set()
        added_in = sum(w in here for w in added) / len(added) if added else None
        removed_out = sum(w not in here for w in removed) / len(removed) if removed else None
        took = [x for x in (added_in, removed_out) if x is not None]
        if took and min(took) >= ACCEPTED and share_new >= PARTIAL:
            return self.verdict("accepted", f"your replacement {quoted} is {self._at(node)}", min(took))
        if (took and max(took) >= PARTIAL) or share_new >= ACCEPTED:
            return self.verdict("partial", f"part of your replacement {quoted} is {self._at(node)}", share_new)
        return self.verdict("not_reflected", f"your replacement {quoted} is not {self.where()}", share_new)

    def _at(self, node: Paragraph | None) -> str:
        return f"in paragraph {node.label} of {self.next_label}" if node is not None else f"in {self.next_label}"

    def _redraft(self) -> Disposition:
        proposed = self.p.text or ""
        base_text = self.target.text if self.target is not None else ""
        proposed_stems, base_stems = content(proposed), content(base_text)  # each computed once
        base_set, proposed_set = set(base_stems), set(proposed_stems)
        new_words = [w for w in proposed_stems if w not in base_set]
        if self.gone and not self.successors:
            return self.verdict("superseded", f"paragraph {self.p.paragraph} was deleted from {self.next_label}", 0)
        pool = self.successors_with_children()
        if pool:
            best = max(pool, key=lambda n: self.d.likeness(proposed, n))
        else:  # anywhere in the next draft
            best = self.d.most_alike(proposed)[1]
        if best is None:
            return self.verdict("not_reflected", f"nothing like it in {self.next_label}", 0)
        text = set(content(best.text))
        closer = self.d.likeness(proposed, best) >= self.d.likeness(base_text, best)
        taken = [w for w in new_words if w in text]
        share = len(taken) / len(new_words) if new_words else (1.0 if closer else 0.0)
        self.evidence.looked_for = _short(proposed, 200)
        self.evidence.found, self.evidence.missing = taken, [w for w in new_words if w not in text]
        self.evidence.found_in = best.label
        where = f"paragraph {best.label} of {self.next_label}"
        cut = [w for w in base_stems if w not in proposed_set]
        gone = [w for w in cut if w not in text]
        if closer and share >= 0.7:
            return self.verdict("accepted", f"{where} follows your redraft", share)
        if closer or share >= PARTIAL:
            parts = []
            if new_words:
                parts.append(f"{len(taken)} of your {len(new_words)} new words are in it")
            if cut:
                parts.append(f"{len(gone)} of the {len(cut)} words you cut are gone")
            return self.verdict("partial", f"{where} takes part of your redraft ({'; '.join(parts)})", share)
        return self.verdict("not_reflected", f"{where} keeps closer to the earlier text than to your redraft", share)

    def _new_paragraph(self) -> Disposition:
        proposed = content(self.p.text or "")
        if not proposed:
            return self.verdict("not_reflected", "no text proposed", 0)
        score, node = self.d.most_alike(self.p.text or "")
        self.evidence.looked_for = _short(self.p.text or "", 200)
        self.evidence.found_in = node.label if node is not None and score >= 0.3 else None
        label = self.p.new_label or "new paragraph"
        if score >= 0.5:
            return self.verdict(
                "accepted", f"your {label} appears as paragraph {node.label} of {self.next_label}", score
            )
        if score >= 0.3:
            return self.verdict(
                "partial", f"paragraph {node.label} of {self.next_label} is close to your {label}", score
            )
        return self.verdict("not_reflected", f"nothing like your {label} in {self.next_label}", score)

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
            return self.verdict("partial", f"merged, though not with all you named: {self.link.note}", 0.5)
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
