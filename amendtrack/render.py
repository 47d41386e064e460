"""HTML renderers: turn plain comparison data into self-contained pages with Jinja2.

Renderers only render: they take what `comparison.compare` made and never align, redline
or read the database. The templates are autoescaped; every piece of document text reaches
them as plain strings, so a paragraph that contains markup is shown, never run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .comparison import Comparison, Row
from .redline import BOUNDARY, DELETE, EQUAL, INSERT, Change
from .resources import templates_dir

Segment = tuple[str, str]  # (kind, text); kind is equal, delete, insert or boundary
MAX_DEPTH = 3  # deeper sub-paragraphs are indented like depth 3

MEANINGS = {  # the legend: each relation of the shared vocabulary in a few words
    "same": "text unchanged",
    "modified": "words changed",
    "renumbered": "same text, new number",
    "moved": "new place in the order",
    "merged": "several paragraphs became one",
    "split": "one paragraph became several",
    "new": "only in the later draft",
    "deleted": "only in the earlier draft",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of the packaged templates, with HTML autoescaping on."""
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _append(out: list[Segment], kind: str, text: str) -> None:
    """Add `text` as `kind`, turning each BOUNDARY in it into a boundary segment."""
    for k, piece in enumerate(text.split(BOUNDARY)):
        if k:
            out.append(("boundary", ""))
        if piece:
            out.append((kind, piece))


def sides(changes: list[Change]) -> tuple[list[Segment], list[Segment]]:
    """Split a redline into its old side (equal/delete/boundary) and new side (equal/insert/boundary)."""
    old: list[Segment] = []
    new: list[Segment] = []
    for change in changes:
        if change.op in (EQUAL, DELETE):
            _append(old, "equal" if change.op == EQUAL else "delete", change.text)
        if change.op in (EQUAL, INSERT):
            _append(new, "equal" if change.op == EQUAL else "insert", change.text)
    return old, new


def inline(changes: list[Change]) -> list[Segment]:
    """A redline as one run of text (equal/delete/insert/boundary), for headings that span both columns."""
    out: list[Segment] = []
    for change in changes:
        _append(out, change.op, change.text)
    return out


@dataclass(frozen=True)
class Part:
    """One paragraph of a side: its label and its text as segments (several parts for a merge or split)."""

    label: str
    segments: list[Segment]


def parts(segments: list[Segment], labels: list[str]) -> list[Part]:
    """Cut one side at its boundaries and give each paragraph its label.

    The texts of a merge or split are joined with BOUNDARY, so there is one boundary fewer
    than labels; should that not hold, every label goes to the first part.
    """
    if not labels:
        return []
    pieces: list[list[Segment]] = [[]]
    for segment in segments:
        if segment[0] == "boundary":
            pieces.append([])
        else:
            pieces[-1].append(segment)
    if len(pieces) == len(labels):
        return [Part(label, piece) for label, piece in zip(labels, pieces, strict=True)]
    return [Part(", ".join(labels) if k == 0 else "", piece) for k, piece in enumerate(pieces)]


@dataclass(frozen=True)
class RowView:
    """A Row as the template shows it: everything computed, nothing left to decide."""

    anchor: str
    relation: str
    description: str
    source: str  # declared or inferred
    score: str  # "0.87"
    depth: int
    heading: bool
    heading_label: str
    heading_text: list[Segment]
    old: list[Part]
    new: list[Part]
    conflict: str | None


def row_view(row: Row) -> RowView:
    """Turn a Row's changes into labelled segments for each side."""
    old, new = sides(row.changes)
    old_labels, new_labels = row.old_labels, row.new_labels
    if old_labels and new_labels and old_labels != new_labels:
        heading_label = f"{', '.join(old_labels)} → {', '.join(new_labels)}"
    else:
        heading_label = ", ".join(new_labels or old_labels)
    return RowView(
        anchor=row.anchor,
        relation=row.link.relation,
        description=row.description,
        source=row.link.source,
        score=f"{row.link.score:.2f}",
        depth=min(row.depth, MAX_DEPTH),
        heading=row.heading,
        heading_label=heading_label,
        heading_text=inline(row.changes) if row.heading else [],
        old=parts(old, old_labels),
        new=parts(new, new_labels),
        conflict=row.link.conflict,
    )


def _date(value: Any) -> tuple[str, str]:
    """(machine date, date in words): '2010-07-19' → ('2010-07-19', '19 July 2010'); other text as given."""
    if not value:
        return "", ""
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return "", text
    return day.isoformat(), f"{day.day} {day:%B %Y}"


def _side_meta(meta: dict | None, fallback_label: str) -> dict[str, str]:
    meta = meta or {}
    iso, words = _date(meta.get("date"))
    return {"label": str(meta.get("label") or fallback_label or ""), "date": words, "datetime": iso}


def _section_name(row: Row, width: int = 40) -> str:
    """A heading for the jump list: its label and the start of its (newest) text."""
    node = (row.link.targets or row.link.sources)[0]
    text = node.text if len(node.text) <= width else node.text[: width - 1].rstrip() + "…"
    return f"{node.label} {text}".strip()


def redline_html(comparison: Comparison, negotiation_title: str, old_meta: dict, new_meta: dict) -> str:
    """The side-by-side redline of two drafts as one self-contained HTML page.

    `old_meta` and `new_meta` give each draft's `label` and `date` (either may be missing);
    the labels default to the comparison's own.
    """
    old = _side_meta(old_meta, comparison.old_label)
    new = _side_meta(new_meta, comparison.new_label)
    counts = [(relation, n) for relation, n in comparison.counts.items()]
    title = f"{old['label']} → {new['label']}"
    template = environment().get_template("redline.html")
    return template.render(
        title=f"{title} · {negotiation_title}" if negotiation_title else title,
        negotiation=negotiation_title,
        old=old,
        new=new,
        counts=counts,
        total=sum(n for _, n in counts),
        conflicts=list(comparison.conflicts),
        rows=[row_view(row) for row in comparison.rows],
        sections=[(row.anchor, _section_name(row)) for row in comparison.rows if row.heading],
        legend=[(relation, MEANINGS.get(relation, relation)) for relation, _ in counts],
    )
