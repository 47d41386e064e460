"""The document model the writer turns into Word: paragraphs of runs and markers, each run plain or a tracked change.

Redlines, applied proposals and compilation tables are built as these plain objects first, so
that moves and comments can be placed before any id is numbered; `writer.Writer` writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtrack.compare.redline import EQUAL

MOVE_FROM, MOVE_TO = "moveFrom", "moveTo"  # the two halves of a tracked move, beside EQUAL / DELETE / INSERT


@dataclass
class Look:
    """Direct character formatting (compilation tables); tracked changes carry none of their own."""

    bold: bool = False
    italic: bool = False
    size: int | None = None  # half-points
    color: str | None = None
    strike: bool = False
    underline: bool = False
    shade: str | None = None  # a fill behind the words (hex RGB): text still in square brackets
    misread: bool = False  # a character or word the scan probably misread: underlined wavy


@dataclass
class Run:
    """Words of one kind: plain (EQUAL) or one kind of tracked change."""

    op: str  # EQUAL (plain text) or the kind of tracked change
    text: str
    label: bool = False  # a paragraph label: written with the Label style and followed by a tab
    look: Look | None = None
    move: str | None = None  # redline: the move these words belong to


@dataclass
class RangeMark:
    """A point in a paragraph where a comment or a move range starts or ends."""

    kind: str  # commentRangeStart, commentRangeEnd, commentReference, move(From|To)Range(Start|End)
    id: int
    name: str = ""  # the move a move range belongs to


@dataclass
class Para:
    """A Word paragraph: its runs and markers, its paragraph mark (plain or tracked) and its layout."""

    items: list[Run | RangeMark] = field(default_factory=list)
    mark: str = EQUAL  # the paragraph mark: plain, or deleted / inserted / moved
    style: str | None = None
    depth: int = 0
    labelled: bool = False
    keep_next: bool = False
    align: str | None = None
    after: int | None = None  # spacing after, in twentieths of a point
    old: int | None = None  # redline: the old paragraph that starts here (what rejecting leaves)
    new: int | None = None  # redline: the new paragraph that starts here (what accepting leaves)

    def add(self, item: Run | RangeMark) -> None:
        self.items.append(item)

    def has_text(self) -> bool:
        return any(isinstance(item, Run) and item.text for item in self.items)


def annotate(first: Para, last: Para, number: int) -> None:
    """Anchor comment `number` from the start of `first` to the end of `last`."""
    first.items.insert(0, RangeMark("commentRangeStart", number))
    last.add(RangeMark("commentRangeEnd", number))
    last.add(RangeMark("commentReference", number))


def title_block(lines: list[tuple[str, str]]) -> list[Para]:
    """Title and subtitle paragraphs (the reader and the tests skip these styles)."""
    return [Para([Run(EQUAL, text)], style=style) for style, text in lines if text]
