"""Readings in doubt: flagged with their reasons, listed by `review`, shown in reports and Word, left out of `apply`."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.model.doubts import doubts, flagged, reading_confidence
from amendtrack.model.proposal import Edit, Proposal, Sponsor

GPA = Path(__file__).resolve().parent.parent / "data" / "drafts" / "gpa-2010"


def insertion(words: str, attribution: str = "labelled", **fields) -> Proposal:
    edit = Edit("insert", new=words, anchor="States", position="after")
    return Proposal("insert", "3", [Sponsor("Japan", attribution)], [edit], applied=True, **fields)


def test_instruction_words_inside_the_proposed_text_flag_it() -> None:
    glued = insertion(', where appropriate,". Change "human trafficking" to "trafficking in persons')
    assert flagged(glued) and "instruction words are left inside the proposed text" in [d.reason for d in doubts(glued)]
    assert not flagged(insertion(", where appropriate,"))
    assert reading_confidence(insertion(", where appropriate,")) == 1.0


def test_each_sign_of_doubt_is_named() -> None:
    assert [d.reason for d in doubts(insertion("“closely"))] == ["the proposed text has unbalanced quotation marks"]
    misplaced = Proposal(
        "delete", "3", [Sponsor("Japan")], [Edit("delete", old="x")], unapplied_reason="“x” not found in the paragraph"
    )
    assert doubts(misplaced)[0].reason.startswith("it does not apply to paragraph 3")
    assert [d.reason for d in doubts(insertion("closely", "inferred"))] == [
        "the delegation is known only from the input's place in the table"
    ]
    assert not flagged(insertion("closely", "inferred"))  # one weak sign alone is not enough to flag it
    broken_off = Proposal("redraft", "3", [Sponsor("Japan")])
    assert [d.reason for d in doubts(broken_off)] == [
        "the input breaks off before its new wording: what it asks could not be read"
    ]
    asked_without_words = Proposal("redraft", "3", [Sponsor("Japan")], rationale="in line with the Convention")
    assert doubts(asked_without_words) == []  # it gives no words on purpose: a reading, not a doubt


def test_a_corrected_reading_is_no_longer_in_doubt() -> None:
    glued = insertion('words". Delete "other words', corrected="checked by the secretariat")
    assert doubts(glued) == [] and not flagged(glued)


@pytest.fixture(scope="module")
def gpa(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('doubts') / 'gpa.db'}"
    result = CliRunner().invoke(cli, ["--db", db, "import", str(GPA)])
    assert result.exit_code == 0, result.output
    return db


def test_review_lists_the_readings_to_check_with_why(gpa: str) -> None:
    result = CliRunner().invoke(cli, ["--db", gpa, "review", "gpa-2010", "--json"])
    records = json.loads(result.output)
    assert records and all(r["reasons"] and r["reading_confidence"] < 0.6 for r in records)
    usa = [r for r in records if r["delegations"] == ["USA"] and r["paragraph"] == "PP14"]
    assert usa and "instruction words are left inside the proposed text" in usa[0]["reasons"]
    table = CliRunner().invoke(cli, ["--db", gpa, "review", "gpa-2010"]).output
    assert f"#{usa[0]['id']} PP14" in table and "as written: Delete “Recognizing the need" in table


def test_apply_leaves_flagged_readings_out_unless_asked(gpa: str, tmp_path: Path) -> None:
    flagged_ids = {
        r["id"]
        for r in json.loads(CliRunner().invoke(cli, ["--db", gpa, "review", "gpa-2010", "--json"]).output)
        if r["delegations"] == ["USA"]
    }
    args = ["--db", gpa, "apply", "gpa-2010", "first-draft", "--delegation", "USA", "--docx"]
    runner = CliRunner()
    left = runner.invoke(cli, [*args, str(tmp_path / "without.docx")])
    assert left.exit_code == 0 and f"left out {len(flagged_ids)} proposal(s)" in left.stderr
    kept = runner.invoke(cli, [*args, str(tmp_path / "with.docx"), "--include-flagged"])
    assert kept.exit_code == 0 and "left out" not in kept.stderr
    without, with_flagged = (inserted(tmp_path / name) for name in ("without.docx", "with.docx"))
    assert len(with_flagged) > len(without)  # the flagged proposals' words stand only where they were asked for
    assert any("promote universal ratification" in words for words in with_flagged)
    assert not any("promote universal ratification" in words for words in without)


def test_flagged_readings_are_visible_in_the_report_and_in_word(gpa: str, tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "site"
    assert runner.invoke(cli, ["--db", gpa, "site", "gpa-2010", "--out", str(site)]).exit_code == 0
    report = (site / "gpa-2010" / "delegation-usa.html").read_text(encoding="utf-8")
    assert '<p class="check-reading" role="note"><strong>Check this reading:</strong> instruction words' in report
    word = tmp_path / "compile.docx"
    assert runner.invoke(cli, ["--db", gpa, "compile", "gpa-2010", "first-draft", "--docx", str(word)]).exit_code == 0
    assert "Check this reading: instruction words are left inside the proposed text" in document_text(word)


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def document_text(path: Path) -> str:
    return " ".join(re.findall(r"<w:(?:t|delText)[^>]*>([^<]*)</w:(?:t|delText)>", document_xml(path)))


def inserted(path: Path) -> list[str]:
    """The words of each tracked insertion."""
    return [
        " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", ins))
        for ins in re.findall(r"<w:ins .*?</w:ins>", document_xml(path))
    ]
