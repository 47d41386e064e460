"""Word outputs read back with lxml: the redline and `apply` documents accept to the later text and
reject to the earlier one, comments name moves and merges, the compilation is a real Word table,
and LibreOffice converts all three to PDF.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from amendtrack.api import compilation, diff
from amendtrack.cli import cli
from amendtrack.compare.comparison import compare
from amendtrack.compare.redline import new_text, old_text, redline
from amendtrack.model.proposal import Edit, Proposal, Sponsor, apply
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.render.docx import apply_docx, compilation_docx, place_edits, redline_docx, shown_proposal
from amendtrack.report.compilation import CompilationEntry, CompilationRow, CompilationTable
from amendtrack.store.engine import engine_for
from amendtrack.store.importer import import_path
from amendtrack.store.lineage import AlignedDrafts
from amendtrack.store.proposals import load_proposals

GPA = Path(__file__).resolve().parent.parent / "data" / "drafts" / "gpa-2010"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVISIONS = {f"{{{W}}}{tag}": tag for tag in ("ins", "del", "moveFrom", "moveTo")}
SKIPPED_STYLES = {"Title", "Subtitle"}  # the title block: neither draft's text


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def view(data: bytes, accept: bool) -> list[str]:
    """The body's paragraph texts after accepting (or rejecting) every tracked change, labels stripped.

    Accepting keeps inserted and moved-to words and drops deleted and moved-from ones; a dropped
    paragraph mark joins its paragraph to the next one. The label is what precedes the first tab.
    """
    drop = {"del", "moveFrom"} if accept else {"ins", "moveTo"}
    texts, pending = [], []
    for p in part(data, "word/document.xml").iter(w("p")):
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        if style is not None and style.get(w("val")) in SKIPPED_STYLES:
            continue
        for node in p.iter(w("t"), w("delText"), w("tab")):
            kinds = {REVISIONS[a.tag] for a in node.iterancestors() if a.tag in REVISIONS}
            if not kinds & drop:
                pending.append("\t" if node.tag == w("tab") else node.text or "")
        mark = p.find(f"{w('pPr')}/{w('rPr')}")
        if mark is not None and {REVISIONS.get(child.tag) for child in mark} & drop:
            continue
        text, pending = "".join(pending), []
        if text:
            texts.append(text.split("\t", 1)[-1])
    return texts


def revisions(data: bytes) -> list[etree._Element]:
    root = part(data, "word/document.xml")
    return [element for element in root.iter() if element.tag in REVISIONS]


def comments(data: bytes) -> dict[str, tuple[str, str]]:
    """Comment id → (author, text)."""
    root = part(data, "word/comments.xml")
    return {
        c.get(w("id")): (c.get(w("author")), "".join(t.text or "" for t in c.iter(w("t"))))
        for c in root.iter(w("comment"))
    }


def printed(draft: Draft) -> list[str]:
    """A draft's paragraphs as printed: texts, and the markers of placeholders ('[Paragraph deleted]')."""
    return [node.text or " ".join(m.text for m in node.markers) for node, _ in draft.walk()]


# --- the GPA first draft and July draft -------------------------------------------------------------


@pytest.fixture(scope="module")
def gpa(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('gpa') / 'gpa.db'}"
    import_path(GPA, url)
    return url


@pytest.fixture(scope="module")
def compared(gpa: str) -> tuple[AlignedDrafts, bytes]:
    redline = diff(gpa, "gpa-2010", "first-draft", "draft-2010-07-19")
    aligned, comparison = redline.aligned, redline.comparison
    data = redline_docx(comparison, "amendtrack", aligned.new_date, "GPA", old=aligned.old, new=aligned.new)
    return aligned, data


def proposals_of(url: str, delegation: str) -> tuple[Draft, list[Proposal]]:
    from sqlalchemy.orm import Session

    from amendtrack.store.drafts import load_draft

    engine = engine_for(url)
    try:
        with Session(engine) as session:
            draft = load_draft(session, "gpa-2010", "first-draft")
            found = load_proposals(session, "gpa-2010", draft_ref="first-draft", delegation=delegation)
    finally:
        engine.dispose()
    return draft, [proposal for _, proposal in found]


def test_accepting_every_change_gives_the_july_draft_and_rejecting_gives_the_first(compared) -> None:
    aligned, data = compared
    accepted, rejected = view(data, accept=True), view(data, accept=False)
    assert accepted == printed(aligned.new)
    assert rejected == [node.text for node, _ in aligned.old.walk()]
    assert len(accepted) == 107 and len(rejected) == 106


def test_every_tracked_change_has_author_date_and_a_unique_id(compared) -> None:
    _, data = compared
    found = revisions(data)
    kinds = {element.tag.split("}")[1] for element in found}
    assert {"ins", "del", "moveFrom", "moveTo"} <= kinds
    for element in found:
        assert element.get(w("author")) == "amendtrack"
        assert element.get(w("date")) == "2010-07-19T00:00:00Z"
    ids = [element.get(w("id")) for element in found]
    assert len(ids) == len(set(ids))
    root = part(data, "word/document.xml")
    deleted_marks = root.findall(f".//{w('pPr')}/{w('rPr')}/{w('del')}")
    assert deleted_marks, "deleted paragraphs carry a deleted paragraph mark"
    assert part(data, "word/settings.xml").find(w("trackRevisions")) is not None


def test_moves_and_merges_are_named_in_comments_not_shown_as_delete_and_insert(compared) -> None:
    _, data = compared
    notes = comments(data)
    texts = [text for _, text in notes.values()]
    assert "PP7 → PP5: formerly PP7, moved up" in texts
    assert any(text.startswith("42, 44, 45 → 42: merged from 44, 45 into 42") for text in texts)
    assert any(text.startswith("43 moved from here into 42(a)") for text in texts)
    assert any("PP3 → PP4" in text for text in texts)  # renumbered and modified
    assert {author for author, _ in notes.values()} == {"amendtrack"}
    root = part(data, "word/document.xml")
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert {e.get(w("id")) for e in root.iter(w(tag))} == set(notes)
    # the moved paragraph's unchanged words are a move, never an insertion or a deletion
    words = "Recalling the World Summit Outcome Document"
    where = {
        REVISIONS.get(t.getparent().getparent().tag, "plain")
        for t in root.iter(w("t"), w("delText"))
        if (t.text or "").startswith(words)
    }
    assert where == {"moveFrom", "moveTo"}
    # renumbered PP3 → PP4: the words it kept are plain text under the new label
    kept = [t for t in root.iter(w("t")) if (t.text or "").startswith("Recalling the Millennium Declaration")]
    assert kept and all(t.getparent().getparent().tag == w("p") for t in kept)
    starts = {e.get(w("name")) for e in root.iter(w("moveFromRangeStart"))}
    assert starts and starts == {e.get(w("name")) for e in root.iter(w("moveToRangeStart"))}


def test_the_redline_is_byte_for_byte_deterministic(gpa: str, compared) -> None:
    _, data = compared
    redline = diff(gpa, "gpa-2010", "first-draft", "draft-2010-07-19")
    aligned, comparison = redline.aligned, redline.comparison
    again = redline_docx(comparison, "amendtrack", aligned.new_date, "GPA", old=aligned.old, new=aligned.new)
    assert again == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {"_rels/.rels", "word/_rels/document.xml.rels", "word/comments.xml"} <= set(archive.namelist())


def expected_after_apply(draft: Draft, proposals: list[Proposal]) -> list[str]:
    """The draft as a delegation wants it: the shown proposal's text, new paragraphs after their anchor's subtree."""
    expected: list[str] = []

    def visit(nodes: list[Paragraph]) -> None:
        for node in nodes:
            mine = [p for p in proposals if p.paragraph and draft.find(p.paragraph) is node]
            shown = shown_proposal(mine)
            text = shown.resulting_text if shown is not None else node.text
            if text or shown is None:
                expected.append(text or "")
            visit(node.children)
            expected.extend(p.resulting_text or "" for p in mine if p.operation == "new_paragraph" and p.applied)

    visit(draft.paragraphs)
    return expected


@pytest.mark.parametrize("delegation", ["Japan", "USA"])
def test_apply_accepted_gives_each_proposal_and_rejected_gives_the_first_draft(gpa: str, delegation: str) -> None:
    draft, proposals = proposals_of(gpa, delegation)
    data = apply_docx(draft, proposals, delegation, "2010-05-18", "GPA", draft_label="First draft")
    assert view(data, accept=False) == [node.text for node, _ in draft.walk()]
    accepted = view(data, accept=True)
    assert accepted == expected_after_apply(draft, proposals)
    alone = [p for p in proposals if p.applied and p.operation != "new_paragraph" and _alone(p, proposals, draft)]
    assert len(alone) > 10
    for proposal in alone:  # each proposal alone on its paragraph: its text is there, or the paragraph is gone
        assert proposal.resulting_text in accepted if proposal.resulting_text else proposal.operation == "delete"
    found = revisions(data)
    assert found and {e.get(w("author")) for e in found} == {delegation}
    assert {e.get(w("date")) for e in found} == {"2010-05-18T00:00:00Z"}
    notes = comments(data)
    not_tracked = [p for p in proposals if p.operation in ("move", "merge", "split", "comment") or not p.applied]
    assert len(notes) >= len(not_tracked) > 0
    assert {author for author, _ in notes.values()} == {delegation}


def _alone(proposal: Proposal, proposals: list[Proposal], draft: Draft) -> bool:
    """Whether a proposal is the only text change its delegation asked for on its paragraph."""
    node = draft.find(proposal.paragraph or "")
    return sum(1 for p in proposals if p.paragraph and draft.find(p.paragraph) is node and p.applied) == 1


def test_apply_places_an_insertion_after_its_anchor_and_says_why_a_comment_is_no_change(gpa: str) -> None:
    draft, proposals = proposals_of(gpa, "Japan")
    data = apply_docx(draft, proposals, "Japan", "2010-05-18", "GPA")
    root = part(data, "word/document.xml")
    pp4 = next(p for p in root.iter(w("p")) if "".join(t.text or "" for t in p.iter(w("t"))).startswith("PP.4"))
    inserted = ["".join(t.text or "" for t in ins.iter(w("t"))) for ins in pp4.iter(w("ins"))]
    assert inserted == [" (hereinafter “Trafficking in Persons Protocol”)"]
    before = pp4.find(w("ins")).getprevious()
    assert before.tag == w("r") and before.findtext(w("t")).endswith("Especially Women and Children")
    texts = [text for _, text in comments(data).values()]
    assert any(text.startswith("Japan, replace 25") and "occurs 2 times" in text for text in texts)
    assert sum("Not a tracked change: it changes no words" in t or t.startswith("Japan: ") for t in texts) >= 8


def test_placed_edits_keep_spacing_and_fall_back_to_the_result() -> None:
    base = "Recalling the Charter, including its purposes."
    edits = [Edit("insert", new="and principles", anchor="its purposes", position="after"), Edit("delete", old="the")]
    placed = place_edits(base, edits)
    assert placed is not None and old_text(placed) == base
    assert new_text(placed) == "Recalling Charter, including its purposes and principles."
    assert place_edits(base, [Edit("delete", old="nowhere")]) is None
    assert place_edits("a a", [Edit("delete", old="a")]) is None  # twice in the paragraph: not placed
    glued = place_edits("Alpha and Beta.", [Edit("insert", new=",Gamma", anchor="Alpha", position="after")])
    assert (
        glued is not None and new_text(glued) == "Alpha,Gamma and Beta."
    )  # as apply_edits puts it: no space before a comma


# --- the compilation table ------------------------------------------------------------------------


def cell_text(tc: etree._Element) -> str:
    return "".join(t.text or "" if t.tag == w("t") else "\t" for t in tc.iter(w("t"), w("tab")))


def groups(main: etree._Element) -> list[list[etree._Element]]:
    """The table's body rows, grouped: a paragraph's first row (its cell starts a vertical merge) and the rows
    its cell spans; a heading row alone."""
    found: list[list[etree._Element]] = []
    for tr in main.findall(w("tr"))[1:]:
        merge = tr.find(f"{w('tc')}/{w('tcPr')}/{w('vMerge')}")
        if merge is not None and merge.get(w("val")) is None and found:
            found[-1].append(tr)  # continues the paragraph above
        else:
            found.append([tr])
    return found


def test_compilation_is_a_landscape_word_table_with_a_repeating_header(gpa: str) -> None:
    table = compilation(gpa, "gpa-2010", "first-draft")
    data = compilation_docx(table)
    root = part(data, "word/document.xml")
    size = root.find(f".//{w('sectPr')}/{w('pgSz')}")
    assert size.get(w("orient")) == "landscape" and int(size.get(w("w"))) > int(size.get(w("h")))
    main = root.find(f"{w('body')}/{w('tbl')}")
    rows = main.findall(w("tr"))
    assert rows[0].find(f"{w('trPr')}/{w('tblHeader')}") is not None
    assert [cell_text(tc) for tc in rows[0].findall(w("tc"))] == ["Paragraph", "Delegation", "Input"]
    assert all(tr.find(f"{w('trPr')}/{w('cantSplit')}") is not None for tr in rows)  # no row splits across pages
    blocks = iter(groups(main))
    by_label: dict[str, list[etree._Element]] = {}
    for row in table.rows:  # in order: a heading's row, then (if it has inputs) the rows of its inputs
        block = next(blocks)
        if row.kind == "heading":
            assert block[0].find(f"{w('tc')}/{w('tcPr')}/{w('gridSpan')}") is not None and len(block) == 1
            block = next(blocks) if row.entries else None
        else:
            assert row.text in cell_text(block[0].find(w("tc")))  # the paragraph's text, once
        if block is not None:
            assert len(block) == max(1, len(row.entries))  # one row per input
            by_label.setdefault(row.label, block)
    assert next(blocks, None) is None
    pp4 = by_label["PP4"]
    who = [[cell_text(p) for p in tr.findall(w("tc"))[1].findall(w("p"))][0] for tr in pp4]
    assert who == ["Belarus", "IOM", "Japan", "Malaysia", "Malaysia", "Thailand", "UNICEF"]
    inputs = [tr.findall(w("tc"))[2] for tr in pp4]
    struck = [r for tc in inputs for r in tc.iter(w("r")) if r.find(f"{w('rPr')}/{w('strike')}") is not None]
    underlined = [r for tc in inputs for r in tc.iter(w("r")) if r.find(f"{w('rPr')}/{w('u')}") is not None]
    assert struck and underlined
    assert not revisions(data), "a compilation shows redlines as formatting, not as tracked changes"
    counts = root.findall(f"{w('body')}/{w('tbl')}")[-1]
    names = [cell_text(tr.find(w("tc"))) for tr in counts.findall(w("tr"))[1:]]
    assert names == [*table.counts, "Total"]
    new_rows = [row for row in table.rows if row.kind == "new_paragraph"]
    assert new_rows and "proposed new paragraph" in cell_text(by_label["PP2bis"][0].find(w("tc")))


def test_compilation_with_dispositions_puts_each_verdict_in_its_inputs_row(gpa: str) -> None:
    table = compilation(gpa, "gpa-2010", "first-draft", with_disposition=True)
    root = part(compilation_docx(table), "word/document.xml")
    main = root.find(f"{w('body')}/{w('tbl')}")
    assert len(main.find(w("tblGrid"))) == 4
    header = [cell_text(tc) for tc in main.find(w("tr")).findall(w("tc"))]
    assert header == ["Paragraph", "Delegation", "Input", "Disposition in the Draft of 19 July 2010"]
    entries = [e for row in table.rows for e in row.entries]
    rows = [tr for tr in main.findall(w("tr"))[1:] if len(tr.findall(w("tc"))) == 4]
    rows = [tr for tr in rows if cell_text(tr.findall(w("tc"))[1]).strip()]  # not a paragraph with no input
    assert len(rows) == len(entries) == 574
    for tr, entry in zip(rows, entries, strict=True):
        cells = tr.findall(w("tc"))
        assert cell_text(cells[1]).startswith(", ".join(entry.delegations))
        assert cell_text(cells[3]).startswith((entry.disposition or "—").replace("_", " "))


# --- escaping, and drafts made up by hypothesis -----------------------------------------------------------


TRICKY = 'States <and> regions & “partners”, including "civil" society\'s <b>bold</b> & more'


def tiny_draft(texts: list[str]) -> Draft:
    return Draft(
        [
            Paragraph(label=str(k + 1), kind="operative", text=t, eid=f"para_{k + 1}", num=f"{k + 1}.")
            for k, t in enumerate(texts)
        ]
    )


def test_markup_characters_in_texts_are_escaped_and_read_back() -> None:
    old = tiny_draft(["Plain text here.", TRICKY])
    new = tiny_draft(["Plain text here & there.", TRICKY + " <end>"])
    data = redline_docx(
        compare(old, new, "A", "B"), "A & B <team>", "2020-01-02", 'Title "with" <markup> & more', old=old, new=new
    )
    assert view(data, accept=True) == [n.text for n in new.paragraphs]
    assert view(data, accept=False) == [n.text for n in old.paragraphs]
    assert {e.get(w("author")) for e in revisions(data)} == {"A & B <team>"}
    proposal = apply(Proposal("replace", "2", [Sponsor("Japan")], [Edit("replace", old="<and>", new="& <or>")]), TRICKY)
    data = apply_docx(old, [proposal], "Japan", None, "T & <t>")
    assert view(data, accept=True) == ["Plain text here.", TRICKY.replace("<and>", "& <or>")]
    assert all(e.get(w("date")) is None for e in revisions(data))
    entry = CompilationEntry(
        1, ["Japan"], "labelled", "replace", TRICKY, redline(TRICKY, TRICKY + " & x"), "<why> & how", []
    )
    table = CompilationTable(
        "n",
        "N & <M>",
        "d",
        "D",
        None,
        None,
        False,
        [CompilationRow("paragraph", "1", TRICKY, 0, [entry])],
        {"Japan": 1},
    )
    root = part(compilation_docx(table), "word/document.xml")
    text = "".join(t.text or "" for t in root.iter(w("t")))
    assert TRICKY in text and "<why> & how" in text and "N & <M>" in text


WORDS = st.sampled_from("trafficking persons victims States shall protect assist and the of measures".split())
TEXTS = st.lists(WORDS, min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize() + ";")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(TEXTS, min_size=2, max_size=8),
    st.lists(
        st.tuples(st.sampled_from(["edit", "drop", "add", "move", "merge"]), st.integers(0, 20), TEXTS), max_size=6
    ),
)
@example(  # the aligner leaves the new first paragraph out of every link: the redline must still hold it
    texts=["T t t;", "T t victims;", "T t persons;", "T t t;", "T t t;"],
    steps=[("edit", 1, "T t persons;"), ("drop", 0, ""), ("add", 0, "T victims shall;"), ("drop", 2, "")],
)
def test_any_pair_of_drafts_accepts_and_rejects_exactly(texts: list[str], steps: list[tuple[str, int, str]]) -> None:
    """Edits, deletions, insertions, moves and merges (splits, backwards) of made-up drafts round-trip exactly."""
    later = list(texts)
    for step, at, words in steps:
        if not later:
            break
        k = at % len(later)
        if step == "edit":
            later[k] = later[k][:-1] + " " + words
        elif step == "drop" and len(later) > 1:
            del later[k]
        elif step == "add":
            later.insert(k, words)
        elif step == "move":
            later.insert((at * 7) % len(later), later.pop(k))
        elif step == "merge" and k + 1 < len(later):
            later[k : k + 2] = [later[k] + " " + later[k + 1]]
    for before, after in ((texts, later), (later, texts)):  # backwards, merges are splits
        old, new = tiny_draft(before), tiny_draft(after)
        data = redline_docx(compare(old, new, "A", "B"), old=old, new=new)
        assert view(data, accept=True) == after
        assert view(data, accept=False) == before


# --- LibreOffice and the command line ---------------------------------------------------------------


def rows_split_across_pages(pdf: Path) -> list[tuple[int, str]]:
    """The pages of a compilation PDF whose table goes on with a row begun on the page before: the first line
    under the repeated header has input or disposition words but no delegation (pages and the words there)."""
    import pdfplumber

    from amendtrack.render.docx.wordml import MARGIN, PAGE_LONG

    starts = [MARGIN / 20, (MARGIN + 4300) / 20, (MARGIN + 6000) / 20, (PAGE_LONG - MARGIN - 2700) / 20]
    found = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages[1:], start=2):
            words = page.extract_words()
            header = [w for w in words if w["text"] == "Disposition"]
            if not header:
                break  # past the table: the inputs per delegation
            body = [w for w in words if header[0]["bottom"] + 12 < w["top"] < page.height - 40]
            top = min((w["top"] for w in body), default=None)
            line = [w for w in body if top is not None and abs(w["top"] - top) < 3]
            columns = {max(k for k, x in enumerate(starts) if w["x0"] >= x - 2) for w in line}
            if 1 not in columns and columns & {2, 3}:
                found.append((number, " ".join(w["text"] for w in line if w["x0"] >= starts[2] - 2)))
    return found


def test_libreoffice_converts_all_three_documents_and_keeps_every_tracked_change(
    gpa: str, compared, tmp_path: Path
) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui): no conversion test")
    aligned, redline_data = compared
    draft, proposals = proposals_of(gpa, "Japan")
    files = {
        "redline.docx": redline_data,
        "apply.docx": apply_docx(draft, proposals, "Japan", "2010-05-18", "GPA"),
        "compile.docx": compilation_docx(compilation(gpa, "gpa-2010", "first-draft", with_disposition=True)),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)

    def convert(target: str, out: Path, names: list[str]) -> None:
        profile = (tmp_path / "profile").as_uri()  # a profile of its own: other LibreOffice runs cannot lock it
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
        result = subprocess.run(
            [*command, "--outdir", str(out), *names],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=240,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        assert result.returncode == 0, result.stderr

    convert("pdf", tmp_path, list(files))
    for name in files:
        pdf = tmp_path / name.replace(".docx", ".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    table = compilation(gpa, "gpa-2010", "first-draft", with_disposition=True)
    # a row may split only if no page holds it: about 40 lines of 8.5 pt fit under the header, and an input of
    # 2,500 characters (70 to a line of its column) or a proposed paragraph of 1,800 (its text fills the
    # paragraph column too, 45 to a line) is longer than that
    long_inputs = [
        e.verbatim
        for row in table.rows
        for e in row.entries
        if len(e.verbatim) > 2500 or (row.kind == "new_paragraph" and len(row.text) > 1800)
    ]
    for page, words in rows_split_across_pages(tmp_path / "compile.pdf"):
        assert any(" ".join(words.split()[:6]) in " ".join(text.split()) for text in long_inputs), (page, words)
    # LibreOffice reads every tracked change as meant: written back by it, they accept and reject the same
    convert("docx:MS Word 2007 XML", tmp_path / "lo", ["redline.docx", "apply.docx"])
    again = (tmp_path / "lo" / "redline.docx").read_bytes()
    assert view(again, accept=True) == printed(aligned.new)
    assert view(again, accept=False) == [node.text for node, _ in aligned.old.walk()]
    applied = (tmp_path / "lo" / "apply.docx").read_bytes()
    assert view(applied, accept=True) == expected_after_apply(draft, proposals)
    assert view(applied, accept=False) == [node.text for node, _ in draft.walk()]


def test_cli_writes_the_three_documents(gpa: str, tmp_path: Path) -> None:
    runner = CliRunner()
    runs = [
        ["diff", "gpa-2010", "1", "3", "--docx", str(tmp_path / "r.docx"), "--author", "Co-facilitators"],
        ["apply", "gpa-2010", "first-draft", "--delegation", "United States", "--docx", str(tmp_path / "a.docx")],
        ["compile", "gpa-2010", "first-draft", "--docx", str(tmp_path / "c.docx")],
    ]
    for args in runs:
        result = runner.invoke(cli, ["--db", gpa, *args])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("wrote ")
    assert {e.get(w("author")) for e in revisions((tmp_path / "r.docx").read_bytes())} == {"Co-facilitators"}
    assert {e.get(w("author")) for e in revisions((tmp_path / "a.docx").read_bytes())} == {"USA"}
    result = runner.invoke(cli, ["--db", gpa, "compile", "gpa-2010", "first-draft"])
    assert result.exit_code == 1  # as the README promises: one line, exit status 1
    assert result.output == "amendtrack: error: compile needs --docx FILE or --html FILE (or both)\n"
    result = runner.invoke(
        cli, ["--db", gpa, "apply", "gpa-2010", "3", "--delegation", "Japan", "--docx", str(tmp_path / "x.docx")]
    )
    assert result.exit_code == 1 and "no proposals of Japan" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_the_shown_proposal_is_the_first_text_change() -> None:
    comment = Proposal("comment", "1", [Sponsor("Japan")], rationale="why")
    first = Proposal("insert", "1", [Sponsor("Japan")], [Edit("insert", new="x", position="end")], applied=True)
    second = Proposal("redraft", "1", [Sponsor("Japan")], text="y", applied=True)
    assert shown_proposal([comment, first, second]) is first
    assert shown_proposal([comment]) is None
