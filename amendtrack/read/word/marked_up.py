"""A delegation's marked-up file: the draft it was made on (every change rejected), linked to the stored draft.

Every proposal read from tracked changes names a paragraph of the stored draft and quotes the
file's words: this is where the file's paragraphs, their labels, their neighbours and the
comments anchored in them are looked up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amendtrack.errors import InputError
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.text.markers import extract_markers
from amendtrack.read.word.authors import Attribution
from amendtrack.read.word.document import Comment, WordDocument, reject_all, visible
from amendtrack.read.word.draft import label_as_typed, read_tree
from amendtrack.read.word.matching import match_to_draft
from amendtrack.read.word.views import ViewParagraph


@dataclass
class MarkedUpFile:
    """The file's own tree with every change rejected, each paragraph linked to the stored draft."""

    doc: WordDocument
    who: Attribution
    authors: list[str]  # of tracked changes, in order of first appearance
    tree: Draft
    groups: list[ViewParagraph]  # the file's paragraphs, every change rejected (tree line numbers count them)
    stored: dict[int, Paragraph]  # id(node of the file's tree) → the stored draft's paragraph
    node_at: dict[int, Paragraph] = field(default_factory=dict)  # paragraph number (1-based) → node of the tree
    parent: dict[int, Paragraph] = field(default_factory=dict)  # id(node) → the paragraph it is part of
    group_of_para: dict[int, int] = field(default_factory=dict)  # Word paragraph → paragraph number
    anchors: dict[str, set[int]] = field(default_factory=dict)  # comment id → Word paragraphs it is in

    @property
    def source(self) -> str:
        return self.doc.source

    # --- the stored draft ------------------------------------------------------------------------------

    def stored_of(self, node: Paragraph) -> Paragraph | None:
        """The stored draft's paragraph a paragraph of the file is."""
        return self.stored.get(id(node))

    def label(self, node: Paragraph) -> str | None:
        """The stored label of a paragraph of the file, None when the draft has no such paragraph."""
        stored = self.stored_of(node)
        return stored.label if stored is not None else None

    # --- the file's words ------------------------------------------------------------------------------

    def prefix(self, node: Paragraph, raw: str) -> str:
        """The printed label at the start of a paragraph's raw text ('PP.4', '12.'), to cut from every view."""
        raw = label_as_typed(raw)
        if node.num and raw.startswith(node.num):
            return node.num
        if node.text:
            at = raw.find(node.text[:24])
            if at > 0:
                return raw[:at]
        return ""

    def has_base_words(self, i: int) -> bool:
        """Whether Word paragraph i has words of the text the changes were made on."""
        return any(s.text.strip() and visible(s, reject_all) for s in self.doc.paras[i].segs)

    # --- where things are ----------------------------------------------------------------------------------

    def anchored(self, cid: str) -> set[int]:
        """The paragraphs a comment's range or reference is in."""
        return self.anchors.get(cid, set())

    def neighbours(self, view: ViewParagraph) -> tuple[Paragraph | None, Paragraph | None]:
        """The file's paragraphs just before and just after a new one (by where their words begin)."""
        before = after = None
        for number, group in enumerate(self.groups, start=1):
            node = self.node_at.get(number)
            if node is None or not group.text.strip():
                continue
            first = next((i for i in group.paras if self.has_base_words(i)), group.mark)
            if first < view.paras[0]:
                before = node
            elif after is None:
                after = node
        return before, after

    def after_whom(self, label: str | None, before: Paragraph) -> Paragraph:
        """The paragraph a new one follows: '2bis' follows the file's 2; a new top-level one, its neighbour's parent."""
        family = re.fullmatch(r"(PP|OP)?(\d+)(?:bis|ter|quater|quinquies)", label or "", re.I)
        if family is not None:
            prefix = (family[1] or "").upper()
            for candidate in (f"{prefix}{family[2]}", f"OP{family[2]}", family[2]):
                found = self.tree.find(candidate)
                if found is not None and id(found) in self.stored:
                    return found
        if label is not None and not label.startswith("("):
            while id(before) in self.parent:
                before = self.parent[id(before)]
        return before

    def comment_text(self, comment: Comment) -> str:
        """A comment's words, without a leading 'Japan:' where it names its own delegation."""
        text = comment.text
        m = re.match(r"^\s*([^:]{2,60}):\s*(\S.*)$", text, re.S)
        named = self.who.registry.resolve(m.group(1)) if m else None
        if m and named is not None:
            try:
                if named.name == self.who(comment.author):
                    return m.group(2).strip()
            except InputError:  # the comment's author is no delegation: keep its words whole
                pass
        return text


def open_marked_up(doc: WordDocument, base: Draft, who: Attribution) -> MarkedUpFile:
    """The file read as the draft its changes were made on, every author known, linked to the stored draft."""
    authors = doc.authors()
    if not authors and not doc.comments:
        raise InputError(doc.source, "no tracked changes or comments in this document")
    for author in authors:
        who(author)  # every author must be known before anything is read
    tree, groups = read_tree(doc, reject_all)
    file = MarkedUpFile(doc, who, authors, tree, groups, match_to_draft(base, tree, doc.source))
    for node, parent in tree.walk():
        if node.line_start is not None:
            file.node_at.setdefault(node.line_start, node)
        if parent is not None and parent.kind != "heading":
            file.parent[id(node)] = parent
    file.group_of_para = {i: k for k, group in enumerate(groups, start=1) for i in group.paras}
    for para in doc.paras:
        for cid in [*para.references, *(c for seg in para.segs for c in seg.comments)]:
            file.anchors.setdefault(cid, set()).add(para.index)
    return file


def words(raw: str, prefix: str) -> str:
    """A view of a paragraph as its words: label cut, editorial markers out, spacing as Word shows it."""
    text = label_as_typed(raw)
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    text = text.lstrip(" .:,")
    cleaned, markers = extract_markers(text)
    return cleaned if markers else text
