"""Words a scan misread: found from a negotiation's own vocabulary, marked in HTML and Word, never a real word."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from amendtrack.compare.comparison import compare
from amendtrack.model.misread import misread_in_drafts, misread_words
from amendtrack.read.text import read_text_file
from amendtrack.render.docx import redline_docx
from amendtrack.render.html import open_marks, redline_html
from amendtrack.resources import sample_data_dir

DRAFTS = sample_data_dir() / "drafts"
GPA = DRAFTS / "gpa-2010"
PARIS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "paris-2015"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def texts(*files: Path) -> list[str]:
    return [file.read_text(encoding="utf-8") for file in files]


def test_the_scanned_gpa_texts_misreadings_are_found_with_the_word_they_are() -> None:
    """The first draft's 'Renffirming' (PP4) and 'pomography', and the inputs table's 'eriminal', 'yictims':
    each mapped to the word the other texts use."""
    found = misread_words(texts(*sorted(GPA.glob("*.txt"))))
    assert found["Renffirming"] == "Reaffirming"
    assert found["pomography"] == "pornography"
    assert found["eriminal"] == "criminal"
    assert found["yictims"] == "victims"
    assert found["intemational"] == "international"  # 'rn' read as 'm'


def test_texts_typed_not_scanned_have_no_misreading() -> None:
    """The Working Group reports (born digital) give nothing: their rare words are real words."""
    for folder in ("wg-tip-2019", "wg-tip-2015"):
        assert misread_words(texts(*sorted((DRAFTS / folder).glob("*.txt")))) == {}


def test_the_paris_texts_have_no_misreading() -> None:
    """Five real treaty drafts, typed: 'adaption' beside 'adoption', 'adapted' beside 'adopted' are words."""
    if not PARIS.is_dir():
        pytest.skip(f"{PARIS} is absent: the Paris Agreement corpus is kept outside the repository")
    assert misread_words(texts(*sorted(PARIS.glob("*.md")))) == {}


def test_spelling_variants_inflections_real_words_and_acronyms_are_left_alone() -> None:
    common = "Reaffirming, adopting and funding the organizations' studies to prevent harm in Slovenia. " * 3
    rare = "Organisations studied it. Adapting, finding, present. The SLOVEMIA plan. Reafirming it. Renffirming."
    found = misread_words([common, rare])
    assert found == {"Renffirming": "Reaffirming"}  # not the variant, the other form, a word one letter short


def test_a_word_seen_twice_is_not_doubted() -> None:
    """Two scans misreading a word the same way is a word the texts use, not a misreading."""
    assert misread_words(["Reaffirming " * 3, "Renffirming", "Renffirming"]) == {}


def test_misread_words_are_marked_in_the_redline_with_what_they_probably_are() -> None:
    old = read_text_file(GPA / "01-first-draft.txt")
    new = read_text_file(GPA / "03-draft-2010-07-19.txt")
    comparison = compare(old, new, "First draft", "Draft of 19 July 2010")
    misread = misread_in_drafts(old, new)  # two files and nothing else, as `compare` has them
    html = redline_html(comparison, "GPA", {"label": "First draft"}, {"label": "July"}, misread=misread)
    marks = dict(re.findall(r'<span class="ocr" title="probably “(\w+)” misread by the OCR">(\w+)</span>', html))
    assert marks["Reaffirming"] == "Renffirming" and marks["pornography"] == "pomography"
    assert "Reaffirming" not in re.findall(r'class="ocr"[^>]*>(\w+)<', html)  # the right reading is not marked
    word = redline_docx(comparison, old=old, new=new, misread=misread)
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(word)).read("word/document.xml"))
    wavy = ["".join(r.itertext()) for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}u[@{W}val='wave']") is not None]
    assert "Renffirming" in wavy and "pomography" in wavy
    assert "Reaffirming" not in wavy


def test_open_marks_marks_a_misread_word_whole_and_escapes_it() -> None:
    marked = str(open_marks("[Renffirming] Renffirmings <b>", {"Renffirming": "Reaffirming"}))
    assert marked.count('class="ocr"') == 1  # 'Renffirmings' is another word
    assert "&lt;b&gt;" in marked and "[" not in marked.replace('<b class="br">[</b>', "")


def test_a_negotiations_reports_compilation_and_histories_mark_the_same_misreadings(tmp_path: Path) -> None:
    """Judged over the drafts and the inputs as written (a proposal's text made from the draft does not make
    'Renffirming' a word seen many times): the same words marked in every view of the negotiation."""
    from amendtrack import api
    from amendtrack.render.docx import compilation_docx
    from amendtrack.render.html import compilation_html, delegation_report_html, paragraph_history_html
    from amendtrack.report.compilation import compilation_table
    from amendtrack.report.delegation import delegation_report
    from amendtrack.report.history import paragraph_history
    from amendtrack.store.importer import import_path

    url = f"sqlite:///{tmp_path / 'gpa.db'}"
    import_path(GPA, url)
    snap = api.snapshot(url, "gpa-2010")
    misread = snap.misread()
    assert misread["Renffirming"] == "Reaffirming" and misread["eriminal"] == "criminal"

    def marked(html: str) -> set[str]:
        return set(re.findall(r'<span class="ocr" title="probably “\w+” misread by the OCR">(\w+)</span>', html))

    pp4 = snap.tree("first-draft").find("PP4")
    assert "Renffirming" in marked(paragraph_history_html(paragraph_history(snap, pp4.pid, "PP4")))
    table = compilation_table(snap, "first-draft", with_disposition=True)
    in_compilation = marked(compilation_html(table))
    drafts = " ".join(node.text for key, _, _ in snap.drafts for node, _ in snap.tree(key).walk())
    assert {"Renffirming", "pomography"} <= in_compilation  # the draft's
    assert {word for word in in_compilation if word not in drafts}  # and the inputs' as written
    reports = {name: marked(delegation_report_html(delegation_report(snap, name))) for name in ("Belarus", "Japan")}
    assert "Renffirming" in reports["Belarus"] | reports["Japan"]
    shown = set().union(*reports.values(), in_compilation)
    assert shown <= set(misread)  # nothing marked that the negotiation's vocabulary does not doubt
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(compilation_docx(table))).read("word/document.xml"))
    wavy = {"".join(r.itertext()) for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}u[@{W}val='wave']") is not None}
    assert {"Renffirming", "pomography"} <= wavy <= set(misread) | {"™", "¢", "(@)", "@", "®", "©"}
