"""Open points (brackets, alternatives, options) through the negotiation: counts, lifecycle, `open` and `progress`."""

from __future__ import annotations

import json
import re
import runpy
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.compare.align import align
from amendtrack.compare.openpoints import RESOLVED, counts, lifecycle, open_points
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.files import read_draft_file
from amendtrack.read.structure import read_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpora" / "paris-2015"
FILES = ["01_23-oct-2015.md", "02_4-dec-2015.md", "03_9-dec-2015.md", "04_12-dec-2015.md", "05_final.md"]
paris = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Paris corpus is not at {CORPUS} (../shared/corpora)")


def scanned(text: str) -> tuple[int, int]:
    """An independent count: every '[' (not a footnote reference '[^'), every 'Option N' in the text.

    Markdown link syntax ('[text][ref]', '[ref]: url') and footnote definitions with their indented
    lines are left out: they are the transcriber's apparatus, not the draft.
    """
    refs = set(re.findall(r"^\[([^\]^]+)\]:", text, re.M))
    brackets = options = 0
    in_note = False
    for line in text.splitlines():
        if re.match(r"^\[\^[^\]]+\]:", line):
            in_note = True
            continue
        if in_note and (line.startswith(" ") or not line.strip()):
            continue
        in_note = False
        if re.match(r"^\[[^\]^]+\]:", line):
            continue
        for ref in refs:
            line = re.sub(r"\[([^\[\]]+)\]\[" + re.escape(ref) + r"\]", r"\1", line).replace(f"[{ref}]", ref)
        brackets += len(re.findall(r"\[(?!\^)", line))
        options += len(re.findall(r"\bOption\s+(?:\d+|[IVX]+)\b|\bOption\s+\([a-z]\)", line))
    return brackets, options


# Where the scanner is wrong, by hand (file → (brackets, options) to add to its count), with the reason:
BY_HAND = {
    # two '[[^9]]': a bracket around a footnote reference holds no words, so it is no open point;
    # '**Option1**:' (line 739) is an option written without a space
    "01_23-oct-2015.md": (-2, +1),
    # two '[[^14]]' as above; 'Note: Option 1 and Option 2 for paragraph …' (line 527) and '{… in tandem
    # with 99 Option 1}' (line 589) mention options, they are none
    "02_4-dec-2015.md": (-2, -3),
}


@paris
@pytest.mark.parametrize("name", FILES)
def test_counts_agree_with_an_independent_scanner(name: str) -> None:
    brackets, options = scanned((CORPUS / name).read_text(encoding="utf-8"))
    more_brackets, more_options = BY_HAND.get(name, (0, 0))
    found = counts(read_draft_file(CORPUS / name))
    assert (found["brackets"], found["options"]) == (brackets + more_brackets, options + more_options)
    assert (
        found["bracketed_paragraphs"] + found["optioned_paragraphs"] + found["clean_paragraphs"] == found["paragraphs"]
    )


@pytest.fixture(scope="module")
def events() -> dict[tuple[str, str], list]:
    if not CORPUS.is_dir():
        pytest.skip(f"the Paris corpus is not at {CORPUS} (../shared/corpora)")
    drafts = {name: read_draft_file(CORPUS / name) for name in FILES}
    return {
        (a, b): lifecycle(drafts[a], drafts[b], align(drafts[a], drafts[b]))
        for a, b in zip(FILES, FILES[1:], strict=False)
    }


def test_lifecycle_events_read_by_hand_are_found_with_their_kind(events: dict) -> None:
    """bench/eval/paris_open_points.py: 248 events found by reading; the tool must find them as read."""
    gold = runpy.run_path(str(ROOT / "bench" / "eval" / "paris_open_points.py"))["EVENTS"]
    right, kinds = 0, set()
    for old_file, new_file, old, new, kind, before, after, _reason in gold:
        ours = [
            e
            for e in events[(old_file, new_file)]
            if (_same_place(e, old) if old else e.new_label == new)
            and (_same_words(e, before) if e.before and before else after in e.evidence)
        ]
        if ours and ours[0].kind == kind and (kind != "resolved_alternative" or ours[0].chosen in after + before):
            right += 1
            kinds.add(kind)
    assert right >= 150  # of 248 (about 60 %): well above the 30 the issue asks
    assert {"resolved_alternative", "resolved_unbracketed", "resolved_deleted", "option_survived"} <= kinds


def _same_place(event, label: str) -> bool:
    """The gold names an option by the paragraph its words stand in ('2bis.1 (Option 1)'), ours by the
    option or the group: the same place when one label holds the other's number and option."""
    if event.old_label == label:
        return True
    return (
        event.before is not None
        and event.before.kind == "options"
        and any(label.startswith(option.split(" Option")[0]) for option in event.before.labels)
    )


def _same_words(event, before: str) -> bool:
    if before in event.before.text or event.before.text in before:
        return True
    return event.before.kind == "options" and any(
        alt[:25] and (before[:25] in alt or alt[:25] in before) for alt in event.before.alternatives
    )


def test_the_adopted_text_has_no_open_point_and_every_one_of_9_december_was_settled(events: dict) -> None:
    settled = events[("03_9-dec-2015.md", "04_12-dec-2015.md")]
    assert settled and all(e.kind in RESOLVED for e in settled)  # nothing kept, changed or introduced
    nine = read_draft_file(CORPUS / "03_9-dec-2015.md")
    assert len(settled) == len(open_points(nine))  # one resolution for each open point of 9 Dec
    assert events[("04_12-dec-2015.md", "05_final.md")] == []


def test_a_choice_kept_the_brackets_dropped_the_words_deleted() -> None:
    old = read_text(
        "1. Each Party [shall][should] communicate its plan.\n\n"
        "2. Parties shall provide [new and additional] finance.\n\n"
        "3. Parties shall report [annually] on progress.\n",
        "old.txt",
    )
    new = read_text(
        "1. Each Party shall communicate its plan.\n\n2. Parties shall provide new and additional finance.\n\n"
        "3. Parties shall report on progress.\n",
        "new.txt",
    )
    found = {(e.old_label, e.kind, e.chosen) for e in lifecycle(old, new, align(old, new))}
    assert found == {
        ("1", "resolved_alternative", "shall"),
        ("2", "resolved_unbracketed", None),
        ("3", "resolved_deleted", None),
    }


def options(label: str, *texts: str) -> Paragraph:
    """A paragraph holding a group of options, as the reader builds one."""
    group = Paragraph(f"{label} options", "option_group", "", f"para_{label}__alt_1")
    for k, text in enumerate(texts, start=1):
        group.children.append(Paragraph(f"{label} Option {k}", "option", text, f"para_{label}__alt_1__opt_{k}"))
    return Paragraph(label, "paragraph", "", f"para_{label}", children=[group])


def test_an_option_that_goes_on_survived_and_options_run_together_were_merged() -> None:
    transfer = "Parties shall cooperate on the development and transfer of technology to developing country Parties."
    reporting = "Each Party shall report biennially on its emissions, using common methods agreed by the Parties."
    old = Draft(
        [options("1", transfer, "No text."), options("2", reporting, "Developed country Parties shall report.")]
    )
    new = Draft(
        [
            Paragraph("1", "paragraph", transfer, "para_1"),
            Paragraph(
                "2",
                "paragraph",
                reporting.replace("the Parties.", "the Parties; developed country Parties shall report."),
                "para_2",
            ),  # fmt: skip
        ]
    )
    found = {
        (e.kind, e.chosen) for e in lifecycle(old, new, align(old, new)) if e.before and e.before.kind == "options"
    }
    assert ("option_survived", "1 Option 1") in found
    assert ("options_merged", None) in found


GPA = ROOT / "data" / "drafts" / "gpa-2010"


def test_open_and_progress_on_the_gpa_drafts(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'gpa.db'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "import", str(GPA)]).exit_code == 0
    points = json.loads(runner.invoke(cli, ["--db", db, "open", "gpa-2010", "--json"]).output)
    choice = next(p for p in points if p["text"] == "[as set out in / as outlined in]")
    assert choice["kind"] == "alternatives" and choice["alternatives"] == ["as set out in", "as outlined in"]
    assert choice["id"].startswith("draft-2010-07-19:")  # it first appears in July
    found = json.loads(runner.invoke(cli, ["--db", db, "progress", "gpa-2010", "--json"]).output)
    assert [d["draft"] for d in found["drafts"]] == ["first-draft", "draft-2010-07-19"]
    july = found["drafts"][1]
    assert (july["brackets"], july["alternatives"]) == (len(points), sum(p["kind"] == "alternatives" for p in points))
    assert found["pairs"][0]["events"]["introduced"] >= 8  # the July brackets are new
    table = runner.invoke(cli, ["--db", db, "progress", "gpa-2010"]).output
    assert table.startswith("draft") and "first-draft → draft-2010-07-19:" in table
    wrong = runner.invoke(cli, ["--db", db, "open", "gpa-2010", "inputs-first-draft"])
    assert wrong.exit_code == 1 and "not a draft" in wrong.output


CHROMIUM = "/usr/bin/chromium"


@paris
@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed")
def test_the_dashboard_chart_shows_the_counts_progress_prints(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    db = f"sqlite:///{tmp_path / 'paris.db'}"
    runner = CliRunner()
    for name in FILES:
        assert runner.invoke(cli, ["--db", db, "import", str(CORPUS / name), "--negotiation", "paris"]).exit_code == 0
    found = json.loads(runner.invoke(cli, ["--db", db, "progress", "paris", "--json"]).output)
    assert runner.invoke(cli, ["--db", db, "site", "paris", "--out", str(tmp_path / "site")]).exit_code == 0
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto((tmp_path / "site" / "paris" / "dashboard.html").as_uri())
        chart = page.locator("figure", has_text="Open points per draft")
        shown = chart.locator("text.value").all_text_contents()
        titles = chart.locator("rect title").all_text_contents()
        cells = page.locator("figure", has_text="Open points by container").locator("rect title").all_text_contents()
        browser.close()
    for draft in found["drafts"]:  # the grid's cells of a draft add up to its open points
        mine = [int(t.rsplit(": ", 1)[1].split()[0]) for t in cells if t.split(": ")[0].endswith(f", {draft['label']}")]
        assert sum(mine) == draft["open_points"]
    assert len(shown) == len(found["drafts"]) == 5
    for draft, line in zip(found["drafts"], shown, strict=True):
        kinds = draft["open_by_kind"]
        parts = " + ".join(str(kinds[k]) for k in ("bracket", "alternatives", "options"))
        assert line == f"{draft['open_points']} open ({parts})"
    first = found["drafts"][0]
    assert f"{first['label']}: {first['open_by_kind']['options']} option groups" in titles


def test_every_view_marks_what_is_still_open_and_escapes_the_rest() -> None:
    from amendtrack.render.html import open_marks

    marked = str(open_marks("Parties [shall][should] act <script>x</script> [^1] within] [and"))
    assert '<span class="open"><b class="br">[</b>shall<b class="br">]</b></span>' in marked
    assert "<script>" not in marked and "&lt;script&gt;" in marked
    assert "[^1]" in marked  # a footnote reference is no bracket
    assert marked.count("<span") == marked.count("</span>")  # a bracket left open closes with its piece


@paris
def test_a_paragraphs_history_tells_the_life_of_its_open_points(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'paris.db'}"
    runner = CliRunner()
    for name in FILES[1:4]:
        assert runner.invoke(cli, ["--db", db, "import", str(CORPUS / name), "--negotiation", "paris"]).exit_code == 0
    history = json.loads(runner.invoke(cli, ["--db", db, "history", "paris", "3.4", "--draft", "03-9-dec-2015",
                                             "--json"]).output)  # fmt: skip
    lines = {v["draft"]: v["open_points"] for v in history["versions"]}
    assert "open: ‘[and SIDS][and African states]’" in lines["02-4-dec-2015"]  # the first draft here
    assert "still open: ‘[and SIDS][and African states]’" in lines["03-9-dec-2015"]
    assert any(line.startswith("‘[and SIDS][and African states]’ settled") for line in lines["04-12-dec-2015"])


def test_what_a_draft_says_of_its_paragraphs_is_their_status() -> None:
    draft = read_text(
        "1. Parties shall cooperate on adaptation. (agreed ad ref)\n\n"
        "2. [Placeholder for a paragraph on loss and damage]\n\n"
        "3. [Paragraph deleted]\n\n"
        "4. Parties shall [enhance] action.\n\n"
        "5. Parties shall report.\n",
        "draft.txt",
    )
    assert counts(draft)["status"] == {
        "agreed": 1, "pending": 1, "deleted": 1, "bracketed": 1, "in_options": 0, "clean": 1,
    }  # fmt: skip


def test_the_word_compilation_keeps_brackets_as_brackets_and_shades_them(tmp_path: Path) -> None:
    from amendtrack.render.docx.compilation import bracketed_pieces

    assert bracketed_pieces("Parties [shall][should] act [with [all] due] speed[^1].") == [
        ("Parties ", False), ("[shall]", True), ("[should]", True), (" act ", False), ("[with [all] due]", True),
        (" speed[^1].", False),
    ]  # fmt: skip
    draft = tmp_path / "draft.txt"
    draft.write_text("1. Parties shall [enhance] action on adaptation.\n\n2. Parties shall report.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'n.db'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "import", str(draft), "--negotiation", "n"]).exit_code == 0
    out = tmp_path / "c.docx"
    assert runner.invoke(cli, ["--db", db, "compile", "n", "1", "--docx", str(out)]).exit_code == 0
    import zipfile

    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    shaded = re.findall(
        r'<w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFF0C2"/></w:rPr><w:t[^>]*>([^<]*)</w:t>', xml
    )
    assert shaded == ["[enhance]"]
