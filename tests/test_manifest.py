"""Manifests: the sample ones read correctly, and every kind of mistake is one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from amendtrack.errors import InputError
from amendtrack.read.manifest import read_manifest
from amendtrack.resources import sample_data_dir

VALID_DOC = 'id = "a"\nlabel = "A"\nkind = "draft"\nfile = "a.txt"\n'


def write(folder: Path, documents: str, negotiation: str = 'id = "n"\ntitle = "N"\n') -> Path:
    (folder / "a.txt").write_text("PP1 text\n")
    (folder / "manifest.toml").write_text(f"[negotiation]\n{negotiation}\n{documents}", encoding="utf-8")
    return folder


def test_sample_gpa_manifest() -> None:
    manifest = read_manifest(sample_data_dir() / "drafts" / "gpa-2010")
    assert manifest.negotiation.id == "gpa-2010"
    assert [(d.id, d.kind) for d in manifest.documents] == [
        ("first-draft", "draft"),
        ("inputs-first-draft", "inputs"),
        ("draft-2010-07-19", "draft"),
    ]
    first, inputs, july = manifest.documents
    assert first.file.is_absolute() and first.file.name == "01-first-draft.txt" and first.file.is_file()
    assert first.date == "2010-04-16" and first.lines == (412, 977) and first.seed == "004_4916da8653de9fbc.txt"
    assert inputs.against == "first-draft" and july.against is None and july.note is None


def test_undated_document_and_all_samples_read() -> None:
    folders = sorted(p for p in (sample_data_dir() / "drafts").iterdir() if p.is_dir())
    assert [p.name for p in folders] == ["gpa-2010", "wg-tip-2015", "wg-tip-2019"]
    wg = read_manifest(folders[2])
    assert [d.date for d in wg.documents] == ["2019-09-09", None, "2019-09-10"]


def test_toml_date_literal_becomes_iso_text(tmp_path: Path) -> None:
    manifest = read_manifest(write(tmp_path, f"[[documents]]\n{VALID_DOC}date = 2010-07-19\n"))
    assert manifest.documents[0].date == "2010-07-19"


def test_manifest_file_itself_may_be_given(tmp_path: Path) -> None:
    assert read_manifest(write(tmp_path, f"[[documents]]\n{VALID_DOC}") / "manifest.toml").negotiation.id == "n"


@pytest.mark.parametrize(
    ("documents", "negotiation", "message"),
    [
        (f"[[documents]]\n{VALID_DOC}", 'id = "n"\n', r"\[negotiation\]: missing required key 'title'"),
        ("", 'id = "n"\ntitle = "N"\n', r"missing \[\[documents\]\]"),
        (
            '[[documents]]\nid = "a"\nkind = "draft"\nfile = "a.txt"\n',
            None,
            r"document 'a': missing required key 'label'",
        ),
        (
            '[[documents]]\nlabel = "A"\nkind = "draft"\nfile = "a.txt"\n',
            None,
            r"document #1: missing required key 'id'",
        ),
        ('[[documents]]\nid = "a"\nlabel = "A"\nkind = "draft"\n', None, r"document 'a': missing required key 'file'"),
        (
            '[[documents]]\nid = "a"\nlabel = "A"\nkind = "draft"\nfile = "gone.txt"\n',
            None,
            r"document 'a': file 'gone.txt' not found",
        ),
        (
            '[[documents]]\nid = "a"\nlabel = "A"\nkind = "minutes"\nfile = "a.txt"\n',
            None,
            r"document 'a': unknown kind 'minutes' \(expected one of: draft, inputs, adopted\)",
        ),
        (f"[[documents]]\n{VALID_DOC}\n[[documents]]\n{VALID_DOC}", None, r"duplicate document id 'a'"),
        (
            '[[documents]]\nid = "a"\nlabel = "A"\nkind = "inputs"\nfile = "a.txt"\nagainst = "z"\n',
            None,
            r"document 'a': 'against' names 'z', which is not an earlier document",
        ),
        (
            '[[documents]]\nid = "a"\nlabel = "A"\nkind = "draft"\nfile = "../a.txt"\n',
            None,
            r"document 'a': file '../a.txt' is outside the negotiation folder",
        ),
        (f"[[documents]]\n{VALID_DOC}lines = [9, 3]\n", None, r"document 'a': 'lines' must be \[first, last\]"),
        ('[[documents]\nid = "a"\n', None, r"not valid TOML"),
        # ids are keys; titles, labels, file names and dates are labels; no text holds a NUL
        (
            f"[[documents]]\n{VALID_DOC}",
            'id = "n/../x"\ntitle = "N"\n',
            r"\[negotiation\]: id 'n/../x' is not a valid key",
        ),
        (
            f"[[documents]]\n{VALID_DOC}",
            'id = "n"\ntitle = "N\\u0007"\n',
            r"\[negotiation\]: title 'N\\x07' holds a control",
        ),
        (
            '[[documents]]\nid = "a b"\nlabel = "A"\nkind = "draft"\nfile = "a.txt"\n',
            None,
            r"document #1: id 'a b' is not a valid key",
        ),
        (
            '[[documents]]\nid = "a"\nlabel = "A\\u001b"\nkind = "draft"\nfile = "a.txt"\n',
            None,
            r"document 'a': label 'A\\x1b' holds a control",
        ),
        (
            '[[documents]]\nid = "a"\nlabel = "A"\nkind = "draft"\nfile = "a\\u0000.txt"\n',
            None,
            r"file 'a\\x00\.txt' holds",
        ),
        (f'[[documents]]\n{VALID_DOC}date = "2010\\u0000"\n', None, r"document 'a': date '2010\\x00' holds a control"),
        (f'[[documents]]\n{VALID_DOC}note = "x\\u0000"\n', None, r"document 'a': note holds a NUL character"),
    ],
)
def test_manifest_errors_name_the_manifest_and_the_key(
    tmp_path: Path, documents: str, negotiation: str | None, message: str
) -> None:
    folder = tmp_path / "neg"
    folder.mkdir()
    (tmp_path / "a.txt").write_text("outside\n")
    write(folder, documents, **({"negotiation": negotiation} if negotiation else {}))
    with pytest.raises(InputError, match=message) as caught:
        read_manifest(folder)
    assert caught.value.file == str(folder / "manifest.toml")
    assert caught.value.line is None
    assert "\n" not in str(caught.value)


def test_a_manifest_is_a_small_file(tmp_path: Path) -> None:
    write(tmp_path, f"[[documents]]\n{VALID_DOC}")
    with (tmp_path / "manifest.toml").open("a") as manifest:
        manifest.write("# " + "x" * 1024 * 1024 + "\n")
    with pytest.raises(InputError, match=r"file too large: \d+ bytes \(limit 1048576 for a manifest\)"):
        read_manifest(tmp_path)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no manifest.toml here") as caught:
        read_manifest(tmp_path)
    assert caught.value.file == str(tmp_path / "manifest.toml")
