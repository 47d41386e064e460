"""The Word reader: drafts with automatic numbering, tracked changes as proposals, compilation tables, hostile files.

Every .docx here is built by `docx_fixtures` from Python data (or by amendtrack's own writer).
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_fixtures import (
    W,
    comment_end,
    comment_start,
    dele,
    docx_bytes,
    draft_docx,
    field,
    footnote_ref,
    hyperlink,
    ins,
    level,
    move_from,
    move_to,
    numbering,
    p,
    simple_field,
    start_override,
    table,
    write_docx,
)
from lxml import etree

from amendtrack.cli import cli
from amendtrack.errors import InputError
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Edit, Proposal
from amendtrack.model.tree import Draft
from amendtrack.read.text import read_draft_text, read_text_file
from amendtrack.read.word import (
    WordSponsor,
    docx_inputs_kind,
    read_author_map,
    read_docx_compilation,
    read_docx_draft,
    read_docx_proposals,
)
from amendtrack.read.word.document import WordDocument

DATA = Path(__file__).resolve().parent.parent / "data" / "drafts"
GPA = DATA / "gpa-2010"
REGISTRY = Registry.load()


def shape(draft: Draft) -> list[tuple[str, str, str, str, str | None]]:
    """Label, kind, text, eId and parent eId of every node: what 'the same tree' means here."""
    return [(n.label, n.kind, n.text, n.eid, parent.eid if parent else None) for n, parent in draft.walk()]


# --- drafts ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def first_draft() -> Draft:
    return read_text_file(GPA / "01-first-draft.txt")


@pytest.mark.parametrize("automatic", [False, True], ids=["typed labels", "automatic numbering"])
def test_the_gpa_first_draft_in_word_reads_back_into_the_same_tree(
    first_draft: Draft, tmp_path: Path, automatic: bool
) -> None:
    path = tmp_path / "first.docx"
    path.write_bytes(draft_docx(first_draft, automatic=automatic))
    if automatic:  # the labels really are Word's: not one of them is in the text
        document = zipfile.ZipFile(path).read("word/document.xml").decode()
        assert "Guided by the purposes" in document and "PP1." not in document and "45." not in document
    read = read_docx_draft(path)
    assert shape(read) == shape(first_draft)
    assert read.preface == first_draft.preface
    assert len(shape(read)) == 106


NUMBERED = numbering(
    {
        1: [level(0, "decimal", "%1."), level(1, "lowerLetter", "(%2)"), level(2, "lowerRoman", "%3.")],
        2: [level(0, "upperRoman", "%1.")],
    },
    {1: 1, 2: 1, 3: 2},
    {2: [start_override(0, 1)]},
)


def numbered_draft() -> list[etree._Element]:
    """Operative paragraphs and (a), (b) at a second level, the annex restarting at 1, Roman sections."""
    return [
        p("Draft resolution", style="Title"),
        p("The General Assembly,"),
        p("PP.1 Guided by the Charter of the United Nations,"),
        p("PP.2 Reaffirming its commitment to end trafficking in persons,", footnote_ref(1)),
        p("Adopts the Plan of Action annexed to the present resolution;", num=(1, 0)),
        p("Decides to take the following steps:", num=(1, 0)),
        p("To launch the Plan of Action in ", simple_field("DATE", "2010"), ";", num=(1, 1)),
        p("To report on the ", hyperlink("implementation of the Plan"), ";", num=(1, 1)),
        p("Requests the Secretary-General to report on the present resolution.", num=(1, 0)),
        p("ANNEX"),
        p("We, the States Members of the United Nations, reaffirm our commitment:"),
        p("Preventing trafficking in persons", num=(3, 0), style="Heading1"),
        p("Condemning trafficking in persons in all its forms;", num=(2, 0)),
        p("Taking urgent action to ", *field("REF bookmark1", "prevent"), " trafficking:", num=(2, 0)),
        p("by raising awareness;", num=(2, 1)),
        p("by addressing its root causes;", num=(2, 1)),
        p("Protecting victims of trafficking", num=(3, 0), style="Heading1"),
        p("Protecting the privacy of victims;", num=(2, 0)),
        p("3bis. Providing shelters to victims;"),
    ]


def test_automatic_numbering_gives_labels_at_two_levels_with_restarts_and_overrides(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "numbered.docx", numbered_draft(), numbering_xml=NUMBERED, footnotes={1: "A/RES/64/178."}
    )
    draft = read_docx_draft(path)
    labels = [(n.label, n.kind, n.num) for n, _ in draft.walk()]
    assert labels == [
        ("PP1", "preamble", "PP.1"),
        ("PP2", "preamble", "PP.2"),
        ("OP1", "operative", "1."),
        ("OP2", "operative", "2."),
        ("OP2(a)", "subparagraph", "(a)"),
        ("OP2(b)", "subparagraph", "(b)"),
        ("OP3", "operative", "3."),
        ("Annex", "heading", "ANNEX"),
        ("Chapeau", "chapeau", None),
        ("I", "heading", "I"),
        ("1", "operative", "1."),  # the annex's list restarts (w:startOverride)
        ("2", "operative", "2."),
        ("2(a)", "subparagraph", "(a)"),  # the second level restarts under each paragraph
        ("2(b)", "subparagraph", "(b)"),
        ("II", "heading", "II"),
        ("3", "operative", "3."),  # numbering runs on across sections
        ("3bis", "operative", "3bis."),  # a typed label
    ]
    assert draft.preface == ["Draft resolution", "The General Assembly,"]
    texts = {n.label: n.text for n, _ in draft.walk()}
    assert texts["OP2(a)"] == "To launch the Plan of Action in 2010;"  # a simple field is its result
    assert texts["OP2(b)"] == "To report on the implementation of the Plan;"  # a hyperlink is its text
    assert texts["2"] == "Taking urgent action to prevent trafficking:"  # field code left out, result kept
    assert texts["I"] == "Preventing trafficking in persons"
    pp2 = draft.find("PP2")
    assert pp2.text == "Reaffirming its commitment to end trafficking in persons,"  # the reference is no text
    assert [(m.kind, m.ref, m.text) for m in pp2.markers] == [("footnote", "1", "A/RES/64/178.")]


def test_a_word_draft_reads_like_the_same_text(tmp_path: Path) -> None:
    """Typed labels, a roman section and bullets: the Word and the text reading agree node for node."""
    text = (
        "PP1. Guided by the Charter,\n\nPP2bis. Recognizing the need for a plan of action that will:\n\n"
        "• promote ratification of the Protocol,\n\n• reinforce existing instruments,\n\n"
        "1. Adopts the Plan;\n\n2. Decides to act:\n\n(a) To launch the Plan;\n\n(b) To review it;\n"
    )
    body = [p(block) for block in text.split("\n\n")]
    path = write_docx(tmp_path / "typed.docx", body)
    assert shape(read_docx_draft(path)) == shape(read_draft_text(text))


# --- tracked changes ---------------------------------------------------------------------------------------

STORED = """The General Assembly,

PP1. Guided by the purposes and principles of the Charter of the United Nations,

PP2. Reaffirming its strong condemnation of trafficking in persons, which constitutes a serious threat to human dignity,

PP3. Recalling the United Nations Convention against Transnational Organized Crime and its Protocol,

1. Adopts the present resolution and its annex as the Global Plan of Action;

2. Decides to undertake the following steps for the effective follow-up of the Plan of Action:

(a) To launch the Plan of Action during the sixty-fourth session;

(b) To encourage Member States to support the implementation of the Plan of Action;

3. Urges Member States to protect victims of trafficking and to prosecute traffickers;

4. Requests the Secretary-General to report annually on the implementation of the present resolution.
"""

ALICE, JEAN = "Alice Smith", "Jean Dupont"  # Word user names: USA and Canada, through the author map
AUTHORS = {ALICE: "United States of America", JEAN: "Canada"}
RATIONALE = "Condemnation needs no qualifier."
GUIDED = "PP1. Guided by the purposes and principles of the Charter of the United Nations,"
URGES = "3. Urges Member States to protect victims of trafficking and to prosecute traffickers;"


def submission() -> list[etree._Element]:
    """A delegation file on STORED: its preamble numbered one off (an extra PP2), changes by two authors."""
    return [
        p("Draft resolution on trafficking in persons", style="Title"),
        p("The General Assembly,"),
        p(dele(GUIDED, JEAN), mark=("del", JEAN)),
        p("PP2. Noting the work of the Inter-Agency Coordination Group against Trafficking in Persons,"),
        p(
            "PP3. Reaffirming its ",
            comment_start(1),
            dele("strong ", ALICE),
            *comment_end(1),
            ins("and unequivocal ", JEAN),
            "condemnation of trafficking in persons, which constitutes a serious threat to human dignity,",
        ),
        p(
            "PP4. Recalling the United Nations Convention against Transnational Organized Crime and its ",
            dele("Protocol", JEAN),
            ins("Protocols thereto", JEAN),
            ",",
        ),
        p(
            "1. Adopts the present resolution ",
            comment_start(2),
            "and its annex",
            *comment_end(2),
            " as the Global Plan of Action;",
        ),
        p("2. Decides to undertake the following steps for the effective follow-up of the Plan of Action:"),
        p(
            "(a) To launch the Plan of Action during the ",
            dele("sixty-fourth", ALICE),
            ins("sixty-fifth", ALICE),
            " session;",
        ),
        p("(b) To encourage Member States to support the implementation of the Plan of Action;", mark=("ins", ALICE)),
        p(ins("2bis. Encourages Member States to ratify the Protocol;", ALICE)),
        p(*move_from(URGES, JEAN, "move1"), mark=("moveFrom", JEAN)),
        p("4. Requests the Secretary-General to report annually on the implementation of the present resolution."),
        p(*move_to(URGES, JEAN, "move1"), mark=("moveTo", JEAN)),
        p(""),
    ]


SUBMISSION_COMMENTS = [(1, ALICE, RATIONALE), (2, JEAN, "Canada can accept this paragraph.")]


@pytest.fixture
def submitted(tmp_path: Path) -> Path:
    return write_docx(tmp_path / "submission.docx", submission(), comments=SUBMISSION_COMMENTS)


@pytest.fixture(scope="module")
def stored() -> Draft:
    return read_draft_text(STORED, source="stored.txt")


def summary(proposal: Proposal) -> tuple:
    return (proposal.delegations, proposal.paragraph, proposal.operation, proposal.edits, proposal.rationale)


def test_tracked_changes_become_one_proposal_per_paragraph_and_author(submitted: Path, stored: Draft) -> None:
    proposals = read_docx_proposals(submitted, stored, REGISTRY, author_map=AUTHORS)
    assert [summary(x) for x in proposals] == [
        (["Canada"], "PP1", "delete", [], None),
        (["Canada"], "PP2", "insert", [Edit("insert", new="and unequivocal", anchor="strong", position="after")], None),
        (["USA"], "PP2", "delete", [Edit("delete", old="strong")], RATIONALE),
        (["Canada"], "PP3", "replace", [Edit("replace", old="Protocol", new="Protocols thereto")], None),
        (["Canada"], "OP1", "comment", [], "Canada can accept this paragraph."),
        (["USA"], "OP2(a)", "replace", [Edit("replace", old="sixty-fourth", new="sixty-fifth")], None),
        (["USA"], "OP2", "new_paragraph", [], None),
        (["Canada"], "OP3", "move", [], None),
    ]
    new, move = proposals[6], proposals[7]
    assert (new.new_label, new.text) == ("2bis", "Encourages Member States to ratify the Protocol;")
    assert (move.new_label, move.related) == ("after OP4", ["OP4"])
    assert move.text == "Urges Member States to protect victims of trafficking and to prosecute traffickers;"
    for proposal in proposals:
        sponsor = proposal.sponsors[0]
        assert isinstance(sponsor, WordSponsor) and sponsor.attribution == "labelled"
        assert sponsor.author == {"USA": ALICE, "Canada": JEAN}[sponsor.delegation]
        assert sponsor.date == "2010-05-03T10:00:00Z" and sponsor.date in sponsor.verbatim
        assert sponsor.source is not None and sponsor.source.file == str(submitted)


def word_view(path: Path, author: str) -> list[str]:
    """What Word shows with `author`'s changes accepted and everyone else's rejected: paragraph texts."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    kinds = {f"{{{W}}}ins": "ins", f"{{{W}}}moveTo": "ins", f"{{{W}}}del": "del", f"{{{W}}}moveFrom": "del"}

    def shown(revisions: list[etree._Element]) -> bool:
        return all((kinds[r.tag] == "ins") == (r.get(f"{{{W}}}author") == author) for r in revisions)

    texts, pending = [], ""
    for para in root.iter(f"{{{W}}}p"):
        for node in para.iter(f"{{{W}}}t", f"{{{W}}}delText"):
            if shown([a for a in node.iterancestors() if a.tag in kinds]):
                pending += node.text or ""
        mark = para.find(f"{{{W}}}pPr/{{{W}}}rPr")
        if mark is not None and not shown([r for r in mark if r.tag in kinds]):
            continue
        texts.append(" ".join(pending.split()))
        pending = ""
    return texts


def test_resulting_texts_are_what_word_shows_with_that_authors_changes_accepted(submitted: Path, stored: Draft) -> None:
    proposals = read_docx_proposals(submitted, stored, REGISTRY, author_map=AUTHORS)
    checked = 0
    for proposal in proposals:
        if proposal.operation not in ("insert", "delete", "replace") or not proposal.edits:
            continue
        author = proposal.sponsors[0].author
        shown = word_view(submitted, author)
        stored_text = stored.find(proposal.paragraph).text
        assert proposal.applied and proposal.resulting_text != stored_text
        assert any(text.endswith(" " + proposal.resulting_text) for text in shown), proposal.resulting_text
        checked += 1
    assert checked == 4
    by = {(x.delegations[0], x.paragraph): x.resulting_text for x in proposals}
    assert by["Canada", "PP2"].startswith("Reaffirming its strong and unequivocal condemnation")
    assert by["USA", "PP2"].startswith("Reaffirming its condemnation")
    assert by["Canada", "PP1"] == ""
    assert word_view(submitted, ALICE)[2].startswith("PP1. Guided")  # Jean's deletion: Alice's view keeps PP1
    assert not any("Guided by" in text for text in word_view(submitted, JEAN))


def test_a_whole_file_attributed_with_delegation(submitted: Path, stored: Draft) -> None:
    proposals = read_docx_proposals(submitted, stored, REGISTRY, delegation="Japan")
    assert {x.delegations[0] for x in proposals} == {"Japan"}
    assert len(proposals) == 8


def test_an_unknown_author_is_an_error_naming_the_author(submitted: Path, stored: Draft) -> None:
    with pytest.raises(InputError, match="unknown author 'Alice Smith'") as error:
        read_docx_proposals(submitted, stored, REGISTRY, author_map={JEAN: "Canada"})
    assert str(submitted) in str(error.value) and "\n" not in str(error.value)
    with pytest.raises(InputError, match="'Jean Dupont' is mapped to an unknown delegation 'Atlantis'"):
        read_docx_proposals(submitted, stored, REGISTRY, author_map={ALICE: "USA", JEAN: "Atlantis"})


def test_author_maps_in_toml_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[authors]\n"Alice Smith" = "USA"\n"Jean Dupont" = "Canada"\n', encoding="utf-8")
    (tmp_path / "a.csv").write_text("author,delegation\nAlice Smith,USA\nJean Dupont,Canada\n", encoding="utf-8")
    expected = {ALICE: "USA", JEAN: "Canada"}
    assert read_author_map(tmp_path / "a.toml") == expected == read_author_map(tmp_path / "a.csv")
    (tmp_path / "bad.csv").write_text("author,delegation\nAlice Smith\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv:2: expected two columns"):
        read_author_map(tmp_path / "bad.csv")


def test_a_file_based_on_another_draft_is_refused(first_draft: Draft, tmp_path: Path) -> None:
    july = read_text_file(GPA / "03-draft-2010-07-19.txt")
    for draft, name in ((july, "july.docx"), (first_draft, "first.docx")):
        pp1 = draft.find("PP1").text
        (tmp_path / name).write_bytes(draft_docx(draft, content={"PP1": [ins("Firmly ", "Japan"), pp1]}))
    [ok] = read_docx_proposals(tmp_path / "first.docx", first_draft, REGISTRY)  # control: the right draft
    assert (ok.delegations, ok.paragraph, ok.operation, ok.edits) == (
        ["Japan"],
        "PP1",
        "insert",
        [Edit("insert", new="Firmly", anchor="Guided", position="before")],
    )
    assert ok.resulting_text == "Firmly " + first_draft.find("PP1").text
    with pytest.raises(InputError, match=r"july\.docx: not based on the draft .*only \d+ of its \d+ paragraphs match"):
        read_docx_proposals(tmp_path / "july.docx", first_draft, REGISTRY)


# --- compilation tables ------------------------------------------------------------------------------------


def compilation_rows() -> list[list[list[etree._Element] | None]]:
    """Paragraph | inputs, as facilitators lay it out: a header, a merged cell, a name on its own, struck words."""
    return [
        [[p("Paragraph")], [p("Inputs")]],
        [
            [p("PP2. Reaffirming its strong condemnation of trafficking in persons, which constitutes a threat")],
            [p("Japan: Delete “strong”"), p("USA: Replace “human dignity” with “human dignity and security”")],
        ],
        [None, [p("EU: Add, after “persons”, “, especially women and children”")]],
        [
            [p("2. Decides to undertake the following steps for the effective follow-up of the Plan of Action:")],
            [p("Canada"), p("Redraft as follows: “Decides to take the following steps:”")],
        ],
        [
            [p("(a) To launch the Plan of Action during the sixty-fourth session;")],
            [p("Japan: Replace “sixty-fourth” with “sixty-fifth”")],
        ],
        [
            [p("4. Requests the Secretary-General to report annually on the implementation of the resolution.")],
            [
                p("African Group: Delete the paragraph; it duplicates OP3."),
                p(
                    "Thailand: Requests the Secretary-General to report ",
                    run_struck("annually "),
                    "every two years on the implementation of the present resolution.",
                ),
            ],
        ],
    ]


DIGNITY, WOMEN = "human dignity and security", ", especially women and children"
RESTATED = "Requests the Secretary-General to report every two years on the implementation of the present resolution"
OP4 = "Requests the Secretary-General to report annually on the implementation of the present resolution"


def run_struck(text: str) -> etree._Element:
    from docx_fixtures import run

    return run(text, strike=True)


def test_a_word_compilation_table_reads_like_the_text_compilation(stored: Draft, tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "compilation.docx", [p("Compilation of inputs", style="Title"), table(compilation_rows())]
    )
    assert docx_inputs_kind(path) == "compilation"
    proposals = read_docx_compilation(path, stored, REGISTRY)
    got = [(x.delegations, x.paragraph, x.operation, x.edits, x.text, x.rationale) for x in proposals]
    assert got == [
        (["Japan"], "PP2", "delete", [Edit("delete", old="strong")], None, None),
        (["USA"], "PP2", "insert", [Edit("replace", old="human dignity", new=DIGNITY)], None, None),
        (["EU"], "PP2", "insert", [Edit("insert", new=WOMEN, anchor="persons", position="after")], None, None),
        (["Canada"], "OP2", "redraft", [], "Decides to take the following steps:", None),
        (["Japan"], "OP2(a)", "replace", [Edit("replace", old="sixty-fourth", new="sixty-fifth")], None, None),
        (["African Group"], "OP4", "delete", [], None, "it duplicates OP3."),
        # a restatement changing one stretch is a replacement; its struck word is left out
        (["Thailand"], "OP4", "replace", [Edit("replace", old=f"{OP4}.", new=RESTATED)], RESTATED, None),
    ]  # fmt: skip
    assert all(x.applied for x in proposals)
    assert proposals[0].sponsors[0].source.line_start == 5  # the paragraph's number in the document


def test_a_three_column_table_names_the_delegation_in_the_middle(stored: Draft, tmp_path: Path) -> None:
    rows = [
        [[p("Paragraph")], [p("Delegation")], [p("Proposal")]],
        [
            [p("PP1. Guided by the purposes and principles of the Charter of the United Nations,")],
            [p("Mexico")],
            [p("At the end of the paragraph, add “and international law”")],
        ],
    ]
    path = write_docx(tmp_path / "three.docx", [table(rows)])
    [proposal] = read_docx_compilation(path, stored, REGISTRY)
    assert (proposal.delegations, proposal.paragraph, proposal.operation) == (["Mexico"], "PP1", "insert")
    assert proposal.resulting_text.endswith("of the United Nations and international law,")


# --- hostile files -----------------------------------------------------------------------------------------

SMALL = [p("PP1. Guided by the Charter of the United Nations,"), p("1. Adopts the Plan of Action;")]
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t>
</w:r></w:p></w:body></w:document>"""


def repacked(replace: dict[str, bytes | None], stored: bool = False) -> bytes:
    """The small draft's .docx with parts replaced (None: left out), optionally without compression."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes(SMALL))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts.update(replace)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if data is not None:
                archive.writestr(name, data)
    return buffer.getvalue()


def crc_damaged() -> bytes:
    data = bytearray(repacked({}, stored=True))
    at = data.find(b"Guided by the Charter")
    data[at : at + 6] = b"Guided"[::-1]  # same length, so only the CRC check can tell
    return bytes(data)


def declared_huge() -> bytes:
    """A part whose central directory declares 60 MB uncompressed (a lie a bomb tells): no ratio gives it away."""
    noise = random.Random(7).randbytes(700_000)  # incompressible: the declared ratio stays under 100
    data = bytearray(repacked({"word/media/noise.bin": noise}, stored=True))
    name = data.rfind(b"word/media/noise.bin")  # in the central directory, 46 bytes into its header
    data[name - 46 + 24 : name - 46 + 28] = struct.pack("<I", 60 * 1024 * 1024)
    return bytes(data)


HOSTILE = {
    "plain-text": (lambda: b"This is a text file with a .docx name.\n", "not a .docx file: it is not a zip archive"),
    "pdf": (lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "not a .docx file: it is a PDF file"),
    "truncated": (lambda: docx_bytes(SMALL)[:700], "damaged zip archive"),
    "bad-crc": (crc_damaged, "damaged zip archive: word/document.xml: Bad CRC-32"),
    "bomb-total": (lambda: declared_huge(), "zip bomb: the parts declare 629"),
    "bomb-ratio": (lambda: repacked({"word/media/zeros.bin": bytes(5 * 1024 * 1024)}), "zip bomb: 'word/media/zeros"),
    "traversal": (lambda: repacked({"../../etc/evil.xml": b"<x/>"}), "unsafe part name '../../etc/evil.xml'"),
    "doctype": (lambda: repacked({"word/document.xml": BILLION_LAUGHS}), "word/document.xml declares a DOCTYPE"),
    "no-document": (lambda: repacked({"word/document.xml": None}), "not a Word document: no word/document.xml"),
    "bad-xml": (lambda: repacked({"word/document.xml": b"<w:document><w:body>"}), "damaged XML in word/document.xml"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for name, (make, _) in HOSTILE.items():
        files[name] = folder / f"{name}.docx"
        files[name].write_bytes(make())
    return files


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line_naming_it(hostile: dict[str, Path], case: str) -> None:
    with pytest.raises(InputError) as error:
        read_docx_draft(hostile[case])
    message = str(error.value)
    assert message.startswith(f"{hostile[case]}: ") and "\n" not in message
    assert HOSTILE[case][1] in message


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_refuses_every_hostile_file_and_stores_nothing(hostile: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "stored.txt").write_text(STORED, encoding="utf-8")
    db = tmp_path / "amendtrack.db"
    url = f"sqlite:///{db}"
    assert run("--db", url, "import", str(tmp_path / "stored.txt"), "--negotiation", "n", "--label", "D")[0] == 0
    before = db.read_bytes()
    for case, path in hostile.items():
        for args in (
            ("import", str(path), "--negotiation", "n"),
            ("import-inputs", str(path), "--negotiation", "n", "--draft", "D", "--delegation", "Japan"),
        ):
            code, out, err = run("--db", url, *args)
            assert code == 1 and out == "", case
            assert err.count("\n") == 1 and err.startswith(f"amendtrack: error: {path}: "), (case, err)
            assert HOSTILE[case][1] in err
            assert db.read_bytes() == before, case  # not a byte written


def test_a_hostile_file_in_a_manifest_stores_nothing(hostile: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "negotiation"
    folder.mkdir()
    (folder / "01.txt").write_text(STORED, encoding="utf-8")
    (folder / "02.docx").write_bytes(hostile["doctype"].read_bytes())
    (folder / "manifest.toml").write_text(
        '[negotiation]\nid = "n"\ntitle = "N"\n\n[[documents]]\nid = "d1"\nlabel = "D1"\nkind = "draft"\n'
        'file = "01.txt"\n\n[[documents]]\nid = "d2"\nlabel = "D2"\nkind = "draft"\nfile = "02.docx"\n',
        encoding="utf-8",
    )
    code, _, err = run("--db", f"sqlite:///{tmp_path / 'new.db'}", "import", str(folder))
    assert code == 1 and "02.docx: refused: word/document.xml declares a DOCTYPE" in err
    assert not (tmp_path / "new.db").exists()


# --- the command line --------------------------------------------------------------------------------------


def test_cli_imports_word_drafts_and_tracked_changes_with_an_author_map(
    tmp_path: Path, submitted: Path, first_draft: Draft
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    (tmp_path / "stored.docx").write_bytes(draft_docx(read_draft_text(STORED), automatic=True))
    assert run("--db", url, "import", str(tmp_path / "stored.docx"), "--negotiation", "n", "--label", "D")[0] == 0
    code, out, _ = run("--db", url, "paragraphs", "n", "D", "--json")
    assert code == 0 and [r["label"] for r in json.loads(out)][:5] == ["PP1", "PP2", "PP3", "OP1", "OP2"]
    (tmp_path / "authors.csv").write_text(f"author,delegation\n{ALICE},USA\n{JEAN},Canada\n", encoding="utf-8")
    both = ("--delegation", "Japan", "--author-map", str(tmp_path / "authors.csv"))
    code, _, err = run("--db", url, "import-inputs", str(submitted), "--negotiation", "n", "--draft", "D", *both)
    assert code == 1 and "give --delegation or --author-map, not both" in err
    code, _, err = run("--db", url, "import-inputs", str(submitted), "--negotiation", "n", "--draft", "D")
    assert code == 1 and "unknown author 'Jean Dupont'" in err  # the map is needed
    args = ("import-inputs", str(submitted), "--negotiation", "n", "--draft", "D")
    code, out, err = run("--db", url, *args, "--author-map", str(tmp_path / "authors.csv"))
    assert code == 0, err
    code, out, _ = run("--db", url, "proposals", "n", "--json")
    stored = json.loads(out)
    assert [(r["delegations"], r["paragraph"], r["operation"]) for r in stored] == [
        (["Canada"], "PP1", "delete"),
        (["Canada"], "PP2", "insert"),
        (["USA"], "PP2", "delete"),
        (["Canada"], "PP3", "replace"),
        (["Canada"], "OP1", "comment"),
        (["USA"], "OP2(a)", "replace"),
        (["USA"], "OP2", "new_paragraph"),
        (["Canada"], "OP3", "move"),
    ]
    assert stored[2]["rationale"] == RATIONALE and "2010-05-03T10:00:00Z" in stored[2]["verbatim"]
    assert stored[2]["source"]["file"] == "submission.docx"


def test_cli_imports_a_word_compilation_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    (tmp_path / "stored.txt").write_text(STORED, encoding="utf-8")
    assert run("--db", url, "import", str(tmp_path / "stored.txt"), "--negotiation", "n", "--label", "D")[0] == 0
    path = write_docx(tmp_path / "table.docx", [table(compilation_rows())])
    code, out, err = run("--db", url, "import-inputs", str(path), "--negotiation", "n", "--draft", "D")
    assert code == 0, err
    code, out, _ = run("--db", url, "proposals", "n", "--json")
    assert len(json.loads(out)) == 7


# --- amendtrack's own Word output, read back ---------------------------------------------------------------


@pytest.fixture(scope="module")
def gpa_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from amendtrack.store.importer import import_path

    url = f"sqlite:///{tmp_path_factory.mktemp('gpa') / 'gpa.db'}"
    import_path(GPA, url)
    return url


@pytest.mark.parametrize("delegation", ["Japan", "USA", "African Group", "EU"])
def test_an_apply_document_reads_back_into_the_applied_proposals(gpa_url: str, tmp_path: Path, delegation: str) -> None:
    docx = pytest.importorskip("amendtrack.render.docx")
    from sqlalchemy.orm import Session

    from amendtrack.store.drafts import load_draft
    from amendtrack.store.engine import engine_for
    from amendtrack.store.proposals import load_proposals

    engine = engine_for(gpa_url)
    with Session(engine) as session:
        draft = load_draft(session, "gpa-2010", "first-draft")
        proposals = [x for _, x in load_proposals(session, "gpa-2010", draft_ref="first-draft", delegation=delegation)]
    engine.dispose()
    path = tmp_path / "apply.docx"
    path.write_bytes(docx.apply_docx(draft, proposals, delegation, "2010-05-18", "GPA", draft_label="First draft"))
    read = read_docx_proposals(path, draft, REGISTRY)
    expected: dict[str, str | None] = {}
    for node, _ in draft.walk():
        shown = docx.shown_proposal([x for x in proposals if x.paragraph and draft.find(x.paragraph) is node])
        if shown is not None:
            expected[node.label] = shown.resulting_text
    changed = {x.paragraph: x.resulting_text for x in read if x.operation in ("insert", "delete", "replace", "redraft")}
    assert len(expected) > 10 and changed == expected
    new = sorted(x.resulting_text or "" for x in proposals if x.operation == "new_paragraph" and x.applied)
    assert sorted(x.resulting_text or "" for x in read if x.operation == "new_paragraph") == new
    assert {x.delegations[0] for x in read} == {REGISTRY.resolve(delegation).name}


def test_the_redline_document_read_as_a_draft_is_the_later_draft(gpa_url: str, tmp_path: Path) -> None:
    """Every tracked change accepted, amendtrack's own redline of the GPA drafts reads back as the July draft."""
    docx = pytest.importorskip("amendtrack.render.docx")
    from amendtrack.api import diff

    redline = diff(gpa_url, "gpa-2010", "first-draft", "draft-2010-07-19")
    aligned, comparison = redline.aligned, redline.comparison
    path = tmp_path / "redline.docx"
    path.write_bytes(
        docx.redline_docx(comparison, "amendtrack", aligned.new_date, "GPA", old=aligned.old, new=aligned.new)
    )
    read = read_docx_draft(path)
    assert [(n.label, n.kind, n.text) for n, _ in read.walk()] == [
        (n.label, n.kind, n.text) for n, _ in aligned.new.walk()
    ]


# --- bounds: numbers Word prints, and what a symbol may spell ------------------------------------------------


@pytest.mark.parametrize(
    ("start", "fmt", "text", "printed"),
    [
        (32767, "decimal", "%1.", "32767."),  # the largest number: read as printed
        (3999, "upperRoman", "%1.", "MMMCMXCIX."),
        (780, "lowerLetter", "(%1)", f"({'z' * 30})"),  # 30 letters: under the 100 a label's numbers may take
        (1, "decimal", "%1." * 85, "1." * 85),  # a level text of 255 characters
    ],
)
def test_numbering_at_its_bounds_prints_what_word_prints(
    tmp_path: Path, start: int, fmt: str, text: str, printed: str
) -> None:
    body = [p("Recalling the Charter of the United Nations,", num=(1, 0))]
    path = write_docx(tmp_path / "bound.docx", body, numbering_xml=numbering({0: [level(0, fmt, text, start)]}, {1: 0}))
    doc = WordDocument(path)
    assert doc.numbering.counter().label(doc.paras[0], line=1) == printed


@pytest.mark.parametrize(
    ("start", "fmt", "text", "ilvl", "message"),
    [
        (
            32767,
            "decimal",
            "%1.",
            0,
            r"numbered\.docx:2: automatic numbering asks for the number 32768 \(at most 32767\)",
        ),
        (
            781,
            "lowerLetter",
            "%1" * 4,
            0,
            r":1: automatic numbering asks for numbers of over 100 characters in one label",
        ),
        (
            1,
            "decimal",
            "%1." * 86,
            0,
            r":1: automatic numbering asks for a level text of 258 characters \(at most 255\)",
        ),
        (1, "decimal", "%1.", 9, r":1: automatic numbering asks for level 9 \(Word's levels are 0 to 8\)"),
    ],
)
def test_numbering_beyond_its_bounds_is_refused_at_the_paragraph(
    tmp_path: Path, start: int, fmt: str, text: str, ilvl: int, message: str
) -> None:
    body = [p("Recalling the Charter,", num=(1, ilvl)), p("Urges Member States;", num=(1, ilvl))]
    numbered = numbering({0: [level(0, fmt, text, start)]}, {1: 0})
    with pytest.raises(InputError, match=message):
        read_docx_draft(write_docx(tmp_path / "numbered.docx", body, numbering_xml=numbered))


def test_more_footnote_references_than_word_numbers_are_refused(tmp_path: Path) -> None:
    """Endnote marks are Roman numerals, bounded like automatic numbering: 32,768 references are refused."""
    body = [p("PP1. Recalling the Charter,", *[footnote_ref(1) for _ in range(32768)])]
    path = write_docx(tmp_path / "notes.docx", body, footnotes={1: "A/RES/64/178."})
    with pytest.raises(InputError, match=r"notes\.docx:1: more than 32767 footnote references"):
        read_docx_draft(path)
