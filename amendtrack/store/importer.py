"""Import drafts and inputs into the store: a negotiation folder (manifest), a draft file, an inputs file.

Everything is read and parsed first; only then is the database opened, and all of it is
written in one transaction (schema included), together with the lineage between each newly
imported draft and the draft before it, so persistent ids follow paragraphs from the start.
A failure at any point writes nothing: for SQLite the database file stays byte-for-byte as it
was, and is not even created when it did not exist.

Inputs documents (compilations of comments, CSV or JSON proposals) are read against their base
draft: the manifest's `against`, else the draft just before them. Their proposals are grouped
by co-sponsorship and stored with the document, in the same transaction.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from amendtrack.compare.cosponsor import group_cosponsored
from amendtrack.compare.disposition import NodeFinder
from amendtrack.errors import InputError
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.inputs_csv import read_inputs_file
from amendtrack.read.manifest import MANIFEST_NAME, read_manifest
from amendtrack.store.lineage import align_new_drafts
from amendtrack.store.tables import (
    DocumentRow,
    ImportResult,
    _negotiation,
    engine_for,
    ensure_schema,
    find_document,
    for_writing,
    load_draft,
    require_schema,
    retrying,
    save_draft,
    save_proposals,
    sqlite_file,
)

# progress(what, done, total): called as each step (reading, then writing, one document) finishes.
Progress = Callable[[str, int, int], None]

READABLE_SUFFIXES = (".txt", ".xml", ".docx")  # drafts: plain text, Akoma Ntoso 3.0 (.xml), Word (.docx)
INPUTS_SUFFIXES = (".txt", ".csv", ".json", ".docx")  # inputs: a compilation table (.txt), structured proposals,
# or Word (.docx: tracked changes, or a compilation table)
COMPILATION_NOT_READ = "compilation reader not available yet"


def read_draft_file(path: Path) -> Draft:
    """Read one draft file into a paragraph tree: Akoma Ntoso .xml, Word .docx, else text."""
    if path.suffix.lower() == ".xml":
        from amendtrack.read.akn import read_akn_file

        return read_akn_file(path)
    if path.suffix.lower() == ".docx":
        from amendtrack.read.word import read_docx_draft

        return read_docx_draft(path)
    from amendtrack.read.text import read_draft_file as read  # imported late: the reader is the heaviest module

    return read(path)


def read_compilation(path: Path, base: Draft, registry: Registry) -> list[Proposal]:
    """Read a compilation table of inputs (amendtrack.read.compilation) against its base draft."""
    from amendtrack.read.compilation import read_compilation_file  # imported late, like the draft reader

    return read_compilation_file(path, base, registry)


class _IndexedDraft(Draft):
    """The same tree, with find() answered from an index built on first use (Draft.find walks the tree).

    Reading an inputs file looks up a paragraph or two per row; the base tree does not change meanwhile.
    The answer is Draft.find's: the first node in document order with that eId, else with that label.
    """

    _finder: NodeFinder | None = None

    def find(self, label_or_eid: str) -> Paragraph | None:
        if self._finder is None:
            self._finder = NodeFinder(self)
        return self._finder.find(label_or_eid)


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
    base_key: str | None = None  # inputs: the key of the draft they comment on
    base: Draft | None = None  # inputs: that draft's tree
    proposals: list[Proposal] | None = None  # inputs, once read (None: not read)
    problems: list[str] = field(default_factory=list)  # inputs read with skip_invalid: rows left out
    skip_reason: str | None = None
    delegation: str | None = None  # .docx tracked changes: the delegation of the whole file
    author_map: dict[str, str] | None = None  # .docx tracked changes: Word user name → delegation


def import_path(
    path: Path | str,
    url: str | None = None,
    negotiation: str | None = None,
    label: str | None = None,
    date: str | None = None,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import a negotiation folder (with manifest.toml) or one .txt / .xml draft; one result per document.

    For a single file `negotiation` is required and `label` defaults to the file name without
    its extension; for a folder the manifest says everything (`negotiation` may rename it).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if path.is_file() and path.suffix.lower() == ".json":  # a dump of `amendtrack export json`: restore it
        from amendtrack.store.backup import read_dump, restore

        dump = read_dump(path)
        if dump is not None:
            return restore(dump, url, path, negotiation)
    if path.is_dir() or path.name == MANIFEST_NAME:
        if label is not None or date is not None:
            raise InputError(str(path), "--label and --date apply to a single draft file, not to a folder")
        planned = _plan_folder(path, negotiation)
    else:
        planned = [_plan_file(path, negotiation, label, date)]

    total = 2 * len(planned)
    done = 0
    for plan in planned:
        if plan.kind == "draft":
            plan.draft = _read(plan.path)
        else:
            _read_inputs(plan, planned)
        done += 1
        if progress is not None:
            progress(f"read {plan.path.name}", done, total)

    return _write(planned, url, progress, done, total)


def import_inputs(
    path: Path | str,
    url: str | None,
    negotiation: str,
    draft: str,
    skip_invalid: bool = False,
    label: str | None = None,
    delegation: str | None = None,
    author_map: Path | str | None = None,
) -> ImportResult:
    """Import one inputs file (.txt compilation, .csv, .json or .docx) on a stored draft: `amendtrack import-inputs`.

    The base draft is loaded from the store (read-only), the file is read against it, and only
    then is the document with its proposals written, in one transaction. With `skip_invalid`,
    bad rows of a CSV/JSON file are left out and listed in the result's `problems`. For a .docx
    with tracked changes, `delegation` attributes the whole file and `author_map` (a .toml or
    .csv file: Word user name → delegation) each author.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    _check_inputs_suffix(path)
    if (delegation is not None or author_map is not None) and path.suffix.lower() != ".docx":
        raise InputError(str(path), "--delegation and --author-map apply to .docx files with tracked changes")
    if delegation is not None and author_map is not None:
        raise InputError(str(path), "give --delegation or --author-map, not both")
    authors = None
    if author_map is not None:
        from amendtrack.read.word import read_author_map

        authors = read_author_map(author_map)
    label = label or path.stem
    plan = _Planned(
        negotiation=negotiation,
        title=negotiation,
        key=slug(label),
        label=label,
        date=None,
        kind="inputs",
        path=path,
        source_file=path.name,
        sha256=_sha256(path),
        draft=None,
        delegation=delegation,
        author_map=authors,
    )
    engine = engine_for(url)
    try:
        require_schema(engine)
        with Session(engine) as session:
            plan.title = _negotiation(session, negotiation).title
            document = find_document(session, negotiation, draft)
            if document.kind != "draft":
                raise InputError(None, f"inputs comment on a draft; {document.key!r} is {document.kind}")
            same = session.scalar(
                select(DocumentRow).where(
                    DocumentRow.negotiation_id == document.negotiation_id, DocumentRow.sha256 == plan.sha256
                )
            )
            if same is not None:
                return ImportResult(
                    negotiation,
                    plan.key,
                    label,
                    plan.source_file,
                    plan.sha256,
                    "already_imported",
                    order=same.seq,
                    existing_key=same.key,
                    kind="inputs",
                )
            plan.base_key = document.key
            plan.base = load_draft(session, negotiation, document.key)
    finally:
        engine.dispose()
    _read_inputs(plan, [], skip_invalid=skip_invalid, required=True)
    [result] = _write([plan], url, None, 0, 0)
    return result


def _read_inputs(plan: _Planned, planned: list[_Planned], skip_invalid: bool = False, required: bool = False) -> None:
    """Read an inputs document against its base draft (taken from `planned` unless already set)."""
    if plan.base is None:
        earlier = planned[: planned.index(plan)]
        drafts = [p for p in earlier if p.kind == "draft"]
        if plan.base_key is not None:
            drafts = [p for p in drafts if p.key == plan.base_key]
        if not drafts:
            problem = (
                f"'against' names {plan.base_key!r}, which is not an earlier draft"
                if plan.base_key is not None
                else "no draft comes before it to comment on (set 'against' in the manifest)"
            )
            raise InputError(str(plan.path), f"inputs document {plan.key!r}: {problem}")
        plan.base_key, plan.base = drafts[-1].key, drafts[-1].draft
    assert plan.base is not None
    registry = Registry.load()
    if plan.path.suffix.lower() == ".txt":
        try:
            proposals = read_compilation(plan.path, plan.base, registry)
        except ImportError as exc:
            if exc.name != "amendtrack.read.compilation":
                raise
            if required:
                raise InputError(str(plan.path), f"cannot read compilation tables: {COMPILATION_NOT_READ}") from None
            plan.skip_reason = COMPILATION_NOT_READ
            return
        except UnicodeDecodeError as exc:
            raise InputError(str(plan.path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    elif plan.path.suffix.lower() == ".docx":  # tracked changes, or a compilation table in Word
        from amendtrack.read.word import read_docx_inputs

        proposals = read_docx_inputs(plan.path, plan.base, registry, plan.delegation, plan.author_map)
    else:
        base = _IndexedDraft(plan.base.paragraphs, plan.base.preface, plan.base.source)  # rows look labels up
        proposals, plan.problems = read_inputs_file(plan.path, base, registry, skip_invalid=skip_invalid)
    for proposal in proposals:  # evidence names the file as stored, relative to the negotiation folder
        for sponsor in proposal.sponsors:
            if sponsor.source is not None:
                sponsor.source.file = plan.source_file
    plan.proposals = group_cosponsored(proposals)


def _plan_folder(folder: Path, negotiation: str | None) -> list[_Planned]:
    """Every document of a manifest, hashed, in manifest order."""
    manifest = read_manifest(folder)
    key = negotiation or manifest.negotiation.id
    title = manifest.negotiation.title
    plans = []
    for document in manifest.documents:
        if document.kind == "draft":
            _check_suffix(document.file)
        else:
            _check_inputs_suffix(document.file)
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
                base_key=document.against,
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
    """Only plain-text, Akoma Ntoso (.xml) and Word (.docx) drafts can be read so far."""
    if path.suffix.lower() in INPUTS_SUFFIXES and path.suffix.lower() not in READABLE_SUFFIXES:
        raise InputError(
            str(path), f"a {path.suffix} file holds inputs, not a draft (amendtrack import-inputs FILE --draft D)"
        )
    if path.suffix.lower() not in READABLE_SUFFIXES:
        raise InputError(
            str(path), f"cannot read {path.suffix or 'extensionless'} files yet (only .txt, .xml and .docx drafts)"
        )


def _check_inputs_suffix(path: Path) -> None:
    """Inputs are a compilation table (.txt), structured proposals (.csv, .json) or Word (.docx)."""
    if path.suffix.lower() not in INPUTS_SUFFIXES:
        raise InputError(
            str(path), f"cannot read {path.suffix or 'extensionless'} inputs (expected .txt, .csv, .json or .docx)"
        )


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
    """Write every planned document in one transaction, schema included; run again when the database asks.

    SQLite: the transaction takes the write lock at BEGIN (concurrent imports wait their turn);
    PostgreSQL: a deadlock, serialization failure or concurrent insert of the same key runs it again.
    """
    engine = for_writing(engine_for(url))
    db_file = sqlite_file(engine)
    existed = db_file is not None and db_file.exists()
    try:
        results = retrying(lambda: _transaction(engine, planned, progress, done, total))
    except BaseException:
        engine.dispose()
        if db_file is not None and not existed:
            _discard_if_empty(db_file)  # the failed transaction wrote nothing, but connecting created a file
        raise
    engine.dispose()
    return results


def _transaction(
    engine: Engine, planned: list[_Planned], progress: Progress | None, done: int, total: int
) -> list[ImportResult]:
    """One attempt at writing every planned document, in one transaction."""
    results: list[ImportResult] = []
    with Session(engine) as session, session.begin():
        ensure_schema(session.connection())
        stored_keys: dict[str, str] = {}  # a draft's key in this import -> its key in the store
        written: list[tuple[_Planned, ImportResult]] = []
        for plan in planned:
            done += 1
            if plan.skip_reason is not None:
                results.append(
                    ImportResult(
                        plan.negotiation,
                        plan.key,
                        plan.label,
                        plan.source_file,
                        plan.sha256,
                        "skipped",
                        reason=plan.skip_reason,
                        kind=plan.kind,
                    )
                )
                if progress is not None:
                    progress(f"skipped {plan.path.name}", done, total)
                continue
            result = save_draft(
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
            results.append(result)
            stored_keys[plan.key] = result.existing_key or result.key
            written.append((plan, result))
            if progress is not None:
                progress(f"stored {plan.path.name}", done, total)
        for negotiation in dict.fromkeys(r.negotiation for r in results if r.status == "imported"):
            align_new_drafts(session, negotiation)
        for plan, result in written:
            if plan.kind == "inputs" and result.status == "imported" and plan.proposals is not None:
                assert plan.base_key is not None
                base_key = stored_keys.get(plan.base_key, plan.base_key)
                save_proposals(session, plan.negotiation, plan.key, base_key, plan.proposals)
                result.proposals = len(plan.proposals)
                result.problems = list(plan.problems)
    return results


def _discard_if_empty(db_file: Path) -> None:
    """Remove a SQLite file (and its -wal, -shm) this import created, unless another process stored tables in it.

    The check holds the write lock, so a concurrent import that already began writing is waited for.
    """
    try:
        connection = sqlite3.connect(db_file, timeout=10, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
        if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return
        for leftover in (db_file, db_file.with_name(db_file.name + "-wal"), db_file.with_name(db_file.name + "-shm")):
            leftover.unlink(missing_ok=True)
    except sqlite3.Error:
        return
    finally:
        connection.close()
