"""Commands that write reports: a delegation's report, a history, the compilation, apply, the site, the demo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from amendtrack.cli import cli
from amendtrack.console import (
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
from amendtrack.errors import InputError
from amendtrack.resources import DEMO_DB_NAME, SITE_FOLDER


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
    as printed in --draft (PP7, 42, OP2(a)) or an eId. --html FILE marks agreed language (words
    found in adopted text, see `amendtrack provenance`).
    """
    history = api.history(db(), negotiation, label, draft)
    agreed = api.agreed_language(db(), negotiation) if out["html_file"] is not None else {}
    _show(history, out, terminal.history_lines, lambda h: html.paragraph_history_html(h, agreed=agreed))


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
    FILE writes a landscape Word table, --html FILE a web page (agreed language marked); give
    either or both.
    """
    if out["html_file"] is None and out["docx_file"] is None:
        raise InputError(None, "compile needs --docx FILE or --html FILE (or both)")
    table = api.compilation(db(), negotiation, draft, with_disposition)
    if out["docx_file"] is not None:
        write_file(out["docx_file"], docx.compilation_docx(table))
    if out["html_file"] is not None:
        agreed = api.agreed_language(db(), negotiation, [table.draft_key]).get(table.draft_key)
        write_file(out["html_file"], html.compilation_html(table, agreed=agreed).encode("utf-8"))


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


@cli.command("site")
@click.argument("negotiation", required=False)
@folder_option("amendtrack-site", "Folder to write the site into.")
def site_command(negotiation: str | None, out: Path) -> None:
    """Build the static report site of NEGOTIATION (or of all negotiations).

    Plain HTML pages that open from the file system, with no server and no network: an index with
    a search box, the redline of each pair of drafts, the compilation of inputs on each draft, a
    report per delegation, a history per paragraph, a dashboard, each draft's agreed language
    (where adopted text is stored; marked in the redlines and histories) and the latest draft's
    echoes. Pages an earlier build wrote and this one does not are removed. Computes and stores
    every disposition on the way.
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


@cli.command("open")
@click.argument("negotiation")
@click.argument("draft", required=False)
@json_option("one object per open point")
def open_command(negotiation: str, draft: str | None, as_json: bool) -> None:
    """List the open points of DRAFT (default: the latest draft), paragraph by paragraph.

    An open point is a bracketed span, a choice between alternatives (`[shall][should]`, or
    `[as set out in / as outlined in]`) or a group of options. Each has a persistent id, kept
    while it stays open from draft to draft.
    """
    key, points = api.open_points(db(), negotiation, draft)
    echo_json(points) if as_json else echo_lines(terminal.open_lines(key, points))


@cli.command("progress")
@click.argument("negotiation")
@json_option("the counts per draft and the events per pair of drafts")
def progress_command(negotiation: str, as_json: bool) -> None:
    """How many open points each draft holds, and how they were settled between drafts.

    Per draft: brackets (every span, nested ones too), choices between alternatives, option groups
    and options, and paragraphs bracketed, in options or clean (with --json also each paragraph's
    status: agreed ad ref, pending, deleted, bracketed, in options, clean). Between consecutive drafts: open
    points introduced, kept, changed, and resolved, by how (one alternative kept, brackets dropped,
    words deleted, the paragraph deleted, one option surviving, options merged).
    """
    found = api.progress(db(), negotiation)
    echo_json(found.to_dict()) if as_json else echo_lines(terminal.progress_lines(found.to_dict()))
