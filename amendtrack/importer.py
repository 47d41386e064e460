"""Import drafts into the store: a negotiation folder (manifest) or a single draft file.

Everything is read and parsed first; only then is the database opened, and all of it is
written in one transaction (schema included), together with the lineage between each newly
imported draft and the draft before it, so persistent ids follow paragraphs from the start.
A failure at any point writes nothing: for SQLite the database file stays byte-for-byte as it
was, and is not even created when it did not exist.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.lineage import align_new_drafts
from amendtrack.manifest import MANIFEST_NAME, read_manifest
from amendtrack.store import ImportResult, create_schema, engine_for, save_draft, sqlite_file
from amendtrack.tree import Draft

# progress(what, done, total): called as each step (reading, then writing, one document) finishes.
Progress = Callable[[str, int, int], None]

READABLE_SUFFIXES = (".txt",)
INPUTS_NOT_READ = "inputs reader not available yet"


def read_draft_file(path: Path) -> Draft:
    """Read one draft file into a paragraph tree (the plain-text reader, amendtrack.reader)."""
    from amendtrack.reader import read_draft_file as read  # imported late: the reader is the heaviest module

    return read(path)


@dataclass
class _Planned:
    """One document, read and hashed, waiting to be written."""

    negotiation: str
    title: str
    key: str
    label: str
    date: str | None
    kind: str
    path: Path
    source_file: str  # as stored: the file name relative to the negotiation folder
    sha256: str
    draft: Draft | None


def import_path(
    path: Path | str,
    url: str | None = None,
    negotiation: str | None = None,
    label: str | None = None,
    date: str | None = None,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import a negotiation folder (with manifest.toml) or one .txt draft; one result per document.

    For a single file `negotiation` is required and `label` defaults to the file name without
    its extension; for a folder the manifest says everything (`negotiation` may rename it).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if path.is_dir() or path.name == MANIFEST_NAME:
        if label is not None or date is not None:
            raise InputError(str(path), "--label and --date apply to a single draft file, not to a folder")
        planned = _plan_folder(path, negotiation)
    else:
        planned = [_plan_file(path, negotiation, label, date)]

    to_read = [plan for plan in planned if plan.kind == "draft"]
    total = 2 * len(to_read)
    done = 0
    for plan in to_read:
        plan.draft = _read(plan.path)
        done += 1
        if progress is not None:
            progress(f"read {plan.path.name}", done, total)

    return _write(planned, url, progress, done, total)


def _plan_folder(folder: Path, negotiation: str | None) -> list[_Planned]:
    """Every document of a manifest, hashed, in manifest order."""
    manifest = read_manifest(folder)
    key = negotiation or manifest.negotiation.id
    title = manifest.negotiation.title
    plans = []
    for document in manifest.documents:
        if document.kind == "draft":
            _check_suffix(document.file)
        source_file = document.file.relative_to(manifest.folder.resolve()).as_posix()
        plans.append(
            _Planned(
                negotiation=key,
                title=title,
                key=document.id,
                label=document.label,
                date=document.date,
                kind=document.kind,
                path=document.file,
                source_file=source_file,
                sha256=_sha256(document.file),
                draft=None,
            )
        )
    return plans


def _plan_file(path: Path, negotiation: str | None, label: str | None, date: str | None) -> _Planned:
    """A single draft file; its key is derived from the label (or the file name)."""
    if not negotiation:
        raise InputError(str(path), "importing a single file needs --negotiation NAME")
    _check_suffix(path)
    label = label or path.stem
    return _Planned(
        negotiation=negotiation,
        title=negotiation,
        key=slug(label),
        label=label,
        date=date,
        kind="draft",
        path=path,
        source_file=path.name,
        sha256=_sha256(path),
        draft=None,
    )


def slug(text: str) -> str:
    """A document key from a label: 'Draft of 19 July' -> 'draft-of-19-july'."""
    return re.sub(r"[^a-z0-9.]+", "-", text.casefold()).strip("-.") or "draft"


def _check_suffix(path: Path) -> None:
    """Only plain-text drafts can be read so far."""
    if path.suffix.lower() not in READABLE_SUFFIXES:
        raise InputError(str(path), f"cannot read {path.suffix or 'extensionless'} files yet (only .txt drafts)")


def _sha256(path: Path) -> str:
    """The SHA-256 of the file's bytes: a document's identity in the store."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from None


def _read(path: Path) -> Draft:
    """Parse one draft; undecodable bytes become an InputError naming the file."""
    try:
        return read_draft_file(path)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _write(
    planned: list[_Planned], url: str | None, progress: Progress | None, done: int, total: int
) -> list[ImportResult]:
    """Write every planned document in one transaction, schema included."""
    engine = engine_for(url)
    db_file = sqlite_file(engine)
    existed = db_file is not None and db_file.exists()
    results: list[ImportResult] = []
    try:
        with Session(engine) as session, session.begin():
            create_schema(session.connection())
            for plan in planned:
                if plan.kind != "draft":
                    results.append(
                        ImportResult(
                            plan.negotiation,
                            plan.key,
                            plan.label,
                            plan.source_file,
                            plan.sha256,
                            "skipped",
                            reason=INPUTS_NOT_READ,
                        )
                    )
                    continue
                results.append(
                    save_draft(
                        session,
                        plan.negotiation,
                        plan.title,
                        plan.key,
                        plan.label,
                        plan.date,
                        plan.kind,
                        plan.source_file,
                        plan.sha256,
                        plan.draft,
                    )
                )
                done += 1
                if progress is not None:
                    progress(f"stored {plan.path.name}", done, total)
            for negotiation in dict.fromkeys(r.negotiation for r in results if r.status == "imported"):
                align_new_drafts(session, negotiation)
    except BaseException:
        engine.dispose()
        if db_file is not None and not existed:
            # The failed transaction wrote nothing, but connecting created an empty file.
            for leftover in (
                db_file,
                db_file.with_name(db_file.name + "-wal"),
                db_file.with_name(db_file.name + "-shm"),
            ):
                leftover.unlink(missing_ok=True)
        raise
    engine.dispose()
    return results
