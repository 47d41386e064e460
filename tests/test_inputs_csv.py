"""Structured inputs (CSV and JSON): proposals against the real GPA first draft, and every bad row reported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from amendtrack.errors import InputError
from amendtrack.model.proposal import Source
from amendtrack.model.tree import Draft
from amendtrack.read.inputs_csv import COLUMNS, read_rows, read_rows_file
from amendtrack.read.text import read_text_file

DATA = Path(__file__).resolve().parent.parent / "data" / "drafts"
HEADER = ",".join(COLUMNS)

GOOD_ROWS = [
    "USA,26,insert,border control officers,,,labor inspectors,to cover labour exploitation",
    "Japan; Canada,PP5,delete,,,aforementioned United Nations,,",
    'EU,PP4,replace,,,ILO convention 29 and 182,"ILO Conventions No. 29 and No. 182",',
    "Thailand,5,delete,,,,,",
    'African Group,PP5,redraft,,,,"Recognizing that the Protocol provided an agreed definition,",',
    'Norway,PP5bis,new_paragraph,PP5,,,"Recalling the outcome of the Conference of the Parties,",',
    "United States of America,10,move,6,after,,,",
    "Singapore,42,merge,43; 44,,,,",
    'Canada,9,split,,,,"9(a) Reaffirming the central role … 9(b) …",',
    "Japan,3,comment,,,,,We would like to know if this is agreed language.",
    'UNICEF,26,insert,law enforcement personnel,before,,"social welfare, labour",',
    'Holy See,PP1,insert,Charter of the United Nations,after,,"- and its purposes -",a leading dash is plain text',
]


@pytest.fixture(scope="module")
def first_draft() -> Draft:
    return read_text_file(DATA / "gpa-2010" / "01-first-draft.txt")


def write(tmp_path: Path, rows: list[str], name: str = "inputs.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def problems_of(path: Path, base: Draft) -> InputError:
    with pytest.raises(InputError) as caught:
        read_rows_file(path, base)
    assert "\n" not in str(caught.value)  # one line
    return caught.value


def test_usa_insertion_in_paragraph_26_gives_the_expected_text(tmp_path: Path, first_draft: Draft) -> None:
    path = write(tmp_path, GOOD_ROWS[:1])
    [proposal], problems = read_rows_file(path, first_draft)
    assert problems == []
    assert (proposal.delegations, proposal.paragraph, proposal.operation) == (["USA"], "26", "insert")
    assert proposal.anchor == "border control officers"
    assert proposal.applied and proposal.unapplied_reason is None
    assert proposal.resulting_text == first_draft.find("26").text.replace(
        "border control officers, consular", "border control officers, labor inspectors, consular"
    )
    assert proposal.rationale == "to cover labour exploitation"
    [sponsor] = proposal.sponsors
    assert (sponsor.attribution, sponsor.source) == ("labelled", Source("inputs.csv", 2, 2))
    assert sponsor.verbatim == GOOD_ROWS[0]


def test_every_operation_becomes_a_proposal(tmp_path: Path, first_draft: Draft) -> None:
    proposals, problems = read_rows_file(write(tmp_path, GOOD_ROWS), first_draft)
    assert problems == []
    summary = [(p.delegations, p.operation, p.paragraph, p.new_label, p.related, p.applied) for p in proposals]
    assert summary == [
        (["USA"], "insert", "26", None, [], True),
        (["Japan", "Canada"], "delete", "PP5", None, [], True),
        (["EU"], "replace", "PP4", None, [], True),
        (["Thailand"], "delete", "5", None, [], True),
        (["African Group"], "redraft", "PP5", None, [], True),
        (["Norway"], "new_paragraph", "PP5", "PP5bis", [], True),
        (["USA"], "move", "10", "after 6", ["6"], False),
        (["Singapore"], "merge", "42", None, ["43", "44"], False),
        (["Canada"], "split", "9", None, [], False),
        (["Japan"], "comment", "3", None, [], False),
        (["UNICEF"], "insert", "26", None, [], True),
        (["Holy See"], "insert", "PP1", None, [], True),
    ]
    by_row = {p.sponsors[0].source.line_start: p for p in proposals if p.sponsors[0].source}
    assert "aforementioned" not in by_row[3].resulting_text and "Recognizing that the Trafficking" in (
        by_row[3].resulting_text or ""
    )
    assert [s.source for s in by_row[3].sponsors] == [Source("inputs.csv", 3, 3)] * 2  # co-sponsors share the row
    assert "ILO Conventions No. 29 and No. 182" in (by_row[4].resulting_text or "")
    assert by_row[5].resulting_text == ""  # the whole paragraph deleted
    assert by_row[7].text == by_row[7].resulting_text == "Recalling the outcome of the Conference of the Parties,"
    assert by_row[11].rationale == "We would like to know if this is agreed language."
    assert "such as social welfare, labour, law enforcement personnel" in (by_row[12].resulting_text or "")


def test_bad_rows_are_all_reported_with_their_row_numbers(tmp_path: Path, first_draft: Draft) -> None:
    rows = [
        GOOD_ROWS[0],
        "Atlantis,26,delete,,,,,",  # row 3
        "USA,99,delete,,,,,",  # row 4
        "EU,26,replace,,,border control officers,,",  # row 5: no text
        "Japan,26,amend,,,,,",  # row 6
        "Canada,26,insert,,,,labor inspectors,",  # row 7: no anchor
        "China,26,delete,law,,,,",  # row 8: anchor is not used by delete
        "Norway,PP5,new_paragraph,PP4,,,Text,",  # row 9: PP5 exists
    ]
    error = problems_of(write(tmp_path, rows), first_draft)
    assert error.line == 3
    assert error.reason == (
        "7 problems: row 3: unknown delegation 'Atlantis'; row 4: unknown paragraph '99' (not in the base draft); "
        "row 5: missing text for replace; row 6: unknown operation 'amend' (expected one of: insert, delete, "
        "replace, redraft, new_paragraph, move, split, merge, comment); row 7: missing anchor for insert; "
        "row 8: anchor is not used by delete; "
        "row 9: paragraph 'PP5' is already in the draft (new_paragraph needs a new label)"
    )
    assert str(error).startswith(f"{tmp_path / 'inputs.csv'}:3: 7 problems: ")


@pytest.mark.parametrize(
    "cell",
    [
        "=cmd|' /C calc'!A0",
        "=1+1",
        '=HYPERLINK("http://x")',
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+cmd|' /C notepad'!A0",
        "-2+3",
        "+A1",
        "\t=cmd|x",
    ],
)
def test_formula_injection_is_refused_and_never_echoed(tmp_path: Path, first_draft: Draft, cell: str) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(["USA", "26", "insert", "border control officers", "", "", cell, ""])
    row = out.getvalue()
    error = problems_of(write(tmp_path, [GOOD_ROWS[0], row]), first_draft)
    assert error.reason == "1 problem: row 3: text looks like a spreadsheet formula (refused)"
    assert cell.strip() not in str(error)
    proposals, problems = read_rows_file(write(tmp_path, [GOOD_ROWS[0], row]), first_draft, skip_invalid=True)
    assert len(proposals) == 1 and problems == ["row 3: text looks like a spreadsheet formula (refused)"]
    assert all(cell.strip() not in (p.resulting_text or "") for p in proposals)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER + ",comment", "row 1: unknown column 'comment' (expected: " + ", ".join(COLUMNS) + ")"),
        ("delegation,paragraph,text", "row 1: missing required column operation"),
        ("delegation,paragraph,operation,text,text", "row 1: column text given twice"),
    ],
)
def test_wrong_columns(tmp_path: Path, first_draft: Draft, header: str, message: str) -> None:
    error = problems_of(write(tmp_path, ["USA,26,delete"], header=header), first_draft)
    assert (error.reason, error.line) == (message, 1)


def test_optional_columns_may_be_left_out_and_semicolons_separate_cells(tmp_path: Path, first_draft: Draft) -> None:
    path = write(
        tmp_path, ["Thailand;5;delete", "Colombia;PP4;comment;Why?"], header="delegation;paragraph;operation;rationale"
    )
    proposals, _ = read_rows_file(path, first_draft)
    assert [(p.delegations, p.operation, p.paragraph, p.rationale) for p in proposals] == [
        (["Thailand"], "delete", "5", None),
        (["Colombia"], "comment", "PP4", "Why?"),
    ]


def test_skip_invalid_returns_the_good_rows_and_the_problems(tmp_path: Path, first_draft: Draft) -> None:
    path = write(tmp_path, [GOOD_ROWS[0], "Atlantis,26,delete,,,,,", "", GOOD_ROWS[3], "USA,26,delete,,,,,,extra"])
    proposals, problems = read_rows_file(path, first_draft, skip_invalid=True)
    assert [p.sponsors[0].source.line_start for p in proposals if p.sponsors[0].source] == [2, 5]
    assert problems == ["row 3: unknown delegation 'Atlantis'", "row 6: 9 cells but the header has 8 columns"]
    with pytest.raises(InputError, match="1 problem: row 2: unknown delegation 'Atlantis'"):
        read_rows_file(write(tmp_path, ["Atlantis,26,delete,,,,,"]), first_draft, skip_invalid=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"delegation,paragraph,operation\nUSA,26,delete\x00\n", "contains NUL bytes"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"", "empty file"),
        (b"delegation,paragraph,operation\n", "no proposals in the file"),
        (b'delegation,paragraph,operation\nUSA,"26,delete\n', "not valid CSV"),
    ],
)
def test_files_that_are_not_csv_text(first_draft: Draft, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read_rows(data, "mail.csv", first_draft)
    assert str(caught.value).startswith("mail.csv")


def test_a_utf8_bom_from_a_spreadsheet_is_accepted(first_draft: Draft) -> None:
    data = ("\ufeff" + HEADER + "\nCôte d'Ivoire,5,delete,,,,,\n").encode("utf-8")
    [proposal], _ = read_rows(data, "mail.csv", first_draft)
    assert proposal.delegations == ["Côte d'Ivoire"]


def test_json_gives_the_same_proposals_as_csv(tmp_path: Path, first_draft: Draft) -> None:
    csv_path = write(tmp_path, GOOD_ROWS)
    items = [dict(zip(COLUMNS, cells, strict=True)) for cells in csv.reader(GOOD_ROWS)]
    items[3]["paragraph"] = 5  # a number is a label too
    items[1]["delegation"] = ["Japan", "Canada"]  # co-sponsors may be a list
    json_path = tmp_path / "inputs.json"
    json_path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    from_csv, _ = read_rows_file(csv_path, first_draft)
    from_json, _ = read_rows_file(json_path, first_draft)

    def without_evidence(proposals: list) -> list[dict]:
        return [
            {k: v for k, v in p.to_dict().items() if k not in ("verbatim", "source", "sponsors")} for p in proposals
        ]

    assert without_evidence(from_json) == without_evidence(from_csv)
    assert from_json[1].sponsors[0].source == Source("inputs.json", 2, 2)
    assert json.loads(from_json[1].sponsors[0].verbatim)["delegation"] == ["Japan", "Canada"]


def test_json_problems_name_the_item(tmp_path: Path, first_draft: Draft) -> None:
    path = tmp_path / "inputs.json"
    items = [
        {"delegation": "USA", "paragraph": "26", "operation": "delete"},
        {"delegation": "Atlantis", "paragraph": "26", "operation": "delete"},
        {"delegation": "USA", "paragraph": "26", "operation": "delete", "colour": "red"},
        "USA: delete",
        {"delegation": "USA", "paragraph": {"label": "26"}, "operation": "delete"},
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_rows_file(path, first_draft)
    assert caught.value.reason == (
        "4 problems: item 2: unknown delegation 'Atlantis'; item 3: unknown column 'colour' (expected: "
        + ", ".join(COLUMNS)
        + "); item 4: not an object; item 5: paragraph must be text"
    )
    path.write_text('{"delegation": "USA"}', encoding="utf-8")
    with pytest.raises(InputError, match="expected a JSON list of objects"):
        read_rows_file(path, first_draft)
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        read_rows_file(path, first_draft)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            {"delegation": ["USA", "Ja\ud800pan"]},
            r"^inputs\.json: 1 problem: item 1: delegation holds U\+D800, a lone surrogate",
        ),
        (
            {"rationale": "why\x00"},
            r"^inputs\.json: 1 problem: item 1: rationale holds a NUL character \(never text\)$",
        ),
        ({"paragraph": 10**31}, r"^inputs\.json: not valid proposals \(a number 32 digits long, at most 30\)$"),
    ],
)
def test_json_escapes_spell_no_nul_no_lone_surrogate_and_no_endless_number(
    first_draft: Draft, item: dict, message: str
) -> None:
    data = json.dumps([{"delegation": "USA", "paragraph": "26", "operation": "comment", "rationale": "x"} | item])
    with pytest.raises(InputError, match=message):
        read_rows(data.encode(), "inputs.json", first_draft)


def test_other_suffixes_are_refused(tmp_path: Path, first_draft: Draft) -> None:
    with pytest.raises(InputError, match=r"cannot read \.xlsx files as inputs"):
        read_rows(b"PK", "mail.xlsx", first_draft)
