"""Reports for the terminal: plain lines, redlines as [-deleted-]{+inserted+}."""

from __future__ import annotations

from amendtrack.compare.redline import plain
from amendtrack.report.tracking import STATUS_ORDER, DelegationReport, Outcome, ParagraphHistory


def dispositions_table(records: list[dict]) -> list[str]:
    """Per delegation: how many of its proposals ended in each disposition (co-sponsors count for each)."""
    counts: dict[str, dict[str, int]] = {}
    for record in records:
        for delegation in record["delegations"]:
            row = counts.setdefault(delegation, {status: 0 for status in STATUS_ORDER})
            row[record["disposition"]] = row.get(record["disposition"], 0) + 1
    header = ["delegation", *STATUS_ORDER, "total"]
    rows = [[name, *(str(row[s]) for s in STATUS_ORDER), str(sum(row.values()))] for name, row in counts.items()]
    rows.sort(key=lambda r: (-int(r[-1]), r[0]))
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    return [
        "  ".join(cell.ljust(w) if k == 0 else cell.rjust(w) for k, (cell, w) in enumerate(zip(r, widths, strict=True)))
        for r in [header, *rows]
    ]


def outcome_lines(outcome: Outcome) -> list[str]:
    proposal = outcome.proposal
    status = outcome.status + (f" (computed: {outcome.computed.status})" if outcome.override else "")
    lines = [f"  #{outcome.id} {proposal.operation} by {', '.join(proposal.delegations)}: {status}"]
    lines.append(f"    {outcome.computed.explanation}")
    if outcome.note:
        lines.append(f"    facilitator's note: {outcome.note}")
    if outcome.proposed:
        lines.append(f"    asked: {plain(outcome.proposed)}")
    if outcome.against_next and outcome.next_label:
        lines.append(f"    {outcome.next_label} now, against what was asked: {plain(outcome.against_next)}")
    return lines


def report_lines(report: DelegationReport) -> list[str]:
    against = f"judged against the {report.next_draft}" if report.next_draft else "pending: no next draft yet"
    totals = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in report.totals.items() if n)
    lines = [f"{report.delegation}: proposals on the {report.base_draft}, {against}", totals or "no proposals", ""]
    for label, outcomes in report.paragraphs:
        lines.append(f"paragraph {label}")
        for outcome in outcomes:
            lines.extend(outcome_lines(outcome))
        lines.append("")
    return lines


def history_lines(history: ParagraphHistory) -> list[str]:
    lines = [f"paragraph {history.label} ({history.pid})", ""]
    for version in history.versions:
        where = version.label or "not in this draft"
        lines.append(f"{version.draft_label}: {where}" + (f" ({version.note})" if version.note else ""))
        for marker in version.markers:
            lines.append(f"  {marker}")
        if version.label:
            lines.append("  " + (plain(version.changes) if version.changes else version.text))
        for outcome in version.proposals:
            lines.extend(outcome_lines(outcome))
        lines.append("")
    return lines
