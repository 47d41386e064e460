"""Open points of a draft (what is not yet agreed) and what became of each in the next draft.

An open point is a bracketed span (`[new and additional]`), a choice between alternatives (brackets
side by side, `[shall][should]`, or a slash inside one, `[as set out in / as outlined in]`), or a
group of options ("Option 1 / Option 2"). Between two drafts, each open point of the earlier one is
followed through the lineage (compare.align) into what its paragraph became:

- the same open point there: `kept` (same words) or `changed` (edited, still open);
- gone, and the paragraph with it: `resolved_paragraph_deleted`;
- the brackets gone and one alternative standing: `resolved_alternative`; the bracketed words
  standing unbracketed: `resolved_unbracketed`; the words gone: `resolved_deleted`;
- options: one option went on as the text (`option_survived`), several were merged into it
  (`options_merged`), or none is left (`resolved_deleted`).

An open point of the later draft that follows from none is `introduced`. Pure: drafts and an
alignment in, events with their evidence (the open point's text before, the words in its place after) out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from amendtrack.compare.align import Alignment, Link, composite_text
from amendtrack.compare.change import Words, in_order_share, occurrences
from amendtrack.model.tree import CONTAINER_KINDS, Draft, Paragraph, is_heading

SAME = 0.6  # share of an open point's words, in order, in a later one for it to be the same point (changed)
STANDING = 0.8  # share of words found in order in the later text for them to stand there
MERGED = 0.3  # share of an option's words in the settled text for it to have gone into it
RESOLVED = (
    "resolved_alternative",
    "resolved_unbracketed",
    "resolved_deleted",
    "resolved_paragraph_deleted",
    "option_survived",
    "options_merged",
)
KINDS = ("introduced", "kept", "changed", *RESOLVED)


@dataclass
class OpenPoint:
    """One thing not yet agreed in a paragraph of a draft."""

    kind: str  # bracket, alternatives, options
    node: Paragraph  # the paragraph (or option group) that holds it
    text: str  # as printed: the bracketed span(s) with their brackets, or the options' opening words
    alternatives: list[str] = field(default_factory=list)  # the choices it offers (options: their texts)
    depth: int = 1  # brackets inside brackets: 2, 3, …
    labels: list[str] = field(default_factory=list)  # options: their labels

    @property
    def words(self) -> str:
        """Its words without the brackets: what would stand if it were agreed as it is."""
        return " ".join(self.alternatives) if self.kind == "options" else self.text.replace("[", "").replace("]", "")

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "paragraph": self.node.label,
            "text": self.text,
            "alternatives": self.alternatives,
            "depth": self.depth,
            **({"options": self.labels} if self.labels else {}),
        }


@dataclass
class Event:
    """What became of one open point between two drafts, with its evidence."""

    kind: str  # see KINDS
    before: OpenPoint | None  # None: introduced
    after: OpenPoint | None  # the same open point in the later draft (kept, changed, introduced)
    old_label: str | None
    new_label: str | None
    evidence: str  # the words that stand in its place in the later draft ('' when none)
    chosen: str | None = None  # resolved_alternative: the alternative kept; option_survived: the option

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "from": self.old_label,
            "to": self.new_label,
            "before": self.before.text if self.before else None,
            "after": self.after.text if self.after else self.evidence,
            "chosen": self.chosen,
        }


def open_points(draft: Draft) -> list[OpenPoint]:
    """Every open point of a draft, in reading order: brackets and choices in each paragraph's own text,
    and each group of options."""
    found: list[OpenPoint] = []
    for node, _ in draft.walk():
        if node.kind == "option_group":
            options = [child for child in node.children if child.kind == "option"]
            texts = [_opening(child) for child in options]
            found.append(OpenPoint("options", node, " / ".join(texts), texts, 1, [o.label for o in options]))
        found.extend(_in_text(node))
    return found


def _in_text(node: Paragraph) -> list[OpenPoint]:
    """The brackets of one paragraph's own text: a chain of touching brackets is one choice."""
    points: list[OpenPoint] = []
    chains: dict[int, OpenPoint] = {}
    for bracket in node.brackets:
        if bracket.group is not None:
            chain = chains.get(bracket.group)
            inner = bracket.text.strip("[]").strip()
            if chain is None:
                chain = chains[bracket.group] = OpenPoint("alternatives", node, bracket.text, [], bracket.depth)
                points.append(chain)
            else:
                chain.text += bracket.text
            chain.alternatives.append(inner)
        elif len(bracket.alternatives) > 1:
            points.append(OpenPoint("alternatives", node, bracket.text, list(bracket.alternatives), bracket.depth))
        else:
            points.append(OpenPoint("bracket", node, bracket.text, list(bracket.alternatives), bracket.depth))
    return points


def _opening(option: Paragraph, words: int = 20) -> str:
    """An option's text (its own, else its first paragraph's), its first words."""
    text = option.text or next((n.text for n, _ in Draft(option.children).walk() if n.text), "")
    return " ".join(text.split()[:words])


def lifecycle(
    old: Draft,
    new: Draft,
    alignment: Alignment,
    earlier: list[OpenPoint] | None = None,
    later: list[OpenPoint] | None = None,
) -> list[Event]:
    """What became of every open point of `old` in `new` (and which of `new`'s are introduced); the open
    points of either draft may be given (as open_points found them) so events refer to those objects."""
    link_of = {id(node): link for link in alignment.links for node in link.sources}
    later = open_points(new) if later is None else later
    earlier = open_points(old) if earlier is None else earlier
    taken: set[int] = set()
    events = [_fate(point, link_of.get(id(point.node)), later, taken, link_of) for point in earlier]
    for point in later:
        if id(point) not in taken:
            events.append(Event("introduced", None, point, None, point.node.label, point.text))
    _side_by_side(events)
    return events


def _side_by_side(events: list[Event]) -> None:
    """Two brackets a space apart ('[should] [shall]'), one kept and the other dropped: a choice was made.

    The reader does not take spaced brackets for alternatives (most are separate questions); when the
    next draft keeps exactly one of the two and drops the other, it chose between them.
    """
    for first, second in zip(events, events[1:], strict=False):
        a, b = first.before, second.before
        if a is None or b is None or a.node is not b.node or {a.kind, b.kind} != {"bracket"}:
            continue
        text = a.node.text
        at = text.find(a.text)
        if at < 0 or text[at + len(a.text) : at + len(a.text) + len(b.text) + 1].strip() != b.text:
            continue
        kinds = {first.kind, second.kind}
        if kinds == {"resolved_unbracketed", "resolved_deleted"}:
            kept = first if first.kind == "resolved_unbracketed" else second
            for event in (first, second):
                event.kind, event.chosen, event.evidence = "resolved_alternative", kept.before.words, kept.before.words


def _fate(
    point: OpenPoint, link: Link | None, later: list[OpenPoint], taken: set[int], link_of: dict[int, Link]
) -> Event:
    if point.kind == "options":
        return _options_fate(point, later, taken, link_of)
    if link is None or not link.targets:
        return Event("resolved_paragraph_deleted", point, None, point.node.label, None, "")
    targets = {id(t) for t in link.targets} | {id(n) for t in link.targets for n, _ in Draft(t.children).walk()}
    same = _same_point(point, [p for p in later if id(p.node) in targets and id(p) not in taken])
    new_label = link.targets[0].label
    if same is not None:
        taken.add(id(same))
        kind = "kept" if same.text == point.text else "changed"
        return Event(kind, point, same, point.node.label, same.node.label, same.text)
    text = " ".join(composite_text(t) for t in link.targets)
    return _settled(point, text, new_label)


def _same_point(point: OpenPoint, candidates: list[OpenPoint]) -> OpenPoint | None:
    """The later open point that is this one: the same words, else the most alike above SAME."""
    for candidate in candidates:
        if candidate.kind == point.kind and candidate.text == point.text:
            return candidate
    mine = Words(point.words).stems
    scored = [(in_order_share(mine, Words(c.words).stems), k) for k, c in enumerate(candidates) if c.kind != "options"]
    best = max(scored, default=(0.0, -1))
    return candidates[best[1]] if mine and best[0] >= SAME else None


def _settled(point: OpenPoint, text: str, new_label: str) -> Event:
    """A bracket or choice no longer open: which alternative stands, or its words, or nothing.

    Each alternative is looked for with two words of the paragraph on each side of the brackets, every
    word counted ('Each Party [shall][should] communicate' → 'Each Party shall communicate'): an
    alternative of small words alone ('shall') is in any paragraph.
    """
    later = Words(text).surface
    before, after = _around(point)
    shares = [(_standing(alt, before, after, later), alt) for alt in point.alternatives if alt.strip()]
    best = max((share for share, _ in shares), default=0.0)
    standing = [alt for share, alt in shares if share >= STANDING and share == best]
    if not standing and len(point.alternatives) > 1:  # the sentence around it changed: count the words alone
        standing = _more_often(point, later)
    label = point.node.label
    if len(point.alternatives) > 1 and len(standing) == 1:
        return Event("resolved_alternative", point, None, label, new_label, standing[0], standing[0])
    if standing or _standing(point.words, before, after, later) >= STANDING:
        return Event("resolved_unbracketed", point, None, label, new_label, point.words)
    return Event("resolved_deleted", point, None, label, new_label, "")


def _more_often(point: OpenPoint, later: list[str]) -> list[str]:
    """The one alternative the later text says more often than the paragraph did outside the brackets."""
    outside = point.node.text.replace(point.text, " ")
    rest = Words(outside).surface
    more = [
        alt
        for alt in point.alternatives
        if Words(alt).surface and occurrences(Words(alt).surface, later) > occurrences(Words(alt).surface, rest)
    ]
    return more if len(more) == 1 else []


def _around(point: OpenPoint, words: int = 2) -> tuple[str, str]:
    """The words of its paragraph just before and just after an open point."""
    text = point.node.text
    at = text.find(point.text)
    if at < 0:
        return "", ""
    before = " ".join(text[:at].replace("[", " ").replace("]", " ").split()[-words:])
    after = " ".join(text[at + len(point.text) :].replace("[", " ").replace("]", " ").split()[:words])
    return before, after


def _standing(words: str, before: str, after: str, later: list[str]) -> float:
    """How far `words` stand in the later text where the brackets were: with the words around them found in
    order, and the words themselves there (a few in a row; more, most of them in order)."""
    own = Words(words).surface
    if not own:
        return 0.0
    present = occurrences(own, later) > 0 if len(own) <= 3 else in_order_share(own, later) >= STANDING
    return in_order_share(Words(f"{before} {words} {after}").surface, later) if present else 0.0


def _options_fate(point: OpenPoint, later: list[OpenPoint], taken: set[int], link_of: dict[int, Link]) -> Event:
    """A group of options: still options in the later draft, or settled into text, which options went in."""
    options = [child for child in point.node.children if child.kind == "option"]
    links = [link_of.get(id(option)) for option in options]
    targets = [t for link in links if link is not None for t in link.targets]
    if not targets:
        return Event("resolved_paragraph_deleted", point, None, point.node.label, None, "")
    groups = [p for p in later if p.kind == "options" and id(p) not in taken]
    for group in groups:
        inside = {id(n) for n, _ in Draft(group.node.children).walk()}
        if any(id(t) in inside for t in targets):
            taken.add(id(group))
            kind = "kept" if group.text == point.text else "changed"
            return Event(kind, point, group, point.node.label, group.node.label, group.text)
    settled = " ".join(composite_text(t) for t in {id(t): t for t in targets}.values())
    later_stems = Words(settled).stems
    went = [
        option.label
        for option in options
        if in_order_share(Words(composite_text(option)).stems, later_stems) >= MERGED
        or (link_of.get(id(option)) is not None and link_of[id(option)].targets)
    ]
    new_label = targets[0].label
    if len(went) == 1:
        return Event("option_survived", point, None, went[0], new_label, _opening(targets[0]), went[0])
    if len(went) > 1:
        return Event("options_merged", point, None, point.node.label, new_label, _opening(targets[0]))
    return Event("resolved_deleted", point, None, point.node.label, new_label, "")


AGREED = re.compile(r"[\[(]\s*(?:agreed\s+)?ad\s*ref(?:erendum)?\.?\s*[\])]|[\[(]\s*agreed\s*[\])]", re.I)
PENDING = re.compile(r"[\[(]\s*(?:pending|placeholder)\b[^\[\]()]*[\])]", re.I)
STATUSES = ("agreed", "pending", "deleted", "bracketed", "in_options", "clean")


def paragraph_status(node: Paragraph, in_options: bool) -> str:
    """A paragraph's state in its draft: what the draft says of it ('(agreed ad ref)', '[pending]',
    '[placeholder …]', a forthcoming proposal, '[Paragraph deleted]'), else what its text shows: bracketed,
    in options, or clean."""
    said = " ".join([node.text, *(m.text for m in node.markers)])
    kinds = {m.kind for m in node.markers}
    if AGREED.search(said):
        return "agreed"
    if kinds & {"deleted", "merged"} and not node.text:
        return "deleted"
    if "forthcoming" in kinds or PENDING.search(said):
        return "pending"
    if node.brackets:
        return "bracketed"
    return "in_options" if in_options else "clean"


def counts(draft: Draft) -> dict[str, Any]:
    """A draft's open points counted: brackets (every span, nested ones too), choices, option groups and
    options, and its paragraphs bracketed, in options, or clean."""
    points = open_points(draft)
    inside_options: set[int] = set()
    for node, _ in draft.walk():
        if node.kind == "option_group":
            inside_options.update(id(n) for n, _ in Draft(node.children).walk())
    paragraphs = [n for n, _ in draft.walk() if n.text and n.kind not in ("heading",) and n.kind != "option_group"]
    bracketed = sum(1 for n in paragraphs if n.brackets)
    optioned = sum(1 for n in paragraphs if id(n) in inside_options and not n.brackets)
    said = Counter(
        paragraph_status(n, id(n) in inside_options)
        for n, _ in draft.walk()
        if n.kind not in ("heading", "option_group") and (n.text or n.markers)
    )
    kinds = Counter(p.kind for p in points)
    return {
        "open_points": len(points),
        "open_by_kind": {kind: kinds.get(kind, 0) for kind in ("bracket", "alternatives", "options")},
        "brackets": sum(len(n.brackets) for n, _ in draft.walk()),
        "alternatives": sum(1 for p in points if p.kind == "alternatives"),
        "option_groups": sum(1 for p in points if p.kind == "options"),
        "options": sum(len(p.labels) for p in points if p.kind == "options"),
        "paragraphs": len(paragraphs),
        "bracketed_paragraphs": bracketed,
        "optioned_paragraphs": optioned,
        "clean_paragraphs": len(paragraphs) - bracketed - optioned,
        "status": {status: said.get(status, 0) for status in STATUSES},
    }


def by_container(draft: Draft) -> dict[str, int]:
    """A draft's open points per container (the Article, section or heading they sit in; 'other' outside
    any), in the draft's order."""
    holder: dict[int, str] = {}
    for node, parent in draft.walk():
        if node.kind in CONTAINER_KINDS or is_heading(node):
            holder[id(node)] = node.label
        elif parent is not None and id(parent) in holder:
            holder[id(node)] = holder[id(parent)]
    found: dict[str, int] = {}
    for point in open_points(draft):
        name = holder.get(id(point.node), "other")
        found[name] = found.get(name, 0) + 1
    return found
