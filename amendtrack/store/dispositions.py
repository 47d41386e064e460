"""Dispositions: the computed verdicts (replaced on every recomputation) and facilitators' overrides (never)."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from amendtrack.compare.disposition import Disposition
from amendtrack.errors import InputError
from amendtrack.model.proposal import OVERRIDE_STATUSES
from amendtrack.store.bulk import insert_many
from amendtrack.store.tables import CorrectionRow, DispositionRow, OverrideRow, ProposalRow


def save_dispositions(session: Session, next_document_id: int | None, verdicts: dict[int, Disposition]) -> None:
    """Store computed dispositions (proposal id → verdict), replacing earlier ones; overrides stay as they are."""
    if not verdicts:
        return
    session.execute(DispositionRow.__table__.delete().where(DispositionRow.proposal_id.in_(list(verdicts))))
    insert_many(
        session,
        DispositionRow,
        [
            {
                "proposal_id": pid,
                "next_document_id": next_document_id,
                "status": verdict.status,
                "explanation": verdict.explanation,
                "evidence": asdict(verdict.evidence),
            }
            for pid, verdict in verdicts.items()
        ],
    )
    session.flush()


def load_overrides(session: Session, proposal_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Facilitators' decisions on these proposals: id → (status, note)."""
    rows = session.scalars(select(OverrideRow).where(OverrideRow.proposal_id.in_(proposal_ids))).all()
    return {row.proposal_id: (row.status, row.note) for row in rows}


def set_override(session: Session, proposal_id: int, status: str, note: str) -> None:
    """Record a facilitator's decision; the computed disposition is kept beside it."""
    if status not in OVERRIDE_STATUSES:
        raise InputError(None, f"unknown disposition {status!r} (one of: {', '.join(OVERRIDE_STATUSES)})")
    if session.get(ProposalRow, proposal_id) is None:
        raise InputError(None, f"no proposal {proposal_id} (see amendtrack proposals NEGOTIATION)")
    row = session.get(OverrideRow, proposal_id)
    if row is None:
        session.add(OverrideRow(proposal_id=proposal_id, status=status, note=note))
    else:
        row.status, row.note = status, note
    session.flush()


def clear_override(session: Session, proposal_id: int) -> bool:
    """Remove a facilitator's decision (the computed disposition shows again); False if there was none."""
    return remove_beside(session, OverrideRow, proposal_id)


def remove_beside(session: Session, model: type[OverrideRow] | type[CorrectionRow], proposal_id: int) -> bool:
    """Remove what a facilitator keeps beside a proposal (an override, a correction); False if there was none.
    An unknown proposal is an error, not 'nothing to remove'."""
    if session.get(ProposalRow, proposal_id) is None:
        raise InputError(None, f"no proposal {proposal_id} (see amendtrack proposals NEGOTIATION)")
    row = session.get(model, proposal_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True
