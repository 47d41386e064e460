"""The static report site, built by `amendtrack demo` from the sample data, opened from the file system."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from click.testing import CliRunner

from amendtrack.api import snapshot
from amendtrack.cli import cli
from amendtrack.render.html import compilation_html
from amendtrack.report.compilation import compilation_table

from conftest import PAGE_TYPES

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"


@contextmanager
def chromium_page(width: int = 1366) -> Iterator[Any]:
    """A page of headless Chromium at this width (skipping the test, saying why, where there is none)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the browser test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            yield browser.new_page(viewport={"width": width, "height": 900})
        finally:
            browser.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(cli, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"open {(out / 'amendtrack-site' / 'index.html').resolve()}" in result.output
    assert "built in" in result.output
    return out


def test_every_internal_link_resolves(demo: Path) -> None:
    site = demo / "amendtrack-site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 300
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for page in pages:
        tree = lxml.html.parse(str(page))
        ids[page.resolve()] = {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
        for a in tree.iter("a"):
            href = a.get("href")
            if href and not href.startswith(("http:", "https:", "mailto:")):
                links.append((page, href))
        for script in tree.iter("script"):
            if script.get("src"):
                links.append((page, script.get("src")))
    for page, href in links:
        parts = urlsplit(href)
        assert not parts.scheme and not parts.netloc, (page, href)  # nothing from the network
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
        assert target.is_file(), f"{page.name}: broken link {href}"
        if parts.fragment and target.suffix == ".html":
            assert parts.fragment in ids[target], f"{page.name}: no #{parts.fragment} in {target.name}"
    assert len(links) > 2000


def test_compilation_lists_every_paragraph_and_proposal_once_in_order(demo: Path) -> None:
    snap = snapshot(f"sqlite:///{demo / 'amendtrack-demo.db'}", "gpa-2010")
    table = compilation_table(snap, "first-draft", with_disposition=True)
    tree = snap.tree("first-draft")
    labels = [row.label for row in table.rows if row.kind != "new_paragraph"]
    assert labels[: len(list(tree.walk()))] == [node.label for node, _ in tree.walk()]
    ids = [entry.id for row in table.rows for entry in row.entries]
    assert sorted(ids) == sorted(pid for pid, _, _ in snap.proposals) and len(ids) == len(set(ids))
    pp4 = next(row for row in table.rows if row.label == "PP4")
    assert [e.delegations[0] for e in pp4.entries] == [
        "Belarus",
        "IOM",
        "Japan",
        "Malaysia",
        "Malaysia",
        "Thailand",
        "UNICEF",
    ]
    new = [row.label for row in table.rows if row.kind == "new_paragraph"]
    assert new.index("PP5bis") < new.index("10bis")
    html = compilation_html(table)
    assert html.count('<tr class="input" id="proposal-') == len(ids)  # one row per input


@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed")
def test_site_in_headless_chromium(demo: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    site = demo / "amendtrack-site"
    ARTIFACTS.mkdir(exist_ok=True)
    samples = [
        "index.html",
        "gpa-2010/index.html",
        "gpa-2010/compilation-first-draft.html",
        "gpa-2010/redline-first-draft-to-draft-2010-07-19.html",
        "gpa-2010/delegation-japan.html",
        "gpa-2010/paragraph-first-draft-annex-para-43.html",
        "gpa-2010/dashboard.html",
        "wg-tip-2019/index.html",
    ]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        problems: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        for path in samples:
            page.goto((site / path).as_uri())
            page.screenshot(path=str(ARTIFACTS / f"site-{path.replace('/', '-')}.png"))
        page.goto((site / "index.html").as_uri())
        page.fill("#search", "labor inspectors")
        page.wait_for_selector("#results li")
        assert "26 — Draft of 19 July 2010" in page.inner_text("#results")
        page.screenshot(path=str(ARTIFACTS / "site-search.png"))
        page.click("#results li a >> nth=0")
        page.wait_for_load_state()
        assert "labor inspectors" in page.inner_text("body")
        browser.close()
    assert problems == []
    assert all(url.startswith(("file:", "data:")) for url in requests), [u for u in requests if "file:" not in u]


def test_pages_link_to_each_other_and_back_in_chromium(demo: Path) -> None:
    """A delegate follows PP2 from its redline row to its history, to a proposal in the compilation, to the
    delegation's report, and back to the redline row; the dashboard's bars lead to reports and histories."""
    gpa = demo / "amendtrack-site" / "gpa-2010"
    visited: list[str] = []
    with chromium_page() as page:
        page.goto((gpa / "redline-first-draft-to-draft-2010-07-19.html").as_uri())
        page.click("#pp_2 td.change .see >> text=history of PP2")
        visited.append(page.url)
        page.click("section.version .card .see >> text=in the compilation")
        visited.append(page.url)
        entry = page.evaluate("location.hash.slice(1)")
        page.click(f"#{entry} .who a")
        visited.append(page.url)
        page.click(f"#{entry} .see >> text=in the redline")
        visited.append(page.url)
        page.wait_for_load_state("load")  # the fragment is the target once the page has loaded, not at the click
        page.wait_for_function("document.querySelector(':target') !== null", timeout=10_000)
        target = page.evaluate("document.querySelector(':target').id")
        page.goto((gpa / "dashboard.html").as_uri())
        bars = page.eval_on_selector_all("svg a", "links => links.map(a => a.getAttribute('href'))")
    names = [unquote(urlsplit(url).path).rsplit("/", 1)[-1] + "#" + urlsplit(url).fragment for url in visited]
    assert names[0].startswith("paragraph-first-draft-pp-2.html")
    assert names[1].startswith("compilation-first-draft.html#proposal-")
    assert names[2].startswith("delegation-") and names[2].endswith(entry)
    assert names[3] == "redline-first-draft-to-draft-2010-07-19.html#pp_2" and target == "pp_2"
    assert any(h.startswith("delegation-") for h in bars) and any(h.startswith("paragraph-") for h in bars)


def test_search_folds_spellings_and_word_forms_counts_highlights_and_filters(demo: Path) -> None:
    """'forced labor' finds 'forced labour'; the count says how many and how many are shown, 'more' shows
    the rest; hits are marked; the kind filter leaves proposals out; the page folds words as Python does."""
    from amendtrack.model.words import fold_spelling, stem

    words = ["labour", "Organisations", "programmes", "centre", "ensuring", "Ensure", "defence", "dialogue", "hours"]
    with chromium_page() as page:
        page.goto((demo / "amendtrack-site" / "index.html").as_uri())
        folded = page.evaluate("words => words.map(window.amendtrackTerm)", words)
        page.fill("#search", "forced labor")
        american = (page.inner_text("#count"), page.inner_text("#results"))
        marked = page.eval_on_selector_all("#results mark", "marks => marks.map(m => m.textContent.toLowerCase())")
        page.fill("#search", "forced labour")
        british = page.inner_text("#count")
        page.fill("#search", "trafficking")
        many = page.inner_text("#count")
        page.click("#more")
        after_more = (page.inner_text("#count"), page.locator("#results li").count())
        page.uncheck("input[name=kind][value=proposal]")
        kinds = set(page.eval_on_selector_all("#results .kind", "k => k.map(e => e.textContent)"))
    assert folded == [stem(fold_spelling(w)) for w in words]  # one folding on both sides
    count = int(american[0].split()[0])
    assert count > 0 and american[0] == british and "forced labour" in american[1]
    assert {"forced", "labour"} <= set(marked)
    total = int(many.split()[0])
    assert total > 40 and many == f"{total} results, the first 20 shown"
    assert after_more == (f"{total} results, the first 40 shown", 40)
    assert kinds == {"paragraph"}


def test_compilation_rows_keep_each_verdict_beside_its_input_filter_fit_a_phone_and_print(demo: Path) -> None:
    """One row per input: each verdict's top within a few pixels of its input's; the delegation and verdict
    filters; no sideways scrolling at 390 px; printed landscape on far fewer pages than the 205 of portrait."""
    page_file = demo / "amendtrack-site" / "gpa-2010" / "compilation-first-draft.html"
    offsets = """() => [...document.querySelectorAll('tr.input')].filter(r => !r.hidden).map(r => {
        const input = r.querySelector('td.input').getBoundingClientRect().top;
        const verdict = r.querySelector('td.disposition').getBoundingClientRect().top;
        return Math.abs(verdict - input); })"""
    shown = "[...document.querySelectorAll('tr.input')].filter(r => !r.hidden).map(r => r.dataset.delegations)"
    with chromium_page() as page:
        page.goto(page_file.as_uri())
        aligned = page.evaluate(offsets)
        page.select_option("#by-delegation", "Japan")
        japan = page.evaluate(shown)
        japan_aligned = page.evaluate(offsets)
        page.select_option("#by-verdict", "accepted")
        accepted = page.eval_on_selector_all(
            "tr.input", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.verdict)"
        )
        count = page.inner_text("#shown")
        page.select_option("#by-verdict", "")
        page.select_option("#by-delegation", "")
        pdf = page.pdf(prefer_css_page_size=True)
        page.set_viewport_size({"width": 390, "height": 900})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        page.screenshot(path=str(ARTIFACTS / "compilation-390.png"))
    assert len(aligned) == 574 and max(aligned) < 12  # the verdict sits beside its input, never rows away
    assert japan and all("Japan" in names.split("\n") for names in japan) and max(japan_aligned) < 12
    assert accepted and set(accepted) == {"accepted"} and count == f"{len(accepted)} inputs shown"
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 0 < pages < 150  # landscape, columns for the inputs: not 205 portrait pages
    assert overflow <= 0


def test_one_meaning_per_colour_in_a_delegation_report(demo: Path) -> None:
    """Green marks what the proposal puts in and red what it takes out; beside it, in the next draft's pane,
    other colours mark what that draft has instead and what it lacks, so green never means two things."""
    colours = """() => Object.fromEntries(['proposed', 'next'].flatMap(side => ['ins', 'del'].map(tag => {
        const e = document.querySelector(`.card .pane.${side} ${tag}`);
        return [`${side} ${tag}`, e && getComputedStyle(e).color]; })))"""
    with chromium_page() as page:
        page.goto((demo / "amendtrack-site" / "gpa-2010" / "delegation-japan.html").as_uri())
        found = page.evaluate(colours)
        legend = page.inner_text("section.legend")
    assert all(found.values()), found
    assert len({found["proposed ins"], found["proposed del"], found["next ins"], found["next del"]}) == 4
    assert "in the proposal: words it takes out of / puts into the paragraph" in legend
    assert "words of the proposal it does not have / words it has instead" in legend


@pytest.mark.parametrize("negotiation", ["gpa-2010", "wg-tip-2019"])
def test_dashboard_charts_use_the_width_show_their_numbers_and_clip_no_label(demo: Path, negotiation: str) -> None:
    measure = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
        const box = svg.getBoundingClientRect(), main = document.querySelector('main').getBoundingClientRect();
        const clipped = [...svg.querySelectorAll('text.label')]
            .filter(t => t.getBoundingClientRect().left < box.left - 1);
        return [box.width / main.width, clipped.length, svg.querySelectorAll('text.inside').length]; })"""
    with chromium_page() as page:
        page.goto((demo / "amendtrack-site" / negotiation / "dashboard.html").as_uri())
        charts = page.evaluate(measure)
    assert charts and all(clipped == 0 for _, clipped, _ in charts)  # every label inside its chart
    if negotiation == "gpa-2010":
        shares = [share for share, _, _ in charts]
        assert max(shares) > 0.6  # the bars use the page, not 40 % of it
        assert charts[1][2] > 50  # dispositions per delegation: the pieces carry their numbers


def test_a_delegations_counts_show_only_the_proposals_they_count(demo: Path) -> None:
    visible = "[...document.querySelectorAll('article.card')].filter(c => !c.hidden).map(c => c.dataset.disposition)"
    with chromium_page() as page:
        page.goto((demo / "amendtrack-site" / "gpa-2010" / "delegation-japan.html").as_uri())
        every = page.evaluate(visible)
        count = int(page.inner_text("button.show-status[data-status='accepted'] .n"))
        page.click("button.show-status[data-status='accepted']")
        accepted = page.evaluate(visible)
        page.click("button.show-status[data-status='accepted']")
        again = page.evaluate(visible)
    assert accepted == ["accepted"] * count and count > 0
    assert len(every) == len(again) > count


@pytest.mark.parametrize("width", [390, 1366])
def test_no_page_type_scrolls_sideways(demo: Path, width: int) -> None:
    """Every kind of page fits a phone and a desktop: the links added to cards and rows wrap, nothing overflows."""
    pages = PAGE_TYPES
    overflow = {}
    with chromium_page(width) as page:
        for path in pages:
            page.goto((demo / "amendtrack-site" / path).as_uri())
            root = "document.documentElement"
            overflow[path] = page.evaluate(f"{root}.scrollWidth - {root}.clientWidth")
            page.screenshot(path=str(ARTIFACTS / f"page-{width}-{path.replace('/', '-')}.png"))
    assert {path: px for path, px in overflow.items() if px > 0} == {}
