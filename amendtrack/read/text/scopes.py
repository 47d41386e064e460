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

    A restart's paragraphs count under the heading it restarted under (the outermost one opened just
    before it), until the next restart or until the numbering from before it carries on (then they are
    plain again); a paragraph that strays out of that heading is plain. When a later restart comes
    under a subsection of that heading, the numbering restarts in each subsection and its paragraphs
    count under theirs. The paragraphs before the first restart count under their heading when they
    all sit under one (a decision's section I) and their numbering never carries on after a restart.
    """
    by_series: dict[str, list[StackedLabel | Unit]] = {}
    for event in events:
        if _numbered(event):
            by_series.setdefault(event.series or "", []).append(event)
    for entries in by_series.values():
        if any(entry.restart for entry in entries):
            _scope(entries)


def _scope(entries: list[StackedLabel | Unit]) -> None:
    segments: list[list[StackedLabel | Unit]] = [[]]
    for entry in entries:
        if entry.restart or entry.resume:
            segments.append([])
        segments[-1].append(entry)
    restarted = [segment for segment in segments if segment and segment[0].restart]
    heads = [segment[0].scope for segment in restarted if segment[0].scope is not None]
    for segment in restarted:
        head = segment[0].scope
        assert head is not None  # a restart's heading
        _scope_segment(segment, head, heads)
    level = min((h.heading_level for h in heads), default=1)
    homes = {id(home): home for home in (_heading_at(entry.container, level) for entry in segments[0])}
    home = next(iter(homes.values())) if len(homes) == 1 else None
    if home is not None and not any(entry.resume for entry in entries):
        _scope_segment(segments[0], home, heads)


def _scope_segment(segment: list[StackedLabel | Unit], head: Unit, heads: list[Unit]) -> None:
    """The segment's paragraphs under `head`, or under their subsections when numbering restarts there too
    ('I. Mitigation', 'A. Purpose' 1., 2., 'B. Mitigation' 1., …: I.A.1, I.A.2, I.B.1), or, in a section of
    one subsection, when it restarts in the subsections of other sections ('IV. Institutions', 'A. …' 1.:
    IV.A.1)."""
    deeper = [h.heading_level for h in heads if h is not head and _within(h, head)]
    deeper = deeper or [h.heading_level for h in heads if h.heading_level > head.heading_level]  # as elsewhere
    level = min(deeper, default=head.heading_level)
    for entry in segment:
        inner = _heading_at(entry.container, level)
        entry.scope = inner if inner is not None and _within(inner, head) else None


def _within(unit: Unit | None, heading: Unit) -> bool:
    """Whether a heading (or paragraph container) is `heading` or inside it."""
    while unit is not None and unit is not heading:
        unit = unit.container
    return unit is not None


def _numbered(event: Event) -> bool:
    return isinstance(event, StackedLabel) or event.role == "top"


def _heading_at(container: Unit | None, level: int) -> Unit | None:
    """The heading of `level` (or above) that holds a container, if any."""
    while container is not None and not (container.role == "heading" and container.heading_level <= level):
        container = container.container
    return container
