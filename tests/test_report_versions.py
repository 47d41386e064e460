"""Near-identical advance and final versions of a report: read alike from Word text and a PDF's text layer,
and aligned paragraph for paragraph (bench/report_scenarios.py builds them from the sample reports)."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from amendtrack.compare.align import Link, align
from amendtrack.model.tree import Draft
from amendtrack.read.files import read_draft_file
from amendtrack.read.structure import read_text
from amendtrack.read.text.labels import roman_heading, wraps_on

ROOT = Path(__file__).resolve().parents[1]
L1 = ROOT / "data" / "drafts" / "wg-tip-2019" / "01-draft-report-L1.txt"
CONSOLIDATED = ROOT / "data" / "drafts" / "wg-tip-2015" / "01-consolidated-recommendations.txt"


def _scenarios():  # noqa: ANN202 - a module
    spec = importlib.util.spec_from_file_location("report_scenarios", ROOT / "bench" / "report_scenarios.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("report_scenarios", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def nodes(draft: Draft) -> list[tuple[str, str, str]]:
    return [(node.kind, node.label, " ".join(node.text.split())) for node, _ in draft.walk()]


def test_a_date_is_never_a_section_heading() -> None:
    assert roman_heading("11 September 2019") is None  # OCR's '11' for II needs its stop
    assert roman_heading("1 July 2010") is None
    assert roman_heading("11. Prevention").number == 2 and roman_heading("II Prevention").number == 2


def test_an_advance_version_masthead_leaves_the_sections_as_they_were() -> None:
    text = L1.read_text(encoding="utf-8")
    masthead = "Advance unedited version\n\nDistr.: Limited\n\n11 September 2019\n\nOriginal: English\n\n"
    advance = read_text(masthead + text, "advance.txt")
    assert nodes(advance) == nodes(read_text(text, "L1.txt"))
    assert nodes(advance)[0] == ("heading", "I", "Introduction")


@pytest.mark.parametrize("path", [L1, CONSOLIDATED], ids=["2019 L.1", "2015 consolidated"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_pdf_text_layer_of_a_report_reads_as_its_word_text(path: Path, seed: int) -> None:
    """Wrapped lines, a blank line after each, page furniture and a running header in the flow: inside
    paragraphs, inside wrapped titles and between them."""
    bench = _scenarios()
    blocks = bench.blocks_of(read_draft_file(path))
    lines = [line for block in blocks for line in bench.printed(block, block.number)]
    word = read_text(bench.as_word(lines), "word.txt")
    for running in (bench.FINAL_RUNNING, bench.ADVANCE_RUNNING):
        pdf = read_text(bench.as_pdf(lines, random.Random(seed), running), "pdf.txt")
        assert nodes(pdf) == nodes(word)


@pytest.mark.parametrize("path", [L1, CONSOLIDATED], ids=["2019 L.1", "2015 consolidated"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_advance_versions_watermark_alone_at_page_breaks_is_never_text_or_a_title(path: Path, seed: int) -> None:
    """'Advance unedited version' atop each page with no page number beside it, also right above a heading:
    it is a line of the title block printed again, the watermark, never a section's title or a paragraph."""
    bench = _scenarios()
    blocks = bench.blocks_of(read_draft_file(path))
    lines = bench.masthead(False) + [line for block in blocks for line in bench.printed(block, block.number)]
    word = read_text(bench.as_word(lines), "word.txt")
    pdf = read_text(bench.as_pdf(lines, random.Random(seed), bench.WATERMARK_ONLY), "pdf.txt")
    assert nodes(pdf) == nodes(word)
    assert not [text for _, _, text in nodes(pdf) if "Advance unedited version" in text]


@pytest.mark.parametrize("layer", [False, True], ids=["word text", "text layer"])
def test_a_part_of_a_report_whose_numbering_opens_at_10_keeps_every_number(layer: bool) -> None:
    """The 2019 report from its paragraph 10 on (an excerpt, or a part issued on its own): 10., 11., 12. are
    paragraphs 10, 11, 12 (never text of the title block, never '11.' read as section II), and the rest as in
    the whole report."""
    bench = _scenarios()
    blocks = bench.blocks_of(read_draft_file(L1))
    start = next(
        k for k, b in enumerate(blocks) if b.kind == "paragraph" and b.number.isdigit() and int(b.number) >= 10
    )
    lines = [line for block in blocks[start:] for line in bench.printed(block, block.number)]
    text = bench.as_pdf(lines, random.Random(1), bench.FINAL_RUNNING) if layer else bench.as_word(lines)
    part = read_text(text, "part.txt")
    whole = {
        label: text
        for _, label, text in nodes(
            read_text(bench.as_word([line for b in blocks for line in bench.printed(b, b.number)]), "w")
        )
    }
    numbered = [(label, text) for kind, label, text in nodes(part) if kind == "paragraph" and label.isdigit()]
    assert [label for label, _ in numbered] == [
        b.number for b in blocks[start:] if b.kind == "paragraph" and b.number.isdigit()
    ]
    assert all(whole[label] == text for label, text in numbered)
    assert not part.preface


def test_a_section_whose_paragraphs_open_at_10_is_no_section_ii_at_11() -> None:
    text = "I. Recommendations\n\n" + "".join(
        f"{n}. The Working Group recommended that States parties should consider measure {n}.\n\n" for n in (10, 11, 12)
    )
    assert [(kind, label) for kind, label, _ in nodes(read_text(text, "r.txt"))] == [
        ("heading", "I"),
        ("paragraph", "10"),
        ("paragraph", "11"),
        ("paragraph", "12"),
    ]


def test_an_excerpt_whose_second_paragraph_opens_a_list_keeps_its_numbers() -> None:
    """10., then 11. '… the following points were made:' with its list 1. to 3., then 12.: the list is no
    paragraph 1, and the excerpt's run 10, 11, 12 goes on around it."""
    text = "III. Summary of deliberations\n\n10. The Working Group discussed prevention at length.\n\n"
    text += "11. In the discussion, the following points were made:\n\n1. Prevention should address root causes;\n\n"
    text += "2. Data should be collected;\n\n3. Victims should be protected.\n\n"
    text += "12. The Working Group thanked the speakers.\n"
    found = [(kind, label) for kind, label, _ in nodes(read_text(text, "part.txt"))]
    assert found == [("heading", "III"), ("paragraph", "10"), ("paragraph", "11")] + [
        ("item", f"11({n})") for n in (1, 2, 3)
    ] + [("paragraph", "12")]


MASTHEAD = "A/HRC/44/50\n\nDistr.: General\n\n12 May 2020\n\nOriginal: English\n\n"


def test_an_agenda_the_masthead_lists_from_item_7_opens_no_body() -> None:
    """Agenda items 7. to 9. under the title block's 'following agenda items:' are no paragraphs 7 to 9: the
    report's own paragraph 1 is printed further down."""
    text = MASTHEAD + "Report of the Special Rapporteur\n\nThe present report addresses the following agenda items:\n\n"
    text += "".join(f"{n}. Agenda item {n} of the Council.\n\n" for n in (7, 8, 9))
    text += "I. Introduction\n\n1. The Special Rapporteur submits the present report.\n\n2. It covers 2019.\n\n"
    text += "II. Activities\n\n3. The Special Rapporteur visited several countries.\n"
    draft = read_text(text, "r.txt")
    assert "8. Agenda item 8 of the Council." in draft.preface
    assert [label for kind, label, _ in nodes(draft) if kind == "paragraph"] == ["1", "2", "3"]


def test_a_transmittal_sentence_run_together_with_the_title_stays_in_the_title_block() -> None:
    text = MASTHEAD + "Right to food\nNote by the Secretary-General\nThe Secretary-General has the honour to transmit "
    text += "the report of the Special\nRapporteur on the right to food, which reads as follows:\n\n"
    text += "1. The present report is submitted pursuant to resolution 73/173.\n\n2. It covers 2019.\n"
    draft = read_text(text, "r.txt")
    assert {"Right to food", "Note by the Secretary-General"} <= set(draft.preface)
    assert [label for _, label, _ in nodes(draft)] == ["1", "2"]


def test_a_subheading_that_repeats_a_line_of_the_title_block_stays_a_subheading() -> None:
    """'Draft recommendations' titles the document and two subsections: never at a page break inside a
    paragraph, it is no watermark."""
    text = MASTHEAD + "Working Group on Trafficking in Persons\n\nDraft recommendations\n\nI. Introduction\n\n"
    text += "1. The Working Group met in Vienna.\n\n"
    for n, (roman, topic) in enumerate((("II", "Prevention"), ("III", "Protection"))):
        text += f"{roman}. {topic}\n\n{2 + 2 * n}. The Working Group discussed {topic.lower()} at length.\n\n"
        text += f"Draft recommendations\n\n{3 + 2 * n}. States should act on {topic.lower()} every year.\n\n"
    headings = [(label, text) for kind, label, text in nodes(read_text(text, "r.txt")) if kind == "heading"]
    assert ("II.A", "Draft recommendations") in headings and ("III.A", "Draft recommendations") in headings


def test_an_advance_versions_watermark_run_into_a_masthead_line_is_furniture_at_every_page_break() -> None:
    """A layout-mode masthead prints 'Advance unedited version   Distr.: General' on one line; the
    watermark alone at each page break, once inside a paragraph, is furniture even above a heading."""
    head = "Advance unedited version Distr.: General\n\nCTOC/COP/WG.4/2019/L.1\n\n11 September 2019\n\n"
    body = "I. Introduction\n\n1. The Working Group on Trafficking in Persons met in Vienna on\n\n"
    body += "Advance unedited version\n\n10 and 11 September 2019.\n\nAdvance unedited version\n\n"
    body += "II. Recommendations\n\n2. States should adopt laws on prevention.\n\n3. States should collect data.\n"
    draft = read_text(head + body, "advance.txt")
    assert [(kind, label) for kind, label, _ in nodes(draft)] == [
        ("heading", "I"),
        ("paragraph", "1"),
        ("heading", "II"),
        ("paragraph", "2"),
        ("paragraph", "3"),
    ]
    assert nodes(draft)[1][2].endswith("met in Vienna on 10 and 11 September 2019.")


def _pdf(*blocks: str, breaks: dict[int, list[str]] | None = None) -> str:
    """A PDF's text layer of these blocks (lines already wrapped with '|'), page furniture after block k."""
    out = []
    for k, block in enumerate(blocks):
        for line in block.split("|"):
            out += [line + " ", ""]
        out += [" ", ""]
        for furniture in (breaks or {}).get(k, []):
            out += [furniture + " ", ""]
    return "\n".join(out)


SECTION = "States parties should consider measures to raise awareness among groups at risk of being trafficked."


def test_a_title_cut_by_a_page_break_keeps_its_end_though_other_titles_print_it_too() -> None:
    title = "Recommendations adopted by the Working Group at its {} meeting, held in"
    text = _pdf(
        "I. Recommendations",
        f"A. {title.format('first')}|Vienna from 10 to 12 October 2011",
        f"1. {SECTION}",
        f"B. {title.format('second')}",
        "Vienna from 10 to 12 October 2011",
        f"2. {SECTION}",
        f"C. {title.format('third')}|Vienna from 10 to 12 October 2011",
        f"3. {SECTION}",
        breaks={3: ["CTOC/COP/WG.4/2015/5", "3/9 V.15-06015"]},
    )
    headings = [node.text for node, _ in read_text(text, "pdf.txt").walk() if node.kind == "heading"]
    assert headings[2] == title.format("second") + " Vienna from 10 to 12 October 2011"
    assert all(heading.endswith("2011") for heading in headings[1:])


def test_a_running_header_between_a_title_and_its_end_is_furniture() -> None:
    running = "Advance unedited version"
    text = _pdf(
        "I. Recommendations in the area of prevention",
        f"1. {SECTION}",
        "II. Recommendations in the area of partnerships, coordination of efforts and",
        "cooperation, including international cooperation",
        f"2. {SECTION}",
        f"3. {SECTION}",
        breaks={1: ["2", running], 2: ["3", running], 4: ["4", running]},  # a page number, then the watermark
    )
    headings = [node.text for node, _ in read_text(text, "pdf.txt").walk() if node.kind == "heading"]
    assert headings[1] == "Recommendations in the area of partnerships, coordination of efforts and cooperation, " + (
        "including international cooperation"
    )
    assert not any(running in node.text for node, _ in read_text(text, "pdf.txt").walk())


def test_a_paragraph_whose_last_line_on_the_page_is_full_goes_on_over_the_page() -> None:
    wrapped = (
        "4. States parties should adopt comprehensive strategies to address the vulnerability of|victims of "
        "trafficking in persons, including economic, social and psychological vulnerability.|Such strategies "
        "should be developed with civil society and the private sector, as appropriate."
    )
    first, second, third = wrapped.split("|")
    text = _pdf(
        "I. Prevention",
        f"{first}|{second}",
        third,
        "5. States parties should share information on good practices in prevention with each other.",
        "Member States should also report on the measures they adopt, in their replies to the questionnaire.",
        breaks={1: ["CTOC/COP/WG.4/2015/5", "3/9 V.15-06015"], 3: ["4/9 V.15-06015"]},
    )
    paragraphs = [node for node, _ in read_text(text, "pdf.txt").walk() if node.kind != "heading"]
    assert [p.label for p in paragraphs][:2] == ["4", "5"]
    assert paragraphs[0].text.endswith("private sector, as appropriate.")


def test_a_short_title_before_a_lower_case_fragment_does_not_take_it_in() -> None:
    assert not wraps_on("IV. Strengthening partnerships against trafficking in persons", "combating it", 76.0)
    assert wraps_on(
        "C. Recommendations on diplomatic and consular officials or liaison officers posted", "abroad", 76.0
    )
    assert wraps_on("A. Recommendations adopted at its first meeting, held in", "Vienna from 14 to 15 April 2009")


REPORT = """I. Recommendations

A. General recommendations

{a}

Recommendation 1

Member States should convene litigation surgeries for prosecutors to share their experience.

Recommendation 2

Member States should cooperate with victim assistance service providers on witness protection.

B. Recommendations on crime prevention

{b}

Recommendation 3

Member States should coordinate their efforts with multilateral and regional organizations.

II. Summary of deliberations

{c}. At its 1st and 2nd meetings, the Working Group considered agenda item 2.
"""
CHAPEAU = "The Working Group recommended that the Conference consider the following recommendations for adoption."


def _link(links: list[Link], label: str, text: str = "") -> Link:
    return next(link for link in links for node in link.sources if node.label == label and text in node.text)


LONG_PART = "I. Recommendations in the area of partnerships, coordination of efforts and cooperation, including"


@pytest.mark.parametrize("part", ["I. Recommendations", LONG_PART], ids=["short part title", "long part title"])
@pytest.mark.parametrize("edited", [False, True])
def test_a_section_that_drops_its_copy_of_a_repeated_chapeau_has_it_deleted_not_merged(edited: bool, part: str) -> None:
    """The sections' titles tell the copies apart, however long the title of the part both stand in."""
    report = REPORT.replace("I. Recommendations", part, 1)
    old = read_text(report.format(a=f"1. {CHAPEAU}", b=f"2. {CHAPEAU}", c=3), "advance.txt")
    kept = CHAPEAU.replace("adoption.", "adoption, as appropriate.") if edited else CHAPEAU
    new = read_text(report.format(a="", b=f"1. {kept}", c=2), "final.txt")
    links = align(old, new).links
    dropped, moved_on = _link(links, "1"), _link(links, "2")
    assert dropped.relation == "deleted" and not dropped.targets
    assert [t.label for t in moved_on.targets] == ["1"] and len(moved_on.sources) == 1
    assert moved_on.relation == ("modified" if edited else "renumbered")
    assert _link(links, "3").relation == "renumbered"


@pytest.mark.parametrize("part", ["I. Recommendations", LONG_PART], ids=["short part title", "long part title"])
def test_a_section_that_gains_a_copy_of_a_repeated_chapeau_has_it_new_not_split_off(part: str) -> None:
    report = REPORT.replace("I. Recommendations", part, 1)
    old = read_text(report.format(a="", b=f"1. {CHAPEAU}", c=2), "advance.txt")
    new = read_text(report.format(a=f"1. {CHAPEAU}", b=f"2. {CHAPEAU}", c=3), "final.txt")
    links = align(old, new).links
    gained = next(link for link in links if not link.sources and [t.label for t in link.targets] == ["1"])
    assert gained.relation == "new"
    kept = _link(links, "1")
    assert [t.label for t in kept.targets] == ["2"] and kept.relation == "renumbered"


@pytest.mark.parametrize("name", ["2019 L.1", "2019 L.1/Add.1", "2015 consolidated"])
def test_advance_and_final_versions_of_a_sample_report_align_paragraph_for_paragraph(name: str) -> None:
    """Mastheads, editorial edits, a paragraph inserted or removed, Word text against a PDF's text layer."""
    bench = _scenarios()
    blocks = bench.blocks_of(read_draft_file(bench.REPORTS[name]))
    rng = random.Random(5)
    for trial in range(8):
        advance, final_text, final, _change = bench.versions(blocks, rng, trial)
        old, new = read_text(advance, "advance.txt"), read_text(final_text, "final.txt")
        assert bench.errors_of(old, new, blocks, final) == [], f"trial {trial}"


PARTS = """II. Prevention of trafficking in persons

A. General recommendations

{a}

{n[0]}. States parties should raise awareness among the groups at risk of being trafficked.

III. Protection of victims

A. General recommendations

{b}

{n[1]}. States parties should provide shelter and legal assistance to victims of trafficking.

B. Recommendations on compensation

{c}

{n[2]}. States parties should ensure that victims may obtain compensation for damage suffered.
"""


def _chapeaus(links: list[Link]) -> list[tuple[str, list[str], list[str]]]:
    def is_chapeau(nodes: list) -> bool:  # noqa: ANN001 - the link's nodes
        return any(node.text.startswith("The Working Group") for node in nodes)

    return [
        (link.relation, [s.label for s in link.sources], [t.label for t in link.targets])
        for link in links
        if is_chapeau(link.sources) or is_chapeau(link.targets)
    ]


def test_sections_of_one_title_in_two_parts_keep_their_own_chapeau() -> None:
    """'A. General recommendations' under II and under III are two sections: the part tells them apart."""
    old = read_text(PARTS.format(a="", b=f"2. {CHAPEAU}", c="", n=(1, 3, 4)), "advance.txt")
    new = read_text(PARTS.format(a=f"1. {CHAPEAU}", b=f"3. {CHAPEAU}", c="", n=(2, 4, 5)), "final.txt")
    assert sorted(_chapeaus(align(old, new).links)) == [("new", [], ["1"]), ("renumbered", ["2"], ["3"])]


def test_chapeaus_two_sections_dropped_are_never_merged_into_a_third_ones() -> None:
    old = read_text(PARTS.format(a=f"1. {CHAPEAU}", b=f"3. {CHAPEAU}", c="", n=(2, 4, 5)), "advance.txt")
    new = read_text(PARTS.format(a="", b="", c=f"3. {CHAPEAU}", n=(1, 2, 4)), "final.txt")
    found = _chapeaus(align(old, new).links)
    assert not any(relation == "merged" for relation, _, _ in found)
    assert sum(len(sources) for _, sources, _ in found) == 2 and sum(len(t) for _, _, t in found) == 1


TOC_REPORT = [
    "I. Recommendations",
    "A. General recommendations",
    "1. The Working Group recommended that States parties strengthen cooperation in investigations.",
    "2. States parties should consider providing assistance to victims regardless of their cooperation.",
    "II. Summary of deliberations",
    "3. Speakers stressed the importance of prevention.",
    "III. Organization of the meeting held in Vienna in 2019",  # a heading ending in a number
    "4. The meeting was opened by the Chair.",
]
TOC_MASTHEAD = ["United Nations CTOC/COP/WG.4/2019/4", "Distr.: General", "2 October 2019", "Original: English"]


@pytest.mark.parametrize(
    "entries",
    [
        [f"{title} {'.' * 20} {page}" for title, page in (("I. Recommendations", 2), ("II. Summary", 3))],
        [f"{title}\t{page}" for title, page in (("I. Recommendations", 2), ("A. General recommendations", 2))]
        + ["II. Summary of deliberations\t3", "III. Organization of the meeting held in Vienna in 2019\t4"],
    ],
    ids=["dot leaders", "tabs, as Word's tab leaders leave it"],
)
def test_a_table_of_contents_leaves_the_report_as_without_it(entries: list[str]) -> None:
    """A final version prints 'Contents', 'Page' and an entry per heading with its page; before, each entry
    was read as the heading and the real headings as unnumbered paragraphs. The entries are navigation: the
    report reads as without them (in Word text and as a text layer), and its advance version, without
    contents, aligns with it heading for heading; a heading that ends in a year is no entry."""
    scenarios = _scenarios()
    plain = read_text("\n\n".join(TOC_MASTHEAD + TOC_REPORT) + "\n", "advance.txt")
    with_contents = [*TOC_MASTHEAD, "Contents", "Page", *entries, *TOC_REPORT]
    for text in ("\n\n".join(with_contents) + "\n", scenarios.as_pdf(with_contents, random.Random(3), ["{page}"])):
        final = read_text(text, "final.txt")
        assert nodes(final) == nodes(plain)
        assert final.preface == plain.preface
        assert {link.relation for link in align(plain, final).links} == {"same"}


def test_a_treaty_with_a_table_of_contents_reads_each_article_once() -> None:
    """'Article 1 Definitions .......... 3' lists an Article; it is not one."""
    parts = ["Convention on cooperation", "Contents"]
    parts += [f"Article {k} {title} {'.' * 12} {k + 2}" for k, title in ((1, "Definitions"), (2, "Scope"))]
    parts += ["The States Parties to this Convention,", "Recognizing the need for cooperation,"]
    parts += ["Have agreed as follows:", "Article 1", "Definitions", "1. For the purposes of this Convention:"]
    parts += ["Article 2", "Scope", "1. This Convention applies to all States Parties."]
    draft = read_text("\n\n".join(parts) + "\n", "treaty.txt")
    assert [node.label for node in draft.paragraphs if node.kind == "article"] == ["Article 1", "Article 2"]
    assert [node.text for node in draft.paragraphs if node.kind == "article"] == ["Definitions", "Scope"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_table_of_contents_ends_where_its_first_heading_is_printed_again(suffix: str, tmp_path: Path) -> None:
    """Entries with tabs, then the body: 'Article 1', its title, '1. …'. The table ends at 'Article 1' (its
    first entry printed again); before, 'Article 1' was taken for one more entry (a page 1, its title
    'Article' printed further on) and the Article lost (found by the second review)."""
    entries = ["Article 1 Use of terms\t2", "Article 2 Objective\t2", "Article 3 Scope\t3"]
    body = ["Article 1", "Use of terms", '1. For the purposes of this Protocol, "Party" means a Party to it.']
    body += ["Article 2", "Objective", "1. The objective of this Protocol is to ensure cooperation."]
    body += ["Article 3", "Scope", "1. This Protocol applies to all Parties."]
    hashes = "## " if suffix == ".md" else ""
    text = "\n\n".join(
        ["Protocol on cooperation", "Contents", *entries, *(hashes + b if b.startswith("Article") else b for b in body)]
    )
    path = tmp_path / f"protocol{suffix}"
    path.write_text(text + "\n", encoding="utf-8")
    draft = read_draft_file(path)
    assert [(n.label, n.text) for n in draft.paragraphs] == [
        ("Article 1", "Use of terms"),
        ("Article 2", "Objective"),
        ("Article 3", "Scope"),
    ]
    assert draft.find("1.1").text.startswith("For the purposes")


def test_votes_with_dot_leaders_and_a_contents_heading_in_the_body_stay_text() -> None:
    """'In favour ........ 120', 'Against ........ 5', 'Abstentions ........ 10' are a vote, not a table of
    contents (its numbers go back and no line is a heading); a heading 'Contents' in a decision's body
    keeps the paragraph under it though it ends in a number (both found by the second review)."""
    report = ["Report of the Third Committee", "I. Introduction", "1. The Committee voted on the draft resolution."]
    report += ["2. The result of the recorded vote was as follows:", "In favour ........ 120", "Against ........ 5"]
    report += ["Abstentions ........ 10", "3. The Committee adopted the draft resolution."]
    draft = read_text("\n\n".join(report) + "\n", "report.txt")
    assert any(node.text.startswith("Against") and node.text.endswith(" 5") for node, _ in draft.walk())
    decision = ["Draft decision -/CMA.3", "The Conference of the Parties,", "1. Adopts the guidance;", "Contents"]
    decision += ["2. Each report shall contain the information referred to in Article 13, paragraphs 7 and 8"]
    decision += ["3. Requests the secretariat to publish the reports."]
    texts = [node.text for node, _ in read_text("\n\n".join(decision) + "\n", "decision.txt").walk()]
    assert "Each report shall contain the information referred to in Article 13, paragraphs 7 and 8" in texts
