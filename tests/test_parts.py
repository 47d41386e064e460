"""A draft issued in parts (the 2019 report: L.1, L.1/Add.1, L.1/Add.2) is one draft, not three versions."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.errors import InputError
from amendtrack.model.tree import normalise_label
from amendtrack.read.files import read_draft_file
from amendtrack.read.manifest import read_manifest
from amendtrack.read.parts import Part, assemble
from amendtrack.resources import sample_data_dir

WG = sample_data_dir() / "drafts" / "wg-tip-2019"
FILES = ["01-draft-report-L1.txt", "02-draft-report-L1-Add1.txt", "03-draft-report-L1-Add2.txt"]
NAMES = ["L.1", "L.1/Add.1", "L.1/Add.2"]
KEYS = ["L1", "L1-Add1", "L1-Add2"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def wg_parts(folder: Path = WG) -> list[Part]:
    return [Part(name, read_draft_file(folder / file)) for name, file in zip(NAMES, FILES, strict=True)]


def recommendations(labels: list[str]) -> list[int]:
    return [int(m.group(1)) for label in labels if (m := re.fullmatch(r"Recommendation (\d+)", label))]


def test_the_parts_of_the_2019_report_make_one_tree_with_recommendations_1_to_50_once_each() -> None:
    draft = assemble(wg_parts())
    assert [(n.kind, n.label) for n in draft.paragraphs] == [("part", name) for name in NAMES]
    nodes = [node for node, _ in draft.walk()]
    assert recommendations([n.label for n in nodes]) == list(range(1, 51))
    # each addendum restarts its paragraphs at 1 and repeats heading II: those are cited with their part
    labels = Counter(normalise_label(n.label) for n in nodes)
    twice_in_a_part = {"l138(c)"}  # the reader gives two items of L.1's paragraph 38 the label (c)
    assert {label for label, k in labels.items() if k > 1} == twice_in_a_part
    assert len({n.eid for n in nodes}) == len(nodes)
    by_label = {n.label: n for n in nodes}
    assert by_label["L.1/Add.1, 1"].text.startswith("The Working Group recommended")
    assert by_label["L.1, 1"].text.startswith("In its decision 4/4")
    assert "L.1, 31(1)(a)" in by_label  # a sub-paragraph goes with its paragraph's part
    assert by_label["Recommendation 12"].eid == "part_l1add1__" + wg_parts()[1].draft.find("Recommendation 12").eid
    # every part's text is there, unchanged, in order
    texts = [n.text for part in wg_parts() for n, _ in part.draft.walk()]
    assert [n.text for n in nodes if n.kind != "part"] == texts


def test_import_stores_the_report_once_with_its_parts_and_no_lineage_between_them(sqlite_url: str) -> None:
    code, out, err = run("--db", sqlite_url, "import", str(WG))
    assert (code, err) == (0, "") and out.count("imported: ") == 1
    code, out, _ = run("--db", sqlite_url, "drafts", "wg-tip-2019", "--json")
    [record] = json.loads(out)
    assert record["key"] == "L1" and record["label"] == "Draft report (L.1 and addenda)"
    assert [(p["key"], p["name"], p["date"], p["source_file"]) for p in record["parts"]] == [
        ("L1", "L.1", "2019-09-09", FILES[0]),
        ("L1-Add1", "L.1/Add.1", None, FILES[1]),
        ("L1-Add2", "L.1/Add.2", "2019-09-10", FILES[2]),
    ]
    table = run("--db", sqlite_url, "drafts", "wg-tip-2019")[1].splitlines()
    assert [line.split()[:2] for line in table[2:]] == [
        ["L1", "L.1"],
        ["L1-Add1", "L.1/Add.1"],
        ["L1-Add2", "L.1/Add.2"],
    ]
    code, out, _ = run("--db", sqlite_url, "paragraphs", "wg-tip-2019", "L1", "--json")
    records = json.loads(out)
    assert recommendations([r["label"] for r in records]) == list(range(1, 51))
    assert {r["container"][0] for r in records if r["kind"] == "recommendation"} == set(NAMES)
    code, _, err = run("--db", sqlite_url, "diff", "wg-tip-2019", "L1", "L1-Add1")
    assert code == 1 and "no draft 'L1-Add1'" in err  # a part is no version to redline against
    again = run("--db", sqlite_url, "import", str(WG))
    assert again[0] == 0 and again[1].startswith("already imported: wg-tip-2019/L1")


def test_import_of_a_file_with_its_parts_makes_the_draft_the_manifest_makes(sqlite_url: str, tmp_path: Path) -> None:
    """`import L1.txt --part Add1.txt --part Add2.txt --part-names …`: one draft, the same tree as from the manifest."""
    assert run("--db", sqlite_url, "import", str(WG))[0] == 0
    parts = [arg for file in FILES[1:] for arg in ("--part", str(WG / file))]
    code, out, err = run(
        "--db", sqlite_url, "import", str(WG / FILES[0]), "--negotiation", "wg", "--label", "Report", *parts,
        "--part-names", ",".join(NAMES),
    )  # fmt: skip
    assert (code, err) == (0, "") and out.count("imported: ") == 1
    [record] = json.loads(run("--db", sqlite_url, "drafts", "wg", "--json")[1])
    assert [(p["name"], p["source_file"]) for p in record["parts"]] == list(zip(NAMES, FILES, strict=True))

    def tree(negotiation: str, draft: str) -> list[tuple[str, str, str]]:
        out = run("--db", sqlite_url, "paragraphs", negotiation, draft, "--json")[1]
        return [(r["label"], r["eid"], r["text"]) for r in json.loads(out)]

    assert tree("wg", "report") == tree("wg-tip-2019", "L1")
    code, out, _ = run("--db", sqlite_url, "import", str(WG / FILES[0]), "--negotiation", "wg2", *parts)
    [record] = json.loads(run("--db", sqlite_url, "drafts", "wg2", "--json")[1])
    assert code == 0 and [p["name"] for p in record["parts"]] == [Path(f).stem for f in FILES]  # named by their files


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (["--part-names", "L.1,L.1/Add.1"], "--part-names gives 2 name(s) for 3 parts"),
        (["--part", "missing.txt"], "missing.txt: no such file"),
        (["--part", FILES[0]], "two parts of the draft are named"),
        (["--adopted"], "--part applies to a draft, not to adopted text"),
    ],
)
def test_parts_given_on_the_command_line_are_checked(sqlite_url: str, extra: list[str], problem: str) -> None:
    parts = [arg for file in FILES[1:] for arg in ("--part", str(WG / file))]
    extra = [str(WG / a) if a == FILES[0] else a for a in extra]
    args = ["--db", sqlite_url, "import", str(WG / FILES[0]), "--negotiation", "wg", *parts, *extra]
    code, _, err = run(*args)
    assert code == 1 and err.count("\n") == 1 and problem in err, err
    assert run("--db", sqlite_url, "drafts", "wg")[0] == 1  # nothing stored


def test_a_new_version_of_a_draft_in_parts_is_aligned_whole_to_whole(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "wg"
    shutil.copytree(WG, folder)
    second = tmp_path / "wg" / "v2"
    second.mkdir()
    for file in FILES:
        text = (folder / file).read_text(encoding="utf-8")
        if file == FILES[1]:
            text = text.replace("Member States should consider consulting", "Member States should consult", 1)
        (second / file).write_text(text, encoding="utf-8")
    manifest = (folder / "manifest.toml").read_text(encoding="utf-8")
    later = re.sub(r'id = "(L1[^"]*)"', r'id = "\1-rev"', manifest.split("[[documents]]", 1)[1])
    later = later.replace('part_of = "L1"', 'part_of = "L1-rev"').replace('file = "0', 'file = "v2/0')
    (folder / "manifest.toml").write_text(manifest + "\n[[documents]]" + later, encoding="utf-8")
    code, out, err = run("--db", sqlite_url, "import", str(folder))
    assert (code, err) == (0, ""), out
    code, out, _ = run("--db", sqlite_url, "align", "wg-tip-2019", "L1", "L1-rev", "--json")
    links = json.loads(out)["links"] if isinstance(json.loads(out), dict) else json.loads(out)
    relations = {link["relation"] for link in links}
    assert "deleted" not in relations and "new" not in relations
    changed = [link for link in links if link["relation"] != "same"]
    assert [(link["from"], link["to"], link["relation"]) for link in changed] == [
        (["Recommendation 12"], ["Recommendation 12"], "modified")
    ]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('part_of = "nowhere"', "'part_of' names 'nowhere', which is not an earlier draft"),
        ('part_of = "inputs"', "'part_of' names 'inputs', which is not an earlier draft"),
        ('part_of = "L1-Add1"', "itself a part of 'L1'"),
    ],
)
def test_a_manifest_part_must_follow_the_draft_it_belongs_to(tmp_path: Path, entry: str, problem: str) -> None:
    folder = tmp_path / "neg"
    folder.mkdir()
    for file in ("a.txt", "b.txt", "c.txt", "i.txt"):
        (folder / file).write_text("1. Text.\n", encoding="utf-8")
    (folder / "manifest.toml").write_text(
        f"""[negotiation]
id = "neg"
title = "Parts"

[[documents]]
id = "L1"
label = "L.1"
kind = "draft"
file = "a.txt"

[[documents]]
id = "inputs"
label = "Inputs"
kind = "inputs"
file = "i.txt"

[[documents]]
id = "L1-Add1"
label = "Add.1"
kind = "draft"
file = "b.txt"
part_of = "L1"

[[documents]]
id = "L1-Add2"
label = "Add.2"
kind = "draft"
file = "c.txt"
{entry}
""",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=re.escape(problem)) as raised:
        read_manifest(folder)
    assert str(folder / "manifest.toml") in str(raised.value) and "document 'L1-Add2'" in str(raised.value)


def test_a_part_cannot_follow_a_later_draft_nor_be_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "neg"
    folder.mkdir()
    for file in ("a.txt", "b.txt", "c.txt"):
        (folder / file).write_text("1. Text.\n", encoding="utf-8")
    head = '[negotiation]\nid = "neg"\ntitle = "Parts"\n'
    doc = '\n[[documents]]\nid = "{}"\nlabel = "{}"\nkind = "{}"\nfile = "{}"\n'
    (folder / "manifest.toml").write_text(
        head
        + doc.format("v1", "v1", "draft", "a.txt")
        + doc.format("v2", "v2", "draft", "b.txt")
        + doc.format("add", "add", "draft", "c.txt")
        + 'part_of = "v1"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="draft 'v2' comes between it and 'v1'"):
        read_manifest(folder)
    (folder / "manifest.toml").write_text(
        head
        + doc.format("v1", "v1", "draft", "a.txt")
        + doc.format("add", "add", "inputs", "c.txt")
        + 'part_of = "v1"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="only a draft has parts"):
        read_manifest(folder)


def test_inputs_against_a_part_comment_on_the_whole_draft(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "wg"
    shutil.copytree(WG, folder)
    (folder / "inputs.csv").write_text(
        "delegation,paragraph,operation,old,text\nJapan,Recommendation 20,replace,Member States,States parties\n",
        encoding="utf-8",
    )
    manifest = (folder / "manifest.toml").read_text(encoding="utf-8")
    manifest += (
        '\n[[documents]]\nid = "inputs"\nlabel = "Inputs"\nkind = "inputs"\nagainst = "L1-Add1"\nfile = "inputs.csv"\n'
    )
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    code, out, err = run("--db", sqlite_url, "import", str(folder))
    assert (code, err) == (0, ""), out
    code, out, _ = run("--db", sqlite_url, "proposals", "wg-tip-2019", "--json")
    [proposal] = json.loads(out)
    # read against the whole report: its paragraph is found in Add.1's part, and the change applies
    assert proposal["paragraph"] == "Recommendation 20" and proposal["pid"].startswith("L1:part_l1add1__")
    assert proposal["applied"] and proposal["resulting_text"].startswith("States parties")
