"""The redline: the later draft as Word with every change against the earlier one as a tracked change.

Accepting every change gives the later draft and rejecting every change gives the earlier one;
paragraphs that left their place in either draft's order are tracked as moves, and renumbering,
moves, merges and splits are named in comments.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from amendtrack.compare.align import Link
from amendtrack.compare.comparison import Comparison, Row
from amendtrack.compare.redline import BOUNDARY, DELETE, EQUAL, INSERT
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.render.docx.moves import plain_mark, shown_at_row, staying_in_place
from amendtrack.render.docx.paragraphs import MOVE_FROM, MOVE_TO, Para, RangeMark, Run, annotate, title_block
from amendtrack.render.docx.printed import date_words, indent_level, printed_label
from amendtrack.render.docx.wordml import DEFAULT_AUTHOR
from amendtrack.render.docx.writer import Writer


def redline_docx(
    comparison: Comparison,
    author: str = DEFAULT_AUTHOR,
    date: str | None = None,
    title: str = "",
    *,
    old: Draft | None = None,
    new: Draft | None = None,
    misread: Mapping[str, str] | None = None,
) -> bytes:
    """The later draft as Word with every change against the earlier one as a tracked change.

    Accepting every change gives the later draft, rejecting every change gives the earlier one
    (paragraph labels aside: the labels are the later draft's). With both drafts given, paragraphs
    that left their place in the order (moves, parts of merges) are tracked as moves and
    placeholders such as '43. [Merged with paragraph 42]' appear where the later draft has them;
    without them the rows keep the comparison's order. Renumbering, moves, merges and splits are
    named in comments by "amendtrack". What the scan probably misread (`misread`, model.misread) is
    underlined wavy.
    """
    writer = Writer(author, date, misread or {})
    builder = _RedlineBuilder(comparison, writer, old, new)
    when = date_words(date)
    head = title_block(
        [
            ("Title", title),
            (
                "Subtitle",
                f"{comparison.new_label}"
                + (f" ({when})" if when not in comparison.new_label else "")
                + f", compared with {comparison.old_label}",
            ),
            (
                "Subtitle",
                f"Changes are tracked: accept them all for the {comparison.new_label}, reject them all for the "
                f"{comparison.old_label}. Renumbering, moves and merges are named in comments.",
            ),
        ]
    )
    paras = head + builder.paragraphs()
    if paras and paras[-1].mark != EQUAL:
        paras.append(Para())  # Word keeps the last paragraph mark of a document: leave it plain
    footer = f"{comparison.new_label} compared with {comparison.old_label}"
    body = [writer.paragraph(para) for para in paras]
    return writer.package(body, title or footer, footer, landscape=False, track=True)


class _RedlineBuilder:
    """Rows → paragraphs with tracked changes; paragraphs out of either draft's order become tracked moves.

    A row stands where the later draft has it. An old paragraph that does not stand in the earlier
    draft's order there ("moved" away: the heaviest increasing run of positions stays) keeps its
    words at its old place as a moveFrom paragraph, and its kept words at the row become moveTo;
    likewise a new paragraph out of the later draft's order (a part of a split that went
    elsewhere) stands at its new place as a moveTo paragraph, its words at the row as moveFrom.
    """

    def __init__(self, comparison: Comparison, writer: Writer, old: Draft | None, new: Draft | None) -> None:
        self.comparison, self.writer = comparison, writer
        self.old, self.new = old, new
        self.old_at: dict[int, int] = {}
        self.new_at: dict[int, int] = {}
        if old is not None:
            self.old_at = {id(node): k for k, (node, _) in enumerate(old.walk())}
        if new is not None:
            self.new_at = {id(node): k for k, (node, _) in enumerate(new.walk())}
        for row in comparison.rows:  # without the drafts: the comparison's order, where nothing moves
            for node in row.link.sources:
                self.old_at.setdefault(id(node), len(self.old_at))
            for node in [*row.link.targets, *row.link.placeholders]:
                self.new_at.setdefault(id(node), len(self.new_at))
        self.moved_old = self._out_of_order(lambda link: link.sources, self.old_at)
        self.moved_new = self._out_of_order(lambda link: link.targets, self.new_at)
        self.ranges: dict[str, tuple[int, int]] = {}  # move name → (moveFrom range id, moveTo range id)

    def _out_of_order(self, side: Callable[[Link], list[Paragraph]], at: dict[int, int]) -> set[int]:
        """Positions of one draft's paragraphs that the rows do not keep in that draft's order."""
        sequence, weights = [], []
        for row in self.comparison.rows:
            for node in side(row.link):
                sequence.append(at[id(node)])
                weights.append(1 if row.link.relation == "moved" else 3)  # the aligner's moves move first
        kept = staying_in_place(sequence, weights)
        return {value for k, value in enumerate(sequence) if k not in kept}

    def paragraphs(self) -> list[Para]:
        """The rows' paragraphs in the later draft's order, each paragraph standing apart put at its own place."""
        main: list[Para] = []
        away: dict[int, tuple[Paragraph, Row]] = {}  # old position → old paragraph moved from elsewhere
        come: dict[int, tuple[Paragraph, Row | None]] = {}  # new position → new paragraph standing elsewhere
        for row in self.comparison.rows:
            paras = self._row(row)
            self._comment(row, paras)
            main.extend(paras)
            for node in row.link.sources:
                if self.old_at[id(node)] in self.moved_old:
                    away[self.old_at[id(node)]] = (node, row)
            for node in row.link.targets:
                if self.new_at[id(node)] in self.moved_new:
                    come[self.new_at[id(node)]] = (node, row)
            for node in row.link.placeholders:
                come[self.new_at[id(node)]] = (node, None)
        linked_old = {id(node) for row in self.comparison.rows for node in row.link.sources}
        linked_new = {id(node) for row in self.comparison.rows for node in [*row.link.targets, *row.link.placeholders]}
        unlinked_old = [(node, k) for node, k in self._nodes(self.old) if id(node) not in linked_old]
        for node, position in unlinked_old:  # in no link (the aligner should not leave any): deleted where it was
            para = self._placeholder(node, DELETE)
            para.old = position
            _insert_by(main, para, "old", position)
        for node, position in self._nodes(self.new):
            if id(node) not in linked_new:  # … and inserted where it is
                come[position] = (node, None)
        for position in sorted(away):
            node, row = away[position]
            _insert_by(main, self._standing_apart(node, row, position, old_side=True), "old", position)
        for position in sorted(come):
            node, maybe_row = come[position]
            para = (
                self._standing_apart(node, maybe_row, position, old_side=False)
                if maybe_row
                else self._placeholder(node)
            )
            para.new = position
            _insert_by(main, para, "new", position)
        return main

    def _row(self, row: Row) -> list[Para]:
        """The row's paragraphs: one per paragraph mark, labels at the start of each paragraph of either side."""
        olds = [self.old_at[id(node)] for node in row.link.sources]
        news = [self.new_at[id(node)] for node in row.link.targets]
        split = _RowParagraphs(row, olds, news, self.moved_old, self.moved_new)
        split.label_starting_paragraphs(bool(row.link.sources), bool(row.link.targets))
        for change in row.changes:
            for piece in re.split(f"({re.escape(BOUNDARY)})", change.text):
                if piece == BOUNDARY:
                    split.pass_paragraph_mark(change.op)
                elif piece:
                    split.add_words(change.op, piece)
        paras = split.finish()
        self._move_ranges(paras)
        return paras

    def _move_ranges(self, paras: list[Para]) -> None:
        """Wrap the moved words of each paragraph that moved in a named move range."""
        first: dict[str, tuple[Para, int]] = {}
        last: dict[str, tuple[Para, int]] = {}
        for para in paras:
            for k, item in enumerate(para.items):
                if isinstance(item, Run) and item.move:
                    first.setdefault(item.move, (para, k))
                    last[item.move] = (para, k)
        for name in sorted(first, key=lambda n: first[n][1], reverse=True):  # from the end: indices stay valid
            from_id, to_id = self.writer.new_id(), self.writer.new_id()
            self.ranges[name] = (from_id, to_id)
            kind, number = ("moveTo", to_id) if name.startswith("old") else ("moveFrom", from_id)
            end_para, end_k = last[name]
            end_para.items.insert(end_k + 1, RangeMark(f"{kind}RangeEnd", number))
            start_para, start_k = first[name]
            start_para.items.insert(start_k, RangeMark(f"{kind}RangeStart", number, name))

    def _comment(self, row: Row, paras: list[Para]) -> None:
        """Name renumbering, moves, merges and splits (and conflicts) in a comment over the row."""
        link = row.link
        relabelled = bool(link.sources and link.targets) and row.old_labels != row.new_labels
        named = link.relation in ("moved", "merged", "split", "renumbered") or relabelled or link.conflict
        if not paras or not named:
            return
        text = [f"{', '.join(row.old_labels)} → {', '.join(row.new_labels)}: {row.description}"]
        if link.conflict:
            text.append(f"Conflict: {link.conflict}")
        annotate(paras[0], paras[-1], self.writer.comment(text, DEFAULT_AUTHOR))

    def _standing_apart(self, node: Paragraph, row: Row, position: int, old_side: bool) -> Para:
        """A paragraph standing apart from its row: an old one at its old place, a new one at its new place."""
        name = f"{'old' if old_side else 'new'}{position}"
        moved = name in self.ranges
        op = (MOVE_FROM if old_side else MOVE_TO) if moved else (DELETE if old_side else INSERT)
        # the paragraph mark itself is deleted (inserted): LibreOffice drops a moveFrom on a mark, and a
        # deleted mark just before it then joins the wrong paragraphs; Word accepts and rejects both alike
        mark = DELETE if old_side else INSERT
        para = Para(mark=mark, depth=indent_level(node), style="Heading1" if node.kind == "heading" else None)
        para.old = position if old_side else None
        label = printed_label(node)
        para.labelled = bool(label)
        if moved:
            kind, number = ("moveFrom", self.ranges[name][0]) if old_side else ("moveTo", self.ranges[name][1])
            para.add(RangeMark(f"{kind}RangeStart", number, name))
        if label:
            para.add(Run(op, label, label=True))
        para.add(Run(op, node.text))
        if moved:
            para.add(RangeMark(f"{kind}RangeEnd", number))
        other = ", ".join(row.new_labels if old_side else row.old_labels) or "-"
        text = (
            f"{node.label} moved from here into {other}: {row.description}"
            if old_side
            else f"{node.label} comes from {other}: {row.description}"
        )
        annotate(para, para, self.writer.comment([text], DEFAULT_AUTHOR))
        return para

    @staticmethod
    def _nodes(draft: Draft | None) -> list[tuple[Paragraph, int]]:
        """A draft's paragraphs with their positions in document order (none without the draft)."""
        return [(node, k) for k, (node, _) in enumerate(draft.walk())] if draft is not None else []

    def _placeholder(self, node: Paragraph, op: str = INSERT) -> Para:
        """A paragraph of one draft only, whole: '43. [Merged with paragraph 42]' as the later draft prints it."""
        para = Para(mark=op, depth=indent_level(node), style="Heading1" if node.kind == "heading" else None)
        label = printed_label(node)
        para.labelled = bool(label)
        if label:
            para.add(Run(op, label, label=True))
        para.add(Run(op, node.text or " ".join(marker.text for marker in node.markers)))
        return para


class _RowParagraphs:
    """One comparison row split into paragraphs at its paragraph marks, a label where each paragraph starts.

    `i` and `j` count the row's old and new paragraphs already passed. When the one at `i` (or `j`)
    stands apart from the row, its words show here as moved, or not at all (`shown_at_row`).
    """

    def __init__(self, row: Row, olds: list[int], news: list[int], moved_old: set[int], moved_new: set[int]) -> None:
        self.sources, self.targets = row.link.sources, row.link.targets
        self.olds, self.news = olds, news  # the row's paragraphs' positions in either draft
        self.moved_old, self.moved_new = moved_old, moved_new
        self.style = "Heading1" if row.heading else None
        self.depth, self.heading = row.depth, row.heading
        self.i = self.j = 0
        self.done: list[Para] = []
        self.current = self._next_paragraph()

    def _next_paragraph(self) -> Para:
        return Para(style=self.style, depth=self.depth, keep_next=self.heading)

    def _old_moved_away(self) -> bool:
        """Whether the current old paragraph stands at its old place, apart from this row."""
        return self.i < len(self.olds) and self.olds[self.i] in self.moved_old

    def _new_elsewhere(self) -> bool:
        """Whether the current new paragraph stands at its new place, apart from this row."""
        return self.j < len(self.news) and self.news[self.j] in self.moved_new

    def _shown(self, op: str) -> str:
        return shown_at_row(op, self._old_moved_away(), self._new_elsewhere())

    def label_starting_paragraphs(self, source: bool, target: bool) -> None:
        """Put the label of the paragraph(s) starting here: kept, inserted or deleted."""
        has_source = source and self.i < len(self.sources) and not self._old_moved_away()
        has_target = target and self.j < len(self.targets) and not self._new_elsewhere()
        if has_target:
            text, op = printed_label(self.targets[self.j]), EQUAL if has_source else INSERT
        elif has_source:
            text, op = printed_label(self.sources[self.i]), DELETE
        else:
            return
        self._note_start(has_source, has_target)
        if text:
            self.current.labelled = self.current.labelled or not self.current.has_text()
            self.current.add(Run(op, text, label=True))

    def _note_start(self, has_source: bool, has_target: bool) -> None:
        """Record which old and new paragraphs the current paragraph starts (where others are put before it)."""
        if has_source and self.current.old is None:
            self.current.old = self.olds[self.i]
        if has_target and self.current.new is None:
            self.current.new = self.news[self.j]

    def add_words(self, op: str, words: str) -> None:
        """Words of a change as they show at the row; moved words name their move."""
        shown = self._shown(op)
        if not shown:
            return
        move = None
        if shown == MOVE_TO:
            move = f"old{self.olds[self.i]}"
        elif shown == MOVE_FROM:
            move = f"new{self.news[self.j]}"
        self.current.add(Run(shown, words, move=move))

    def pass_paragraph_mark(self, op: str) -> None:
        """A paragraph mark of a change: it ends the current paragraph (when it shows here), the next one starts."""
        mark = self._shown(op)
        self.i, self.j = self.i + (op != INSERT), self.j + (op != DELETE)
        if mark:
            self._end_paragraph(mark)
            self.current = self._next_paragraph()
        self.label_starting_paragraphs(op != INSERT, op != DELETE)

    def _end_paragraph(self, mark: str) -> None:
        self.current.mark = plain_mark(mark)
        self.done.append(self.current)

    def finish(self) -> list[Para]:
        """The row's paragraphs, the last one ended by the mark of the row's last paragraph."""
        final = EQUAL if self.sources and self.targets else DELETE if self.sources else INSERT
        mark = self._shown(final)
        if mark:
            self._end_paragraph(mark)
        elif self.current.has_text():  # cannot happen: a paragraph mark goes wherever words do
            self._end_paragraph(DELETE)
        return self.done


def _insert_by(paras: list[Para], extra: Para, side: str, position: int) -> None:
    """Put a paragraph before the first one that starts a later paragraph of the same draft."""
    for k, para in enumerate(paras):
        at = getattr(para, side)
        if at is not None and at > position:
            paras.insert(k, extra)
            return
    paras.append(extra)
