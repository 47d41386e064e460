"""A static report site: every redline, compilation, delegation report and paragraph history, offline.

The site opens from the file system (no server, no network): plain HTML with inline CSS, a
client-side search over a script-loaded index, and a dashboard of inline SVG charts. Each
negotiation is loaded once (a tracking.Snapshot) and every page is rendered from it.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from amendtrack.compare.comparison import compare
from amendtrack.render import html as render
from amendtrack.report.tracking import STATUS_ORDER, Snapshot, history_from, load_snapshot, report_from, table_from
from amendtrack.resources import DEMO_DB_NAME, SITE_FOLDER
from amendtrack.store.tables import engine_for, list_negotiations, require_schema


@dataclass
class Page:
    """A page of the site: its path under the output folder and its title."""

    path: str
    title: str


@dataclass
class NegotiationPages:
    """The pages of one negotiation, grouped for its index page."""

    key: str
    title: str
    drafts: list[tuple[str, str, str | None, int]]  # key, label, date, paragraphs
    redlines: list[Page] = field(default_factory=list)
    compilations: list[Page] = field(default_factory=list)
    delegations: list[Page] = field(default_factory=list)
    paragraphs: list[Page] = field(default_factory=list)
    dashboard: Page | None = None


@dataclass
class SiteResult:
    index: Path
    pages: int
    seconds: float


def slug(text: str) -> str:
    """A file name part: 'African Group' → 'african-group', 'first-draft:pp_2bis' → 'first-draft-pp-2bis'."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def build_site(url: str | None, out: Path | str, negotiations: list[str] | None = None) -> SiteResult:
    """Render the whole site for the given negotiations (default: all) into `out`; return index.html's path."""
    started = time.perf_counter()
    out = Path(out)
    engine = engine_for(url)
    try:
        require_schema(engine)
        from sqlalchemy.orm import Session

        with Session(engine) as session:
            known = list_negotiations(session)
    finally:
        engine.dispose()
    keys = negotiations or [n["key"] for n in known]
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    sections: list[NegotiationPages] = []
    search: list[dict] = []
    for key in keys:
        snap = load_snapshot(url, key)
        pages, entries, count = _negotiation(snap, out)
        sections.append(pages)
        search.extend(entries)
        written += count
    (out / "search-index.js").write_text(render.search_index_js(search), encoding="utf-8")
    index = out / "index.html"
    index.write_text(render.site_index_html(sections), encoding="utf-8")
    return SiteResult(index, written + 1, time.perf_counter() - started)


def _write(out: Path, path: str, html: str) -> None:
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def _negotiation(snap: Snapshot, out: Path) -> tuple[NegotiationPages, list[dict], int]:
    """Every page of one negotiation; its search entries; how many pages were written."""
    folder = slug(snap.negotiation)
    drafts = [(key, label, date, sum(1 for _ in snap.tree(key).walk())) for key, label, date in snap.drafts]
    pages = NegotiationPages(snap.negotiation, snap.title, drafts)
    nav = [("All negotiations", "../index.html"), (snap.title, "index.html")]
    entries: list[dict] = []
    count = 0

    for key, label, date in snap.drafts:
        pair = snap.pairs[key]
        if pair.next is None:
            continue
        comparison = compare(pair.base, pair.next, label, pair.next_label or "", pair.alignment)
        next_date = next(d for k, _, d in snap.drafts if k == pair.next_key)
        path = f"{folder}/redline-{slug(key)}-to-{slug(pair.next_key or '')}.html"
        html = render.redline_html(
            comparison,
            snap.title,
            {"label": label, "date": date},
            {"label": pair.next_label, "date": next_date},
            nav=nav,
        )
        _write(out, path, html)
        pages.redlines.append(Page(path, f"{label} → {pair.next_label}"))
        count += 1

    with_proposals = sorted({key for _, _, key in snap.proposals}, key=[k for k, _, _ in snap.drafts].index)
    for key in with_proposals:
        table = table_from(snap, key, with_disposition=snap.pairs[key].next is not None)
        path = f"{folder}/compilation-{slug(key)}.html"
        _write(out, path, render.compilation_html(table, nav=nav))
        pages.compilations.append(Page(path, f"Compilation of inputs on the {table.draft_label}"))
        count += 1

    delegations = sorted({name for _, p, _ in snap.proposals for name in p.delegations}, key=str.casefold)
    for name in delegations:
        path = f"{folder}/delegation-{slug(name)}.html"
        _write(out, path, render.delegation_report_html(report_from(snap, name), nav=nav))
        pages.delegations.append(Page(path, name))
        count += 1

    seen: dict[str, str] = {}
    for key, _, _ in snap.drafts:
        for node, _ in snap.tree(key).walk():
            if node.pid and node.pid not in seen and node.kind != "heading":
                seen[node.pid] = node.label
    for pid, label in seen.items():
        path = f"{folder}/paragraph-{slug(pid)}.html"
        history = history_from(snap, pid, label)
        _write(out, path, render.paragraph_history_html(history, nav=nav))
        pages.paragraphs.append(Page(path, label))
        count += 1
        for version in history.versions:
            if version.label and version.text:
                entries.append(
                    {
                        "kind": "paragraph",
                        "negotiation": snap.negotiation,
                        "title": f"{version.label} — {version.draft_label}",
                        "text": version.text,
                        "url": path,
                    }
                )

    for pid, proposal, _ in snap.proposals:
        text = proposal.text or proposal.resulting_text or (proposal.sponsors[0].verbatim if proposal.sponsors else "")
        first = proposal.delegations[0] if proposal.delegations else ""
        entries.append(
            {
                "kind": "proposal",
                "negotiation": snap.negotiation,
                "title": f"{', '.join(proposal.delegations)} on {proposal.paragraph or '?'} ({proposal.operation})",
                "text": " ".join(text.split()),
                "url": f"{folder}/delegation-{slug(first)}.html#proposal-{pid}",
            }
        )

    path = f"{folder}/dashboard.html"
    _write(out, path, render.dashboard_html(_charts(snap), snap.title, nav=nav))
    pages.dashboard = Page(path, "Dashboard")
    count += 1
    _write(
        out, f"{folder}/index.html", render.negotiation_index_html(pages, nav=[("All negotiations", "../index.html")])
    )
    return pages, entries, count + 1


@dataclass
class Charts:
    """What the dashboard draws: each series as (label, value) pairs, or stacked (label, {status: n})."""

    proposals_per_paragraph: list[tuple[str, int]]
    dispositions_per_delegation: list[tuple[str, dict[str, int]]]
    brackets_per_draft: list[tuple[str, int]]


def _charts(snap: Snapshot) -> Charts:
    per_paragraph = Counter(p.paragraph or "?" for _, p, _ in snap.proposals)
    order = [n.label for key, _, _ in snap.drafts[:1] for n, _ in snap.tree(key).walk()]
    ranked = sorted(per_paragraph.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    by_delegation: dict[str, Counter[str]] = {}
    for pid, proposal, _ in snap.proposals:
        status = snap.overrides.get(pid, (None,))[0] or snap.verdicts[pid].status
        for name in proposal.delegations:
            by_delegation.setdefault(name, Counter())[status] += 1
    stacked = sorted(by_delegation.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    brackets = [(label, sum(1 for n, _ in snap.tree(key).walk() for b in n.brackets)) for key, label, _ in snap.drafts]
    return Charts(
        ranked,
        [(name, {s: counts.get(s, 0) for s in STATUS_ORDER}) for name, counts in stacked],
        brackets,
    )


@dataclass
class DemoResult:
    """What `amendtrack demo` made: the database, what it holds, and the site."""

    database: Path
    negotiations: list[dict]  # {key, title, documents: [{order, key, label, date, kind, size}], proposals, delegations}
    site: SiteResult
    seconds: float


def run_demo(out: Path | str = ".", site_folder: Path | str | None = None) -> DemoResult:
    """Import the packaged sample negotiations into a fresh SQLite file and build the whole site from them.

    The database is OUT/amendtrack-demo.db, deleted and recreated every time; the site goes to
    OUT/amendtrack-site unless another folder is given.
    """
    from sqlalchemy.orm import Session

    from amendtrack.resources import sample_negotiations
    from amendtrack.store.importer import import_path
    from amendtrack.store.tables import delegation_counts, list_documents, proposal_counts

    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    database = out / DEMO_DB_NAME
    for stale in (database, database.with_name(DEMO_DB_NAME + "-wal"), database.with_name(DEMO_DB_NAME + "-shm")):
        stale.unlink(missing_ok=True)
    url = f"sqlite:///{database.resolve()}"
    for folder in sample_negotiations():
        import_path(folder, url)
    engine = engine_for(url)
    try:
        with Session(engine) as session:
            negotiations = list_negotiations(session)
            documents = list_documents(session)
            proposals = proposal_counts(session)
            delegations = {n["key"]: len(delegation_counts(session, n["key"])) for n in negotiations}
    finally:
        engine.dispose()
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
                "size": proposals.get((key, d["key"]), 0) if d["kind"] == "inputs" else d["paragraphs"],
            }
            for d in documents
            if d["negotiation"] == key
        ]
        total = sum(n for (neg, _doc), n in proposals.items() if neg == key)
        summary.append(
            {
                "key": key,
                "title": negotiation["title"],
                "documents": docs,
                "proposals": total,
                "delegations": delegations[key],
            }
        )
    site = build_site(url, Path(site_folder) if site_folder else out / SITE_FOLDER)
    return DemoResult(database, summary, site, time.perf_counter() - started)
