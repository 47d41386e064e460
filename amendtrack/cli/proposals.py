"""Commands on proposals: list them, delegations, dispositions and overrides, readings to review, corrections."""

from __future__ import annotations

from pathlib import Path

import click

from amendtrack.cli import cli
from amendtrack.console import (
    FilePath,
    api,
    db,
    echo_json,
    echo_lines,
    json_option,
    terminal,
)
from amendtrack.model.proposal import OPERATIONS, OVERRIDE_STATUSES


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
