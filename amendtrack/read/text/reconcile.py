"""Reconcile the labels OCR lost or set apart from their text.

Labels stacked away from their paragraphs ('17.' '18.' … then the texts) are matched to the
unlabelled paragraphs that follow them; a paragraph whose label was lost gets the number its
place implies, flagged as inferred, or, when no number is free there, no label at all (it is
then named after the paragraph it follows).
"""

from __future__ import annotations

from amendtrack.read.text.labels import Label
from amendtrack.read.text.units import Event, StackedLabel, Unit

_NUMBERED = ("pp", "op", "annex", "report")  # the series whose numbers a reader can infer


def reconcile_lost_labels(events: list[Event]) -> None:
    """Give each unlabelled paragraph of a numbered series its stacked label or an inferred one."""
    for series in _NUMBERED:
        scopes: dict[int, list[Event]] = {}  # one numbering per section where it restarts in each
        for e in events:
            if (isinstance(e, StackedLabel) and e.series == series) or (
                isinstance(e, Unit) and e.role == "top" and e.series == series
            ):
                scopes.setdefault(id(e.scope), []).append(e)
        for entries in scopes.values():
            _reconcile_series(series, entries)


def _reconcile_series(series: str, entries: list[Event]) -> None:
    """Each stretch between two labelled paragraphs is filled on its own."""
    used = {(e.label.number, e.label.suffix) for e in entries if e.label is not None}
    anchor: Label | None = None
    interval: list[Event] = []
    for entry in [*entries, None]:
        if entry is None or (isinstance(entry, Unit) and entry.label is not None):
            following = entry.label if entry is not None else None
            _fill(series, anchor, following, interval, used)
            anchor, interval = following, []
        else:
            interval.append(entry)


def _fill(
    series: str, before: Label | None, after: Label | None, interval: list[Event], used: set[tuple[int, str]]
) -> None:
    """Label the unlabelled paragraphs between `before` and `after` from the stacked labels and the gap."""
    stacks = [e.label for e in interval if isinstance(e, StackedLabel)]
    units = [e for e in interval if isinstance(e, Unit)]
    if not units:
        return
    if len(stacks) == len(units):
        for unit, label in zip(units, stacks, strict=True):
            unit.label = label
        return
    if not _fill_the_gap(series, before, after, stacks, units):
        _fill_one_by_one(series, before, after, stacks, units, used)


def _fill_the_gap(
    series: str, before: Label | None, after: Label | None, stacks: list[Label], units: list[Unit]
) -> bool:
    """When the numbers missing between `before` and `after` are as many as the paragraphs: one each."""
    low = before.number + 1 if before else 1
    high = after.number - 1 if after and (not before or after.number > before.number) else None
    expected = list(range(low, high + 1)) if high is not None else []
    if len(expected) != len(units) or not all((s.number, s.suffix) in {(n, "") for n in expected} for s in stacks):
        return False
    printed = {s.number: s for s in stacks}
    for unit, n in zip(units, expected, strict=True):
        if n in printed:
            unit.label = printed[n]
        else:
            unit.label = Label("pp" if series == "pp" else "num", n)
            unit.inferred = True
    return True


def _fill_one_by_one(
    series: str,
    before: Label | None,
    after: Label | None,
    stacks: list[Label],
    units: list[Unit],
    used: set[tuple[int, str]],
) -> None:
    """The stacked labels in order, then the next free number; a paragraph with none is named after its neighbour."""
    queue = list(stacks)
    previous = before
    for unit in units:
        if queue:
            unit.label = queue.pop(0)
        else:
            candidate = (previous.number + 1 if previous else 1, "")
            unit.inferred = True
            if candidate not in used and (after is None or candidate[0] < after.number):
                unit.label = Label("pp" if series == "pp" else "num", candidate[0])
            else:
                unit.final_label = "after"
                unit.label = None
        if unit.label is not None:
            used.add((unit.label.number, unit.label.suffix))
            previous = unit.label
