"""A draft issued in parts (a report and its addenda: L.1, L.1/Add.1, L.1/Add.2) assembled into one draft.

Parts are not versions: Add.1 does not replace L.1, it continues it. Each part becomes a container
(kind `part`) holding its paragraphs in their own numbering, one after the other in the manifest's
order, so the whole is one tree that is aligned and redlined against other versions of the whole,
never part against part. A part's eIds are qualified by it (`part_l1add1__para_3`). Where the parts
number a kind of node alike (each addendum restarts its paragraphs at 1 and repeats heading II),
every node of that kind is cited with its part (`L.1/Add.1, 3`, `L.1, 3`), and so are the
sub-paragraphs of such a paragraph (`L.1, 31(1)`); a kind the parts number through (Recommendation
12 follows 11) keeps its printed labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from amendtrack.model.tree import Draft, Paragraph, is_heading, normalise_label
from amendtrack.read.structure.naming import unique_eid


@dataclass(frozen=True)
class Part:
    """One part of a draft as read: its short name (its symbol, 'L.1/Add.1', or its id) and its tree."""

    name: str
    draft: Draft


def assemble(parts: list[Part]) -> Draft:
    """One draft holding every part, in order, as a container of its own paragraphs (the parts are not changed)."""
    shared = _shared_kinds(parts)
    taken: set[str] = set()
    containers = []
    for part in parts:
        eid = unique_eid(f"part_{_slug(part.name)}", taken)
        children = [_qualified(node, part.name, eid, shared, False) for node in part.draft.paragraphs]
        containers.append(Paragraph(label=part.name, kind="part", text="", eid=eid, num=part.name, children=children))
    first = parts[0].draft
    return Draft(paragraphs=containers, preface=list(first.preface), source=first.source)


def _shared_kinds(parts: list[Part]) -> set[str]:
    """The kinds of node two parts give the same label (paragraph 3 in each, heading II in each)."""
    first_part: dict[str, int] = {}
    shared: set[str] = set()
    for number, part in enumerate(parts):
        for node, _ in part.draft.walk():
            label = f"{node.kind}:{normalise_label(node.label)}"
            if first_part.setdefault(label, number) != number:
                shared.add(node.kind)
    return shared


def _qualified(node: Paragraph, name: str, container: str, shared: set[str], inherited: bool) -> Paragraph:
    """A copy of `node` and its children inside its part: eIds qualified, labels cited with the part where
    its kind is numbered alike in two parts, or its paragraph's is (a heading passes nothing on)."""
    qualify = inherited or node.kind in shared
    label = f"{name}, {node.label}" if qualify else node.label
    passes = qualify and not is_heading(node)
    children = [_qualified(child, name, container, shared, passes) for child in node.children]
    return replace(node, label=label, eid=f"{container}__{node.eid}", children=children)


def _slug(name: str) -> str:
    """An eId part from a part's name: 'L.1/Add.1' → 'l1add1'."""
    return re.sub(r"[^0-9a-z]+", "", name.lower()) or "x"
