"""`amendtrack compare OLD NEW`: any two files amendtrack reads, redlined with no negotiation and no database."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.read.files import read_draft_file
from amendtrack.render.akn import draft_to_akn
from amendtrack.resources import sample_data_dir

from test_formats import FORMATS, TREATY, files, path_of, write_docx, write_txt  # noqa: F401  (files: a fixture)

GPA = sample_data_dir() / "drafts" / "gpa-2010"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def revised(entries: list) -> list:
    """The treaty redrafted: one recital reworded, the last entry dropped."""
    changed = [list(entry) for entry in entries[:-1]]
    recital = next(k for k, entry in enumerate(changed) if entry[0] == "recital")
    changed[recital][2] = changed[recital][2].replace("shared resources", "common resources")
    return [tuple(entry) for entry in changed]


@pytest.fixture(scope="module")
def akn(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """The treaty as Akoma Ntoso, written from its plain text."""
    path = tmp_path_factory.mktemp("akn") / "treaty.xml"
    path.write_bytes(draft_to_akn(read_draft_file(files["treaty.txt"]), "t", "treaty", "Treaty", None))
    return path


@pytest.mark.parametrize("name", [*FORMATS, "treaty.xml"])
def test_the_same_treaty_in_two_formats_compares_unchanged(
    name: str,
    files: dict[str, Path],  # noqa: F811
    akn: Path,
) -> None:
    other = akn if name == "treaty.xml" else path_of(files, name)
    code, out, _ = run("compare", str(files["treaty.txt"]), str(other), "--json")
    found = json.loads(out)
    assert code == 0 and found["links"] and {link["relation"] for link in found["links"]} == {"same"}, name
    sides = (found["old"]["label"], found["new"]["label"])
    assert sides == (("treaty.txt", other.name) if other.stem == "treaty" else ("treaty", other.stem))  # told apart


def test_a_redrafted_treaty_in_word_against_its_markdown_names_each_change(
    files: dict[str, Path],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    new = tmp_path / "revised.docx"
    new.write_bytes(write_docx(revised(TREATY)))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AMENDTRACK_DB", raising=False)
    code, out, _ = run("compare", str(files["treaty.md"]), str(new), "--json")
    links = json.loads(out)["links"]
    changed = [link for link in links if link["relation"] != "same"]
    assert code == 0 and [link["relation"] for link in changed] == ["modified", "deleted"]
    assert ["delete", "shared"] in changed[0]["changes"] and ["insert", "common"] in changed[0]["changes"]
    code, out, _ = run("compare", str(files["treaty.md"]), str(new), "--no-color")
    assert code == 0 and "are [-shared-]{+common+} resources" in out
    page, word = tmp_path / "r.html", tmp_path / "r.docx"
    code, out, _ = run("compare", str(files["treaty.md"]), str(new), "--html", str(page), "--docx", str(word))
    assert code == 0 and f"wrote {page}" in out and f"wrote {word}" in out
    html = page.read_text(encoding="utf-8")
    assert "<del>shared" in html and "<ins>common" in html and "treaty.md and revised.docx" in html
    document = zipfile.ZipFile(word).read("word/document.xml").decode("utf-8")
    assert "<w:ins " in document and "<w:del " in document
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.html", "revised.docx"]  # no database made


def test_compare_on_the_gpa_pair_agrees_with_diff_of_the_stored_drafts(sqlite_url: str) -> None:
    first, july = GPA / "01-first-draft.txt", GPA / "03-draft-2010-07-19.txt"
    code, out, _ = run("compare", str(first), str(july), "--no-color")
    assert code == 0
    assert run("--db", sqlite_url, "import", str(GPA))[0] == 0
    stored = run("--db", sqlite_url, "diff", "gpa-2010", "first-draft", "draft-2010-07-19", "--no-color")[1]
    assert out == stored  # the same reading, alignment and redline: only the store is left out


def test_files_that_cannot_be_compared_are_one_line_errors(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(write_txt(TREATY), encoding="utf-8")
    table = tmp_path / "inputs.csv"
    table.write_text("delegation,paragraph,operation,text\nEU,1,delete,\n", encoding="utf-8")
    for old, new, problem in (
        (tmp_path / "missing.txt", draft, "missing.txt: cannot read"),
        (draft, table, "inputs.csv: a .csv file holds inputs, not a draft"),
    ):
        code, _, err = run("compare", str(old), str(new))
        assert code == 1 and err.count("\n") == 1 and problem in err, err
