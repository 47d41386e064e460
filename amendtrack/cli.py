"""The `amendtrack` command line: it parses options and calls the library, nothing more.

Errors in the input or the database end the command with one line on stderr,
`amendtrack: error: <message>`, and exit status 1.
"""

from __future__ import annotations

import contextlib
import functools
import json
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from amendtrack import __version__
from amendtrack.compare.disposition import STATUSES
from amendtrack.errors import InputError
from amendtrack.resources import DEMO_DB_NAME, ENV_VAR, SITE_FOLDER

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from amendtrack.compare.redline import Change
    from amendtrack.model.tree import Draft, Paragraph

# The library (SQLAlchemy, Jinja2, lxml) is imported inside each command, when it runs: `--help`
# and a command's own start stay quick, since most of a command's start-up was importing them.

F = TypeVar("F", bound=Callable[..., Any])


def _database_error(exc: BaseException) -> bool:
    """Whether `exc` is SQLAlchemy's word on a database or URL (reported in one line, like bad input)."""
    errors = sys.modules.get("sqlalchemy.exc")  # not imported: no SQLAlchemy error can have been raised
    return errors is not None and isinstance(exc, errors.DBAPIError | errors.ArgumentError | errors.NoSuchModuleError)


def _one_line(exc: BaseException) -> str:
    """The first non-empty line of an exception's message (database errors span many)."""
    orig = getattr(exc, "orig", None) if _database_error(exc) else None
    text = str(orig) if orig is not None else str(exc)  # a locked, full or read-only database, …
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def reports_errors(command: F) -> F:
    """Turn InputError and database errors into `amendtrack: error: …` and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except Exception as exc:
            if not isinstance(exc, InputError) and not _database_error(exc):
                raise
            click.echo(f"amendtrack: error: {_one_line(exc)}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def _reading(url: str | None, proposals: bool = False) -> Iterator[Session]:
    """A session on an existing amendtrack database (never creates one); `proposals`: it must hold them."""
    from sqlalchemy.orm import Session

    from amendtrack.store.tables import engine_for, has_proposal_tables, require_schema

    engine = engine_for(url)
    try:
        require_schema(engine)
        if proposals and not has_proposal_tables(engine):
            raise InputError(None, "no proposals stored yet (import some first: amendtrack import-inputs FILE …)")
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    envvar=ENV_VAR,
    metavar="URL",
    help=(
        "SQLAlchemy database URL, e.g. sqlite:///drafts.db or postgresql://user@host/dbname "
        f"(default: ${ENV_VAR}, else sqlite:///amendtrack.db in the current folder)."
    ),
)
@click.version_option(__version__, "--version", prog_name="amendtrack")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Track how UN negotiated texts change from draft to draft.

    Import drafts (plain text) into a database as paragraph trees, list the stored drafts, show
    any draft's paragraphs, align two drafts (lineage) and redline them. Import delegations'
    inputs (compilation tables, CSV, JSON) as proposals on a draft and list them.
    """
    ctx.obj = {"db": db}


@cli.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--negotiation", metavar="NAME", help="Negotiation to add a single file to (required for a file).")
@click.option("--label", metavar="LABEL", help="Label of a single file's draft (default: the file name without .txt).")
@click.option("--date", metavar="DATE", help="Date of a single file's draft, e.g. 2010-07-19.")
@click.pass_context
@reports_errors
def import_command(
    ctx: click.Context, path: Path, negotiation: str | None, label: str | None, date: str | None
) -> None:
    """Import a negotiation folder or a single .txt draft.

    PATH is a negotiation folder with a manifest.toml, or one .txt draft (then --negotiation
    is required). A draft may also be Akoma Ntoso 3.0 XML (.xml, as `amendtrack export akn`
    writes it) or Word (.docx: labels Word numbers automatically are read as printed).

    Every file is read before anything is written, and everything is written in one
    transaction: on any error nothing is stored. A document whose SHA-256 is already stored
    for the negotiation is left as it is. Inputs documents (kind "inputs": a .txt compilation
    table, .csv or .json) are read against the draft they comment on and stored as proposals.
    A .json dump written by `amendtrack export json` is restored exactly (--negotiation renames
    it). Prints one line per document.
    """
    from amendtrack.store.importer import import_path

    with contextlib.ExitStack() as stack:
        bar: Any = None

        def progress(what: str, done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = stack.enter_context(click.progressbar(length=total, label="importing", file=sys.stderr))
            bar.update(done - bar.pos, current_item=what)

        show = sys.stderr.isatty()
        results = import_path(
            path, ctx.obj["db"], negotiation=negotiation, label=label, date=date, progress=progress if show else None
        )
    for result in results:
        click.echo(result.message)


@cli.command("drafts")
@click.argument("negotiation", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects instead of a table.")
@click.pass_context
@reports_errors
def drafts_command(ctx: click.Context, negotiation: str | None, as_json: bool) -> None:
    """List the stored drafts, in order.

    Lists the documents of NEGOTIATION, or of every negotiation when it is not given.

    The table shows negotiation, order, key, label, date, kind, paragraph count and the first
    12 digits of the SHA-256. --json prints objects with the fields negotiation, key, label,
    date, kind, order, source_file, sha256 and paragraphs.
    """
    from amendtrack.store.tables import list_documents

    with _reading(ctx.obj["db"]) as session:
        documents = list_documents(session, negotiation)
    if as_json:
        click.echo(json.dumps(documents, ensure_ascii=False, indent=2))
        return
    if not documents:
        click.echo("no documents stored yet", err=True)
        return
    header = ("negotiation", "order", "key", "label", "date", "kind", "paragraphs", "sha256")
    rows = [
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
        for d in documents
    ]
    click.echo(_table(header, rows, right={1, 6}))


@cli.command("import-inputs")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--negotiation", required=True, metavar="NAME", help="The negotiation the draft belongs to.")
@click.option("--draft", "draft", required=True, metavar="DRAFT", help="The stored draft the inputs comment on.")
@click.option("--label", metavar="LABEL", help="Label of the inputs document (default: the file name).")
@click.option("--skip-invalid", is_flag=True, help="Store the valid rows of a CSV/JSON file and list the others.")
@click.option("--delegation", metavar="NAME", help="A .docx with tracked changes: the delegation of the whole file.")
@click.option(
    "--author-map",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="A .docx with tracked changes: Word user names to delegations (.toml or .csv).",
)
@click.pass_context
@reports_errors
def import_inputs_command(
    ctx: click.Context,
    file: Path,
    negotiation: str,
    draft: str,
    label: str | None,
    skip_invalid: bool,
    delegation: str | None,
    author_map: Path | None,
) -> None:
    """Import delegations' inputs on a stored draft as proposals.

    FILE is a compilation table (.txt), or proposals as CSV or JSON with the columns delegation,
    paragraph, operation, anchor, position, old, text, rationale (see README). DRAFT is a
    document key, label or order number. FILE may also be Word (.docx): a delegation's copy of
    the draft with tracked changes (each author's changes to a paragraph are one proposal;
    authors are delegations by --author-map, --delegation, or their own name), or a
    compilation table (paragraph | inputs).

    A file with any bad row stores nothing, and every problem is reported with its row; with
    --skip-invalid the valid rows are stored and the others listed on stderr. Proposals that
    several delegations make alike are stored once, with every sponsor and its source.
    """
    from amendtrack.store.importer import import_inputs

    result = import_inputs(
        file,
        ctx.obj["db"],
        negotiation,
        draft,
        skip_invalid=skip_invalid,
        label=label,
        delegation=delegation,
        author_map=author_map,
    )
    click.echo(result.message)
    for problem in result.problems:
        click.echo(f"amendtrack: skipped {problem}", err=True)


@cli.command("proposals")
@click.argument("negotiation")
@click.option("--draft", "draft", metavar="DRAFT", help="Only proposals on this draft, or from this inputs document.")
@click.option("--delegation", metavar="NAME", help="Only proposals this delegation made or co-sponsored.")
@click.option("--paragraph", metavar="LABEL", help="Only proposals on this paragraph (label, or a persistent id).")
@click.option("--json", "as_json", is_flag=True, help="Print the proposals as JSON (the stable contract).")
@click.pass_context
@reports_errors
def proposals_command(
    ctx: click.Context,
    negotiation: str,
    draft: str | None,
    delegation: str | None,
    paragraph: str | None,
    as_json: bool,
) -> None:
    """List the stored proposals of a negotiation.

    The table shows id, delegations, paragraph, operation, whether the proposal could be
    applied to its paragraph (yes / no / - for moves, merges, splits and comments) and its
    words. --json prints one object per proposal (see README for the fields).
    """
    from amendtrack.store.tables import load_proposals

    with _reading(ctx.obj["db"], proposals=True) as session:
        found = load_proposals(session, negotiation, draft, delegation, paragraph)
    if as_json:
        click.echo(json.dumps([{"id": pid, **p.to_dict()} for pid, p in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no proposals", err=True)
        return
    width = shutil.get_terminal_size((120, 24)).columns
    rows = []
    for number, proposal in found:
        record = proposal.to_dict()
        target = proposal.paragraph or "?"
        if proposal.new_label:
            target = f"{target} → {proposal.new_label}"
        applied = "yes" if proposal.applied else "no"
        if proposal.operation in ("move", "merge", "split", "comment"):
            applied = "-"
        words = record["text"] or proposal.rationale or ""
        rows.append(
            (
                str(number),
                _shorten(", ".join(proposal.delegations), 28),
                _shorten(target, 20),
                proposal.operation,
                applied,
                " ".join(words.split()),
            )
        )
    header = ("id", "delegations", "paragraph", "operation", "applied", "text")
    for line in _table(header, rows, right={0}).splitlines():
        click.echo(_shorten(line, width))


@cli.command("delegations")
@click.option("--negotiation", metavar="NAME", help="Count the proposals of this negotiation only.")
@click.option("--json", "as_json", is_flag=True, help="Print the delegations as JSON (the stable contract).")
@click.pass_context
@reports_errors
def delegations_command(ctx: click.Context, negotiation: str | None, as_json: bool) -> None:
    """List every known delegation with its kind and the proposals it made.

    Delegations come from the registry shipped with amendtrack (canonical names, aliases, OCR
    variants, group membership); counts come from the database (co-sponsored proposals count
    for each sponsor). --json prints one object per delegation (see README for the fields).
    """
    from amendtrack.store.tables import delegation_records, has_proposal_tables

    with _reading(ctx.obj["db"]) as session:
        records = delegation_records(session, negotiation) if has_proposal_tables(session.get_bind()) else None
    if records is None:
        if negotiation is not None:
            raise InputError(None, "no proposals stored yet (import some first: amendtrack import-inputs FILE …)")
        from amendtrack.model.delegation import Registry

        records = [{**d.to_dict(), "proposals": 0, "negotiations": {}} for d in Registry.load()]
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    rows = [(r["name"], r["kind"], str(r["proposals"])) for r in records]
    click.echo(_table(("delegation", "kind", "proposals"), rows, right={2}))


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], right: set[int]) -> str:
    """Plain columns separated by two spaces; `right` columns are right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), *(line(row) for row in rows)])


@cli.command("paragraphs")
@click.argument("negotiation")
@click.argument("draft")
@click.option("--json", "as_json", is_flag=True, help="Print the paragraph records as JSON (the stable contract).")
@click.pass_context
@reports_errors
def paragraphs_command(ctx: click.Context, negotiation: str, draft: str, as_json: bool) -> None:
    """Show the paragraphs of one draft.

    Prints the paragraph tree of DRAFT of NEGOTIATION as an indented outline.

    DRAFT is a document key, its label, or its order number (see `amendtrack drafts`). Each line
    gives the label (followed by ? when the printed label was lost and inferred), the kind,
    the draft's markers in brackets, and the text shortened to the terminal width. --json
    prints one object per paragraph in document order with the fields label, eid, pid, kind,
    parent, num, label_inferred, text, markers, brackets, line_start and line_end.
    """
    from amendtrack.model.tree import paragraph_records
    from amendtrack.store.tables import load_draft

    with _reading(ctx.obj["db"]) as session:
        tree = load_draft(session, negotiation, draft)
    if as_json:
        click.echo(json.dumps(paragraph_records(tree), ensure_ascii=False, indent=2))
        return
    width = shutil.get_terminal_size((100, 24)).columns
    for line in outline(tree, width):
        click.echo(line)


def outline(tree: Draft, width: int) -> list[str]:
    """The tree as indented lines no wider than `width`."""
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
        lines.append(_shorten(line.rstrip(), width))
    return lines


def _shorten(line: str, width: int) -> str:
    """Cut a line to `width` characters, ending with … when cut."""
    width = max(width, 20)
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


@cli.command("align")
@click.argument("negotiation")
@click.argument("from_draft", metavar="FROM")
@click.argument("to_draft", metavar="TO")
@click.option("--json", "as_json", is_flag=True, help="Print the lineage links as JSON (the stable contract).")
@click.pass_context
@reports_errors
def align_command(ctx: click.Context, negotiation: str, from_draft: str, to_draft: str, as_json: bool) -> None:
    """Align two drafts paragraph by paragraph and store the lineage.

    Says which paragraph(s) of FROM became which of TO: same, modified, renumbered, moved,
    merged, split, new or deleted, with a similarity score and whether the draft declared it
    (a marker such as [Merged with paragraph 42] that the text confirms) or it was inferred.
    Markers the text contradicts are reported as conflicts. Re-aligning replaces the stored
    lineage and gives the same result.

    --json prints one object per link with the fields from, to (lists of labels), relation,
    score, source, from_pid, to_pid, from_eid, to_eid, placeholders, note and conflict.
    """
    from amendtrack.store.lineage import align_drafts

    aligned = align_drafts(ctx.obj["db"], negotiation, from_draft, to_draft)
    links = aligned.alignment.links
    if as_json:
        click.echo(json.dumps([link.to_dict() for link in links], ensure_ascii=False, indent=2))
        return
    rows = [
        (
            link.relation,
            ", ".join(p.label for p in link.sources) or "-",
            ", ".join(p.label for p in link.targets) or "-",
            f"{link.score:.2f}",
            link.source,
            link.note,
        )
        for link in links
    ]
    click.echo(_table(("relation", "from", "to", "score", "source", "note"), rows, right={3}))
    counts = aligned.alignment.counts()
    click.echo("")
    click.echo(", ".join(f"{n} {relation}" for relation, n in counts.items() if n))
    for conflict in aligned.alignment.conflicts:
        click.echo(f"conflict: {conflict}")


@cli.command("diff")
@click.argument("negotiation")
@click.argument("from_draft", metavar="FROM")
@click.argument("to_draft", metavar="TO")
@click.option(
    "--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help="Write a side-by-side HTML report."
)
@click.option(
    "--docx",
    "docx_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the later draft as Word, every change a tracked change.",
)
@click.option("--author", default="amendtrack", show_default=True, help="Author of the tracked changes (--docx).")
@click.option("--color/--no-color", default=None, help="Colour the redline (default: when printing to a terminal).")
@click.pass_context
@reports_errors
def diff_command(
    ctx: click.Context,
    negotiation: str,
    from_draft: str,
    to_draft: str,
    html_file: Path | None,
    docx_file: Path | None,
    author: str,
    color: bool | None,
) -> None:
    """Redline two drafts paragraph by aligned paragraph.

    Prints each lineage link (see `amendtrack align`) with its word-level changes: in colour on
    a terminal, else deletions as [-words-] and insertions as {+words+}. Moves, merges, splits
    and renumbering are named, not shown as deletion plus insertion. --html FILE writes a
    self-contained side-by-side report instead. --docx FILE writes TO as a Word document in which
    every change against FROM is a tracked change by --author (accept all: TO; reject all: FROM),
    with renumbering, moves and merges named in comments.
    """
    from amendtrack.store.lineage import compare_drafts
    from amendtrack.store.tables import negotiation_title

    aligned, comparison = compare_drafts(ctx.obj["db"], negotiation, from_draft, to_draft)
    if docx_file is not None:
        from amendtrack.render.docx import redline_docx

        with _reading(ctx.obj["db"]) as session:
            title = negotiation_title(session, negotiation)
        data = redline_docx(comparison, author, aligned.new_date, title, old=aligned.old, new=aligned.new)
        _write_file(docx_file, data)
        if html_file is None:
            return
    if html_file is not None:
        from amendtrack.render.html import redline_html

        with _reading(ctx.obj["db"]) as session:
            title = negotiation_title(session, negotiation)
        page = redline_html(
            comparison,
            title,
            {"label": aligned.old_label, "date": aligned.old_date},
            {"label": aligned.new_label, "date": aligned.new_date},
        )
        html_file.write_text(page, encoding="utf-8")
        click.echo(f"wrote {html_file}")
        return
    colour = sys.stdout.isatty() if color is None else color
    for row in comparison.rows:
        old = ", ".join(row.old_labels) or "-"
        new = ", ".join(row.new_labels) or "-"
        click.echo(
            click.style(f"{old} → {new}: {row.description}", bold=True)
            if colour
            else f"{old} → {new}: {row.description}"
        )
        click.echo(redline_text(row.changes, colour))
        click.echo("")
    click.echo(", ".join(f"{n} {relation}" for relation, n in comparison.counts.items() if n))
    for conflict in comparison.conflicts:
        click.echo(f"conflict: {conflict}")


def redline_text(changes: list[Change], colour: bool) -> str:
    """A redline for the terminal: coloured, or [-deleted-]{+inserted+}."""
    from amendtrack.compare.redline import DELETE, INSERT, plain

    if not colour:
        return plain(changes)
    parts = []
    for change in changes:
        if change.op == DELETE:
            parts.append(click.style(change.text, fg="red", strikethrough=True))
        elif change.op == INSERT:
            parts.append(click.style(change.text, fg="green", underline=True))
        else:
            parts.append(change.text)
    return "".join(parts)


@cli.command("dispositions")
@click.argument("negotiation")
@click.option("--json", "as_json", is_flag=True, help="Print one object per proposal (the stable contract).")
@click.pass_context
@reports_errors
def dispositions_command(ctx: click.Context, negotiation: str, as_json: bool) -> None:
    """Say what became of every proposal in the next draft.

    Computes (and stores) each proposal's disposition against the draft after the one it was
    made on: accepted, partial, not_reflected, superseded, pending (no next draft yet), or n/a
    for comments. A facilitator's override (see `amendtrack disposition set`) wins, and the
    computed value is kept beside it. Prints a table per delegation, or with --json one object
    per proposal with the fields id, delegations, paragraph, operation, disposition, computed,
    override, note, explanation, evidence and found_in.
    """
    from amendtrack.render.terminal import dispositions_table
    from amendtrack.report.tracking import dispositions

    records = dispositions(ctx.obj["db"], negotiation)
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for line in dispositions_table(records):
        click.echo(line)


@cli.group("disposition")
def disposition_group() -> None:
    """Set or clear a facilitator's disposition of one proposal."""


@disposition_group.command("set")
@click.argument("proposal_id", type=int)
@click.argument("status", type=click.Choice(list(STATUSES)))
@click.option("--note", required=True, help="Why: kept with the decision and shown in reports.")
@click.pass_context
@reports_errors
def disposition_set_command(ctx: click.Context, proposal_id: int, status: str, note: str) -> None:
    """Override the computed disposition of PROPOSAL_ID with STATUS.

    The computed value is kept beside the override; reports show both, and the override wins.
    Recomputing dispositions or re-importing documents never removes it.
    """
    from amendtrack.report.tracking import set_override

    set_override(ctx.obj["db"], proposal_id, status, note)
    click.echo(f"proposal {proposal_id}: {status} (override)")


@disposition_group.command("clear")
@click.argument("proposal_id", type=int)
@click.pass_context
@reports_errors
def disposition_clear_command(ctx: click.Context, proposal_id: int) -> None:
    """Remove the facilitator's disposition of PROPOSAL_ID: the computed one shows again."""
    from amendtrack.report.tracking import clear_override

    removed = clear_override(ctx.obj["db"], proposal_id)
    click.echo(f"proposal {proposal_id}: override cleared" if removed else f"proposal {proposal_id}: no override")


@cli.command("report")
@click.argument("negotiation")
@click.option("--delegation", required=True, metavar="NAME", help="Delegation (any of its names: USA, United States).")
@click.option("--draft", metavar="DRAFT", help="Only proposals on this draft (default: all drafts).")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help="Write an HTML report.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@reports_errors
def report_command(
    ctx: click.Context, negotiation: str, delegation: str, draft: str | None, html_file: Path | None, as_json: bool
) -> None:
    """How each proposal of one delegation was handled in the next draft.

    Every proposal the delegation made or co-sponsored, by paragraph: the operation, what it
    asked as a redline against the base text, the next draft's text as a redline against what
    was asked, and the disposition in words with its evidence. Totals at the top.
    """
    from amendtrack.render.terminal import report_lines
    from amendtrack.report.tracking import delegation_report, report_record

    report = delegation_report(ctx.obj["db"], negotiation, delegation, draft)
    if html_file is not None:
        from amendtrack.render.html import delegation_report_html

        html_file.write_text(delegation_report_html(report), encoding="utf-8")
        click.echo(f"wrote {html_file}")
    elif as_json:
        click.echo(json.dumps(report_record(report), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(report):
            click.echo(line)


@cli.command("history")
@click.argument("negotiation")
@click.argument("label")
@click.option("--draft", metavar="DRAFT", help="The draft LABEL is numbered in (default: the first draft).")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help="Write an HTML history.")
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@click.pass_context
@reports_errors
def history_command(
    ctx: click.Context, negotiation: str, label: str, draft: str | None, html_file: Path | None, as_json: bool
) -> None:
    """One paragraph through every draft, with the proposals made on it.

    Follows the paragraph's persistent id through renumbering, moves, merges and splits: each
    version redlined against the one before, the relation named, and every proposal made on it
    with its disposition. LABEL is as printed in --draft (PP7, 42, OP2(a)) or an eId.
    """
    from amendtrack.render.terminal import history_lines
    from amendtrack.report.tracking import history_record, paragraph_history

    history = paragraph_history(ctx.obj["db"], negotiation, label, draft)
    if html_file is not None:
        from amendtrack.render.html import paragraph_history_html

        html_file.write_text(paragraph_history_html(history), encoding="utf-8")
        click.echo(f"wrote {html_file}")
    elif as_json:
        click.echo(json.dumps(history_record(history), ensure_ascii=False, indent=2))
    else:
        for line in history_lines(history):
            click.echo(line)


@cli.command("site")
@click.argument("negotiation", required=False)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("amendtrack-site"),
    show_default=True,
    help="Folder to write the site into.",
)
@click.pass_context
@reports_errors
def site_command(ctx: click.Context, negotiation: str | None, out: Path) -> None:
    """Build the static report site of NEGOTIATION (or of all negotiations).

    Writes plain HTML pages that open from the file system, with no server and no network:
    an index with a search box, the redline of each pair of consecutive drafts, the
    compilation of inputs on each draft, a report per delegation, a history per paragraph and
    a dashboard of charts. Computes and stores every disposition on the way.
    """
    from amendtrack.render.site import build_site

    result = build_site(ctx.obj["db"], out, [negotiation] if negotiation else None)
    click.echo(f"{result.pages} pages in {result.seconds:.1f} s: {result.index}")


@cli.command("demo")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help=f"Folder for the demo database ({DEMO_DB_NAME}) and the site ({SITE_FOLDER}/).",
)
@reports_errors
def demo_command(out: Path) -> None:
    """Import the sample negotiations and build the report site from them.

    Imports the bundled sample negotiations (the 2010 Global Plan of Action drafts and their
    compilation of inputs, the 2019 and 2015 Working Group documents) into a fresh demo
    database, builds the whole site into OUT/amendtrack-site/, and prints what it holds, the
    path of the site's index.html and how long it took.

    The database is OUT/amendtrack-demo.db (SQLite), deleted and recreated on every run; --db
    and $AMENDTRACK_DB are ignored, so ./amendtrack.db is never touched.
    """
    from amendtrack.render.site import run_demo

    result = run_demo(out)
    click.echo(f"demo database: {result.database}")
    for negotiation in result.negotiations:
        click.echo("")
        click.echo(f"{negotiation['key']}: {negotiation['title']}")
        for d in negotiation["documents"]:
            date = f", {d['date']}" if d["date"] else ""
            size = _count(d["size"], "proposal" if d["kind"] == "inputs" else "paragraph")
            click.echo(f"  {d['order']}. {d['key']} - {d['label']}{date}: {size}")
        click.echo(
            f"  {_count(negotiation['proposals'], 'proposal')} from {_count(negotiation['delegations'], 'delegation')}"
        )
    click.echo("")
    click.echo(f"site: {result.site.pages} pages, open {result.site.index.resolve()}")
    click.echo(f"built in {result.seconds:.1f} s (import and site)")


@cli.group("export")
def export_group() -> None:
    """Export a stored draft in a standard format, or a whole negotiation as JSON (a backup)."""


@export_group.command("json")
@click.argument("negotiation")
@click.option(
    "--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON to FILE, not to stdout."
)
@click.pass_context
@reports_errors
def export_json_command(ctx: click.Context, negotiation: str, out: Path | None) -> None:
    """Dump everything about NEGOTIATION as one JSON document: a backup.

    Documents with their paragraph trees and persistent ids, the lineage between drafts,
    proposals with their sponsors, computed dispositions and facilitators' overrides. `amendtrack
    import FILE.json` restores it exactly into a database that does not hold NEGOTIATION yet
    (--negotiation NAME restores it under another key). Database row ids are not kept.
    """
    from amendtrack.store.backup import export_json

    text = export_json(ctx.obj["db"], negotiation)
    if out is None:
        click.echo(text, nl=False)
        return
    _write_file(out, text.encode("utf-8"))


@cli.group("db")
def db_group() -> None:
    """The database's schema version (Alembic migrations shipped with amendtrack)."""


@db_group.command("upgrade")
@click.pass_context
@reports_errors
def db_upgrade_command(ctx: click.Context) -> None:
    """Bring the database's schema up to date in place, in one transaction.

    A database made by an earlier amendtrack (with or without a version stamp) is migrated to
    the newest revision; its data stays. Imports and other writes do this on their own; run it
    before read-only commands, or to upgrade deliberately.
    """
    from amendtrack.store.migrations import upgrade

    before, after = upgrade(ctx.obj["db"])
    if before == after:
        click.echo(f"database at revision {after}")
    else:
        click.echo(f"database upgraded: {before or 'empty'} → {after}")


@export_group.command("akn")
@click.argument("negotiation")
@click.argument("draft")
@click.option(
    "--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write the XML to FILE, not to stdout."
)
@click.pass_context
@reports_errors
def export_akn_command(ctx: click.Context, negotiation: str, draft: str, out: Path | None) -> None:
    """Export DRAFT of NEGOTIATION as an Akoma Ntoso 3.0 document.

    Writes the XML (valid against the OASIS Akoma Ntoso 3.0 schema shipped with amendtrack) to
    stdout or to --out FILE: preface, preamble and main body, every paragraph with its eId, its
    persistent id as wId, its number as printed, text, markers and brackets. `amendtrack import
    FILE.xml` reads it back into the same tree.
    """
    from amendtrack.read.akn import draft_to_akn
    from amendtrack.store.tables import find_document, load_draft, negotiation_title

    with _reading(ctx.obj["db"]) as session:
        document = find_document(session, negotiation, draft)
        if document.kind != "draft":
            raise InputError(None, f"{document.key!r} is an inputs document, not a draft: only drafts are exported")
        key, label, date = document.key, document.label, document.date
        tree = load_draft(session, negotiation, key)
        title = negotiation_title(session, negotiation)
    xml = draft_to_akn(tree, negotiation, key, label, date, title)
    if out is None:
        click.echo(xml, nl=False)  # bytes: written as they are to the binary stdout
        return
    try:
        out.write_bytes(xml)
    except OSError as exc:
        raise InputError(str(out), f"cannot write: {exc.strerror or exc}") from None
    click.echo(f"wrote {out}")


@cli.command("compile")
@click.argument("negotiation")
@click.argument("draft")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help="Write the table as HTML.")
@click.option("--docx", "docx_file", type=click.Path(dir_okay=False, path_type=Path), help="Write it as Word.")
@click.option("--with-disposition", is_flag=True, help="Add a column: what became of each input in the next draft.")
@click.pass_context
@reports_errors
def compile_command(
    ctx: click.Context,
    negotiation: str,
    draft: str,
    html_file: Path | None,
    docx_file: Path | None,
    with_disposition: bool,
) -> None:
    """Write the compilation table of DRAFT: each paragraph beside every delegation's input on it.

    One row per paragraph in order (headings across the table, proposed new paragraphs after
    their anchor), the inputs in alphabetical order of delegation, each as a redline against
    the paragraph where it has a resulting text, else verbatim, with its rationale; a count of
    inputs per delegation at the end. --docx FILE writes a landscape Word table whose header
    row repeats on every page; --html FILE a web page; give either or both.
    """
    if html_file is None and docx_file is None:
        raise click.UsageError("give --docx FILE or --html FILE (or both)")
    from amendtrack.report.tracking import compilation_table

    table = compilation_table(ctx.obj["db"], negotiation, draft, with_disposition)
    if docx_file is not None:
        from amendtrack.render.docx import compilation_docx

        _write_file(docx_file, compilation_docx(table))
    if html_file is not None:
        from amendtrack.render.html import compilation_html

        _write_file(html_file, compilation_html(table).encode("utf-8"))


@cli.command("apply")
@click.argument("negotiation")
@click.argument("draft")
@click.option("--delegation", required=True, metavar="NAME", help="Delegation (any of its names: USA, United States).")
@click.option("--docx", "docx_file", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Word file.")
@click.pass_context
@reports_errors
def apply_command(ctx: click.Context, negotiation: str, draft: str, delegation: str, docx_file: Path) -> None:
    """Write DRAFT with one delegation's proposals as Word tracked changes by that delegation.

    The format the General Assembly asks delegations to submit in. Insertions, deletions and
    replacements stand where their words are found; a redraft deletes the old text and inserts
    the new; a new paragraph is inserted after its anchor; a deleted paragraph is deleted whole.
    Moves, merges, splits, comments and proposals that could not be applied become comments
    saying what was asked and why it is not a tracked change.
    """
    from amendtrack.render.docx import apply_docx
    from amendtrack.report.tracking import delegation_proposals

    found = delegation_proposals(ctx.obj["db"], negotiation, draft, delegation)
    title, label = found.negotiation_title, found.draft_label
    data = apply_docx(found.draft, found.proposals, found.delegation, found.date, title, draft_label=label)
    _write_file(docx_file, data)


def _write_file(path: Path, data: bytes) -> None:
    """Write an output file and say so; a file that cannot be written is a one-line error."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    click.echo(f"wrote {path}")


def _count(n: int, noun: str) -> str:
    """'1 paragraph', '2 paragraphs'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def main() -> None:
    """Entry point of the `amendtrack` console script."""
    cli(prog_name="amendtrack")
