"""Akoma Ntoso 3.0 for the structure reader's trees: formulas, recitals, containers and options round-trip.

A treaty read by `amendtrack.read.structure` (a preamble with an option pair, Articles with
chapeaux, paragraphs, sub-paragraphs, items, options inside a paragraph and standing in an
Article, nested and grouped brackets; Parts, Chapters, Sections, an Annex and an Appendix) is
exported (`draft_to_akn`, as `amendtrack export akn`), validated against the shipped XSD and read
back (`read_akn`) into the same tree: the same records (kinds, labels, eIds, nums, texts, markers,
brackets with their depth and group, nesting and container paths) and the same persistent ids.
Line numbers aside: a tree read from AKN has the XML file's lines (see amendtrack.read.akn).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from amendtrack.cli import cli
from amendtrack.errors import InputError
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.read.akn import AKN_NS, AT_NS, read_akn, validate
from amendtrack.read.files import read_draft_file
from amendtrack.read.structure import read_text
from amendtrack.render.akn import draft_to_akn

NS = {"a": AKN_NS, "amendtrack": AT_NS}
PARIS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "paris-2015"  # beside the checkout

TREATY = """\
Draft agreement on the protection of rivers

The Parties to this Agreement,

Recognizing the importance of rivers [for all peoples],

Recalling decision 1/CP.21 and [decision 2/CMA.3],

Option 1: Noting the work of the river commissions,

Option 2: Noting the work of [regional][subregional] bodies,

Affirming their commitment,

Have agreed as follows:

Article 1
Definitions

For the purposes of this Agreement:

1. "River" means a natural watercourse;

2. "Party" means a Party to this Agreement.

Article 2 bis (purpose)

1. Collective goal

Option 1: Parties [shall][should] protect rivers.

Option 2: No text

2. Each Party shall:

(a) monitor its rivers;

(b) report [annually [or biennially]];

(i) on water quality;

(ii) on flows.

3. The Parties shall cooperate. [Formerly paragraph 4]

[Article 2 ter]

1. [The Parties shall review this Agreement.]

Article 3

Option A:

1. A committee is established.

2. It shall meet [once [or twice]] a year.

Option B:

1. The secretariat shall serve this Agreement.

Article 4

This Agreement shall enter into force on the thirtieth day.

DONE at Paris this twelfth day of December.
"""

WRAPPED = "\n\n".join(
    [
        "PART I",
        "Chapter 1 – General",
        "Article 1",
        "1. First [provision].",
        "Article 2",
        "1. Second.",
        "(a) a [lettered][numbered] point;",
        "Chapter 2 – Institutions",
        "Article 3",
        "1. Third.",
        "PART II",
        "Section 1 – Final",
        "Article 4",
        "1. Fourth.",
        "Annex I",
        "1. An annexed paragraph.",
        "Appendix A",
        "1. An appended paragraph.",
    ]
)


def tree_of(text: str) -> Draft:
    return read_text(text, "t.txt")


def without_pids_and_lines(draft: Draft) -> list[dict]:
    """Records minus pid (compared on its own) and line numbers (an XML file has lines of its own)."""
    return [{k: v for k, v in r.items() if k not in ("pid", "line_start", "line_end")} for r in draft.records()]


def round_trip(draft: Draft, key: str = "treaty") -> tuple[bytes, Draft]:
    """Export the draft (persistent ids given, so wId is exercised), check it validates, read it back."""
    for node, _ in draft.walk():
        node.pid = f"{key}:{node.eid}"
    xml = draft_to_akn(draft, "rivers", key, key.upper(), "2015-10-23", "Rivers")
    assert validate(xml) == []
    back = read_akn(xml, f"{key}.xml")
    assert without_pids_and_lines(back) == without_pids_and_lines(draft)
    assert [n.pid for n, _ in back.walk()] == [n.pid for n, _ in draft.walk()]
    assert back.preface == draft.preface
    assert all(n.line_start is not None and n.line_end is not None for n, _ in back.walk())
    assert draft_to_akn(draft, "rivers", key, key.upper(), "2015-10-23", "Rivers") == xml  # deterministic
    return xml, back


def test_the_treaty_holds_every_kind_of_the_structure_reader() -> None:
    draft = tree_of(TREATY)
    kinds = Counter(n.kind for n, _ in draft.walk())
    assert set(kinds) == {"chapeau", "preamble", "option_group", "option", "article"} | {
        "paragraph",
        "subparagraph",
        "item",
    }
    brackets = [b for n, _ in draft.walk() for b in n.brackets]
    assert max(b.depth for b in brackets) == 2 and any(b.group is not None for b in brackets)
    assert any(n.markers for n, _ in draft.walk())
    bracketed = draft.find("Article 2ter")
    assert bracketed is not None and bracketed.text == "[]" and bracketed.brackets  # a bracketed Article


def test_treaty_exports_valid_akn_and_reads_back_the_same_tree() -> None:
    round_trip(tree_of(TREATY))


def test_parts_chapters_sections_annex_and_appendix_round_trip() -> None:
    draft = tree_of(WRAPPED)
    assert {n.kind for n, _ in draft.walk()} >= {"part", "chapter", "section", "article", "annex", "appendix"}
    xml, back = round_trip(draft, "wrapped")
    root = etree.fromstring(xml)
    (part,) = root.xpath("//a:mainBody/a:part[@eId='part_i']", namespaces=NS)
    assert [c.get("eId") for c in part.xpath("a:chapter", namespaces=NS)] == ["part_i__chp_1", "part_i__chp_2"]
    assert part.xpath("string(a:chapter[1]/a:heading)", namespaces=NS) == "General"
    assert root.xpath("//a:part[@eId='part_ii']/a:section/a:article/a:num/text()", namespaces=NS) == ["4"]
    assert root.xpath("//a:mainBody/a:hcontainer/@name", namespaces=NS) == ["annex", "appendix"]
    records = {r["label"]: r for r in back.records()}
    assert records["3.1"]["container"] == ["Part I", "Chapter 2", "Article 3"]


def test_treaty_structure_follows_akn() -> None:
    xml, _ = round_trip(tree_of(TREATY))
    root = etree.fromstring(xml)
    (statement,) = root.xpath("/a:akomaNtoso/a:statement[@name='treaty']", namespaces=NS)
    assert [etree.QName(e).localname for e in statement] == ["meta", "preface", "preamble", "mainBody"]
    assert root.xpath("string(//a:FRBRWork/a:FRBRsubtype/@value)", namespaces=NS) == "treaty"
    preamble = statement.find(f"{{{AKN_NS}}}preamble")
    assert [(etree.QName(e).localname, e.get("name")) for e in preamble] == [
        ("formula", "openingFormula"),
        ("recitals", None),
        ("formula", "enactingFormula"),
    ]
    assert preamble.xpath("string(a:formula[1]/a:p)", namespaces=NS) == "The Parties to this Agreement,"
    assert preamble.xpath("string(a:formula[2]/@eId)", namespaces=NS) == "formula"
    recitals = preamble.xpath("a:recitals/a:recital/@eId", namespaces=NS)
    assert recitals == ["pp_1", "pp_2", "pp_3", "pp_4"]
    options = preamble.xpath("a:recitals/a:recital[@eId='pp_3']/a:blockList/a:item", namespaces=NS)
    assert [(o.get(f"{{{AT_NS}}}kind"), o.findtext(f"{{{AKN_NS}}}num")) for o in options] == [
        ("option", "1"),
        ("option", "2"),
    ]
    body = statement.find(f"{{{AKN_NS}}}mainBody")
    assert [e.get("eId") for e in body] == ["art_1", "art_2bis", "art_2ter", "art_3", "art_4"]
    assert {etree.QName(e).localname for e in body} == {"article"}
    article1 = body[0]
    assert (article1.findtext(f"{{{AKN_NS}}}num"), article1.findtext(f"{{{AKN_NS}}}heading")) == ("1", "Definitions")
    chapeau = article1.xpath("a:paragraph[@eId='art_1__intro']", namespaces=NS)[0]
    assert chapeau.get(f"{{{AT_NS}}}kind") == "chapeau" and chapeau.find(f"{{{AKN_NS}}}num") is None
    group = body.xpath("a:article[@eId='art_3']/a:hcontainer", namespaces=NS)[0]
    assert group.get("name") == "optionGroup"
    assert [(o.get("name"), o.findtext(f"{{{AKN_NS}}}num")) for o in group] == [("option", "A"), ("option", "B")]
    assert body.xpath("string(a:article[@eId='art_2ter']/a:intro/a:foreign/amendtrack:bracket/@text)", namespaces=NS)
    assert root.xpath("//a:point/@eId", namespaces=NS) == [
        "art_2bis__para_2__subpara_b__point_i",
        "art_2bis__para_2__subpara_b__point_ii",
    ]


def awkward_structure() -> Draft:
    """What the readers rarely give but a tree may hold: control characters, markers on titles, odd chapeaux."""
    opening = Paragraph("Preamble", "chapeau", "The Parties\x0c,", "preamble", label_inferred=True)
    numbered_opening = Paragraph("Preamble", "chapeau", "Numbered,", "preamble_2", num="0.")  # not a formula
    item = Paragraph("PP1 Option 1 (a)", "item", "a [b", "pp_1__opt_1__item", brackets=[Bracket(2, 4, "[b", [], False)])
    option = Paragraph("PP1 Option 1", "option", "", "pp_1__opt_1", num="1", children=[item])
    group = Paragraph("PP1", "option_group", "", "pp_1", label_inferred=True, children=[option])
    enacting = Paragraph(
        "Enacting formula", "chapeau", "Agree:", "formula", markers=[Marker("footnote", "Note\x01", "1")]
    )
    inner = Paragraph("3.1 (Option 1)", "paragraph", "Text", "art_3__alt_1__opt_1__para_1", num="1")
    empty = Paragraph("Article 3 Option 2", "option", "", "art_3__alt_1__opt_2", num="2")
    marked = Paragraph(
        "Article 3 Option 1",
        "option",
        "",
        "art_3__alt_1__opt_1",
        num="1",
        markers=[Marker("note", "[Language from Kyoto]")],
        children=[inner],
    )
    groups = Paragraph("Article 3 options", "option_group", "", "art_3__alt_1", children=[marked, empty])
    middle = Paragraph("Article 3 chapeau", "chapeau", "Between", "art_3__intro", children=[])
    last = Paragraph("Article 3 chapeau 2", "chapeau", "Done\x0b.", "art_3__intro_2")
    article = Paragraph(
        "Article 3",
        "article",
        "[Title\x07]",
        "art_3",
        num="3\x0c",
        markers=[Marker("formerly", "[Formerly Article 4]", "Article 4")],
        brackets=[Bracket(0, 8, "[Title\x07]", ["Title\x07"])],
        children=[groups, middle, last],
    )
    untitled = Paragraph("Chapter", "chapter", "", "chp", children=[article])
    return Draft([opening, numbered_opening, group, enacting, untitled], preface=["\x07Title"])


def test_awkward_structure_round_trips_exactly_and_validates() -> None:
    xml, _ = round_trip(awkward_structure(), "awkward")
    root = etree.fromstring(xml)
    assert root.xpath("//a:preamble/*/@eId", namespaces=NS) == ["preamble", "formula"]  # recitals have no eId
    assert root.xpath("//a:recital/@eId", namespaces=NS) == ["preamble_2", "pp_1"]  # a numbered chapeau: a recital
    assert root.xpath("//a:chapter[@eId='chp']/a:heading", namespaces=NS) == []  # untitled: no heading
    assert root.xpath("//a:hcontainer[@eId='art_3__alt_1__opt_2']/*", namespaces=NS)[0].tag == f"{{{AKN_NS}}}num"


def test_drafts_without_the_new_kinds_keep_their_document_type() -> None:
    text = "The Parties,\n\nRecalling the Convention,\n\nHave agreed as follows:\n\n1. Decides."
    draft = tree_of(text)
    xml, _ = round_trip(draft, "decision")
    root = etree.fromstring(xml)
    assert root.xpath("/a:akomaNtoso/a:statement/@name", namespaces=NS) == ["resolution"]
    assert root.xpath("//a:preamble/a:formula/@name", namespaces=NS) == ["openingFormula", "enactingFormula"]


def document(body: str) -> bytes:
    """A valid AKN document around `body` (a mainBody's content), with amendtrack's meta."""
    export = draft_to_akn(Draft([]), "neg", "doc", "L", None)
    start, end = export.index(b"<mainBody>"), export.index(b"</mainBody>") + len(b"</mainBody>")
    return export[:start] + f"<mainBody>{body}</mainBody>".encode() + export[end:]


def test_plain_akn_options_and_containers_are_read_with_defaults() -> None:
    xml = document(
        '<part eId="p"><num>I</num><article eId="a"><num>1</num><heading>Goal</heading>'
        '<hcontainer name="optionGroup" eId="g"><hcontainer name="option" eId="o"><num>A</num>'
        "<content><p>Text</p></content></hcontainer></hcontainer></article></part>"
    )
    assert validate(xml) == []
    draft = read_akn(xml, "plain.xml")
    assert [(n.kind, n.label, n.text) for n, _ in draft.walk()] == [
        ("part", "I", ""),
        ("article", "1", "Goal"),
        ("option_group", "g", ""),
        ("option", "A", "Text"),
    ]


def test_text_a_container_holds_outside_its_paragraphs_is_refused_not_dropped() -> None:
    xml = document('<part eId="p">\n<article eId="a"><num>1</num><content><p>Lost?</p></content></article></part>')
    assert validate(xml) == []
    with pytest.raises(InputError, match=r"<article> in <part> holds text outside its heading") as caught:
        read_akn(xml, "plain.xml")
    assert caught.value.line == xml[: xml.index(b"<article")].count(b"\n") + 1


def paris_files() -> list[str]:
    return ["01_23-oct-2015.md", "05_final.md"]


@pytest.mark.skipif(not PARIS.is_dir(), reason=f"the Paris Agreement texts are not here ({PARIS} is missing)")
@pytest.mark.parametrize("name", paris_files())
def test_paris_texts_round_trip(name: str) -> None:
    draft = read_draft_file(PARIS / name)
    assert any(n.kind == "article" for n in draft.paragraphs)
    round_trip(draft, name.split("_")[0])


def test_cli_export_akn_then_import_gives_the_same_paragraphs(tmp_path: Path) -> None:
    """`amendtrack import` a treaty, `export akn` it, import the XML anew: the same `paragraphs --json`."""
    (tmp_path / "treaty.txt").write_text(TREATY, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'a.db'}"
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    run("import", str(tmp_path / "treaty.txt"), "--negotiation", "rivers", "--label", "October")
    out = tmp_path / "october.xml"
    run("export", "akn", "rivers", "october", "--out", str(out))
    assert validate(out.read_bytes()) == []
    run("import", str(out), "--negotiation", "again", "--label", "October")
    original = json.loads(run("paragraphs", "rivers", "october", "--json"))
    again = json.loads(run("paragraphs", "again", "october", "--json"))
    assert [{k: v for k, v in r.items() if k not in ("line_start", "line_end")} for r in again] == [
        {k: v for k, v in r.items() if k not in ("line_start", "line_end")} for r in original
    ]
