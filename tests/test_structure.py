"""The general structure reader on hand-written texts: containers, preambles, options, restarts, warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.files import read_draft_file
from amendtrack.read.structure import is_structured, read_text, text_blocks
from amendtrack.report.structure import structure_summary, structure_warnings
from amendtrack.resources import sample_data_dir

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

3. The Parties shall cooperate.

Article 3

Option A:

1. A committee is established.

2. It shall meet once a year.

Option B:

1. The secretariat shall serve this Agreement.
"""


def tree_of(text: str) -> Draft:
    return read_text(text, "treaty.txt")


def node(draft: Draft, label: str) -> Paragraph:
    found = draft.find(label)
    assert found is not None, f"{label} not in {[n.label for n, _ in draft.walk()]}"
    return found


def test_preamble_recitals_and_formulas() -> None:
    draft = tree_of(TREATY)
    top = [(n.kind, n.label) for n in draft.paragraphs[:7]]
    assert top == [
        ("chapeau", "Preamble"),
        ("preamble", "PP1"),
        ("preamble", "PP2"),
        ("option_group", "PP3"),
        ("preamble", "PP4"),
        ("chapeau", "Enacting formula"),
        ("article", "Article 1"),
    ]
    assert all(n.label_inferred for n in draft.paragraphs[:6])
    assert [o.label for o in node(draft, "PP3").children] == ["PP3 Option 1", "PP3 Option 2"]
    assert node(draft, "PP3 Option 2").text == "Noting the work of [regional][subregional] bodies,"
    assert draft.preface == ["Draft agreement on the protection of rivers"]


def test_articles_paragraphs_restart_and_are_cited_with_their_article() -> None:
    draft = tree_of(TREATY)
    articles = [n for n in draft.paragraphs if n.kind == "article"]
    assert [(a.label, a.num, a.text, a.eid) for a in articles] == [
        ("Article 1", "1", "Definitions", "art_1"),
        ("Article 2bis", "2bis", "purpose", "art_2bis"),
        ("Article 3", "3", "", "art_3"),
    ]
    first = articles[0]
    # the title on its own line after the heading is the Article's title; then its chapeau, 1. and 2.
    assert [(c.kind, c.label) for c in first.children] == [
        ("chapeau", "Article 1 chapeau"),
        ("paragraph", "1.1"),
        ("paragraph", "1.2"),
    ]
    assert node(draft, "art_1__para_2").text == '"Party" means a Party to this Agreement.'
    assert node(draft, "2bis.2(b)(ii)").eid == "art_2bis__para_2__subpara_b__point_ii"
    assert node(draft, "2bis.2(b)(ii)").kind == "item"
    assert [c.label for c in node(draft, "2bis.2").children] == ["2bis.2(a)", "2bis.2(b)"]


def test_options_inside_a_paragraph_and_standing_in_an_article() -> None:
    draft = tree_of(TREATY)
    goal = node(draft, "2bis.1")
    assert goal.text == "Collective goal"
    [group] = goal.children
    assert group.kind == "option_group" and group.label == "2bis.1 options"
    assert [(o.label, o.text) for o in group.children] == [
        ("2bis.1 Option 1", "Parties [shall][should] protect rivers."),
        ("2bis.1 Option 2", "No text"),
    ]
    assert node(draft, "2bis.3").text == "The Parties shall cooperate."  # the group ended with paragraph 1
    article3 = node(draft, "Article 3")
    [group] = article3.children
    assert [o.num for o in group.children] == ["A", "B"]
    assert [c.label for c in group.children[0].children] == ["3.1 (Option A)", "3.2 (Option A)"]
    assert [c.eid for c in group.children[1].children] == ["art_3__alt_1__opt_b__para_1"]


def test_brackets_nest_and_side_by_side_alternatives_group() -> None:
    draft = tree_of(TREATY)
    brackets = node(draft, "2bis.2(b)").brackets
    assert [(b.text, b.depth) for b in brackets] == [("[annually [or biennially]]", 1), ("[or biennially]", 2)]
    pair = node(draft, "2bis.1 Option 1").brackets
    assert [b.text for b in pair] == ["[shall]", "[should]"]
    assert pair[0].group is not None and pair[0].group == pair[1].group
    symbol = node(draft, "PP2").brackets
    assert [b.alternatives for b in symbol] == [["decision 2/CMA.3"]]  # a symbol's slash is not a choice


def test_records_carry_the_container_path() -> None:
    records = {r["label"]: r for r in tree_of(TREATY).records()}
    assert records["2bis.2(b)(ii)"]["container"] == ["Article 2bis"]
    assert records["PP1"]["container"] == []
    assert records["3.1 (Option A)"]["container"] == ["Article 3"]
    assert {"depth", "group"} <= set(records["2bis.2(b)"]["brackets"][0])


def test_parts_hold_chapters_and_chapters_hold_articles() -> None:
    text = "\n\n".join(
        [
            "PART I",
            "Chapter 1 – General",
            "Article 1",
            "1. First.",
            "Article 2",
            "1. Second.",
            "Chapter 2 – Institutions",
            "Article 3",
            "1. Third.",
            "PART II",
            "Article 4",
            "1. Fourth.",
        ]
    )
    draft = tree_of(text)
    assert [n.label for n in draft.paragraphs] == ["Part I", "Part II"]
    part1 = draft.paragraphs[0]
    assert [c.label for c in part1.children] == ["Chapter 1", "Chapter 2"]
    assert [a.label for a in part1.children[0].children] == ["Article 1", "Article 2"]
    assert part1.children[0].eid == "part_i__chp_1" and part1.children[0].text == "General"
    assert node(draft, "4.1").eid == "art_4__para_1"
    assert next(r for r in draft.records() if r["label"] == "3.1")["container"] == ["Part I", "Chapter 2", "Article 3"]


def test_sentences_about_articles_are_not_headings() -> None:
    text = "The Parties to this Agreement,\n\nRecalling Article 4 of the Convention,\n\nArticle 1\n\n" + (
        "1. Article 4 of the Convention shall apply.\n\nArticle 2\n\n1. Article 2 (1) shall not apply."
    )
    draft = tree_of(text)
    assert [n.label for n in draft.paragraphs if n.kind == "article"] == ["Article 1", "Article 2"]
    assert node(draft, "1.1").text == "Article 4 of the Convention shall apply."


def test_a_list_restarting_after_a_colon_is_the_paragraphs_sub_paragraphs() -> None:
    text = "Article 1\n\n1. Each Party shall provide the following:\n\n1. An inventory;\n\n2. A report.\n\n" + (
        "2. The secretariat shall publish them.\n\nArticle 2\n\n1. Text."
    )
    draft = tree_of(text)
    assert [c.label for c in node(draft, "1.1").children] == ["1.1(a)", "1.1(b)"]
    assert node(draft, "1.2").text == "The secretariat shall publish them."
    assert structure_warnings(draft) == []


def test_a_draft_whose_articles_lost_their_word_is_warned_about() -> None:
    blocks = ["The Parties to this Agreement,", "Recalling the Convention,", "Have agreed as follows:"]
    for article in range(1, 5):
        blocks += [f"{article}. Title of article {article}"] + [f"{k}. Provision {k} of {article}." for k in (1, 2, 3)]
    draft = tree_of("\n\n".join(blocks))
    warnings = structure_warnings(draft)
    assert any("restarts at 1" in w for w in warnings), warnings


def test_one_paragraph_swallowing_articles_is_warned_about() -> None:
    swallowed = " ".join(
        f"Article {k} 1. The Parties shall do thing {k} in good faith and as agreed." for k in range(60)
    )
    text = "The Parties to this Agreement,\n\nRecalling,\n\nHave agreed as follows:\n\nArticle 1\n\n1. Short.\n\n"
    text += "Article 2\n\n1. Short too.\n\n2. " + swallowed
    warnings = structure_warnings(tree_of(text))
    assert any("numbered-looking parts" in w and "2.2" in w for w in warnings), warnings


def test_summary_counts_by_container() -> None:
    summary = structure_summary(tree_of(TREATY))
    assert summary["kinds"]["article"] == 3
    assert summary["option_groups"] == 3 and summary["options"] == 6
    assert summary["bracket_depth"] == 2
    article2 = next(c for c in summary["containers"] if c["label"] == "Article 2bis")
    assert article2["inside"] == {"paragraph": 3, "option_group": 1, "option": 2, "subparagraph": 2, "item": 2}
    assert summary["warnings"] == []


@pytest.mark.parametrize("folder", ["gpa-2010", "wg-tip-2019", "wg-tip-2015"])
def test_the_seeds_are_read_by_the_resolution_and_report_reader(folder: str) -> None:
    for path in sorted((sample_data_dir() / folder).glob("*draft*.txt")) + sorted(
        (sample_data_dir() / folder).glob("*recommendations*.txt")
    ):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert not is_structured(text_blocks(list(enumerate(lines, start=1)))), path.name
        kinds = {n.kind for n, _ in read_draft_file(path).walk()}
        assert not kinds & {"article", "option_group"}


def test_import_prints_the_structure_and_warnings_on_stderr(tmp_path: Path) -> None:
    lost = ["The Parties to this Agreement,", "Recalling the Convention,", "Have agreed as follows:"]
    for article in range(1, 4):
        lost += [f"{article}. Title {article}", "1. One.", "2. Two."]
    (tmp_path / "lost.txt").write_text("\n\n".join(lost), encoding="utf-8")
    (tmp_path / "treaty.md").write_text(TREATY.replace("Article 3\n", "## Article 3\n"), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'a.db'}"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "import", str(tmp_path / "lost.txt"), "--negotiation", "n"])
    assert result.exit_code == 0, result.output
    assert "\n  structure: 9 operative, 2 chapeau, 1 preamble, 0 brackets, 0 labels inferred\n" in result.stdout
    assert "amendtrack: warning: lost.txt: the numbering restarts at 1" in result.stderr
    result = runner.invoke(cli, ["--db", db, "import", str(tmp_path / "treaty.md"), "--negotiation", "t"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    result = runner.invoke(cli, ["--db", db, "paragraphs", "t", "treaty", "--summary", "--json"])
    summary = json.loads(result.stdout)
    assert summary["kinds"]["article"] == 3 and summary["option_groups"] == 3
    result = runner.invoke(cli, ["--db", db, "paragraphs", "t", "treaty", "--summary"])
    assert "  Article 2bis (purpose): 3 paragraph" in result.stdout


@pytest.mark.parametrize(
    ("heading", "number", "title", "bracketed"),
    [
        ("Article 1 (definitions)", "1", "definitions", False),
        ("ARTICLE 4", "4", "", False),
        ("Art. 5: Finance", "5", "Finance", False),
        ("Article 2 bis – Review", "2bis", "Review", False),
        ("[Article 3bis] (REDD-plus)", "3bis", "REDD-plus", True),
        ("[Article 2 ter (review)]", "2ter", "review", True),
        ("[Article 2 ter – Review]", "2ter", "Review", True),
        ("Chapter IV. Final provisions", "IV", "Final provisions", False),
    ],
)
def test_container_headings_by_general_rules(heading: str, number: str, title: str, bracketed: bool) -> None:
    from amendtrack.read.structure.labels import container_heading

    found = container_heading(heading)
    assert found is not None and (found.number, found.title, found.bracketed) == (number, title, bracketed)


@pytest.mark.parametrize(
    "sentence", ["Article 4 of the Convention shall apply.", "Article 4 (1) shall apply to", "Article 4's scope"]
)
def test_sentences_starting_with_article_are_not_headings(sentence: str) -> None:
    from amendtrack.read.structure.labels import container_heading

    assert container_heading(sentence) is None


@pytest.mark.parametrize(
    ("block", "number", "rest"),
    [
        ("Option 1: Parties shall", "1", "Parties shall"),
        ("Option1: Parties shall", "1", "Parties shall"),
        ("Option II. No text", "II", "No text"),
        ("Option (b): Each Party", "(b)", "Each Party"),
        ("Alternative A: text", "A", "text"),
        ("Alt. 2 text", "2", "text"),
        ("Alt. Parties shall", "", "Parties shall"),
        ("[Option 2: bar]", "2", "[bar]"),
    ],
)
def test_options_by_general_rules(block: str, number: str, rest: str) -> None:
    from amendtrack.read.structure.labels import option_start

    found = option_start(block)
    assert found is not None and (found.number, found.rest) == (number, rest)


@pytest.mark.parametrize("block", ["Options for the future", "Optional protocols", "Alternative wording is needed"])
def test_words_like_option_do_not_open_options(block: str) -> None:
    from amendtrack.read.structure.labels import option_start

    assert option_start(block) is None


def test_a_second_option_group_in_one_paragraph_has_labels_of_its_own() -> None:
    from amendtrack.read.structure import read_blocks
    from amendtrack.read.structure.markdown import markdown_blocks

    text = "## Article 1\n\n1. Accounting\n\n    **Option 1:** Track progress.\n\n    **Option 2:** Account.\n\n"
    text += "    Differentiation modulator:\n\n    **Option 1:** CBDR.\n\n    **Option 2:** None.\n\n"
    text += "## Article 2\n\n1. Text.\n"
    draft = read_blocks(markdown_blocks(text, "t.md"), "t.md")
    labels = [n.label for n, _ in draft.walk()]
    assert len(labels) == len(set(labels)), labels
    assert [c.label for c in draft.find("1.1").children] == ["1.1 options", "1.1 options 2"]
    assert labels.count("1.1 Option 1") == 1 and "1.1 options 2, Option 1" in labels


DECISION = """\
Draft decision -/CP.21

The Conference of the Parties,

Recalling decision 1/CP.17 on the establishment of the Ad Hoc Working Group,

Also recalling Articles 2, 3 and 4 of the Convention,

Adoption

1. Decides to adopt the Paris Agreement as contained in the annex;

2. Requests the Secretary-General to be the Depositary of the Agreement and to open it for signature;

Intended nationally determined contributions

3. Welcomes the intended nationally determined contributions communicated by Parties;

Loss and damage

4. Decides on the continuation of the Warsaw International Mechanism;
"""


def test_a_decisions_unnumbered_titles_open_sections_its_paragraphs_keep_their_numbers() -> None:
    """'Adoption', 'Loss and damage': a title printed alone before a numbered paragraph opens a section whose
    label is inferred from its place; the paragraphs are still operative paragraphs cited '1', '2'."""
    draft = tree_of(DECISION)
    sections = [n for n in draft.paragraphs if n.kind == "section"]
    assert [(s.label, s.text, s.label_inferred) for s in sections] == [
        ("Section 1", "Adoption", True),
        ("Section 2", "Intended nationally determined contributions", True),
        ("Section 3", "Loss and damage", True),
    ]
    assert [c.label for c in sections[0].children] == ["1", "2"]
    assert {c.kind for s in sections for c in s.children} == {"operative"}
    assert [n.kind for n in draft.paragraphs[:3]] == ["chapeau", "preamble", "preamble"]


def test_a_title_shaped_line_after_text_that_does_not_end_is_no_title() -> None:
    """A paragraph broken by a blank line before its last words ('… the Depositary of the' / 'Paris
    Agreement'): those words are no section's title."""
    text = DECISION.replace("Depositary of the Agreement", "Depositary of the\n\nParis Agreement\n\n")
    draft = tree_of(text.replace(" and to open it for signature;", ""))
    assert "Paris Agreement" not in [n.text for n, _ in draft.walk() if n.kind == "section"]
    assert len([n for n, _ in draft.walk() if n.kind == "section"]) == 3


def test_sections_whose_numbering_restarts_cite_their_paragraphs_with_the_section() -> None:
    text = DECISION.replace("3. Welcomes", "1. Welcomes").replace("4. Decides", "1. Decides")
    draft = tree_of(text)
    assert [c.label for c in node(draft, "Section 2").children] == ["Section 2, 1"]
    assert [c.label for c in node(draft, "Section 3").children] == ["Section 3, 1"]


def test_markdown_headings_of_a_decision_open_sections() -> None:
    markdown = DECISION.replace("\nAdoption\n", "\n## Adoption\n").replace(
        "\nLoss and damage\n", "\n## Loss and damage\n"
    )
    from amendtrack.read.structure import read_blocks
    from amendtrack.read.structure.markdown import markdown_blocks

    draft = read_blocks(markdown_blocks(markdown, "decision.md"), "decision.md")
    assert [n.text for n in draft.paragraphs if n.kind == "section"] == [
        "Adoption",
        "Intended nationally determined contributions",
        "Loss and damage",
    ]


def test_a_caption_inside_an_article_is_no_section() -> None:
    """In a treaty a short line before a paragraph ('Cooperative approaches') is that Article's caption."""
    text = "The Parties to this Agreement,\n\nRecognizing the need,\n\nArticle 1\n\n1. Parties shall act.\n\n"
    text += "Cooperative approaches\n\n2. Parties may cooperate.\n\nArticle 2\n\n1. Parties shall report.\n"
    draft = tree_of(text)
    assert not [n for n, _ in draft.walk() if n.kind == "section"]
    assert [c.label for c in node(draft, "Article 1").children] == ["1.1", "Article 1 chapeau", "1.2"]


ROMAN_DECISION = """\
The Conference of the Parties,

Recalling decision 1/CP.17,

I. ADOPTION

1. Decides to adopt the Paris Agreement;

II. FINANCE

Long-term finance

2. Decides that developed countries intend to continue their existing collective mobilization goal;

Adaptation finance

3. Urges developed country Parties to scale up their level of financial support;

III. Loss and damage

4. Decides on the continuation of the Warsaw International Mechanism;
"""


def test_a_decisions_roman_numbered_titles_open_sections_and_titles_inside_them_subsections() -> None:
    """'II. FINANCE' is section II (printed); 'Long-term finance' under it is II.A (inferred), and the next
    title II.B beside it, not inside it; the paragraphs keep their numbers and stay operative."""
    draft = tree_of(ROMAN_DECISION)
    outline = [(n.label, n.kind, n.label_inferred, p.label if p else None) for n, p in draft.walk()][2:]
    assert outline == [
        ("I", "section", False, None),
        ("1", "operative", False, "I"),
        ("II", "section", False, None),
        ("II.A", "section", True, "II"),
        ("2", "operative", False, "II.A"),
        ("II.B", "section", True, "II"),
        ("3", "operative", False, "II.B"),
        ("III", "section", False, None),
        ("4", "operative", False, "III"),
    ]
    assert node(draft, "II").text == "FINANCE" and node(draft, "II").num == "II"


def test_a_roman_numeral_out_of_sequence_is_part_of_the_title() -> None:
    draft = tree_of(ROMAN_DECISION.replace("III. Loss", "VII. Loss"))
    assert node(draft, "II.C").text == "VII. Loss and damage"  # no numeral: a title under the section open
    text = ROMAN_DECISION.replace("2. Decides", "1. Decides").replace("3. Urges", "1. Urges").replace("4. D", "1. D")
    assert [c.label for c in node(tree_of(text), "III").children] == ["III.1"]


@pytest.mark.parametrize(
    "recital",
    ["Recalling Article 9 of the Paris Agreement,2", "Acknowledging [the urgency of enhanced action,]"],
    ids=["footnote mark", "bracketed comma"],
)
def test_a_recital_ending_in_a_footnote_mark_or_bracket_is_no_title(recital: str) -> None:
    draft = tree_of(f"The Conference of the Parties,\n\nRecalling decision 1/CP.17,\n\n{recital}\n\n1. Decides;\n")
    assert [n.kind for n in draft.paragraphs] == ["chapeau", "preamble", "preamble", "operative"]


def test_short_lines_after_a_colon_are_a_list_not_sections() -> None:
    text = "The Conference of the Parties,\n\nRecalling decision 1/CP.21,\n\n"
    text += "1. Decides that the work programme shall cover the following areas:\n\n"
    text += "Capacity-building\n\nClimate finance\n\n2. Requests the secretariat to organize a workshop;\n"
    assert not [n for n, _ in tree_of(text).walk() if n.kind == "section"]


def test_an_annex_numbers_its_sections_afresh() -> None:
    text = ROMAN_DECISION + "\nAnnex\n\nI. Terms of reference\n\n1. The Committee shall meet.\n\n"
    text += "II. Membership\n\n2. The Committee shall have twelve members.\n"
    draft = tree_of(text)
    assert [c.label for c in node(draft, "Annex").children] == ["Annex, I", "Annex, II"]
    assert node(draft, "Annex, II").text == "Membership"


def test_numbering_restarting_in_an_annexs_sections_is_cited_with_them() -> None:
    text = "The Conference of the Parties,\n\nRecalling decision 1/CP.21,\n\n1. Decides;\n\nAnnex\n\n"
    text += "I. Scope\n\n1. The Committee shall meet.\n\nII. Membership\n\n1. It has twelve members.\n"
    labels = [n.label for n, _ in tree_of(text).walk()]
    assert labels[-4:] == ["Annex, I", "Annex, I.1", "Annex, II", "Annex, II.1"]
