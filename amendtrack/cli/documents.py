"""Commands on documents: import drafts and inputs, list, align and redline them, export, delete, upgrade."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from amendtrack.cli import cli
from amendtrack.console import (
    FilePath,
    api,
    db,
    echo_json,
    echo_lines,
    file_option,
    force_option,
    json_option,
    standalone,
    terminal,
    write_file,
)
from amendtrack.errors import printable


@cli.command("import")
@click.argument("path", type=FilePath(path_type=Path))
@click.option("--negotiation", metavar="NAME", help="Negotiation to add a single file to (required for a file).")
@click.option("--label", metavar="LABEL", help="Label of a single file's draft (default: its file name).")
@click.option("--date", metavar="DATE", help="Date of a single file's draft, e.g. 2010-07-19.")
@click.option("--adopted", is_flag=True, help="Register a single file as adopted text (agreed language: provenance).")
@click.option(
    "--part",
    "parts",
    multiple=True,
    type=FilePath(path_type=Path),
    metavar="FILE",
    help="Another part of a single file's draft (an addendum), in order; repeat for each.",
)
@click.option(
    "--part-names",
    metavar="NAMES",
    help="The parts' short names, comma-separated, the file's first: 'L.1,L.1/Add.1' (default: file names).",
)
def import_command(path: Path, part_names: str | None, **document: Any) -> None:
    """Import a negotiation folder, a single draft, or a backup.

    PATH is a negotiation folder with a manifest.toml, or one draft file (then --negotiation is
    required): text (.txt), Markdown (.md), HTML (.html, .htm, .xhtml), PDF with a text layer
    (.pdf), Word (.docx, automatic numbering read as printed) or Akoma Ntoso 3.0 (.xml); or a
    .json dump of `amendtrack export json`, restored exactly (--negotiation renames it). A
    manifest's inputs documents (.txt compilation table, .csv, .json, .docx) are read against the
    draft they comment on and stored as proposals. A document of kind "adopted" in a manifest (or
    a file given --adopted) is a draft registered as adopted text: its paragraphs are indexed as
    agreed language, for `amendtrack provenance`. A draft issued in parts (a report and its
    addenda) is one draft: give each further part with --part, or list them in the manifest.

    Everything is read first, then written in one transaction: on any error nothing is stored; a
    file whose SHA-256 is stored already is left as it is. Under each imported draft a line gives
    its structure; a warning on stderr says when it looks lost (README: Reading any negotiated text).
    """
    with terminal.progress_bar(sys.stderr) as progress:
        names = [name.strip() for name in part_names.split(",")] if part_names is not None else None
        results = api.import_path(path, db(), progress=progress, part_names=names, **document)
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
    12 digits of the SHA-256; a draft issued in parts (a report and its addenda) is one row with
    its parts beneath it. --json prints objects with the fields negotiation, key, label, date,
    kind (draft, inputs, or adopted: a draft registered as adopted text), order, source_file,
    sha256, paragraphs and parts (each part's key, name, label, date,
    source_file, sha256 and the eid of the part in the tree; empty for a draft in one piece).
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
    a side-by-side report (agreed language, found in adopted text, marked), and --docx FILE
    writes TO as Word with every change against FROM a tracked change by --author (accept all:
    TO; reject all: FROM); give either or both.
    """
    redline = api.diff(db(), negotiation, from_draft, to_draft)
    if out["docx_file"] is not None:
        write_file(out["docx_file"], redline.docx(author))
    if out["html_file"] is not None:
        agreed = api.agreed_language(db(), negotiation, [to_draft])
        write_file(out["html_file"], redline.html(agreed).encode("utf-8"))
    if out["docx_file"] is None and out["html_file"] is None:
        echo_lines(terminal.comparison_lines(redline.comparison, sys.stdout.isatty() if color is None else color))


@cli.command("compare")
@click.argument("old_file", metavar="OLD", type=FilePath(dir_okay=False, path_type=Path))
@click.argument("new_file", metavar="NEW", type=FilePath(dir_okay=False, path_type=Path))
@file_option("--html", "Write a side-by-side HTML report.")
@file_option("--docx", "Write NEW as Word, every change a tracked change.")
@click.option("--author", default="amendtrack", show_default=True, help="Author of the tracked changes (--docx).")
@force_option
@json_option("every link with its redline")
@click.option("--color/--no-color", default=None, help="Colour the redline (default: when printing to a terminal).")
def compare_command(old_file: Path, new_file: Path, author: str, color: bool | None, **out: Any) -> None:
    """Redline two draft files, with no negotiation and no database.

    OLD and NEW are any files `import` reads (text, Markdown, HTML, PDF, Word, Akoma Ntoso),
    aligned and redlined as `diff` does stored drafts: printed, or written with --html FILE
    and --docx FILE, or printed as JSON with --json. Nothing is stored.
    """
    found = standalone.compare_files(old_file, new_file)
    if out["docx_file"] is not None:
        write_file(out["docx_file"], found.docx(author), quiet=out["as_json"], database=False)
    if out["html_file"] is not None:
        write_file(out["html_file"], found.html().encode("utf-8"), quiet=out["as_json"], database=False)
    if out["as_json"]:
        echo_json(found.to_dict())
    elif out["docx_file"] is None and out["html_file"] is None:
        tty = sys.stdout.isatty() if color is None else color
        echo_lines(terminal.comparison_lines(found.comparison, tty))


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
