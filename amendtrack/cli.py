"""The `amendtrack` command line: it parses options, calls `amendtrack.api`, and prints what comes back
through `render` (terminal text, HTML, Word). Every error (bad input, a database that says no, a wrong
option) is one line on stderr, `amendtrack: error: <message>`, and exit status 1 (see `console`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from amendtrack import __version__
from amendtrack.console import (
    Commands,
    FilePath,
    api,
    db,
    delegation_option,
    docx,
    echo_json,
    echo_lines,
    file_option,
    folder_option,
    force_option,
    html,
    json_option,
    terminal,
    write_file,
)
from amendtrack.errors import InputError, printable
from amendtrack.model.proposal import OPERATIONS, OVERRIDE_STATUSES
from amendtrack.resources import DEMO_DB_NAME, ENV_VAR, SITE_FOLDER


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar=ENV_VAR,
    metavar="URL",
    help=(
        "SQLAlchemy database URL, e.g. sqlite:///drafts.db or postgresql://user@host/dbname "
        f"(default: ${ENV_VAR}, else sqlite:///amendtrack.db in the current folder)."
    ),
)
@click.version_option(__version__, "--version", prog_name="amendtrack")
def cli(db: str | None) -> None:
    """Track how negotiated texts change from draft to draft, and what became of every proposal.

    Import drafts (text, Markdown, HTML, PDF, Word or Akoma Ntoso) into a database as paragraph trees, align and
    redline consecutive drafts, import delegations' inputs (compilation tables, CSV, JSON, Word
    tracked changes) as proposals, judge what the next draft made of each, and write reports:
    compilation tables, delegation reports, paragraph histories, a static site, Word, Akoma Ntoso.
    """


@cli.command("import")
@click.argument("path", type=FilePath(path_type=Path))
@click.option("--negotiation", metavar="NAME", help="Negotiation to add a single file to (required for a file).")
@click.option("--label", metavar="LABEL", help="Label of a single file's draft (default: its file name).")
@click.option("--date", metavar="DATE", help="Date of a single file's draft, e.g. 2010-07-19.")
def import_command(path: Path, **document: str | None) -> None:
    """Import a negotiation folder, a single draft, or a backup.

    PATH is a negotiation folder with a manifest.toml, or one draft file (then --negotiation is
    required): text (.txt), Markdown (.md), HTML (.html, .htm, .xhtml), PDF with a text layer
    (.pdf), Word (.docx, automatic numbering read as printed) or Akoma Ntoso 3.0 (.xml); or a
    .json dump of `amendtrack export json`, restored exactly (--negotiation renames it). A
    manifest's inputs documents (.txt compilation table, .csv, .json, .docx) are read against the
    draft they comment on and stored as proposals.

    Everything is read first, then written in one transaction: on any error nothing is stored; a
    file whose SHA-256 is stored already is left as it is. Under each imported draft a line gives
    its structure; a warning on stderr says when it looks lost (README: Reading any negotiated text).
    """
    with terminal.progress_bar(sys.stderr) as progress:
        results = api.import_path(path, db(), progress=progress, **document)
    for result in results:
        click.echo(printable(result.message))
        if result.structure:
            click.echo(printable(f"  structure: {result.structure}"))
    for result in results:
        for warning in result.warnings:
            click.echo(printable(f"amendtrack: warning: {result.source_file}: {warning}"), err=True)


@cli.command("import-inputs")
@click.argument("file", type=FilePath(path_type=Path))
@click.option("--negotiation", required=True, metavar="NAME", help="The negotiation the draft belongs to.")
@click.option("--draft", required=True, metavar="DRAFT", help="The stored draft the inputs comment on.")
@click.option("--label", metavar="LABEL", help="Label of the inputs document (default: the file name).")
@click.option("--skip-invalid", is_flag=True, help="Store the valid rows of a CSV/JSON file and list the others.")
@click.option("--delegation", metavar="NAME", help="A .docx with tracked changes: the delegation of the whole file.")
@file_option("--author-map", "A .docx with tracked changes: Word user names to delegations (.toml or .csv).")
def import_inputs_command(file: Path, negotiation: str, draft: str, **options: Any) -> None:
    """Import delegations' inputs on a stored draft as proposals.

    FILE is a compilation table (.txt), proposals as CSV or JSON (see README), or Word (.docx): a
    copy of the draft with tracked changes (each author's changes to a paragraph are one proposal;
    authors are delegations by --author-map, --delegation or their own name), or a compilation
    table. DRAFT is a document key, label or order number.

    A file with any bad row stores nothing and every problem is reported with its row; with
    --skip-invalid the valid rows are stored and the others listed on stderr.
    """
    result = api.import_inputs(file, db(), negotiation, draft, **options)
    click.echo(printable(result.message))
    for problem in result.problems:
        click.echo(printable(f"amendtrack: skipped {problem}"), err=True)


@cli.command("drafts")
@click.argument("negotiation", required=False)
@json_option("a list of objects instead of a table")
def drafts_command(negotiation: str | None, as_json: bool) -> None:
    """List the stored documents of NEGOTIATION (or of all), in order.

    The table shows negotiation, order, key, label, date, kind, paragraph count and the first
    12 digits of the SHA-256. --json prints objects with the fields negotiation, key, label,
    date, kind, order, source_file, sha256 and paragraphs.
    """
    documents = api.drafts(db(), negotiation)
    if as_json:
        echo_json(documents)
    else:
        click.echo(terminal.drafts_table(documents) if documents else "no documents stored yet", err=not documents)


@cli.command("paragraphs")
@click.argument("negotiation")
@click.argument("draft")
@json_option("the paragraph records (the stable contract)")
@click.option("--summary", is_flag=True, help="Counts by kind and container, brackets, options, and warnings.")
def paragraphs_command(negotiation: str, draft: str, as_json: bool, summary: bool) -> None:
    """Show the paragraphs of DRAFT as an indented outline.

    DRAFT is a document key, its label, or its order number (see `amendtrack drafts`). Each line
    gives the label (? when the printed label was lost and inferred), the kind, the draft's
    markers in brackets, and the text cut to the terminal's width. --json prints one object per
    paragraph in document order: label, eid, pid, kind, parent, num, label_inferred, text,
    markers, brackets (each with start, end, text, alternatives, closed, depth and group),
    container (the labels of the Articles, Parts… that hold it, outermost first), line_start and
    line_end. With --summary: the structure instead (counts by kind and by container, labels
    inferred, brackets, option groups, the longest paragraph and warnings when it looks lost).
    """
    if summary:
        found = api.structure(db(), negotiation, draft)
        echo_json(found) if as_json else echo_lines(terminal.structure(found))
        return
    tree = api.paragraphs(db(), negotiation, draft)
    echo_json(tree.records()) if as_json else echo_lines(terminal.outline(tree))


@cli.command("align")
@click.argument("negotiation")
@click.argument("from_draft", metavar="FROM")
@click.argument("to_draft", metavar="TO")
@json_option("the lineage links (the stable contract)")
def align_command(negotiation: str, from_draft: str, to_draft: str, as_json: bool) -> None:
    """Align two drafts paragraph by paragraph and store the lineage.

    Says which paragraph(s) of FROM became which of TO: same, modified, renumbered, moved,
    merged, split, new or deleted, with a similarity score and whether the draft declared it (a
    marker such as [Merged with paragraph 42] that the text confirms) or it was inferred.
    Markers the text contradicts are reported as conflicts. Re-aligning gives the same result.
    --json prints one object per link (fields: see README).
    """
    alignment = api.align_drafts(db(), negotiation, from_draft, to_draft).alignment
    links = [link.to_dict() for link in alignment.links]
    echo_json(links) if as_json else echo_lines(terminal.alignment_lines(alignment))


@cli.command("diff")
@click.argument("negotiation")
@click.argument("from_draft", metavar="FROM")
@click.argument("to_draft", metavar="TO")
@file_option("--html", "Write a side-by-side HTML report.")
@file_option("--docx", "Write the later draft as Word, every change a tracked change.")
@click.option("--author", default="amendtrack", show_default=True, help="Author of the tracked changes (--docx).")
@force_option
@click.option("--color/--no-color", default=None, help="Colour the redline (default: when printing to a terminal).")
def diff_command(negotiation: str, from_draft: str, to_draft: str, author: str, color: bool | None, **out: Any) -> None:
    """Redline two drafts paragraph by aligned paragraph.

    Prints each lineage link (see `amendtrack align`) with its word-level changes: in colour on
    a terminal, else deletions as [-words-] and insertions as {+words+}. Moves, merges, splits
    and renumbering are named, not shown as deletion plus insertion. Instead, --html FILE writes
    a side-by-side report, and --docx FILE writes TO as Word with every change against FROM a
    tracked change by --author (accept all: TO; reject all: FROM); give either or both.
    """
    redline = api.diff(db(), negotiation, from_draft, to_draft)
    if out["docx_file"] is not None:
        write_file(out["docx_file"], redline.docx(author))
    if out["html_file"] is not None:
        write_file(out["html_file"], redline.html().encode("utf-8"))
    if out["docx_file"] is None and out["html_file"] is None:
        echo_lines(terminal.comparison_lines(redline.comparison, sys.stdout.isatty() if color is None else color))


@cli.command("proposals")
@click.argument("negotiation")
@click.option("--draft", metavar="DRAFT", help="Only proposals on this draft, or from this inputs document.")
@click.option("--delegation", metavar="NAME", help="Only proposals this delegation made or co-sponsored.")
@click.option("--paragraph", metavar="LABEL", help="Only proposals on this paragraph (label, or a persistent id).")
@json_option("the proposals (the stable contract)")
def proposals_command(negotiation: str, as_json: bool, **filters: str | None) -> None:
    """List the stored proposals of a negotiation.

    The table shows id, delegations, paragraph, operation, whether the proposal could be
    applied to its paragraph (yes / no / - for moves, merges, splits and comments) and its
    words. --json prints one object per proposal (see README for the fields).
    """
    found = api.proposals(db(), negotiation, **filters)
    if as_json:
        echo_json([{"id": pid, **p.to_dict()} for pid, p in found])
    else:
        echo_lines(terminal.proposals_table(found) if found else ["no proposals"], err=not found)


@cli.command("delegations")
@click.option("--negotiation", metavar="NAME", help="Count the proposals of this negotiation only.")
@json_option("the delegations (the stable contract)")
def delegations_command(negotiation: str | None, as_json: bool) -> None:
    """List every known delegation with its kind and the proposals it made.

    Delegations come from the registry shipped with amendtrack (canonical names, aliases, OCR
    variants, group membership); counts come from the database (co-sponsored proposals count
    for each sponsor). --json prints one object per delegation (see README for the fields).
    """
    records = api.delegations(db(), negotiation)
    echo_json(records) if as_json else click.echo(terminal.delegations_table(records))


@cli.command("dispositions")
@click.argument("negotiation")
@json_option("one object per proposal (the stable contract)")
def dispositions_command(negotiation: str, as_json: bool) -> None:
    """Say what became of every proposal in the next draft.

    Computes (and stores) each proposal's disposition against the draft after the one it was
    made on: accepted, partial, not_reflected, superseded, unclear (the next draft lost the text
    that would tell), pending (no next draft yet), or n/a for comments. It judges the change a
    proposal asks, not the whole text, and says which of its words went in. A facilitator's
    override (`amendtrack disposition set`) wins; the computed value is kept beside it. Prints a
    table per delegation, or with --json one object per proposal.
    """
    records = api.dispositions(db(), negotiation)
    echo_json(records) if as_json else echo_lines(terminal.dispositions_table(records))


@cli.group("disposition")
def disposition_group() -> None:
    """Set or clear a facilitator's disposition of one proposal."""


@disposition_group.command("set")
@click.argument("proposal_id", type=click.IntRange(1, 2**63 - 1))
@click.argument("status", type=click.Choice(list(OVERRIDE_STATUSES)))
@click.option("--note", required=True, help="Why: kept with the decision and shown in reports.")
def disposition_set_command(proposal_id: int, status: str, note: str) -> None:
    """Override the computed disposition of PROPOSAL_ID with STATUS.

    The computed value is kept beside the override; reports show both, and the override wins.
    Recomputing dispositions or re-importing documents never removes it.
    """
    api.set_disposition(db(), proposal_id, status, note)
    click.echo(f"proposal {proposal_id}: {status} (override)")


@disposition_group.command("clear")
@click.argument("proposal_id", type=click.IntRange(1, 2**63 - 1))
def disposition_clear_command(proposal_id: int) -> None:
    """Remove the facilitator's disposition of PROPOSAL_ID: the computed one shows again."""
    removed = api.clear_disposition(db(), proposal_id)
    click.echo(f"proposal {proposal_id}: override cleared" if removed else f"proposal {proposal_id}: no override")


@cli.group("proposal")
def proposal_group() -> None:
    """Correct how an input was read: its operation, paragraph or words."""


@proposal_group.command("edit")
@click.argument("proposal_id", type=click.IntRange(1, 2**63 - 1))
@click.option("--operation", type=click.Choice(list(OPERATIONS)), help="What the input asks.")
@click.option("--paragraph", metavar="LABEL", help="The paragraph of its draft the input is about.")
@click.option("--text", metavar="WORDS", help="The words put in (a redraft's or new paragraph's whole text).")
@click.option("--old", metavar="WORDS", help="The words taken out or replaced.")
@click.option("--anchor", metavar="WORDS", help="An insertion goes after these words (else at the end).")
@click.option("--note", required=True, help="Why: kept with the correction and shown in reports.")
def proposal_edit_command(proposal_id: int, note: str, **fields: str | None) -> None:
    """Correct the reading of PROPOSAL_ID.

    The reading as the input was read is kept; the correction is stored beside it and applied
    whenever the proposal is shown or judged, so recomputing or re-importing never loses it, and
    backups carry it. A corrected reading is no longer flagged for checking.
    """
    api.correct_reading(db(), proposal_id, note, **fields)
    click.echo(f"proposal {proposal_id}: reading corrected")


@proposal_group.command("clear")
@click.argument("proposal_id", type=click.IntRange(1, 2**63 - 1))
def proposal_clear_command(proposal_id: int) -> None:
    """Remove the correction of PROPOSAL_ID: the reading shows as read again."""
    removed = api.clear_reading(db(), proposal_id)
    click.echo(f"proposal {proposal_id}: correction cleared" if removed else f"proposal {proposal_id}: no correction")


@proposal_group.command("corrections")
@click.argument("csv_file", type=FilePath(path_type=Path))
def proposal_corrections_command(csv_file: Path) -> None:
    """Correct many readings from CSV_FILE: columns id, note, and any of operation, paragraph, text, old,
    anchor (empty: as read). All rows are stored, or none and a one-line error naming the row."""
    click.echo(f"{api.correct_readings(db(), csv_file)} readings corrected")


@cli.command("report")
@click.argument("negotiation")
@delegation_option
@click.option("--draft", metavar="DRAFT", help="Only proposals on this draft (default: all drafts).")
@file_option("--html", "Write an HTML report.")
@force_option
@json_option("the report (with --html too: the file is written, the JSON printed)")
def report_command(negotiation: str, delegation: str, draft: str | None, **out: Any) -> None:
    """How each proposal of one delegation was handled in the next draft.

    Every proposal the delegation made or co-sponsored, by paragraph: what it asked as a redline
    against the base text, the next draft against what was asked, and the disposition with its
    evidence. Totals at the top.
    """
    report = api.report(db(), negotiation, delegation, draft)
    _show(report, out, terminal.report_lines, html.delegation_report_html)


@cli.command("history")
@click.argument("negotiation")
@click.argument("label")
@click.option("--draft", metavar="DRAFT", help="The draft LABEL is numbered in (default: the first draft).")
@file_option("--html", "Write an HTML history.")
@force_option
@json_option("the history (with --html too: the file is written, the JSON printed)")
def history_command(negotiation: str, label: str, draft: str | None, **out: Any) -> None:
    """One paragraph through every draft, with the proposals made on it.

    Follows its persistent id through renumbering, moves, merges and splits: each version against
    the one before, the relation named, every proposal made on it with its disposition. LABEL is
    as printed in --draft (PP7, 42, OP2(a)) or an eId.
    """
    history = api.history(db(), negotiation, label, draft)
    _show(history, out, terminal.history_lines, html.paragraph_history_html)


def _show(data: Any, out: dict[str, Any], lines: Callable, page: Callable) -> None:
    """A report or a history: written as HTML (--html), printed as JSON (--json), both, or printed as text."""
    if out["html_file"] is not None:
        write_file(out["html_file"], page(data).encode("utf-8"), quiet=out["as_json"])
    if out["as_json"]:
        echo_json(data.to_dict())
    elif out["html_file"] is None:
        echo_lines(lines(data))


@cli.command("compile")
@click.argument("negotiation")
@click.argument("draft")
@file_option("--html", "Write the table as HTML.")
@file_option("--docx", "Write it as Word.")
@force_option
@click.option("--with-disposition", is_flag=True, help="Add a column: what became of each input in the next draft.")
def compile_command(negotiation: str, draft: str, with_disposition: bool, **out: Any) -> None:
    """Write the compilation table of DRAFT: each paragraph beside every delegation's input on it.

    One row per paragraph in order (headings across, proposed new paragraphs after their anchor),
    the inputs by delegation, each as a redline against the paragraph where it has a resulting
    text, else verbatim, with its rationale; a count of inputs per delegation at the end. --docx
    FILE writes a landscape Word table, --html FILE a web page; give either or both.
    """
    if out["html_file"] is None and out["docx_file"] is None:
        raise InputError(None, "compile needs --docx FILE or --html FILE (or both)")
    table = api.compilation(db(), negotiation, draft, with_disposition)
    if out["docx_file"] is not None:
        write_file(out["docx_file"], docx.compilation_docx(table))
    if out["html_file"] is not None:
        write_file(out["html_file"], html.compilation_html(table).encode("utf-8"))


@cli.command("apply")
@click.argument("negotiation")
@click.argument("draft")
@delegation_option
@file_option("--docx", "Word file to write.", required=True)
@force_option
@click.option(
    "--include-flagged", is_flag=True, help="Also write proposals whose reading is to be checked (see `review`)."
)
def apply_command(
    negotiation: str, draft: str, delegation: str, docx_file: Path, force: bool, include_flagged: bool
) -> None:
    """Write DRAFT with one delegation's proposals as Word tracked changes by that delegation.

    The format the General Assembly asks delegations to submit in. Insertions, deletions and
    replacements stand where their words are found; a redraft deletes the old text and inserts
    the new; a new paragraph goes after its anchor. Moves, merges, splits, comments and proposals
    that could not be applied become comments saying what was asked and why. Proposals whose
    reading is in doubt (`amendtrack review` lists them) are left out, and counted on stderr,
    unless --include-flagged.
    """
    applied = api.apply_proposals(db(), negotiation, draft, delegation, include_flagged)
    write_file(docx_file, applied.docx)
    if applied.left_out:
        ids = ", ".join(str(pid) for pid in applied.left_out)
        click.echo(
            f"left out {len(applied.left_out)} proposal(s) whose reading is to be checked: {ids} "
            "(see amendtrack review; --include-flagged writes them)",
            err=True,
        )


@cli.command("review")
@click.argument("negotiation")
@json_option("the proposals to check, with why")
def review_command(negotiation: str, as_json: bool) -> None:
    """List the proposals whose reading a facilitator should check, and why.

    Inputs are read from OCR'd tables, so each reading carries a confidence: lowered by
    instruction words left inside the proposed text, unbalanced quotes, words that are not in
    the paragraph the input was filed under, a delegation known only from the input's place,
    several instructions read as one. Below 0.6 a proposal is flagged here, in every report and
    compilation, and left out of `apply`. A corrected reading (`proposal edit`) is not flagged.
    """
    records = api.review(db(), negotiation)
    echo_json(records) if as_json else echo_lines(terminal.review_lines(records))


@cli.command("site")
@click.argument("negotiation", required=False)
@folder_option("amendtrack-site", "Folder to write the site into.")
def site_command(negotiation: str | None, out: Path) -> None:
    """Build the static report site of NEGOTIATION (or of all negotiations).

    Plain HTML pages that open from the file system, with no server and no network: an index with
    a search box, the redline of each pair of drafts, the compilation of inputs on each draft, a
    report per delegation, a history per paragraph and a dashboard. Pages an earlier build wrote
    and this one does not are removed. Computes and stores every disposition on the way.
    """
    result = api.build_site(db(), out, [negotiation] if negotiation else None)
    click.echo(f"{result.pages} pages in {result.seconds:.1f} s: {result.index}")


@cli.command("demo")
@folder_option(".", f"Folder for the demo database ({DEMO_DB_NAME}) and the site ({SITE_FOLDER}/).")
def demo_command(out: Path) -> None:
    """Import the sample negotiations and build the report site from them.

    Imports the bundled samples (the 2010 Global Plan of Action drafts and their compilation of
    inputs, the 2019 and 2015 Working Group documents) into a fresh demo database, builds the
    site into OUT/amendtrack-site/, and prints what they hold, the site's index.html and the time
    taken. The database is OUT/amendtrack-demo.db (SQLite), deleted and made again on every run;
    --db and $AMENDTRACK_DB are ignored, so ./amendtrack.db is never touched.
    """
    echo_lines(terminal.demo_lines(api.demo(out)))


@cli.group("export")
def export_group() -> None:
    """Export a stored draft in a standard format, or a whole negotiation as JSON (a backup)."""


@export_group.command("json")
@click.argument("negotiation")
@file_option("--out", "Write the JSON to FILE, not to stdout.")
@force_option
def export_json_command(negotiation: str, out: Path | None, force: bool) -> None:
    """Dump everything about NEGOTIATION as one JSON document: a backup.

    Documents with their paragraph trees and persistent ids, the lineage, proposals with their
    sponsors, dispositions and overrides: `amendtrack import FILE.json` restores it exactly into a
    database without NEGOTIATION (--negotiation NAME restores it under another key).
    """
    text = api.export_json(db(), negotiation)
    click.echo(text, nl=False) if out is None else write_file(out, text.encode("utf-8"))


@export_group.command("akn")
@click.argument("negotiation")
@click.argument("draft")
@file_option("--out", "Write the XML to FILE, not to stdout.")
@force_option
def export_akn_command(negotiation: str, draft: str, out: Path | None, force: bool) -> None:
    """Export DRAFT of NEGOTIATION as an Akoma Ntoso 3.0 document.

    Writes the XML (valid against the OASIS Akoma Ntoso 3.0 schema shipped with amendtrack) to
    stdout or to --out FILE: every paragraph with its eId, persistent id (wId), number as printed,
    text, markers and brackets. `amendtrack import FILE.xml` reads it back into the same tree.
    """
    xml = api.export_akn(db(), negotiation, draft)
    click.echo(xml, nl=False) if out is None else write_file(out, xml)  # bytes: as they are to the binary stdout


@cli.command("delete")
@click.argument("negotiation")
@click.option("--yes", is_flag=True, help="Delete without asking.")
def delete_command(negotiation: str, yes: bool) -> None:
    """Delete NEGOTIATION and everything stored about it, in one transaction.

    Its documents, paragraph trees, lineage, proposals, dispositions and overrides go; delegations,
    which every negotiation shares, stay. Asks first (answer y) unless --yes.
    """
    if not yes:
        click.confirm(printable(f"Delete {api.describe_negotiation(db(), negotiation)}?"), abort=True, err=True)
    click.echo(printable(f"deleted {api.delete_negotiation(db(), negotiation)}"))


@cli.group("db")
def db_group() -> None:
    """The database's schema version (Alembic migrations shipped with amendtrack)."""


@db_group.command("upgrade")
def db_upgrade_command() -> None:
    """Bring the database's schema up to date in place, in one transaction.

    A database made by an earlier amendtrack is migrated to the newest revision; its data stays.
    Imports and other writes do this on their own; read-only commands do not.
    """
    before, after = api.upgrade(db())
    click.echo(
        f"database at revision {after}" if before == after else f"database upgraded: {before or 'empty'} → {after}"
    )


def main() -> None:
    """Entry point of the `amendtrack` console script."""
    cli(prog_name="amendtrack")
