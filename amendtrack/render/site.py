"""The static report site: every redline, compilation, delegation report and paragraph history, offline.

The site opens from the file system (no server, no network): plain HTML with inline CSS, a
client-side search over a script-loaded index, and a dashboard of inline SVG charts. Each
negotiation comes as a report.Snapshot, loaded once; every page of it is rendered from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from amendtrack.compare.comparison import compare
from amendtrack.model.names import file_part
from amendtrack.model.tree import is_heading
from amendtrack.render import across
from amendtrack.render import html as render
from amendtrack.render.links import SiteLinks
from amendtrack.render.output import SiteFolder
from amendtrack.report.compilation import compilation_table
from amendtrack.report.dashboard import charts
from amendtrack.report.delegation import delegation_report
from amendtrack.report.echoes import EchoReport
from amendtrack.report.history import paragraph_history
from amendtrack.report.provenance import ProvenanceReport
from amendtrack.report.snapshot import Snapshot
from amendtrack.resources import templates_dir


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
    folder: str  # the negotiation's folder in the site, unique among the site's negotiations
    drafts: list[tuple[str, str, str | None, int]]  # key, label, date, paragraphs
    redlines: list[Page] = field(default_factory=list)
    compilations: list[Page] = field(default_factory=list)
    delegations: list[Page] = field(default_factory=list)
    paragraphs: list[Page] = field(default_factory=list)
    dashboard: Page | None = None
    agreed: list[Page] = field(default_factory=list)  # each draft's agreed language
    echoes: Page | None = None


@dataclass
class Across:
    """What the site shows across documents: each draft's agreed language, the latest draft's echoes."""

    agreed: dict[str, ProvenanceReport] = field(default_factory=dict)  # draft key → its report
    echoes: EchoReport | None = None


def unique_names(names: Iterable[str]) -> dict[str, str]:
    """Each name's part of a file name (see model.names.file_part), made unique in order: 'neg-a', 'neg-a-2'.

    Different keys can make the same part ('Neg.A', 'neg-a'); the later one gets a number, so no page
    of one is written over a page of the other and every link goes where it says.
    """
    found: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        part = base = file_part(name)
        number = 1
        while part in taken:
            number += 1
            part = f"{base}-{number}"
        found[name] = part
        taken.add(part)
    return found


@dataclass
class _Pages:
    """The pages of one negotiation as they are written, with the search entries they add."""

    snap: Snapshot
    site: SiteFolder
    pages: NegotiationPages
    nav: list[tuple[str, str]]
    delegations: dict[str, str]  # delegation → its page's name part
    drafts: dict[str, str]  # draft key → its pages' name part
    links: SiteLinks
    histories: dict[str, str]  # persistent id → the label its history is asked for by (see _histories)
    entries: list[dict] = field(default_factory=list)
    agreed: dict[str, render.Agreed] = field(default_factory=dict)  # draft key → its agreed language, linked
    count: int = 0

    @property
    def folder(self) -> str:
        return self.pages.folder

    def write(self, name: str, html: str) -> str:
        """Write one page of the negotiation's folder; its path under the site."""
        path = f"{self.folder}/{name}"
        self.site.write(path, html)
        self.count += 1
        return path


def write_negotiation(
    snap: Snapshot, site: SiteFolder, folder: str, found: Across | None = None
) -> tuple[NegotiationPages, list[dict], int]:
    """Every page of one negotiation, in `folder` of the site; its search entries; how many pages were written.

    `found`: its agreed language and echoes (store-backed, computed by the caller), given pages of their
    own, the agreed language marked in the redlines and histories."""
    drafts = [(key, label, date, sum(1 for _ in snap.tree(key).walk())) for key, label, date in snap.drafts]
    names = sorted({name for _, p, _ in snap.proposals for name in p.delegations}, key=str.casefold)
    delegations = unique_names(names)
    histories = _histories(snap)
    site = _Pages(
        snap,
        site,
        NegotiationPages(snap.negotiation, snap.title, folder, drafts),
        [("All negotiations", "../index.html"), (snap.title, "index.html")],
        delegations,
        unique_names(key for key, _, _ in snap.drafts),
        SiteLinks(snap, _history_pages(histories), {name: f"delegation-{p}.html" for name, p in delegations.items()}),
        histories,
    )
    with_proposals = {key for _, _, key in snap.proposals}
    site.links.compilations.update(
        {key: f"compilation-{site.drafts[key]}.html" for key, _, _ in snap.drafts if key in with_proposals}
    )
    _across(site, found or Across())
    _redlines(site)
    _compilations(site)
    _delegations(site)
    _paragraphs(site)
    _proposal_entries(site)
    path = site.write("dashboard.html", render.dashboard_html(charts(snap), snap.title, nav=site.nav, links=site.links))
    site.pages.dashboard = Page(path, "Dashboard")
    site.write("index.html", negotiation_index_html(site.pages, nav=[("All negotiations", "../index.html")]))
    return site.pages, site.entries, site.count


def _redlines(site: _Pages) -> None:
    """The redline of each draft against the draft after it."""
    snap = site.snap
    for key, label, date in snap.drafts:
        pair = snap.pairs[key]
        if pair.next is None:
            continue
        comparison = compare(pair.base, pair.next, label, pair.next_label or "", pair.alignment)
        next_date = next(d for k, _, d in snap.drafts if k == pair.next_key)
        name = f"redline-{site.drafts[key]}-to-{site.drafts[pair.next_key or key]}.html"
        site.links.add_redline(name, key, pair.next_key or "", comparison)
        html = render.redline_html(
            comparison,
            snap.title,
            {"label": label, "date": date},
            {"label": pair.next_label, "date": next_date},
            nav=site.nav,
            agreed=site.agreed.get(pair.next_key or ""),
            see=lambda row, key=key: site.links.for_row(key, row.link.sources, row.link.targets),
            misread=snap.misread(),
        )
        path = site.write(name, html)
        site.pages.redlines.append(Page(path, f"{label} → {pair.next_label}"))


def _across(site: _Pages, found: Across) -> None:
    """A page of agreed language per draft that has any, and the echoes of the latest draft."""
    for key, label, _ in site.snap.drafts:
        report = found.agreed.get(key)
        if report is None or not report.found:
            continue
        name = f"agreed-{site.drafts[key]}.html"
        path = site.write(name, across.provenance_html(report, nav=site.nav))
        site.pages.agreed.append(Page(path, f"Agreed language in the {label}"))
        site.agreed[key] = across.agreed_spans(report, name)
    if found.echoes is not None:
        path = site.write("echoes.html", across.echoes_html(found.echoes, nav=site.nav))
        site.pages.echoes = Page(path, f"Echoes in the {found.echoes.draft_label}")


def _compilations(site: _Pages) -> None:
    """The compilation of inputs on each draft that has proposals, judged where a next draft exists."""
    snap = site.snap
    with_proposals = sorted({key for _, _, key in snap.proposals}, key=[k for k, _, _ in snap.drafts].index)
    for key in with_proposals:
        table = compilation_table(snap, key, with_disposition=snap.pairs[key].next is not None)
        html = render.compilation_html(table, nav=site.nav, agreed=site.agreed.get(key), links=site.links)
        path = site.write(f"compilation-{site.drafts[key]}.html", html)
        site.pages.compilations.append(Page(path, f"Compilation of inputs on the {table.draft_label}"))


def _delegations(site: _Pages) -> None:
    """A report per delegation that made or co-sponsored a proposal, in alphabetical order."""
    names = sorted({name for _, p, _ in site.snap.proposals for name in p.delegations}, key=str.casefold)
    for name in names:
        html = render.delegation_report_html(delegation_report(site.snap, name), nav=site.nav, links=site.links)
        path = site.write(f"delegation-{site.delegations[name]}.html", html)
        site.pages.delegations.append(Page(path, name))


def _histories(snap: Snapshot) -> dict[str, str]:
    """Each paragraph to have a history (by persistent id, headings left out), with the label it is first seen by."""
    seen: dict[str, str] = {}
    for key, _, _ in snap.drafts:
        for node, _ in snap.tree(key).walk():
            if node.pid and node.pid not in seen and not is_heading(node):
                seen[node.pid] = node.label
    return seen


def _history_pages(histories: dict[str, str]) -> dict[str, str]:
    """Each paragraph's history page, by persistent id (see _histories)."""
    return {pid: f"paragraph-{part}.html" for pid, part in unique_names(histories).items()}


def _paragraphs(site: _Pages) -> None:
    """A history per paragraph (by persistent id, headings left out), each version a search entry."""
    for pid, label in site.histories.items():
        history = paragraph_history(site.snap, pid, label)
        html = render.paragraph_history_html(history, nav=site.nav, agreed=site.agreed, links=site.links)
        path = site.write(site.links.histories[pid], html)
        site.pages.paragraphs.append(Page(path, label))
        for version in history.versions:
            if version.label and version.text:
                site.entries.append(
                    {
                        "kind": "paragraph",
                        "negotiation": site.snap.negotiation,
                        "title": f"{version.label} — {version.draft_label}",
                        "text": version.text,
                        "url": path,
                    }
                )


def _proposal_entries(site: _Pages) -> None:
    """A search entry per proposal, pointing at it in its first sponsor's report."""
    for pid, proposal, _ in site.snap.proposals:
        text = proposal.text or proposal.resulting_text or (proposal.sponsors[0].verbatim if proposal.sponsors else "")
        first = proposal.delegations[0] if proposal.delegations else ""
        site.entries.append(
            {
                "kind": "proposal",
                "negotiation": site.snap.negotiation,
                "title": f"{', '.join(proposal.delegations)} on {proposal.paragraph or '?'} ({proposal.operation})",
                "text": " ".join(text.split()),
                "url": f"{site.folder}/delegation-{site.delegations.get(first, file_part(first))}.html#proposal-{pid}",
            }
        )


def negotiation_index_html(pages: NegotiationPages, nav: render.Nav | None = None) -> str:
    """The page of one negotiation: its drafts and links to every page made for it."""

    def local(page: Page) -> tuple[str, str]:
        """(href relative to the negotiation's folder, title)."""
        return (page.path.split("/", 1)[1] if "/" in page.path else page.path, page.title)

    template = render.environment().get_template("negotiation.html")
    return template.render(
        nav=nav or [],
        title=pages.title,
        negotiation=pages.title,
        drafts=[(label, render.date_parts(date)[0] if date else "", n) for _, label, date, n in pages.drafts],
        redlines=[local(p) for p in pages.redlines],
        compilations=[local(p) for p in pages.compilations],
        delegations=[local(p) for p in pages.delegations],
        paragraphs=[local(p) for p in pages.paragraphs],
        dashboard=local(pages.dashboard) if pages.dashboard else None,
        across=[local(p) for p in pages.agreed] + ([local(pages.echoes)] if pages.echoes else []),
    )


def site_index_html(negotiations: list[NegotiationPages]) -> str:
    """The site's front page: every negotiation, and the search box."""
    template = render.environment().get_template("site_index.html")
    items = [(n.title, f"{n.folder}/index.html", n) for n in negotiations]
    kinds = [("paragraph", "paragraphs"), ("proposal", "proposals")]
    return template.render(title="amendtrack reports", negotiations=items, kinds=kinds)


def write_index(site: SiteFolder, negotiations: list[NegotiationPages], search: list[dict]) -> Path:
    """The site's index page and its search index, beside the negotiations' folders; the index's path."""
    site.write("search-index.js", render.search_index_js(search))
    for name in ("minisearch.js", "minisearch-LICENSE.txt"):  # the search library, vendored (templates/vendor)
        site.write(name, (templates_dir() / "vendor" / name).read_text(encoding="utf-8"))
    return site.write("index.html", site_index_html(negotiations))
