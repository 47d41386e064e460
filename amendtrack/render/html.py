"""HTML renderers: turn plain comparison and tracking data into self-contained pages with Jinja2.

Renderers only render: they take what `comparison.compare` and `tracking` made and never
align, redline, judge or read the database. The templates are autoescaped; every piece of document text reaches
them as plain strings, so a paragraph that contains markup is shown, never run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup, escape

from amendtrack.compare.comparison import Comparison, Row
from amendtrack.compare.redline import BOUNDARY, DELETE, EQUAL, INSERT, Change
from amendtrack.errors import CONTROL, printable
from amendtrack.model.names import count, the
from amendtrack.model.proposal import Edit, Proposal, Source
from amendtrack.model.words import spelling_rules
from amendtrack.read.ocr import suspects
from amendtrack.read.structure.naming import unique_eid
from amendtrack.report.compilation import CompilationTable
from amendtrack.report.dashboard import Charts
from amendtrack.report.delegation import DelegationReport
from amendtrack.report.history import ParagraphHistory, ParagraphVersion
from amendtrack.report.snapshot import STATUS_ORDER, Outcome
from amendtrack.resources import templates_dir

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from amendtrack.render.links import Links, SiteLinks

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


RELATION_WORDS = {"same": "unchanged"}  # a relation as people read it, where its name is not a word they use


Nav = list[tuple[str, str]]  # breadcrumb links of a site page: (label, relative href)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of the packaged templates, with HTML autoescaping on.

    Every value a template prints first has its control characters shown as escapes (a NUL or an
    escape sequence from a document never reaches the page as it is), then is escaped for HTML.
    """
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_visible,
    )
    env.filters["open_marks"] = _open_marks
    env.filters["scan_marks"] = _scan_marks
    return env


@pass_context
def _open_marks(context: Any, text: str) -> Markup:
    """open_marks with the page's misread words (its `misread` field, when it has one)."""
    return open_marks(text, context.get("misread"))


@pass_context
def _scan_marks(context: Any, text: str) -> Markup:
    """Text as a delegation wrote it (no bracket marks), with what the scan misread marked (see _suspect)."""
    return Markup(_suspect(printable(text), context.get("misread")))


def open_marks(text: str, misread: Mapping[str, str] | None = None) -> Markup:
    """Text with what is still open marked: each square bracket in bold, and a bracketed span that opens
    and closes within this piece of text shaded, so a reader of any view sees what is not agreed; the
    scan's misreadings marked too (see _suspect)."""
    out: list[str] = []
    depth = 0
    for piece in re.split(r"(\[\^[^\[\]\s]*\]|\[|\])", printable(text)):  # a footnote reference stays whole
        if piece == "[":
            out.append('<span class="open"><b class="br">[</b>')
            depth += 1
        elif piece == "]" and depth:
            out.append('<b class="br">]</b></span>')
            depth -= 1
        elif piece == "]":
            out.append('<b class="br">]</b>')
        else:
            out.append(_suspect(piece, misread))
    out.extend("</span>" * depth)
    return Markup("".join(out))


def _suspect(text: str, misread: Mapping[str, str] | None = None) -> str:
    """Escaped text with what a scan put in it marked as the OCR's, not the draft's: the characters of
    read.ocr.OCR_SUSPECT, and the words of `misread` (model.misread), each with the word it probably is."""
    out, at = [], 0
    for match in suspects(tuple(misread or ())).finditer(text):
        out.append(str(escape(text[at : match.start()])))
        right = (misread or {}).get(match.group())
        title = f"probably “{right}” misread by the OCR" if right else "probably misread by the OCR"
        out.append(f'<span class="ocr" title="{escape(title)}">{escape(match.group())}</span>')
        at = match.end()
    out.append(str(escape(text[at:])))
    return "".join(out)


def _visible(value: Any) -> Any:
    """A printed value with its control characters escaped (errors.printable); markup stays markup."""
    if isinstance(value, str) and CONTROL.search(value):
        return Markup(printable(value)) if isinstance(value, Markup) else printable(value)
    return value


def page(template: str, nav: Nav | None, title: str, negotiation_title: str | None = None, **fields: Any) -> str:
    """A page from its template: the breadcrumb, and the title followed by the negotiation's when there is one."""
    full = f"{title} · {negotiation_title}" if negotiation_title else title
    html = environment().get_template(template).render(nav=nav or [], title=full, **fields)
    if _MARKED not in html:  # the legend of the scan's misreadings only where the page shows one
        html = _MISREAD_LEGEND.sub("", html)
    return html


_MARKED = '<span class="ocr" title='
_MISREAD_LEGEND = re.compile(r"<!--misread-->.*?<!--/misread-->\n?", re.S)


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


# paragraph label → its agreed language: (start, end, where it was found, href of its source or '')
Agreed = dict[str, list[tuple[int, int, str, str]]]


def with_agreed(segments: list[Segment], text: str, spans: list[tuple[int, int, str, str]]) -> list[Segment]:
    """The segments of a paragraph's new text with its agreed language marked (report.provenance).

    Marks are segments of their own, ('agreed', 'href\nwhere') before and ('agreed-end', 'a' when it
    links, else '') after,
    cut at the spans' ends; deleted words are not the paragraph's text and do not move them. When
    the segments do not spell `text` (the spans' offsets are into it), nothing is marked."""
    if not spans or "".join(t for k, t in segments if k in ("equal", "insert")) != text:
        return segments
    marks, end = [], -1
    for start, stop, where, href in sorted(spans):
        if start >= end:  # overlapping spans: the first one wins
            marks.append((start, stop, f"{href}\n{where}", "a" if href else ""))
            end = stop
    out: list[Segment] = []
    offset, k, inside = 0, 0, False
    for kind, piece in segments:
        if kind not in ("equal", "insert"):
            out.append((kind, piece))
            continue
        while piece:
            if not inside and k < len(marks) and offset == marks[k][0]:
                out.append(("agreed", marks[k][2]))
                inside = True
            stop = marks[k][1] if inside else marks[k][0] if k < len(marks) else offset + len(piece)
            take = max(1, min(len(piece), stop - offset))
            out.append((kind, piece[:take]))
            piece, offset = piece[take:], offset + take
            if inside and offset >= marks[k][1]:
                out.append(("agreed-end", marks[k][3]))
                inside, k = False, k + 1
    if inside:
        out.append(("agreed-end", marks[k][3]))
    return out


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
    form_only: bool = False  # modified in word form only ('Ensuring' → 'Ensure'): a reader may hide it
    see: tuple[tuple[str, str], ...] = ()  # links to its paragraphs' histories and proposals in a site


def row_view(row: Row, agreed: Agreed | None = None) -> RowView:
    """Turn a Row's changes into labelled segments for each side, the new side's agreed language marked."""
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
        new=_marked(parts(new, new_labels), row, agreed or {}),
        conflict=row.link.conflict,
        form_only=row.form_only,
    )


def _marked(new: list[Part], row: Row, agreed: Agreed) -> list[Part]:
    """The new side's parts with each paragraph's agreed language marked."""
    if not agreed or len(new) != len(row.link.targets):
        return new
    return [
        Part(part.label, with_agreed(part.segments, node.text, agreed.get(node.label, [])))
        for part, node in zip(new, row.link.targets, strict=True)
    ]


def date_parts(value: Any) -> tuple[str, str]:
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
    iso, words = date_parts(meta.get("date"))
    return {"label": str(meta.get("label") or fallback_label or ""), "date": words, "datetime": iso}


def _section_name(row: Row, width: int = 40) -> str:
    """A heading for the jump list: its label and the start of its (newest) text."""
    node = (row.link.targets or row.link.sources)[0]
    text = node.text if len(node.text) <= width else node.text[: width - 1].rstrip() + "…"
    return f"{node.label} {text}".strip()


def change_list(rows: list[RowView]) -> list[tuple[str, str, list[RowView]]]:
    """The changed rows (all but the unchanged and headings), grouped under the section they are in:
    (anchor of the section's heading or '', its name, rows), for the page's list of changes."""
    groups: list[tuple[str, str, list[RowView]]] = [("", "Before the first heading", [])]
    for row in rows:
        if row.heading:
            groups.append((row.anchor, row.heading_label, []))
        elif row.relation != "same":
            groups[-1][2].append(row)
    return [group for group in groups if group[2]]


def redline_html(
    comparison: Comparison,
    negotiation_title: str,
    old_meta: dict,
    new_meta: dict,
    nav: Nav | None = None,
    agreed: Agreed | None = None,
    see: Callable[[Row], Links] | None = None,
    misread: Mapping[str, str] | None = None,
) -> str:
    """The side-by-side redline of two drafts as one self-contained HTML page.

    `old_meta` and `new_meta` give each draft's `label` and `date` (either may be missing);
    the labels default to the comparison's own. `agreed`: the later draft's agreed language, marked;
    `see`: a row's links to other pages of a site; `misread`: the words the scan probably misread
    (model.misread), marked.
    """
    misread = misread or {}
    old = _side_meta(old_meta, comparison.old_label)
    new = _side_meta(new_meta, comparison.new_label)
    counts = [(relation, n) for relation, n in comparison.counts.items()]
    title = f"{old['label']} → {new['label']}"
    views = [row_view(row, agreed) for row in comparison.rows]
    if see is not None:
        views = [replace(view, see=tuple(see(row))) for view, row in zip(views, comparison.rows, strict=True)]
    return page(
        "redline.html",
        nav,
        title,
        negotiation_title,
        negotiation=negotiation_title,
        old=old,
        new=new,
        counts=counts,
        total=sum(n for _, n in counts),
        conflicts=list(comparison.conflicts),
        rows=views,
        changes=change_list(views),
        changed=sum(1 for view in views if view.relation != "same" and not view.heading),
        form_only=sum(1 for view in views if view.form_only),
        sections=[(row.anchor, _section_name(row)) for row in comparison.rows if row.heading],
        legend=[(relation, MEANINGS.get(relation, relation)) for relation, _ in counts],
        agreed=bool(agreed),
        words=RELATION_WORDS,
        ocr=any(suspects(tuple(misread)).search(c.text) for row in comparison.rows for c in row.changes),
        misread=misread,
    )


# --- delegation report and paragraph history ------------------------------------------------

STATUS_WORDS = {  # each disposition as the reports name it
    "accepted": "accepted",
    "partial": "partial",
    "not_reflected": "not reflected",
    "superseded": "superseded",
    "unclear": "unclear",
    "pending": "pending",
    "n/a": "n/a",
}
STATUS_MEANINGS = {  # and what it means, for the legend
    "accepted": "the next draft carries the change",
    "partial": "the next draft carries part of it, or its gist in other words",
    "not_reflected": "the next draft does not carry it",
    "superseded": "the paragraph was deleted, merged away or replaced wholesale",
    "unclear": "the next draft cannot tell: the text that would show it is missing or damaged",
    "pending": "no next draft yet",
    "n/a": "a comment: no change of text to look for",
}
STATUS_SIGNS = {  # a shape beside the colour, for print in black and white and for colour-blind readers
    "accepted": "✓",
    "partial": "≈",
    "not_reflected": "✗",
    "superseded": "⊘",
    "unclear": "?",
    "pending": "…",
    "n/a": "–",
}
OPERATION_WORDS = {
    "insert": "insertion",
    "delete": "deletion",
    "replace": "replacement",
    "redraft": "redraft",
    "new_paragraph": "new paragraph",
    "move": "move",
    "split": "split",
    "merge": "merge",
    "comment": "comment",
}
KIND_WORDS = {
    "member_state": "Member State",
    "group": "group of States",
    "observer_state": "observer State",
    "un_entity": "United Nations entity",
    "intergovernmental_organization": "intergovernmental organization",
}


@dataclass(frozen=True)
class Badge:
    """A disposition as shown: CSS class, data-status value, sign and words."""

    status: str
    css: str  # "st-not-reflected"
    sign: str
    words: str


def badge(status: str) -> Badge:
    """The badge of a disposition (unknown statuses are shown as given, in grey)."""
    css = "st-" + "".join(c if c.isalnum() else "-" for c in status.replace("/", "")).strip("-")
    return Badge(status, css, STATUS_SIGNS.get(status, "•"), STATUS_WORDS.get(status, status.replace("_", " ")))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote(text: str | None, width: int = 160) -> str:
    """Words in quotation marks, shortened to `width` characters."""
    text = " ".join((text or "").split())
    return "“" + (text if len(text) <= width else text[: width - 1].rstrip() + "…") + "”"


def _labels(labels: list[str]) -> str:
    return ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else "".join(labels)


def _edit_asked(edit: Edit, bracketing: str | None) -> str:
    """One edit in words: 'insert “X” after “Y”', 'delete “X”', 'put “X” in square brackets' …"""
    if edit.kind == "insert":
        where = (
            "at the end"
            if edit.position == "end" or not edit.anchor
            else f"{edit.position or 'after'} {_quote(edit.anchor, 80)}"
        )
        return f"insert {_quote(edit.new)} {where}"
    if edit.kind == "delete":
        return f"delete {_quote(edit.old)}"
    if bracketing == "bracket":
        return f"put {_quote(edit.old, 100)} in square brackets"
    if bracketing == "unbracket":
        return f"take the square brackets off {_quote(edit.new, 100)}"
    return f"replace {_quote(edit.old, 100)} with {_quote(edit.new)}"


def asked(proposal: Proposal) -> list[str]:
    """What a proposal asks for, in words: one line per edit, or one for the whole operation."""
    target = f"paragraph {proposal.paragraph}" if proposal.paragraph else "the paragraph"
    op = proposal.operation
    lines: list[str] = []
    if op in ("insert", "delete", "replace"):
        lines.extend(_edit_asked(edit, proposal.bracketing) for edit in proposal.edits)
        if not lines:
            lines.append(f"delete {target}" if op == "delete" else f"{OPERATION_WORDS[op]} in {target}")
    elif op == "redraft":
        lines.append(f"redraft {target}")
    elif op == "new_paragraph":
        label = f"a new paragraph {proposal.new_label}" if proposal.new_label else "a new paragraph"
        lines.append(f"add {label}" + (f" near {proposal.paragraph}" if proposal.paragraph else ""))
    elif op == "move":
        to = f" to {proposal.new_label}" if proposal.new_label else ""
        lines.append(f"move {target}{to}")
    elif op == "merge":
        lines.append(f"merge {target}" + (f" with {_labels(proposal.related)}" if proposal.related else ""))
    elif op == "split":
        lines.append(f"split {target}" + (f" into {proposal.new_label}" if proposal.new_label else ""))
    elif op == "comment":
        lines.append(f"comment on {target}, no change of text")
    else:
        lines.append(f"{op.replace('_', ' ')} {target}")
    if proposal.related and op not in ("merge",):
        lines.append(f"related paragraphs: {_labels(proposal.related)}")
    if not proposal.applied and proposal.unapplied_reason and op not in ("comment", "move", "merge", "split"):
        lines.append(f"could not be applied to the text: {proposal.unapplied_reason}")
    return [line[:1].upper() + line[1:] for line in lines]


def source_words(source: Source | None) -> str:
    """'lines 50–54 of 02-table-of-inputs-on-first-draft.txt' (or 'line 50 of …'); '' when unknown."""
    if source is None:
        return ""
    name = PurePath(source.file).name or source.file  # the file the facilitators circulated, not a local path
    if source.line_end and source.line_end != source.line_start:
        return f"lines {source.line_start}–{source.line_end} of {name}"
    return f"line {source.line_start} of {name}"


@dataclass(frozen=True)
class SponsorView:
    name: str
    inferred: bool  # attributed by its position in the table, not by a name on the input
    current: bool  # the delegation the report is for


@dataclass(frozen=True)
class InputView:
    """One input as written, with who wrote it and where it stands in the inputs."""

    delegations: str
    verbatim: str
    source: str


@dataclass(frozen=True)
class TextView:
    """One text of a card: a heading and either a redline or plain text, or a note when there is none."""

    heading: str
    segments: list[Segment]
    note: str = ""


@dataclass(frozen=True)
class OutcomeView:
    """An Outcome as the card shows it: every piece computed, nothing left to decide in the template."""

    anchor: str
    id: int
    operation: str
    operation_words: str
    sponsors: list[SponsorView]
    inferred: bool
    asked: list[str]
    proposed: TextView
    next: TextView | None
    badge: Badge
    explanation: str
    override: bool
    computed: Badge
    computed_explanation: str
    note: str
    evidence: list[tuple[str, str]]
    inputs: list[InputView]
    rationale: str
    references: str
    confidence: str
    check: list[str]  # why the reading should be checked, if it should
    corrected: str | None  # the facilitators' note when they corrected the reading
    see: tuple[tuple[str, str], ...] = ()  # links to its other pages in a site: (words, href)


def _segments(text: str | None, kind: str = "equal") -> list[Segment]:
    out: list[Segment] = []
    if text:
        _append(out, kind, text)
    return out


def _evidence(outcome: Outcome, next_draft: str | None) -> list[tuple[str, str]]:
    """The evidence of the computed disposition as (term, words) pairs; empty terms left out."""
    ev = outcome.computed.evidence
    pairs = [
        ("looked for", _quote(ev.looked_for, 240) if ev.looked_for else ""),
        ("went in", ", ".join(ev.found)),
        ("did not go in", ", ".join(ev.missing)),
        (
            "found in",
            f"paragraph {ev.found_in}" + (f" of {the(next_draft)}" if next_draft else "") if ev.found_in else "",
        ),
        (
            "paragraph became",
            ", ".join(ev.successors) + (f" ({ev.relation})" if ev.relation else "") if ev.successors else "",
        ),
        ("score", f"{ev.score:.2f}" if ev.looked_for or ev.found or ev.missing or ev.score else ""),
    ]
    if not ev.successors and ev.relation:
        pairs.append(("paragraph", ev.relation))
    return [(term, words) for term, words in pairs if words]


def _inputs(proposal: Proposal) -> list[InputView]:
    """The inputs as written, one per distinct text and place (co-sponsors often share one)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for sponsor in proposal.sponsors:
        if sponsor.verbatim or sponsor.source:
            groups.setdefault((sponsor.verbatim, source_words(sponsor.source)), []).append(sponsor.delegation)
    return [InputView(_labels(names), verbatim, source) for (verbatim, source), names in groups.items()]


def outcome_view(outcome: Outcome, delegation: str | None, base_draft: str, next_draft: str | None) -> OutcomeView:
    """Turn one Outcome into its card: the texts as segments, the verdict and evidence in words."""
    p = outcome.proposal
    base_name = f"paragraph {outcome.base_label} of {the(base_draft)}" if outcome.base_label else the(base_draft)
    if p.operation == "new_paragraph" and (p.resulting_text or p.text):
        where = f" (next to paragraph {outcome.base_label} of {the(base_draft)})" if outcome.base_label else ""
        label = f" {p.new_label}" if p.new_label else ""
        proposed = TextView(f"Proposed: new paragraph{label}{where}", _segments(p.resulting_text or p.text, "insert"))
    elif outcome.proposed:
        whole = all(change.op == DELETE for change in outcome.proposed if change.text.strip())
        verb = "delete" if p.operation == "delete" and whole else "changes to"
        proposed = TextView(f"Proposed: {verb} {base_name}", inline(outcome.proposed))
    elif p.operation == "comment":
        said = " / ".join(" ".join(i.verbatim.split()) for i in _inputs(p) if i.verbatim)
        proposed = TextView("Comment, as written", _segments(said), "no text")
    elif p.operation == "delete" and p.resulting_text == "" and outcome.base_text:
        proposed = TextView(f"Proposed: delete {base_name}", _segments(outcome.base_text, "delete"))
    elif p.text or p.resulting_text:
        new = p.resulting_text or p.text
        label = f" {p.new_label}" if p.new_label else ""
        if outcome.base_text and outcome.base_text != new:
            proposed = TextView(f"Proposed text{label} (in place of {base_name})", _segments(new, "insert"))
        else:
            proposed = TextView(f"Proposed text{label}", _segments(new, "insert"))
    elif outcome.base_text and p.edits:
        proposed = TextView(_cap(base_name) + " (the change could not be placed in it)", _segments(outcome.base_text))
    elif outcome.base_text:
        proposed = TextView(_cap(base_name) + " (no new wording proposed)", _segments(outcome.base_text))
    else:
        proposed = TextView("Proposed", [], "no text")
    if outcome.proposed or (p.operation == "new_paragraph" and (p.resulting_text or p.text)):
        compared = "the proposal"
    else:
        compared = f"paragraph {outcome.base_label}" if outcome.base_label else "the base text"
    nxt: TextView | None
    if next_draft is None:
        nxt = TextView("Next draft", [], "Pending: there is no next draft yet.")
    elif outcome.next_label is None and p.operation == "comment":
        nxt = None  # nothing to compare: the verdict line says so
    elif outcome.next_label is None:
        nxt = TextView(_cap(the(next_draft)), [], f"No paragraph of {the(next_draft)} corresponds.")
    elif outcome.against_next:
        nxt = TextView(
            f"Paragraph {outcome.next_label} of {the(next_draft)}, compared with {compared}",
            inline(outcome.against_next),
        )
    else:
        nxt = TextView(
            f"Paragraph {outcome.next_label} of {the(next_draft)}",
            _segments(outcome.next_text),
            "" if outcome.next_text else "no text",
        )
    current = badge(outcome.status)
    computed = badge(outcome.computed.status)
    return OutcomeView(
        anchor=f"proposal-{outcome.id}",
        id=outcome.id,
        operation=p.operation,
        operation_words=f"{p.bracketing}ing"
        if p.bracketing
        else OPERATION_WORDS.get(p.operation, p.operation.replace("_", " ")),
        sponsors=[
            SponsorView(s.delegation, s.attribution == "inferred", s.delegation == delegation) for s in p.sponsors
        ],
        inferred=any(s.attribution == "inferred" for s in p.sponsors),
        asked=asked(p),
        proposed=proposed,
        next=nxt,
        badge=current,
        explanation=outcome.computed.explanation if not outcome.override else "",
        override=bool(outcome.override),
        computed=computed,
        computed_explanation=outcome.computed.explanation,
        note=outcome.note or "",
        evidence=_evidence(outcome, next_draft),
        inputs=_inputs(p),
        rationale=p.rationale or "",
        references=", ".join(p.references),
        confidence=f"{p.confidence:.2f}" if p.confidence < 1 else "",
        check=outcome.check,
        corrected=p.corrected,
    )


def anchor_for(label: str, taken: set[str], prefix: str = "para") -> str:
    """An HTML id for a paragraph label ('PP2bis' → 'para-PP2bis'), unique within `taken`."""
    base = f"{prefix}-" + ("".join(c if c.isalnum() else "-" for c in label).strip("-") or "none")
    return unique_eid(base, taken, sep="-")


@dataclass(frozen=True)
class SectionView:
    """One paragraph of the report: its label and base text, and the cards of the proposals on it."""

    anchor: str
    label: str
    base_heading: str
    base_text: str
    outcomes: list[OutcomeView]
    badges: list[Badge]  # one per outcome, for the contents


def totals_view(totals: dict[str, int]) -> list[tuple[Badge, int]]:
    """Every status of STATUS_ORDER (zero where absent), then any other status the totals name."""
    order = list(STATUS_ORDER) + [status for status in totals if status not in STATUS_ORDER]
    return [(badge(status), int(totals.get(status, 0))) for status in order]


def _legend(statuses: list[str]) -> list[tuple[Badge, str]]:
    return [(badge(status), STATUS_MEANINGS.get(status, "")) for status in statuses]


def delegation_report_html(report: DelegationReport, nav: Nav | None = None, links: SiteLinks | None = None) -> str:
    """Every proposal of one delegation and what became of it, as one self-contained HTML page.

    One section per paragraph, one card per proposal: what was asked, the proposal as a
    redline against its base, the next draft's text against the proposal, and the verdict
    with its evidence; a facilitator's override is shown beside the computed value.
    """
    taken: set[str] = set()
    sections = []
    count = 0
    shared = 0
    for label, outcomes in report.paragraphs:
        views = [outcome_view(o, report.delegation, report.base_draft, report.next_draft) for o in outcomes]
        if links is not None:
            views = [
                replace(v, see=tuple(links.for_outcome(o, report.delegation)))
                for v, o in zip(views, outcomes, strict=True)
            ]
        base_text = next((o.base_text for o in outcomes if o.base_text), "") or ""
        name = label or "(no paragraph)"
        heading = f"{name} in {the(report.base_draft)}, as the proposals found it"
        sections.append(
            SectionView(anchor_for(label or "none", taken), name, heading, base_text, views, [v.badge for v in views])
        )
        count += len(outcomes)
        shared += sum(1 for o in outcomes if len(o.proposal.sponsors) > 1)
    if report.next_draft:
        scope = f"Proposals on {the(report.base_draft)}, judged against {the(report.next_draft)}"
    else:
        scope = f"Proposals on {the(report.base_draft)} · pending: no next draft yet"
    summary = (
        f"{count} proposal{'s' if count != 1 else ''} on {len(sections)} paragraph{'s' if len(sections) != 1 else ''}"
    )
    if shared:
        summary += f", {shared} of them with co-sponsors"
    title = f"{report.delegation}: proposals on {the(report.base_draft)}"
    return page(
        "report.html",
        nav,
        title,
        report.negotiation_title,
        misread=report.misread,
        negotiation=report.negotiation_title,
        delegation=report.delegation,
        kind=KIND_WORDS.get(report.delegation_kind, report.delegation_kind.replace("_", " ")),
        scope=scope,
        summary=summary,
        next_draft=the(report.next_draft) if report.next_draft else "",
        totals=totals_view(report.totals),
        legend=_legend([s for s in STATUS_ORDER if report.next_draft or s in ("pending", "n/a")]),
        sections=sections,
    )


@dataclass(frozen=True)
class VersionView:
    """One draft's version of the paragraph: where it stands, how it came there, its text and proposals."""

    anchor: str
    draft: str
    date: str
    datetime: str
    label: str
    present: bool
    relation: str
    note: str
    markers: list[str]
    segments: list[Segment]
    proposals_heading: str
    proposals: list[OutcomeView]
    open_points: list[str]
    see: tuple[tuple[str, str], ...] = ()  # its row in the redline, in a site


def version_view(
    version: ParagraphVersion, first: bool, anchor: str, next_draft: str | None, agreed: Agreed | None = None
) -> VersionView:
    """Turn one ParagraphVersion into its block: the first version plain, later ones redlined; its agreed
    language (`agreed`: of its draft) marked."""
    iso, words = date_parts(version.date)
    if version.changes and not first:
        segments = inline(version.changes)
    else:
        segments = _segments(version.text)
    if agreed and version.label:
        segments = with_agreed(segments, version.text, agreed.get(version.label, []))
    draft = the(version.draft_label)
    return VersionView(
        anchor=anchor,
        draft=version.draft_label,
        date=words,
        datetime=iso,
        label=version.label or "",
        present=version.label is not None,
        relation=version.relation or "",
        note=version.note,
        markers=list(version.markers),
        segments=segments,
        proposals_heading=f"{count(len(version.proposals), 'proposal')} made on {version.label} in {draft}",
        proposals=[outcome_view(o, None, version.draft_label, next_draft) for o in version.proposals],
        open_points=list(version.open_points),
    )


def paragraph_history_html(
    history: ParagraphHistory,
    nav: Nav | None = None,
    agreed: dict[str, Agreed] | None = None,
    links: SiteLinks | None = None,
) -> str:
    """One paragraph through every draft as one self-contained HTML page.

    Each version is redlined against the one before and followed by the proposals made on
    it in that draft, with what became of them in the next. `agreed`: each draft's agreed
    language (by draft key), marked.
    """
    taken: set[str] = set()
    versions = history.versions
    views = [
        version_view(
            version,
            k == 0,
            anchor_for(version.draft_key, taken, "draft"),
            versions[k + 1].draft_label if k + 1 < len(versions) else None,
            (agreed or {}).get(version.draft_key),
        )
        for k, version in enumerate(versions)
    ]
    if links is not None:
        views = [_linked(view, version, history.pid, links) for view, version in zip(views, versions, strict=True)]
    proposals = sum(len(v.proposals) for v in views)
    title = f"Paragraph {history.label}: its history"
    return page(
        "history.html",
        nav,
        title,
        history.negotiation_title,
        misread=history.misread,
        negotiation=history.negotiation_title,
        label=history.label,
        pid=history.pid,
        versions=views,
        summary=f"{count(len(views), 'draft')}, {count(proposals, 'proposal')}",
        legend=_legend(sorted({v.badge.status for view in views for v in view.proposals}, key=_status_rank)),
        agreed=any((agreed or {}).get(v.draft_key, {}).get(v.label or "") for v in versions),
    )


def _linked(view: VersionView, version: ParagraphVersion, pid: str, links: SiteLinks) -> VersionView:
    """A version with its row in the redline, and its proposals with their other pages."""
    proposals = [
        replace(v, see=tuple(links.for_outcome(o))) for v, o in zip(view.proposals, version.proposals, strict=True)
    ]
    see = links.for_version(version.draft_key, pid) if version.label is not None else []
    return replace(view, proposals=proposals, see=tuple(see))


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


# --- compilation table, site pages, dashboard, search ------------------------------------------------


@dataclass(frozen=True)
class EntryView:
    """One input in a row of a compilation table."""

    anchor: str
    delegations: str
    inferred: bool
    operation: str
    segments: list[Segment]  # the redline against the row's paragraph (empty: show the verbatim input)
    verbatim: str
    rationale: str | None
    references: str
    badge: Badge | None
    explanation: str | None
    check: list[str]
    reports: tuple[tuple[str, str], ...] = ()  # in a site: each delegation's report, at this proposal
    names: tuple[str, ...] = ()  # the delegations one by one, for the page's filter


@dataclass(frozen=True)
class TableRowView:
    kind: str  # heading, paragraph, new_paragraph
    anchor: str
    label: str
    text: list[Segment]  # its text, agreed language marked
    depth: int
    entries: list[EntryView]
    history: str = ""  # in a site: the paragraph's history page


def compilation_html(
    table: CompilationTable, nav: Nav | None = None, agreed: Agreed | None = None, links: SiteLinks | None = None
) -> str:
    """The facilitators' compilation table: each paragraph beside every delegation's input on it (its agreed
    language, `agreed`, marked)."""
    taken: set[str] = set()
    rows = []
    for row in table.rows:
        entries = [
            EntryView(
                f"proposal-{e.id}",
                ", ".join(e.delegations),
                e.attribution == "inferred",
                e.operation.replace("_", " "),
                inline(e.changes) if e.changes else [],
                e.verbatim,
                e.rationale,
                "; ".join(e.references),
                badge(e.disposition) if e.disposition else None,
                e.explanation,
                e.check,
                names=tuple(e.delegations),
            )
            for e in row.entries
        ]
        text = _segments(row.text)
        if agreed and row.kind == "paragraph":
            text = with_agreed(text, row.text, agreed.get(row.label, []))
        view = TableRowView(row.kind, anchor_for(row.label, taken, "row"), row.label, text, row.depth, entries)
        rows.append(_compiled(view, row.entries, table.draft_key, links) if links is not None else view)
    inputs = sum(len(r.entries) for r in rows)
    return page(
        "compilation.html",
        nav,
        f"Compilation of inputs on {the(table.draft_label)} · {table.negotiation_title}",
        misread=table.misread,
        negotiation=table.negotiation_title,
        draft=table.draft_label,
        date=date_parts(table.draft_date)[0] if table.draft_date else "",
        next_draft=the(table.next_draft) if table.next_draft else "",
        with_disposition=table.with_disposition,
        rows=rows,
        inputs=inputs,
        counts=list(table.counts.items()),
        agreed=bool(agreed),
        verdicts=_verdicts(rows),
        jump=[(row.anchor, row.label, count(len(row.entries), "input")) for row in rows if row.entries],
    )


def _verdicts(rows: list[TableRowView]) -> list[tuple[Badge, int]]:
    """Each disposition the table's inputs have, with how many, in the reports' order (for the filter)."""
    found = Counter(e.badge.status for row in rows for e in row.entries if e.badge)
    return [(badge(status), found[status]) for status in sorted(found, key=_status_rank)]


def _compiled(view: TableRowView, entries: list, draft_key: str, links: SiteLinks) -> TableRowView:
    """A compilation row with its paragraph's history and each input's delegations' reports linked."""
    linked = [
        replace(v, reports=tuple((name, href) for name in e.delegations if (href := links.report(name, e.id))))
        for v, e in zip(view.entries, entries, strict=True)
    ]
    history = links.for_label(draft_key, view.label) if view.kind == "paragraph" else None
    return replace(view, entries=linked, history=history or "")


@dataclass(frozen=True)
class Bar:
    """One bar (or stacked piece) of an inline SVG chart, positions computed here, not in the template."""

    x: float
    y: float
    width: float
    height: float
    css: str
    title: str
    href: str = ""  # in a site: the page that shows what the bar counts


@dataclass(frozen=True)
class ChartView:
    title: str
    width: int
    height: int
    bars: list[Bar]
    labels: list[tuple[float, float, str]]  # x, y, text
    values: list[tuple[float, float, str]]
    inside: list[tuple[float, float, str]] = ()  # numbers written inside the pieces of stacked bars (centred)


BAR_WIDTH = 640  # the longest bar of a chart, in the chart's own units (it scales down on narrow screens)


def _label_room(labels: list[str]) -> tuple[int, int]:
    """How far the bars start, so that the labels before them fit, and how many characters a label may keep."""
    longest = max((len(label) for label in labels), default=0)
    left = int(min(max(12 + 6.4 * longest, 80), 320)) + 1
    return left, longest if 12 + 6.4 * longest <= 320 else int(308 / 6.4)


def _short(label: str, room: int) -> str:
    """A label cut to fit before the bars (its whole text stays in the bar's title)."""
    return label if len(label) <= room else label[: max(room - 1, 1)].rstrip() + "…"


def _bar_chart(
    title: str, items: list[tuple[str, int]], unit: str, link: Callable[[str], str | None] | None = None
) -> ChartView:
    """Horizontal bars, one per item; `link`: where a bar leads, by its item."""
    (left, room), row, width = _label_room([label for label, _ in items]), 18, BAR_WIDTH
    top = max((v for _, v in items), default=0) or 1
    bars, labels, values = [], [], []
    for k, (label, value) in enumerate(items):
        y = 8 + k * row
        w = width * value / top
        href = (link(label) if link else None) or ""
        bars.append(Bar(left, y, max(w, 0.5 if value else 0), row - 5, "bar", f"{label}: {value} {unit}", href))
        labels.append((left - 6, y + row - 8, _short(label, room)))
        values.append((left + w + 4, y + row - 8, str(value)))
    return ChartView(title, left + width + 60, 16 + len(items) * row, bars, labels, values)


def _stacked_chart(
    title: str, items: list[tuple[str, dict[str, int]]], link: Callable[[str], str | None] | None = None
) -> ChartView:
    """Horizontal stacked bars: one per delegation, one piece per disposition with its number; `link`: where a
    bar leads."""
    (left, room), row, width = _label_room([label for label, _ in items]), 18, BAR_WIDTH
    top = max((sum(v.values()) for _, v in items), default=0) or 1
    bars, labels, values, inside = [], [], [], []
    for k, (label, counts) in enumerate(items):
        y = 8 + k * row
        x = float(left)
        for status in STATUS_ORDER:
            n = counts.get(status, 0)
            if not n:
                continue
            w = width * n / top
            title_words = f"{label}: {n} {STATUS_WORDS.get(status, status)}"
            bars.append(Bar(x, y, w, row - 5, badge(status).css, title_words, (link(label) if link else None) or ""))
            if w >= 8 + 6 * len(str(n)):
                inside.append((x + w / 2, y + row - 8, str(n)))
            x += w
        labels.append((left - 6, y + row - 8, _short(label, room)))
        values.append((x + 4, y + row - 8, str(sum(counts.values()))))
    return ChartView(title, left + width + 60, 16 + len(items) * row, bars, labels, values, inside)


OPEN_KINDS = {"bracket": "bracketed spans", "alternatives": "choices between alternatives", "options": "option groups"}


def _open_points_chart(items: list[tuple[str, dict[str, int]]]) -> ChartView:
    """Horizontal stacked bars, one per draft: its open points by kind, each piece with its number."""
    (left, room), row, width = _label_room([label for label, _ in items]), 22, BAR_WIDTH
    top = max((sum(v.values()) for _, v in items), default=0) or 1
    bars, labels, values = [], [], []
    for k, (label, counts) in enumerate(items):
        y = 8 + k * row
        x = float(left)
        for kind, words in OPEN_KINDS.items():
            n = counts.get(kind, 0)
            if not n:
                continue
            w = width * n / top
            bars.append(Bar(x, y, w, row - 6, f"open-{kind}", f"{label}: {n} {words}"))
            x += w
        labels.append((left - 6, y + row - 11, _short(label, room)))
        parts = " + ".join(str(counts.get(kind, 0)) for kind in OPEN_KINDS)
        values.append((x + 4, y + row - 11, f"{sum(counts.values())} open ({parts})"))
    return ChartView("Open points per draft", left + width + 170, 16 + len(items) * row, bars, labels, values)


def _grid_chart(title: str, columns: list[str], rows: list[tuple[str, list[int]]]) -> ChartView:
    """A grid: one row per container, one column per draft, each cell shaded by its count and showing it."""
    (left, room), top_row = _label_room([name for name, _ in rows]), 30
    cell = int(min(max(96, 12 + 6.4 * max((len(c) for c in columns), default=0)), 170))
    top = max((n for _, counts in rows for n in counts), default=0) or 1
    bars, labels, values = [], [], []
    for c, name in enumerate(columns):
        labels.append((left + c * cell + cell - 6, 18, _short(name, round((cell - 12) / 6.4))))
    for r, (name, counts) in enumerate(rows):
        y = top_row + r * 18
        labels.append((left - 6, y + 12, _short(name, room)))
        for c, n in enumerate(counts):
            heat = 0 if not n else 1 + min(3, int(4 * n / (top + 1)))
            bars.append(Bar(left + c * cell, y, cell - 2, 16, f"heat-{heat}", f"{name}, {columns[c]}: {n} open"))
            values.append((left + c * cell + 6, y + 12, str(n) if n else ""))
    return ChartView(title, left + len(columns) * cell + 20, top_row + 8 + len(rows) * 18, bars, labels, values)


def dashboard_html(
    charts: Charts, negotiation_title: str, nav: Nav | None = None, links: SiteLinks | None = None
) -> str:
    """Charts of a negotiation: proposals per paragraph, dispositions per delegation, open points per draft; in a
    site (`links`), each paragraph's bar leads to its history, each delegation's to its report."""
    paragraph = links.for_proposed_label if links else None
    delegation = links.reports.get if links else None
    views = [
        _bar_chart("Proposals per paragraph", charts.proposals_per_paragraph, "proposals", paragraph),
        _stacked_chart("Dispositions per delegation", charts.dispositions_per_delegation, delegation),
        _open_points_chart(charts.open_points_per_draft),
        _grid_chart("Open points by container, as each draft numbers them", *charts.open_points_by_container),
    ]
    return page(
        "dashboard.html",
        nav,
        f"Dashboard · {negotiation_title}",
        negotiation=negotiation_title,
        charts=views,
        legend=[badge(s) for s in STATUS_ORDER],
        open_kinds=list(OPEN_KINDS.items()),
    )


def search_index_js(entries: list[dict]) -> str:
    """The search index as a script (a file:// page may load a script, not fetch JSON).

    json.dumps escapes quotes and backslashes; '<' is escaped too so no text can close the script.
    """
    data = json.dumps(entries, ensure_ascii=False).replace("<", "\\u003c")
    rules = json.dumps(spelling_rules()).replace("<", "\\u003c")
    return f"window.AMENDTRACK_INDEX = {data};\nwindow.AMENDTRACK_SPELLING = {rules};\n"
