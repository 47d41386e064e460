"""The PDF front-end: Word files made here, turned into PDF by LibreOffice, read back as the paragraphs written.

LibreOffice (`soffice`) converts every .docx once per module (a few seconds); without it those
cases are skipped. Small PDFs with text at exact positions (hyphenation, page numbers, a scan) are
written by hand below, so no binary file is committed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_fixtures import docx_bytes, el, field, p, run, spaced, with_page_parts
from hostile_corpus import flate_pdf, pdf_bytes
from lxml import etree

from amendtrack.errors import InputError
from amendtrack.read.structure import pdf as pdf_module
from amendtrack.read.structure.pdf import pdf_blocks

SYMBOL = "FCCC/CP/2015/L.9"
ENCRYPT = (
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
    '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
)


def styled(text: str, bold: bool = False, size: int | None = None) -> etree._Element:
    """A run in bold and/or a size in points."""
    r = run(text)
    rpr = el("rPr")
    if bold:
        rpr.append(el("b"))
    if size:
        rpr.append(el("sz", val=size * 2))
    r.insert(0, rpr)
    return r


def treaty_paragraphs(articles: int) -> list[tuple[str, str]]:
    """(kind, text) of a treaty-like text: a title, the preamble, then articles of numbered paragraphs."""
    paras = [
        ("title", "Paris Agreement"),
        ("", "The Parties to this Agreement,"),
        (
            "",
            "Recognizing the need for an effective and progressive response to the urgent threat of climate "
            "change on the basis of the best available scientific knowledge,",
        ),
        (
            "",
            "Acknowledging that climate change is a common concern of humankind, Parties should, when taking "
            "action to address climate change, respect, promote and consider their respective obligations on "
            "human rights,",
        ),
        ("", "Have agreed as follows:"),
    ]
    for a in range(1, articles + 1):
        paras += [("bold", f"Article {a}"), ("bold", f"Mitigation and adaptation under article {a}")]
        paras.append(
            (
                "",
                f"1. Each Party shall prepare, communicate and maintain successive nationally determined "
                f"contributions that it intends to achieve under article {a}. Parties shall pursue domestic "
                "mitigation measures, with the aim of achieving the objectives of such contributions:",
            )
        )
        paras.append(("", "(a) Holding the increase in the global average temperature to well below 2 °C;"))
        paras.append(("", "(b) Increasing the ability to adapt to the adverse impacts of climate change; and"))
        paras.append(
            (
                "",
                "2. Each Party's successive nationally determined contribution will represent a progression "
                "beyond the Party's then current contribution and reflect its highest possible ambition.",
            )
        )
    return paras


def treaty_docx(paras: list[tuple[str, str]], header: list[etree._Element], footer: list[etree._Element]) -> bytes:
    body = []
    for kind, text in paras:
        if kind == "title":
            body.append(spaced(p(styled(text, bold=True, size=16)), after=240))
        elif kind == "bold":
            body.append(spaced(p(styled(text, bold=True))))
        else:
            body.append(spaced(p(text)))
    return with_page_parts(docx_bytes(body), header=header, footer=footer)


def columns_paragraphs() -> list[str]:
    return [
        "The General Assembly,",
        "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world”,",
        "Noting with concern that progress towards the Goals is uneven across regions,",
        "1. Decides to convene a high-level meeting on the review of the implementation of the present "
        "resolution in 2027;",
        "2. Requests the Secretary-General to submit a report on the implementation of the present "
        "resolution to the General Assembly at its eighty-second session;",
        "(a) An assessment of progress, gaps and challenges at the national and regional levels;",
        "(b) Recommendations on the way forward, including on financing and the means of implementation;",
        "3. Invites Member States and all relevant stakeholders to contribute to the review;",
        "4. Decides to include in the provisional agenda of its eighty-second session the item entitled "
        "“Follow-up to the outcome of the high-level meeting”.",
    ] * 2


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test .docx files as PDFs made by LibreOffice, converted in one run (and one more for the encrypted one)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: it makes the PDFs these cases read")
    folder = tmp_path_factory.mktemp("pdf")
    dashed = [p("- ", *field("PAGE", "1"), " -")]
    (folder / "treaty.docx").write_bytes(treaty_docx(treaty_paragraphs(9), [p(SYMBOL)], dashed))
    (folder / "short.docx").write_bytes(
        treaty_docx(treaty_paragraphs(4), [p(SYMBOL + " ", *field("PAGE", "1"))], [p("GE.15-21932")])
    )
    columns_body = [spaced(p(text)) for text in columns_paragraphs()]
    columns = with_page_parts(docx_bytes(columns_body), footer=[p(*field("PAGE", "1"))], columns=2)
    (folder / "columns.docx").write_bytes(columns)
    (folder / "secret.docx").write_bytes(docx_bytes([p("A text no one may read without the password.")]))
    profile = f"-env:UserInstallation=file://{folder / 'profile'}"  # its own profile: no clash with another soffice
    names = ["treaty.docx", "short.docx", "columns.docx"]
    for target, files in (("pdf", names), (ENCRYPT, ["secret.docx"])):
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", target, "--outdir", str(folder), *files],
            cwd=folder, check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    pdfs = {name: folder / f"{name}.pdf" for name in ("treaty", "short", "columns", "secret")}
    missing = [name for name, path in pdfs.items() if not path.exists()]
    if missing:
        pytest.skip(f"LibreOffice made no PDF of {missing}")
    return pdfs


def pages_of(path: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("poppler-utils (pdfinfo) is not installed")
    out = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


# --- documents made by LibreOffice ---------------------------------------------------------------------------


def test_treaty_reads_as_the_paragraphs_written(converted: dict[str, Path]) -> None:
    assert pages_of(converted["treaty"]) >= 3
    blocks = pdf_blocks(converted["treaty"])
    paras = treaty_paragraphs(9)
    assert [b.text for b in blocks] == [text for _, text in paras]
    assert not any(SYMBOL in b.text or b.text.strip("- ").isdigit() for b in blocks)
    assert blocks[0].line == 1
    assert [b.line for b in blocks] == sorted({b.line for b in blocks})  # rising, one per block
    headings = [b.heading for b in blocks]
    assert headings == [1 if kind == "title" else 2 if kind == "bold" else 0 for kind, _ in paras]


def test_two_page_document_drops_its_running_head_and_footer(converted: dict[str, Path]) -> None:
    """On two pages a running head recurs on every page: 'FCCC/CP/2015/L.9 2' with the page number at its end."""
    assert pages_of(converted["short"]) == 2
    texts = [b.text for b in pdf_blocks(converted["short"])]
    assert texts == [text for _, text in treaty_paragraphs(4)]


def test_two_columns_read_left_column_then_right(converted: dict[str, Path]) -> None:
    assert pages_of(converted["columns"]) == 1
    assert [b.text for b in pdf_blocks(converted["columns"])] == columns_paragraphs()


def test_encrypted_pdf_refused_in_one_line(converted: dict[str, Path]) -> None:
    with pytest.raises(InputError) as caught:
        pdf_blocks(converted["secret"])
    message = str(caught.value)
    assert message.startswith(str(converted["secret"])) and "encrypted" in message and "\n" not in message


def test_page_limit(converted: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PDF_PAGES", 2)
    with pytest.raises(InputError, match="too many pages: more than 2"):
        pdf_blocks(converted["treaty"])


# --- PDFs written by hand --------------------------------------------------------------------------------------

Text = tuple  # left, top (points from the page's top), text (a "*" first: bold), optionally its size


def handmade(pages: list[list[Text]], size: float = 11, image: bool = False) -> bytes:
    """A PDF in Helvetica (no font embedded) with text at those places, or a page-filling image and no text.

    A line longer than 70% of the width between its left margin and the same margin on the right is
    justified to fill it; shorter ones end a paragraph.
    """
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    fonts = b"<< /F1 3 0 R /F2 4 0 R >>"
    objects += [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 4 >>\nstream\n\x10\x80\x80\x10\nendstream",
    ]
    kids = []
    for texts in pages:
        ops = [b"q 500 0 0 700 50 70 cm /Im1 Do Q"] if image else []
        for x, top, text, *sized in texts:
            font = b"/F2" if text.startswith("*") else b"/F1"
            points = sized[0] if sized else size
            body = text.lstrip("*").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
            y = 842 - top - points * 0.8
            spacing = justified(text.lstrip("*"), points, 595 - 2 * x)
            ops.append(b"BT %s %g Tf %g Tw 1 0 0 1 %g %g Tm (%s) Tj ET" % (font, points, spacing, x, y, body))
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font %s /XObject << /Im1 5 0 R >> >> >>" % (len(objects), fonts)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf_bytes(objects)


def justified(text: str, size: float, width: float) -> float:
    """The word spacing that makes a line of Helvetica fill `width`, as justified text does; 0 for a short line."""
    from pdfminer.fontmetrics import FONT_METRICS

    natural = sum(FONT_METRICS["Helvetica"][1].get(char, 556) for char in text) * size / 1000
    spaces = text.count(" ")
    return (width - natural) / spaces if spaces and 0.7 * width < natural < width else 0


def body(top: float, lines: list[str], pitch: float = 14) -> list[Text]:
    return [(72, top + k * pitch, line) for k, line in enumerate(lines)]


def test_two_pages_by_hand_hyphens_labels_and_page_numbers(tmp_path: Path) -> None:
    """Hyphenated line ends, labels mid-sentence, a paragraph running on to the next page, page numbers."""
    first = [
        "1. Reaffirms the right of all peoples to self-determination and decides to nego-",
        "tiate a binding instrument on the matter, in accordance with the provisions of",
        "Article 4 of the Charter and the relevant resolutions of the General Assembly;",
        "2. Requests the Secretary-General to report at its fifty-seventh session, taking",
        "into account the principle of equal rights of peoples and of their self-",
        "determination, and to submit the report to the Council, acting in accordance",
        "with the practice of the Human Rights Council and the views of all its member",
    ]
    second = [
        "States, without delay;",
        "(a) The views of States;",
        "(b) The views of civil society, to be collected and reported on a regular basis; and",
        "Option 1: Decides to remain seized of the matter.",
    ]
    page1 = [(72, 40, "A/HRC/55/L.1"), (72, 70, "*Draft resolution on cooperation"), *body(100, first)]
    page2 = [(72, 40, "2 A/HRC/55/L.1"), *body(100, second)]
    page1.append((280, 800, "- 1 -"))
    page2.append((280, 800, "- 2 -"))
    path = tmp_path / "handmade.pdf"
    path.write_bytes(handmade([page1, page2]))
    blocks = pdf_blocks(path)
    assert [(b.text, b.line, b.heading) for b in blocks] == [
        ("Draft resolution on cooperation", 1, 2),
        (
            "1. Reaffirms the right of all peoples to self-determination and decides to negotiate a binding "
            "instrument on the matter, in accordance with the provisions of Article 4 of the Charter and the "
            "relevant resolutions of the General Assembly;",
            2,
            0,
        ),
        (
            "2. Requests the Secretary-General to report at its fifty-seventh session, taking into account the "
            "principle of equal rights of peoples and of their self-determination, and to submit the report to the "
            "Council, acting in accordance with the practice of the Human Rights Council and the views of all its "
            "member States, without delay;",
            5,
            0,
        ),
        ("(a) The views of States;", 10, 0),
        ("(b) The views of civil society, to be collected and reported on a regular basis; and", 11, 0),
        ("Option 1: Decides to remain seized of the matter.", 12, 0),
    ]


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space(tmp_path: Path) -> None:
    """'gender-' / 'and age-sensitive': the hyphen of a suspended compound, not a word cut in two."""
    lines = [
        "4. States parties should adopt comprehensive policies that are human rights-based, gender-",
        "and age-sensitive, and take into account the short- to medium-term needs of victims and pre-",
        "or post-trial support, as appropriate.",
    ]
    path = tmp_path / "suspended.pdf"
    path.write_bytes(handmade([body(100, lines)]))
    assert [b.text for b in pdf_blocks(path)] == [
        "4. States parties should adopt comprehensive policies that are human rights-based, gender- and "
        "age-sensitive, and take into account the short- to medium-term needs of victims and pre- or "
        "post-trial support, as appropriate."
    ]


def test_a_number_wrapped_to_a_line_start_after_and_carries_the_paragraph_on(tmp_path: Path) -> None:
    """'… under Articles 9, 10 and' / '11.': the number ends paragraph 80, it opens no paragraph 11 (LibreOffice
    wrapped it so in a decision of the Paris paragraphs; '; and' before '(b)' still ends a list's item)."""
    lines = [
        "80. Developed country Parties shall, and other Parties that provide support should,",
        "provide information on financial, technology transfer and capacity-building",
        "support provided to developing country Parties under Articles 9, 10 and",
        "11.",
        "81. Developing country Parties should provide information on support needed and",
        "received under Articles 9, 10 and 11.",
    ]
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(handmade([body(100, lines)]))
    assert [b.text[:4] for b in pdf_blocks(path)] == ["80. ", "81. "]
    assert pdf_blocks(path)[0].text.endswith("under Articles 9, 10 and 11.")


@pytest.mark.parametrize(
    "lines",
    [
        [
            "Recalling its decisions on the Durban Platform for Enhanced Action and on the",
            "arrangements for technology transfer, finance and for capacity-building,",
            "1. Decides to act on the matters set out in the present decision without delay;",
        ],
        [
            "1. Decides that Parties shall report the information referred to in paragraph 3 by:",
            "(a) Submitting their first biennial transparency reports and national communications;3 and",
            "(b) Updating them every two years thereafter, in accordance with decision 18/CMA.1.",
        ],
        [
            "1. Decides to invite the following States to participate in the first meeting of the",
            "Working Group, in the order their applications were received: 1. Austria, 2. Chile,",
            "2. Requests the secretariat to transmit the invitations to those States in good time.",
        ],
    ],
    ids=["a recital ending in a comma", "a footnote mark before 'and'", "a list ending in a comma"],
)
def test_a_label_after_a_full_line_that_ends_a_clause_opens_its_own_block(tmp_path: Path, lines: list[str]) -> None:
    """Only a series of numbers carries on over a label-like line ('9, 10 and' / '11.'): after a comma, a
    footnote mark and 'and', the label opens the next recital, paragraph or item (found by the review)."""
    path = tmp_path / "clauses.pdf"
    path.write_bytes(handmade([body(100, lines)]))
    blocks = pdf_blocks(path)
    assert blocks[-1].text == lines[-1]
    assert len(blocks) == (3 if lines[1].startswith("(a)") else 2)


@pytest.mark.parametrize("number", ["Page {n} of 2", "{n}/2", "{n}", "- {n} -"])
def test_page_number_lines_dropped(tmp_path: Path, number: str) -> None:
    pages = [[(72, 100, f"Paragraph on page {n}."), (280, 800, number.format(n=n))] for n in (1, 2)]
    path = tmp_path / "numbers.pdf"
    path.write_bytes(handmade(pages))
    assert [b.text for b in pdf_blocks(path)] == ["Paragraph on page 1.", "Paragraph on page 2."]


def test_repeated_footer_kept_apart_from_numbered_headings(tmp_path: Path) -> None:
    """A footer ending in a fixed number is a running one; "Article 3", "Article 5" atop pages are no running head."""
    pages = [
        [(72, 70, f"*Article {n}"), (72, 100, f"The text of article {n}."), (72, 800, "Agenda item 3")]
        for n in (1, 3, 5, 7)
    ]
    path = tmp_path / "articles.pdf"
    path.write_bytes(handmade(pages))
    blocks = pdf_blocks(path)
    assert [b.text for b in blocks] == [
        text for n in (1, 3, 5, 7) for text in (f"Article {n}", f"The text of article {n}.")
    ]
    assert [b.heading for b in blocks] == [2, 0] * 4


def test_larger_font_is_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "sizes.pdf"
    lines = [
        "The body of the text, set in the usual size of the document, running on from this",
        "line to a second line.",
        "Another paragraph.",
    ]
    path.write_bytes(handmade([[(72, 60, "Annex", 16), *body(100, lines)]]))
    assert [(b.text, b.heading) for b in pdf_blocks(path)] == [
        ("Annex", 1),
        (f"{lines[0]} {lines[1]}", 0),
        (lines[2], 0),
    ]


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(handmade([[], []], image=True))
    with pytest.raises(InputError, match="no text layer .*ocrmypdf") as caught:
        pdf_blocks(path)
    assert "\n" not in str(caught.value)


def test_mostly_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(handmade([[(72, 100, "Cover page")], [], []], image=True))
    with pytest.raises(InputError, match=r"only 1 of 3 pages with text"):
        pdf_blocks(path)


@pytest.mark.parametrize(
    "data, reason",
    [
        (bytes(range(256)) * 40, "not a PDF file"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 40, "malformed PDF"),
        (b"", "not a PDF file"),
    ],
)
def test_garbage_refused_in_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        pdf_blocks(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {reason}") and "\n" not in message


def test_truncated_pdf_refused_in_one_line(tmp_path: Path) -> None:
    whole = handmade([body(100, ["A paragraph that is cut short."])])
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    try:
        blocks = pdf_blocks(path)  # pdfminer may rebuild the cross-reference table and read what is left
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(isinstance(b.text, str) for b in blocks)


def test_size_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(handmade([body(100, ["Some text."])]))
    monkeypatch.setattr(pdf_module, "MAX_PDF_BYTES", 100)
    with pytest.raises(InputError, match="file too large"):
        pdf_blocks(path)


def test_a_stream_that_expands_beyond_the_bound_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = b"BT /F1 11 Tf 72 700 Td (The Parties to this Agreement,) Tj ET\n"
    path = tmp_path / "bomb.pdf"
    path.write_bytes(flate_pdf(text + b" " * (3 * 1024 * 1024)))  # 3 MiB of spaces in about 3 KiB
    assert path.stat().st_size < 10_000
    assert [b.text for b in pdf_blocks(path)] == ["The Parties to this Agreement,"]  # within the bound: read
    monkeypatch.setattr(pdf_module, "MAX_STREAM_BYTES", 1024 * 1024)
    with pytest.raises(InputError, match="expands beyond 1 MiB") as caught:
        pdf_blocks(path)
    assert "\n" not in str(caught.value) and "bomb.pdf" in str(caught.value)
