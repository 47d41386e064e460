"""One entry point for a delegation's or facilitator's .docx of inputs: tracked changes, else a compilation table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft
from amendtrack.read.word.authors import Authors
from amendtrack.read.word.document import WordDocument
from amendtrack.read.word.table import main_table, table_proposals
from amendtrack.read.word.tracked import tracked_proposals

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry


def docx_inputs_kind(path: Path | str) -> str:
    """'tracked_changes' when the file carries tracked changes, 'compilation' for a table, else InputError."""
    return _kind(WordDocument(path))


def read_docx_inputs(
    path: Path | str, base: Draft, registry: Registry, delegation: str | None = None, author_map: Authors | None = None
) -> list[Proposal]:
    """Proposals from a .docx: its tracked changes (see read_docx_proposals), else its compilation table."""
    doc = WordDocument(path)
    if _kind(doc) == "compilation":
        if delegation is not None or author_map is not None:
            raise InputError(
                doc.source,
                "a compilation table names its delegations: --delegation and --author-map apply to tracked changes",
            )
        return table_proposals(doc, base, registry)
    return tracked_proposals(doc, base, registry, delegation, author_map)


def _kind(doc: WordDocument) -> str:
    if doc.authors():
        return "tracked_changes"
    if main_table(doc) is not None:
        return "compilation"
    if doc.comments:
        return "tracked_changes"
    raise InputError(doc.source, "neither tracked changes nor a compilation table (paragraph | inputs) in it")
