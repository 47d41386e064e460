"""The `amendtrack` command line: it parses options, calls `amendtrack.api`, and prints what comes back
through `render` (terminal text, HTML, Word). Every error (bad input, a database that says no, a wrong
option) is one line on stderr, `amendtrack: error: <message>`, and exit status 1 (see `console`).

The group is defined here; its commands live in one module per kind of work (`documents`, `across`,
`proposals`, `reports`), each registering on it when imported below.
"""

from __future__ import annotations

import click

from amendtrack import __version__
from amendtrack.console import Commands
from amendtrack.resources import ENV_VAR


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


def main() -> None:
    """Entry point of the `amendtrack` console script."""
    cli(prog_name="amendtrack")


from amendtrack.cli import across, documents, proposals, reports  # noqa: E402, F401  (they register their commands)
