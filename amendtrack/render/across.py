"""HTML pages that look across documents: the echoes of a draft (report.echoes), its agreed language
(report.provenance)."""

from __future__ import annotations

from dataclasses import dataclass

from amendtrack.render.html import Agreed, Nav, Segment, anchor_for, inline, page
from amendtrack.report.echoes import EchoReport
from amendtrack.report.provenance import Found, ProvenanceReport

KIND_WORDS = {
    "within": "restates another paragraph of this draft",
    "earlier draft": "restates a paragraph of an earlier draft",
    "antecedent": "its theme in another negotiation",
}


@dataclass(frozen=True)
class EchoView:
    """One echo as the page shows it."""

    anchor: str
    kind: str
    first: str
    second: str
    second_where: str
    similarity: str
    words: list[str]
    phrases: list[str]
    segments: list[Segment]


def echoes_html(report: EchoReport, nav: Nav | None = None) -> str:
    """The echoes of a draft: each pair, why it passes, and a redline of the other paragraph into this one."""
    views = [
        EchoView(
            anchor=f"echo-{k}",
            kind=row.kind,
            first=row.echo.first.label,
            second=row.echo.second.label,
            second_where=row.echo.second.where,
            similarity=f"{row.echo.similarity:.2f}",
            words=row.echo.shared_words[:12],
            phrases=row.echo.shared_phrases[:4],
            segments=inline(row.changes),
        )
        for k, row in enumerate(report.rows, start=1)
    ]
    return page(
        "echoes.html",
        nav,
        f"Echoes in {report.draft_label}",
        report.title or report.negotiation,
        negotiation=report.title or report.negotiation,
        draft=report.draft_label,
        against=report.against,
        echo_threshold=f"{report.echo_threshold:.2f}",
        antecedent_threshold=f"{report.antecedent_threshold:.2f}",
        echoes=views,
        kinds=KIND_WORDS,
    )


@dataclass(frozen=True)
class MarkedParagraph:
    """A paragraph of the draft with its agreed language: (text, source or '') pieces, and the phrases' sources."""

    label: str
    anchor: str
    pieces: list[tuple[str, str, str]]  # (text, source it was found in or '', anchor of the phrase or '')
    sources: list[tuple[str, str, str, str, bool]]  # (anchor, draft words, where, source words, verbatim)


def provenance_html(report: ProvenanceReport, nav: Nav | None = None) -> str:
    """The draft's paragraphs that hold agreed language, each phrase marked and linked to its source."""
    anchors = _anchors(report)
    paragraphs = [_marked(label, anchors[label], found) for label, found in _by_paragraph(report).items()]
    return page(
        "provenance.html",
        nav,
        f"Agreed language in {report.draft_label}",
        report.title or report.negotiation,
        negotiation=report.title or report.negotiation,
        draft=report.draft_label,
        min_words=report.min_words,
        searched=report.searched,
        phrases=len(report.found),
        paragraphs=paragraphs,
    )


def _marked(label: str, anchor: str, found: list[Found]) -> MarkedParagraph:
    """One paragraph cut into plain and agreed pieces (the first phrase found wins where two overlap)."""
    text = found[0].whole
    sources, pieces, at = [], [], 0
    for k, f in enumerate(sorted(found, key=lambda f: f.phrase.start), start=1):
        mark = f"{anchor}-{k}"
        sources.append((mark, f.text, f.where, f.source_text, f.phrase.verbatim))
        if f.phrase.start >= at:
            pieces.append((text[at : f.phrase.start], "", ""))
            pieces.append((text[f.phrase.start : f.phrase.end], f.where, mark))
            at = f.phrase.end
    pieces.append((text[at:], "", ""))
    return MarkedParagraph(label, anchor, [p for p in pieces if p[0]], sources)


def agreed_spans(report: ProvenanceReport, page_name: str | None) -> Agreed:
    """A draft's agreed language for marking other views, each span linked to its paragraph on `page_name`
    (the page provenance_html wrote); with no page (a report written on its own), named in the mark's title only."""
    anchors = _anchors(report)
    spans: Agreed = {}
    for f in report.found:
        href = f"{page_name}#{anchors[f.paragraph]}" if page_name else ""
        spans.setdefault(f.paragraph, []).append((f.phrase.start, f.phrase.end, f.where, href))
    return spans


def _by_paragraph(report: ProvenanceReport) -> dict[str, list[Found]]:
    found: dict[str, list[Found]] = {}
    for f in report.found:
        found.setdefault(f.paragraph, []).append(f)
    return found


def _anchors(report: ProvenanceReport) -> dict[str, str]:
    """Each paragraph's id on the page, the same wherever it is linked from."""
    taken: set[str] = set()
    return {label: anchor_for(label, taken) for label in _by_paragraph(report)}
