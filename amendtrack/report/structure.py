"""What a draft's tree holds, and warnings when its structure looks lost.

`structure_summary` counts nodes by kind and by container, inferred labels, brackets (with their
deepest nesting and the side-by-side groups), option groups and options, and names the longest
paragraph: `amendtrack paragraphs NEG DRAFT --summary` and the line every import prints.
`structure_warnings` says when the reader probably missed the structure:

* a paragraph far longer than the others that holds several numbered-looking parts (Articles or
  numbered paragraphs read as one block);
* a numbering that restarts (1, 2, 3, 1, 2) among siblings with no container between (Articles
  whose headings lack the word "Article", say);
* a high share of inferred labels among the numbered nodes.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import median
from typing import Any

from amendtrack.model.tree import CONTAINER_KINDS, Draft, Paragraph

NUMBERED_KINDS = {"operative", "paragraph", "subparagraph", "item", "recommendation"}
NUMBERED_LOOKING = re.compile(r"(?:^|[.;:]\s+)(?:Article\s+\d+|\d{1,3}\.\s+[A-Z\[])")
LONG = 3000  # characters: a paragraph this long that holds numbered parts is suspicious
INFERRED_SHARE = 0.3


def structure_summary(draft: Draft) -> dict[str, Any]:
    """Counts by kind and container, labels inferred, brackets, options and the longest paragraph."""
    nodes = [node for node, _ in draft.walk()]
    brackets = [b for node in nodes for b in node.brackets]
    longest = max(nodes, key=lambda n: len(n.text), default=None)
    return {
        "paragraphs": len(nodes),
        "kinds": dict(Counter(node.kind for node in nodes)),
        "containers": _containers(draft),
        "labels_inferred": sum(1 for node in nodes if node.label_inferred and node.kind in NUMBERED_KINDS),
        "brackets": len(brackets),
        "bracket_depth": max((b.depth for b in brackets), default=0),
        "bracket_groups": len({(id(node), b.group) for node in nodes for b in node.brackets if b.group}),
        "option_groups": sum(1 for node in nodes if node.kind == "option_group"),
        "options": sum(1 for node in nodes if node.kind == "option"),
        "longest": {"label": longest.label, "characters": len(longest.text)} if longest else None,
        "warnings": structure_warnings(draft),
    }


def _containers(draft: Draft) -> list[dict[str, Any]]:
    """Each container (Article, Part…) with the count of nodes of each kind inside it."""
    found = []
    for node, _ in draft.walk():
        if node.kind in CONTAINER_KINDS:
            inside = Counter(n.kind for n in _descendants(node) if n.kind not in CONTAINER_KINDS)
            found.append({"label": node.label, "kind": node.kind, "title": node.text, "inside": dict(inside)})
    return found


def _descendants(node: Paragraph) -> list[Paragraph]:
    """Every node under `node`, stopping at nested containers (they are counted on their own)."""
    found: list[Paragraph] = []
    stack = list(node.children)
    while stack:
        child = stack.pop()
        found.append(child)
        if child.kind not in CONTAINER_KINDS:
            stack.extend(child.children)
    return found


def structure_warnings(draft: Draft) -> list[str]:
    """Why the structure looks lost, one sentence each; empty when it looks sound."""
    nodes = [node for node, _ in draft.walk()]
    return [*_long_blocks(nodes), *_restarts(draft), *_inferred(nodes)]


def _long_blocks(nodes: list[Paragraph]) -> list[str]:
    lengths = [len(node.text) for node in nodes if node.text]
    if not lengths:
        return []
    typical = median(lengths)
    warnings = []
    for node in nodes:
        parts = len(NUMBERED_LOOKING.findall(node.text))
        if len(node.text) > max(LONG, 10 * typical) and parts >= 3:
            warnings.append(
                f"{node.label} holds {len(node.text)} characters and {parts} numbered-looking parts "
                "(Articles or numbered paragraphs read as one block?)"
            )
    return warnings


def _restarts(draft: Draft) -> list[str]:
    warnings = []
    for parent, siblings in _sibling_lists(draft):
        numbers = [n.num for n in siblings if n.kind in NUMBERED_KINDS and n.num and n.num.isdigit()]
        pairs = zip(numbers, numbers[1:], strict=False)
        restarts = sum(1 for before, after in pairs if after == "1" and int(before) >= 1)
        if restarts:
            where = parent.label if parent else "the draft's top level"
            warnings.append(
                f"the numbering restarts at 1 {_times(restarts)} in {where} with no "
                "container between (headings not recognised as Articles, Parts or sections?)"
            )
    return warnings


def _times(count: int) -> str:
    """'once', 'twice', '3 times'."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _sibling_lists(draft: Draft) -> list[tuple[Paragraph | None, list[Paragraph]]]:
    lists: list[tuple[Paragraph | None, list[Paragraph]]] = [(None, draft.paragraphs)]
    lists += [(node, node.children) for node, _ in draft.walk() if node.children]
    return lists


def _inferred(nodes: list[Paragraph]) -> list[str]:
    numbered = [node for node in nodes if node.kind in NUMBERED_KINDS]
    inferred = sum(1 for node in numbered if node.label_inferred)
    if len(numbered) >= 5 and inferred / len(numbered) > INFERRED_SHARE:
        return [f"{inferred} of {len(numbered)} numbered paragraphs have labels inferred from their position"]
    return []


def summary_line(summary: dict[str, Any]) -> str:
    """The structure in one line: '29 articles, 16 preamble, 180 paragraph, … 977 brackets (depth 3)'."""
    kinds = summary["kinds"]
    parts = [
        f"{count} {kind.replace('_', ' ')}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    brackets = f"{summary['brackets']} brackets"
    if summary["brackets"]:
        brackets += f" (depth {summary['bracket_depth']}, {summary['bracket_groups']} side-by-side groups)"
    return ", ".join([*parts, brackets, f"{summary['labels_inferred']} labels inferred"])
