"""One treaty-like text written as .txt, .md, .html, .docx and .pdf reads into one paragraph tree.

The text is described once (`TREATY`, a list of entries); small writers below turn it into each
format as that format is usually written: typed labels in plain text and Word, ordered lists nested
for sub-paragraphs in Markdown and HTML (with front matter, emphasis, a footnote and a link in the
Markdown, a script in the HTML), and a Word file with a running header and page numbers (once with
typed labels, once with Word's automatic numbering), each also made a PDF by LibreOffice. Every tree
is compared node by node with the plain text's. LibreOffice converts once per module (a second or
two); without it the PDF cases are skipped, saying why.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_fixtures import docx_bytes, el, field, level, numbering, p, run, spaced, start_override, with_page_parts
from lxml import etree

from amendtrack.cli import cli
from amendtrack.model.tree import Draft
from amendtrack.read.files import read_draft_file

TITLE = "Draft agreement on the conservation and sustainable use of transboundary watercourses"
SYMBOL = "FCCC/PA/2015/L.1"
# the typed labels of treaty.docx, and Word numbering in numbered.docx; each .docx as LibreOffice prints it
FORMATS = ["treaty.md", "treaty.html", "treaty.docx", "treaty.pdf", "numbered.docx", "numbered.pdf"]

# (kind, number, text), in document order. Kinds: title, opening, recital, enacting; article (its title
# on the line after the heading) and article_titled (`Article 2 (Purpose)`); chapeau; para, sub and
# item (numbered 1., (a), (i)); option (inside the paragraph before it) and alternative (an option
# standing in its Article, holding the paragraphs after it).
Entry = tuple[str, str, str]
TREATY: list[Entry] = [
    ("title", "", TITLE),
    ("opening", "", "The Parties to this Agreement,"),
    (
        "recital",
        "",
        "Recognizing that transboundary watercourses are shared resources whose conservation and sustainable "
        "use depend on cooperation between the States through which they flow, and on the best available "
        "scientific knowledge of their flows and ecosystems,",
    ),
    (
        "recital",
        "",
        "Recalling the United Nations Framework Convention on Climate Change and the decisions of its "
        "Conference of the Parties [on adaptation [and loss and damage] in river basins], as well as the "
        "relevant regional instruments on shared waters,",
    ),
    (
        "recital",
        "",
        "Affirming that the Parties [shall][should] take into account the needs of downstream communities, "
        "indigenous peoples and the ecosystems that depend on the watercourses when planning works upstream,",
    ),
    ("enacting", "", "Have agreed as follows:"),
    ("article", "1", "Definitions"),
    ("chapeau", "", "For the purposes of this Agreement:"),
    (
        "para",
        "1",
        '"Watercourse" means a system of surface waters and groundwaters constituting by virtue of their '
        "physical relationship a unitary whole and normally flowing into a common terminus;",
    ),
    (
        "para",
        "2",
        '"Transboundary watercourse" means a watercourse parts of which are situated in different States, '
        "including the lakes, wetlands and aquifers connected to it;",
    ),
    (
        "para",
        "3",
        '"Party" means a State or a regional economic integration organization that has consented to be '
        "bound by this Agreement and for which this Agreement is in force;",
    ),
    (
        "para",
        "4",
        '"Significant harm" means harm that is more than trivial and that can be established by objective '
        "evidence, whether it affects human health, industry, agriculture, fisheries, navigation or the "
        "ecosystems of the watercourse.",
    ),
    ("article_titled", "2", "Purpose"),
    ("para", "1", "Collective goal"),
    (
        "option",
        "1",
        "Parties [shall][should] protect and restore the ecological integrity of transboundary watercourses "
        "and manage them in a manner that is equitable, reasonable and sustainable for present and future "
        "generations.",
    ),
    (
        "option",
        "2",
        "Parties shall cooperate, in good faith and on the basis of mutual benefit, to attain the optimal "
        "use and adequate protection of transboundary watercourses.",
    ),
    ("para", "2", "To that end, each Party shall, in accordance with its national circumstances:"),
    (
        "sub",
        "a",
        "monitor the quantity and quality of the waters of the transboundary watercourses in its territory "
        "and keep records of the results;",
    ),
    (
        "sub",
        "b",
        "report to the Conference of the Parties [annually [or biennially]] on the state of those waters, including:",
    ),
    ("item", "i", "on the measures it has taken to prevent, reduce and control pollution that may cause harm;"),
    (
        "sub",
        "c",
        "take all appropriate measures to prevent significant harm to other watercourse States and to the "
        "ecosystems of the watercourse.",
    ),
    (
        "para",
        "3",
        "The Parties shall cooperate in the exchange of data and information on the condition of the "
        "watercourses, including information of a hydrological, meteorological, hydrogeological and "
        "ecological nature, as well as related forecasts.",
    ),
    ("article", "3", "Equitable and reasonable use"),
    (
        "para",
        "1",
        "Each Party shall, in its territory, use a transboundary watercourse in an equitable and reasonable "
        "manner, taking into account the interests of the other Parties concerned and the adequate "
        "protection of the watercourse.",
    ),
    (
        "para",
        "2",
        "Parties shall participate in the use, development and protection of a transboundary watercourse in "
        "an equitable and reasonable manner, which includes both the right to use the watercourse and the "
        "duty to cooperate in its protection and development.",
    ),
    (
        "para",
        "3",
        "In determining what use is equitable and reasonable, all relevant factors and circumstances are to "
        "be considered together and a conclusion reached on the basis of the whole.",
    ),
    (
        "para",
        "4",
        "The weight to be given to each factor is to be determined by its importance in comparison with that "
        "of other relevant factors, and no use of a watercourse enjoys inherent priority over other uses in the "
        "absence of agreement or custom to the contrary.",
    ),
    ("article_titled", "4", "Institutional arrangements"),
    ("alternative", "A", ""),
    (
        "para",
        "1",
        "A joint body for each transboundary watercourse is hereby established, composed of representatives "
        "of the Parties sharing that watercourse, which shall meet at least once a year.",
    ),
    (
        "para",
        "2",
        "The joint body shall collect, compile and evaluate data, draw up joint monitoring programmes and "
        "serve as a forum for the exchange of information on existing and planned uses of water.",
    ),
    ("alternative", "B", ""),
    (
        "para",
        "1",
        "The secretariat established under Article 8 shall serve the Parties sharing a transboundary "
        "watercourse in the functions that a joint body would otherwise perform, within available resources.",
    ),
    ("article", "5", "Prevention of significant harm"),
    (
        "chapeau",
        "",
        "The obligations of this Article apply to planned measures and to existing activities alike.",
    ),
    (
        "para",
        "1",
        "Parties shall, in utilizing a transboundary watercourse in their territories, take all appropriate "
        "measures to prevent the causing of significant harm to other Parties.",
    ),
    (
        "para",
        "2",
        "Where significant harm nevertheless is caused to another Party, the Party whose use causes such harm "
        "shall, in the absence of agreement to such use, take all appropriate measures, in consultation with "
        "the affected Party:",
    ),
    ("sub", "a", "to eliminate or mitigate such harm;"),
    ("sub", "b", "where appropriate, to discuss the question of compensation."),
    (
        "para",
        "3",
        "Each Party shall notify the other Parties concerned in a timely manner of planned measures that may "
        "have a significant adverse effect upon them, with the available technical data and information.",
    ),
    ("article_titled", "6", "Settlement of disputes"),
    (
        "para",
        "1",
        "In the event of a dispute between two or more Parties concerning the interpretation or application "
        "of this Agreement, the Parties concerned shall seek a settlement of the dispute through negotiation "
        "or any other peaceful means of their own choice.",
    ),
    (
        "para",
        "2",
        "If the Parties concerned have not been able to settle their dispute within six months of the request "
        "for negotiation, the dispute shall, at the request of any of them, be submitted to impartial "
        "fact-finding or to conciliation.",
    ),
    (
        "para",
        "3",
        "A Party may declare in writing that it accepts as compulsory the submission of the dispute to the "
        "International Court of Justice or to arbitration in accordance with the procedure adopted by the "
        "Conference of the Parties at its first session.",
    ),
    (
        "para",
        "4",
        "The commission of inquiry or the conciliation commission shall submit its report within twelve months "
        "of its establishment, and the Parties concerned shall consider it in good faith, without prejudice "
        "to their rights under this Agreement.",
    ),
    ("article", "7", "Conference of the Parties"),
    (
        "para",
        "1",
        "A Conference of the Parties is hereby established. Its first session shall be convened by the "
        "secretariat not later than one year after the date of entry into force of this Agreement, and its "
        "ordinary sessions shall be held every two years thereafter.",
    ),
    (
        "para",
        "2",
        "The Conference of the Parties shall keep under continuous review the implementation of this "
        "Agreement and, with this purpose in mind, shall:",
    ),
    (
        "sub",
        "a",
        "review the policies of the Parties and their methodological approaches to the protection and use of "
        "transboundary watercourses, with a view to further improving them;",
    ),
    (
        "sub",
        "b",
        "exchange information regarding experience gained in concluding and implementing bilateral and "
        "multilateral agreements or other arrangements on the watercourses they share;",
    ),
    (
        "sub",
        "c",
        "seek, where appropriate, the services of competent international bodies and scientific committees "
        "on all aspects pertinent to the achievement of the purposes of this Agreement;",
    ),
    (
        "sub",
        "d",
        "consider and adopt proposals for amendments to this Agreement and for its annexes, and take any "
        "additional action that may be required for the achievement of the purposes of this Agreement.",
    ),
    (
        "para",
        "3",
        "The Conference of the Parties shall adopt, by consensus, rules of procedure for itself and for any "
        "subsidiary body it establishes, as well as financial rules governing the funding of the secretariat.",
    ),
    (
        "para",
        "4",
        "Extraordinary sessions of the Conference of the Parties shall be held at such other times as it may "
        "deem necessary, or at the written request of any Party, provided that, within six months of it being "
        "communicated to all Parties, the request is supported by at least one third of the Parties.",
    ),
    ("article_titled", "8", "Secretariat"),
    (
        "para",
        "1",
        "A secretariat is hereby established. It shall convene and prepare the sessions of the Conference of "
        "the Parties and of its subsidiary bodies, and provide them with the services they require.",
    ),
    (
        "para",
        "2",
        "The secretariat shall transmit to the Parties the reports and other information received in "
        "accordance with the provisions of this Agreement, and report on its activities to the Conference of "
        "the Parties at each of its ordinary sessions.",
    ),
    (
        "para",
        "3",
        "The secretariat shall perform such other functions as may be determined by the Conference of the "
        "Parties, including functions entrusted to it under Article 4, within available resources.",
    ),
    (
        "para",
        "4",
        "The head of the secretariat shall be appointed by the Conference of the Parties for a term of four "
        "years, renewable once, and shall report to it on the administration of the secretariat and on the "
        "use of the resources placed at its disposal.",
    ),
]


# --- writers ---------------------------------------------------------------------------------------------


def write_txt(entries: list[Entry]) -> str:
    """Typed labels, a blank line between blocks, each heading on its own line."""
    blocks = []
    for kind, num, text in entries:
        if kind == "article":
            blocks.append(f"Article {num}\n{text}")
        elif kind == "article_titled":
            blocks.append(f"Article {num} ({text})")
        elif kind in ("option", "alternative"):
            blocks.append(f"Option {num}: {text}".rstrip())
        else:
            blocks.append(f"{_typed(kind, num)}{text}")
    return "\n\n".join(blocks) + "\n"


def _typed(kind: str, num: str) -> str:
    return {"para": f"{num}. ", "sub": f"({num}) ", "item": f"({num}) "}.get(kind, "")


CITED_WORDS = "Climate Change"  # the Markdown's footnote is cited after these words, the link is on them


def write_md(entries: list[Entry]) -> str:
    """Front matter, `#`/`##` headings, emphasised recital openings, nested ordered lists, bold options,
    a footnote and a reference link."""
    out = ["---", "title: Rivers draft", "version: 2", "---", ""]
    for kind, num, text in entries:
        if kind == "title":
            out.append(f"# {text}")
        elif kind == "recital":
            first, rest = text.split(" ", 1)
            rest = rest.replace(CITED_WORDS, f"[{CITED_WORDS}][unfccc][^1]", 1)
            out.append(f"*{first}* {rest}")
        elif kind == "article":
            out += [f"## Article {num}", "", text]
        elif kind == "article_titled":
            out.append(f"## Article {num} ({text})")
        elif kind == "para":
            out.append(f"{num}. {text}")
        elif kind == "sub":
            out.append(f"   {ord(num) - ord('a') + 1}. {text}")  # a list in the item: its 1, 2 print (a), (b)
        elif kind == "item":
            out.append(f"      1. {text}")
        elif kind == "option":
            out.append(f"   **Option {num}:** {text}")  # indented: the paragraph's own content
        elif kind == "alternative":
            out.append(f"**Option {num}:**")
        else:
            out.append(text)
        out.append("")
    out += ["[^1]: FCCC/INFORMAL/84, signed in New York on 9 May 1992.", "", "[unfccc]: https://unfccc.int/", ""]
    return "\n".join(out)


def write_html(entries: list[Entry]) -> str:
    """`<h1>`/`<h2>` headings, `<ol>` paragraphs with `<ol type="a">` and `<ol type="i">` nested, `<p>` else,
    a script in the head and one in the body."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Rivers draft</title>',
        "<script>var heading = 'Article 99';</script></head><body>",
    ]
    open_lists: list[str] = []  # the lists open, outermost first; each holds an open <li>

    def close_to(depth: int) -> None:
        while len(open_lists) > depth:
            open_lists.pop()
            out.append("</li></ol>")

    def item(depth: int, list_tag: str, text: str) -> None:
        close_to(depth)
        if len(open_lists) < depth:
            open_lists.append(list_tag)
            out.append(list_tag)
        else:
            out.append("</li>")
        out.append(f"<li>{html.escape(text)}")

    for kind, num, text in entries:
        if kind == "para":
            item(1, "<ol>", text)
        elif kind == "sub":
            item(2, '<ol type="a">', text)
        elif kind == "item":
            item(3, '<ol type="i">', text)
        elif kind == "option":
            close_to(1)
            out.append(f"<p>Option {num}: {html.escape(text)}</p>")
        else:
            close_to(0)
            if kind == "title":
                out.append(f"<h1>{html.escape(text)}</h1>")
            elif kind == "article":
                out.append(f"<h2>Article {num}</h2>\n<p>{html.escape(text)}</p>")
            elif kind == "article_titled":
                out.append(f"<h2>Article {num} ({html.escape(text)})</h2>")
            elif kind == "alternative":
                out.append(f"<p>Option {num}:</p>")
            else:
                out.append(f"<p>{html.escape(text)}</p>")
            if kind == "enacting":
                out.append("<script>document.write('<p>1. A paragraph no reader may see.</p>');</script>")
    close_to(0)
    out.append("</body></html>")
    return "\n".join(out)


def bold(text: str, size: int | None = None) -> etree._Element:
    r = run(text)
    rpr = el("rPr", el("b"))
    if size:
        rpr.append(el("sz", val=size * 2))
    r.insert(0, rpr)
    return r


def write_docx(entries: list[Entry], automatic: bool = False) -> bytes:
    """One Word paragraph per block, headings in bold, 6 pt after each paragraph; a running header with the
    document's symbol and the page number in the footer (read by LibreOffice for the PDF).

    Labels are typed, or with `automatic` made by Word numbering ('%1.', '(%2)', '(%3)'), each Article and
    each option standing in one restarting it (a numbering instance of its own, started at 1).
    """
    body = []
    restarts = 0  # numbering instances: one per Article and per option holding paragraphs
    for kind, num, text in entries:
        restarts += kind in ("article", "article_titled", "alternative")
        if kind == "title":
            body.append(spaced(p(bold(text, size=14), style="Title"), after=240))
        elif kind == "article":
            body += [spaced(p(bold(f"Article {num}"))), spaced(p(bold(text)))]
        elif kind == "article_titled":
            body.append(spaced(p(bold(f"Article {num} ({text})"))))
        elif kind in ("option", "alternative"):
            body.append(spaced(p(f"Option {num}: {text}".rstrip())))
        elif automatic and kind in AUTO_LEVEL:
            body.append(spaced(p(text, num=(restarts, AUTO_LEVEL[kind]))))
        else:
            body.append(spaced(p(f"{_typed(kind, num)}{text}")))
    levels = [level(0, "decimal", "%1."), level(1, "lowerLetter", "(%2)"), level(2, "lowerRoman", "(%3)")]
    instances = range(1, restarts + 1)
    numbering_xml = numbering({1: levels}, dict.fromkeys(instances, 1), {k: [start_override(0, 1)] for k in instances})
    footer = [p("- ", *field("PAGE", "1"), " -")]
    data = docx_bytes(body, numbering_xml=numbering_xml if automatic else None)
    return with_page_parts(data, header=[p(SYMBOL)], footer=footer)


AUTO_LEVEL = {"para": 0, "sub": 1, "item": 2}


# --- the lost Articles: headed "1. Definitions" without the word -------------------------------------------

LOST_PREAMBLE = ["The Parties to this Agreement,", "Recalling the Convention,", "Have agreed as follows:"]
LOST_ARTICLES = [
    ("Definitions", ["Terms have the meaning the Convention gives them.", "Other terms are defined here."]),
    ("Purpose", ["This Agreement protects rivers.", "It promotes cooperation between the Parties."]),
    ("Institutions", ["A committee is established.", "The secretariat serves the committee."]),
]


def lost_md() -> str:
    out = [*LOST_PREAMBLE]
    for k, (title, paras) in enumerate(LOST_ARTICLES, start=1):
        out += [f"## {k}. {title}", *(f"{n}. {text}" for n, text in enumerate(paras, start=1))]
    return "\n\n".join(out) + "\n"


def lost_docx() -> bytes:
    body = [spaced(p(text)) for text in LOST_PREAMBLE]
    for k, (title, paras) in enumerate(LOST_ARTICLES, start=1):
        body.append(spaced(p(bold(f"{k}. {title}"))))
        body += [spaced(p(f"{n}. {text}")) for n, text in enumerate(paras, start=1)]
    return with_page_parts(docx_bytes(body), footer=[p(*field("PAGE", "1"))])


# --- the files -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every file by its name: the treaty in every format, the lost Articles; the PDFs made by LibreOffice
    in one run (absent when it is not installed)."""
    folder = tmp_path_factory.mktemp("formats")
    written: dict[str, str | bytes] = {
        "treaty.txt": write_txt(TREATY),
        "treaty.md": write_md(TREATY),
        "treaty.html": write_html(TREATY),
        "treaty.docx": write_docx(TREATY),
        "numbered.docx": write_docx(TREATY, automatic=True),
        "lost.md": lost_md(),
        "lost.docx": lost_docx(),
    }
    for name, content in written.items():
        if isinstance(content, str):
            (folder / name).write_text(content, encoding="utf-8")
        else:
            (folder / name).write_bytes(content)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is not None:
        profile = f"-env:UserInstallation=file://{folder / 'profile'}"  # its own profile: no clash with another
        words = [name for name in written if name.endswith(".docx")]
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *words],
            cwd=folder, check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    return {path.name: path for path in folder.iterdir() if path.is_file()}


def path_of(files: dict[str, Path], name: str) -> Path:
    """The file of that name; a PDF LibreOffice did not make skips the test, saying why."""
    if name not in files:
        if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
            pytest.skip("LibreOffice (soffice) is not installed: it makes the PDFs these cases read")
        pytest.skip(f"LibreOffice made no {name}")
    return files[name]


def shape(draft: Draft) -> list[tuple]:
    """Every node in document order as compared across formats."""
    return [
        (
            node.kind,
            node.label,
            node.eid,
            " ".join(node.text.split()),
            len(node.children),
            [(b.text, b.depth, b.group is None) for b in node.brackets],
        )
        for node, _ in draft.walk()
    ]


@pytest.fixture(scope="module")
def expected(files: dict[str, Path]) -> list[tuple]:
    return shape(read_draft_file(files["treaty.txt"]))


# --- the plain text, read as written -----------------------------------------------------------------------


def test_the_plain_text_reads_as_written(expected: list[tuple], files: dict[str, Path]) -> None:
    draft = read_draft_file(files["treaty.txt"])
    assert draft.preface == [TITLE]
    top = [(n.kind, n.label) for n in draft.paragraphs]
    assert top == [
        ("chapeau", "Preamble"),
        ("preamble", "PP1"),
        ("preamble", "PP2"),
        ("preamble", "PP3"),
        ("chapeau", "Enacting formula"),
        *[("article", f"Article {k}") for k in range(1, 9)],
    ]
    rows = {label: (kind, eid, text, children) for kind, label, eid, text, children, _ in expected}
    assert rows["Article 1"][2] == "Definitions" and rows["Article 2"][2] == "Purpose"
    assert rows["Article 1 chapeau"][:2] == ("chapeau", "art_1__intro")
    assert rows["2.1 options"][1:] == ("art_2__para_1__alt_1", "", 2)
    assert rows["2.2(b)(i)"][:2] == ("item", "art_2__para_2__subpara_b__point_i")
    assert rows["2.3"][3] == 0  # the group ended with paragraph 1
    assert rows["Article 4 options"][3] == 2
    assert rows["Article 4 Option A"][3] == 2 and rows["Article 4 Option B"][3] == 1
    assert rows["4.1 (Option B)"][1] == "art_4__alt_1__opt_b__para_1"
    assert rows["Article 5 chapeau"][0] == "chapeau"
    brackets = {label: found for _, label, _, _, _, found in expected if found}
    assert brackets["PP2"] == [
        ("[on adaptation [and loss and damage] in river basins]", 1, True),
        ("[and loss and damage]", 2, True),
    ]
    assert brackets["PP3"] == [("[shall]", 1, False), ("[should]", 1, False)]
    assert len(expected) == 60  # 58 blocks after the title, and the two option groups


# --- every format against the plain text -----------------------------------------------------------------


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_reads_into_the_plain_texts_tree(name: str, files: dict[str, Path], expected: list[tuple]) -> None:
    draft = read_draft_file(path_of(files, name))
    got = shape(draft)
    for k, (mine, theirs) in enumerate(zip(got, expected, strict=False)):
        assert mine == theirs, f"node {k} of the {name} tree differs from the text's"
    assert len(got) == len(expected)
    assert draft.preface == [TITLE]
    texts = " ".join(node.text for node, _ in draft.walk())
    for leaked in (TITLE, SYMBOL, "Rivers draft", "Article 99", "no reader may see", "FCCC/INFORMAL"):
        assert leaked not in texts, f"{leaked!r} leaked into the {name} body"


def test_the_markdown_footnote_is_a_marker_of_the_recital_citing_it(files: dict[str, Path]) -> None:
    draft = read_draft_file(files["treaty.md"])
    recital = draft.find("PP2")
    assert recital is not None
    assert [m.text for m in recital.markers if m.kind == "footnote"] == [
        "FCCC/INFORMAL/84, signed in New York on 9 May 1992."
    ]


def test_the_pdf_runs_over_three_pages(files: dict[str, Path]) -> None:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("poppler-utils (pdfinfo) is not installed")
    out = subprocess.run(
        [pdfinfo, str(path_of(files, "treaty.pdf"))], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
    assert pages > 3


# --- Articles without the word "Article": a warning on import -------------------------------------------------


@pytest.mark.parametrize("name", ["lost.md", "lost.pdf"])
def test_articles_headed_without_their_word_are_warned_about_on_import(
    name: str, files: dict[str, Path], tmp_path: Path
) -> None:
    path = path_of(files, name)
    db = f"sqlite:///{tmp_path / 'a.db'}"
    result = CliRunner().invoke(cli, ["--db", db, "import", str(path), "--negotiation", "n"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("amendtrack: warning:")]
    assert any(f"{path.name}: the numbering restarts at 1" in line for line in warnings), result.stderr
