"""What a negotiation's dashboard draws: proposals per paragraph, dispositions per delegation, open points per draft."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from amendtrack.compare.openpoints import by_container, counts
from amendtrack.report.snapshot import STATUS_ORDER, Snapshot


@dataclass
class Charts:
    """What the dashboard draws: each series as (label, value) pairs, or stacked (label, {status: n})."""

    proposals_per_paragraph: list[tuple[str, int]]
    dispositions_per_delegation: list[tuple[str, dict[str, int]]]
    brackets_per_draft: list[tuple[str, int]]
    open_points_per_draft: list[tuple[str, dict[str, int]]]  # draft label → open points by kind (compare.openpoints)
    open_points_by_container: tuple[list[str], list[tuple[str, list[int]]]]  # drafts; container → count per draft


def charts(snap: Snapshot) -> Charts:
    """The dashboard's series of a loaded negotiation (paragraphs in the first draft's order, delegations by count)."""
    per_paragraph = Counter(p.paragraph or "?" for _, p, _ in snap.proposals)
    order = [n.label for key, _, _ in snap.drafts[:1] for n, _ in snap.tree(key).walk()]
    ranked = sorted(per_paragraph.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    by_delegation: dict[str, Counter[str]] = {}
    for pid, proposal, _ in snap.proposals:
        status = snap.overrides.get(pid, (None,))[0] or snap.verdicts[pid].status
        for name in proposal.delegations:
            by_delegation.setdefault(name, Counter())[status] += 1
    stacked = sorted(by_delegation.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    brackets = [(label, sum(1 for n, _ in snap.tree(key).walk() for b in n.brackets)) for key, label, _ in snap.drafts]
    return Charts(
        ranked,
        [(name, {s: counts.get(s, 0) for s in STATUS_ORDER}) for name, counts in stacked],
        brackets,
        [(label, counts(snap.tree(key))["open_by_kind"]) for key, label, _ in snap.drafts],
        _by_container(snap),
    )


def _by_container(snap: Snapshot) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """Open points per container and draft, containers in the order they first appear."""
    per_draft = [by_container(snap.tree(key)) for key, _, _ in snap.drafts]
    names = list(dict.fromkeys(name for found in per_draft for name in found))
    return [label for _, label, _ in snap.drafts], [
        (name, [found.get(name, 0) for found in per_draft]) for name in names
    ]
