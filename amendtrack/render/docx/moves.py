"""Moves in a redline: which paragraphs left their draft's order, and what their words become at the row.

A paragraph that moved stands at its own place in its draft as a whole tracked move; at the
comparison row that took it, its words show as moved here (moveTo) or moved away (moveFrom).
"""

from __future__ import annotations

from amendtrack.compare.redline import DELETE, EQUAL, INSERT
from amendtrack.render.docx.paragraphs import MOVE_FROM, MOVE_TO


def staying_in_place(sequence: list[int], weights: list[int]) -> set[int]:
    """Positions (into `sequence`) of the heaviest strictly increasing subsequence: what stays in place."""
    if not sequence:
        return set()
    ranks = {value: k + 1 for k, value in enumerate(sorted(set(sequence)))}
    size = len(ranks)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # Fenwick tree of (best total, position)

    def best_below(rank: int) -> tuple[int, int]:
        found = (0, -1)
        while rank > 0:
            found = max(found, tree[rank])
            rank -= rank & -rank
        return found

    totals, before = [], []
    for k, value in enumerate(sequence):
        total, previous = best_below(ranks[value] - 1)
        totals.append(total + weights[k])
        before.append(previous)
        rank = ranks[value]
        while rank <= size:
            tree[rank] = max(tree[rank], (totals[k], k))
            rank += rank & -rank
    k = max(range(len(sequence)), key=lambda i: (totals[i], -i))
    kept = set()
    while k >= 0:
        kept.add(k)
        k = before[k]
    return kept


def shown_at_row(op: str, away: bool, elsewhere: bool) -> str:
    """What becomes, at the row's place, of words (or a paragraph mark) whose paragraph stands apart.

    Old words of a paragraph moved away show at the row as moved here (moveTo) and new words of a
    paragraph standing elsewhere as moved away (moveFrom); words whose both ends stand apart, and
    deleted or inserted words of a paragraph standing apart, are not at the row at all ("").
    """
    if op == EQUAL:
        if away and elsewhere:
            return ""
        return MOVE_TO if away else MOVE_FROM if elsewhere else EQUAL
    if op == DELETE:
        return "" if away else DELETE
    return "" if elsewhere else INSERT


def plain_mark(op: str) -> str:
    """A paragraph mark moved here or away is written as inserted or deleted (no move range spans it)."""
    return {MOVE_TO: INSERT, MOVE_FROM: DELETE}.get(op, op)
