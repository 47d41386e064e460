"""The units a draft's lines are cut into, and where the reader stands while it cuts them.

A unit is one paragraph, sub-paragraph, list item, heading, annex, chapeau or note block, with
its lines and the unit it belongs to; a label printed on a line of its own ('17.') waits as a
`StackedLabel` for the text it numbers. `Reading` is the state every step of the cutting shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtrack.model.tree import Marker, Paragraph
from amendtrack.read.text.labels import Label
from amendtrack.read.text.lines import Line


@dataclass
class Unit:
    """A stretch of lines that becomes one node of the tree."""

    role: str  # top, sub, item, numitem, heading, annex, chapeau, note
    series: str | None  # numbering series of a top unit: pp, op, annex, report, rec
    lines: list[Line] = field(default_factory=list)
    label: Label | None = None
    container: Unit | None = None  # heading, annex, or the paragraph a sub/item belongs to
    markers: list[Marker] = field(default_factory=list)
    bullet: bool = False
    heading_level: int = 0  # 1 section (I.), 2 subsection (A.)
    heading_key: str = ""
    final_label: str | None = None
    inferred: bool = False
    node: Paragraph | None = None
    restart: bool = False  # a top paragraph whose '1.' restarts the numbering under the heading just opened
    resume: bool = False  # a top paragraph that carries on the numbering from before a restart
    scope: Unit | None = None  # the heading a numbering that restarts in each section counts under


@dataclass
class StackedLabel:
    """A label printed on its own line, waiting for its text."""

    label: Label
    line: int
    series: str
    container: Unit | None = None
    restart: bool = False
    resume: bool = False
    scope: Unit | None = None


Event = Unit | StackedLabel


@dataclass
class NumberedList:
    """A list numbered 1., 2., … inside a paragraph (after its ':'), not the draft's own numbering."""

    parent: Unit | None
    next: int


@dataclass
class Reading:
    """Where the reader stands: the part of the draft, the open headings, the unit being read, the labels so far."""

    mode: str  # resolution (it has PP labels) or report
    part: str  # preamble, operative, annex or report
    short: float  # a last line this short ends its paragraph
    full: float  # a bullet's last line shorter than this ends the bullet
    events: list[Event] = field(default_factory=list)  # units and stacked labels, in reading order
    last: dict[str, int] = field(default_factory=dict)  # series → the highest number read
    used: dict[str, set[tuple[int, str]]] = field(default_factory=dict)  # series → (number, suffix) read
    section: Unit | None = None
    subsection: Unit | None = None
    annex: Unit | None = None
    current: Unit | None = None  # the unit the next line may carry on
    top: Unit | None = None  # the paragraph sub-paragraphs and items attach to
    sub_next: str | None = None  # the sub-paragraph letter due next
    numlist: NumberedList | None = None
    outer: dict[str, tuple[set[tuple[int, str]], int]] = field(default_factory=dict)  # numbering before a restart
    restarted_under: dict[str, Unit] = field(default_factory=dict)  # series → the heading its numbering restarted under
    pending_rec: Label | None = None  # 'Recommendation N' read, its text not yet
    pending_markers: list[Marker] = field(default_factory=list)  # for the next paragraph
    printed_section: int = 0  # the number of the last section heading printed with its numeral (II.), 0 in an annex
    titles: dict[int, tuple[int, int]] = field(default_factory=dict)  # unnumbered titles (recognise.title_lines)
    listing: set[int] = field(default_factory=set)  # sentences whose '1.' opens a list (recognise.listing_sentences)
    first_number: int | None = None  # the number the paragraphs open at when not 1 (lines.opening_number)

    def number_series(self) -> str:
        """The series a plain number ('12.') counts in here: report, annex or operative paragraphs."""
        if self.mode == "report":
            return "report"
        if self.part == "annex":
            return "annex"
        return "op"

    def container(self) -> Unit | None:
        """The heading or annex a new paragraph belongs to."""
        return self.subsection or self.section or self.annex

    def reset_lists(self) -> None:
        """No paragraph to attach sub-paragraphs or items to any more: a new paragraph or heading began."""
        self.top = None
        self.sub_next = None
        self.numlist = None
