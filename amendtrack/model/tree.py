"""Paragraph trees: the in-memory shape of one draft, shared by every reader and the store.

A draft is a list of top-level nodes (headings, preambular paragraphs, operative
paragraphs, recommendations…) whose children are sub-paragraphs and items. Nodes
keep what the printed draft says (label, text, markers) and where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache

KINDS = (
    "heading",  # section headings (I., A.), the annex
    "preamble",  # PP1, PP2bis
    "operative",  # resolution or annex operative paragraphs (1, 10bis)
    "subparagraph",  # (a), (b) under a paragraph
    "chapeau",  # unnumbered introductory paragraph of a part ("We, the States Members…")
    "item",  # unlabelled bullet under a chapeau
    "recommendation",  # "Recommendation 12" of a report
    "paragraph",  # numbered narrative paragraph of a report, or of an Article (numbering restarts in each)
    # containers: they hold paragraphs, and their numbering restarts inside them
    "part",  # Part I, Part 2
    "chapter",  # Chapter II
    "section",  # Section 3 (a lettered or roman section of a resolution stays a "heading")
    "article",  # Article 4, Article 2 bis
    "annex",  # Annex, Annex I
    "appendix",  # Appendix, Appendix A
    "option_group",  # "Option 1: … Option 2: …": the alternatives one place of the text offers
    "option",  # one of them, its content as its children ("Option 2: No text" has none)
)

CONTAINER_KINDS = frozenset({"part", "chapter", "section", "article", "annex", "appendix"})

MARKER_KINDS = (
    "formerly",  # [Formerly PP12]
    "merged",  # [Merged with paragraph 42]
    "deleted",  # [Paragraph deleted]
    "forthcoming",  # [New Proposal by Co-Facilitators … Forthcoming …]
    "note",  # editorial note: [Language from para 18 of Salvador Declaration]
    "facilitator_edit",  # a Word balloon such as "Deleted: role"
    "footnote",  # a footnote whose reference sits in the paragraph
)


@dataclass
class Marker:
    """Something the draft says about a paragraph rather than in it."""

    kind: str
    text: str
    ref: str | None = None  # the label a marker points at ("PP12", "42")

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "ref": self.ref}


@dataclass
class Bracket:
    """A square-bracketed span of negotiating text, kept in the text and recorded here."""

    start: int  # character offsets into the paragraph text, end exclusive
    end: int
    text: str
    alternatives: list[str]
    closed: bool = True
    depth: int = 1  # 1 for an outermost bracket, 2 for a bracket inside it, …
    group: int | None = None  # brackets written side by side as one choice ("[shall][should]") share a number

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Paragraph:
    """One node of a draft: a paragraph, sub-paragraph, item or heading."""

    label: str  # citation label, unique in its draft where the draft allows: "PP2bis", "OP2(a)", "42", "I"
    kind: str
    text: str
    eid: str  # expression id, derived from the label: "pp_2bis", "annex__para_42__subpara_a"
    num: str | None = None  # the label exactly as printed ("PP.2", "22,", "L."), None when not printed
    label_inferred: bool = False  # True when the printed label was lost and the label comes from position
    markers: list[Marker] = field(default_factory=list)
    brackets: list[Bracket] = field(default_factory=list)
    children: list[Paragraph] = field(default_factory=list)
    line_start: int | None = None  # 1-based lines of the source file
    line_end: int | None = None
    pid: str | None = None  # persistent id across drafts; given by the store / lineage

    def to_dict(self, parent: Paragraph | None = None, container: list[str] | None = None) -> dict:
        """The node as a flat record (children left out): the JSON contract of `amendtrack paragraphs --json`.

        `container`: the labels of the containers (Articles, Parts…) that hold the node, outermost first.
        """
        return {
            "label": self.label,
            "eid": self.eid,
            "pid": self.pid,
            "kind": self.kind,
            "parent": parent.eid if parent else None,
            "num": self.num,
            "label_inferred": self.label_inferred,
            "text": self.text,
            "markers": [m.to_dict() for m in self.markers],
            "brackets": [b.to_dict() for b in self.brackets],
            "container": container or [],
            "line_start": self.line_start,
            "line_end": self.line_end,
        }


@dataclass
class Draft:
    """A whole draft as read from one file."""

    paragraphs: list[Paragraph]
    preface: list[str] = field(default_factory=list)  # title block and masthead lines
    source: str | None = None  # file name it was read from

    def walk(self) -> Iterator[tuple[Paragraph, Paragraph | None]]:
        """Every node in document order, with its parent (None at the top)."""
        stack: list[tuple[Paragraph, Paragraph | None]] = [(node, None) for node in reversed(self.paragraphs)]
        while stack:  # a stack, not nested generators: every walk of a long draft pays per node, not per level
            node, parent = stack.pop()
            yield node, parent
            if node.children:
                stack.extend([(child, node) for child in reversed(node.children)])

    def records(self) -> list[dict]:
        """Every node as a flat record, parents before their children: `amendtrack paragraphs --json`."""
        paths: dict[int, list[str]] = {}
        records = []
        for node, parent in self.walk():
            path = paths.get(id(parent), []) if parent is not None else []
            if parent is not None and parent.kind in CONTAINER_KINDS:
                path = [*path, parent.label]
            paths[id(node)] = path
            records.append(node.to_dict(parent, path))
        return records

    def find(self, label_or_eid: str) -> Paragraph | None:
        """The node with this label or eId (eId first, since it is unique)."""
        nodes = [node for node, _ in self.walk()]
        for node in nodes:
            if node.eid == label_or_eid:
                return node
        wanted = normalise_label(label_or_eid)
        for node in nodes:
            if normalise_label(node.label) == wanted:
                return node
        return None


UNNUMBERED = "unnumbered paragraph after"  # the label given a paragraph a draft leaves unnumbered: '… after 55'


def is_heading(node: Paragraph) -> bool:
    """A heading or a container (Article, Part…): what holds paragraphs rather than being one."""
    return node.kind == "heading" or node.kind in CONTAINER_KINDS


@lru_cache(maxsize=65536)  # aligning and finding compare the same few labels again and again
def normalise_label(label: str) -> str:
    """Compare labels the way negotiators cite them: 'PP.2 bis' == 'pp2bis', 'para 42' == '42'."""
    text = label.strip().lower()
    for prefix in ("paragraph", "para.", "para", "§"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return "".join(ch for ch in text if ch.isalnum() or ch in "()")


def names_paragraph(text: str, label: str) -> bool:
    """Whether a text names paragraph `label` by number, alone or in a range: '43', '43-46', '43 to 46'."""
    if not label.isdigit():
        return bool(re.search(rf"(?<![\w.]){re.escape(label)}(?![\w])", text))
    number = int(label)
    for first, last in re.findall(r"(?<![\w.])(\d{1,3})(?:\s*(?:-|–|to)\s*(\d{1,3}))?(?![\w])", text):
        if int(first) == number or (last and int(first) <= number <= int(last)):
            return True
    return False
