"""Text for the terminal: tables, the outline of a draft, redlines as [-deleted-]{+inserted+} or in colour, reports.

Every function returns lines (or one string); the command line prints them. Text that comes from
documents and inputs is made printable first (errors.printable): a control character in a proposal
is shown as an escape, never obeyed by the terminal.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import click

from amendtrack.compare.redline import DELETE, INSERT, Change, plain
from amendtrack.errors import printable
from amendtrack.model.names import count
from amendtrack.model.proposal import STATUSES as STATUS_ORDER
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph

if TYPE_CHECKING:  # types only: listing drafts or proposals should not load the aligner and the reports
    from amendtrack.compare.align import Alignment
    from amendtrack.compare.comparison import Comparison
    from amendtrack.report.delegation import DelegationReport
    from amendtrack.report.history import ParagraphHistory
    from amendtrack.report.snapshot import Outcome

NO_WORDS = ("move", "merge", "split", "comment")  # operations that change no words: `applied` means nothing


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], right: set[int] | None = None) -> str:
    """Plain columns separated by two spaces; `right` columns are right-aligned."""
    right = right or set()
    rows = [tuple(printable(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), *(line(row) for row in rows)])


def _width(default: int) -> int:
    """The terminal's width in columns (`default` when it cannot be told, as when printing to a file)."""
    return shutil.get_terminal_size((default, 24)).columns


def shorten(line: str, width: int) -> str:
    """Cut a line to `width` characters, ending with … when cut."""
    width = max(width, 20)
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def drafts_table(documents: list[dict[str, Any]]) -> str:
    """`amendtrack drafts`: negotiation, order, key, label, date, kind, paragraphs and the SHA-256's first 12 digits.

    A draft issued in parts is one row, its parts indented beneath it (kind `part`)."""
    header = ("negotiation", "order", "key", "label", "date", "kind", "paragraphs", "sha256")
    rows = []
    for d in documents:
        rows.append(
            (
                d["negotiation"],
                str(d["order"]),
                d["key"],
                d["label"],
                d["date"] or "-",
                d["kind"],
                str(d["paragraphs"]),
                d["sha256"][:12],
            )
        )
        rows.extend(
            ("", "", f"  {part['key']}", part["name"], part["date"] or "-", "part", "", part["sha256"][:12])
            for part in d.get("parts") or []
        )
    return table(header, rows, right={1, 6})


def proposals_table(found: list[tuple[int, Proposal]], width: int | None = None) -> list[str]:
    """`amendtrack proposals`: id, delegations, paragraph, operation, applied and words, each line cut to the width."""
    width = width or _width(120)
    rows = []
    for number, proposal in found:
        record = proposal.to_dict()
        target = proposal.paragraph or "?"
        if proposal.new_label:
            target = f"{target} → {proposal.new_label}"
        applied = "-" if proposal.operation in NO_WORDS else ("yes" if proposal.applied else "no")
        words = record["text"] or proposal.rationale or ""
        rows.append(
            (
                str(number),
                shorten(", ".join(proposal.delegations), 28),
                shorten(target, 20),
                proposal.operation,
                applied,
                " ".join(words.split()),
            )
        )
    header = ("id", "delegations", "paragraph", "operation", "applied", "text")
    return [shorten(line, width) for line in table(header, rows, right={0}).splitlines()]


def delegations_table(records: list[dict[str, Any]]) -> str:
    """`amendtrack delegations`: each delegation, its kind and its number of proposals."""
    rows = [(r["name"], r["kind"], str(r["proposals"])) for r in records]
    return table(("delegation", "kind", "proposals"), rows, right={2})


def outline(tree: Draft, width: int | None = None) -> list[str]:
    """The tree as indented lines no wider than the width: label (? when inferred), kind, [markers], text."""
    width = width or _width(100)
    entries: list[tuple[str, Paragraph]] = []

    def visit(nodes: list[Paragraph], depth: int) -> None:
        for node in nodes:
            entries.append(("  " * depth + node.label + ("?" if node.label_inferred else ""), node))
            visit(node.children, depth + 1)

    visit(tree.paragraphs, 0)
    if not entries:
        return ["(no paragraphs)"]
    label_width = min(max(len(label) for label, _ in entries), 28)
    kind_width = max(len(node.kind) for _, node in entries)
    lines = []
    for label, node in entries:
        markers = "".join(f"[{marker.text.strip().strip('[]').strip()}] " for marker in node.markers)
        line = f"{label.ljust(label_width)}  {node.kind.ljust(kind_width)}  {markers}{' '.join(node.text.split())}"
        lines.append(shorten(printable(line.rstrip()), width))
    return lines


def structure(summary: dict[str, Any]) -> list[str]:
    """`paragraphs --summary`: counts by kind, one line per container, the longest paragraph, warnings."""
    kinds = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in summary["kinds"].items())
    lines = [f"{summary['paragraphs']} nodes: {kinds}"]
    brackets = f"brackets: {summary['brackets']}"
    if summary["brackets"]:
        brackets += f" (deepest nesting {summary['bracket_depth']}, {summary['bracket_groups']} side-by-side groups)"
    lines += [brackets, f"option groups: {summary['option_groups']} ({summary['options']} options)"]
    lines.append(f"labels inferred: {summary['labels_inferred']}")
    if summary["longest"]:
        lines.append(f"longest: {summary['longest']['label']} ({summary['longest']['characters']} characters)")
    for container in summary["containers"]:
        inside = ", ".join(f"{count} {kind}" for kind, count in container["inside"].items()) or "empty"
        title = f" ({container['title']})" if container["title"] else ""
        lines.append(f"  {container['label']}{title}: {inside}")
    lines += [f"warning: {warning}" for warning in summary["warnings"]]
    return [printable(line) for line in lines]


def _totals(counts: dict[str, int], conflicts: list[str]) -> list[str]:
    """The count of each relation on one line, then one line per conflict."""
    return ["", ", ".join(f"{n} {relation}" for relation, n in counts.items() if n)] + [
        printable(f"conflict: {conflict}") for conflict in conflicts
    ]


def alignment_lines(alignment: Alignment) -> list[str]:
    """`amendtrack align`: one row per link (relation, from, to, score, source, note), then counts and conflicts."""
    rows = [
        (
            link.relation,
            ", ".join(p.label for p in link.sources) or "-",
            ", ".join(p.label for p in link.targets) or "-",
            f"{link.score:.2f}",
            link.source,
            link.note,
        )
        for link in alignment.links
    ]
    header = ("relation", "from", "to", "score", "source", "note")
    return [table(header, rows, right={3}), *_totals(alignment.counts(), alignment.conflicts)]


def redline_text(changes: list[Change], colour: bool) -> str:
    """A redline for the terminal: coloured, or [-deleted-]{+inserted+}."""
    if not colour:
        return printable(plain(changes))
    parts = []
    for change in changes:
        text = printable(change.text)
        if change.op == DELETE:
            parts.append(click.style(text, fg="red", strikethrough=True))
        elif change.op == INSERT:
            parts.append(click.style(text, fg="green", underline=True))
        else:
            parts.append(text)
    return "".join(parts)


def comparison_lines(comparison: Comparison, colour: bool) -> list[str]:
    """`amendtrack diff`: each link named (bold in colour) above its redline, then counts and conflicts."""
    lines = []
    for row in comparison.rows:
        heading = printable(
            f"{', '.join(row.old_labels) or '-'} → {', '.join(row.new_labels) or '-'}: {row.description}"
        )
        lines += [click.style(heading, bold=True) if colour else heading, redline_text(row.changes, colour), ""]
    return lines + _totals(comparison.counts, comparison.conflicts)[1:]


def dispositions_table(records: list[dict]) -> list[str]:
    """Per delegation: how many of its proposals ended in each disposition (co-sponsors count for each)."""
    counts: dict[str, dict[str, int]] = {}
    for record in records:
        for delegation in record["delegations"]:
            row = counts.setdefault(delegation, {status: 0 for status in STATUS_ORDER})
            row[record["disposition"]] = row.get(record["disposition"], 0) + 1
    header = ("delegation", *STATUS_ORDER, "total")
    rows = [(name, *(str(row[s]) for s in STATUS_ORDER), str(sum(row.values()))) for name, row in counts.items()]
    rows.sort(key=lambda r: (-int(r[-1]), r[0]))
    return table(header, rows, right=set(range(1, len(header)))).splitlines()


def outcome_lines(outcome: Outcome) -> list[str]:
    """One proposal's outcome: who asked what, the verdict with its explanation, the redlines."""
    proposal = outcome.proposal
    status = outcome.status + (f" (computed: {outcome.computed.status})" if outcome.override else "")
    lines = [f"  #{outcome.id} {proposal.operation} by {', '.join(proposal.delegations)}: {status}"]
    lines.append(f"    {outcome.computed.explanation}")
    if outcome.proposal.corrected is not None:
        lines.append(f"    reading corrected by the facilitators: {outcome.proposal.corrected}")
    if outcome.check:
        lines.append(f"    check this reading: {'; '.join(outcome.check)}")
    if outcome.note:
        lines.append(f"    facilitator's note: {outcome.note}")
    if outcome.proposed:
        lines.append(f"    asked: {plain(outcome.proposed)}")
    if outcome.against_next and outcome.next_label:
        lines.append(f"    {outcome.next_label} now, against what was asked: {plain(outcome.against_next)}")
    return [printable(line) for line in lines]


def report_lines(report: DelegationReport) -> list[str]:
    """`amendtrack report`: totals, then each paragraph with the outcomes of the proposals made on it."""
    against = f"judged against the {report.next_draft}" if report.next_draft else "pending: no next draft yet"
    totals = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in report.totals.items() if n)
    lines = [f"{report.delegation}: proposals on the {report.base_draft}, {against}", totals or "no proposals", ""]
    for label, outcomes in report.paragraphs:
        lines.append(printable(f"paragraph {label}"))
        for outcome in outcomes:
            lines.extend(outcome_lines(outcome))
        lines.append("")
    return lines


def history_lines(history: ParagraphHistory) -> list[str]:
    """`amendtrack history`: each draft's version of the paragraph, redlined, with its markers and proposals."""
    lines = [printable(f"paragraph {history.label} ({history.pid})"), ""]
    for version in history.versions:
        where = version.label or "not in this draft"
        lines.append(printable(f"{version.draft_label}: {where}" + (f" ({version.note})" if version.note else "")))
        for marker in version.markers:
            lines.append(printable(f"  {marker}"))
        if version.label:
            lines.append(printable("  " + (plain(version.changes) if version.changes else version.text)))
        for outcome in version.proposals:
            lines.extend(outcome_lines(outcome))
        lines.append("")
    return lines


def demo_lines(demo: Any) -> list[str]:
    """`amendtrack demo` (an api.DemoResult): the database, each negotiation's documents and proposals, the site."""
    lines = [f"demo database: {demo.database}"]
    for negotiation in demo.negotiations:
        lines += ["", f"{negotiation['key']}: {negotiation['title']}"]
        for d in negotiation["documents"]:
            date = f", {d['date']}" if d["date"] else ""
            size = count(d["size"], "proposal" if d["kind"] == "inputs" else "paragraph")
            lines.append(f"  {d['order']}. {d['key']} - {d['label']}{date}: {size}")
        lines.append(
            f"  {count(negotiation['proposals'], 'proposal')} from {count(negotiation['delegations'], 'delegation')}"
        )
    site = f"site: {demo.site.pages} pages, open {demo.site.index.resolve()}"
    return [printable(line) for line in [*lines, "", site, f"built in {demo.seconds:.1f} s (import and site)"]]


@contextlib.contextmanager
def progress_bar(stream: TextIO) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress(what, done, total) callback drawing a bar on `stream` when it is a terminal, else None."""
    if not stream.isatty():
        yield None
        return
    with contextlib.ExitStack() as stack:
        bar: Any = None

        def progress(what: str, done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = stack.enter_context(click.progressbar(length=total, label="importing", file=stream))
            bar.update(done - bar.pos, current_item=what)

        yield progress


def review_lines(records: list[dict]) -> list[str]:
    """`amendtrack review`: each proposal whose reading is in doubt, why, and the input as written."""
    if not records:
        return ["no reading to check"]
    lines = [f"{count(len(records), 'proposal')} to check"]
    for r in records:
        who = ", ".join(r["delegations"])
        lines.append(
            f"#{r['id']} {r['paragraph']} {r['operation']} by {who} (confidence {r['reading_confidence']:.2f})"
        )
        lines.extend(f"    {reason}" for reason in r["reasons"])
        lines.append("    as written: " + " ".join((r["verbatim"] or "").split())[:200])
    return [printable(line) for line in lines]


def open_lines(draft: str, points: list[dict]) -> list[str]:
    """`amendtrack open`: each open point of a draft under its paragraph, with its alternatives."""
    if not points:
        return [f"{draft}: no open point"]
    lines = [f"{draft}: {count(len(points), 'open point')}"]
    paragraph = None
    for point in points:
        if point["paragraph"] != paragraph:
            paragraph = point["paragraph"]
            lines.append(f"paragraph {paragraph}")
        shown = " ".join(point["text"].split())[:160]
        lines.append(f"  {point['kind']} {shown}  ({point['id']})")
        if point["kind"] != "bracket" and point["alternatives"]:
            lines.extend(f"    - {' '.join(a.split())[:120]}" for a in point["alternatives"])
    return [printable(line) for line in lines]


def progress_lines(found: dict) -> list[str]:
    """`amendtrack progress`: a table of counts per draft, then the events between consecutive drafts."""
    header = ("draft", "brackets", "choices", "option groups", "options", "bracketed", "in options", "clean")
    rows = [
        (d["draft"], *(str(d[k]) for k in ("brackets", "alternatives", "option_groups", "options")),
         *(str(d[k]) for k in ("bracketed_paragraphs", "optioned_paragraphs", "clean_paragraphs")))
        for d in found["drafts"]
    ]  # fmt: skip
    lines = table(header, rows, right=set(range(1, len(header)))).splitlines()
    for pair in found["pairs"]:
        said = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in pair["events"].items() if n)
        lines += ["", f"{pair['from']} → {pair['to']}: {said or 'no open point'}"]
    return [printable(line) for line in lines]


def echo_lines(report: Any) -> list[str]:
    """`amendtrack echoes`: each pair with its kind, similarity and reason, and the redline of one against the other."""
    found = report.to_dict()
    n = len(found["echoes"])
    head = f"{found['negotiation']}/{found['draft']}: {n} {'echo' if n == 1 else 'echoes'}"
    thresholds = found["thresholds"]
    lines = [f"{head} (similarity at least {thresholds['echo']}; antecedents at least {thresholds['antecedent']})"]
    for echo in found["echoes"]:
        first, second = echo["first"], echo["second"]
        where = "" if echo["kind"] == "within" else f" ({second['negotiation']}/{second['draft']})"
        lines.append(f"{first['label']} ~ {second['label']}{where}: {echo['kind']}, {echo['similarity']:.2f}")
        lines.append(f"  {echo['reason']}")
        lines.append(f"  {' '.join(echo['redline'].split())[:400]}")
    return [printable(line) for line in lines]


def provenance_lines(report: Any) -> list[str]:
    """`amendtrack provenance`: each phrase under its paragraph, with its sources (the same words found in
    several are one line) and, when not verbatim, the source's words."""
    found = report.to_dict()
    n = len(found["phrases"])
    lines = [
        f"{found['negotiation']}/{found['draft']}: {n} phrase{'' if n == 1 else 's'} of at least "
        f"{found['min_words']} words found in {count(found['adopted_documents'], 'adopted document')}"
    ]
    paragraph, last = None, None
    for phrase in found["phrases"]:
        if phrase["paragraph"] != paragraph:
            paragraph, last = phrase["paragraph"], None
            lines.append(f"paragraph {paragraph}")
        source = phrase["source"]
        where = f"{source['negotiation']}/{source['document']} {source['paragraph']}"
        if (phrase["start"], phrase["end"], phrase["verbatim"]) == last:
            lines[-1 if phrase["verbatim"] else -2] += f"; {where}"
            continue
        last = (phrase["start"], phrase["end"], phrase["verbatim"])
        lines.append(f"  “{' '.join(phrase['text'].split())}”")
        lines.append(f"    {'verbatim' if phrase['verbatim'] else 'nearly'}, in {where}")
        if not phrase["verbatim"]:
            lines.append(f"    there: “{' '.join(source['text'].split())}”")
    return [printable(line) for line in lines]
