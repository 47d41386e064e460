"""One proposal for each change an author made to a paragraph, and for each comment no change took.

An edit keeps the paragraph and changes its words (stated as anchored edits when the words can
be placed on the stored text, else as a redraft); a deletion takes it out; a split makes several
paragraphs of it, a merge one of several; a new paragraph comes after its neighbour; a move is
a deletion whose words were inserted elsewhere. Comments on the author's changed words are the
proposal's rationale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from amendtrack.compare.redline import plain, redline
from amendtrack.model.proposal import Proposal, Source, apply
from amendtrack.model.tree import Paragraph
from amendtrack.read.text.markers import extract_markers
from amendtrack.read.word.authors import WordSponsor, word_sponsor
from amendtrack.read.word.document import Revision
from amendtrack.read.word.edits import edits_between, norm
from amendtrack.read.word.marked_up import MarkedUpFile, words
from amendtrack.read.word.views import ViewParagraph, clean

_SUFFIX = r"(?:bis|ter|quater|quinquies)"
_NEW_LABEL = re.compile(  # a label typed at the start of a new paragraph: PP5bis, OP2(dbis), 10ter., 71., (e)
    rf"^\s*(?:(?P<a>(?:PP|OP)\s*\.?\s*\d{{1,3}}\s*{_SUFFIX}?(?:\([a-z]{{1,2}}{_SUFFIX}?\))?)[.:]?"
    rf"|(?P<b>\d{{1,3}}\s*{_SUFFIX}(?:\([a-z]{{1,2}}{_SUFFIX}?\))?)[.:]?"
    rf"|(?P<c>\d{{1,3}}(?:\([a-z]{{1,2}}{_SUFFIX}?\))?)[.:]"
    rf"|(?P<d>\([a-z]{{1,2}}{_SUFFIX}?\)))\s+(?=\S)",
    re.I,
)
_TAB_LEAD = re.compile(r"^\s*(?P<l>[^\t]{1,30}?)\s*\t")  # Word's 'label, tab, text'

Moved = tuple[ViewParagraph, Paragraph]  # a paragraph moved away, and the file's node of it


@dataclass
class Found:
    """The proposals read so far, each with where it was found (to sort them), and the comments they used."""

    proposals: list[tuple[tuple[int, int], Proposal]] = field(default_factory=list)
    used_comments: set[str] = field(default_factory=set)

    def add(self, at: int, order: int, proposal: Proposal) -> None:
        self.proposals.append(((at, order), proposal))

    def in_order(self) -> list[Proposal]:
        """In the file's order, one author after another within a paragraph."""
        return [proposal for _, proposal in sorted(self.proposals, key=lambda item: item[0])]


@dataclass
class AuthorChanges:
    """One author's changes, as proposals: the author's own changes accepted, everyone else's rejected."""

    file: MarkedUpFile
    found: Found
    order: int  # the author's place among the file's authors
    author: str

    def accept(self, rev: Revision) -> bool:
        """The view of this author: their changes accepted, every other author's rejected."""
        return rev.author == self.author

    # --- the proposals ---------------------------------------------------------------------------------

    def edit(self, node: Paragraph, group: ViewParagraph, view: ViewParagraph) -> None:
        """The paragraph kept with other words: anchored edits on the stored text, else a redraft."""
        prefix = self.file.prefix(node, group.text)
        old = words(group.text, prefix)
        new = words(view.text, prefix)
        if old == new:
            return
        paras = group.paras + view.paras
        sponsor = self._sponsor(paras, plain(redline(old, new)))
        rationale = self._rationale(paras)
        stored = self.file.stored_of(node)
        label = stored.label if stored is not None else None
        if not new:
            self.found.add(
                group.paras[0], self.order, apply(Proposal("delete", label, [sponsor], rationale=rationale), None)
            )
            return
        proposal = _anchored_edit(stored, label, sponsor, rationale, old, new)
        if proposal is None:  # the words cannot be anchored: the paragraph as the author leaves it
            proposal = apply(Proposal("redraft", label, [sponsor], text=new, rationale=rationale), None)
            if stored is None:
                proposal.applied = False
                proposal.unapplied_reason = "the target paragraph is not in the draft"
        self.found.add(group.paras[0], self.order, proposal)

    def delete(self, node: Paragraph, group: ViewParagraph) -> None:
        """The paragraph taken out."""
        old = words(group.text, self.file.prefix(node, group.text))
        sponsor = self._sponsor(group.paras, f"[-{old}-]")
        proposal = Proposal("delete", self.file.label(node), [sponsor], rationale=self._rationale(group.paras))
        self.found.add(group.paras[0], self.order, apply(proposal, None))

    def split(self, node: Paragraph, group: ViewParagraph, parts: list[ViewParagraph]) -> None:
        """The paragraph's words now in several paragraphs."""
        prefix = self.file.prefix(node, group.text)
        texts = [words(part.text, prefix) for part in parts if part.text.strip()]
        paras = group.paras + [i for part in parts for i in part.paras]
        sponsor = self._sponsor(paras, " ¶ ".join(texts))
        proposal = Proposal(
            "split", self.file.label(node), [sponsor], text="\n".join(texts), rationale=self._rationale(paras)
        )
        self.found.add(group.paras[0], self.order, proposal)

    def merge(self, numbers: list[int], view: ViewParagraph) -> None:
        """Several paragraphs' words now in one."""
        file = self.file
        nodes = [file.node_at[n] for n in sorted(numbers) if n in file.node_at]
        if not nodes:
            return
        first_group = file.groups[min(numbers) - 1]
        text = words(view.text, file.prefix(nodes[0], first_group.text))
        paras = [i for n in numbers for i in file.groups[n - 1].paras] + view.paras
        sponsor = self._sponsor(paras, text)
        labels = [file.label(n) or n.label for n in nodes]
        proposal = Proposal(
            "merge",
            labels[0] if file.stored_of(nodes[0]) is not None else None,
            [sponsor],
            text=text,
            related=labels[1:],
            rationale=self._rationale(paras),
        )
        self.found.add(first_group.paras[0], self.order, proposal)

    def new_paragraph(self, view: ViewParagraph, moves: list[Moved]) -> None:
        """A paragraph the author added: a move's destination when its words were moved there, else new."""
        before, after = self.file.neighbours(view)
        text = clean(view.text)
        moved = self._moved_here(view, text, moves)
        if moved is not None:
            group, node = moved
            self.move(node, group, view, before, after)
            return
        label, text = _new_label(view, text)
        cleaned, markers = extract_markers(text)
        text = cleaned if markers else text
        paras = view.paras
        sponsor = self._sponsor(paras, f"{{+{text}+}}")
        anchor = self.file.label(self.file.after_whom(label, before)) if before is not None else None
        proposal = Proposal(
            "new_paragraph",
            anchor,
            [sponsor],
            text=text,
            new_label=label or (f"before {self.file.label(after)}" if before is None and after is not None else None),
            rationale=self._rationale(paras),
        )
        self.found.add(view.paras[0], self.order, apply(proposal, None))

    def _moved_here(self, view: ViewParagraph, text: str, moves: list[Moved]) -> Moved | None:
        """The moved-away paragraph whose words this one is (taken off `moves`), if all its words were moved in."""
        doc = self.file.doc
        segs = [s for i in view.paras for s in doc.paras[i].segs if s.text.strip() and s.ins is not None]
        names = {s.ins.move for s in segs if s.ins is not None and s.ins.moved}
        if not segs or not all(s.ins is not None and s.ins.moved for s in segs):
            return None
        for k, (group, node) in enumerate(moves):
            moved_names = {s.dele.move for i in group.paras for s in doc.paras[i].segs if s.dele is not None}
            if names & moved_names or norm(clean(group.text)) == norm(text):
                del moves[k]
                return group, node
        return None

    def move(
        self,
        node: Paragraph,
        group: ViewParagraph,
        view: ViewParagraph,
        before: Paragraph | None,
        after: Paragraph | None,
    ) -> None:
        """The paragraph moved after `before` (or before `after`)."""
        file = self.file
        text = words(view.text, file.prefix(node, group.text))
        where = (
            f"after {file.label(before)}"
            if before is not None
            else f"before {file.label(after)}"
            if after is not None
            else None
        )
        paras = group.paras + view.paras
        sponsor = self._sponsor(paras, f"move to {where}: {text}")
        related = [label for label in [file.label(before) if before is not None else None] if label]
        proposal = Proposal(
            "move",
            file.label(node),
            [sponsor],
            text=text,
            new_label=where,
            related=related,
            rationale=self._rationale(paras),
        )
        self.found.add(group.paras[0], self.order, proposal)

    # --- who and why --------------------------------------------------------------------------------------

    def _sponsor(self, paras: Iterable[int], verbatim: str) -> WordSponsor:
        """The author's delegation, the latest date of their changes here, and the file's words quoted."""
        paras = sorted(set(paras))
        doc = self.file.doc
        dates = [rev.date for i in paras for rev in doc.paras[i].revisions() if rev.author == self.author and rev.date]
        date = max(dates) if dates else None
        source = Source(self.file.source, paras[0] + 1, paras[-1] + 1)
        return word_sponsor(self.file.who(self.author), self.author, date, verbatim, source)

    def _rationale(self, paras: Iterable[int]) -> str | None:
        """Comments on the author's changed words in these paragraphs, or by the author on them."""
        paras = set(paras)
        ids = self._comments_on_changes(paras)
        for cid, comment in self.file.doc.comments.items():
            if comment.author == self.author and paras & self.file.anchored(cid):
                ids.append(cid)
        texts = []
        for cid in dict.fromkeys(ids):
            comment = self.file.doc.comments.get(cid)
            if comment is None or not comment.text:
                continue
            self.found.used_comments.add(cid)
            texts.append(self.file.comment_text(comment))
        return " ".join(texts) or None

    def _comments_on_changes(self, paras: set[int]) -> list[str]:
        """Comments on words the author changed, or on a paragraph whose mark the author changed."""
        ids: list[str] = []
        for i in sorted(paras):
            p = self.file.doc.paras[i]
            for seg in p.segs:
                if any(rev is not None and rev.author == self.author for rev in (seg.ins, seg.dele)):
                    ids.extend(sorted(seg.comments))
            if any(rev.author == self.author for rev in (p.mark_ins, p.mark_del) if rev is not None):
                ids.extend(sorted(c for s in p.segs for c in s.comments))
        return ids


def _anchored_edit(
    stored: Paragraph | None, label: str | None, sponsor: WordSponsor, rationale: str | None, old: str, new: str
) -> Proposal | None:
    """The change as edits placed on the stored text, when they land there and give the author's words."""
    made = edits_between(old, new) if stored is not None else None
    if made is None or stored is None:
        return None
    operation, edits = made
    trial = apply(Proposal(operation, label, [sponsor], edits=edits, rationale=rationale), stored.text)
    if trial.applied and norm(stored.text) != norm(old):
        trial.confidence = 0.9  # the file's text of the paragraph differs from the stored one
        return trial
    if trial.applied and norm(trial.resulting_text or "") == norm(new):
        trial.resulting_text = new  # what Word shows, spacing and all
        return trial
    return None


def _new_label(view: ViewParagraph, text: str) -> tuple[str | None, str]:
    """The label typed at the start of a new paragraph (before a tab, or as 'PP5bis', '(e)'), and its text."""
    label = None
    lead = _TAB_LEAD.match(view.text)
    m = _NEW_LABEL.match(clean(lead.group("l")) + " x" if lead else text)
    if m:
        label = re.sub(r"[\s.:]", "", next(g for g in m.group("a", "b", "c", "d") if g))
        if label[:2].lower() in ("pp", "op"):
            label = label[:2].upper() + label[2:]
    if lead:
        label = label or clean(lead.group("l"))
        text = clean(view.text[lead.end() :])
    elif m:
        text = text[m.end() :]
    return label, text


def comment_proposals(file: MarkedUpFile, found: Found) -> None:
    """Comments no change took as rationale: each a `comment` proposal on the paragraph it is anchored in."""
    for cid, comment in file.doc.comments.items():
        if cid in found.used_comments or not comment.text:
            continue
        anchored = sorted(file.anchored(cid))
        if not anchored:
            continue
        node = _paragraph_at_or_before(file, anchored[0])
        if node is None:
            continue
        source = Source(file.source, anchored[0] + 1, anchored[-1] + 1)
        sponsor = word_sponsor(file.who(comment.author), comment.author, comment.date, comment.text, source)
        proposal = Proposal("comment", file.label(node), [sponsor], rationale=file.comment_text(comment))
        found.add(anchored[0], len(file.authors), proposal)


def _paragraph_at_or_before(file: MarkedUpFile, i: int) -> Paragraph | None:
    """The paragraph of the file's tree that Word paragraph i is in, or the nearest one before it."""
    node = None
    for k in range(i, -1, -1):
        node = file.node_at.get(file.group_of_para.get(k, 0))
        if node is not None:
            break
    return node
