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

import contextlib
import gc
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from amendtrack.compare.cosponsor import group_cosponsored
from amendtrack.errors import InputError, printable
from amendtrack.model.delegation import Registry
from amendtrack.model.names import check_key, check_label, document_key
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft
from amendtrack.read import files
from amendtrack.read.manifest import MANIFEST_NAME, Document, read_manifest
from amendtrack.read.parts import Part, assemble
from amendtrack.report.structure import structure_summary, summary_line
from amendtrack.store.drafts import (
    ImportResult,
    document_id,
    find_document,
    load_draft,
    negotiation_row,
    save_draft,
)
from amendtrack.store.engine import reading, writing
from amendtrack.store.lineage import align_new_drafts
from amendtrack.store.proposals import save_proposals
from amendtrack.store.provenance import register_adopted
from amendtrack.store.tables import DocumentRow


@dataclass
class _PlannedPart:
    """One part of a draft issued in parts (a report or one of its addenda), hashed, waiting to be read."""

    key: str
    name: str  # what its paragraphs are cited with where parts number alike: 'L.1/Add.1'
    label: str
    date: str | None
    path: Path
    source_file: str
    sha256: str

    def record(self, eid: str) -> dict[str, str | None]:
        """The part as its draft's row keeps it, with the eId of the container that holds it."""
        return {
            "key": self.key,
            "name": self.name,
            "label": self.label,
            "date": self.date,
            "source_file": self.source_file,
            "sha256": self.sha256,
            "eid": eid,
        }


# progress(what, done, total): called as each step (reading, then writing, one document) finishes.
Progress = Callable[[str, int, int], None]


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
    draft: Draft | None = None
    base_key: str | None = None  # inputs: the key of the draft they comment on
    base: Draft | None = None  # inputs: that draft's tree
    proposals: list[Proposal] | None = None  # inputs, once read (None: not read)
    problems: list[str] = field(default_factory=list)  # inputs read with skip_invalid: rows left out
    delegation: str | None = None  # .docx tracked changes: the delegation of the whole file
    author_map: dict[str, str] | None = None  # .docx tracked changes: Word user name → delegation
    parts: list[_PlannedPart] = field(default_factory=list)  # a draft issued in parts: each, the first included
    part_name: str | None = None  # the manifest's short name for this draft as the first of its parts
    adopted: bool = False  # a draft registered as adopted text: its words are agreed language (store.provenance)

    def read_draft(self) -> None:
        """Read the draft's file, or its parts' files assembled into one draft (read.parts)."""
        if not self.parts:
            self.draft = files.read_draft_file(self.path)
            return
        self.draft = assemble([Part(part.name, files.read_draft_file(part.path)) for part in self.parts])

    def part_records(self) -> list[dict[str, str | None]] | None:
        """The parts as the draft's row keeps them (None for a draft in one piece)."""
        if not self.parts or self.draft is None:
            return None
        containers = [node.eid for node in self.draft.paragraphs]
        return [part.record(eid) for part, eid in zip(self.parts, containers, strict=True)]


def import_path(
    path: Path | str,
    url: str | None = None,
    negotiation: str | None = None,
    label: str | None = None,
    date: str | None = None,
    progress: Progress | None = None,
    adopted: bool = False,
    parts: list[Path | str] | None = None,
    part_names: list[str] | None = None,
) -> list[ImportResult]:
    """Import a negotiation folder (with manifest.toml) or one .txt / .xml / .docx draft; one result per document.

    For a single file `negotiation` is required and `label` defaults to the file name without
    its extension, and `adopted` registers it as adopted text; `parts` are the files of the
    draft's other parts (its addenda), in order, the file itself the first part, and `part_names`
    the short names the parts are cited by (the file names without their extension, by default).
    For a folder the manifest says everything (`negotiation` may rename it).
    A .json file written by `amendtrack export json` is restored (see store.backup).
    """
    path = Path(path)
    if not _exists(path):
        raise InputError(str(path), "no such file or folder")
    if path.is_file() and path.suffix.lower() == ".json":  # a dump of `amendtrack export json`: restore it
        from amendtrack.store.backup import read_dump, restore

        dump = read_dump(path)
        if dump is not None:
            return restore(dump, url, path, negotiation)
    if path.is_dir() or path.name == MANIFEST_NAME:
        if label is not None or date is not None or adopted or parts or part_names:
            raise InputError(
                str(path), "--label, --date, --adopted and --part apply to a single draft file, not to a folder"
            )
        planned = _plan_folder(path, negotiation)
    else:
        planned = [_plan_file(path, negotiation, label, date)]
        planned[0].adopted = adopted
        _plan_parts(planned[0], [Path(p) for p in parts or []], part_names)
    for done, plan in enumerate(planned, start=1):
        if plan.kind == "draft":
            plan.read_draft()
        else:
            _read_inputs(plan, planned)
        if progress is not None:
            progress(f"read {plan.path.name}", done, 2 * len(planned))
    return writing(url, lambda session: _store(session, planned, progress), create=True)


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
    plan = _plan_inputs(Path(path), negotiation, label, delegation, author_map)
    with reading(url) as session:
        same = _base_of(session, plan, draft)
    if same is not None:
        return same
    _read_inputs(plan, [], skip_invalid=skip_invalid)
    [result] = writing(url, lambda session: _store(session, [plan], None))
    return result


def _exists(path: Path) -> bool:
    """Whether the path names something; a name the system refuses (too long, a NUL) is a one-line error."""
    try:
        return path.exists()
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(printable(str(path))[:200], f"cannot use this path: {reason}") from None


def _plan_inputs(
    path: Path, negotiation: str, label: str | None, delegation: str | None, author_map: Path | str | None
) -> _Planned:
    """One inputs file, checked and hashed, its key from `label` (default: the file name)."""
    if not _exists(path) or not path.is_file():
        raise InputError(str(path), "no such file")
    files.check_inputs_suffix(path)
    if (delegation is not None or author_map is not None) and path.suffix.lower() != ".docx":
        raise InputError(str(path), "--delegation and --author-map apply to .docx files with tracked changes")
    if delegation is not None and author_map is not None:
        raise InputError(str(path), "give --delegation or --author-map, not both")
    authors = None
    if author_map is not None:
        from amendtrack.read.word import read_author_map

        authors = read_author_map(author_map)
    plan = _single(path, negotiation, label, None, "inputs")
    plan.delegation, plan.author_map = delegation, authors
    return plan


def _base_of(session: Session, plan: _Planned, draft: str) -> ImportResult | None:
    """Set the plan's base draft from the store; the result 'already imported' when its bytes are stored."""
    plan.title = negotiation_row(session, plan.negotiation).title
    document = find_document(session, plan.negotiation, draft)
    if document.kind != "draft":
        raise InputError(None, f"inputs comment on a draft; {document.key!r} is {document.kind}")
    same = session.scalar(
        select(DocumentRow).where(
            DocumentRow.negotiation_id == document.negotiation_id, DocumentRow.sha256 == plan.sha256
        )
    )
    if same is not None:
        return ImportResult(
            plan.negotiation,
            plan.key,
            plan.label,
            plan.source_file,
            plan.sha256,
            "already_imported",
            order=same.seq,
            existing_key=same.key,
            kind="inputs",
        )
    plan.base_key = document.key
    plan.base = load_draft(session, plan.negotiation, document.key)
    return None


def _read_inputs(plan: _Planned, planned: list[_Planned], skip_invalid: bool = False) -> None:
    """Read an inputs document against its base draft (taken from `planned` unless already set)."""
    if plan.base is None:
        plan.base_key, plan.base = _earlier_draft(plan, planned)
    plan.proposals, plan.problems = read_proposals(
        plan.path, plan.base, skip_invalid, plan.delegation, plan.author_map, plan.source_file
    )


def read_proposals(
    path: Path,
    base: Draft,
    skip_invalid: bool = False,
    delegation: str | None = None,
    author_map: dict[str, str] | None = None,
    source_file: str | None = None,
) -> tuple[list[Proposal], list[str]]:
    """An inputs file's proposals as they are stored: read against `base`, co-sponsors grouped; the rows left out.

    The evidence names the file as `source_file` (relative to the negotiation folder). Python's cyclic
    garbage collector is paused meanwhile: these objects hold no cycles, and on a file of 100,000 rows
    its passes over the growing heap cost as much as the reading itself.
    """
    with _cyclic_gc_paused():
        proposals, problems = files.read_inputs_file(path, base, Registry.load(), skip_invalid, delegation, author_map)
        for proposal in proposals:
            for sponsor in proposal.sponsors:
                if sponsor.source is not None and source_file is not None:
                    sponsor.source.file = source_file
        return group_cosponsored(proposals), problems


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (reference counting still frees memory), as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _earlier_draft(plan: _Planned, planned: list[_Planned]) -> tuple[str, Draft]:
    """The draft an inputs document of a manifest comments on: its `against`, else the last draft before it."""
    drafts = [p for p in planned[: planned.index(plan)] if p.kind == "draft"]
    if plan.base_key is not None:
        drafts = [p for p in drafts if p.key == plan.base_key]
    if not drafts:
        problem = (
            f"'against' names {plan.base_key!r}, which is not an earlier draft"
            if plan.base_key is not None
            else "no draft comes before it to comment on (set 'against' in the manifest)"
        )
        raise InputError(str(plan.path), f"inputs document {plan.key!r}: {problem}")
    assert drafts[-1].draft is not None
    return drafts[-1].key, drafts[-1].draft


def _plan_folder(folder: Path, negotiation: str | None) -> list[_Planned]:
    """Every document of a manifest, hashed, in manifest order; the parts of a draft folded into its first part."""
    manifest = read_manifest(folder)
    key = check_key(negotiation, "negotiation") if negotiation else manifest.negotiation.id
    plans: list[_Planned] = []
    whole_of: dict[str, str] = {}  # a part's id -> the id of the draft it is part of
    for document in manifest.documents:
        if document.kind == "draft":
            files.check_draft_suffix(document.file)
        else:
            files.check_inputs_suffix(document.file)
        source_file = check_label(
            document.file.relative_to(manifest.folder.resolve()).as_posix(), "file name", str(manifest.folder)
        )
        sha256 = files.sha256(document.file)
        if document.part_of is not None:
            whole_of[document.id] = document.part_of
            _add_part(next(p for p in plans if p.key == document.part_of), document, source_file, sha256)
            continue
        plans.append(
            _Planned(
                negotiation=key,
                title=manifest.negotiation.title,
                key=document.id,
                label=document.label,
                date=document.date,
                kind="draft" if document.kind == "adopted" else document.kind,
                path=document.file,
                source_file=source_file,
                sha256=sha256,
                adopted=document.kind == "adopted",
                base_key=whole_of.get(document.against or "", document.against),
                part_name=document.part,
            )
        )
    return plans


def _add_part(whole: _Planned, document: Document, source_file: str, sha256: str) -> None:
    """Add a part to the draft it belongs to; the first part is the draft's own file.

    The draft's SHA-256 becomes that of its parts' hashes in order, so the same parts are imported
    once, and a changed part makes another version of the whole.
    """
    name = document.part or document.id
    _join(whole, _PlannedPart(document.id, name, document.label, document.date, document.file, source_file, sha256))


def _join(whole: _Planned, part: _PlannedPart) -> None:
    """Add a part to a draft; the first part is the draft's own file. The draft's hash becomes its parts'."""
    if not whole.parts:
        name = whole.part_name or whole.key
        whole.parts.append(
            _PlannedPart(whole.key, name, whole.label, whole.date, whole.path, whole.source_file, whole.sha256)
        )
    whole.parts.append(part)
    whole.sha256 = hashlib.sha256(" ".join(p.sha256 for p in whole.parts).encode()).hexdigest()


def _plan_parts(whole: _Planned, paths: list[Path], names: list[str] | None) -> None:
    """A single file's other parts, given on the command line (`import FILE --part FILE2 …`), in order."""
    if names is not None and len(names) != len(paths) + 1:
        raise InputError(
            str(whole.path),
            f"--part-names gives {len(names)} name(s) for {len(paths) + 1} parts (the file and each --part)",
        )
    if not paths:
        if names is not None:
            raise InputError(str(whole.path), "--part-names needs --part: the draft is in one piece")
        return
    if whole.adopted:
        raise InputError(str(whole.path), "--part applies to a draft, not to adopted text")
    names = names or [p.stem for p in [whole.path, *paths]]
    whole.part_name = check_label(names[0], "part name", str(whole.path))
    keys = {whole.key}
    for path, name in zip(paths, names[1:], strict=True):
        if not _exists(path) or not path.is_file():
            raise InputError(str(path), "no such file (a part of the draft)")
        files.check_draft_suffix(path)
        key = document_key(check_label(path.stem, "file name", str(path)))
        if key in keys:
            raise InputError(str(path), f"two parts of the draft are named {key!r}: rename a file")
        keys.add(key)
        name = check_label(name, "part name", str(path))
        _join(whole, _PlannedPart(key, name, whole.label, whole.date, path, path.name, files.sha256(path)))


def _plan_file(path: Path, negotiation: str | None, label: str | None, date: str | None) -> _Planned:
    """A single draft file; its key is derived from the label (or the file name)."""
    if not negotiation:
        raise InputError(str(path), "importing a single file needs --negotiation NAME")
    files.check_draft_suffix(path)
    return _single(path, negotiation, label, date, "draft")


def _single(path: Path, negotiation: str, label: str | None, date: str | None, kind: str) -> _Planned:
    """A file given on its own: titled by its negotiation's key, keyed by its label (default: the file name)."""
    check_key(negotiation, "negotiation")
    check_label(path.name, "file name", str(path))
    label = check_label(label or path.stem, "label", str(path))
    if date is not None:
        check_label(date, "date", str(path))
    return _Planned(
        negotiation=negotiation,
        title=negotiation,
        key=document_key(label),
        label=label,
        date=date,
        kind=kind,
        path=path,
        source_file=path.name,
        sha256=files.sha256(path),
    )


def _store(session: Session, planned: list[_Planned], progress: Progress | None) -> list[ImportResult]:
    """Write every planned document, align the new drafts, then store the inputs' proposals (one transaction)."""
    results: list[ImportResult] = []
    stored_keys: dict[str, str] = {}  # a draft's key in this import -> its key in the store
    for done, plan in enumerate(planned, start=len(planned) + 1):
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
            plan.part_records(),
        )
        if result.status == "imported" and plan.adopted:
            register_adopted(session, document_id(session, plan.negotiation, plan.key), plan.draft)
        if result.status == "imported" and plan.kind == "draft" and plan.draft is not None:
            summary = structure_summary(plan.draft)
            result.structure, result.warnings = summary_line(summary), summary["warnings"]
        results.append(result)
        stored_keys[plan.key] = result.existing_key or result.key
        if progress is not None:
            progress(f"stored {plan.path.name}", done, 2 * len(planned))
    for negotiation in dict.fromkeys(r.negotiation for r in results if r.status == "imported"):
        align_new_drafts(session, negotiation)
    for plan, result in zip(planned, results, strict=True):
        if plan.kind == "inputs" and result.status == "imported" and plan.proposals is not None:
            assert plan.base_key is not None
            base_key = stored_keys.get(plan.base_key, plan.base_key)
            save_proposals(session, plan.negotiation, plan.key, base_key, plan.proposals)
            result.proposals = len(plan.proposals)
            result.problems = list(plan.problems)
    return results
