"""HTML pages that look across documents: the echoes of a draft (report.echoes)."""

from __future__ import annotations

from dataclasses import dataclass

from amendtrack.render.html import Nav, Segment, inline, page
from amendtrack.report.echoes import EchoReport

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
        report.negotiation,
        negotiation=report.negotiation,
        draft=report.draft_label,
        against=report.against,
        echo_threshold=f"{report.echo_threshold:.2f}",
        antecedent_threshold=f"{report.antecedent_threshold:.2f}",
        echoes=views,
        kinds=KIND_WORDS,
    )
