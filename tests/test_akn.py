"""Akoma Ntoso 3.0: every sample draft exports valid AKN and reads back into the same tree; hostile XML is refused."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from amendtrack.cli import cli
from amendtrack.errors import InputError
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.read import akn
from amendtrack.read.akn import AKN_NS, AT_NS, read_akn, read_akn_file, validate
from amendtrack.read.text import read_text_file
from amendtrack.render.akn import draft_to_akn

DRAFTS = Path(__file__).resolve().parent.parent / "data" / "drafts"
NS = {"a": AKN_NS, "amendtrack": AT_NS}


def sample_drafts() -> list[tuple[str, str, str | None, Path]]:
    """(negotiation, document key, date, file) of every document file of the samples.

    The table of inputs is included too: the text reader reads it as a tree like a draft, and its
    hundreds of facilitators' balloons and bracketed alternatives are the hardest tree there is.
    """
    found = []
    for manifest in sorted(DRAFTS.glob("*/manifest.toml")):
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
        for document in data["documents"]:
            path = manifest.parent / document["file"]
            found.append((data["negotiation"]["id"], document["id"], document.get("date"), path))
    return found


SAMPLES = sample_drafts()


def strip_lines(records: list[dict]) -> list[dict]:
    """Paragraph records minus line numbers (a tree read from AKN has the XML file's lines, not the text file's)."""
    return [{k: v for k, v in r.items() if k not in ("line_start", "line_end")} for r in records]


def without_lines(draft: Draft) -> list[dict]:
    return strip_lines(draft.records())


def run(*args: str) -> tuple[int, str, str, bytes]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr, result.stdout_bytes


def test_every_sample_draft_is_covered() -> None:
    assert sorted(path for *_, path in SAMPLES) == sorted(DRAFTS.glob("*/*.txt"))
    assert len(SAMPLES) == 7


@pytest.mark.parametrize(("negotiation", "key", "date", "path"), SAMPLES, ids=[s[1] for s in SAMPLES])
def test_sample_draft_exports_valid_akn_and_reads_back_the_same_tree(
    negotiation: str, key: str, date: str | None, path: Path
) -> None:
    draft = read_text_file(path)
    for node, _ in draft.walk():  # persistent ids as the store gives them, so wId is exercised too
        node.pid = f"{key}:{node.eid}"
    xml = draft_to_akn(draft, negotiation, key, key.upper(), date, "Title")
    assert validate(xml) == []
    back = read_akn(xml, f"{key}.xml")
    assert without_lines(back) == without_lines(draft)
    assert [n.pid for n, _ in back.walk()] == [n.pid for n, _ in draft.walk()]
    assert back.preface == draft.preface
    assert back.source == f"{key}.xml"
    assert draft_to_akn(draft, negotiation, key, key.upper(), date, "Title") == xml  # deterministic
    root = etree.fromstring(xml)
    ids = root.xpath("//a:mainBody//@eId | //a:preamble//@eId", namespaces=NS)
    assert sorted(ids) == sorted(n.eid for n, _ in draft.walk())
    work = root.xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS)
    assert work.endswith(f"/{negotiation}/{date or '1970-01-01'}/{key}")


def test_resolution_structure_follows_akn4un() -> None:
    path = DRAFTS / "gpa-2010" / "01-first-draft.txt"
    draft = read_text_file(path)
    root = etree.fromstring(draft_to_akn(draft, "gpa-2010", "first-draft", "First draft", "2010-04-16"))
    (statement,) = root.xpath("/a:akomaNtoso/a:statement[@name='resolution']", namespaces=NS)
    assert [etree.QName(e).localname for e in statement] == ["meta", "preface", "preamble", "mainBody"]
    recitals = statement.xpath("a:preamble/a:recitals/a:recital", namespaces=NS)
    assert [r.get("eId") for r in recitals] == [n.eid for n in draft.paragraphs if n.kind == "preamble"]
    assert recitals[0].xpath("string(a:num)", namespaces=NS) == "PP1."
    op1 = statement.xpath("a:mainBody/a:paragraph[@eId='op_1']", namespaces=NS)[0]
    assert op1.get("wId") is None  # not stored yet: no persistent id
    assert op1.get(f"{{{AT_NS}}}label") == "OP1"
    assert op1.xpath("string(a:content/a:p)", namespaces=NS) == draft.find("OP1").text
    (annex,) = statement.xpath("a:mainBody/a:hcontainer[@name='annex']", namespaces=NS)
    assert [s.get("eId") for s in annex.xpath("a:section", namespaces=NS)] == [
        f"annex__sec_{r}" for r in ("I", "II", "III", "IV")
    ]
    assert annex.xpath("string(a:section[1]/a:heading)", namespaces=NS) == draft.find("annex__sec_I").text
    report = etree.fromstring(
        draft_to_akn(read_text_file(DRAFTS / "wg-tip-2019" / "01-draft-report-L1.txt"), "wg", "L1", "L.1", None)
    )
    assert report.xpath("/a:akomaNtoso/a:doc/@name", namespaces=NS) == ["report"]


def awkward_draft() -> Draft:
    """Everything a tree can hold that XML makes hard: control characters, spaces and % in ids, notes."""
    sub = Paragraph(label="1(a)", kind="subparagraph", text="", eid="op_1__subpara_a", num=None, label_inferred=True)
    top = Paragraph(
        label="OP 1%",
        kind="operative",
        text="Decides\x0cto act\x1b [now / later]  \r\n",
        eid="op 1%",
        pid="first draft:op 1%",
        num="1\x0b.",
        markers=[
            Marker("footnote", "See A/64/1\x01.", None),
            Marker("formerly", "[Formerly 3]", "3"),
            Marker("note", "", "r%\x02"),
        ],
        brackets=[
            Bracket(24, 39, "[now / later]", ["now", "later"], True),
            Bracket(0, 3, "[De\x0c", ["De\x0c", "%"], False),
        ],
        children=[sub],
    )
    bullet = Paragraph(label="PP1 bullet 1", kind="item", text="first", eid="pp_1__item_1")
    preamble = Paragraph(label="PP1", kind="preamble", text="Recalling", eid="pp_1", num="PP.1", children=[bullet])
    late = Paragraph(
        label="PP9", kind="preamble", text="Late", eid="pp_9", markers=[Marker("deleted", "[Paragraph deleted]")]
    )
    heading = Paragraph(
        label="I", kind="heading", text="Part\x07one", eid="sec_I", num="I", brackets=[Bracket(0, 1, "P", [])]
    )
    return Draft(paragraphs=[preamble, top, late, heading], preface=["\x07masthead", "", "  spaced  "])


def test_awkward_tree_round_trips_exactly_and_validates() -> None:
    draft = awkward_draft()
    xml = draft_to_akn(draft, "neg one", "doc/1", "Label\x01", "19 July 2010", None)
    assert validate(xml) == []
    back = read_akn(xml, "awkward.xml")
    assert without_lines(back) == without_lines(draft)
    assert back.preface == draft.preface
    assert [n.pid for n, _ in back.walk()] == [n.pid for n, _ in draft.walk()]
    root = etree.fromstring(xml)
    paragraph = root.xpath("//a:paragraph[@wId]", namespaces=NS)[0]
    assert (paragraph.get("eId"), paragraph.get("wId")) == ("op%201%25", "first%20draft:op%201%25")
    assert root.xpath("//a:authorialNote/@placement", namespaces=NS) == ["bottom"]
    assert b'date="1970-01-01" name="unknown"' in xml  # not an ISO date: the placeholder
    first = back.paragraphs[1]
    assert first.line_start is not None and first.line_end is not None and first.line_start < first.line_end


def test_empty_draft_validates_and_reads_back_empty() -> None:
    xml = draft_to_akn(Draft(paragraphs=[]), "neg", "doc", "Empty", None)
    assert validate(xml) == []
    assert read_akn(xml, "empty.xml") == Draft(paragraphs=[], preface=[], source="empty.xml")


def test_validate_reports_schema_problems() -> None:
    broken = f'<akomaNtoso xmlns="{AKN_NS}"><doc name="x"><mainBody><p/></mainBody></doc></akomaNtoso>'.encode()
    problems = validate(broken)
    assert problems and problems[0].startswith("line 1:") and "meta" in problems[0]
    assert validate(b"<akomaNtoso")[0].startswith("line 1: not well-formed XML")
    xml = draft_to_akn(awkward_draft(), "neg", "doc", "L", None)
    assert validate(xml.replace(b' eId="pp_9"', b' eId="pp_1"'))  # duplicate eIds break the XSD's unique key


def test_plain_akn_without_amendtrack_attributes_is_read_with_defaults() -> None:
    frbr = '<FRBRthis value="/w"/><FRBRuri value="/w"/><FRBRdate date="2020-01-01" name="d"/><FRBRauthor href="#x"/>'
    xml = f"""<akomaNtoso xmlns="{AKN_NS}"><statement name="resolution">
  <meta><identification source="#x">
    <FRBRWork>{frbr}<FRBRcountry value="un"/></FRBRWork>
    <FRBRExpression>{frbr}<FRBRlanguage language="eng"/></FRBRExpression>
    <FRBRManifestation>{frbr}</FRBRManifestation>
  </identification></meta>
  <preamble><recitals><recital eId="pp_1"><p>Recalling <i>its</i> resolutions,</p></recital></recitals></preamble>
  <mainBody>
    <paragraph eId="op_1"><num>1.</num><content><p>Decides<remark>[Formerly 3]</remark></p></content></paragraph>
  </mainBody>
</statement></akomaNtoso>""".encode()
    draft = read_akn(xml, "plain.xml")
    assert [(n.label, n.kind, n.num, n.text) for n, _ in draft.walk()] == [
        ("pp_1", "preamble", None, "Recalling its resolutions,"),
        ("1", "operative", "1.", "Decides"),
    ]
    assert draft.paragraphs[1].markers == [Marker("note", "[Formerly 3]", None)]


def test_akn_elements_amendtrack_does_not_read_are_refused_not_dropped() -> None:
    export = draft_to_akn(awkward_draft(), "neg", "doc", "L", None)
    meta = re.search(rb"<meta>.*</meta>", export, re.S)
    assert meta is not None

    def document(body: str) -> bytes:
        return (
            f'<akomaNtoso xmlns="{AKN_NS}"><doc name="x">'.encode()
            + meta.group()
            + f"{body}</doc></akomaNtoso>".encode()
        )

    nested = (
        '<mainBody>\n<paragraph eId="p1"><content><p>Text</p>\n<blockList><item eId="i"><p>lost?</p></item></blockList>'
    )
    cases = {
        nested + "</content></paragraph></mainBody>": (r"<blockList> in <content> is not read by amendtrack", 3),
        "<mainBody>\n<paragraph><content><p>No id</p></content></paragraph></mainBody>": (r"<paragraph> has no eId", 2),
        '<mainBody>\n\n<article eId="a"><content><p>x</p></content></article></mainBody>': (
            r"<article> in the main",
            3,
        ),
    }
    for body, (pattern, line) in cases.items():
        xml = document(body)
        assert validate(xml) == []  # valid AKN, just not what amendtrack reads
        with pytest.raises(InputError, match=pattern) as caught:
            read_akn(xml, "other.xml")
        assert caught.value.line == meta.group().count(b"\n") + line


HOSTILE = {
    "billion-laughs.xml": (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + b"".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n'.encode() for i in range(2, 10))
        + b"]>\n<akomaNtoso>&lol9;</akomaNtoso>\n"
    ),
    "xxe.xml": (
        b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        + f'<akomaNtoso xmlns="{AKN_NS}"><doc name="x">&xxe;</doc></akomaNtoso>\n'.encode()
    ),
    "doctype.xml": b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM "http://example.org/akn.dtd">\n<akomaNtoso/>\n',
    "utf16-doctype.xml": '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>\n'.encode(
        "utf-16"
    ),
    "entity-without-doctype.xml": f'<akomaNtoso xmlns="{AKN_NS}">\n&xxe;</akomaNtoso>\n'.encode(),
    "html.xml": b"<html>\n<body><p>PP1 Recalling</p></body></html>\n",
    "not-xml.xml": b"\x89PNG\r\n\x1a\n\x00\x00",
    "invalid-akn.xml": f'<akomaNtoso xmlns="{AKN_NS}">\n<doc name="x"><mainBody/></doc></akomaNtoso>\n'.encode(),
}
EXPECTED = {
    "billion-laughs.xml": (r"DOCTYPE or entity declaration is not allowed", 2),
    "xxe.xml": (r"DOCTYPE or entity declaration is not allowed", 2),
    "doctype.xml": (r"DOCTYPE or entity declaration is not allowed", 2),
    "utf16-doctype.xml": (r"DOCTYPE or entity declaration is not allowed", 1),
    "entity-without-doctype.xml": (r"not well-formed XML: Entity 'xxe' not defined", 2),
    "html.xml": (r"not an Akoma Ntoso 3\.0 document: the root element is <html>", 1),
    "not-xml.xml": (r"not well-formed XML", 1),
    "invalid-akn.xml": (r"not valid Akoma Ntoso 3\.0: Element 'mainBody': This element is not expected", 2),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_or_foreign_xml_is_refused_with_one_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    pattern, line = EXPECTED[name]
    with pytest.raises(InputError, match=pattern) as caught:
        read_akn_file(path)
    assert caught.value.file == str(path) and caught.value.line == line
    assert "\n" not in str(caught.value) and "root:" not in str(caught.value)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_cli_import_refuses_hostile_xml_and_stores_nothing(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    db = tmp_path / "evil.db"
    code, out, err, _ = run("--db", f"sqlite:///{db}", "import", str(path), "--negotiation", "evil")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"amendtrack: error: {path}:")
    assert "root:" not in err
    assert not db.exists()  # nothing stored: not even an empty database


def test_manifest_with_a_hostile_xml_draft_stores_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "neg"
    folder.mkdir()
    (folder / "01-first.txt").write_bytes((DRAFTS / "gpa-2010" / "01-first-draft.txt").read_bytes())
    (folder / "02-second.xml").write_bytes(HOSTILE["xxe.xml"])
    (folder / "manifest.toml").write_text(
        '[negotiation]\nid = "neg"\ntitle = "Neg"\n\n'
        '[[documents]]\nid = "first"\nlabel = "First"\nkind = "draft"\nfile = "01-first.txt"\n\n'
        '[[documents]]\nid = "second"\nlabel = "Second"\nkind = "draft"\nfile = "02-second.xml"\n'
    )
    db = tmp_path / "neg.db"
    code, _, err, _ = run("--db", f"sqlite:///{db}", "import", str(folder))
    assert code == 1 and "02-second.xml:2: a DOCTYPE or entity declaration is not allowed" in err
    assert not db.exists()


def stored_records(url: str, negotiation: str, draft: str) -> list[dict]:
    code, out, err, _ = run("--db", url, "paragraphs", negotiation, draft, "--json")
    assert code == 0, err
    return json.loads(out)


def test_stored_draft_exported_and_reimported_gives_the_same_paragraphs(db_url: str, tmp_path: Path) -> None:
    """Export the July GPA draft (persistent ids carried from the first draft), import the XML anew.

    The paragraphs are identical, persistent ids included: the importer keeps each wId, and a
    negotiation's only draft has no lineage to renew them from. Once a later draft is aligned
    with it, ids are derived again from the lineage, as for any first draft. Only the line
    numbers differ: they become the XML file's.
    """
    for name, label, date in (
        ("01-first-draft.txt", "First draft", "2010-04-16"),
        ("03-draft-2010-07-19.txt", "Draft of 19 July", "2010-07-19"),
    ):
        path = str(DRAFTS / "gpa-2010" / name)
        code, _, err, _ = run("--db", db_url, "import", path, "--negotiation", "gpa", "--label", label, "--date", date)
        assert code == 0, err
    out_file = tmp_path / "july.xml"
    code, out, err, _ = run("--db", db_url, "export", "akn", "gpa", "draft-of-19-july", "--out", str(out_file))
    assert (code, out) == (0, f"wrote {out_file}\n"), err
    code, _, err, stdout_bytes = run("--db", db_url, "export", "akn", "gpa", "2")
    assert code == 0, err
    assert stdout_bytes == out_file.read_bytes()
    assert validate(stdout_bytes) == []

    code, out, err, _ = run("--db", db_url, "import", str(out_file), "--negotiation", "fresh", "--label", "July")
    assert code == 0, err
    assert out.startswith("imported: fresh/july (July), order 1, 107 paragraphs, from july.xml")
    original = stored_records(db_url, "gpa", "draft-of-19-july")
    again = stored_records(db_url, "fresh", "july")
    assert strip_lines(again) == strip_lines(original)
    assert any(r["pid"].startswith("first-draft:") for r in again)  # ids carried from the first draft survive
    assert all(r["line_start"] is not None for r in again)


def test_export_refuses_inputs_and_unknown_drafts(sqlite_url: str) -> None:
    code, _, err, _ = run(
        "--db", sqlite_url, "import", str(DRAFTS / "gpa-2010" / "01-first-draft.txt"), "--negotiation", "g"
    )
    assert code == 0, err
    code, out, err, _ = run("--db", sqlite_url, "export", "akn", "g", "nope")
    assert code == 1 and out == "" and err.startswith("amendtrack: error: negotiation 'g' has no draft 'nope'")


def test_shipped_schemas_are_the_verbatim_oasis_and_w3c_files() -> None:
    notice = (akn.SCHEMA_DIR / "NOTICE").read_text(encoding="utf-8")
    for name in ("akomantoso30.xsd", "xml.xsd"):
        digest = hashlib.sha256((akn.SCHEMA_DIR / name).read_bytes()).hexdigest()
        assert re.search(rf"{re.escape(name)}\n(?:    .*\n)*?    SHA-256: {digest}", notice), name
    assert "cc-by 4.0" in notice and "Copyright (c) OASIS Open 2018" in notice
