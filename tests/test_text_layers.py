"""A PDF's text layer given as a text file (a blank line after every line, page furniture in the flow) is read
as the same draft typed in Word: decisions and treaties (structure reader) as well as resolutions and reports."""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

import pytest

from amendtrack.model.tree import Draft
from amendtrack.read import ocr
from amendtrack.read.structure import read_text

ROOT = Path(__file__).resolve().parents[1]
FINAL = ROOT / ".." / "shared" / "corpora" / "paris-2015" / "05_final.md"


def nodes(draft: Draft) -> list[tuple[str, str, str]]:
    return [(node.kind, node.label, " ".join(node.text.split())) for node, _ in draft.walk()]


def layer(*blocks: str) -> str:
    """A PDF's text layer of these blocks, their lines wrapped where '|' stands: a blank line after each line,
    two between blocks; a block '#' is a page break with the symbol and the page number."""
    out: list[str] = []
    for block in blocks:
        lines = ["", "FCCC/CP/2015/L.9", "", "2/9 GE.15-21932"] if block == "#" else block.split("|")
        for line in lines:
            out += [line + " ", ""]
        out += [" ", ""]
    return "\n".join(out)


PREAMBLE = ("The Conference of the Parties,", "Recalling decision 1/CP.17 on the Durban Platform,")
PURPOSE = (
    "9. This Agreement, in enhancing the implementation of the Convention, including its|objective, aims to "
    "strengthen the global response to the threat of climate change, in the|context of sustainable development "
    "and efforts to eradicate poverty."
)
REVIEW = "10. Each Party shall provide information on support needed and received under Articles 9,|10 and|11."
REVIEWED = (  # its last line before the page break is full: the title after the break is no part of it
    "11. Information submitted by each Party under paragraphs 9 and 10 shall undergo a technical|expert review "
    "in accordance with decision 1/CP.21 and shall be considered in the light of the|national circumstances "
    "of each Party and of its capacities, as appropriate to the Party concerned."
)
COOPERATION = (
    "12. Parties recognize that some Parties choose to pursue voluntary cooperation in the|implementation of "
    "their nationally determined contributions, with the support of Article 6,|paragraph 2, and of the "
    "Article 4, and Parties' adaptation actions, as appropriate to them."
)


def word(*blocks: str) -> str:
    return "\n\n".join(block.replace("|", " ") for block in blocks if block != "#") + "\n"


def test_a_decision_without_pp_labels_reads_alike_from_its_text_layer() -> None:
    blocks = (*PREAMBLE, "Purpose", PURPOSE, REVIEW, REVIEWED, "#", "Cooperative approaches", COOPERATION)
    typed, layered = read_text(word(*blocks), "word.txt"), read_text(layer(*blocks), "pdf.txt")
    assert nodes(layered) == nodes(typed)
    labels = [label for _, label, _ in nodes(typed)]
    assert labels[:3] == ["Preamble", "PP1", "Section 1"] and "Section 2" in labels
    texts = dict((label, text) for _, label, text in nodes(layered))
    assert texts["10"].endswith("under Articles 9, 10 and 11.")  # '11.' wrapped alone is no stacked label
    assert texts["11"].startswith("Information submitted")
    assert texts["12"].endswith("of the Article 4, and Parties' adaptation actions, as appropriate to them.")


@pytest.mark.parametrize("labelled", [False, True], ids=["structure reader", "resolution reader"])
def test_a_lettered_heading_atop_a_page_is_no_part_of_the_paragraph_that_ended_the_page_before(labelled: bool) -> None:
    """'B. Cooperative approaches' opens the page after one whose paragraph ends on a full line: it is the
    subsection's heading, as in Word, not the last words of paragraph 11 (found by decision_scenarios.py's
    'parts' style: the subsection's paragraphs went under the one before)."""
    preamble = (PREAMBLE[0], f"PP1 {PREAMBLE[1]}") if labelled else PREAMBLE
    blocks = (*preamble, "I. Transparency", "A. Purpose", PURPOSE, REVIEW, REVIEWED, "#", "B. Cooperative approaches")
    blocks = (*blocks, COOPERATION)
    typed, layered = read_text(word(*blocks), "word.txt"), read_text(layer(*blocks), "pdf.txt")
    assert nodes(layered) == nodes(typed)
    texts = dict((label, text) for _, label, text in nodes(layered))
    assert texts["I.B"] == "Cooperative approaches"
    assert texts[f"{'OP' if labelled else ''}11"].endswith("as appropriate to the Party concerned.")


@pytest.mark.parametrize("labelled", [False, True], ids=["structure reader", "resolution reader"])
def test_a_sections_opening_sentence_wrapped_in_a_text_layer_reads_as_in_word(labelled: bool) -> None:
    """Each section opens on a sentence ending in a colon before its paragraphs; in the text layer the last
    one wraps after 'and', so its first line is title-shaped on its own: it is still the section's opening
    sentence, and the title above it still a section's title."""
    opening = "The Working Group recommended the following on facilitating implementation and|compliance:"
    preamble = ("The Conference of the Parties,", f"{'PP1 ' if labelled else ''}Recalling decision 1/CP.17,")
    blocks = (*preamble, "Purpose", "The Working Group recommended the following on purpose:", PURPOSE, REVIEW)
    blocks += ("Facilitating implementation and compliance", opening, REVIEWED, COOPERATION)
    typed, layered = read_text(word(*blocks), "word.txt"), read_text(layer(*blocks), "pdf.txt")
    assert nodes(layered) == nodes(typed)
    sections = [text for kind, _, text in nodes(layered) if kind in ("heading", "section")]
    assert sections == ["Purpose", "Facilitating implementation and compliance"]
    assert opening.replace("|", " ") in [text for _, _, text in nodes(layered)]


def test_a_resolution_text_layer_keeps_a_wrapped_11_in_its_paragraph_and_is_no_section_ii() -> None:
    blocks = ("PP1 Recalling decision 1/CP.17 on the Durban Platform,", "Purpose", PURPOSE, REVIEW, REVIEWED)
    layered = read_text(layer(*blocks), "pdf.txt")
    assert nodes(layered) == nodes(read_text(word(*blocks), "word.txt"))
    assert not any(kind == "heading" and label == "II" for kind, label, _ in nodes(layered))


def test_word_text_with_a_blank_line_between_paragraphs_is_not_taken_for_a_text_layer() -> None:
    text = word(*PREAMBLE, "Purpose", PURPOSE, REVIEW)
    assert [label for _, label, _ in nodes(read_text(text, "word.txt"))][:3] == ["Preamble", "PP1", "Section 1"]


@pytest.mark.parametrize(
    "line", ["3/5 V.19-09261", "2/9 GE.15-21932", "GE.15-21932 (E)", "15-22145 (E)  061115", "V.15-06015 (E)"]
)
def test_un_job_numbers_of_vienna_geneva_and_new_york_are_page_furniture(line: str) -> None:
    assert ocr.is_furniture(line)


def test_words_that_begin_like_a_job_number_are_text() -> None:
    assert not ocr.is_furniture("15-22145 units of emissions") and not ocr.is_furniture("GE.15 is a symbol")


def _bench(name: str):  # noqa: ANN202 - a module
    sys.path.insert(0, str(ROOT / "bench"))  # decision_scenarios writes its PDF layers with report_scenarios'
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))


@pytest.mark.skipif(not FINAL.exists(), reason=f"the Paris corpus is not here ({FINAL}); it is shared, never copied")
@pytest.mark.parametrize("style", ["plain", "roman"])
def test_decisions_of_the_paris_paragraphs_align_when_the_later_is_a_text_layer(style: str) -> None:
    """bench/decision_scenarios.py's trials whose later version is a PDF's text layer: sections dropped and
    reordered, paragraphs edited; every paragraph and section linked to its own counterpart."""
    from amendtrack.read.files import read_draft_file

    bench = _bench("decision_scenarios")
    sections, subs = bench.sections_of(read_draft_file(FINAL))
    bench.SUBS.update(subs)
    titles = [t for t in bench.TITLES.values() if t in sections]
    rng = random.Random(4)
    for trial in range(1, 12, 2):
        afresh, labelled = trial % 4 == 1, trial % 3 == 0
        kept = [t for t in titles if rng.random() > 0.2]
        rng.shuffle(kept)
        edits = frozenset(p for t in kept for p in sections[t] if rng.random() < 0.2)
        old = bench.read(bench.decision(sections, titles, style, afresh, labelled), style, "old")
        later = bench.decision(sections, kept, style, afresh, labelled, edits)
        blocks = [block for block in later.split("\n\n") if block.strip()]
        new = bench.read(
            bench.as_pdf(blocks, random.Random(trial), ["FCCC/CP/2015/L.9", "{page}/9 GE.15-21932"]), style, "new"
        )
        assert bench.errors_of(sections, old, new, set(kept), afresh and style != "roman") == [], f"trial {trial}"


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space_in_a_text_layer() -> None:
    text = layer(
        "1. States parties should adopt comprehensive policies that are human rights-based, gender-|and "
        "age-sensitive, and that meet the immediate needs and the longer-term and the short-|to medium-term "
        "needs of victims of trafficking in persons, in particular women and children.",
        "2. States parties should also consider other measures of prevention and of protection.",
        *(f"{n}. States parties should share their experience of measures of prevention." for n in range(3, 9)),
    )
    first = next(node for node, _ in read_text(text, "pdf.txt").walk() if node.label == "1")
    assert "gender- and age-sensitive" in first.text and "short- to medium-term" in first.text
    assert ocr.join_lines(["for victims of trafficking, traf-", "ficking in persons"], {"trafficking"}).endswith(
        "trafficking in persons"
    )


def test_a_report_typed_in_word_keeps_its_unnumbered_paragraphs_apart_from_its_headings() -> None:
    """One paragraph a line, a blank line between: no text layer, so no heading takes in the lines after it."""
    text = word(
        "I. Introduction",
        "The meeting was opened by the Chair.",
        "The following statements were made.",
        "II. Organization of the meeting",
        "A. Opening of the meeting",
        "The meeting was opened by the Chair of the Working Group, who made an opening statement.",
        "B. Attendance",
        "Representatives of the following States parties attended the meeting.",
        "C. Adoption of the agenda",
        "The Working Group adopted the agenda.",
        "1. Opening of the meeting.",
        "2. Adoption of the report.",
    )
    found = nodes(read_text(text, "word.txt"))
    assert [(kind, text) for kind, _, text in found if kind == "heading"] == [
        ("heading", "Introduction"),
        ("heading", "Organization of the meeting"),
        ("heading", "Opening of the meeting"),
        ("heading", "Attendance"),
        ("heading", "Adoption of the agenda"),
    ]
    assert sum(kind == "paragraph" for kind, _, _ in found) == 7


SECTION_TEXT = (
    "States parties should consider measures to raise awareness among the groups at risk of being trafficked."
)


def test_a_title_printed_in_every_section_is_no_running_header() -> None:
    """'Action taken by the Working Group' under II and III: printed twice, alone, but no page number beside."""
    blocks = (
        "I. Introduction",
        f"1. {SECTION_TEXT}",
        "II. Prevention of trafficking in persons",
        f"2. {SECTION_TEXT}",
        "Action taken by the Working Group",
        f"3. {SECTION_TEXT}",
        "#",
        "III. Protection of victims",
        f"4. {SECTION_TEXT}",
        "Action taken by the Working Group",
        f"5. {SECTION_TEXT}",
        *(f"{n}. {SECTION_TEXT}" for n in range(6, 10)),
    )
    layered = nodes(read_text(layer(*blocks), "pdf.txt"))
    assert layered == nodes(read_text(word(*blocks), "word.txt"))
    assert [label for kind, label, text in layered if text == "Action taken by the Working Group"] == ["II.A", "III.A"]


RECITALS = (
    "The Conference of the Parties,",
    "Recalling its decisions 1/CP.17, 2/CP.18 and 1/CP.19 on the Durban Platform for Enhanced Action,|and "
    "its decision 1/CP.20 on the Lima Call for Climate Action, and the work of the Ad Hoc Working Group,",
    "#",
    "Noting with concern the estimated aggregate greenhouse gas emission levels in 2025 and 2030,",
    "1. Decides to adopt the Paris Agreement under the United Nations Framework Convention on|Climate "
    "Change as contained in the annex, and to open it for signature in New York on 22 April 2016.",
    *(
        f"{n}. Requests the secretariat to prepare the report referred to in paragraph {n - 1} above, taking|into "
        "account the views of the Parties and of the observer organizations, and to make it available"
        "|before the next session of the Conference."
        for n in range(2, 8)
    ),
)


def test_a_recital_ending_its_page_on_a_full_line_is_not_joined_to_the_next() -> None:
    """A recital ends in a comma, and the next ('Noting …') opens on the next page: two recitals."""
    layered = nodes(read_text(layer(*RECITALS), "pdf.txt"))
    assert layered == nodes(read_text(word(*RECITALS), "word.txt"))
    assert [label for kind, label, _ in layered if kind == "preamble"] == ["PP1", "PP2"]


CAPITALISED = (
    "1. The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement shall "
    "Periodically take stock of the implementation of this Agreement to assess the collective Progress "
    "Towards achieving the Purpose of this Agreement and its long-term Goals, referred to as the Global "
    "Stocktake, in accordance with Article 14 of the Agreement and the Decisions of the Conference."
)


@pytest.mark.parametrize("width", [60, 66, 72, 78, 84, 90])
def test_a_text_layer_whose_lines_go_on_in_capitals_is_still_a_text_layer(width: int) -> None:
    """Wrapped lines that stop on no punctuation mark a layer, whatever case the next line opens in."""
    import textwrap

    paragraphs = [CAPITALISED.replace("1.", f"{n}.", 1) for n in range(1, 7)]
    blocks = [
        "|".join(textwrap.wrap(text, width, break_on_hyphens=False)) for text in [*PREAMBLE, "Purpose", *paragraphs]
    ]
    assert nodes(read_text(layer(*blocks), "pdf.txt")) == nodes(read_text(word(*blocks), "word.txt"))


def test_a_wrapped_article_reference_or_number_opens_nothing() -> None:
    """'… as referred to in' / 'Article 4. Parties …', '… paragraphs 36 to' / '40, …' over a page break."""
    blocks = (
        *PREAMBLE,
        "Purpose",
        "1. This Agreement shall be implemented to reflect equity, taking into account the concerns|of the "
        "Parties with economies most affected by the impacts of response measures as referred to in|Article 4. "
        "Parties shall take into account the concerns of the Parties with economies most|affected by the "
        "impacts of response measures, in particular developing country Parties.",
        "2. Parties shall report on the progress made in accordance with decision 1/CP.21, paragraphs 36 to",
        "#",
        "40, and shall make that information available to the public through the registry, as|appropriate "
        "to the national circumstances of each Party, at least every two years.",
        *(f"{n}. {REVIEWED[4:]}" for n in range(3, 7)),
    )
    found = nodes(read_text(layer(*blocks), "pdf.txt"))
    assert [label for kind, label, _ in found if kind in ("operative", "paragraph")] == ["1", "2", "3", "4", "5", "6"]
    assert not any(kind == "article" for kind, _, _ in found)
    assert dict((label, text) for _, label, text in found)["2"].endswith("at least every two years.")


def test_the_text_under_a_heading_at_a_page_foot_is_no_part_of_the_heading() -> None:
    blocks = (
        "I. Introduction",
        *(f"{n}. {SECTION_TEXT}" for n in range(1, 5)),
        "A. Recommendations on the prevention of trafficking in persons and on awareness-raising",
        "#",
        "The Working Group recommended that the Conference consider the following recommendations.",
        *(f"{n}. {SECTION_TEXT}" for n in range(5, 9)),
    )
    found = nodes(read_text(layer(*blocks), "pdf.txt"))
    assert found == nodes(read_text(word(*blocks), "word.txt"))


@pytest.mark.parametrize("line", ["2/9 15-22145", "15-22145 3/9", "- 2 -", "Page 2 of 9"])
def test_new_york_footers_and_page_numbers_are_furniture(line: str) -> None:
    assert ocr.is_furniture(line)


def test_a_report_typed_in_word_keeps_a_chapeau_printed_in_two_sections() -> None:
    """Every paragraph of Word text stands alone; a sentence printed twice is no running header."""
    chapeau = "The Working Group recommended that the Conference consider the following recommendations."
    blocks = (
        "I. Recommendations",
        "A. General recommendations",
        chapeau,
        *(f"{n}. {SECTION_TEXT}" for n in range(1, 4)),
        "B. Recommendations on crime prevention",
        chapeau,
        *(f"{n}. {SECTION_TEXT}" for n in range(4, 7)),
        "Action taken by the Conference",
        "The Conference took note of the recommendations with appreciation.",
        "II. Organization of the meeting",
        "Action taken by the Conference",
        "The Conference adopted the agenda of the meeting without a vote.",
    )
    found = nodes(read_text(word(*blocks), "word.txt"))
    assert sum(text == chapeau for _, _, text in found) == 2
    assert sum(text == "Action taken by the Conference" for _, _, text in found) == 2


def _paris_decisions():  # noqa: ANN202 - a module and its data
    """bench/decision_scenarios.py with the Paris final text's sections read: the module, sections, titles."""
    from amendtrack.read.files import read_draft_file

    bench = _bench("decision_scenarios")
    sections, subs = bench.sections_of(read_draft_file(FINAL))
    bench.SUBS.update(subs)
    return bench, sections, [t for t in bench.TITLES.values() if t in sections]


def _transparency_moved_up(titles: list[str], sections: dict[str, list[str]]) -> tuple[list[str], str]:
    """'Enhanced transparency framework' moved up to fourth, two sections dropped; and its paragraph on support."""
    moved = "Enhanced transparency framework"
    kept = [*titles[:3], moved, *[t for t in titles[3:] if t not in (moved, "Cooperative approaches", "Adaptation")]]
    needed = next(p for p in sections[moved] if p.startswith("Developing country Parties should provide information"))
    return kept, needed


@pytest.mark.skipif(not FINAL.exists(), reason=f"the Paris corpus is not here ({FINAL}); it is shared, never copied")
def test_an_edited_paragraph_of_a_section_moved_far_up_is_found_under_its_sections_title() -> None:
    """A decision of the Paris paragraphs numbered through, opening on its first section: 'Enhanced
    transparency framework' moves up from tenth to fourth, three sections dropped, and its paragraph on
    support needed and received gets ', as appropriate'. Its words are common to the whole text, so its
    nearest candidates by place are forty paragraphs off; the old section of the same title holds it."""
    from amendtrack.compare.align import align

    bench, sections, titles = _paris_decisions()
    kept, needed = _transparency_moved_up(titles, sections)
    old = bench.read(bench.decision(sections, titles, "markdown", False, False, opening="none"), "markdown", "old")
    later = bench.decision(sections, kept, "markdown", False, False, frozenset({needed}), "none")
    new = bench.read(later, "markdown", "new")
    link = next(link for link in align(old, new).links if link.sources and link.sources[0].text == needed)
    assert [t.text for t in link.targets] == [bench.edited(needed)]
    assert bench.errors_of(sections, old, new, set(kept), False) == []


@pytest.mark.skipif(not FINAL.exists(), reason=f"the Paris corpus is not here ({FINAL}); it is shared, never copied")
def test_an_edited_paragraph_of_a_section_moved_to_another_part_is_found_under_its_own_title() -> None:
    """The same decision with parts ('IV. Institutional arrangements') over lettered sections ('A. Enhanced
    transparency framework'): the section moves up into part II, so the titles above it, part and section,
    are not those above its old self; its own title is, and the old section of that title holds the edited
    paragraph (before, it was paired with a paragraph of a dropped section and its old self deleted)."""
    from amendtrack.compare.align import align

    bench, sections, titles = _paris_decisions()
    kept, needed = _transparency_moved_up(titles, sections)
    old = bench.read(bench.decision(sections, titles, "parts", False, False, opening="none"), "parts", "old")
    new = bench.read(bench.decision(sections, kept, "parts", False, False, frozenset({needed}), "none"), "parts", "new")
    parents = {id(node): parent for draft in (old, new) for node, parent in draft.walk() if parent is not None}
    assert {parents[id(n)].label for n, _ in old.walk() if n.text == needed} == {"IV.A"}
    link = next(link for link in align(old, new).links if link.sources and link.sources[0].text == needed)
    assert [t.text for t in link.targets] == [bench.edited(needed)]
    assert parents[id(link.targets[0])].label == "II.A"
    assert bench.errors_of(sections, old, new, set(kept), False) == []


@pytest.mark.skipif(not FINAL.exists(), reason=f"the Paris corpus is not here ({FINAL}); it is shared, never copied")
def test_a_dropped_section_is_deleted_though_its_words_recur_in_a_part_holding_other_sections() -> None:
    """Capitalised parts over bare section titles ('III. TRANSPARENCY AND REVIEW', 'Global stocktake'):
    'Mitigation' is dropped, and the new part III holds only 'Global stocktake', whose words the old
    'Mitigation' shares. Their contents were alike enough to pair them before the paragraphs, and the
    pair alone linked the dropped heading to the part: a section is one with another only when some of
    what it holds went there (an Article still by all it holds)."""
    bench, sections, titles = _paris_decisions()
    kept = ["Sinks and reservoirs", "Cooperative approaches", "Adaptation", "Loss and damage", "Capacity-building"]
    kept += ["Enhanced transparency framework", "Global stocktake"]
    old = bench.read(bench.decision(sections, titles, "capsparts", False, False, opening="none"), "capsparts", "o")
    new = bench.read(bench.decision(sections, kept, "capsparts", False, False, opening="none"), "capsparts", "n")
    assert bench.errors_of(sections, old, new, set(kept), False) == []
