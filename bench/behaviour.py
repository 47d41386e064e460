"""What amendtrack writes, fingerprinted: a guard that a restructuring changes no behaviour.

``python bench/behaviour.py record`` runs ``amendtrack demo`` and then every listing and output
command on the demo database (``--json`` listings, the terminal tables, reports, histories,
redlines, compilations, exports, Word files) as whole processes of the checkout's code, and writes
the SHA-256 of each output to ``bench/behaviour.json``. ``python bench/behaviour.py check`` does the
same and prints, for each output, whether it is identical to the recorded fingerprint; it exits 1
when one differs (``--show NAME`` prints that output, to see why).

Outputs that carry the moment they were made are normalised first, by rules that name what they
remove: the demo's elapsed time and absolute paths; the SQLite file is fingerprinted as its sorted
SQL dump (page layout and index order vary from run to run; the rows do not); a Word file as its
parts' bytes with the `docProps/core.xml` timestamps removed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "bench" / "behaviour.json"
HISTORY_EVERY = 4  # a paragraph history for every 4th top-level paragraph of each first draft


def run(args: list[str], cwd: Path, db: Path | None = None) -> bytes:
    """Run `amendtrack ARGS` from the checkout (not an installed copy); its stdout, or exit on failure."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "LINES": "40"}
    env.pop("AMENDTRACK_DB", None)
    prefix = ["--db", f"sqlite:///{db}"] if db is not None else []
    done = subprocess.run([sys.executable, "-m", "amendtrack", *prefix, *args], cwd=cwd, env=env, capture_output=True)
    if done.returncode != 0:
        sys.exit(f"amendtrack {' '.join(args)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return done.stdout


def sql_dump(path: Path) -> bytes:
    """A SQLite file as its SQL statements, sorted: the same rows give the same bytes."""
    connection = sqlite3.connect(path)
    try:
        return "\n".join(sorted(connection.iterdump())).encode("utf-8")
    finally:
        connection.close()


def docx_parts(data: bytes) -> bytes:
    """A Word file as its parts' names and bytes, without the creation and modification times."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            part = archive.read(name)
            if name == "docProps/core.xml":
                part = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", part)
            out.write(name.encode() + b"\0" + part + b"\0")
    return out.getvalue()


def demo_stdout(text: bytes, folder: Path) -> bytes:
    """The demo's summary without its elapsed time and the absolute path of the folder it ran in."""
    text = text.replace(str(folder.resolve()).encode(), b"<out>")
    return re.sub(rb"built in [0-9.]+ s", b"built in <t> s", text)


def outputs(work: Path) -> Iterator[tuple[str, bytes]]:
    """Every fingerprinted output, by name, in a fixed order."""
    yield "demo stdout", demo_stdout(run(["demo", "--out", str(work)], work), work)
    db = work / "amendtrack-demo.db"
    site = work / "amendtrack-site"
    for path in sorted(site.rglob("*")):
        if path.is_file():
            yield f"site/{path.relative_to(site).as_posix()}", path.read_bytes()
    yield from listings(work, db)
    yield from documents(work, db)
    yield "demo database (sorted SQL dump)", sql_dump(db)


def listings(work: Path, db: Path) -> Iterator[tuple[str, bytes]]:
    """The listing commands, as JSON and as terminal tables."""
    drafts = json.loads(run(["drafts", "--json"], work, db))
    negotiations = list(dict.fromkeys(d["negotiation"] for d in drafts))
    for args in (["drafts", "--json"], ["drafts"], ["delegations", "--json"], ["delegations"]):
        yield " ".join(args), run(args, work, db)
    for negotiation in negotiations:
        mine = [d for d in drafts if d["negotiation"] == negotiation]
        keys = [d["key"] for d in mine if d["kind"] in ("draft", "adopted")]
        for args in (["drafts", negotiation, "--json"], ["delegations", "--negotiation", negotiation, "--json"]):
            yield " ".join(args), run(args, work, db)
        for key in keys:
            for args in (["paragraphs", negotiation, key, "--json"], ["paragraphs", negotiation, key]):
                yield " ".join(args), run(args, work, db)
        for old, new in zip(keys, keys[1:], strict=False):
            for args in (["align", negotiation, old, new, "--json"], ["align", negotiation, old, new]):
                yield " ".join(args), run(args, work, db)
            args = ["diff", negotiation, old, new, "--no-color"]
            yield " ".join(args), run(args, work, db)
        if any(d["kind"] == "inputs" for d in mine):
            yield from proposal_listings(work, db, negotiation)
        yield from histories(work, db, negotiation, keys[0])


def proposal_listings(work: Path, db: Path, negotiation: str) -> Iterator[tuple[str, bytes]]:
    """Proposals, dispositions and every delegation's report."""
    for args in (["proposals", negotiation, "--json"], ["proposals", negotiation]):
        yield " ".join(args), run(args, work, db)
    for args in (["dispositions", negotiation, "--json"], ["dispositions", negotiation]):
        yield " ".join(args), run(args, work, db)
    delegations = json.loads(run(["delegations", "--negotiation", negotiation, "--json"], work, db))
    for record in delegations:
        if record["proposals"]:
            for tail in (["--json"], []):
                args = ["report", negotiation, "--delegation", record["name"], *tail]
                yield " ".join(args), run(args, work, db)


def histories(work: Path, db: Path, negotiation: str, first: str) -> Iterator[tuple[str, bytes]]:
    """The history of every HISTORY_EVERY-th top-level paragraph of the first draft."""
    paragraphs = json.loads(run(["paragraphs", negotiation, first, "--json"], work, db))
    top = [p["label"] for p in paragraphs if p["parent"] is None and p["kind"] != "heading"]
    for label in top[::HISTORY_EVERY]:
        for tail in (["--json"], []):
            args = ["history", negotiation, label, *tail]
            yield " ".join(args), run(args, work, db)


def documents(work: Path, db: Path) -> Iterator[tuple[str, bytes]]:
    """Files the output commands write: HTML, Word, Akoma Ntoso, the JSON backup."""
    out = work / "files"
    out.mkdir()
    drafts = json.loads(run(["drafts", "--json"], work, db))
    for negotiation in dict.fromkeys(d["negotiation"] for d in drafts):
        mine = [d for d in drafts if d["negotiation"] == negotiation]
        keys = [d["key"] for d in mine if d["kind"] in ("draft", "adopted")]
        run(["export", "json", negotiation, "--out", str(out / "dump.json")], work, db)
        yield f"export json {negotiation}", (out / "dump.json").read_bytes()
        for key in keys:
            yield f"export akn {negotiation} {key}", run(["export", "akn", negotiation, key], work, db)
        for old, new in zip(keys, keys[1:], strict=False):
            run(["diff", negotiation, old, new, "--html", str(out / "r.html"), "--docx", str(out / "r.docx")], work, db)
            yield f"diff {negotiation} {old} {new} --html", (out / "r.html").read_bytes()
            yield f"diff {negotiation} {old} {new} --docx", docx_parts((out / "r.docx").read_bytes())
        if any(d["kind"] == "inputs" for d in mine):
            yield from compilations(work, db, negotiation, keys[0], out)


def compilations(work: Path, db: Path, negotiation: str, draft: str, out: Path) -> Iterator[tuple[str, bytes]]:
    """The compilation table in HTML and Word, and the first delegation's proposals as tracked changes."""
    args = ["compile", negotiation, draft, "--html", str(out / "c.html"), "--docx", str(out / "c.docx")]
    run([*args, "--with-disposition"], work, db)
    yield f"compile {negotiation} {draft} --with-disposition --html", (out / "c.html").read_bytes()
    yield f"compile {negotiation} {draft} --with-disposition --docx", docx_parts((out / "c.docx").read_bytes())
    delegations = json.loads(run(["delegations", "--negotiation", negotiation, "--json"], work, db))
    name = next(r["name"] for r in delegations if r["proposals"])
    run(["apply", negotiation, draft, "--delegation", name, "--docx", str(out / "a.docx")], work, db)
    yield f"apply {negotiation} {draft} --delegation {name} --docx", docx_parts((out / "a.docx").read_bytes())


def fingerprints(keep: dict[str, bytes] | None = None) -> dict[str, str]:
    """Name → SHA-256 of every output, made in a fresh temporary folder; `keep` gets the raw outputs."""
    work = Path(tempfile.mkdtemp(prefix="amendtrack-behaviour-"))
    try:
        found = {}
        for name, data in outputs(work):
            found[name] = hashlib.sha256(data).hexdigest()
            if keep is not None:
                keep[name] = data
        return found
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["record", "check"])
    parser.add_argument("--show", metavar="NAME", help="with check: print this output as it is now")
    args = parser.parse_args()
    raw: dict[str, bytes] = {}
    now = fingerprints(raw)
    if args.mode == "record":
        RECORD.write_text(json.dumps(now, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} outputs in {RECORD.relative_to(ROOT)}")
        return 0
    before = json.loads(RECORD.read_text(encoding="utf-8"))
    differ = [name for name in before if now.get(name) != before[name]]
    missing = [name for name in before if name not in now]
    added = [name for name in now if name not in before]
    for name in differ:
        print(f"DIFFERS  {name}" + ("  (not produced)" if name in missing else ""))
    for name in added:
        print(f"NEW      {name}")
    same = len(before) - len(differ)
    print(f"{same} of {len(before)} recorded outputs identical, {len(differ)} differ, {len(added)} new")
    if args.show:
        sys.stdout.buffer.write(raw.get(args.show, b"(no such output)\n"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
