"""Numbering that restarts in each section: the heading each paragraph number counts under.

A decision in sections may number its paragraphs afresh in each ('I. General' 1., 2.; 'II. Finance'
1., 2., …). The cutting notices the restart (`recognise.restarts_in_section`); here every paragraph
of a series that restarts is given the heading it counts under, so that its label says it ('II.1')
and lost labels are inferred within that section only.
"""

from __future__ import annotations

from amendtrack.read.text.units import Event, StackedLabel, Unit


def scope_restarted_numbering(events: list[Event]) -> None:
    """Give each paragraph (and stacked label) of a numbering that restarted the heading it counts under.

    A restart's paragraphs count under the heading it restarted under, until the next restart or until
    the numbering from before it carries on (then they are plain again). The paragraphs before the first
    restart count under their heading when they all sit under one (a decision's section I); numbered on
    through several headings they keep plain labels.
    """
    by_series: dict[str, list[StackedLabel | Unit]] = {}
    for event in events:
        if _numbered(event):
            by_series.setdefault(event.series or "", []).append(event)
    for entries in by_series.values():
        first = next((e for e in entries if e.restart), None)
        if first is not None and first.scope is not None:
            _scope(entries, first.scope.heading_level)


def _scope(entries: list[StackedLabel | Unit], level: int) -> None:
    scope: Unit | None = None
    before: list[StackedLabel | Unit] = []
    started = False
    for entry in entries:
        if entry.restart:
            scope, started = entry.scope, True
        elif entry.resume:
            scope = None
        if not started:
            before.append(entry)
        else:
            entry.scope = scope
    homes = {id(_heading_at(entry.container, level)): _heading_at(entry.container, level) for entry in before}
    if len(homes) == 1:
        home = next(iter(homes.values()))
        for entry in before:
            entry.scope = home


def _numbered(event: Event) -> bool:
    return isinstance(event, StackedLabel) or event.role == "top"


def _heading_at(container: Unit | None, level: int) -> Unit | None:
    """The heading of `level` (or above) that holds a container, if any."""
    while container is not None and not (container.role == "heading" and container.heading_level <= level):
        container = container.container
    return container
