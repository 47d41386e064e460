"""The bracket finder: nesting and depth, footnote references, groups of alternatives, slashes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amendtrack.errors import InputError
from amendtrack.model.tree import Bracket, Draft, Paragraph
from amendtrack.read.akn import read_akn, validate
from amendtrack.read.brackets import MAX_DEPTH, find_brackets
from amendtrack.read.dump import _Bad, _bracket
from amendtrack.read.text import markers
from amendtrack.render.akn import draft_to_akn

CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpora" / "paris-2015"


def spans(text: str) -> list[tuple[str, int]]:
    """(span text, depth) of every bracket, in the finder's order."""
    return [(b.text, b.depth) for b in find_brackets(text)]


def alternatives(text: str) -> list[list[str]]:
    return [b.alternatives for b in find_brackets(text)]


# 1. nesting


def test_nested_spans_are_all_kept_with_their_depth_outer_first() -> None:
    text = "x [a [b] c] y"
    found = find_brackets(text)
    assert [(b.start, b.end, b.text, b.depth, b.closed) for b in found] == [
        (2, 11, "[a [b] c]", 1, True),
        (5, 8, "[b]", 2, True),
    ]
    assert all(text[b.start : b.end] == b.text for b in found)


def test_deeper_nesting_and_siblings_are_ordered_by_start() -> None:
    assert spans("[a [b [c]] [d]] [e]") == [
        ("[a [b [c]] [d]]", 1),
        ("[b [c]]", 2),
        ("[c]", 3),
        ("[d]", 2),
        ("[e]", 1),
    ]


def test_an_unclosed_bracket_runs_to_the_end() -> None:
    found = find_brackets("keep [this [and] that")
    assert [(b.text, b.end, b.closed, b.depth) for b in found] == [
        ("[this [and] that", 21, False, 1),
        ("[and]", 16, True, 2),
    ]
    inner = find_brackets("[a [b c")
    assert [(b.text, b.closed, b.depth) for b in inner] == [("[a [b c", False, 1), ("[b c", False, 2)]
    assert inner[0].alternatives == ["a [b c"]


def test_a_stray_closing_bracket_is_ignored() -> None:
    assert spans("a] [b] c]] [d") == [("[b]", 1), ("[d", 1)]
    assert find_brackets("]]") == []


def test_the_markers_module_keeps_the_name_the_readers_use() -> None:
    assert markers.find_brackets is find_brackets


# 2. footnote references


def test_footnote_references_are_not_brackets() -> None:
    assert find_brackets("Parties[^5] agree[^note].") == []


def test_a_footnote_reference_neither_opens_nor_closes() -> None:
    found = find_brackets("developed country Parties[[^9]] and [others[^note] / all]")
    assert [(b.text, b.depth) for b in found] == [("[[^9]]", 1), ("[others[^note] / all]", 1)]
    assert found[0].alternatives == ["[^9]"]
    assert found[1].alternatives == ["others[^note]", "all"]
    # "[^ 5]" is no footnote reference (a space in the label): it is a bracket
    assert spans("a [^ 5] b") == [("[^ 5]", 1)]


def test_a_slash_inside_a_footnote_reference_splits_nothing() -> None:
    assert alternatives("[shall [^a/b] do]") == [["shall [^a/b] do"]]


# 3. groups


def test_touching_brackets_form_one_group_numbered_in_order() -> None:
    text = "Parties [shall][should][other] act [now] and [below 2 °C][below 1.5 °C]"
    found = find_brackets(text)
    assert [(b.text, b.group) for b in found] == [
        ("[shall]", 1),
        ("[should]", 1),
        ("[other]", 1),
        ("[now]", None),
        ("[below 2 °C]", 2),
        ("[below 1.5 °C]", 2),
    ]


def test_brackets_apart_are_not_grouped() -> None:
    assert [b.group for b in find_brackets("each [prepare] communicate [maintain]")] == [None, None]
    assert [b.group for b in find_brackets("[a] [b]")] == [None, None]  # one space: independent (see the docstring)
    assert [b.group for b in find_brackets("[a][b] [c][d]")] == [1, 1, 2, 2]


def test_groups_stay_at_their_own_depth() -> None:
    found = find_brackets("[through [[climate][carbon] neutrality]][or not]")
    assert [(b.text, b.depth, b.group) for b in found] == [
        ("[through [[climate][carbon] neutrality]]", 1, 1),
        ("[[climate][carbon] neutrality]", 2, None),
        ("[climate]", 3, 2),
        ("[carbon]", 3, 2),
        ("[or not]", 1, 1),
    ]


def test_an_unclosed_bracket_can_end_a_chain_but_not_begin_one() -> None:
    assert [(b.text, b.group) for b in find_brackets("[a][b")] == [("[a]", 1), ("[b", 1)]
    assert [(b.text, b.group) for b in find_brackets("[a] [b")] == [("[a]", None), ("[b", None)]
    assert [(b.text, b.depth, b.group) for b in find_brackets("[x[y][z]")] == [
        ("[x[y][z]", 1, None),
        ("[y]", 2, 1),
        ("[z]", 2, 1),
    ]


# 4. alternatives


def test_a_spaced_slash_always_separates() -> None:
    assert alternatives("[as set out in / as outlined in]") == [["as set out in", "as outlined in"]]
    assert alternatives("[1/CP.20 / 1/CP.21]") == [["1/CP.20", "1/CP.21"]]


def test_an_unspaced_slash_separates_two_words_of_letters() -> None:
    assert alternatives("[shall/should]") == [["shall", "should"]]
    assert alternatives("[shall/should/may]") == [["shall", "should", "may"]]
    assert alternatives("[low-carbon/low-emission]") == [["low-carbon", "low-emission"]]
    assert alternatives("[Parties'/States']") == [["Parties'", "States'"]]
    assert alternatives("[a -/- b]") == [["a -/- b"]]  # dashes are no words
    assert alternatives("[sub-/national]") == [["sub-/national"]]


@pytest.mark.parametrize(
    "text",
    [
        "[decision 1/CP.21]",
        "[1/CP.21]",
        "[in resolution 55/25]",
        "[decision 2/CMA.3]",
        "[A/RES/55/25]",
        "[and/or]",
        "[NDMC/NDMCC]",
        "[HIV/AIDS]",
        "[(I)NDCs/NDMCs]",
        "[W/m2]",
        "[draw from /build on]",
    ],
)
def test_an_unspaced_slash_never_splits_symbols_numbers_and_or_or_acronyms(text: str) -> None:
    assert alternatives(text) == [[text[1:-1].strip()]]


def test_no_separator_gives_the_stripped_text_or_nothing() -> None:
    assert alternatives("[ UNTOC ]") == [["UNTOC"]]
    assert alternatives("[]") == [[]]
    assert alternatives("[   ]") == [[]]
    assert alternatives("[ / ]") == [["/"]]


def test_nested_brackets_keep_their_characters_and_their_slashes() -> None:
    found = find_brackets("[to [enhance / improve] the implementation / to achieve]")
    assert found[0].alternatives == ["to [enhance / improve] the implementation", "to achieve"]
    assert found[1].alternatives == ["enhance", "improve"]
    assert alternatives("[[shall / should] act]") == [["[shall / should] act"], ["shall", "should"]]


def test_the_reader_entry_point_returns_model_brackets() -> None:
    found = markers.find_brackets("Review services, [as set out in / as outlined in] the Protocol")
    assert found == [
        Bracket(17, 49, "[as set out in / as outlined in]", ["as set out in", "as outlined in"], True, 1, None)
    ]


# linear time


def test_a_megabyte_of_opening_brackets_finishes() -> None:
    found = find_brackets("[" * 1_000_000)
    assert len(found) == MAX_DEPTH  # deeper spans are paired but not recorded
    assert [b.depth for b in found] == list(range(1, MAX_DEPTH + 1))
    assert all(not b.closed and b.end == 1_000_000 for b in found)


def test_a_megabyte_of_balanced_or_side_by_side_brackets_finishes() -> None:
    deep = find_brackets("[" * 500_000 + "]" * 500_000)
    assert [(b.start, b.end, b.depth) for b in deep[:2]] == [(0, 1_000_000, 1), (1, 999_999, 2)]
    assert len(deep) == MAX_DEPTH
    assert find_brackets("]" * 1_000_000) == []
    flat = find_brackets("[a/b]" * 200_000)
    assert len(flat) == 200_000 and {b.group for b in flat} == {1}
    assert flat[-1].alternatives == ["a", "b"]
    assert len(find_brackets("[^" + "a" * 1_000_000)) == 1  # no closing: not a footnote reference, a bracket


# the Paris Agreement drafts, read by hand


def corpus_line(name: str, containing: str) -> str:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the Paris Agreement corpus is absent ({path} not found): these checks read it")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if containing in line]
    assert len(lines) == 1, f"{containing!r} should be on one line of {name}"
    return lines[0]


def test_corpus_preamble_recital_with_a_stray_closing_bracket() -> None:
    line = corpus_line("01_23-oct-2015.md", "*In [furtherance][pursuit]* of the objective")
    found = find_brackets(line)
    assert [(b.text[:40], b.group) for b in found] == [
        ("[furtherance]", 1),
        ("[pursuit]", 1),
        ("[principles and provisions]", None),
        ("[as set out in Articles 2, 3 and 4]", None),
        ("[including the principles of equity and ", None),
    ]
    assert found[-1].closed and found[-1].end == len(line) - 1  # the final "]" closes nothing


def test_corpus_temperature_goal_alternatives() -> None:
    line = corpus_line("01_23-oct-2015.md", "hold the increase in the global average temperature [below 2 °C]")
    assert [(b.text, b.group) for b in find_brackets(line)] == [
        ("[below 2 °C]", 1),
        ("[below 1.5 °C]", 1),
        ("[well below 2 °C]", 1),
        ("[below 2 °C or 1.5 °C]", 1),
        ("[below 1.5 °C or 2 °C]", 2),  # a space before it in the draft: a chain of its own
        ("[as far below 2°C as possible]", 2),
        ("[net]", None),
    ]


def test_corpus_nesting_four_deep_with_a_footnote_inside() -> None:
    line = corpus_line("01_23-oct-2015.md", "[[climate][carbon] neutrality]")
    found = find_brackets(line)
    outer = found[0]
    assert outer.text.startswith("[Parties aim [to achieve") and outer.text.endswith("[^2]]")
    assert (outer.depth, outer.closed, outer.end) == (1, True, len(line))
    nested = {b.text: (b.depth, b.group) for b in found if b.text.startswith(("[low-", "[[climate]"))}
    assert nested == {"[low-[carbon][emission] transformation]": (3, None), "[[climate][carbon] neutrality]": (3, None)}
    assert [(b.text, b.depth) for b in found if b.text in ("[emission]", "[climate]")] == [
        ("[emission]", 4),
        ("[climate]", 4),
    ]
    assert not any("^" in b.text[:2] for b in found)  # "[^2]" is a footnote reference


def test_corpus_decision_symbols_and_acronyms_are_not_split() -> None:
    line = corpus_line("01_23-oct-2015.md", "in accordance with [decision 1/CP.21 ][1/CP.20 ]")
    found = [b for b in find_brackets(line) if "CP" in b.text]
    assert [(b.text[:20], b.alternatives[0][-20:], len(b.alternatives), b.group) for b in found] == [
        ("[decision 1/CP.21 ]", "decision 1/CP.21", 1, 1),
        ("[1/CP.20 ]", "1/CP.20", 1, 1),
        ("[Article 12 of the C", "in decision 1/CP.20.", 1, None),
    ]
    line = corpus_line("01_23-oct-2015.md", '<span style="font-variant:small-caps;">[(I)NDCs][NDMC/NDMCC]</span>')
    assert [(b.text, b.alternatives, b.group) for b in find_brackets(line)] == [
        ("[(I)NDCs]", ["(I)NDCs"], 1),
        ("[NDMC/NDMCC]", ["NDMC/NDMCC"], 1),
        ("[(I)NDC]", ["(I)NDC"], 2),
        ("[NDMC/NDMCC]", ["NDMC/NDMCC"], 2),
    ]


def test_corpus_footnote_in_brackets_and_a_spaced_slash() -> None:
    line = corpus_line("01_23-oct-2015.md", "developed country Parties[[^9]] to developing country Parties[[^10]]")
    assert [(b.text, b.alternatives) for b in find_brackets(line)] == [("[[^9]]", ["[^9]"]), ("[[^10]]", ["[^10]"])]
    line = corpus_line("01_23-oct-2015.md", "nationally determined mitigation [commitment / contribution]")
    assert [b.alternatives for b in find_brackets(line)] == [["commitment", "contribution"]]


# the brackets kept: Akoma Ntoso export and backups


def bracketed_draft() -> Draft:
    text = "Parties [shall][should] act [through [[climate][carbon] neutrality] [now / later]"
    node = Paragraph(label="OP1", kind="operative", text=text, eid="op_1", brackets=find_brackets(text))
    return Draft(paragraphs=[node])


def test_akoma_ntoso_export_keeps_depth_and_group() -> None:
    draft = bracketed_draft()
    xml = draft_to_akn(draft, "neg", "doc", "L.1", None)
    assert validate(xml) == []
    back = read_akn(xml, "doc.xml").paragraphs[0].brackets
    assert back == draft.paragraphs[0].brackets
    assert {(b.depth, b.group) for b in back} >= {(1, 1), (3, 2), (1, None)}


def test_akoma_ntoso_export_without_depth_and_group_reads_with_defaults() -> None:
    xml = draft_to_akn(bracketed_draft(), "neg", "doc", "L.1", None)
    old = re.sub(rb' (depth|group)="[0-9]+"', b"", xml)
    assert old != xml
    back = read_akn(old, "old.xml").paragraphs[0].brackets
    assert [(b.start, b.end) for b in back] == [(b.start, b.end) for b in bracketed_draft().paragraphs[0].brackets]
    assert {(b.depth, b.group) for b in back} == {(1, None)}
    with pytest.raises(InputError, match="depth and group"):
        read_akn(xml.replace(b'depth="3"', b'depth="0"', 1), "bad.xml")


def test_backup_bracket_records_with_and_without_depth_and_group() -> None:
    old = {"start": 0, "end": 3, "text": "[a]", "alternatives": ["a"], "closed": True}
    assert _bracket(old, "b", "[a]") == {**old, "depth": 1, "group": None}
    new = {**old, "depth": 2, "group": 3}
    assert _bracket(new, "b", "[a]") == new
    for field, value in (("depth", 0), ("depth", None), ("group", 0), ("group", "1"), ("depth", True)):
        with pytest.raises(_Bad, match=f"b.{field}"):
            _bracket({**new, field: value}, "b", "[a]")
    with pytest.raises(_Bad, match="unknown field"):
        _bracket({**new, "nesting": 2}, "b", "[a]")
