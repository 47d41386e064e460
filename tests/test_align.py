"""Alignment of real drafts: the GPA first draft → 19 July 2010, and the 2019 report parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.compare.align import Alignment, align
from amendtrack.compare.redline import plain, redline
from amendtrack.model.tree import Draft
from amendtrack.read.text import read_text_file

DATA = Path(__file__).resolve().parent.parent / "data" / "drafts"


@pytest.fixture(scope="module")
def gpa() -> tuple[Draft, Draft, Alignment]:
    first = read_text_file(DATA / "gpa-2010" / "01-first-draft.txt")
    july = read_text_file(DATA / "gpa-2010" / "03-draft-2010-07-19.txt")
    return first, july, align(first, july)


def link_of(alignment: Alignment, old_label: str | None = None, new_label: str | None = None):
    for link in alignment.links:
        if old_label is not None and old_label in [p.label for p in link.sources]:
            return link
        if new_label is not None and new_label in [p.label for p in link.targets]:
            return link
    raise AssertionError(f"no link for {old_label or new_label}")


def test_every_paragraph_is_accounted_for_exactly_once(gpa) -> None:
    first, july, alignment = gpa
    old_seen = [id(p) for link in alignment.links for p in link.sources]
    new_seen = [id(p) for link in alignment.links for p in link.targets + link.placeholders]
    assert sorted(old_seen) == sorted(id(node) for node, _ in first.walk())
    assert sorted(new_seen) == sorted(id(node) for node, _ in july.walk())


@pytest.mark.parametrize(
    ("sources", "target", "placeholders"),
    [
        (["42", "44", "45"], "42", ["44", "45"]),  # 43, 46 and 47 went on as 42(a), 42(b), 42(d): see below
        (["49", "50", "52"], "49", ["50", "52"]),
        (["56", "57", "58"], "56", ["57", "58"]),
        (["60", "62"], "60", ["62"]),
    ],
)
def test_declared_merges_are_found(gpa, sources: list[str], target: str, placeholders: list[str]) -> None:
    link = link_of(gpa[2], new_label=target)
    assert link.relation == "merged" and link.source == "declared"
    assert [p.label for p in link.sources] == sources
    assert [p.label for p in link.targets] == [target]
    assert [p.label for p in link.placeholders] == placeholders


def test_a_merged_paragraph_is_followed_into_the_sub_paragraph_it_became(gpa) -> None:
    """43–47 are declared merged into 42; 43 and 47 are 42(a) and 42(d), lightly edited: linked, with their redline."""
    for old, new in (("43", "42(a)"), ("47", "42(d)")):
        link = link_of(gpa[2], old_label=old)
        assert [p.label for p in link.targets] == [new] and link.relation == "merged" and link.source == "declared"
        assert link.note == f"merged from {old} into 42 as {new}" and [p.label for p in link.placeholders] == [old]
        assert link_of(gpa[2], new_label=new) is link  # 42(a) is not also 'new'
    combating = link_of(gpa[2], old_label="47")
    changes = plain(redline(combating.sources[0].text, combating.targets[0].text))
    assert changes.startswith("Combating[-, dismantling-] and prosecuting organized criminal groups")


def test_declared_deletions_end_deleted(gpa) -> None:
    for label in ("5", "29", "37", "68"):
        link = link_of(gpa[2], old_label=label)
        assert link.relation in ("deleted", "merged"), label
        assert link.source == "declared" and [p.label for p in link.placeholders] == [label]


def test_every_declared_marker_is_honoured_or_reported(gpa) -> None:
    _first, july, alignment = gpa
    honoured = {id(p) for link in alignment.links if link.source == "declared" for p in link.placeholders}
    for node, _ in july.walk():
        for marker in node.markers:
            if marker.kind not in ("formerly", "merged", "deleted"):
                continue
            reported = [c for c in alignment.conflicts if c.startswith(f"{node.label}:")]
            assert id(node) in honoured or reported, (node.label, marker.text)
    # the July draft's [Formerly PP8] and [formerly PP12] use the June draft's numbering:
    reasons = " ".join(alignment.conflicts)
    assert "PP5: [Formerly PP8], but its text matches PP7" in reasons
    assert "PP8: [formerly PP12], but its text matches PP11" in reasons


def test_moved_preambular_paragraphs(gpa) -> None:
    alignment = gpa[2]
    for old, new in (("PP7", "PP5"), ("PP11", "PP8")):
        link = link_of(alignment, old_label=old)
        assert link.relation == "moved" and [p.label for p in link.targets] == [new]
        assert link.note == f"formerly {old}, moved up"
    assert link_of(alignment, old_label="PP1").relation == "same"


# Links verified by reading the two drafts side by side.
READ_BY_HAND = [
    ("PP2", "PP2", "modified"),  # Reiterating its strong condemnation …
    ("PP3", "PP4", "modified"),  # Millennium Declaration
    ("PP4", "PP6", "modified"),  # resolution 55/25, the Convention and the Protocol
    ("PP5", "PP7", "modified"),  # the Protocol entered into force on 25 December 2003
    ("PP6", "PP9", "modified"),  # Commission on Human Rights resolution 2004/110
    ("PP8", "PP10", "modified"),  # ECOSOC resolution 2006/27, ICAT
    ("PP9", "PP11", "modified"),  # UN.GIFT and the Vienna Forum
    ("PP10", "PP12", "modified"),  # the Thematic Debate of 3 June 2008
    ("PP12", "PP13", "modified"),  # decisions 1/5, 2/3 and 3/3 of the Conference of the Parties
    ("PP13", "PP14", "modified"),  # regional mechanisms and initiatives
    ("PP14", "PP15", "modified"),  # the need to develop a global plan of action
    ("OP2", "OP2", "modified"),
    ("Chapeau", "Chapeau", "modified"),
    ("12", "12", "modified"),  # Mainstreaming → Mainstream
    ("26", "26", "modified"),  # labor inspectors added
    ("36", "36", "modified"),  # the trust fund
    ("41", "41", "modified"),  # label and first line lost in July; kept its place between 40 and 42
    ("48", "48", "modified"),  # liability of legal persons and entities
    ("69", "69", "moved"),  # printed before 67 in July
    ("13", "13", "moved"),  # printed before 12 in July
]


@pytest.mark.parametrize(("old", "new", "relation"), READ_BY_HAND)
def test_links_read_by_hand(gpa, old: str, new: str, relation: str) -> None:
    link = link_of(gpa[2], old_label=old)
    assert [p.label for p in link.targets] == [new]
    assert link.relation == relation


def test_new_paragraphs_and_children(gpa) -> None:
    alignment = gpa[2]
    for label in ("1bis", "10bis", "OP2(c)"):
        assert link_of(alignment, new_label=label).relation == "new"
    # OP2: (c) on civil society became (d), (d) on the Secretary-General's report became (e)
    for old, new in (("OP2(a)", "OP2(a)"), ("OP2(c)", "OP2(d)"), ("OP2(d)", "OP2(e)")):
        assert [p.label for p in link_of(alignment, old_label=old).targets] == [new]
    offences = link_of(alignment, new_label="42(c)")
    assert offences.relation == "merged" and [p.label for p in offences.sources] == ["45(a)", "45(b)", "45(c)"]
    ratification = link_of(alignment, new_label="PP15 bullet 1")
    assert [p.label for p in ratification.sources] == ["PP14 bullet 1", "PP14 bullet 2"]


def test_wg_2019_parts_link_only_near_identical_recommendations() -> None:
    folder = DATA / "wg-tip-2019"
    add1 = read_text_file(folder / "02-draft-report-L1-Add1.txt")
    add2 = read_text_file(folder / "03-draft-report-L1-Add2.txt")
    main = read_text_file(folder / "01-draft-report-L1.txt")
    linked = {
        (tuple(p.label for p in link.sources), tuple(p.label for p in link.targets))
        for link in align(add1, add2).links
        if link.sources and link.targets and link.sources[0].kind == "recommendation"
    }
    # 32 and 37 differ by one word, 33 and 47 by a few; the rest are other recommendations
    assert linked == {
        (("Recommendation 32",), ("Recommendation 37",)),
        (("Recommendation 33",), ("Recommendation 47",)),
    }
    same_subject = [
        link
        for link in align(main, add1).links
        if link.sources and link.targets and "recommendation" in {p.kind for p in link.sources + link.targets}
    ]
    assert same_subject == []  # e.g. Recommendation 3 and 16 are both on joint investigations, yet different


def test_persistent_ids_follow_lineage_and_realigning_is_idempotent(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'gpa.db'}"
    result = runner.invoke(cli, ["--db", db, "import", str(DATA / "gpa-2010")])
    assert result.exit_code == 0, result.output

    def records(draft: str) -> dict[str, str]:
        out = runner.invoke(cli, ["--db", db, "paragraphs", "gpa-2010", draft, "--json"])
        return {r["label"]: r["pid"] for r in json.loads(out.output)}

    first, july = records("first-draft"), records("draft-2010-07-19")
    assert july["PP5"] == first["PP7"]  # renumbered and moved, one identity
    assert july["PP8"] == first["PP11"]
    assert july["42"] == first["42"] and july["43"] == first["43"]  # 43 lives on as its placeholder
    assert july["1bis"] == "draft-2010-07-19:annex__para_1bis"  # first appears in July
    once = runner.invoke(cli, ["--db", db, "align", "gpa-2010", "first-draft", "draft-2010-07-19", "--json"])
    twice = runner.invoke(cli, ["--db", db, "align", "gpa-2010", "first-draft", "draft-2010-07-19", "--json"])
    assert once.exit_code == 0 and once.output == twice.output
    assert records("draft-2010-07-19") == july
    links = json.loads(once.output)
    moved = next(link for link in links if link["from"] == ["PP7"])
    assert moved["relation"] == "moved" and moved["from_pid"] == moved["to_pid"] == [first["PP7"]]
    assert {"from", "to", "relation", "score", "source", "from_pid", "to_pid"} <= set(moved)


def test_align_errors_name_the_draft(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'gpa.db'}"
    runner.invoke(cli, ["--db", db, "import", str(DATA / "gpa-2010")])
    result = runner.invoke(cli, ["--db", db, "align", "gpa-2010", "first-draft", "june-draft"])
    assert result.exit_code == 1
    assert "has no draft 'june-draft'" in result.output and result.output.count("\n") == 1


def test_diff_prints_a_plain_redline_when_not_on_a_terminal(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'gpa.db'}"
    runner.invoke(cli, ["--db", db, "import", str(DATA / "gpa-2010")])
    result = runner.invoke(cli, ["--db", db, "diff", "gpa-2010", "1", "3"])  # 2 is the table of inputs
    assert result.exit_code == 0
    assert "42, 44, 45 → 42: merged from 44, 45 into 42 (as the draft marks it)" in result.output
    assert "47 → 42(d): merged from 47 into 42 as 42(d) (as the draft marks it)" in result.output
    assert "[-Mainstreaming-]{+Mainstream+} the issue of trafficking in persons" in result.output
    assert "\x1b[" not in result.output


def test_a_split_off_part_of_a_merged_paragraph_is_still_accounted_for() -> None:
    from amendtrack.model.tree import Paragraph

    def draft(texts: list[str]) -> Draft:
        return Draft([Paragraph(str(k + 1), "operative", t, f"para_{k + 1}") for k, t in enumerate(texts)])

    old = draft(["T t t;", "T t victims;", "T t persons;", "T t t;", "T t t;"])
    new = draft(["T victims shall;", "T t victims T t persons;", "T t t;", "T t t;"])
    alignment = align(old, new)
    assert sorted(p.label for link in alignment.links for p in link.targets) == ["1", "2", "3", "4"]
    assert sorted(p.label for link in alignment.links for p in link.sources) == ["1", "2", "3", "4", "5"]


def test_a_paragraph_folded_into_the_one_its_neighbour_became_is_merged_not_deleted() -> None:
    """Paris 9 → 12 Dec: 7.6 and 7.7 became 10.6 with only a part of 7.7's words; 7.7 is merged, not deleted.

    Half of the second paragraph's words reach the paragraph the first became: too few for a merge on
    words alone, enough beside its neighbour. A paragraph as far from it, with no neighbour there, stays deleted.
    """
    from amendtrack.model.tree import Paragraph

    def draft(texts: list[str]) -> Draft:
        return Draft([Paragraph(str(k + 1), "operative", t, f"para_{k + 1}") for k, t in enumerate(texts)])

    first = "Parties strengthen cooperative action on technology development and transfer"
    second = "including research centres, networks, incubators, laboratories, universities and regional bodies"
    unrelated = "research centres and universities publish annual statistics"  # as much in new 1, but not beside 1
    old = draft([first, second, "Budgets follow the agreed scale of assessments", unrelated])
    kept = f"{first} through research centres, networks, incubators and universities"  # half of `second`'s words
    new = draft([kept, "Budgets follow the agreed scale of assessments"])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert links[("1", "2")].relation == "merged" and [p.label for p in links[("1", "2")].targets] == ["1"]
    assert links[("4",)].relation == "deleted"


def _plain_draft(texts: list[str]) -> Draft:
    from amendtrack.model.tree import Paragraph

    return Draft([Paragraph(str(k + 1), "operative", t, f"para_{k + 1}") for k, t in enumerate(texts)])


def test_a_paragraph_that_supplies_words_its_neighbours_paragraph_lacks_was_merged_into_it() -> None:
    """A third of its words reach the paragraph its neighbour became, too few on their own; but they are
    words that paragraph has and the neighbour lacks, so the two were merged. One whose words the
    neighbour already brings stays deleted."""
    first = "Parties shall cooperate on adaptation planning and share information on vulnerability assessments"
    second = (
        "Developed countries provide finance, capacity building and technology for monitoring glaciers and coastlines"
    )
    echo = "Parties cooperate on adaptation planning and on fisheries quotas, tourism statistics and shipping registers"
    kept = f"{first}, supported by monitoring of glaciers and coastlines"
    old = _plain_draft([first, second, "Budgets follow the agreed scale of assessments"])
    new = _plain_draft([kept, "Budgets follow the agreed scale of assessments"])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert links[("1", "2")].relation == "merged"
    old = _plain_draft([first, echo, "Budgets follow the agreed scale of assessments"])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert links[("2",)].relation == "deleted"


def test_of_two_paragraphs_holding_the_later_one_whole_only_a_copy_of_the_other_is_merged_into_it() -> None:
    """Two old paragraphs each hold every word of the later one. When one prints the other again with more
    ('[…][The Conference shall …]'), it is that provision twice and both went into the later text; when they
    are two alike provisions (9 Dec 9.10 'Support shall be provided to developing countries for …' and 9.11
    'Developed country Parties shall provide support to developing country Parties in …', like parallel
    duties to report), the one not paired was deleted: the words cannot tell a restatement from a second
    duty (the review helper's 'developed … shall report' and 'developing … should report')."""
    first = "Support shall be provided to developing countries for the implementation of paragraphs 6 and 7"
    second = "Developed countries shall provide support to developing countries in the implementation of reviews"
    other = "Budgets follow the agreed scale of assessments"
    new = _plain_draft(["Support shall be provided to developing countries for implementation", other])
    links = {
        tuple(p.label for p in link.sources): link for link in align(_plain_draft([first, second, other]), new).links
    }
    assert ("1", "2") not in links and {links[("1",)].relation, links[("2",)].relation} == {"modified", "deleted"}
    again = f"[{first}][The Conference shall review the support]"
    links = {
        tuple(p.label for p in link.sources): link for link in align(_plain_draft([first, again, other]), new).links
    }
    assert links[("1", "2")].relation == "merged" and [p.label for p in links[("1", "2")].targets] == ["1"]


def test_a_provision_printed_twice_apart_and_once_later_merges_both_texts() -> None:
    """Paris 9 → 12 Dec: 6.8 'The stocktake shall take into account available information … on efforts
    related to climate finance' and, further on, 6.13 with the same words bracketed beside an alternative,
    became one paragraph (9.6) whose words are nearly all in each. An old paragraph holding only the
    alternative's words stays deleted."""
    first = (
        "The stocktake shall take into account available information by Parties on efforts related to climate finance"
    )
    alternative = "The Conference shall facilitate the communication of finance efforts for the stocktake"
    middle = ["Budgets follow the agreed scale of assessments", "Observers may attend the sessions of the bodies"]
    later = f"The global {first[4:]}".replace("available", "relevant")
    new = _plain_draft([later, *middle])
    old = _plain_draft([first, *middle, f"[{first}][{alternative}]"])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert links[("1", "4")].relation == "merged" and [p.label for p in links[("1", "4")].targets] == ["1"]
    old = _plain_draft([first, *middle, alternative])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert links[("4",)].relation == "deleted"


def test_a_new_paragraph_beside_its_source_holding_the_words_the_source_lost_was_split_off() -> None:
    """Half the words of new 2 come from old 1, and they are the words new 1 no longer has: a split.
    The same words beside a paragraph that kept them all are a new paragraph."""
    head = "Parties recognize the importance of averting and minimizing loss and damage from extreme weather events"
    tail = "including slow onset events, and the role of sustainable development in reducing the risk"
    old = _plain_draft([f"{head}, {tail}", "Budgets follow the agreed scale of assessments"])
    new = _plain_draft(
        [
            head,
            f"Parties also address {tail} through early warning systems",
            "Budgets follow the agreed scale of assessments",
        ]
    )
    links = {tuple(p.label for p in link.targets): link for link in align(old, new).links}
    assert links[("1", "2")].relation == "split"
    old = _plain_draft([f"{head}, {tail}", "Budgets follow the agreed scale of assessments"])
    new = _plain_draft(
        [
            f"{head}, {tail}",
            f"Parties also address {tail} through early warning systems",
            "Budgets follow the agreed scale of assessments",
        ]
    )
    links = {tuple(p.label for p in link.targets): link for link in align(old, new).links}
    assert links[("2",)].relation == "new"


def test_a_weak_pair_kept_by_its_label_yields_to_a_clearly_likelier_paragraph() -> None:
    """New 3 keeps old 3's label and a little of its wording (0.30 alike), but its words are old 2's (0.46):
    the label alone does not pair it with old 3, it never outweighs the words."""
    old = _plain_draft(
        [
            "The secretariat shall prepare a synthesis report on the aggregate effect of contributions",
            "Each Party shall account for its contribution, promoting environmental integrity, accuracy "
            "and consistency",
            "The Conference shall consider the synthesis report of the secretariat at its first session",
        ]
    )
    new = _plain_draft(
        [
            "The secretariat shall prepare a synthesis report on the aggregate effect of contributions",
            "Parties shall report annually on emissions using agreed methodologies",
            "Each Party shall account for its contribution at its first session, promoting integrity in its "
            "national report each year",
        ]
    )
    links = {tuple(p.label for p in link.targets): link for link in align(old, new).links}
    assert [p.label for p in links[("3",)].sources] in ([], ["2"])


def test_a_short_merged_paragraph_goes_to_the_paragraph_its_neighbour_became() -> None:
    """Old 3's words are all in new 1 and nearly all (0.91) in new 3; it sits beside old 2, which became new 3:
    its place decides."""
    whole = "Developing country Parties, least developed countries and small island States are eligible for support"
    short = f"{whole} on reporting"
    old = _plain_draft(
        [
            f"{whole} on capacity and reporting for this purpose and more",
            "Support for technology development and transfer shall be provided through the Technology Mechanism",
            short,
        ]
    )
    new = _plain_draft(
        [
            f"{whole} on capacity and reporting for this purpose and more",
            "Parties shall report annually on emissions using agreed methodologies",
            "Support for technology development and transfer shall be provided through the Technology Mechanism; "
            + whole[0].lower()
            + whole[1:],
        ]
    )
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    merged = next(link for key, link in links.items() if "3" in key)
    assert merged.relation == "merged" and [p.label for p in merged.targets] == ["3"]


def test_of_two_paragraphs_that_swapped_the_one_that_left_its_number_moved() -> None:
    """Old 2 goes down past old 4, which keeps its number 4 (3 was deleted, two paragraphs came in): 2 moved."""
    a, b, c = (
        "The Conference of the Parties shall adopt its rules of procedure at its first session",
        "Each Party shall designate a national focal point for the exchange of information",
        "The secretariat shall prepare a synthesis report on the aggregate effect of contributions",
    )
    gone = "Parties shall report every two years on emissions using methodologies agreed by the Conference"
    came = ["Observers may attend the sessions unless a third of the Parties object", "Budgets follow the scale"]
    old = _plain_draft([a, b, gone, c])
    new = _plain_draft([a, *came, c, b])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert links[("4",)].relation == "same"
    assert links[("2",)].relation == "moved" and [p.label for p in links[("2",)].targets] == ["5"]


def test_heaviest_increasing_keeps_the_most_values_then_the_heaviest() -> None:
    from amendtrack.compare.align.links import heaviest_increasing

    assert heaviest_increasing([0, 5, 3, 7], [0, 0.5, 0, 0]) == {0, 5, 7}
    assert heaviest_increasing([0, 5, 3, 7], [0, 0, 0.5, 0]) == {0, 3, 7}
    assert heaviest_increasing([4, 1, 2, 3], [0.9, 0, 0, 0]) == {1, 2, 3}  # a weight never outweighs a value
    assert heaviest_increasing([], []) == set()


def test_a_sub_paragraph_drawn_out_and_redrafted_is_followed_by_the_words_it_gave() -> None:
    """Paris 9 Dec 9.6(d) → 12 Dec 13.8: the sub-paragraph on impacts became a paragraph of its own in other
    words (0.31 alike, too little to pair on likeness); it holds most of the new paragraph's words (0.45)
    and the paragraph's own text holds fewer, so the split-off paragraph comes from it, not from nowhere."""
    from amendtrack.model.tree import Paragraph

    def para(label: str, text: str, children: tuple = ()) -> Paragraph:
        node = Paragraph(label, "operative", text, f"para_{label}")
        node.children.extend(children)
        return node

    def sub(label: str, text: str) -> Paragraph:
        return Paragraph(label, "subparagraph", text, f"sub_{label}")

    chapeau = "Each Party shall regularly provide the following information:"
    inventory = "national inventory of anthropogenic emissions by sources and removals by sinks of greenhouse gases;"
    impacts = (
        "Climate change impacts and actions taken to build resilience and reduce vulnerability, and progress on "
        "adaptation actions under Article 4."
    )
    budget = "Budgets follow the agreed scale of assessments"
    old = Draft([para("1", chapeau, (sub("(a)", f"Its {inventory}"), sub("(b)", impacts))), para("2", budget)])
    drawn = (
        "Each Party should also provide information related to climate change impacts and adaptation under Article 7."
    )
    new = Draft([para("1", chapeau, (sub("(a)", f"A {inventory}"),)), para("2", drawn), para("3", budget)])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert [p.label for p in links[("(b)",)].targets] == ["2"]
    assert links[("1",)].relation == "same"


def test_an_option_inside_a_paragraph_is_no_rival_to_that_paragraph() -> None:
    """Paris 23 Oct → 4 Dec 3.8: the new 3.8 is more like an option inside the old 3.8 (0.46) than like the
    old 3.8's own words (0.30); the option is part of that paragraph, so the two are still one."""
    from amendtrack.model.tree import Paragraph

    def node(label: str, kind: str, text: str, children: tuple = ()) -> Paragraph:
        made = Paragraph(label, kind, text, f"n_{label.replace(' ', '_')}")
        made.children.extend(children)
        return made

    first = "Each Party shall communicate its contribution every five years, informed by the outcome of the global "
    options = [
        f"{first}stocktake and by science",
        "Developed country Parties shall take the lead by undertaking absolute emission reduction targets",
    ]
    group = node(
        "3 options", "option_group", "", tuple(node(f"3 Option {k + 1}", "option", t) for k, t in enumerate(options))
    )

    def common() -> list[Paragraph]:
        return [
            node("1", "operative", "The Conference of the Parties shall adopt its rules of procedure"),
            node("2", "operative", "Observers may attend the sessions unless a third of the Parties object"),
        ]

    old = Draft(
        [
            *common(),
            node(
                "3", "operative", "Timing and form of contributions, as set out below, for the first period", (group,)
            ),
        ]
    )
    settled = (
        "Timing of communications and form of contributions: each Party shall communicate every five years as decided"
    )
    new = Draft([*common(), node("3", "operative", settled)])
    links = {tuple(p.label for p in link.targets): link for link in align(old, new).links}
    assert "3" in [p.label for p in links[("3",)].sources]


def test_a_sub_paragraph_whose_words_its_neighbour_already_brings_was_deleted_not_merged() -> None:
    """Paris 9 Dec 9.6(b) 'Projections of emissions by sources and sinks' → 12 Dec: all its words are in the new
    (a), but (a) brought them already; 'projections' went. It is deleted, not merged into (a)."""
    from amendtrack.model.tree import Paragraph

    def para(label: str, subs: list[str]) -> Paragraph:
        node = Paragraph(label, "operative", "Each Party shall regularly provide the following information:", "p")
        node.children.extend(
            Paragraph(f"({chr(97 + k)})", "subparagraph", text, f"s{k}") for k, text in enumerate(subs)
        )
        return node

    inventory = "A national inventory of anthropogenic emissions by sources and removals by sinks of greenhouse gases"
    projections = "Projections of anthropogenic emissions by sources and removals by sinks of greenhouse gases"
    old = Draft([para("1", [inventory, projections, "Information on climate finance received"])])
    new = Draft([para("1", [f"{inventory}, prepared using good practice methodologies", "Information on finance"])])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    assert links[("(b)",)].relation == "deleted"
    assert [p.label for p in links[("(a)",)].targets] == ["(a)"]


def _options_paragraph(label: str, options: list[str]):
    """A paragraph that holds only an option group: the shape of the Paris drafts' 'Option 1 / Option 2'."""
    from amendtrack.model.tree import Paragraph

    group = Paragraph(f"{label} options", "option_group", "", f"g_{label}")
    group.children.extend(
        Paragraph(f"{label} Option {k + 1}", "option", text, f"o_{label}_{k}") for k, text in enumerate(options)
    )
    holder = Paragraph(label, "operative", "", f"p_{label}")
    holder.children.append(group)
    return holder


@pytest.mark.parametrize("bracketed", [False, True])
def test_an_option_that_brings_only_the_words_it_shares_with_the_kept_one_was_dropped(bracketed: bool) -> None:
    """Paris 9 Dec 3.1 → 12 Dec 4.1: the kept option's wording carries on; the other option's words in 4.1
    are those the two share ('Parties collectively aim … global temperature goal'), so it was dropped,
    not merged. While the paragraph still holds brackets, the alternatives may live on in them: merged."""
    from amendtrack.model.tree import Bracket, Paragraph

    stem = "Parties collectively aim to reach the global temperature goal referred to in Article 2 through"
    tail = "informed by best available science, on the basis of equity and in the context of sustainable development"
    kept = f"{stem} a peaking of global greenhouse gas emissions as soon as possible and rapid reductions thereafter"
    other = f"{stem} a low emissions transformation toward climate neutrality over this century {tail}"
    common = [Paragraph("1", "operative", "The Conference of the Parties shall adopt its rules of procedure", "p1")]
    old = Draft([*common, _options_paragraph("2", [f"{kept} {tail}", other])])
    text = f"[In order to] achieve the long-term goal, {kept.lower()}, {tail}"
    target = Paragraph("2", "operative", text, "n2")
    if bracketed:
        target.brackets.append(Bracket(0, 14, "[In order to]", ["In order to"]))
    new = Draft([*common, target])
    links = {tuple(p.label for p in link.sources): link for link in align(old, new).links}
    if bracketed:
        assert any("2 Option 2" in labels and link.relation == "merged" for labels, link in links.items())
    else:
        assert links[("2 Option 2",)].relation == "deleted"
        link = next(link for labels, link in links.items() if "2 Option 1" in labels)
        assert [p.label for p in link.targets] == ["2"]
