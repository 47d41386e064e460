"""amendtrack as a library: one function per command, on a database given by its URL.

`url` is any SQLAlchemy URL; None means $AMENDTRACK_DB, else ./amendtrack.db. Functions that only
read open the database with `store.engine.reading` (never creating it); those that write, or that
compute and store dispositions on the way, run in one transaction with `store.engine.writing`.
Bad input raises `errors.InputError`, whose message is one line naming the file and the place.

The command line (`cli.py`) parses options, calls these functions, and prints what they return
through `render.terminal` (or writes it with `render.html`, `render.docx`, `render.akn`).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amendtrack.errors import InputError
from amendtrack.resources import DEMO_DB_NAME, SITE_FOLDER, sample_negotiations
from amendtrack.store import drafts as stored_drafts
from amendtrack.store.engine import NO_PROPOSALS, has_proposal_tables, reading, writing

if TYPE_CHECKING:
    from amendtrack.compare.comparison import Comparison
    from amendtrack.model.proposal import Proposal
    from amendtrack.model.tree import Draft
    from amendtrack.report.compilation import CompilationTable
    from amendtrack.report.delegation import DelegationProposals, DelegationReport
    from amendtrack.report.echoes import EchoReport, Text
    from amendtrack.report.history import ParagraphHistory
    from amendtrack.report.provenance import ProvenanceReport
    from amendtrack.report.snapshot import Snapshot
    from amendtrack.store.lineage import AlignedDrafts

# The readers, comparison, report and render modules are imported by the functions that need them:
# the read-only commands (drafts, paragraphs, proposals, delegations) start without loading them.


def __getattr__(name: str) -> Any:
    """`import_path` and `import_inputs` (store.importer), loaded when first asked for."""
    if name in ("import_path", "import_inputs"):
        from amendtrack.store import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def drafts(url: str | None, negotiation: str | None = None) -> list[dict[str, Any]]:
    """Stored documents in order (of one negotiation, or of all): the records of `amendtrack drafts --json`."""
    with reading(url) as session:
        return stored_drafts.list_documents(session, negotiation)


def paragraphs(url: str | None, negotiation: str, draft: str) -> Draft:
    """The paragraph tree of a stored draft (DRAFT: its key, label or order number)."""
    with reading(url) as session:
        return stored_drafts.load_draft(session, negotiation, draft)


def structure(url: str | None, negotiation: str, draft: str) -> dict[str, Any]:
    """The structure of a stored draft: `amendtrack paragraphs --summary` (report.structure)."""
    from amendtrack.report.structure import structure_summary

    return structure_summary(paragraphs(url, negotiation, draft))


def proposals(
    url: str | None,
    negotiation: str,
    draft: str | None = None,
    delegation: str | None = None,
    paragraph: str | None = None,
) -> list[tuple[int, Proposal]]:
    """Stored proposals with their ids, in document order, filtered by draft, delegation and paragraph."""
    from amendtrack.store.proposals import load_proposals

    with reading(url, proposals=True) as session:
        return load_proposals(session, negotiation, draft, delegation, paragraph)


def delegations(url: str | None, negotiation: str | None = None) -> list[dict[str, Any]]:
    """Every known delegation with its kind and the proposals it made: the records of `delegations --json`."""
    from amendtrack.model.delegation import Registry
    from amendtrack.store.proposals import delegation_records

    with reading(url) as session:
        if has_proposal_tables(session):
            return delegation_records(session, negotiation)
    if negotiation is not None:
        raise InputError(None, NO_PROPOSALS)
    return [{**d.to_dict(), "proposals": 0, "negotiations": {}} for d in Registry.load()]


def align_drafts(url: str | None, negotiation: str, old: str, new: str) -> AlignedDrafts:
    """Align two stored drafts and store the lineage, in one transaction: `amendtrack align`."""
    from amendtrack.store.lineage import align_pair

    return writing(url, lambda session: align_pair(session, negotiation, old, new))


@dataclass
class Redline:
    """Two stored drafts aligned, every link redlined, and the negotiation's title: what `diff` shows or writes."""

    aligned: AlignedDrafts
    comparison: Comparison
    title: str

    def html(self, agreed: dict[str, Any] | None = None) -> str:
        """The side-by-side HTML report, self-contained; `agreed` (agreed_language): the later draft's marked."""
        from amendtrack.model.misread import misread_in_drafts
        from amendtrack.render.html import redline_html

        a = self.aligned
        sides = {"label": a.old_label, "date": a.old_date}, {"label": a.new_label, "date": a.new_date}
        misread = misread_in_drafts(a.old, a.new)
        return redline_html(self.comparison, self.title, *sides, agreed=(agreed or {}).get(a.new_key), misread=misread)

    def docx(self, author: str) -> bytes:
        """The later draft as Word, every change against the earlier one a tracked change by `author`."""
        from amendtrack.model.misread import misread_in_drafts
        from amendtrack.model.names import check_label
        from amendtrack.render.docx import redline_docx

        check_label(author, "the tracked changes' author")
        a = self.aligned
        misread = misread_in_drafts(a.old, a.new)
        return redline_docx(self.comparison, author, a.new_date, self.title, old=a.old, new=a.new, misread=misread)


def diff(url: str | None, negotiation: str, old: str, new: str) -> Redline:
    """Align (and store the lineage of) two drafts, then redline every link: `amendtrack diff`."""
    from amendtrack.compare.comparison import compare
    from amendtrack.store.lineage import align_pair

    def work(session: Any) -> tuple[AlignedDrafts, str]:
        return align_pair(session, negotiation, old, new), stored_drafts.negotiation_title(session, negotiation)

    aligned, title = writing(url, work)
    comparison = compare(aligned.old, aligned.new, aligned.old_label, aligned.new_label, aligned.alignment)
    return Redline(aligned, comparison, title)


def snapshot(url: str | None, negotiation: str) -> Snapshot:
    """A negotiation loaded and judged, with every computed disposition stored (overrides untouched)."""
    from amendtrack.store.snapshot import load_snapshot

    return writing(url, lambda session: load_snapshot(session, negotiation))


def dispositions(url: str | None, negotiation: str) -> list[dict]:
    """Recompute and store every disposition of a negotiation: the records of `amendtrack dispositions --json`."""
    from amendtrack.report.snapshot import disposition_records

    return disposition_records(snapshot(url, negotiation))


def set_disposition(url: str | None, proposal_id: int, status: str, note: str) -> None:
    """Store a facilitator's disposition of a proposal, kept beside the computed one."""
    from amendtrack.model.names import check_label
    from amendtrack.store.dispositions import set_override

    check_label(note, "the note", note=True)
    writing(url, lambda session: set_override(session, proposal_id, status, note))


def clear_disposition(url: str | None, proposal_id: int) -> bool:
    """Remove a facilitator's disposition (the computed one shows again); False when there was none."""
    from amendtrack.store.dispositions import clear_override

    return writing(url, lambda session: clear_override(session, proposal_id))


def correct_reading(url: str | None, proposal_id: int, note: str, **fields: str | None) -> None:
    """Store a facilitator's correction of how a proposal's input was read: `amendtrack proposal edit`."""
    from amendtrack.store.corrections import set_correction

    correction = checked_correction(proposal_id, note, fields)
    writing(url, lambda session: set_correction(session, proposal_id, correction))


def checked_correction(proposal_id: int, note: str, fields: dict[str, str | None], where: str | None = None) -> Any:
    """A Correction from what a facilitator typed, every value checked as text that can be stored and shown."""
    from amendtrack.model.correction import Correction
    from amendtrack.model.names import check_label

    check_label(note, "the note", where, note=True)
    for name, value in fields.items():
        if value is not None:
            check_label(value, f"the {name}", where, note=name != "paragraph")
    try:
        return Correction(note, **fields)
    except ValueError as exc:
        raise InputError(where, f"proposal {proposal_id}: {exc}") from None


def clear_reading(url: str | None, proposal_id: int) -> bool:
    """Remove a correction of a reading (the proposal shows as read again); False when there was none."""
    from amendtrack.store.corrections import clear_correction

    return writing(url, lambda session: clear_correction(session, proposal_id))


def correct_readings(url: str | None, path: Path) -> int:
    """Store every correction of a CSV file (id, operation, paragraph, text, old, anchor, note) in one
    transaction: all of them, or none and a one-line error naming the file and row."""
    from amendtrack.read.corrections import read_corrections_csv
    from amendtrack.store.corrections import set_correction

    rows = read_corrections_csv(path)

    def work(session: Any) -> int:
        for line, proposal_id, note, fields in rows:
            try:
                set_correction(session, proposal_id, checked_correction(proposal_id, note, fields))
            except InputError as exc:
                raise InputError(str(path), exc.reason, line=line) from None
        return len(rows)

    return writing(url, work)


def progress(url: str | None, negotiation: str) -> Any:
    """Open points per draft and how they were settled between drafts: `amendtrack progress` (report.progress)."""
    from amendtrack.report.progress import progress as follow
    from amendtrack.store.snapshot import load_chain

    with reading(url) as session:
        title, chain = load_chain(session, negotiation)
    return follow(negotiation, title, chain)


def open_points(url: str | None, negotiation: str, draft: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """The open points of one draft (the latest by default), with their persistent ids: `amendtrack open`."""
    from amendtrack.report.progress import open_in

    found = progress(url, negotiation)
    keys = [d["draft"] for d in found.drafts]
    if not keys:
        raise InputError(None, f"negotiation {negotiation!r} has no draft")
    if draft is None:
        return keys[-1], open_in(found, keys[-1])
    with reading(url) as session:
        key = stored_drafts.find_document(session, negotiation, draft).key
    if key not in keys:
        raise InputError(None, f"{key!r} is a compilation of inputs, not a draft: name a draft")
    return key, open_in(found, key)


def echoes(
    url: str | None,
    negotiation: str,
    draft: str | None = None,
    against: list[str] | None = None,
    threshold: float | None = None,
) -> EchoReport:
    """The paragraphs of DRAFT (the latest by default) that restate others: `amendtrack echoes`.

    Within the draft and against the negotiation's earlier drafts from `threshold` (default
    compare.echoes.ECHO) up; each paragraph's thematic antecedent in the latest draft of each
    negotiation `against`.
    """
    from amendtrack.compare.echoes import ECHO
    from amendtrack.report.echoes import echo_report

    with reading(url) as session:
        drafts = stored_drafts.drafts_of(session, negotiation)
        if not drafts:
            raise InputError(None, f"negotiation {negotiation!r} has no draft")
        chosen = stored_drafts.find_document(session, negotiation, draft) if draft is not None else drafts[-1]
        if chosen.kind != "draft":
            raise InputError(None, f"{chosen.key!r} is a compilation of inputs, not a draft: name a draft")
        earlier = [_text(session, negotiation, d) for d in drafts if d.seq < chosen.seq]
        others = [_latest(session, name) for name in against or []]
        found = _text(session, negotiation, chosen)
        title = stored_drafts.negotiation_title(session, negotiation)
    report = echo_report(found, earlier, others, ECHO if threshold is None else threshold)
    report.title = title
    return report


def provenance(
    url: str | None, negotiation: str, draft: str, against: list[str] | None = None, min_words: int | None = None
) -> ProvenanceReport:
    """The phrases of DRAFT found in adopted text (of the negotiations `against`, else of all): `amendtrack provenance`.

    Documents of the draft's own negotiation count only when they come before it.
    """
    from amendtrack.compare.provenance import MIN_WORDS
    from amendtrack.report.provenance import provenance_report
    from amendtrack.store import provenance as index

    with reading(url) as session:
        document = stored_drafts.find_document(session, negotiation, draft)
        if document.kind != "draft":
            raise InputError(None, f"{document.key!r} is a compilation of inputs, not a draft: name a draft")
        for name in against or []:
            stored_drafts.negotiation_row(session, name)  # an unknown name is a one-line error
        tree = stored_drafts.load_draft(session, negotiation, document.key)
        searched, sources = index.adopted_sources(session, against or None, (document.negotiation_id, document.seq))
        report = provenance_report(
            negotiation,
            document.key,
            document.label,
            tree,
            lambda hashes: index.lookup(session, hashes, sources) if searched else [],
            lambda ids: index.adopted_paragraphs(session, ids),
            MIN_WORDS if min_words is None else min_words,
            searched,
        )
        report.title = stored_drafts.negotiation_title(session, negotiation)
        return report


def agreed_language(url: str | None, negotiation: str, drafts: list[str] | None = None) -> dict[str, Any]:
    """Each draft's agreed language (all drafts, or those named), by draft key, for marking a report written on its
    own (`diff/history/compile --html`): spans named by their source, linked to no page. Empty when no adopted text
    is registered."""
    from amendtrack.render.across import agreed_spans
    from amendtrack.store.provenance import adopted_ids

    with reading(url) as session:
        if not adopted_ids(session):
            return {}
        names = drafts if drafts is not None else [d.key for d in stored_drafts.drafts_of(session, negotiation)]
        keys = [stored_drafts.find_document(session, negotiation, name).key for name in names]
    return {key: agreed_spans(provenance(url, negotiation, key), None) for key in keys}


def _text(session: Any, negotiation: str, document: Any) -> Text:
    """A stored draft as report.echoes reads it."""
    from amendtrack.report.echoes import Text

    return Text(negotiation, document.key, document.label, stored_drafts.load_draft(session, negotiation, document.key))


def _latest(session: Any, negotiation: str) -> Text:
    """The latest draft of a negotiation, as report.echoes reads it."""
    drafts = stored_drafts.drafts_of(session, negotiation)
    if not drafts:
        raise InputError(None, f"negotiation {negotiation!r} has no draft")
    return _text(session, negotiation, drafts[-1])


def report(url: str | None, negotiation: str, delegation: str, draft: str | None = None) -> DelegationReport:
    """Every proposal of a delegation (co-sponsored ones included) and what became of it."""
    from amendtrack.report.delegation import delegation_report
    from amendtrack.store.proposals import load_proposals
    from amendtrack.store.snapshot import load_snapshot

    def work(session: Any) -> tuple[Snapshot, str | None]:
        load_proposals(session, negotiation, draft_ref=draft, delegation=delegation)  # unknown names: one-line error
        key = stored_drafts.find_document(session, negotiation, draft).key if draft is not None else None
        return load_snapshot(session, negotiation), key

    snap, key = writing(url, work)
    return delegation_report(snap, delegation, key)


def history(url: str | None, negotiation: str, label: str, draft: str | None = None) -> ParagraphHistory:
    """One paragraph through every draft (followed by its persistent id) with the proposals made on it."""
    from amendtrack.report.history import paragraph_history
    from amendtrack.store.snapshot import load_snapshot

    def work(session: Any) -> tuple[Snapshot, str]:
        documents = stored_drafts.drafts_of(session, negotiation)
        if not documents:
            raise InputError(None, f"negotiation {negotiation!r} has no drafts")
        start = stored_drafts.find_document(session, negotiation, draft) if draft else documents[0]
        node = stored_drafts.load_draft(session, negotiation, start.key).find(label)
        if node is None:
            raise InputError(None, f"draft {start.key!r} of {negotiation!r} has no paragraph {label!r}")
        assert node.pid is not None
        return load_snapshot(session, negotiation), node.pid

    snap, pid = writing(url, work)
    return paragraph_history(snap, pid, label)


def compilation(url: str | None, negotiation: str, draft: str, with_disposition: bool = False) -> CompilationTable:
    """Every paragraph of a draft in order with every delegation's input on it (alphabetical), new ones after."""
    from amendtrack.report.compilation import compilation_table
    from amendtrack.store.snapshot import load_snapshot

    def work(session: Any) -> tuple[Snapshot, str]:
        document = stored_drafts.find_document(session, negotiation, draft)
        if document.kind != "draft":
            raise InputError(None, f"{document.key!r} is a compilation of inputs, not a draft: compile its draft")
        return load_snapshot(session, negotiation), document.key

    snap, key = writing(url, work)
    return compilation_table(snap, key, with_disposition)


@dataclass
class Applied:
    """A delegation's proposals written on its draft as Word tracked changes, and the flagged ones left out."""

    docx: bytes
    left_out: list[int]  # ids of proposals whose reading is to be checked (`amendtrack review`)


def apply_proposals(
    url: str | None, negotiation: str, draft: str, delegation: str, include_flagged: bool = False
) -> Applied:
    """A draft as Word, one delegation's proposals on it as tracked changes by that delegation.

    A proposal whose reading is in doubt (model.doubts) is left out unless `include_flagged`: a
    misread input would otherwise stand in the Word file as the delegation's own words.
    """
    from amendtrack.model.doubts import flagged
    from amendtrack.render.docx import apply_docx

    found = delegation_proposals(url, negotiation, draft, delegation)
    kept = [(pid, p) for pid, p in found.ids if include_flagged or not flagged(p)]
    left_out = [pid for pid, p in found.ids if not include_flagged and flagged(p)]
    title, label = found.negotiation_title, found.draft_label
    proposals = [p for _, p in kept]
    return Applied(apply_docx(found.draft, proposals, found.delegation, found.date, title, draft_label=label), left_out)


def review(url: str | None, negotiation: str) -> list[dict[str, Any]]:
    """The proposals whose reading a facilitator should check, with why: `amendtrack review`."""
    from amendtrack.model.doubts import doubts, flagged, reading_confidence

    return [
        {
            "id": pid,
            "delegations": p.delegations,
            "paragraph": p.paragraph,
            "operation": p.operation,
            "reading_confidence": round(reading_confidence(p), 2),
            "reasons": [doubt.reason for doubt in doubts(p)],
            "verbatim": p.sponsors[0].verbatim if p.sponsors else "",
            "source": asdict(p.sponsors[0].source) if p.sponsors and p.sponsors[0].source else None,
        }
        for pid, p in proposals(url, negotiation)
        if flagged(p)
    ]


def delegation_proposals(url: str | None, negotiation: str, draft: str, delegation: str) -> DelegationProposals:
    """A draft and the proposals one delegation made or co-sponsored on it: what `amendtrack apply` writes."""
    from amendtrack.model.delegation import Registry
    from amendtrack.report.delegation import DelegationProposals
    from amendtrack.store.proposals import inputs_dates, load_proposals

    with reading(url, proposals=True) as session:
        document = stored_drafts.find_document(session, negotiation, draft)
        if document.kind != "draft":
            raise InputError(None, f"{document.key!r} is a compilation of inputs, not a draft: name its draft")
        found = load_proposals(session, negotiation, draft_ref=document.key, delegation=delegation)
        if not found:
            raise InputError(None, f"no proposals of {delegation} on {document.key!r} of {negotiation}")
        dates = inputs_dates(session, [pid for pid, _ in found])
        known = Registry.load().resolve(delegation)
        return DelegationProposals(
            negotiation,
            stored_drafts.negotiation_title(session, negotiation),
            known.name if known else delegation,
            document.key,
            document.label,
            max(dates, default=None) or document.date,
            stored_drafts.load_draft(session, negotiation, document.key),
            [proposal for _, proposal in found],
            found,
        )


def export_akn(url: str | None, negotiation: str, draft: str) -> bytes:
    """A stored draft as an Akoma Ntoso 3.0 document (UTF-8 bytes), valid against the shipped schema."""
    from amendtrack.render.akn import draft_to_akn

    with reading(url) as session:
        document = stored_drafts.find_document(session, negotiation, draft)
        if document.kind != "draft":
            raise InputError(None, f"{document.key!r} is an inputs document, not a draft: only drafts are exported")
        tree = stored_drafts.load_draft(session, negotiation, document.key)
        title = stored_drafts.negotiation_title(session, negotiation)
    return draft_to_akn(tree, negotiation, document.key, document.label, document.date, title)


def export_json(url: str | None, negotiation: str) -> str:
    """The dump of a stored negotiation as JSON text: a backup that `import` restores exactly."""
    from amendtrack.store.backup import dump_negotiation

    with reading(url) as session:
        dump = dump_negotiation(session, negotiation)
    return json.dumps(dump, ensure_ascii=False, indent=1) + "\n"


def database_files(url: str | None) -> list[Path]:
    """The files of the database at `url` (its SQLite file; none for a server): outputs must never go there."""
    from amendtrack.store.engine import database_file

    found = database_file(url)
    return [found] if found is not None else []


def describe_negotiation(url: str | None, negotiation: str) -> str:
    """'gpa-2010 (3 documents, 520 proposals)': what deleting it would remove."""
    with reading(url) as session:
        return stored_drafts.describe_negotiation(session, negotiation)


def delete_negotiation(url: str | None, negotiation: str) -> str:
    """Delete a negotiation and everything stored about it (delegations stay), in one transaction; what went."""
    return writing(url, lambda session: stored_drafts.delete_negotiation(session, negotiation))


def upgrade(url: str | None) -> tuple[str | None, str]:
    """Bring the database's schema up to date in place: (the revision it was at, None if empty; the newest)."""
    from amendtrack.store.engine import upgrade_schema

    return upgrade_schema(url)


@dataclass
class SiteResult:
    """What `amendtrack site` wrote: the index page, the number of pages, and how long it took."""

    index: Path
    pages: int
    seconds: float


def build_site(url: str | None, out: Path | str, negotiations: list[str] | None = None) -> SiteResult:
    """Write the whole report site of the given negotiations (default: all) into the folder `out`.

    Each negotiation gets a folder of its own (two keys that make the same folder name are told apart);
    pages an earlier build wrote there and this one does not are removed.
    """
    from amendtrack.render import site
    from amendtrack.render.output import SiteFolder

    started = time.perf_counter()
    with reading(url) as session:
        keys = negotiations or [n["key"] for n in stored_drafts.list_negotiations(session)]
    folder = SiteFolder(Path(out))
    written = 0
    sections = []
    search: list[dict] = []
    for key, part in site.unique_names(keys).items():
        pages, entries, count = site.write_negotiation(snapshot(url, key), folder, part, _across(url, key))
        sections.append(pages)
        search.extend(entries)
        written += count
    index = site.write_index(folder, sections, search)
    folder.finish()
    return SiteResult(index, written + 1, time.perf_counter() - started)


def _across(url: str | None, negotiation: str) -> Any:
    """A negotiation's agreed language (each draft) and the echoes of its latest draft, for its site pages."""
    from amendtrack.render.site import Across
    from amendtrack.store.provenance import adopted_ids

    with reading(url) as session:
        drafts = [d.key for d in stored_drafts.drafts_of(session, negotiation)]
        adopted = bool(adopted_ids(session))
    if not drafts:
        return Across()
    agreed = {key: provenance(url, negotiation, key) for key in drafts} if adopted else {}
    return Across(agreed, echoes(url, negotiation))


@dataclass
class DemoResult:
    """What `amendtrack demo` made: the database, what it holds, and the site."""

    database: Path
    negotiations: list[dict]  # {key, title, documents: [{order, key, label, date, kind, size}], proposals, delegations}
    site: SiteResult
    seconds: float


def demo(out: Path | str = ".", site_folder: Path | str | None = None) -> DemoResult:
    """Import the packaged sample negotiations into a fresh SQLite file and build the whole site from them.

    The database is OUT/amendtrack-demo.db, deleted and recreated every time; the site goes to
    OUT/amendtrack-site unless another folder is given.
    """
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    database = out / DEMO_DB_NAME
    for stale in (database, database.with_name(DEMO_DB_NAME + "-wal"), database.with_name(DEMO_DB_NAME + "-shm")):
        stale.unlink(missing_ok=True)
    url = f"sqlite:///{database.resolve()}"
    from amendtrack.store.importer import import_path

    for folder in sample_negotiations():
        import_path(folder, url)
    summary = _summary(url)
    site = build_site(url, Path(site_folder) if site_folder else out / SITE_FOLDER)
    return DemoResult(database, summary, site, time.perf_counter() - started)


def _summary(url: str) -> list[dict]:
    """Each negotiation: its documents (with paragraphs, or proposals for inputs), proposals and delegations."""
    from amendtrack.store.proposals import delegation_counts, proposal_counts

    with reading(url) as session:
        negotiations = stored_drafts.list_negotiations(session)
        documents = stored_drafts.list_documents(session)
        counts = proposal_counts(session)
        delegations = {n["key"]: len(delegation_counts(session, n["key"])) for n in negotiations}
    summary = []
    for negotiation in negotiations:
        key = negotiation["key"]
        docs = [
            {
                "order": d["order"],
                "key": d["key"],
                "label": d["label"],
                "date": d["date"],
                "kind": d["kind"],
                "size": counts.get((key, d["key"]), 0) if d["kind"] == "inputs" else d["paragraphs"],
            }
            for d in documents
            if d["negotiation"] == key
        ]
        total = sum(n for (neg, _doc), n in counts.items() if neg == key)
        summary.append(
            {
                "key": key,
                "title": negotiation["title"],
                "documents": docs,
                "proposals": total,
                "delegations": delegations[key],
            }
        )
    return summary
