"""Facilitators' corrections of readings: stored beside the proposal as read, applied whenever it is loaded.

Like a disposition override, a correction is never touched by recomputing or re-importing (an
unchanged file is not read again) and travels in backups (store.backup).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.model.correction import FIELDS, Correction
from amendtrack.store.dispositions import remove_beside
from amendtrack.store.tables import CorrectionRow, ParagraphRow, ProposalRow


def set_correction(session: Session, proposal_id: int, correction: Correction) -> None:
    """Record how proposal `proposal_id` should have been read (replacing an earlier correction)."""
    row = session.get(ProposalRow, proposal_id)
    if row is None:
        raise InputError(None, f"no proposal {proposal_id} (see amendtrack proposals NEGOTIATION)")
    if correction.paragraph is not None and _paragraph(session, row.base_document_id, correction.paragraph) is None:
        raise InputError(None, f"proposal {proposal_id}: its draft has no paragraph {correction.paragraph!r}")
    stored = session.get(CorrectionRow, proposal_id)
    if stored is None:
        session.add(CorrectionRow(proposal_id=proposal_id, note=correction.note, **_fields(correction)))
    else:
        stored.note = correction.note
        for name, value in _fields(correction).items():
            setattr(stored, name, value)
    session.flush()


def clear_correction(session: Session, proposal_id: int) -> bool:
    """Remove a correction (the reading shows as read again); False if there was none."""
    return remove_beside(session, CorrectionRow, proposal_id)


def load_corrections(session: Session, proposal_ids: list[int]) -> dict[int, Correction]:
    """The corrections of these proposals, by proposal id."""
    found: dict[int, Correction] = {}
    for start in range(0, len(proposal_ids), 500):
        chunk = proposal_ids[start : start + 500]
        for row in session.scalars(select(CorrectionRow).where(CorrectionRow.proposal_id.in_(chunk))):
            found[row.proposal_id] = Correction(row.note, **{name: getattr(row, name) for name in FIELDS})
    return found


def paragraph_of(session: Session, document_id: int, label: str) -> tuple[str | None, str | None]:
    """The text and persistent id of a paragraph of a stored draft, by label (None, None when absent)."""
    found = _paragraph(session, document_id, label)
    return (found.text, found.pid) if found is not None else (None, None)


def _paragraph(session: Session, document_id: int, label: str) -> ParagraphRow | None:
    query = select(ParagraphRow).where(ParagraphRow.document_id == document_id, ParagraphRow.label == label)
    return session.scalars(query.limit(1)).first()


def _fields(correction: Correction) -> dict[str, str | None]:
    return {name: getattr(correction, name) for name in FIELDS}
