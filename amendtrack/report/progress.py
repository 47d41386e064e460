"""The state of a negotiation's open points: what is open in each draft, and how it was settled.

Built from the drafts in order and the lineage between consecutive ones (compare.openpoints). Every
open point gets a persistent id where it first appears (`<draft key>:<eId>#<n>`), carried on while it
stays open (kept or changed), so the life of one bracket or option group can be followed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from amendtrack.compare.align import Alignment
from amendtrack.compare.openpoints import KINDS, Event, OpenPoint, counts, lifecycle, open_points
from amendtrack.model.tree import Draft


@dataclass
class DraftStep:
    """One draft of the chain, and the lineage to the next (None for the last)."""

    key: str
    label: str
    draft: Draft
    to_next: Alignment | None = None


@dataclass
class Progress:
    """Open points per draft and their events between drafts, with persistent ids."""

    negotiation: str
    title: str
    drafts: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    points: dict[str, list[tuple[str, OpenPoint]]] = field(default_factory=dict)  # draft key → (id, point)
    events: list[tuple[str, str, str, Event]] = field(default_factory=list)  # (from key, to key, id, event)

    def to_dict(self) -> dict[str, Any]:
        return {"negotiation": self.negotiation, "drafts": self.drafts, "pairs": self.pairs}


def progress(negotiation: str, title: str, chain: list[DraftStep]) -> Progress:
    """Counts per draft and, between consecutive drafts, how many open points were introduced, kept,
    changed and resolved (and how)."""
    found = Progress(negotiation, title)
    ids: dict[int, str] = {}
    points_of = [open_points(step.draft) for step in chain]
    for k, step in enumerate(chain):
        points = points_of[k]
        for n, point in enumerate(points):
            ids.setdefault(id(point), f"{step.key}:{point.node.eid}#{n + 1}")
        found.drafts.append({"draft": step.key, "label": step.label, **counts(step.draft)})
        if k + 1 < len(chain) and step.to_next is not None:
            later = chain[k + 1]
            events = lifecycle(step.draft, later.draft, step.to_next, points, points_of[k + 1])
            for event in events:
                if event.before is not None and event.after is not None:
                    ids[id(event.after)] = ids[id(event.before)]  # the same point, still open: same id
            found.pairs.append(_pair(step, later, events))
            found.events.extend(
                (step.key, later.key, ids.get(id(e.before or e.after), ""), e) for e in events if e.before or e.after
            )
        found.points[step.key] = [(ids.get(id(p), ""), p) for p in points]
    _fix_ids(found, ids)
    return found


def _pair(step: DraftStep, later: DraftStep, events: list[Event]) -> dict[str, Any]:
    tally = Counter(event.kind for event in events)
    return {
        "from": step.key,
        "to": later.key,
        "events": {kind: tally.get(kind, 0) for kind in KINDS},
        "resolved": sum(n for kind, n in tally.items() if kind.startswith(("resolved", "option"))),
    }


def _fix_ids(found: Progress, ids: dict[int, str]) -> None:
    """Points of later drafts listed before their ids were carried: read them again."""
    for key, points in found.points.items():
        found.points[key] = [(ids.get(id(point), pid), point) for pid, point in points]
    found.events = [
        (a, b, ids.get(id(e.before), pid) if e.before is not None else ids.get(id(e.after), pid), e)
        for a, b, pid, e in found.events
    ]


def open_in(found: Progress, draft_key: str) -> list[dict[str, Any]]:
    """Every open point of one draft, by paragraph, with its id and alternatives: `amendtrack open --json`."""
    return [{"id": pid, **point.to_dict()} for pid, point in found.points.get(draft_key, [])]
