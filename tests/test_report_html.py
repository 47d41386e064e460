"""The HTML delegation report and paragraph history: totals, cards, overrides, escaping, and the GPA in Chromium."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack import api
from amendtrack.cli import cli
from amendtrack.compare.disposition import Disposition, Evidence
from amendtrack.compare.redline import BOUNDARY, DELETE, EQUAL, INSERT, Change
from amendtrack.model.proposal import Edit, Proposal, Source, Sponsor
from amendtrack.render.html import asked, delegation_report_html, environment, paragraph_history_html, source_words
from amendtrack.report.delegation import DelegationReport, delegation_report
from amendtrack.report.history import ParagraphHistory, ParagraphVersion, paragraph_history
from amendtrack.report.snapshot import STATUS_ORDER, Outcome
from amendtrack.resources import sample_data_dir, templates_dir
from amendtrack.store.importer import import_path

GPA = sample_data_dir() / "drafts" / "gpa-2010"
TITLE = "United Nations Global Plan of Action against Trafficking in Persons"
INPUTS = "02-table-of-inputs-on-first-draft.txt"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


# --- hand-made data ---------------------------------------------------------------------------


def sponsor(name: str, verbatim: str = "Add “labor inspectors,”", lines: tuple[int, int] = (50, 54), **kw) -> Sponsor:
    return Sponsor(name, verbatim=verbatim, source=Source(f"/somewhere/{INPUTS}", *lines), **kw)


def outcome(
    id: int,
    status: str,
    proposal: Proposal | None = None,
    *,
    base: str = "PP6",
    base_text: str = "Reaffirming resolution 2004/110 on victims,",
    proposed: list[Change] | None = None,
    next_label: str | None = "PP9",
    next_text: str | None = "Reaffirming resolution 2004/110 on trafficked persons,",
    against_next: list[Change] | None = None,
    explanation: str = "paragraph PP6 is still there, in paragraph PP9 of the draft of 19 July 2010",
    evidence: Evidence | None = None,
    override: str | None = None,
    note: str | None = None,
) -> Outcome:
    proposal = proposal or Proposal("delete", base, [sponsor("Thailand", "delete", (124, 124))], resulting_text="")
    return Outcome(
        id,
        proposal,
        base,
        base_text,
        proposed if proposed is not None else [Change(DELETE, base_text)],
        next_label,
        next_text,
        against_next if against_next is not None else [Change(INSERT, next_text or "")],
        Disposition(status, explanation, evidence or Evidence(successors=["PP9"], relation="modified")),
        override,
        note,
    )


def insertion() -> Outcome:
    """Japan and Norway's insertion of 'labor inspectors' in paragraph 26, accepted."""
    proposal = Proposal(
        "insert",
        "26",
        [sponsor("Japan"), sponsor("Norway", attribution="inferred", verbatim="same as Japan", lines=(61, 61))],
        edits=[Edit("insert", new="labor inspectors,", anchor="law enforcement officers,", position="after")],
        rationale="Inspectors meet victims first.",
        references=["A/RES/64/178 pp4"],
        confidence=0.9,
    )
    return outcome(
        7,
        "accepted",
        proposal,
        base="26",
        base_text="Training law enforcement officers, judges and prosecutors;",
        proposed=[
            Change(EQUAL, "Training law enforcement officers, "),
            Change(INSERT, "labor inspectors, "),
            Change(EQUAL, "judges and prosecutors;"),
        ],
        next_label="26",
        next_text="Train law enforcement officers, labor inspectors, judges and prosecutors;",
        against_next=[
            Change(DELETE, "Training"),
            Change(INSERT, "Train"),
            Change(EQUAL, " law enforcement officers, labor inspectors, judges and prosecutors;"),
        ],
        explanation="your insertion ‘labor inspectors’ appears in paragraph 26 of the draft of 19 July 2010",
        evidence=Evidence(
            looked_for="labor inspectors,",
            found=["‘labor inspectors’"],
            missing=[],
            found_in="26",
            successors=["26"],
            relation="modified",
            score=1.0,
        ),
    )


def make_report(outcomes: list[Outcome], delegation: str = "Japan", next_draft: str | None = "Draft of 19 July 2010"):
    paragraphs: dict[str, list[Outcome]] = {}
    totals = {status: 0 for status in STATUS_ORDER}
    for o in outcomes:
        paragraphs.setdefault(o.base_label or "(paragraph not found)", []).append(o)
        totals[o.status] += 1
    return DelegationReport(
        "gpa-2010", TITLE, delegation, "member_state", "First draft", next_draft, totals, list(paragraphs.items())
    )


def sample_report() -> DelegationReport:
    thai = outcome(16, "not_reflected", override="superseded", note="Overtaken by the new PP9; agreed on 3 June.")
    move = outcome(
        81,
        "not_reflected",
        Proposal("move", "10", [sponsor("Japan", "Switch 10 and 11")], new_label="after 11", related=["11"]),
        base="10",
        proposed=[],
        against_next=[],
        next_label="10",
        next_text="Unchanged text.",
    )
    comment = outcome(
        9,
        "n/a",
        Proposal("comment", "PP4", [sponsor("Japan", "Keep the agreed language.")]),
        base="PP4",
        proposed=[],
        next_label=None,
        next_text=None,
        against_next=[],
        explanation="a comment: no change of text to look for",
        evidence=Evidence(),
    )
    return make_report([insertion(), thai, move, comment, outcome(30, "partial"), outcome(31, "superseded")])


def shown_totals(html: str) -> dict[str, int]:
    return {status: int(n) for status, n in re.findall(r'data-status="([^"]+)">(\d+)<', html)}


def card(html: str, id: int) -> str:
    match = re.search(rf'<article class="card[^"]*" id="proposal-{id}".*?</article>', html, re.S)
    assert match, f"no card for proposal {id}"
    return match.group(0)


def pane(card_html: str, k: int) -> str:
    panes = re.findall(r'<div class="pane [a-z]+">(.*?)</div>', card_html, re.S)
    return panes[k]


# --- the delegation report --------------------------------------------------------------------


def test_totals_are_the_reports_and_every_card_counts_once() -> None:
    report = sample_report()
    html = delegation_report_html(report)
    assert shown_totals(html) == {status: report.totals[status] for status in STATUS_ORDER}
    assert shown_totals(html)["superseded"] == 2 and shown_totals(html)["pending"] == 0  # the override counts
    cards = re.findall(r'<article class="card[^"]*" id="proposal-\d+" data-disposition="([^"]+)"', html)
    assert {status: cards.count(status) for status in STATUS_ORDER} == report.totals
    assert "Proposals on the first draft, judged against the draft of 19 July 2010" in html
    assert '<h1>Japan<span class="kind">Member State</span></h1>' in html


def test_one_section_per_paragraph_with_anchors_in_the_contents() -> None:
    html = delegation_report_html(sample_report())
    ids = re.findall(r'<section class="paragraph" id="([^"]+)"', html)
    assert ids == ["para-26", "para-PP6", "para-10", "para-PP4"]
    for anchor in ids:
        assert f'href="#{anchor}"' in html
    section = html[html.index('id="para-PP6"') : html.index('id="para-10"')]
    assert section.count('<article class="card') == 3  # the overridden deletion, 30 and 31 are all on PP6
    assert "Reaffirming resolution 2004/110 on victims," in section  # the base text, once per paragraph


def test_card_redlines_the_proposal_against_the_base_and_the_next_draft_against_the_proposal() -> None:
    html = card(delegation_report_html(sample_report()), 7)
    proposed, nxt = pane(html, 0), pane(html, 1)
    assert "Proposed: changes to paragraph 26 of the first draft" in proposed
    assert "<ins>labor inspectors, </ins>" in proposed and "<del>" not in proposed
    assert "Paragraph 26 of the draft of 19 July 2010, compared with the proposal" in nxt
    assert "<del>Training</del><ins>Train</ins>" in nxt
    assert "your insertion ‘labor inspectors’ appears in paragraph 26" in html
    assert '<span class="badge op">insertion</span>' in html and "✓ accepted" in html
    assert "Insert “labor inspectors,” after “law enforcement officers,”" in unescape(html)
    assert re.search(r"<dt>found in</dt><dd>paragraph 26 of the draft of 19 July 2010</dd>", html)
    assert "<dt>went in</dt><dd>‘labor inspectors’</dd>" in unescape(html)


def test_co_sponsors_attribution_sources_rationale_and_references() -> None:
    html = card(delegation_report_html(sample_report()), 7)
    assert '<span class="current">Japan</span>' in html and ">Norway</span>" in html
    assert html.count("(attributed by position)") == 1  # Norway only
    assert "Attributed by position:" in html
    assert f"Input of Japan as written, lines 50–54 of {INPUTS}" in html  # the file's name, not its path
    assert f"Input of Norway as written, line 61 of {INPUTS}" in html and "/somewhere/" not in html
    assert "same as Japan" in html and "read with confidence 0.90" in html
    assert "Rationale:</span> Inspectors meet victims first." in html
    assert "References:</span> A/RES/64/178 pp4" in html


def test_override_wins_and_the_computed_value_stays_visible() -> None:
    html = card(delegation_report_html(sample_report()), 16)
    assert 'data-disposition="superseded"' in html and "st-superseded" in html.split(">")[0]
    assert '<span class="badge facilitator">facilitator</span>' in html
    assert "Overtaken by the new PP9; agreed on 3 June." in html
    computed = re.search(r'<p class="computed">(.*?)</p>', html, re.S)
    assert computed, "the computed value is not shown"
    assert "struck" in computed.group(1) and "not reflected" in computed.group(1)
    assert "paragraph PP6 is still there" in computed.group(1)
    assert "Proposed: delete paragraph PP6 of the first draft" in html and "<del>" in pane(html, 0)


def test_proposals_without_a_redline_say_what_they_ask_in_words() -> None:
    html = delegation_report_html(sample_report())
    move = card(html, 81)
    assert "Move paragraph 10 to after 11" in move and "Related paragraphs: 11" in move
    assert "(no new wording proposed)" in pane(move, 0) and "Unchanged text." in pane(move, 1)
    assert "compared with" not in pane(move, 1)
    comment = card(html, 9)
    assert "Comment, as written" in comment and "Keep the agreed language." in pane(comment, 0)
    assert comment.count('<div class="pane ') == 1  # a comment is not compared with the next draft
    new = Proposal("new_paragraph", "PP2", [sponsor("Japan")], text="Recognizing the work of IOM,", new_label="PP2bis")
    assert asked(new) == ["Add a new paragraph PP2bis near PP2"]
    merge = Proposal("merge", "43", [sponsor("Japan")], related=["44", "45"])
    assert asked(merge) == ["Merge paragraph 43 with 44 and 45"]
    page = delegation_report_html(make_report([outcome(3, "partial", new, base="PP2", proposed=[Change(EQUAL, "x")])]))
    assert "Proposed: new paragraph PP2bis (next to paragraph PP2 of the first draft)" in page
    assert "<ins>Recognizing the work of IOM,</ins>" in page  # a new paragraph, not a rewrite of PP2


def test_pending_and_empty_reports() -> None:
    pending = outcome(5, "pending", next_label=None, next_text=None, against_next=[], explanation="no next draft yet")
    html = delegation_report_html(make_report([pending], next_draft=None))
    assert "Proposals on the first draft · pending: no next draft yet" in html
    assert "Pending: there is no next draft yet." in html and shown_totals(html)["pending"] == 1
    empty = delegation_report_html(make_report([], delegation="Holy See"))
    assert "No proposals of Holy See on this draft." in empty
    assert set(shown_totals(empty).values()) == {0}


def test_delegation_supplied_text_is_escaped() -> None:
    evil = "<script>alert(1)</script>"
    proposal = Proposal(
        "replace",
        "PP6",
        [sponsor(evil, verbatim="<b>bold</b> & <i>", lines=(1, 2))],
        edits=[Edit("replace", old="<u>", new="<img src=x onerror=alert(2)>")],
        rationale="</p><p>",
    )
    o = outcome(1, "partial", proposal, base_text="a <em>b</em>", note="<iframe>", override="accepted")
    o.against_next = [Change(INSERT, "<svg onload=alert(3)>")]
    report = make_report([o], delegation=evil)
    report.negotiation_title = "<h2>title</h2>"
    html = delegation_report_html(report)
    own = re.findall(r"<script>.*?</script>", html, re.S)
    assert len(own) <= 1 and all("alert(" not in script for script in own)  # the page's own script, no payload
    html = "".join(re.split(r"<script>.*?</script>", html, flags=re.S))
    for raw in ("<script", "<b>", "<i>", "<img", "<u>", "<em>", "<iframe", "<svg", "<h2>title", "</p><p>"):
        assert raw not in html, raw
    for escaped in (
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;",
        "&lt;iframe&gt;",
    ):
        assert escaped in html
    assert "<ins>&lt;svg onload=alert(3)&gt;</ins>" in html


def test_templates_never_mark_text_safe() -> None:
    for name in ("report.html", "history.html", "_outcome.html", "_style.html"):
        source = (templates_dir() / name).read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|Markup|autoescape\s+false", source), name
        assert environment().autoescape(name) is True


def test_source_words() -> None:
    assert source_words(Source("a/b/inputs.csv", 7, 7)) == "line 7 of inputs.csv"
    assert source_words(Source("inputs.txt", 50, 54)) == "lines 50–54 of inputs.txt"
    assert source_words(None) == ""


# --- the paragraph history -------------------------------------------------------------------


def sample_history() -> ParagraphHistory:
    first = ParagraphVersion(
        "first-draft", "First draft", "2010-04-16", "43", "Prosecuting crimes of trafficking;", None,
        "first appears here", [], [], [insertion()],
    )  # fmt: skip
    july = ParagraphVersion(
        "draft-2010-07-19", "Draft of 19 July 2010", "2010-07-19", "42", "Prosecute crimes;\nand <others>",
        "merged", "merged from 43–47 into 42",
        [Change(DELETE, "Prosecuting"), Change(INSERT, "Prosecute"), Change(EQUAL, f" crimes;{BOUNDARY}and <others>")],
        ["[Merged with paragraph 42]"],
    )  # fmt: skip
    gone = ParagraphVersion("draft-2010-09-01", "Final draft", None, None, "", "deleted", "not in this draft", [])
    return ParagraphHistory("gpa-2010", TITLE, "first-draft:annex__para_43", "43", [first, july, gone])


def test_history_shows_each_version_in_draft_order() -> None:
    html = paragraph_history_html(sample_history())
    assert re.findall(r'<section class="version[^"]*" id="([^"]+)"', html) == [
        "draft-first-draft",
        "draft-draft-2010-07-19",
        "draft-draft-2010-09-01",
    ]
    assert "Paragraph 43 through the drafts" in html and "<code>first-draft:annex__para_43</code>" in html
    assert '<time datetime="2010-04-16">16 April 2010</time>' in html
    first, july, gone = re.findall(r'<section class="version.*?</section>', html, re.S)
    assert "Prosecuting crimes of trafficking;" in first and "<del>" not in first.split("proposals-on")[0]
    assert "<del>Prosecuting</del><ins>Prosecute</ins>" in july and "&lt;others&gt;" in july
    assert '<span class="sep" role="separator"></span>' in july  # the merged texts stay apart
    assert '<span class="badge rel-merged">merged</span>' in july and "merged from 43–47 into 42" in july
    assert "<li>[Merged with paragraph 42]</li>" in july
    assert "not in this draft" in gone and "Paragraph" not in gone.split("</h2>")[1]
    trail = re.findall(r'<span class="l">([^<]*)</span>', html)
    assert trail == ["43", "42", "not in this draft"]


def test_history_cards_are_compact_and_judged_against_the_next_version() -> None:
    html = paragraph_history_html(sample_history())
    assert "1 proposal made on 43 in the first draft" in html
    c = card(html, 7)
    assert "compact" in c.split(">")[0] and c.count('<div class="pane ') == 1
    assert "<ins>labor inspectors, </ins>" in c and "your insertion ‘labor inspectors’" in c
    assert '<details class="more">' in c and "lines 50–54 of" in c  # evidence and input on request
    assert "✓ accepted" in html and "the next draft carries the change" in html  # the legend


def test_pages_are_self_contained() -> None:
    for html in (delegation_report_html(sample_report()), paragraph_history_html(sample_history())):
        assert re.findall(r'(?:href|src)="([^"#][^"]*)"', html) == []  # only in-page links
        assert "<link" not in html and "@import" not in html and "url(" not in html
        assert "<script src" not in html and html.count("<script") <= 1  # at most the page's own, inline
        assert "@media print" in html and "break-inside: avoid" in html


# --- the GPA, end to end, in Chromium --------------------------------------------------------


def run_cli(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")


def test_every_gpa_report_and_history_renders_and_opens_in_chromium(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'gpa.db'}"
    import_path(GPA, url)
    proposals = json.loads(run_cli("--db", url, "proposals", "gpa-2010", "--json"))
    delegations = sorted({name for record in proposals for name in record["delegations"]})
    labels = [
        record["label"]
        for record in json.loads(run_cli("--db", url, "paragraphs", "gpa-2010", "first-draft", "--json"))
    ]
    assert len(delegations) >= 20 and len(labels) >= 100

    snap = api.snapshot(url, "gpa-2010")  # loaded and judged once for every page, as the site does
    reports = {}
    for name in delegations:
        report = delegation_report(snap, name)
        html = delegation_report_html(report)
        assert shown_totals(html) == {status: report.totals.get(status, 0) for status in shown_totals(html)}
        assert sum(report.totals.values()) == html.count('<article class="card') > 0
        reports[name] = (report, html)
    histories = {}
    for label in labels:
        history = paragraph_history(snap, snap.tree("first-draft").find(label).pid, label)
        html = paragraph_history_html(history)
        assert html.count('<section class="version') == len(history.versions) >= 2
        histories[label] = (history, html)
    assert sum(sum(r.totals.values()) for r, _ in reports.values()) >= len(proposals)  # co-sponsored count twice
    assert api.report(url, "gpa-2010", "Japan").totals == reports["Japan"][0].totals  # the CLI's path
    assert api.history(url, "gpa-2010", "43", draft="first-draft").pid == histories["43"][0].pid

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the browser part of this test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    pages = [(f"report-{slug(name)}", reports[name]) for name in ("Japan", "Thailand", "African Group")]
    pages += [(f"history-{slug(label)}", histories[label]) for label in ("PP6", "26", "43", "5")]
    messages: list[tuple[str, str, str]] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            for stem, (data, html) in pages:
                path = tmp_path / f"{stem}.html"
                path.write_text(html, encoding="utf-8")
                page = browser.new_page(viewport={"width": 1300, "height": 2400})
                page.on("console", lambda m, s=stem: messages.append((s, m.type, m.text)))
                page.on("pageerror", lambda e, s=stem: messages.append((s, "pageerror", str(e))))
                page.on("request", lambda r: requests.append(r.url))
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 0, f"{stem} is wider than the window"
                if isinstance(data, DelegationReport):
                    shown = page.eval_on_selector_all(
                        ".totals .n[data-status]", "els => els.map(e => [e.dataset.status, e.textContent.trim()])"
                    )
                    assert {status: int(n) for status, n in shown} == {
                        status: data.totals.get(status, 0) for status, _ in shown
                    }
                    assert page.locator("article.card").count() == sum(data.totals.values())
                    assert page.locator("section.paragraph").count() == len(data.paragraphs)
                else:
                    assert page.locator("section.version").count() == len(data.versions)
                # a history whole; a report's first screens (its totals and first cards: whole ones run to 14 MB)
                page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=stem.startswith("history"))
                if stem == "report-Japan":
                    struck = page.eval_on_selector("div.pane del", "e => getComputedStyle(e).textDecorationLine")
                    inserted = page.eval_on_selector("div.pane ins", "e => getComputedStyle(e).textDecorationLine")
                    assert (struck, inserted) == ("line-through", "underline")
                    page.emulate_media(media="print")
                    assert page.eval_on_selector("article.card", "e => getComputedStyle(e).breakInside") == "avoid"
                    pdf = page.pdf(format="A4", print_background=True)
                    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
                page.close()
        finally:
            browser.close()
    assert [m for m in messages if m[1] in ("error", "pageerror")] == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests
    assert (ARTIFACTS / "report-Japan.png").stat().st_size > 50_000
    assert (ARTIFACTS / "history-43.png").stat().st_size > 50_000


def test_report_and_history_write_the_page_and_print_the_json_when_asked_both(tmp_path: Path) -> None:
    """--html with --json: the page is written and the JSON printed (stdout stays JSON; 'wrote' goes to stderr)."""
    url = f"sqlite:///{tmp_path / 'gpa.db'}"
    import_path(GPA, url)
    for args, page, key in [
        (["report", "gpa-2010", "--delegation", "Japan"], tmp_path / "japan.html", "delegation"),
        (["history", "gpa-2010", "43"], tmp_path / "43.html", "pid"),
    ]:
        result = CliRunner().invoke(cli, ["--db", url, *args, "--html", str(page), "--json"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert key in json.loads(result.stdout)
        assert result.stderr == f"wrote {page}\n"
        assert "<html" in page.read_text(encoding="utf-8")
        alone = CliRunner().invoke(cli, ["--db", url, *args, "--json"], catch_exceptions=False)
        assert json.loads(alone.stdout) == json.loads(result.stdout)
