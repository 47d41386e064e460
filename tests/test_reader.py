"""The text reader on the real documents: labels, structure, texts, markers, furniture."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from amendtrack.errors import InputError
from amendtrack.model.tree import Draft
from amendtrack.read.files import read_draft_file
from amendtrack.read.limits import read_within_limit
from amendtrack.read.structure import read_text
from amendtrack.read.text import find_brackets, read_draft_text, read_text_file

DATA = Path(__file__).resolve().parent.parent / "data" / "drafts"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def first() -> Draft:
    return read_text_file(DATA / "gpa-2010" / "01-first-draft.txt")


@pytest.fixture(scope="module")
def july() -> Draft:
    return read_text_file(DATA / "gpa-2010" / "03-draft-2010-07-19.txt")


def labels(draft: Draft, kind: str | None = None, printed_only: bool = False) -> list[str]:
    return [
        node.label
        for node, _ in draft.walk()
        if (kind is None or node.kind == kind) and not (printed_only and node.label_inferred)
    ]


def text_of(draft: Draft, eid: str) -> str:
    node = draft.find(eid)
    assert node is not None, eid
    return node.text


# --- the first draft of the Global Plan of Action ------------------------------------


def test_first_draft_preamble_and_resolution(first: Draft) -> None:
    assert labels(first, "preamble") == [f"PP{n}" for n in range(1, 15)]
    assert [n.label for n in first.paragraphs if n.kind == "operative"] == ["OP1", "OP2"]
    op2 = first.find("op_2")
    assert [c.label for c in op2.children] == ["OP2(a)", "OP2(b)", "OP2(c)", "OP2(d)"]
    assert [c.num for c in op2.children] == ["(@)", "(b)", "(©0", "(d)"]  # printed as OCR'd
    pp14 = first.find("pp_14")
    assert [c.kind for c in pp14.children] == ["item"] * 7
    assert pp14.children[5].text.startswith("raise awareness within the UN system")


def test_first_draft_annex_paragraphs_each_once_in_their_section(first: Draft) -> None:
    annex = first.find("annex")
    assert annex is not None and annex.kind == "heading"
    assert annex.children[0].kind == "chapeau"
    assert annex.children[0].text.startswith("We, the States Members of the United Nations, reaffirm")
    where: dict[str, str] = {}
    for node, parent in first.walk():
        if node.kind == "operative" and node.eid.startswith("annex__para_"):
            assert node.label not in where, f"{node.label} twice"
            where[node.label] = parent.label
    assert list(where) == [str(n) for n in range(1, 71)]
    sections = {**{str(n): "Annex" for n in range(1, 12)}}
    sections.update({str(n): "I" for n in range(12, 22)})
    sections.update({str(n): "II" for n in range(22, 42)})
    sections.update({str(n): "III" for n in range(42, 56)})
    sections.update({str(n): "IV" for n in range(56, 71)})
    assert where == sections
    assert [first.find(f"annex__sec_{s}").text for s in ("I", "II", "III", "IV")] == [
        "Preventing trafficking in persons",
        "Protecting and assisting victims of trafficking",
        "Prosecuting crimes of trafficking in persons",
        "Strengthening partnerships against trafficking in persons",
    ]


def test_first_draft_lost_and_detached_labels(first: Draft) -> None:
    inferred = {n.label for n, _ in first.walk() if n.label_inferred and n.kind == "operative"}
    assert inferred == {"3", "4", "5", "6", "7", "9", "44"}  # the labels the scan lost
    para44 = first.find("annex__para_44")
    assert para44.num is None
    assert para44.text == (
        "Ensuring the existence of legislation or offence criminalizing trafficking in persons which "
        "specifies that the consent of the victim is irrelevant when any of the improper means mentioned "
        "in the Protocol to Prevent, Suppress and Punish Trafficking in Persons, especially Women and "
        "Children have been utilized;"
    )
    assert first.find("annex__para_42").num == "42,"  # comma for a period, as printed
    assert first.find("annex__para_1").num == "L."


EXPECTED_FIRST = {
    "pp_1": "Guided by the purposes and principles of the Charter of the United Nations and reaffirming its "
    "role under the Charter, including on questions related to development, peace and security and human rights,",
    "op_2__subpara_a": "To launch the Plan of Action during the sixty-fourth session;",
    "annex__para_10": "Also noting the important work of the United Nations High Commissioner for Refugees, the "
    "United Nations Children’s Fund (UNICEF), the International Labor Organization, and the International "
    "Organization for Migration (IOM) in the global fight against trafficking in persons;",
    "annex__para_14": "Adopting or implementing comprehensive policies and programmes at the national and regional "
    "levels and other measures to prevent all forms of trafficking in persons that are in line with relevant "
    "policies and programmes on migration, education, employment and ctime prevention;",
    "annex__para_16": "Developing or strengthening processes for the identification of victims such as those "
    "developed by UNODC and IOM, including appropriate and non-discriminatory measures that help to identify "
    "trafficked victims among vulnerable populations;",
    "annex__para_17": "Promoting awareness-raising campaigns to discourage the demand that fosters exploitation and "
    "inform persons at risk of being trafficked and the general public through education and effective involvement "
    "of mass media and monitoring the effectiveness of such campaigns;",
    "annex__para_18": "Increasing prevention efforts in countries of destination and transit by focusing on the "
    "demand for trafficked and exploited migrant labour and forced labour, and the demand for the goods produced "
    "as a result of such labour;",
    "annex__para_19": "Adopting specific measures to combat trafficking for labour exploitation and calling on "
    "producers and consumers of goods to abide by these measures:",
    "annex__para_21": "Encouraging the United Nations to work with Member States and relevant international, "
    "regional and sub-regional organizations to identify and share best practices to prevent trafficking in persons.",
    "annex__para_42": "Ensuring the effective implementation of the United Nations Convention against Transnational "
    "Organized Crime by criminalizing trafficking in persons as defined by Article 3 of its supplementing Protocol "
    "to Prevent, Suppress and Punish Trafficking in Persons, especially Women and Children;",
    "annex__para_43": "Prosecuting crimes of trafficking that encompass all forms of exploitation, including at a "
    "minimum the exploitation of the prostitution of others or other forms of sexual exploitation, forced labour "
    "or services, slavery or practices similar to slavery, servitude or the removal of organs and all types of "
    "victims;",
    "annex__para_45": "Adopting legislative and other measures necessary to establish as criminal offences:",
    "annex__para_45__subpara_c": "Organizing or directing other persons to commit an offence, as prescribed in "
    "the Protocol",
    "annex__para_48": "Ensuring liability of all categories of offenders, including the liability of legal persons;",
    "annex__para_70": "Encouraging Member States to consider making voluntary contributions to United Nations "
    "anti-human trafficking work, and to explore additional sources of funding in this regard, including reaching "
    "out to the private sector for contributions.",
}


@pytest.mark.parametrize("eid", sorted(EXPECTED_FIRST))
def test_first_draft_texts(first: Draft, eid: str) -> None:
    assert text_of(first, eid) == EXPECTED_FIRST[eid]


def test_first_draft_line_end_hyphens_kept_where_they_are_real(first: Draft) -> None:
    assert "Secretary-General on Violence Against Children" in text_of(first, "annex__para_8")
    assert "page" not in text_of(first, "annex__para_70")
    assert not text_of(first, "annex__para_70").endswith("10")  # the page number after it


# --- the draft of 19 July 2010 -------------------------------------------------------------

JULY_PRINTED = (
    ["PP1", "PP2", "PP4", "PP5", "PP7", "PP8", "PP9", "PP10", "PP11", "PP12", "PP14", "PP15"]
    + ["OP1", "OP2", "OP2(a)", "OP2(b)", "OP2(c)", "OP2(d)", "OP2(e)"]
    + ["1", "1bis", "2", "3", "4", "5", "6", "7", "8", "9", "10", "10bis"]
    + ["13", "12", "14", "15", "16", "17", "19", "20", "21"]
    + ["22", "23", "24", "25", "26", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40"]
    + ["42", "42(a)", "42(b)", "42(c)", "42(d)", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52"]
    + ["53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "64", "65", "66", "69", "67", "68", "70"]
)


def test_july_every_printed_label_in_printed_order(july: Draft) -> None:
    printed = [
        n.label for n, _ in july.walk() if not n.label_inferred and n.kind in ("preamble", "operative", "subparagraph")
    ]
    assert printed == JULY_PRINTED


def test_july_lost_labels_are_kept_and_flagged(july: Draft) -> None:
    inferred = [n.label for n, _ in july.walk() if n.label_inferred and n.kind != "heading"]
    # the unnumbered text right under heading IV is named after the heading it opens, not paragraph 55 of III
    assert inferred == ["PP6", "PP13", "41", "unnumbered paragraph after IV", "63"]
    assert july.find("pp_6").text.startswith("Convention against Transnational Organized Crime (hereinafter “UNTOC”)")
    assert july.find("annex__para_41").text.startswith("opportunity to consult with appropriate advisors")
    assert july.find("annex__intro").kind == "chapeau"


def test_july_placeholders_are_markers_not_text(july: Draft) -> None:
    deleted = {n.label for n, _ in july.walk() if any(m.kind == "deleted" for m in n.markers)}
    assert deleted == {"5", "29", "37", "68"}
    merged = {n.label: m.ref for n, _ in july.walk() for m in n.markers if m.kind == "merged"}
    assert merged == {
        **{str(n): "42" for n in range(43, 48)},
        "50": "49",
        "52": "49",
        "57": "56",
        "58": "56",
        "62": "60",
    }
    for label in ("5", "43", "62"):
        assert july.find(label).text == ""
    formerly = {n.label: m.ref for n, _ in july.walk() for m in n.markers if m.kind == "formerly"}
    assert formerly == {"PP5": "PP8", "PP8": "PP12"}
    forthcoming = [n.label for n, _ in july.walk() for m in n.markers if m.kind == "forthcoming"]
    assert forthcoming == ["OP2", "25", "36", "67"]
    note = [m for m in july.find("4").markers if m.kind == "note"]
    assert note and note[0].text == "[Language from para 18 of Salvador Declaration]"
    assert july.find("4").text.endswith("in the review of the implementation of the Convention")


def test_july_has_no_furniture_or_balloons_in_texts(july: Draft) -> None:
    for node, _ in july.walk():
        assert "Deleted" not in node.text, node.label
        assert "DRAFT (19 July 2010)" not in node.text, node.label
        assert not re.search(r"\s10$", node.text), node.label
    edits = {n.label: [m.text for m in n.markers if m.kind == "facilitator_edit"] for n, _ in july.walk()}
    assert edits["2"] == ["to"]
    assert "root causes and" in edits["7"]
    assert any(text.startswith("encourage the Conference of the Parties to UNTOC") for text in edits["7"])


def test_july_brackets_recorded_with_alternatives(july: Draft) -> None:
    para25 = july.find("25")
    assert "[as set out in / as outlined in]" in para25.text
    assert [(b.alternatives, b.closed) for b in para25.brackets] == [(["as set out in", "as outlined in"], True)]
    start, end = para25.brackets[0].start, para25.brackets[0].end
    assert para25.text[start:end] == "[as set out in / as outlined in]"
    assert july.find("31").brackets[-1].closed is False  # the scan cut it off


# --- the 2019 Working Group report and the 2015 consolidated list ------------------------------


@pytest.mark.parametrize(
    ("file", "first_rec", "last_rec"),
    [
        ("01-draft-report-L1.txt", 1, 11),
        ("02-draft-report-L1-Add1.txt", 12, 34),
        ("03-draft-report-L1-Add2.txt", 35, 50),
    ],
)
def test_wg_2019_recommendations(file: str, first_rec: int, last_rec: int) -> None:
    draft = read_text_file(DATA / "wg-tip-2019" / file)
    recs = [n for n, _ in draft.walk() if n.kind == "recommendation"]
    assert [n.label for n in recs] == [f"Recommendation {k}" for k in range(first_rec, last_rec + 1)]
    texts = [n.text for n in recs]
    assert len(set(texts)) == len(texts)
    for node in recs:
        assert node.text.endswith("."), node.label
        assert "Recommendation" not in node.text and "V.19-09261" not in node.text


def test_wg_2019_texts_and_structure() -> None:
    add1 = read_text_file(DATA / "wg-tip-2019" / "02-draft-report-L1-Add1.txt")
    assert add1.find("rec_12").text == (
        "Member States should consider consulting victims and survivors of human trafficking both for sexual and "
        "labour exploitation, members of at-risk groups, civil society, law enforcement, prosecutors and front-line "
        "service providers in developing, renewing or implementing strategies and initiatives to counter human "
        "trafficking."
    )
    assert add1.find("rec_27").text == (
        "Member States should harmonize policy frameworks and build a network of stakeholders to develop tools to "
        "better tackle trafficking in persons in supply chains."
    )
    parents = {n.label: p.label for n, p in add1.walk() if p is not None}
    assert parents["Recommendation 34"] == "II.C"
    assert parents["1"] == "II.C"
    assert [n.label for n, _ in add1.walk() if n.kind == "paragraph"] == [str(k) for k in range(1, 19)]
    main = read_text_file(DATA / "wg-tip-2019" / "01-draft-report-L1.txt")
    assert [n.label for n, _ in main.walk() if n.kind == "paragraph"] == [str(k) for k in range(1, 40)]
    assert [c.label for c in main.find("para_38").children] == ["38(a)", "38(b)", "38(c)", "38(c)", "38(d)"]
    assert main.find("para_38__subpara_a").text == "Annotated provisional agenda (CTOC/COP/WG.4/2019/1);"
    assert [b.text for b in main.find("para_22").brackets] == ["[3rd and 4th]", "[s]"]


def test_wg_2015_paragraphs_and_items() -> None:
    draft = read_text_file(DATA / "wg-tip-2015" / "01-consolidated-recommendations.txt")
    assert [n.label for n, _ in draft.walk() if n.kind == "paragraph"] == [str(k) for k in range(1, 125)]
    items = {n.label: [c.label for c in n.children] for n, _ in draft.walk() if n.children and n.kind == "paragraph"}
    assert items["4"] == ["4(a)", "4(b)", "4(c)", "4(d)"]
    assert items["40"] == [f"40({c})" for c in "abcdefgh"]
    assert items["60"] == [f"60({c})" for c in "abcdef"]
    assert (
        draft.find("60(a)").text
        == "Costs of medical, physical, psychological or psychiatric treatment required by the victim;"
    )
    assert "seizing and confiscating goods obtained by criminal means" in draft.find("83").text
    heading = draft.find("sec_III__subsec_C")
    assert heading.text.endswith("from 10 to 12 October 2011")
    assert [m.ref for m in heading.markers if m.kind == "footnote"] == ["2"]
    for node, _ in draft.walk():
        assert "Ibid." not in node.text and "CTOC/COP/WG.4/2013/5" not in node.text, node.label


# --- the carving and bad input -------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed bundle ../shared/seeds is not beside this checkout")
def test_sample_data_is_carved_verbatim_from_the_seeds() -> None:
    for manifest in DATA.glob("*/manifest.toml"):
        spec = tomllib.loads(manifest.read_text(encoding="utf-8"))
        for doc in spec["documents"]:
            seed = (SEEDS / doc["seed"]).read_text(encoding="utf-8").split("\n")
            first, last = doc["lines"]
            carved = (manifest.parent / doc["file"]).read_text(encoding="utf-8").split("\n")
            assert carved[: last - first + 1] == seed[first - 1 : last], doc["id"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file: it is a PNG image"),
        (b"PP1. Guided by\x00\x00 the purposes", "not a text file: NUL byte"),
        (b"   \n\n  ", "empty file"),
        (b"Dear colleagues,\nplease find attached the note.\n", "no paragraphs found"),
    ],
)
def test_bad_input_is_refused_naming_the_file(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_text_file(path)
    message = str(error.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_a_file_without_a_size_is_read_no_further_than_its_limit() -> None:
    """/dev/zero says it has no bytes and never ends: the reader stops one byte past the limit and refuses it."""
    with pytest.raises(
        InputError, match=r"^/dev/zero: file too large: more than 1024 bytes \(the limit for a text file\)$"
    ):
        read_within_limit("/dev/zero", 1024, "a text file")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("PP1. Recalling\n\nPP2. Reaff\x00irming,", r"^d\.txt:3: text holds a NUL character \(never text\)$"),
        ("PP1. Recalling \udfff,", r"^d\.txt:1: text holds U\+DFFF, a lone surrogate \(not a character\)$"),
    ],
)
def test_text_given_as_a_string_holds_no_nul_and_no_lone_surrogate(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_draft_text(text, "d.txt")


def test_a_form_feed_is_text() -> None:
    assert read_draft_text("PP1. Recalling the Charter\x0cof the United Nations,", "d.txt").paragraphs


def test_encodings_are_read(tmp_path: Path) -> None:
    text = (
        "PP1. Guided by the purposes of the Charter, including “human rights”,\n\nPP2. Reiterating its condemnation,\n"
    )
    for encoding, bom in (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("cp1252", b"")):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(bom + text.encode(encoding))
        draft = read_text_file(path)
        assert [n.label for n in draft.paragraphs] == ["PP1", "PP2"]
        assert draft.paragraphs[0].text.endswith("including “human rights”,")


def test_bracket_spans_are_offsets_into_the_text() -> None:
    text = "Review services, [as set out in / as outlined in] the Protocol and [UNTOC]"
    spans = find_brackets(text)
    assert [text[b.start : b.end] for b in spans] == ["[as set out in / as outlined in]", "[UNTOC]"]
    assert spans[1].alternatives == ["UNTOC"]


def test_stacked_labels_are_matched_in_a_small_draft() -> None:
    text = "\n".join(
        [
            "PP1. Recalling its resolutions,",
            "",
            "1. Decides to act;",
            "",
            "2.",
            "",
            "3.",
            "",
            "Urges States to act;",
            "",
            "Invites all to act;",
            "",
            "4. Requests a report.",
        ]
    )
    draft = read_draft_text(text, "small.txt")
    assert [(n.label, n.text, n.label_inferred) for n in draft.paragraphs] == [
        ("PP1", "Recalling its resolutions,", False),
        ("OP1", "Decides to act;", False),
        ("OP2", "Urges States to act;", False),
        ("OP3", "Invites all to act;", False),
        ("OP4", "Requests a report.", False),
    ]


def _sections(heading: str) -> str:
    """A decision in three sections whose paragraphs are numbered afresh in each; section II's '2.' is
    printed alone before its text, and section III's second label was lost."""
    return f"""Draft decision -/COP.10

Implementation of the Protocol

{heading.format("I", "A", "General")}

1. Welcomes the report of the Working Group on its meeting held in Vienna
from 9 to 11 September 2019;

2. Decides that the Working Group shall continue its work;

{heading.format("II", "B", "Prevention")}

1. Urges States parties to prevent trafficking in persons and to protect its
victims, in particular women and children;

2.

Encourages States parties to raise awareness among vulnerable groups and
to strengthen cooperation with civil society;

{heading.format("III", "C", "Follow-up")}

1. Requests the secretariat to report to the Conference at its next session
on the implementation of the present decision;

Invites Member States to provide extrabudgetary resources for the purpose;

3. Decides to remain seized of the matter.
"""


@pytest.mark.parametrize("heading", ["{0}. {2}", "{1}. {2}"], ids=["sections I, II", "sections A, B"])
def test_a_decision_numbered_afresh_in_each_section_labels_each_paragraph_by_its_section(heading: str) -> None:
    """Decisions whose paragraphs restart at 1 in each section: a '1.' right under a heading starts the section's
    numbering (it is not a second copy of paragraph 1, nor an annex); labels say the section ('II.1'); a label
    printed alone or lost is found within its section."""
    draft = read_draft_text(_sections(heading), "decision.txt")
    a, b, c = ("I", "II", "III") if heading.startswith("{0}") else ("A", "B", "C")
    numbered = [(n.label, n.text.split()[0], n.label_inferred) for n, _ in draft.walk() if n.kind != "heading"]
    assert numbered == [
        (f"{a}.1", "Welcomes", False),
        (f"{a}.2", "Decides", False),
        (f"{b}.1", "Urges", False),
        (f"{b}.2", "Encourages", False),
        (f"{c}.1", "Requests", False),
        (f"{c}.2", "Invites", True),
        (f"{c}.3", "Decides", False),
    ]
    assert [n.label for n in draft.paragraphs] == [a, b, c]
    assert draft.preface == ["Draft decision -/COP.10", "Implementation of the Protocol"]


def test_a_report_numbered_on_through_its_sections_keeps_plain_labels() -> None:
    """Numbering that goes on through the sections is not qualified: paragraph 3 under II is '3'."""
    text = "I. General\n\n1. Welcomes the report;\n\n2. Decides to act;\n\nII. Prevention\n\n3. Urges States to act."
    draft = read_draft_text(text, "decision.txt")
    assert [n.label for n, _ in draft.walk() if n.kind != "heading"] == ["1", "2", "3"]


def _labels(text: str) -> list[str]:
    return [n.label for n, _ in read_draft_text(text, "draft.txt").walk()]


def test_a_resolution_numbered_afresh_in_each_section_labels_its_operative_paragraphs_by_section() -> None:
    """PP1, PP2, then 'I. Prevention' 1., 2. and 'II. Protection' 1., 2.: the second '1.' opens no annex and the
    operative paragraphs are cited by their section, never twice 'OP1' (found by the review helper)."""
    text = (
        "Draft resolution\n\nPP1. Recalling its resolution 64/293 on the Global Plan of Action,\n\n"
        "PP2. Reaffirming its commitment to prevent and combat trafficking in persons,\n\nI. Prevention\n\n"
        "1. Urges Member States to address the root causes of trafficking in persons;\n\n"
        "2. Encourages Member States to conduct awareness-raising campaigns;\n\nII. Protection\n\n"
        "1. Calls upon Member States to provide shelters and legal aid to victims;\n\n"
        "2. Requests the Secretary-General to report on the implementation of the present resolution.\n"
    )
    assert _labels(text) == ["PP1", "PP2", "I", "I.1", "I.2", "II", "II.1", "II.2"]


def test_numbering_restarted_under_subsections_and_then_a_section_is_labelled_by_each() -> None:
    """Paragraphs restart under II.A and II.B, then under III: each counts under the heading it restarted under."""
    parts = ["I. General", "1. Welcomes the report;", "2. Decides to act;", "II. Measures", "A. Prevention"]
    parts += ["1. Urges States to prevent trafficking;", "2. Encourages States to raise awareness;"]
    parts += ["B. Protection", "1. Calls upon States to protect victims;", "2. Invites States to provide shelters;"]
    parts += ["III. Follow-up", "1. Requests a report;", "2. Decides to remain seized of the matter."]
    assert _labels("Draft decision\n\n" + "\n\n".join(parts) + "\n") == [
        "I", "I.1", "I.2", "II", "II.A", "II.A.1", "II.A.2", "II.B", "II.B.1", "II.B.2", "III", "III.1", "III.2",
    ]  # fmt: skip


def _parts_and_subsections(labelled: bool, afresh: bool) -> str:
    """A decision in parts 'I. Mitigation' and 'II. Means of implementation', each in lettered subsections
    ('A. Purpose'), numbered afresh in each subsection or on through the text."""
    recital = f"{'PP1 ' if labelled else ''}Recalling decision 1/CP.17 on the Durban Platform,"
    parts = ["The Conference of the Parties,", recital]
    number = 0
    layout = (("I. Mitigation", ("A. Purpose", "B. Sinks")), ("II. Support", ("A. Finance", "B. Technology")))
    layout += (("III. Review", ("A. Stocktake",)),)
    for part, subsections in layout:
        parts.append(part)
        for subsection in subsections:
            parts.append(subsection)
            number = 0 if afresh else number
            for verb in ("Decides to act on", "Requests a report on"):
                number += 1
                parts.append(f"{number}. {verb} {subsection[3:].lower()};")
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("labelled", [False, True], ids=["recital unlabelled", "recital PP1"])
@pytest.mark.parametrize("afresh", [False, True], ids=["numbered on", "numbered afresh"])
def test_a_decision_in_parts_and_lettered_subsections_reads_each_subsection(labelled: bool, afresh: bool) -> None:
    """'I. Mitigation', 'A. Purpose', 'B. Sinks', 'II. Support', 'A. Finance', 'B. Technology': the lettered lines are
    subsections of their part, whichever reader reads the decision (an unlabelled preamble or PP1); numbered
    afresh in each, the paragraphs are cited by it ('I.B.2'), never twice '1', also in a part of one
    subsection ('III.A.1', as in the others). Before, the structure reader read the headings as recitals and
    text, and both left duplicate labels."""
    draft = read_text(_parts_and_subsections(labelled, afresh), "decision.txt")
    headings = [(n.label, n.text) for n, _ in draft.walk() if n.kind in ("heading", "section")]
    assert headings == [
            ("I", "Mitigation"), ("I.A", "Purpose"), ("I.B", "Sinks"), ("II", "Support"), ("II.A", "Finance"),
        ("II.B", "Technology"), ("III", "Review"), ("III.A", "Stocktake"),
    ]  # fmt: skip
    numbered = [(n.label, n.text) for n, _ in draft.walk() if n.text.startswith(("Decides", "Requests a"))]
    expected = ["I.A.1", "I.A.2", "I.B.1", "I.B.2", "II.A.1", "II.A.2", "II.B.1", "II.B.2", "III.A.1", "III.A.2"]
    expected = expected if afresh else [str(k) for k in range(1, 11)]
    prefix = "OP" if labelled and not afresh else ""
    assert [label for label, _ in numbered] == [prefix + label for label in expected]
    assert numbered[3][1] == "Requests a report on sinks;"


@pytest.mark.parametrize("afresh", [False, True], ids=["numbered on", "numbered afresh"])
def test_a_lettered_subsection_keeps_its_printed_letter_after_a_gap_and_after_h(afresh: bool) -> None:
    """'A. Purpose' then 'C. Sinks' (B dropped, the rest not relettered) is 'I.C', never a second 'I.A'; in a
    decision lettered A to J without parts, 'I. Capacity' is the ninth section, not a part over 'J.' (both
    found by the review)."""
    preamble = ["The Conference of the Parties,", "Recalling decision 1/CP.17 on the Durban Platform,"]

    def read(titles: list[str]) -> Draft:
        parts, number = list(preamble), 0
        for title in titles:
            number = 0 if afresh and not title.startswith(("I. M", "II. S")) else number
            parts.append(title)
            if not title.startswith(("I. M", "II. S")):
                parts += [f"{number + 1}. Decides to act on {title[3:].lower()};", f"{number + 2}. Requests a report;"]
                number += 2
        return read_text("\n\n".join(parts) + "\n", "decision.txt")

    gap = read(["I. Mitigation", "A. Purpose", "C. Sinks", "II. Support", "A. Finance"])
    assert [n.label for n, _ in gap.walk() if n.kind == "section"] == ["I", "I.A", "I.C", "II", "II.A"]
    labels = [n.label for n, _ in gap.walk()]
    assert len(labels) == len(set(labels))
    titles = "Purpose Mitigation Sinks Cooperation Adaptation Losses Finance Technology Capacity Transparency"
    letters = read([f"{chr(65 + k)}. {title}" for k, title in enumerate(titles.split())])
    assert [n.label for n, _ in letters.walk() if n.kind == "section"] == list("ABCDEFGHIJ")


@pytest.mark.parametrize("markdown", [False, True], ids=["plain text", "Markdown"])
def test_lettered_sections_under_bare_part_titles_are_the_parts_subsections(markdown: bool, tmp_path: Path) -> None:
    """'Mitigation' over 'A. Purpose' and 'B. Sinks', then 'Support' over 'A. Finance' and 'B. Technology': each
    bare title opens a part and its letters afresh; before, the first part's subsections stood beside it
    and the second part's were read as unnumbered titles (found by the review)."""
    hashes = ("## ", "### ") if markdown else ("", "")
    parts = ["The Conference of the Parties,", "Recalling decision 1/CP.17 on the Durban Platform,"]
    number = 0
    for part, subsections in (("Mitigation", ("A. Purpose", "B. Sinks")), ("Support", ("A. Finance", "B. Tech"))):
        parts.append(hashes[0] + part)
        for subsection in subsections:
            number += 1
            parts += [hashes[1] + subsection, f"{number}. Decides to act on {subsection[3:].lower()};"]
    path = tmp_path / ("decision.md" if markdown else "decision.txt")
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    draft = read_draft_file(path)
    sections = {node.text: (node.label, parent.text if parent else "") for node, parent in draft.walk()}
    assert sections["Purpose"] == ("Section 1.A", "Mitigation") and sections["Sinks"] == ("Section 1.B", "Mitigation")
    assert sections["Finance"] == ("Section 2.A", "Support") and sections["Tech"] == ("Section 2.B", "Support")


def test_a_resolutions_lettered_subsections_keep_their_letters_after_a_gap() -> None:
    """'I. Implementation', then 'B. Financing' and 'C. Technology' (A dropped, the rest not relettered) in a
    resolution with PP labels: subsections I.B and I.C, as the structure reader reads them, not a recital and
    an unnumbered paragraph (found by the second review)."""
    parts = ["The General Assembly,", "PP1 Recalling its resolution 70/1,", "PP2 Noting the report,"]
    parts += ["I. Implementation", "B. Financing", "1. Urges States to finance the plan;", "C. Technology"]
    parts += ["2. Invites States to share technology;", "II. Follow-up", "3. Decides to remain seized of the matter."]
    draft = read_text("\n\n".join(parts) + "\n", "resolution.txt")
    assert [node.label for node, _ in draft.walk() if node.kind == "heading"] == ["I", "I.B", "I.C", "II"]


def test_lettered_items_after_a_colon_in_a_resolutions_section_are_no_subsections() -> None:
    """'1. Decides that the agenda … shall be grouped under the following headings:' then 'A. …' to 'D. …':
    the lettered lines are the paragraph's list, and paragraphs 2 and 3 stay in section I (found by the
    review of the rule that reads 'A. Title' under a resolution's numbered section)."""
    items = ["A. Promotion of sustained economic growth", "B. Maintenance of international peace and security"]
    items += ["C. Development of Africa", "D. Promotion of human rights"]
    parts = ["The General Assembly,", "PP1 Recalling its resolution 58/316 on the revitalization of its work,"]
    parts += ["I. Organization of work", "1. Decides that its agenda shall be grouped under the following headings:"]
    parts += [*items, "2. Requests the Secretary-General to circulate the grouped agenda;", "3. Decides to review it;"]
    parts += ["II. Revitalization", "4. Decides to remain seized of the matter."]
    draft = read_text("\n\n".join(parts) + "\n", "resolution.txt")
    parents = {node.label: parent.label if parent else "" for node, parent in draft.walk()}
    assert [node.label for node, _ in draft.walk() if node.kind == "heading"] == ["I", "II"]
    assert parents["OP2"] == parents["OP3"] == "I"


def test_a_report_numbered_on_keeps_plain_labels_when_a_list_or_its_annex_restarts_under_a_heading() -> None:
    """A report numbered 1 to 6 through its sections keeps plain labels when an agenda printed right under 'B.
    Agenda' restarts at 1 and the report's numbering then carries on ('5.' under C), and when its annex's
    sections number afresh (found by the review helper)."""
    parts = ["I. Introduction", "1. The Conference decided to establish a working group.", "2. It met in Vienna."]
    parts += ["II. Organization", "A. Opening", "3. The meeting was opened by the Chair.", "4. Statements were made."]
    parts += ["B. Agenda", "1. Organizational matters.", "2. Other matters.", "3. Adoption of the report."]
    parts += ["C. Attendance", "5. Parties were represented.", "6. A list of participants is issued.", "ANNEX"]
    parts += ["I. Prevention", "1. Speakers stressed prevention.", "2. Speakers noted research."]
    labels = _labels("Draft report\n\n" + "\n\n".join(parts) + "\n")
    assert [label for label in labels if label[:1].isdigit()] == ["1", "2", "3", "4", "5", "6"]
    assert [label for label in labels if label.startswith("II.B.")] == ["II.B.1", "II.B.2", "II.B.3"]
    assert labels[-2:] == ["I.1", "I.2"]


def test_a_section_and_its_first_subsection_opened_together_restart_the_section_not_the_subsection() -> None:
    """'II. Prevention', 'A. Measures', then '1.': section II numbers afresh, and '3.' under 'B. Follow-up' is
    its third paragraph, not the numbering of section I carrying on (found by the second review)."""
    parts = ["I. General", "1. Welcomes the report;", "2. Decides to act;", "II. Prevention", "A. Measures"]
    parts += ["1. Urges States to prevent trafficking;", "2. Encourages States to raise awareness;", "B. Follow-up"]
    parts += ["3. Requests a report on this section;", "III. Protection", "A. Assistance", "1. Calls upon States;"]
    labels = [label for label in _labels("Draft decision\n\n" + "\n\n".join(parts) + "\n") if label[-1].isdigit()]
    assert labels == ["I.1", "I.2", "II.1", "II.2", "II.3", "III.1"]


def test_an_agenda_right_under_a_heading_leaves_a_report_numbered_on_with_plain_labels() -> None:
    """Paragraphs 1 to 3, then 'II. Organization', 'A. Agenda' and its items 1. to 4., then '4.' under 'B.
    Attendance': the report's numbering carries on, so its paragraphs keep plain labels before and after the
    list (found by the second review)."""
    parts = ["I. Introduction", "1. The Conference decided.", "2. It met in Vienna.", "3. Five meetings were held."]
    parts += ["II. Organization", "A. Agenda", "1. Organizational matters.", "2. Prevention.", "3. Other matters."]
    parts += ["4. Adoption of the report.", "B. Attendance", "4. Parties were represented.", "5. A list was issued."]
    parts += ["III. Adoption of the report", "6. The Working Group adopted the report."]
    labels = [label for label in _labels("Draft report\n\n" + "\n\n".join(parts) + "\n") if label[-1].isdigit()]
    assert labels == ["1", "2", "3", "II.1", "II.2", "II.3", "II.4", "4", "5", "6"]


@pytest.mark.parametrize("afresh", [False, True], ids=["numbered on", "numbered afresh"])
def test_a_label_printed_alone_right_under_a_heading_numbers_the_text_after_it(afresh: bool) -> None:
    """'II. Prevention', then '3.' (or '1.') alone on its line, then the text: the text is that paragraph's,
    not more of the heading's title (a PDF's text layer puts labels on lines of their own; found by the
    second review)."""
    first = "1" if afresh else "3"
    text = (
        "Draft decision\n\nI. General\n\n1. Welcomes the report of the Working Group;\n\n2. Decides to act;\n\n"
        f"II. Prevention\n\n{first}.\nUrges States parties to address the root causes of trafficking;\n\n"
        f"{int(first) + 1}. Encourages States parties to raise awareness.\n"
    )
    draft = read_draft_text(text, "decision.txt")
    assert draft.find("II").text == "Prevention"
    label = "II.1" if afresh else "3"
    assert draft.find(label).text == "Urges States parties to address the root causes of trafficking;"


REPORT = """\
I. Recommendations

1. The Working Group recommends that States parties strengthen cooperation in investigations.

2. States parties should consider providing assistance to victims regardless of their cooperation.

II. Summary of deliberations

Prevention

3. Several speakers underlined the importance of awareness-raising campaigns for vulnerable groups.

4. One speaker described a national action plan adopted in 2014.

Protection

5. Speakers stressed the need to identify victims at an early stage and to refer them to services.
"""


def test_unnumbered_titles_under_a_printed_section_are_its_subsections() -> None:
    """'Prevention' and 'Protection' printed alone before numbered paragraphs under 'II.': subsections II.A
    and II.B, their labels inferred; before, 'Protection' ran into paragraph 4's text."""
    draft = read_draft_text(REPORT, "report.txt")
    section = draft.find("II")
    assert section is not None
    assert [(c.label, c.text, c.label_inferred) for c in section.children] == [
        ("II.A", "Prevention", True),
        ("II.B", "Protection", True),
    ]
    assert [p.label for p in section.children[1].children] == ["5"]
    assert draft.find("4").text == "One speaker described a national action plan adopted in 2014."


def test_a_run_of_unnumbered_titles_is_a_section_and_its_subsection() -> None:
    text = REPORT.replace("I. Recommendations\n", "Recommendations\n").replace("II. Summary", "Summary")
    draft = read_draft_text(text, "report.txt")
    headings = [(n.label, n.text) for n, _ in draft.walk() if n.kind == "heading"]
    expected = [("Section 1", "Summary of deliberations"), ("Section 1.A", "Prevention"), ("Section 1.B", "Protection")]
    assert headings[-3:] == expected
    assert all(n.label_inferred for n, _ in draft.walk() if n.kind == "heading")
    assert [p.label for p in draft.find("Section 1.A").children] == ["3", "4"]


def test_what_is_no_title_stays_as_it_was_read() -> None:
    """Names listed after 'the following officers:' are no titles; an annex line is the annex, and a title
    after it opens a section of the annex; a printed 'I.' after an unnumbered title is still section I,
    and the two are told apart ('Section 1', 'I')."""
    officers = "2. The Working Group elected the following officers:\n\nMaria Lopez (Mexico)\n\nJohn Smith (Canada)\n\n"
    annex = "Annex\n\nTerms of reference\n\n5. The Group shall meet.\n"
    results = "I. Results\n\n4. Done.\n\n"
    text = f"1. The Group met.\n\nBackground\n\n{officers}3. Ms. Lopez took the chair.\n\n{results}{annex}"
    draft = read_draft_text(text, "report.txt")
    headings = [(n.label, n.text, n.label_inferred) for n, _ in draft.walk() if n.kind == "heading"]
    assert headings == [
        ("Section 1", "Background", True),
        ("I", "Results", False),
        ("Annex", "", False),
        ("Section 1", "Terms of reference", True),
    ]
    assert draft.find("5").eid == "annex__para_5"
    assert "Maria Lopez (Mexico)" in " ".join(n.text for n, _ in draft.walk() if n.kind == "paragraph")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Loss and damage", True),
        ("Capacity-building", True),
        ("Option 1", False),
        ("Alternative B", False),
        ("Recalling Article 9 of the Paris Agreement,2", False),
        ("USA: delete", False),
        ("L Preventing trafficking", False),
        ("IV Strengthening partnerships", False),
    ],
)
def test_title_shape(line: str, title: bool) -> None:
    from amendtrack.read.text.labels import title_shape

    assert title_shape(line) is title
