"""Commands that look across documents: echoes (paragraphs that restate others), provenance (agreed language)."""

from __future__ import annotations

from typing import Any

import click

from amendtrack.cli import cli
from amendtrack.console import (
    across,
    api,
    db,
    echo_json,
    echo_lines,
    file_option,
    force_option,
    json_option,
    terminal,
    write_file,
)


@cli.command("echoes")
@click.argument("negotiation")
@click.argument("draft", required=False)
@click.option(
    "--against",
    "against",
    multiple=True,
    metavar="NEGOTIATION",
    help="Also give each paragraph its thematic antecedent in this negotiation's latest draft (repeatable).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    help="Least similarity for an echo within the negotiation (default 0.5; antecedents: 0.25).",
)
@file_option("--html", "Write the echoes as a web page.")
@force_option
@json_option("the echoes (with --html too: the file is written, the JSON printed)")
def echoes_command(
    negotiation: str, draft: str | None, against: tuple[str, ...], threshold: float | None, **out: Any
) -> None:
    """Paragraphs of DRAFT (default: the latest draft) that restate other paragraphs.

    Within the draft, and against the negotiation's earlier drafts (a paragraph's own earlier
    versions aside): pairs whose content words, weighted by rarity, are alike at least the
    threshold. The document's formula (a three-word run found in a tenth of its paragraphs, such
    as "Member States should", or a sentence found word for word in three) is left out, so a pair
    never passes on boilerplate alone. Each echo gives its similarity, the content words and
    phrases the pair shares, and a redline of one against the other. With --against, each
    paragraph's most alike paragraph of the other negotiation, from 0.25 up.
    """
    report = api.echoes(db(), negotiation, draft, list(against), threshold)
    if out["html_file"] is not None:
        write_file(out["html_file"], across.echoes_html(report).encode("utf-8"), quiet=out["as_json"])
    if out["as_json"]:
        echo_json(report.to_dict())
    elif out["html_file"] is None:
        echo_lines(terminal.echo_lines(report))


@cli.command("provenance")
@click.argument("negotiation")
@click.argument("draft")
@click.option(
    "--against",
    "against",
    multiple=True,
    metavar="NEGOTIATION",
    help="Look only in this negotiation's adopted text (repeatable; default: every document registered as adopted).",
)
@click.option(
    "--min-words",
    type=click.IntRange(3, 200),
    default=8,
    show_default=True,
    help="The least words a phrase must span to be reported.",
)
@file_option("--html", "Write the draft with its agreed language marked as a web page.")
@force_option
@json_option("the phrases (with --html too: the file is written, the JSON printed)")
def provenance_command(negotiation: str, draft: str, against: tuple[str, ...], min_words: int, **out: Any) -> None:
    """Phrases of DRAFT found in adopted text: agreed language, with its source.

    Adopted text is every document registered as adopted (a manifest's kind "adopted", or import
    --adopted), of any negotiation; of the draft's own negotiation only those before the draft.
    A phrase counts when it is found word for word or nearly: inflection and British/American
    spelling aside, small words aside, a word or two inserted or dropped inside it. Each phrase
    gives the draft's words, the source (negotiation, document, paragraph) and the source's words,
    and whether they are verbatim. Looked up in the database's index of adopted text.
    """
    report = api.provenance(db(), negotiation, draft, list(against), min_words)
    if out["html_file"] is not None:
        write_file(out["html_file"], across.provenance_html(report).encode("utf-8"), quiet=out["as_json"])
    if out["as_json"]:
        echo_json(report.to_dict())
    elif out["html_file"] is None:
        echo_lines(terminal.provenance_lines(report))
