"""The hostile and broken input corpus (tests/hostile_corpus.py) driven through the command line.

`pytest -m hostile` runs the corpus alone; the summary line "hostile corpus: N cases (…)" comes from
tests/conftest.py. Each case is one file imported with `amendtrack import` or `amendtrack import-inputs`
(or a negotiation folder's manifest, with `amendtrack import`) into a copy of a SQLite database that
already holds a negotiation; the case's documented outcome (read correctly, or refused in one line
naming the file and the place, exit status 1, database unchanged) is asserted. Cases on .docx files
need the Word reader: while it is missing they are expected to fail.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_corpus import BASE_DRAFT, BASE_KEY, CASES, KINDS, NEGOTIATION, READ, REFUSED, TRAVERSAL_NAMES, Case

from amendtrack.cli import cli
from amendtrack.read import files


def docx_reader_available() -> bool:
    """Whether the importer reads .docx drafts with amendtrack.read.word (written alongside this corpus)."""
    return importlib.util.find_spec("amendtrack.read.word") is not None and ".docx" in files.DRAFT_SUFFIXES


def invoke(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def snapshot(db: Path) -> tuple[bytes, str]:
    """The database file's bytes and its SQL dump (read with a read-only connection)."""
    data = db.read_bytes()
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        dump = "\n".join(connection.iterdump())
    return data, dump


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database holding the negotiation `neg` with its first draft, imported by the real reader."""
    folder = tmp_path_factory.mktemp("hostile-base")
    draft = folder / "first.txt"
    draft.write_text(BASE_DRAFT, encoding="utf-8")
    db = folder / "base.db"
    code, _, err = invoke(f"sqlite:///{db}", "import", str(draft), "--negotiation", NEGOTIATION, "--label", BASE_KEY)
    assert code == 0, err
    assert not db.with_name("base.db-wal").exists()  # closed cleanly: the file alone is the database
    return db


def write_case(case: Case, folder: Path) -> Path:
    """The case's file written in `folder` (a manifest in a folder of its own, beside its documents)."""
    path = folder / case.name
    if case.command == "import-folder":
        path.mkdir()
        for name, data in case.beside:
            (path / name).write_bytes(data)
        path = path / "manifest.toml"
    path.write_bytes(case.make())
    if case.size is not None:
        os.truncate(path, case.size)  # a hole: the file's size is real, its bytes cost no disk
    return path


def command(case: Case, url: str, path: Path) -> list[str]:
    """The command line of the case (after `amendtrack`)."""
    if case.command == "import-folder":
        return ["--db", url, "import", str(path), "--negotiation", NEGOTIATION]
    args = ["--db", url, case.command, str(path), "--negotiation", NEGOTIATION, "--label", case.label]
    if case.command == "import-inputs":
        args += ["--draft", BASE_KEY]
    return args


def limited(memory: int | None) -> Callable[[], None] | None:
    """What the subprocess does before it runs: take at most `memory` bytes of address space."""
    if memory is None:
        return None
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def run_case(case: Case, url: str, path: Path) -> tuple[int, str, str, float]:
    """Run the case's command on its file: in-process (CliRunner), or in a subprocess killed at the time limit."""
    args = command(case, url, path)
    started = time.perf_counter()
    if not case.isolated:
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr, time.perf_counter() - started
    env = {k: v for k, v in os.environ.items() if k != "AMENDTRACK_DB"} | {"PYTHONIOENCODING": "utf-8"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "amendtrack", *args],
            capture_output=True,
            encoding="utf-8",
            timeout=case.seconds,
            env=env,
            preexec_fn=limited(case.memory),
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.name}: the command did not finish within {case.seconds} s")
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - started


def stored_texts(url: str, case: Case) -> list[tuple[str, str]]:
    """What the case stored, as (paragraph label or delegation, text) pairs, read back through the CLI."""
    if case.command == "import":
        code, out, err = invoke(url, "paragraphs", NEGOTIATION, case.label, "--json")
        assert code == 0, err
        return [(r["label"], r["text"]) for r in json.loads(out)]
    code, out, err = invoke(url, "proposals", NEGOTIATION, "--draft", case.label, "--json")
    assert code == 0, err
    pairs = []
    for proposal in json.loads(out):
        words = " ".join(str(proposal[f] or "") for f in ("text", "rationale", "resulting_text", "verbatim"))
        pairs.extend((name, words) for name in proposal["delegations"])
    return pairs


@pytest.mark.hostile
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_ends_in_its_documented_outcome(
    case: Case, template_db: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if case.docx and not docx_reader_available():
        request.applymarker(pytest.mark.xfail(reason="amendtrack.read.word does not read .docx yet", strict=False))
    request.node.user_properties.append(("hostile", case.outcome))
    db = tmp_path / "neg.db"
    shutil.copyfile(template_db, db)
    url = f"sqlite:///{db}"
    path = write_case(case, tmp_path)
    before = snapshot(db)
    outside = [Path("/tmp") / Path(name).name for name in TRAVERSAL_NAMES]
    existed = {p: p.exists() for p in outside}

    code, out, err, seconds = run_case(case, url, path)

    assert seconds < case.seconds, f"{case.name} took {seconds:.1f} s (limit {case.seconds} s)"
    for word in case.absent:
        assert word not in out and word not in err
    assert not [p for p in tmp_path.rglob("evil-*")] and all(p.exists() == existed[p] for p in outside)
    if case.outcome == READ:
        assert (code, err) == (0, ""), err
        assert out.startswith(f"imported: {NEGOTIATION}/{case.label} "), out
        stored = stored_texts(url, case)
        for who, words in case.found:
            texts = [text for name, text in stored if name == who]
            assert texts, f"{who} not stored; stored: {sorted({name for name, _ in stored})}"
            assert any(words in text for text in texts), (who, words, [t[:200] for t in texts])
        for word in case.absent:
            assert not any(word in text for _, text in stored), word
        return
    assert case.outcome == REFUSED
    assert (code, out) == (1, ""), (code, out, err)
    assert err.endswith("\n") and err.count("\n") == 1, err
    place = f":{case.place}" if case.place is not None else ""
    prefix = f"amendtrack: error: {path}{place}: "
    assert err.startswith(prefix), f"expected {prefix!r}…, got {err!r}"
    message = err[len(prefix) :].rstrip("\n")
    assert re.search(case.message, message), f"{message!r} does not match {case.message!r}"
    assert snapshot(db) == before  # byte for byte, and the same SQL dump
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_corpus_covers_every_kind_of_input_the_issue_lists() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    for kind, cases in KINDS.items():
        assert cases and set(cases) <= set(names), kind
    for case in CASES:
        assert case.why and case.command in ("import", "import-inputs", "import-folder")
        assert case.outcome in (READ, REFUSED) and (case.command != "import-folder" or case.outcome == REFUSED)
        assert case.memory is None or case.isolated, case.name  # only a subprocess can be held to it
        assert (case.outcome == REFUSED) == bool(case.message), case.name
        assert (case.outcome == READ) == bool(case.found), case.name
