"""Align two drafts paragraph by paragraph: which paragraph(s) of one became which of the next.

The result is lineage (see `amendtrack.compare.align.links`): every paragraph of both drafts appears
in exactly one link. `align` runs the steps a negotiator would take, in order; each step is a
function of its own module:

- index the paragraphs (`index`);
- decide what became of each top-level paragraph (`pairing`): honour the placeholders and the
  renumbering the later draft declares, link unchanged paragraphs, pair the rest best-first,
  fill gaps by position, find merges and splits;
- say it as links (`paragraphs`), naming moves; link headings (`headings`) and the
  sub-paragraphs inside their parents (`subparagraphs`), a merged paragraph into the sub-paragraph
  it became (`parts`), a sub-paragraph's options into what the sub-paragraph became
  (`suboptions`); put the links in reading order.
"""

from __future__ import annotations

from amendtrack.compare.align.headings import (
    attach_shells,
    link_headings,
    name_container_moves,
    settle_inferred_renumbering,
)
from amendtrack.compare.align.index import BLOCK_KINDS, composite_text, index_paragraphs, is_placeholder
from amendtrack.compare.align.links import RELATIONS, Alignment, Link, in_reading_order
from amendtrack.compare.align.pairing import (
    Decisions,
    fill_gaps_by_position,
    find_merges,
    find_splits,
    honour_placeholders,
    honour_renumbering,
    link_unchanged,
    merge_into_neighbours,
    merge_repeated,
    merge_restatements,
    merge_settled_options,
    pair_best_first,
)
from amendtrack.compare.align.paragraphs import link_paragraphs, name_moves
from amendtrack.compare.align.parts import follow_parts, rehome_orphans
from amendtrack.compare.align.suboptions import settle_sub_options
from amendtrack.compare.align.subparagraphs import link_sub_paragraphs
from amendtrack.model.tree import Draft

__all__ = ["BLOCK_KINDS", "RELATIONS", "Alignment", "Link", "align", "composite_text", "is_placeholder"]


def align(old: Draft, new: Draft) -> Alignment:
    """Lineage links between two drafts; every paragraph of both appears in exactly one link."""
    drafts = index_paragraphs(old, new)
    found = Decisions()
    honour_placeholders(drafts, found)
    honour_renumbering(drafts, found)
    found.settle_declarations()
    link_unchanged(drafts, found)
    merge_repeated(drafts, found)
    pair_best_first(drafts, found)
    fill_gaps_by_position(drafts, found)
    merge_settled_options(drafts, found)
    find_merges(drafts, found)
    merge_into_neighbours(drafts, found)
    merge_restatements(drafts, found)
    find_splits(drafts, found)
    moves = name_moves(found, drafts)
    links = link_paragraphs(drafts, found, moves)
    links.extend(link_sub_paragraphs(drafts, links))
    links = follow_parts(drafts, links)
    links.extend(link_headings(drafts, links))
    links = attach_shells(drafts, links)
    out_of_order = {id(drafts.old[i].node): (id(drafts.new[found.pairs[i]].node), way) for i, way in moves.items()}
    links = settle_sub_options(drafts, links, old, new, out_of_order)
    links = rehome_orphans(drafts, links, old, new)
    name_container_moves(old, new, links)
    settle_inferred_renumbering(drafts, links)
    return Alignment(in_reading_order(links, old, new), found.conflicts)
