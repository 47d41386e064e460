"""Dispositions of the GPA compilation's proposals in the 19 July 2010 draft, established by reading both drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.compare.align import align
from amendtrack.compare.disposition import Disposer, Disposition
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Proposal
from amendtrack.read.compilation import read_compilation_file
from amendtrack.read.text import read_text_file

GPA = Path(__file__).resolve().parent.parent / "data" / "drafts" / "gpa-2010"


@pytest.fixture(scope="module")
def judged() -> dict[int, list[tuple[Proposal, Disposition]]]:
    """Every proposal of the compilation with its disposition, by the line its input starts on."""
    base = read_text_file(GPA / "01-first-draft.txt")
    july = read_text_file(GPA / "03-draft-2010-07-19.txt")
    proposals = read_compilation_file(GPA / "02-table-of-inputs-on-first-draft.txt", base, Registry.load())
    judge = Disposer(base, july, align(base, july), "the draft of 19 July 2010")
    found: dict[int, list[tuple[Proposal, Disposition]]] = {}
    for proposal in proposals:
        found.setdefault(proposal.sponsors[0].source.line_start, []).append((proposal, judge.dispose(proposal)))
    return found


READ_BY_HAND = [
    # line of the input, delegation, operation, disposition — and why, from the two drafts
    (124, "Thailand", "delete", "not_reflected"),  # PP6 (CHR resolution 2004/110) survives as July PP9
    (1839, "Japan", "delete", "not_reflected"),  # "Delete whole paragraph" 15: July keeps 15
    (1260, "Thailand", "delete", "accepted"),  # 5: "[Paragraph deleted]" in July
    (1584, "Thailand", "delete", "unclear"),  # 11 is not in July, which marks its deletions: lost by the OCR?
    (96, "Japan", "delete", "accepted"),  # "aforementioned United Nations" is gone from July PP7
    (2279, "USA", "delete", "accepted"),  # "both" and "and perpetrators" are gone from July 23
    (50, "Japan", "insert", "partial"),  # July uses “Trafficking Protocol”, not “Trafficking in Persons Protocol”
    (2424, "USA", "insert", "accepted"),  # "labor inspectors" is in July 26
    (72, "UNICEF", "insert", "accepted"),  # the Optional Protocol on … Armed Conflict landed in July 3, not PP4
    (1622, "EU", "insert", "accepted"),  # "economic and social development" in July 12
    (2164, "UNICEF", "insert", "accepted"),  # "social welfare, labour" in July 20
    (1262, "USA", "insert", "superseded"),  # on paragraph 5, deleted in July
    (3533, "Japan", "insert", "superseded"),  # on paragraph 43, merged into 42 without it
    (2053, "USA", "insert", "unclear"),  # on paragraph 18, not in July and not marked deleted there
    (2752, "Japan", "insert", "accepted"),  # "is preferably voluntary" (July 32: "shall preferably be voluntary")
    (2617, "Japan", "delete", "accepted"),  # "full" rehabilitation: July 30 dropped "full"
    (1205, "Japan", "insert", "not_reflected"),  # July 4 still says "Conference of Parties"
    (898, "Japan", "insert", "not_reflected"),  # July 1 does not add "human security"
    (1233, "Canada", "redraft", "superseded"),  # redraft of 5, which July deleted
    (142, "African Group", "redraft", "partial"),  # July PP5 cut (a)-(c) as the Group did, not its new words
    (83, "African Group", "redraft", "partial"),  # July PP7 keeps the base's structure, but drops 'aforementioned'
    # as the redraft does: part of the change is carried
    (1469, "EU", "new_paragraph", "accepted"),  # the EU's 10bis is July 10bis
    (881, "Colombia", "new_paragraph", "accepted"),  # Colombia's definition 1bis is July 1bis
    (3480, "Singapore", "merge", "accepted"),  # 43-47 merged into 42
    (1249, "Indonesia", "merge", "partial"),  # 5 deleted; part of it is in July 4
    (1396, "Canada", "split", "not_reflected"),  # July 9 is one paragraph
    (1433, "USA", "move", "not_reflected"),  # 9 stays after 8
    (1478, "EU", "move", "not_reflected"),  # 39 stays 39, no 10ter
    (1663, "Japan", "comment", "n/a"),  # a question
]


@pytest.mark.parametrize(("line", "delegation", "operation", "status"), READ_BY_HAND)
def test_dispositions_read_by_hand(judged, line: int, delegation: str, operation: str, status: str) -> None:
    proposal, verdict = judged[line][0]
    assert (proposal.delegations, proposal.operation) == ([delegation], operation)
    assert verdict.status == status, verdict.explanation


def test_all_five_outcomes_occur(judged) -> None:
    statuses = {verdict.status for items in judged.values() for _, verdict in items}
    assert {"accepted", "partial", "not_reflected", "superseded", "n/a"} <= statuses


def test_evidence_says_where_and_what(judged) -> None:
    proposal, verdict = judged[2424][0]
    assert verdict.evidence.found_in == "26" and verdict.evidence.missing == []
    assert verdict.explanation == (
        "your insertion is carried in paragraph 26 of the draft of 19 July 2010: ‘labor inspectors’ went in"
    )
    _, landed = judged[72][0]
    assert landed.evidence.found_in == "3"  # a proposal can land in another paragraph
    _, partial = judged[50][0]
    assert partial.evidence.found_in == "PP6" and partial.evidence.missing
    _, unmarked = judged[1584][0]
    assert "nor marked deleted there" in unmarked.explanation  # lost in the scan, or deleted: say so


def test_pending_without_a_next_draft(judged) -> None:
    base = read_text_file(GPA / "01-first-draft.txt")
    proposal, _ = judged[2424][0]
    assert Disposer(base, None, None).dispose(proposal).status == "pending"


def test_overrides_survive_recomputation_and_reimport(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'gpa.db'}"

    def run(*args: str):
        result = runner.invoke(cli, ["--db", db, *args])
        assert result.exit_code == 0, result.output
        return result

    run("import", str(GPA))
    records = json.loads(run("dispositions", "gpa-2010", "--json").output)
    japan = next(r for r in records if r["delegations"] == ["Japan"] and r["paragraph"] == "PP4")
    assert japan["computed"] == "partial" and japan["override"] is None
    assert {"id", "delegations", "paragraph", "operation", "disposition", "computed", "override", "note", "evidence",
            "found_in"} <= set(japan)  # fmt: skip
    run("disposition", "set", str(japan["id"]), "accepted", "--note", "“Trafficking Protocol” is the agreed short form")
    run("import", str(GPA))  # re-import: a no-op that keeps the decision
    again = {r["id"]: r for r in json.loads(run("dispositions", "gpa-2010", "--json").output)}  # recomputes
    assert again[japan["id"]]["disposition"] == "accepted" and again[japan["id"]]["computed"] == "partial"
    assert again[japan["id"]]["note"] == "“Trafficking Protocol” is the agreed short form"
    report = json.loads(run("report", "gpa-2010", "--delegation", "Japan", "--json").output)
    assert report["totals"]["accepted"] == sum(
        1 for r in again.values() if "Japan" in r["delegations"] and r["disposition"] == "accepted"
    )
    run("disposition", "clear", str(japan["id"]))
    cleared = {r["id"]: r for r in json.loads(run("dispositions", "gpa-2010", "--json").output)}
    assert cleared[japan["id"]]["disposition"] == "partial" and cleared[japan["id"]]["override"] is None
    bad = runner.invoke(cli, ["--db", db, "disposition", "set", "999999", "accepted", "--note", "x"])
    assert (
        bad.exit_code == 1
        and bad.output == "amendtrack: error: no proposal 999999 (see amendtrack proposals NEGOTIATION)\n"
    )


def test_history_follows_a_paragraph_through_renumbering_and_merges(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'gpa.db'}"
    runner.invoke(cli, ["--db", db, "import", str(GPA)])
    moved = json.loads(runner.invoke(cli, ["--db", db, "history", "gpa-2010", "PP7", "--json"]).output)
    assert [(v["label"], v["relation"]) for v in moved["versions"]] == [("PP7", None), ("PP5", "moved")]
    assert moved["versions"][1]["note"] == "formerly PP7, moved up"
    assert len(moved["versions"][0]["proposals"]) >= 3  # African Group, Colombia, Thailand …
    merged = json.loads(runner.invoke(cli, ["--db", db, "history", "gpa-2010", "43", "--json"]).output)
    july = merged["versions"][1]
    assert (july["label"], july["relation"], july["note"]) == ("42(a)", "merged", "merged from 43 into 42 as 42(a)")
    assert july["redline"].startswith(  # 43 went on, lightly edited, as 42(a)
        "Prosecuting crimes of trafficking {+in persons +}that encompass all forms of exploitation[-, including at a"
    )
    unknown = runner.invoke(cli, ["--db", db, "history", "gpa-2010", "99bis"])
    assert unknown.exit_code == 1 and "has no paragraph '99bis'" in unknown.output
