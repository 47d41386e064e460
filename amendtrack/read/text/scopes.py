"""Numbering that restarts in each section: the heading each paragraph number counts under.

A decision in sections may number its paragraphs afresh in each ('I. General' 1., 2.; 'II. Finance'
1., 2., …). The cutting notices the restart (`recognise.restarts_in_section`); here every paragraph
of a series that restarts is given the heading it counts under, so that its label says it ('II.1')
and lost labels are inferred within that section only.
"""

from __future__ import annotations

from amendtrack.read.text.units import Event, StackedLabel, Unit


def scope_restarted_numbering(events: list[Event], level: int) -> None:
    """Give each paragraph (and stacked label) of a restarting series the heading of `level` it sits under."""
    if not level:
        return
    restarting = {e.series for e in events if isinstance(e, Unit | StackedLabel) and e.restart}
    for event in events:
        if _numbered(event) and event.series in restarting:
            event.scope = _heading_at(event.container, level)


def _numbered(event: Event) -> bool:
    return isinstance(event, StackedLabel) or event.role == "top"


def _heading_at(container: Unit | None, level: int) -> Unit | None:
    """The heading of `level` (or above) that holds a container, if any."""
    while container is not None and not (container.role == "heading" and container.heading_level <= level):
        container = container.container
    return container
