"""The compilation reader on the real "Table of Inputs on First Draft" of the Global Plan of Action."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from amendtrack.errors import InputError
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft
from amendtrack.read.compilation import read_compilation_file, read_compilation_text
from amendtrack.read.text import read_text_file

GPA = Path(__file__).resolve().parent.parent / "data" / "drafts" / "gpa-2010"
COMPILATION = GPA / "02-table-of-inputs-on-first-draft.txt"

# Label lines per delegation in the compilation (data file lines 1-4693 = seed lines 1033-5725), counted by
# hand: `grep -c '^\s*NAME\s*:'` for every spelling (African group, UNICEEF, TIOM), then the three labels
# printed without a colon that the reader's guide lists: "Colombia would prefer…" (line 315), "Norway Sl e ]"
# (line 1130), "UNAIDS Stressing…" (line 2273). One label line is one input, however many proposals it holds.
HAND_COUNT = {
    "African Group": 77, "Thailand": 66, "EU": 53, "Canada": 34, "USA": 34, "Japan": 33, "UNICEF": 33,
    "Singapore": 26, "Belarus": 25, "Colombia": 25, "UNAIDS": 19, "OHCHR": 18, "IOM": 15, "Holy See": 14,
    "China": 13, "Indonesia": 11, "Australia": 9, "Malaysia": 9, "Nicaragua": 4, "Cuba": 4, "Norway": 4,
    "Switzerland": 3, "Liechtenstein": 2, "Syria": 1,
}  # fmt: skip


@pytest.fixture(scope="module")
def base() -> Draft:
    return read_text_file(GPA / "01-first-draft.txt")


@pytest.fixture(scope="module")
def proposals(base: Draft) -> list[Proposal]:
    return read_compilation_file(COMPILATION, base, Registry.load())


def at(proposals: list[Proposal], line: int) -> list[Proposal]:
    """The proposals read from the input that starts on this line of the compilation file."""
    found = [p for p in proposals if any(s.source.line_start == line for s in p.sponsors)]
    assert found, f"no proposal from line {line}"
    return found


def test_every_labelled_input_is_found_per_delegation(proposals: list[Proposal]) -> None:
    labelled: dict[str, set[int]] = defaultdict(set)
    for proposal in proposals:
        for sponsor in proposal.sponsors:
            if sponsor.attribution == "labelled":
                labelled[sponsor.delegation].add(sponsor.source.line_start)
    for delegation, expected in HAND_COUNT.items():
        found = len(labelled[delegation])
        assert abs(found - expected) <= 0.05 * expected, (delegation, found, expected)
    assert set(labelled) == set(HAND_COUNT)


def test_unlabelled_continuation_blocks_are_attributed_by_place(proposals: list[Proposal]) -> None:
    # After "African Group: delete PP14" the group's blocks OP1: / OP 1bis / d bis) carry no name.
    op1 = at(proposals, 429)[0]
    assert (op1.delegations, op1.sponsors[0].attribution, op1.paragraph, op1.operation) == (
        ["African Group"],
        "inferred",
        "OP1",
        "replace",  # a restatement changing two stretches ("Adopts the present resolution and its annex as")
    )
    assert op1.text.startswith("Adopts the present resolution and its annex as the United Nations Global Plan")
    op1bis = at(proposals, 438)[0]
    assert (op1bis.operation, op1bis.new_label, op1bis.sponsors[0].attribution) == (
        "new_paragraph",
        "OP1bis",
        "inferred",
    )
    # After "Colombia: delete PP14": "Paragraph 2: delete" is Colombia's too, and means the resolution's OP2.
    second = at(proposals, 595)[0]
    assert (second.delegations, second.paragraph, second.operation) == (["Colombia"], "OP2", "delete")


PINNED = [
    # line, delegation, paragraph, operation
    (124, "Thailand", "PP6", "delete"),  # bare "Thailand: delete"
    (1839, "Japan", "15", "delete"),  # "Delete whole paragraph." with a rationale line
    (83, "African Group", "PP5", "redraft"),  # "Redraft as follows:"
    (1233, "Canada", "5", "redraft"),  # "replace OP5 with…": OP names the annex paragraph here
    (564, "Canada", "OP2(c)", "insert"),  # "OP2(c): add a reference to the media": the resolution's OP2(c)
    (1396, "Canada", "9", "split"),  # "recommend splitting as follows:"
    (1433, "USA", "9", "move"),  # "Place paragraph after OP 6"
    (1478, "EU", "39", "move"),  # "Paragraph 10ter (moved from paragraph 39)"; 39's "moved to 10 ter" is this one
    (3480, "Singapore", "42", "merge"),  # "Streamline … deleting paragraphs 43, 44, 45, 46 and 42 …"
    (1249, "Indonesia", "5", "merge"),  # "merge with paragraph 4"
    (98, "Norway", "PP5", "new_paragraph"),  # "Paragraph PP5bis"
    (1711, "Cuba", "14", "new_paragraph"),  # "14 bis: “…”" with a source tag
    (324, "Colombia", "PP13", "new_paragraph"),  # "New para 13bis:" in a preambular row is PP13bis
    (536, "African Group", "OP2(d)", "new_paragraph"),  # "d bis)"
    (46, "IOM", "PP4", "insert"),  # "add International Convention …": no position given
    (2752, "Japan", "32", "insert"),  # Change “is voluntary” to “is preferably voluntary”: a word put in
    (265, "USA", "PP12", "replace"),  # Replace “Noting” with “Recognizing” …
    (2279, "USA", "23", "delete"),  # Delete “both” and “and perpetrators.” …
    (42, "Belarus", "PP4", "replace"),  # "...ILO conventions 29 and 182...": an ellipsis fragment
    (895, "Holy See", "1", "insert"),  # "...and human rights and dignity"
    (56, "Malaysia", "PP4", "redraft"),  # a restatement with struck-through words
    (3222, "Singapore", "38", "replace"),  # para 38's text pasted into para 39's row
    (427, "African Group", "PP14", "delete"),  # "delete PP14", in the row of the resolution's OPs
    (558, "Canada", "PP14", "comment"),  # "Replace bullets with a, b, c, etc.": a structural edit of PP14's list
    (1663, "Japan", "13", "comment"),  # "We would like to know if the list of root causes … is agreed language."
    (3046, "OHCHR", "36", "redraft"),  # "...trust fund for the... [alternative: To consider reinforcing …]"
]


@pytest.mark.parametrize(("line", "delegation", "paragraph", "operation"), PINNED)
def test_pinned_inputs(proposals: list[Proposal], line: int, delegation: str, paragraph: str, operation: str) -> None:
    found = at(proposals, line)[0]
    assert (found.delegations, found.paragraph, found.operation) == ([delegation], paragraph, operation)


def test_anchored_insertion_keeps_nested_quotes(proposals: list[Proposal]) -> None:
    japan = at(proposals, 50)[0]
    assert (japan.delegations, japan.paragraph, japan.operation) == (["Japan"], "PP4", "insert")
    edit = japan.edits[0]
    assert edit.position == "after" and edit.new == "(hereinafter “Trafficking in Persons Protocol”)"
    assert edit.anchor.startswith("its supplementing Protocol to Prevent")
    assert "Especially Women and Children (hereinafter “Trafficking in Persons Protocol”), which builds" in (
        japan.resulting_text
    )


def test_resulting_texts(proposals: list[Proposal]) -> None:
    usa = at(proposals, 2424)[0]
    assert "border control officers, labor inspectors, consular embassy officials" in usa.resulting_text
    japan = at(proposals, 96)[0]
    assert japan.resulting_text.startswith("Recognizing that the Trafficking in Persons Protocol which entered")
    assert "preferably voluntary" in at(proposals, 2752)[0].resulting_text
    assert at(proposals, 265)[0].resulting_text.startswith("Recognizing the relevant decisions adopted")
    both = at(proposals, 2279)[0]
    assert "integrate victims in the community" in both.resulting_text and "perpetrators" not in both.resulting_text
    assert both.rationale.startswith("The correct title of OHCHR")
    assert "ILO conventions 29 and 182" in at(proposals, 42)[0].resulting_text
    unicef = at(proposals, 2164)[0]
    assert unicef.resulting_text.startswith("Strengthening the capacity of social welfare, labour, law enforcement")
    assert at(proposals, 124)[0].resulting_text == ""  # the paragraph deleted


def test_struck_through_words_are_taken_out(proposals: list[Proposal]) -> None:
    malaysia, merge = at(proposals, 56)  # PP4 restated, going on with PP5's words: a redraft and a merge
    assert malaysia.confidence < 1
    assert malaysia.resulting_text.endswith("Children, and its entry into force on 25 December 2003")
    assert (merge.operation, merge.related) == ("merge", ["PP5"])
    for garbage in ("whieh", "entered-inte"):
        assert garbage not in malaysia.resulting_text
    singapore = next(p for p in proposals if p.delegations == ["Singapore"] and p.paragraph == "24")
    assert singapore.resulting_text.startswith("Ensuring that trafficked persons are treated as victims of crime")
    group = next(p for p in proposals if p.delegations == ["African Group"] and p.paragraph == "5")
    assert group.resulting_text.startswith("To support the establishment of a review mechanism")


def test_new_paragraphs_and_source_tags(proposals: list[Proposal]) -> None:
    norway = at(proposals, 98)[0]
    assert norway.new_label == "PP5bis" and norway.text.startswith("Recalling the outcome of the Conference of the")
    assert norway.references == ["A/RES/64/178 pp4"] and "taken from" not in norway.text
    cuba = at(proposals, 1711)[0]
    assert cuba.new_label == "14bis" and cuba.references == ["A/RES/55/25"] and "A/RES" not in cuba.text
    moved = at(proposals, 1478)[0]
    assert (moved.new_label, moved.related) == ("10ter", ["39"])
    assert moved.text.startswith("Commending the role of civil society organizations")
    singapore = at(proposals, 3480)[0]
    assert {"43", "44", "45", "46"} <= set(singapore.related)
    assert (
        singapore.paragraph == "42" and "42" not in singapore.related
    )  # 'deleting … and 42' names itself: not a partner


def test_delete_or_alternative_gives_two_proposals(proposals: list[Proposal]) -> None:
    colombia = [p for p in proposals if p.delegations == ["Colombia"] and p.paragraph == "13"]
    assert [p.operation for p in colombia] == ["delete", "redraft"]
    assert colombia[1].text.startswith("Address the social and economic factors that increase vulnerability")


def test_no_balloon_page_number_or_header_in_any_proposal(proposals: list[Proposal]) -> None:
    for proposal in proposals:
        for text in (proposal.text or "", proposal.resulting_text or "", proposal.sponsors[0].verbatim):
            assert "Deleted:" not in text and "Formatted:" not in text
            assert "Table of Inputs on First Draft" not in text
            assert not re.search(r"^\s*\d{1,2}\s*$", text, re.M), text


def test_every_proposal_points_at_its_words(proposals: list[Proposal]) -> None:
    lines = COMPILATION.read_text(encoding="utf-8").split("\n")
    for proposal in proposals:
        for sponsor in proposal.sponsors:
            source = sponsor.source
            assert source.file.endswith(COMPILATION.name) and 1 <= source.line_start <= source.line_end
            span = " ".join(lines[source.line_start - 1 : source.line_end])
            first_words = re.findall(r"[A-Za-z]+", sponsor.verbatim)[:3]
            assert all(word in span for word in first_words), (source, sponsor.verbatim[:60])


def test_edits_either_apply_or_say_why(proposals: list[Proposal]) -> None:
    for proposal in proposals:
        if proposal.operation in ("insert", "delete", "replace", "redraft", "new_paragraph"):
            assert proposal.applied == (proposal.resulting_text is not None), proposal
            assert proposal.applied or proposal.unapplied_reason, proposal
    reasons = {p.unapplied_reason for p in proposals if not p.applied and p.operation == "insert"}
    assert "no position given for the insertion" in reasons
    assert sum(p.applied for p in proposals) > 400


def test_a_file_that_is_not_a_compilation_is_refused(tmp_path: Path, base: Draft) -> None:
    with pytest.raises(InputError, match="no delegation inputs found"):
        read_compilation_text("PP1. Guided by the purposes,\n\nSome text.\n", base, Registry.load(), "x.txt")
    with pytest.raises(InputError, match="no delegation inputs found"):  # no row of the draft in it
        read_compilation_text("USA: delete PP1\n", base, Registry.load(), "x.txt")
    junk = tmp_path / "table.txt"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"table\.txt:1: not a text file"):
        read_compilation_file(junk, base, Registry.load())
