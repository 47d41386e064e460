"""Corrections of readings: applied everywhere, kept apart, never lost on recompute, re-import or backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.model.correction import Correction, corrected
from amendtrack.model.proposal import Edit, Proposal, Sponsor

GPA = Path(__file__).resolve().parent.parent / "data" / "drafts" / "gpa-2010"


def test_a_correction_gives_the_reading_it_says() -> None:
    read = Proposal("comment", "3", [Sponsor("UNICEF", verbatim="Suggest adding child protection")])
    fixed = corrected(read, Correction("read as an insertion", operation="insert", text="and child protection"), "X.")
    assert (fixed.operation, fixed.edits, fixed.corrected) == (
        "insert",
        [Edit("insert", new="and child protection", position="end")],
        "read as an insertion",
    )
    assert fixed.applied and fixed.resulting_text == "X and child protection."
    assert read.operation == "comment"  # the reading itself is kept as read
    with pytest.raises(ValueError, match="unknown operation"):
        Correction("x", operation="rewrite")
    with pytest.raises(ValueError, match="changes the operation, the paragraph or the words"):
        Correction("nothing to change")


@pytest.fixture
def gpa(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'gpa.db'}"
    assert CliRunner().invoke(cli, ["--db", db, "import", str(GPA)]).exit_code == 0
    return db


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def flagged_usa_pp14(db: str) -> dict:
    return next(r for r in json.loads(run(db, "review", "gpa-2010", "--json")) if r["paragraph"] == "PP14")


def test_a_correction_survives_recompute_reimport_and_backup(gpa: str, tmp_path: Path) -> None:
    usa = flagged_usa_pp14(gpa)
    run(gpa, "proposal", "edit", str(usa["id"]), "--operation", "redraft", "--text", "Recognizing the need to "
        "promote universal ratification of the Convention,", "--note", "checked against the scan")  # fmt: skip

    def reading(db: str) -> dict:
        found = json.loads(run(db, "proposals", "gpa-2010", "--paragraph", "PP14", "--delegation", "USA", "--json"))
        return next(p for p in found if p["corrected"] is not None)

    first = reading(gpa)
    assert (first["operation"], first["corrected"]) == ("redraft", "checked against the scan")
    assert usa["id"] not in {r["id"] for r in json.loads(run(gpa, "review", "gpa-2010", "--json"))}  # checked now
    verdict = next(r for r in json.loads(run(gpa, "dispositions", "gpa-2010", "--json")) if r["id"] == first["id"])
    assert verdict["operation"] == "redraft"  # judged as corrected
    run(gpa, "import", str(GPA))  # re-import: the stored reading and its correction stay
    assert reading(gpa) == first
    dump = tmp_path / "gpa.json"
    run(gpa, "export", "json", "gpa-2010", "--out", str(dump))
    run(gpa, "delete", "gpa-2010", "--yes")
    run(gpa, "import", str(dump))
    restored = reading(gpa)
    assert {k: v for k, v in restored.items() if k != "id"} == {k: v for k, v in first.items() if k != "id"}
    run(gpa, "proposal", "clear", str(restored["id"]))
    assert all(p["corrected"] is None for p in json.loads(run(gpa, "proposals", "gpa-2010", "--json")))


def test_corrections_from_a_csv_are_all_stored_or_none(gpa: str, tmp_path: Path) -> None:
    usa = flagged_usa_pp14(gpa)
    good = tmp_path / "fixes.csv"
    good.write_text(f'id,note,operation,paragraph\n{usa["id"]},"filed under PP14",comment,\n', encoding="utf-8")
    assert run(gpa, "proposal", "corrections", str(good)) == "1 readings corrected\n"
    before = run(gpa, "proposals", "gpa-2010", "--json")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"id,note,paragraph\n{usa['id']},ok,PP13\n999999,no such proposal,PP1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", gpa, "proposal", "corrections", str(bad)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert f"{bad}:3: no proposal 999999" in result.output
    assert run(gpa, "proposals", "gpa-2010", "--json") == before  # the good first row was not stored either
    formula = tmp_path / "formula.csv"
    formula.write_text(f"id,note,text\n{usa['id']},x,=HYPERLINK(1)\n", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["--db", gpa, "proposal", "corrections", str(formula)])
    assert refused.exit_code == 1 and "row 2: text holds a spreadsheet formula" in refused.output


def test_a_correction_is_shown_in_the_delegations_report(gpa: str, tmp_path: Path) -> None:
    usa = flagged_usa_pp14(gpa)
    run(gpa, "proposal", "edit", str(usa["id"]), "--paragraph", "PP13", "--note", "the OCR filed it under PP14")
    page = tmp_path / "usa.html"
    run(gpa, "report", "gpa-2010", "--delegation", "USA", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<strong>Reading corrected by the facilitators</strong>: the OCR filed it under PP14" in html
    text = run(gpa, "report", "gpa-2010", "--delegation", "USA")
    assert "reading corrected by the facilitators: the OCR filed it under PP14" in text
    wrong = CliRunner().invoke(cli, ["--db", gpa, "proposal", "edit", str(usa["id"]), "--paragraph", "PP99",
                                     "--note", "x"])  # fmt: skip
    assert wrong.exit_code == 1 and "its draft has no paragraph 'PP99'" in wrong.output
