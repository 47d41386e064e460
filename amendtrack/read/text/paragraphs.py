"""Build the paragraph tree from the units: each unit's text, markers and brackets, its label and its eId.

Labels are what negotiators say ('PP3', 'OP2', '12', 'OP2(a)', 'Recommendation 4', 'II', 'II.B');
eIds are Akoma Ntoso's ('pp_3', 'op_2__subpara_a', 'annex__sec_II'), made unique by a suffix when
the same one comes twice. A paragraph whose label was lost is named after the one it follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amendtrack.model.tree import UNNUMBERED, Bracket, Marker, Paragraph
from amendtrack.read import ocr
from amendtrack.read.text.labels import annex_title
from amendtrack.read.text.markers import extract_markers, find_brackets
from amendtrack.read.text.units import Event, Unit

_KIND = {"pp": "preamble", "op": "operative", "annex": "operative", "report": "paragraph", "rec": "recommendation"}

Naming = tuple[str, str, str, str | None]  # label, eId, kind, printed number


def build_paragraphs(events: list[Event], annex: bool, vocab: set[str], footnote_marks: set[str]) -> list[Paragraph]:
    """The tree of the units, in reading order: top-level paragraphs with their children.

    `annex`: whether the draft has an annex (its paragraphs' eIds then say so); `vocab` undoes
    line-end hyphens; `footnote_marks` are the footnotes whose digits OCR may have fused to a word.
    """
    namer = _Namer(annex)
    roots: list[Paragraph] = []
    for unit in (e for e in events if isinstance(e, Unit)):
        text, markers, brackets = _text(unit, vocab, footnote_marks)
        parent = unit.container.node if unit.container is not None else None
        label, eid, kind, num = namer.name(unit, parent)
        lines = [no for no, _ in unit.lines]
        node = Paragraph(
            label=label,
            kind=kind,
            text=text,
            eid=eid,
            num=num,
            label_inferred=unit.inferred,
            markers=markers,
            brackets=brackets,
            line_start=min(lines) if lines else None,
            line_end=max(lines) if lines else None,
        )
        unit.node = node
        (parent.children if parent is not None else roots).append(node)
        if unit.role == "top" and unit.series and unit.label is not None:
            namer.last_label[unit.series] = label
    return roots


# --- text, markers and brackets ---------------------------------------------------------------------------


def _text(unit: Unit, vocab: set[str], footnote_marks: set[str]) -> tuple[str, list[Marker], list[Bracket]]:
    """A unit's lines joined into its text, its editorial markers and footnote references taken out."""
    if unit.role in ("heading", "annex"):
        assert unit.label is not None
        lines = [unit.label.rest] + [line for _, line in unit.lines[1:]]
        if unit.role == "annex":
            title = annex_title(unit.lines[0][1]) if unit.lines else None
            lines = [title] if title is not None else []
    else:
        lines = [line for _, line in unit.lines]
    text = ocr.join_lines(lines, vocab)
    text = re.sub(r"(?<=[;:,.])\s+[‘’'`|]+$", "", text)  # stray glyphs after the final punctuation
    text, markers = extract_markers(text)
    markers = markers + list(unit.markers)
    text, footnotes = _footnote_refs(text, footnote_marks)
    markers.extend(Marker("footnote", "", ref=mark) for mark in footnotes)
    return text, markers, find_brackets(text)


def _footnote_refs(text: str, footnote_marks: set[str]) -> tuple[str, list[str]]:
    """Footnote digits OCR fused to a year ('October 20112' = 2011 + footnote 2) or to punctuation."""
    found: list[str] = []

    def cut(m: re.Match) -> str:
        if m.group(2) in footnote_marks:
            found.append(m.group(2))
            return m.group(1)
        return m.group(0)

    text = re.sub(r"\b((?:19|20)\d\d)(\d)\b", cut, text)
    return re.sub(r"(?<=[a-z])([.,;:])(\d)(?=\s|$)", cut, text), found


# --- labels and eIds --------------------------------------------------------------------------------------


@dataclass
class _Namer:
    """Names each node as the tree is built, counting what the names depend on."""

    annex: bool
    eids: set[str] = field(default_factory=set)
    last_label: dict[str, str] = field(default_factory=dict)  # series → label of its last labelled paragraph
    after_counts: dict[str, int] = field(default_factory=dict)  # label → unlabelled paragraphs after it
    item_counts: dict[int, int] = field(default_factory=dict)  # id(paragraph) → its bullet items
    next_free: dict[str, int] = field(default_factory=dict)  # eid → the first suffix not tried yet
    headed: set[int] = field(default_factory=set)  # id() of the headings a numbered paragraph was named under

    def name(self, unit: Unit, parent: Paragraph | None) -> Naming:
        """The node's label, unique eId, kind and printed number."""
        label, eid, kind, num = self._naming(unit, parent)
        base, n = eid, self.next_free.get(eid, 2)
        while eid in self.eids:  # linear time however many repeats
            eid, n = f"{base}_{n}", n + 1
            self.next_free[base] = n
        self.eids.add(eid)
        return label, eid, kind, num

    def _naming(self, unit: Unit, parent: Paragraph | None) -> Naming:
        if unit.role in ("annex", "heading", "chapeau"):
            return self._heading(unit)
        if unit.role in ("item", "numitem", "sub"):
            assert parent is not None
            return self._child(unit, parent)
        return self._paragraph(unit)

    def _in_annex(self, unit: Unit) -> str:
        return "annex__" if self.annex and unit.container is not None and _under_annex(unit) else ""

    def _heading(self, unit: Unit) -> Naming:
        label = unit.label
        if unit.role == "annex":
            return "Annex", "annex", "heading", (label.printed or None) if label else None
        if unit.role == "chapeau":
            return "Chapeau", f"{self._in_annex(unit)}intro", "chapeau", None
        assert label is not None
        if unit.heading_level == 1 and unit.inferred:  # an unnumbered title: never taken for a printed 'II'
            return f"Section {label.number}", f"{self._in_annex(unit)}sec_{label.number}", "heading", None
        if unit.heading_level == 1:
            roman = ocr.to_roman(label.number)
            return roman, f"{self._in_annex(unit)}sec_{roman}", "heading", label.printed
        section = unit.container.node if unit.container is not None and unit.container.node else None
        full = f"{section.label}.{label.letter}" if section else label.letter
        base = f"{section.eid}__" if section else ""
        return full, f"{base}subsec_{label.letter}", "heading", label.printed or None

    def _child(self, unit: Unit, parent: Paragraph) -> Naming:
        prefix = f"{parent.eid}__"
        label = unit.label
        if unit.role == "item":
            count = self.item_counts.get(id(parent), 0) + 1
            self.item_counts[id(parent)] = count
            return f"{parent.label} bullet {count}", f"{prefix}item_{count}", "item", None
        assert label is not None
        if unit.role == "numitem":
            return f"{parent.label}({label.number})", f"{prefix}item_{label.number}", "item", label.printed
        return f"{parent.label}({label.letter})", f"{prefix}subpara_{label.letter}", "subparagraph", label.printed

    def _opened(self, unit: Unit) -> str:
        """The label of the heading an unlabelled paragraph opens (no numbered one came under it before): it is
        'unnumbered paragraph after II', not after the last paragraph of section I."""
        heading = unit.container
        if heading is None or heading.role != "heading" or heading.node is None or id(heading) in self.headed:
            return ""
        return heading.node.label

    def _paragraph(self, unit: Unit) -> Naming:
        series = unit.series or "report"
        label = unit.label
        in_annex = self._in_annex(unit)
        if label is None:
            previous = self._opened(unit) or self.last_label.get(series, "")
            count = self.after_counts.get(previous, 0) + 1
            self.after_counts[previous] = count
            name = f"{UNNUMBERED} {previous}" + (f" ({count})" if count > 1 else "")
            safe = re.sub(r"\W+", "_", previous.lower()) or "start"
            return name, f"{in_annex}para_{safe}_after_{count}", _KIND[series], None
        self.headed.add(id(unit.container))
        num = label.printed or None
        ident = f"{label.number}{label.suffix}"
        scope = unit.scope.node if unit.scope is not None else None
        if scope is not None:  # numbering restarts in each section: 'II.1', under an unnumbered title 'Section 2, 1'
            sep = ", " if scope.label.startswith("Section ") else "."
            return f"{scope.label}{sep}{ident}", f"{scope.eid}__para_{ident}", _KIND[series], num
        if series == "pp":
            return f"PP{ident}", f"pp_{ident}", "preamble", num
        if series == "op":
            return f"OP{ident}", f"op_{ident}", "operative", num
        if series == "rec":
            return f"Recommendation {label.number}", f"rec_{label.number}", "recommendation", num
        return ident, f"{in_annex}para_{ident}", _KIND[series], num


def _under_annex(unit: Unit) -> bool:
    container = unit.container
    while container is not None:
        if container.role == "annex":
            return True
        container = container.container
    return False
