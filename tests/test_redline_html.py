"""The HTML side-by-side redline: rows, marks, escaping and summary, in plain HTML and in Chromium."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from amendtrack.cli import cli
from amendtrack.compare.comparison import Comparison, compare
from amendtrack.compare.redline import BOUNDARY, DELETE, EQUAL, INSERT, Change, new_text, old_text, redline_many
from amendtrack.read.text import read_draft_text, read_text_file
from amendtrack.render.html import environment, parts, redline_html, sides
from amendtrack.resources import sample_data_dir

GPA = sample_data_dir() / "drafts" / "gpa-2010"
TITLE = "United Nations Global Plan of Action against Trafficking in Persons"
OLD_META = {"label": "First draft", "date": "2010-04-16"}
NEW_META = {"label": "Draft of 19 July 2010", "date": "2010-07-19"}
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def gpa() -> Comparison:
    old = read_text_file(GPA / "01-first-draft.txt")
    new = read_text_file(GPA / "03-draft-2010-07-19.txt")
    return compare(old, new, "First draft", "Draft of 19 July 2010")


@pytest.fixture(scope="module")
def gpa_html(gpa: Comparison) -> str:
    return redline_html(gpa, TITLE, OLD_META, NEW_META)


def row_html(html: str, anchor: str) -> str:
    """The <tr> of one row, found by its id."""
    match = re.search(rf'<tr id="{re.escape(anchor)}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, f"no row {anchor}"
    return match.group(0)


def cell(row: str, side: str) -> str:
    match = re.search(rf'<td class="{side}[^"]*"[^>]*>(.*?)</td>', row, re.S)
    assert match, f"no {side} cell"
    return match.group(1)


def summary_counts(html: str) -> dict[str, int]:
    return {relation: int(n) for relation, n in re.findall(r'data-relation="(\w+)">(\d+)<', html)}


# --- segments -----------------------------------------------------------------------------


def test_sides_split_a_merge_at_its_boundaries() -> None:
    changes = [Change(EQUAL, "a"), Change(DELETE, f",{BOUNDARY}b"), Change(INSERT, " c")]
    old, new = sides(changes)
    assert old == [("equal", "a"), ("delete", ","), ("boundary", ""), ("delete", "b")]
    assert new == [("equal", "a"), ("insert", " c")]
    labelled = parts(old, ["43", "44"])
    assert [(p.label, p.segments) for p in labelled] == [
        ("43", [("equal", "a"), ("delete", ",")]),
        ("44", [("delete", "b")]),
    ]
    assert parts([], []) == []


words = st.lists(st.sampled_from(["State", "States", "shall", "may", "report", ",", ";", "the", "42"]), max_size=12)
paragraph = words.map(" ".join)


@given(st.lists(paragraph, min_size=1, max_size=3), st.lists(paragraph, min_size=1, max_size=3))
def test_each_side_gives_back_its_texts(old: list[str], new: list[str]) -> None:
    old_side, new_side = sides(redline_many(old, new))
    changes = redline_many(old, new)

    def text(segments: list[tuple[str, str]]) -> str:
        return "".join(BOUNDARY if kind == "boundary" else value for kind, value in segments)

    assert text(old_side) == old_text(changes) == BOUNDARY.join(old)
    assert text(new_side) == new_text(changes) == BOUNDARY.join(new)
    assert {kind for kind, _ in old_side} <= {"equal", "delete", "boundary"}
    assert {kind for kind, _ in new_side} <= {"equal", "insert", "boundary"}
    assert len(parts(old_side, [str(k) for k in range(len(old))])) == len(old)


# --- the rendered page ----------------------------------------------------------------------


def test_environment_autoescapes_html_templates() -> None:
    env = environment()
    assert callable(env.autoescape) and env.autoescape("redline.html") is True
    page = env.get_template("base.html").render(title="<i>x</i>")
    assert "<title>&lt;i&gt;x&lt;/i&gt;</title>" in page


def test_one_row_per_link_with_stable_anchors(gpa: Comparison, gpa_html: str) -> None:
    ids = re.findall(r'<tr id="([^"]+)"', gpa_html)
    assert ids == [row.anchor for row in gpa.rows]
    assert len(ids) == len(set(ids)) == 100
    for anchor in ("pp_1", "annex__para_26", "old-annex__para_5"):
        assert f'href="#{anchor}"' in row_html(gpa_html, anchor)  # a self-link


def test_insertions_and_deletions_are_marked_on_their_side(gpa_html: str) -> None:
    row = row_html(gpa_html, "annex__para_26")
    old, new = cell(row, "old"), cell(row, "new")
    assert "<ins>labor inspectors, </ins>" in new
    assert "<del>ensuring</del>" in old and "<ins>ensure</ins>" in new
    assert "<ins>" not in old and "<del>" not in new
    assert '<span class="label">26</span>' in old and '<span class="label">26</span>' in new
    assert "modified" in cell(row, "change")


def test_merge_shows_each_source_paragraph_with_its_label(gpa_html: str) -> None:
    row = row_html(gpa_html, "annex__para_42")
    old = cell(row, "old")
    assert re.findall(r'<span class="label">([^<]*)</span>', old) == ["42", "44", "45"]
    assert "merged from 44, 45 into 42" in unescape(cell(row, "change"))
    assert row.count('class="part"') == 4  # three old paragraphs, one new
    # 43 went on as 42(a): a row of its own, its redline against 42(a)
    part = row_html(gpa_html, "annex__para_42__subpara_a")
    assert "merged from 43 into 42 as 42(a)" in unescape(cell(part, "change"))
    assert re.findall(r'<span class="label">([^<]*)</span>', cell(part, "old")) == ["43"]


def test_deleted_and_new_rows_have_one_empty_side(gpa_html: str) -> None:
    deleted = row_html(gpa_html, "old-annex__para_5")
    assert cell(deleted, "new").strip() == ""
    assert 'class="new empty"' in deleted and "<del>" in cell(deleted, "old")
    new = row_html(gpa_html, "annex__para_1bis")
    assert cell(new, "old").strip() == ""
    assert 'class="old empty"' in new and "<ins>" in cell(new, "new")


def test_headings_span_the_table_and_sub_paragraphs_are_indented(gpa_html: str) -> None:
    heading = row_html(gpa_html, "annex__sec_II")
    assert 'class="heading' in heading and 'colspan="3"' in heading
    assert "<ins> in persons</ins>" in heading
    assert "depth-1" in row_html(gpa_html, "annex__para_42__subpara_c")
    assert "depth-0" in row_html(gpa_html, "annex__para_42")


def test_summary_counts_equal_the_comparison(gpa: Comparison, gpa_html: str) -> None:
    assert summary_counts(gpa_html) == gpa.counts
    assert gpa.counts["merged"] >= 4 and gpa.counts["deleted"] >= 4
    for conflict in gpa.conflicts:
        assert f"<li>{conflict}</li>" in unescape(gpa_html)
    assert "First draft → Draft of 19 July 2010" in gpa_html
    assert '<time datetime="2010-04-16">16 April 2010</time>' in gpa_html


def test_page_is_self_contained(gpa_html: str) -> None:
    assert re.findall(r'(?:href|src)="([^"#][^"]*)"', gpa_html) == []  # only in-page links
    assert "<link" not in gpa_html and "@import" not in gpa_html
    assert re.findall(r"<script[^>]*>", gpa_html) == ["<script>"]  # one script, the page's own, inline
    assert "<style>" in gpa_html


def test_document_text_is_escaped() -> None:
    old = read_draft_text("PP1 Guided by the Charter <script>alert(1)</script> of the United Nations,\n")
    new = read_draft_text("PP1 Guided by the Charter <script>alert(2)</script> of the Nations & <b>others</b>,\n")
    page = redline_html(compare(old, new, "A <em>", "B"), "<img src=x onerror=alert(3)>", {}, {"date": "soon"})
    assert page.count("<script") == 1 and "alert(" not in page.split("<script>", 1)[1]  # only the page's own script
    assert "<b>" not in page and "<img" not in page and "<em>" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt;" in page
    assert "<ins>" in page and "&amp;" in page and "&lt;b&gt;others&lt;/b&gt;" in page
    assert "&lt;img src=x onerror=alert(3)&gt;" in page
    assert "A &lt;em&gt; → B" in page and "soon" in page


# --- in Chromium ----------------------------------------------------------------------------


def run_cli(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_report_in_chromium_matches_align_json(gpa: Comparison, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the browser test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")

    db = f"sqlite:///{tmp_path / 'gpa.db'}"
    run_cli("--db", db, "import", str(GPA))
    links = json.loads(run_cli("--db", db, "align", "gpa-2010", "first-draft", "draft-2010-07-19", "--json"))
    headings = {
        record["eid"]
        for draft in ("first-draft", "draft-2010-07-19")
        for record in json.loads(run_cli("--db", db, "paragraphs", "gpa-2010", draft, "--json"))
        if record["kind"] == "heading"
    }
    expected: dict[str, int] = {}
    for link in links:
        if (link["to_eid"] or link["from_eid"])[0] not in headings:
            expected[link["relation"]] = expected.get(link["relation"], 0) + 1
    report = tmp_path / "redline-gpa.html"
    run_cli("--db", db, "diff", "gpa-2010", "first-draft", "draft-2010-07-19", "--html", str(report))

    messages: list[tuple[str, str]] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda message: messages.append((message.type, message.text)))
            page.on("pageerror", lambda error: messages.append(("pageerror", str(error))))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")

            shown = page.eval_on_selector_all(
                ".counts .n[data-relation]", "els => els.map(e => [e.dataset.relation, e.textContent.trim()])"
            )
            row_ids = page.eval_on_selector_all("tbody tr[id]", "rows => rows.map(r => r.id)")
            inserted = page.locator("#annex__para_26 td.new ins").all_text_contents()
            deleted_style = page.eval_on_selector(
                "td.old del", "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).color]"
            )
            inserted_style = page.eval_on_selector("td.new ins", "e => getComputedStyle(e).textDecorationLine")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "redline-gpa.png"), full_page=True)

            page.emulate_media(media="print")
            print_badge = page.eval_on_selector(
                "#annex__para_42 .badge",
                "e => [getComputedStyle(e).borderTopStyle, getComputedStyle(e).borderTopWidth]",
            )
            print_break = page.eval_on_selector("#annex__para_26", "e => getComputedStyle(e).breakInside")
            pdf = page.pdf(format="A4", landscape=True)
        finally:
            browser.close()

    assert [m for m in messages if m[0] in ("error", "pageerror")] == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests
    counts = {relation: int(n) for relation, n in shown}
    assert counts == {relation: expected.get(relation, 0) for relation in counts}
    assert counts == gpa.counts
    assert sum(counts.values()) == sum(expected.values()) == 95  # 100 links, 5 of them headings
    assert len(row_ids) == len(links) == len(gpa.rows)
    assert any("labor inspectors" in text for text in inserted)
    assert deleted_style[0] == "line-through" and deleted_style[1] != "rgb(27, 29, 33)"  # struck through, coloured
    assert inserted_style == "underline"
    assert overflow <= 0  # long rows wrap instead of widening the page
    assert print_badge[0] != "none" and print_badge[1] != "0px"  # badges keep their borders on paper
    assert print_break == "avoid"
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    assert (ARTIFACTS / "redline-gpa.png").stat().st_size > 50_000


def test_a_reader_moves_between_changes_filters_rows_and_finds_each_in_the_list(tmp_path: Path) -> None:
    """Changes only, word-form changes hidden, a relation picked from the summary, next/previous by button and
    by key, and the list of changes by section: all offline, in the page written by `compare --html`."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the browser test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")
    report = tmp_path / "two.html"
    run_cli("compare", str(GPA / "01-first-draft.txt"), str(GPA / "03-draft-2010-07-19.txt"), "--html", str(report))
    rows = "table.redline tr.link"
    visible = f"Array.from(document.querySelectorAll('{rows}')).filter(r => !r.hidden).map(r => r.dataset.relation)"
    errors: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(report.as_uri())
            every = page.evaluate(visible)
            page.check("#changes-only")
            changes = page.evaluate(visible)
            page.check("#hide-form")
            without_form = page.evaluate(visible)
            page.click("#show-all")
            again = page.evaluate(visible)
            page.keyboard.press("n")
            first = page.evaluate("[document.activeElement.id, document.getElementById('where').textContent]")
            page.keyboard.press("j")
            second = page.evaluate("[document.activeElement.id, document.getElementById('where').textContent]")
            page.click("#previous-change")
            back = page.evaluate("[document.activeElement.id, document.getElementById('where').textContent]")
            page.click("button.filter[data-relation='merged']")
            merged = page.evaluate(visible)
            pressed = page.get_attribute("button.filter[data-relation='merged']", "aria-pressed")
            page.click("button.filter[data-relation='merged']")
            unfiltered = page.evaluate(visible)
            listed = page.eval_on_selector_all(".change-list li a", "links => links.map(a => a.hash.slice(1))")
            ids = set(page.eval_on_selector_all("table.redline tr[id]", "rows => rows.map(r => r.id)"))
            changed_ids = page.eval_on_selector_all(
                f"{rows}:not([data-relation='same'])", "rows => rows.map(r => r.id)"
            )
        finally:
            browser.close()
    assert errors == []
    assert len(every) == len(again) == len(unfiltered) > len(changes) and "same" not in changes
    assert len(changes) == len(every) - every.count("same") == 94
    assert 0 < len(changes) - len(without_form) == 7  # 'Ensuring' → 'Ensure' and the like
    assert first[0] == changed_ids[0] and first[1] == "change 1 of 94"
    assert second[0] == changed_ids[1] and second[1] == "change 2 of 94"
    assert back[0] == changed_ids[0] and back[1] == "change 1 of 94"
    assert merged == ["merged"] * 9 and pressed == "true"
    assert listed == changed_ids and set(listed) <= ids  # every change listed once, in order, each link lands


@pytest.mark.parametrize(("width", "least"), [(390, 300), (1366, 450)])
def test_the_redline_fits_a_phone_and_a_desktop_with_readable_columns(tmp_path: Path, width: int, least: int) -> None:
    """At 390 px the two sides stack (each at least `least` px wide), at 1366 px they stand side by side; the
    page never scrolls sideways, and words break only at their ends."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the browser test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")
    report = tmp_path / "two.html"
    run_cli("compare", str(GPA / "01-first-draft.txt"), str(GPA / "03-draft-2010-07-19.txt"), "--html", str(report))
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(report.as_uri())
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            boxes = page.eval_on_selector(
                "#annex__para_26", "r => [...r.querySelectorAll('td')].map(td => td.getBoundingClientRect().toJSON())"
            )
            wrap = page.eval_on_selector("td.new .text", "e => getComputedStyle(e).overflowWrap")
            badge = page.eval_on_selector("td.change .badge", "e => e.getBoundingClientRect().width")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"redline-{width}.png"))
        finally:
            browser.close()
    old, new, change = boxes
    assert overflow <= 0
    assert old["width"] >= least and new["width"] >= least
    if width < 700:
        assert old["bottom"] <= new["top"] + 1 and new["bottom"] <= change["top"] + 1  # stacked, in reading order
    else:
        assert old["right"] <= new["left"] + 1 and abs(old["top"] - new["top"]) < 1  # side by side
    assert wrap == "break-word" and badge > 60  # no word cut anywhere, no badge one letter wide


def test_characters_a_scan_put_in_the_text_are_marked_as_the_ocrs(gpa_html: str) -> None:
    """'the Plan of Action™' of the scanned GPA first draft: marked, explained in the legend; '(@)' and '¢)' (for
    '(a)', 'c)') too; an e-mail address is left alone."""
    from amendtrack.render.html import open_marks

    marked = re.findall(r'<span class="ocr" title="probably misread by the OCR">([^<]*)</span>', gpa_html)
    assert "™" in marked
    assert "probably misread by the OCR), not the draft" in gpa_html
    assert open_marks("(@) To launch; ¢) To ensure").count('class="ocr"') == 2
    assert "ocr" not in open_marks("write to focal.point@unodc.org")


def test_the_printed_redline_fills_its_pages(tmp_path: Path) -> None:
    """Printed (A4 landscape), the GPA redline leaves no page but the last less than 60 % full."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the browser test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")
    import pdfplumber

    report, pdf = tmp_path / "two.html", tmp_path / "two.pdf"
    run_cli("compare", str(GPA / "01-first-draft.txt"), str(GPA / "03-draft-2010-07-19.txt"), "--html", str(report))
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(report.as_uri())
            pdf.write_bytes(page.pdf(prefer_css_page_size=True))
        finally:
            browser.close()
    with pdfplumber.open(pdf) as document:
        pages = document.pages
        assert pages[0].width > pages[0].height  # landscape
        fill = [
            max((w["bottom"] for w in p.extract_words() if w["bottom"] < p.height - 30), default=0) / p.height
            for p in pages[:-1]
        ]
        numbered = [f"{k} / {len(pages)}" in (p.extract_text() or "") for k, p in enumerate(pages, start=1)]
    assert all(numbered)  # page numbers at the foot
    assert len(pages) < 40 and sum(1 for f in fill if f < 0.6) <= 2, fill
