"""Tracked changes as proposals: one proposal per paragraph and author.

The steps: open the file as the draft it was made on, linked to the stored draft
(`marked_up.open_marked_up`); then for each author, compare the file with that author's view
(their changes accepted, everyone else's rejected) stretch by stretch, where both begin and end
alike, and judge each paragraph: edited, deleted, moved away, split, merged, or new; last, the
comments no change took become comment proposals.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.word.authors import Attribution, Authors
from amendtrack.read.word.document import WordDocument, has_mark, reject_all, visible
from amendtrack.read.word.marked_up import open_marked_up
from amendtrack.read.word.proposals import AuthorChanges, Found, Moved, comment_proposals
from amendtrack.read.word.views import ViewParagraph, view_paragraphs

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry


def read_docx_proposals(
    path: Path | str, base: Draft, registry: Registry, delegation: str | None = None, author_map: Authors | None = None
) -> list[Proposal]:
    """Proposals from the tracked changes (and comments) of a delegation's .docx on the draft `base`.

    One proposal per paragraph and author: its resulting text is the paragraph with that author's
    changes accepted and every other author's rejected. Authors become delegations through
    `author_map` (Word user name → delegation), else `delegation` for the whole file, else their
    name in the registry; an unknown author is an InputError naming it. Comments on the changed
    words (or by the same author on the paragraph) are the rationale; other comments are
    `comment` proposals. Each sponsor is a `WordSponsor` keeping the author and latest w:date.
    """
    return tracked_proposals(WordDocument(path), base, registry, delegation, author_map)


def tracked_proposals(
    doc: WordDocument, base: Draft, registry: Registry, delegation: str | None, author_map: Authors | None
) -> list[Proposal]:
    """The proposals of an opened document's tracked changes and comments (see read_docx_proposals)."""
    file = open_marked_up(doc, base, Attribution(registry, doc.source, delegation, author_map))
    found = Found()
    for order, author in enumerate(file.authors):
        _read_author(AuthorChanges(file, found, order, author))
    comment_proposals(file, found)
    return found.in_order()


def _read_author(changes: AuthorChanges) -> None:
    """One author's proposals, stretch by stretch; new paragraphs last, as they may be where a paragraph moved."""
    moves: list[Moved] = []
    news: list[ViewParagraph] = []
    for stretch in _stretches(changes):
        _read_stretch(changes, stretch, moves, news)
    for view in news:
        changes.new_paragraph(view, moves)
    for group, node in moves:  # moved away, and no destination found: the words were deleted
        changes.delete(node, group)


@dataclass
class _Stretch:
    """Paragraphs the file and the author's view both begin and end alike, and where the file's words went."""

    bases: list[tuple[int, ViewParagraph]]  # the file's paragraphs, numbered as in its tree
    views: list[ViewParagraph]  # the author's
    view_of: dict[int, int] = field(default_factory=dict)  # Word paragraph → the view paragraph holding it
    holds: dict[int, list[int]] = field(default_factory=dict)  # view index → paragraphs whose kept words it holds
    kept_in: dict[int, list[int]] = field(default_factory=dict)  # paragraph number → views holding its kept words
    consumed: set[int] = field(default_factory=set)  # view paragraphs a proposal has taken


def _stretches(changes: AuthorChanges) -> Iterator[_Stretch]:
    """The stretches between paragraph marks both views keep, where the author changed something."""
    file, author = changes.file, changes.author
    mine = view_paragraphs(file.doc, changes.accept)
    common = {g.mark for g in file.groups} & {g.mark for g in mine}
    start = 0
    base_k = mine_k = 0
    for end in sorted(common):
        bases: list[tuple[int, ViewParagraph]] = []
        while base_k < len(file.groups) and file.groups[base_k].mark <= end:
            bases.append((base_k + 1, file.groups[base_k]))
            base_k += 1
        views: list[ViewParagraph] = []
        while mine_k < len(mine) and mine[mine_k].mark <= end:
            views.append(mine[mine_k])
            mine_k += 1
        touched = any(rev.author == author for i in range(start, end + 1) for rev in file.doc.paras[i].revisions())
        start = end + 1
        if touched:
            yield _where_words_went(changes, bases, views)


def _where_words_went(
    changes: AuthorChanges, bases: list[tuple[int, ViewParagraph]], views: list[ViewParagraph]
) -> _Stretch:
    """For each of the file's paragraphs, the author's paragraphs that keep some of its words."""
    stretch = _Stretch(bases, views, {i: v for v, group in enumerate(views) for i in group.paras})
    for number, group in bases:
        if not group.text.strip():
            continue
        for i in group.paras:
            if not _keeps_words(changes, i):
                continue
            v = stretch.view_of[i]
            if number not in stretch.holds.setdefault(v, []):
                stretch.holds[v].append(number)
            if v not in stretch.kept_in.setdefault(number, []):
                stretch.kept_in[number].append(v)
    return stretch


def _keeps_words(changes: AuthorChanges, i: int) -> bool:
    """Whether the author's view keeps any words Word paragraph i had in the file's text."""
    segs = changes.file.doc.paras[i].segs
    return any(s.text.strip() and visible(s, reject_all) and visible(s, changes.accept) for s in segs)


def _read_stretch(changes: AuthorChanges, stretch: _Stretch, moves: list[Moved], news: list[ViewParagraph]) -> None:
    """Judge each of the file's paragraphs by where its words went; the author's paragraphs left over are new."""
    for number, group in stretch.bases:
        node = changes.file.node_at.get(number)
        if not group.text.strip() or node is None:
            continue
        places = stretch.kept_in.get(number, [])
        if not places:
            _kept_nowhere(changes, stretch, node, group, moves)
        elif len(places) > 1:
            parts = stretch.views[min(places) : max(places) + 1]
            stretch.consumed.update(range(min(places), max(places) + 1))
            changes.split(node, group, parts)
        else:
            _kept_in_one(changes, stretch, number, node, group, places[0])
    for v, view in enumerate(stretch.views):
        if v not in stretch.consumed and not stretch.holds.get(v) and view.text.strip():
            news.append(view)


def _kept_nowhere(
    changes: AuthorChanges, stretch: _Stretch, node: Paragraph, group: ViewParagraph, moves: list[Moved]
) -> None:
    """No word kept: redrafted (its mark kept, every word replaced), moved away, or deleted."""
    mark = stretch.view_of.get(group.mark)
    present = has_mark(changes.file.doc.paras[group.mark], changes.accept)
    if present and mark is not None and not stretch.holds.get(mark) and mark not in stretch.consumed:
        stretch.consumed.add(mark)  # every word replaced, the paragraph kept: a redraft
        changes.edit(node, group, stretch.views[mark])
    elif _moved_away(changes, group):
        moves.append((group, node))
    else:
        changes.delete(node, group)


def _kept_in_one(
    changes: AuthorChanges, stretch: _Stretch, number: int, node: Paragraph, group: ViewParagraph, v: int
) -> None:
    """Kept in one paragraph of the author's: edited, or merged with the others whose words it holds."""
    if v in stretch.consumed:
        return
    stretch.consumed.add(v)
    others = [n for n in stretch.holds.get(v, []) if n != number and n in changes.file.node_at]
    if others:
        changes.merge([number, *others], stretch.views[v])
    else:
        changes.edit(node, group, stretch.views[v])


def _moved_away(changes: AuthorChanges, group: ViewParagraph) -> bool:
    """Whether every word of the paragraph is in a move the author made away from it."""
    segs = [s for i in group.paras for s in changes.file.doc.paras[i].segs if s.text.strip() and s.ins is None]
    return bool(segs) and all(s.dele is not None and s.dele.moved and s.dele.author == changes.author for s in segs)
