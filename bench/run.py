"""How long amendtrack takes, stage by stage and end to end, on a synthetic negotiation of a chosen size.

Run with ``python bench/run.py`` (the target size: 2,000 paragraphs × 20 drafts × 20,000 proposals
from 193 delegations, on a SQLite file), or choose the size with ``--paragraphs N --drafts D
--proposals P --delegations K --seed S``. It writes the negotiation with ``bench/synth.py`` (not
timed), then prints:

- each stage in process, on a fresh database: read (parse every draft), store (the drafts'
  paragraph trees, one transaction), align (every consecutive pair, lineage and persistent ids
  stored), redline (every aligned pair, in memory), proposals (each CSV inputs file as
  `amendtrack import-inputs` takes it: read against its stored draft, co-sponsors grouped,
  stored), dispositions (`tracking.dispositions`: load, judge, store) and site render
  (`site.build_site`);
- the full build through the command line, on another fresh database: ``amendtrack import``,
  ``amendtrack dispositions`` and ``amendtrack site`` as subprocesses of the checkout's code, each
  with its wall time and peak RSS (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a small parent);
- the start-up of ``amendtrack --help`` and of read-only commands (``drafts``, ``paragraphs``,
  ``proposals``, ``delegations``) on a store of the GPA sample, as whole processes, with the
  target *under 0.3 s* and, for scale, how long importing ``sqlalchemy.orm`` alone takes
  (``--no-startup`` skips this; ``--scale`` never runs it);
- the targets as MET / NOT MET, a table, and one JSON line with every figure.

``--db postgresql`` uses the local server (127.0.0.1:5432, database ``test``) in a fresh schema,
dropped afterwards; ``--db both`` runs SQLite and PostgreSQL and prints their ratio. ``--scale``
runs the doubling series instead: N and P ×1, ×2, ×4, ×8 from the given (small) base, and prints
each step's full build time and its ratio to the step before. Every figure is the best and the
median of ``--repeats`` runs; verdicts use the best run (noise on a shared machine only adds time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure the checkout's code, not an older installed copy
sys.path.insert(1, str(ROOT / "bench"))

import synth  # noqa: E402

import amendtrack  # noqa: E402

TARGET_SIZE = (2000, 20, 20000, 193)  # paragraphs, drafts, proposals, delegations
TARGET_SECONDS = 60.0  # full build (import, dispositions, site) on SQLite
TARGET_RSS_MB = 1024.0  # peak RSS of any of its processes
TARGET_PER_DOUBLING = 2.3
TARGET_PG_RATIO = 1.5
TARGET_STARTUP = 0.3  # seconds until `amendtrack --help`, or a read-only command on the GPA store, has answered
TARGET_STARTUP_RATIO = 1.5  # a read-only command against a fresh process that only imports sqlalchemy.orm
GPA = ROOT / "data" / "drafts" / "gpa-2010"
STARTUP_COMMANDS = (  # read-only commands on the GPA store, and --help
    ["--help"],
    ["drafts"],
    ["paragraphs", "gpa-2010", "1"],
    ["proposals", "gpa-2010", "--delegation", "Japan"],
    ["delegations", "--negotiation", "gpa-2010"],
)
PG_ADMIN = "host=127.0.0.1 port=5432 dbname=test user=postgres connect_timeout=5"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
STAGES = ("read", "store", "align", "redline", "proposals", "dispositions", "site render")
COMMANDS = ("import", "dispositions", "site")


@dataclass
class Timing:
    """Seconds of several runs: the best (what the code costs) and the median."""

    runs: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def record(self) -> dict:
        return {"best": round(self.best, 3), "median": round(self.median, 3), "runs": [round(r, 3) for r in self.runs]}


@dataclass
class Build:
    """One size on one database: the in-process stages and the command line's full build."""

    paragraphs: int
    drafts: int
    proposals: int
    delegations: int
    db: str
    stages: dict[str, Timing] = field(default_factory=dict)
    commands: dict[str, Timing] = field(default_factory=dict)
    full: Timing = field(default_factory=Timing)
    rss_mb: dict[str, float] = field(default_factory=dict)  # command → peak RSS over the runs
    checks: dict[str, object] = field(default_factory=dict)


# --- databases -----------------------------------------------------------------------------------


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file in `folder`, or a new PostgreSQL schema (dropped after)."""
    if kind == "sqlite":
        path = folder / f"bench-{uuid.uuid4().hex[:8]}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        return
    import psycopg

    schema = f"amendtrack_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            yield PG_URL.format(schema=schema)
        finally:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


# --- in-process stages ----------------------------------------------------------------------------


def _timed(work: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def stages_once(folder: Path, url: str, site_out: Path) -> tuple[dict[str, float], dict[str, object]]:
    """Every stage once, in order, on a fresh database; their seconds and what they produced."""
    from sqlalchemy.orm import Session

    from amendtrack.api import build_site, dispositions
    from amendtrack.compare.align import align
    from amendtrack.compare.comparison import compare
    from amendtrack.read.files import read_draft_file
    from amendtrack.store.drafts import save_draft
    from amendtrack.store.engine import create_schema, engine_for
    from amendtrack.store.importer import import_inputs
    from amendtrack.store.lineage import align_new_drafts

    manifest = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))
    key, title = manifest["negotiation"]["id"], manifest["negotiation"]["title"]
    documents = manifest["documents"]
    seconds: dict[str, float] = {}
    checks: dict[str, object] = {}

    seconds["read"], trees = _timed(
        lambda: {d["id"]: read_draft_file(folder / d["file"]) for d in documents if d["kind"] in ("draft", "adopted")}
    )
    checks["nodes"] = [sum(1 for _ in tree.walk()) for tree in trees.values()]

    engine = engine_for(url)
    try:

        def store() -> None:  # the drafts, in one transaction
            with Session(engine) as session, session.begin():
                create_schema(session.connection())
                for d in documents:
                    if d["kind"] in ("draft", "adopted"):
                        digest = hashlib.sha256((folder / d["file"]).read_bytes()).hexdigest()
                        save_draft(
                            session, key, title, d["id"], d["label"], d.get("date"), "draft", d["file"], digest,
                            trees[d["id"]],
                        )  # fmt: skip

        def aligned() -> list:  # every consecutive pair, lineage and persistent ids stored
            with Session(engine) as session, session.begin():
                return align_new_drafts(session, key)

        seconds["store"], _ = _timed(store)
        seconds["align"], pairs = _timed(aligned)
        checks["aligned_pairs"] = len(pairs)
    finally:
        engine.dispose()

    def proposals() -> int:  # as `amendtrack import-inputs FILE --draft D`: read against the stored draft, store
        stored = 0
        for d in documents:
            if d["kind"] == "inputs":
                stored += import_inputs(folder / d["file"], url, key, d["against"], label=d["id"]).proposals
        return stored

    seconds["proposals"], checks["proposals"] = _timed(proposals)

    drafts = [trees[d["id"]] for d in documents if d["kind"] in ("draft", "adopted")]
    alignments = [align(a, b) for a, b in zip(drafts, drafts[1:], strict=False)]  # not timed: the align stage's work
    seconds["redline"], links = _timed(
        lambda: sum(
            len(compare(a, b, alignment=al).rows) for a, b, al in zip(drafts, drafts[1:], alignments, strict=False)
        )
    )
    checks["redlined_links"] = links
    seconds["dispositions"], records = _timed(lambda: dispositions(url, key))
    checks["dispositions"] = len(records)
    seconds["site render"], site = _timed(lambda: build_site(url, site_out, [key]))
    checks["site_pages"] = site.pages
    return seconds, checks


# --- the command line -----------------------------------------------------------------------------


# Runs the command from a small Python process and reports its wall time and peak RSS. Linux carries
# a process's peak RSS over fork and exec, so a command started straight from this (large) process
# would report this process's peak; started from a small one, the figure is the command's own.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write(json.dumps({"code": code, "seconds": seconds, "maxrss_kb": rss}))
"""


def run_command(args: list[str], url: str, cwd: Path) -> tuple[float, float, str]:
    """`python -m amendtrack --db URL ARGS` on the checkout's code: wall seconds, peak RSS (MB), stdout."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("AMENDTRACK_DB", None)
    command = [sys.executable, "-m", "amendtrack", "--db", url, *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "measure.json"
        subprocess.run([sys.executable, "-c", _MEASURE, str(report), *command], cwd=cwd, env=env, stdout=out,
                       stderr=err, check=True)  # fmt: skip
        measured = json.loads(report.read_text())
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if measured["code"] != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({measured['code']}): {stderr.strip()[-2000:]}")
    return measured["seconds"], measured["maxrss_kb"] / 1024, stdout  # ru_maxrss is in kilobytes on Linux


def cli_once(folder: Path, url: str, key: str, work: Path) -> tuple[dict[str, float], dict[str, float], str]:
    """import, dispositions and site through the command line, on a fresh database."""
    seconds: dict[str, float] = {}
    rss: dict[str, float] = {}
    outputs = {}
    site = work / "cli-site"
    shutil.rmtree(site, ignore_errors=True)
    for name, args in (("import", ["import", str(folder)]), ("dispositions", ["dispositions", key]),
                       ("site", ["site", key, "--out", str(site)])):  # fmt: skip
        seconds[name], rss[name], outputs[name] = run_command(args, url, work)
    return seconds, rss, outputs["import"]


def startup(work: Path, runs: int) -> dict[str, Timing]:
    """How long `amendtrack --help` and read-only commands on the GPA store take, as whole processes."""
    url = f"sqlite:///{work / 'gpa-startup.db'}"
    (work / "gpa-startup.db").unlink(missing_ok=True)
    run_command(["import", str(GPA)], url, work)
    found: dict[str, Timing] = {}
    for args in STARTUP_COMMANDS:
        timing = found[" ".join(args)] = Timing()
        run_command(args, url, work)  # warm-up: the file cache, not measured
        for _ in range(runs):
            timing.runs.append(run_command(args, url, work)[0])
    return found


def print_startup(found: dict[str, Timing]) -> float:
    """Each command's best and median, against 0.3 s and against a fresh `import sqlalchemy.orm`; that import's time."""
    orm = _import_seconds("sqlalchemy.orm")
    print(
        f"\nstart-up: whole processes on the GPA store (SQLite), targets: under {TARGET_STARTUP:g} s; "
        f"read-only commands within {TARGET_STARTUP_RATIO:g}× of importing sqlalchemy.orm alone ({orm:.3f} s)"
    )
    print(f"  {'command':<48}{'best s':>8}{'median s':>10}{'× orm':>7}")
    for name, timing in found.items():
        ratio = timing.best / orm
        met = verdict(timing.best < TARGET_STARTUP)
        relative = "" if name == "--help" else f"  {verdict(ratio <= TARGET_STARTUP_RATIO)} (×)"
        print(f"  {'amendtrack ' + name:<48}{timing.best:8.3f}{timing.median:10.3f}{ratio:7.2f}  {met} (s){relative}")
    return orm


def _import_seconds(module: str) -> float:
    """Best of 5 runs of a fresh interpreter that imports `module` (its cost to every command that needs it)."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        best = min(best, time.perf_counter() - start)
    return best


# --- one size -------------------------------------------------------------------------------------


def build(size: tuple[int, int, int, int], seed: int, db: str, repeats: int, work: Path, stages: bool) -> Build:
    paragraphs, drafts, proposals, delegations = size
    folder = work / f"synth-{paragraphs}x{drafts}x{proposals}x{delegations}-s{seed}"
    stamp = hashlib.sha256(Path(synth.__file__).read_bytes()).hexdigest()  # regenerate when the generator changed
    if not (folder / "manifest.toml").exists() or _read(folder / ".generator") != stamp:
        shutil.rmtree(folder, ignore_errors=True)
        synth.generate(folder, paragraphs, drafts, proposals, delegations, seed)
        (folder / ".generator").write_text(stamp, encoding="utf-8")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    result = Build(paragraphs, drafts, proposals, delegations, db)
    result.stages = {name: Timing() for name in STAGES}
    result.commands = {name: Timing() for name in COMMANDS}
    for _ in range(repeats):
        if stages:
            with database(db, work) as url:
                seconds, checks = stages_once(folder, url, work / "stage-site")
            for name, value in seconds.items():
                result.stages[name].runs.append(value)
            result.checks.update(checks)
        with database(db, work) as url:
            seconds, rss, imported = cli_once(folder, url, expected["negotiation"], work)
        for name, value in seconds.items():
            result.commands[name].runs.append(value)
            result.rss_mb[name] = max(result.rss_mb.get(name, 0.0), rss[name])
        result.full.runs.append(sum(seconds.values()))
    if not stages:
        result.stages = {}
    result.checks["expected_nodes"] = [d["nodes"] for d in expected["drafts"]]
    result.checks["expected_proposals"] = sum(i["proposals"] for i in expected["inputs"])
    result.checks["cli_proposals"] = sum(
        int(line.split(" proposal")[0].rsplit(", ", 1)[1]) for line in imported.splitlines() if " proposal" in line
    )
    return result


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def verdict(met: bool) -> str:
    return "MET" if met else "NOT MET"


def print_build(result: Build) -> None:
    size = f"{result.paragraphs:,} paragraphs × {result.drafts} drafts × {result.proposals:,} proposals"
    print(f"\n{size} from {result.delegations} delegations, {result.db}")
    checks = result.checks
    if "nodes" in checks:
        ok = checks["nodes"] == checks["expected_nodes"] and checks["proposals"] == checks["expected_proposals"]
        print(
            f"  read back: {sum(checks['nodes']):,} nodes in {len(checks['nodes'])} drafts, "
            f"{checks['proposals']:,} proposals stored, {checks['aligned_pairs']} pairs aligned, "
            f"{checks['redlined_links']:,} links redlined, {checks['site_pages']:,} site pages "
            f"({'as generated' if ok else 'NOT as generated: ' + str(checks)})"
        )
    print(f"  {'stage':<28}{'best s':>9}{'median s':>10}{'peak RSS MB':>13}")
    for name, timing in result.stages.items():
        print(f"  {'in process: ' + name:<28}{timing.best:9.2f}{timing.median:10.2f}")
    for name, timing in result.commands.items():
        print(f"  {'amendtrack ' + name:<28}{timing.best:9.2f}{timing.median:10.2f}{result.rss_mb[name]:13.0f}")
    peak = max(result.rss_mb.values())
    print(f"  {'full build (the three)':<28}{result.full.best:9.2f}{result.full.median:10.2f}{peak:13.0f}")
    if checks.get("cli_proposals") != checks.get("expected_proposals"):
        stored, expected = checks.get("cli_proposals"), checks["expected_proposals"]
        print(f"  WARNING: the command line stored {stored} proposals, {expected} expected")


def record(result: Build) -> dict:
    return {
        "paragraphs": result.paragraphs,
        "drafts": result.drafts,
        "proposals": result.proposals,
        "delegations": result.delegations,
        "db": result.db,
        "stages": {name: t.record() for name, t in result.stages.items()},
        "cli": {name: t.record() for name, t in result.commands.items()},
        "full_build": result.full.record(),
        "peak_rss_mb": {name: round(v, 1) for name, v in result.rss_mb.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, help="nodes of the first draft (default 2000; --scale: 250)")
    parser.add_argument("--drafts", type=int, default=TARGET_SIZE[1], help="successive drafts (default 20)")
    parser.add_argument("--proposals", type=int, help="CSV rows in all (default 20000; --scale: 2500)")
    parser.add_argument("--delegations", type=int, default=TARGET_SIZE[3], help="member states proposing (default 193)")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    parser.add_argument(
        "--db", choices=("sqlite", "postgresql", "both"), default="sqlite", help="a SQLite file (default), the local "
        "PostgreSQL server in a fresh schema, or both with their ratio"
    )  # fmt: skip
    parser.add_argument("--scale", action="store_true", help="the doubling series ×1, ×2, ×4, ×8 from the base size")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (best and median are printed)")
    parser.add_argument("--no-stages", action="store_true", help="only the command line's full build")
    parser.add_argument("--no-startup", action="store_true", help="skip timing --help and read-only commands")
    parser.add_argument("--startup-only", action="store_true", help="time --help and read-only commands, nothing else")
    parser.add_argument(
        "--work", type=Path, help="folder for the negotiation, databases and sites (default: a temp dir)"
    )
    args = parser.parse_args(argv)
    repeats = max(1, args.repeats)
    base_n = args.paragraphs or (250 if args.scale else TARGET_SIZE[0])
    base_p = args.proposals if args.proposals is not None else (2500 if args.scale else TARGET_SIZE[2])
    dbs = ["sqlite", "postgresql"] if args.db == "both" else [args.db]

    work = args.work or Path(tempfile.mkdtemp(prefix="amendtrack-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    code = Path(amendtrack.__file__).parent
    print(f"amendtrack {amendtrack.__version__} from {code}; Python {platform.python_version()}")
    print(f"{platform.node()}: {os.cpu_count()} cores, {platform.platform()}; {dt.date.today().isoformat()}")
    print(f"best (and median) of {repeats} runs; work folder {work}")

    results: list[Build] = []
    started: dict[str, Timing] = {}
    orm = None
    try:
        if not args.scale and not args.no_startup:
            started = startup(work, max(5, repeats))
            orm = print_startup(started)
        if args.startup_only:
            dbs = []
        if args.scale:
            for db in dbs:
                previous = None
                worst = 0.0
                rows = []
                for factor in (1, 2, 4, 8):
                    size = (base_n * factor, args.drafts, base_p * factor, args.delegations)
                    result = build(size, args.seed, db, repeats, work, stages=False)
                    results.append(result)
                    ratio = result.full.best / previous.full.best if previous else None
                    worst = max(worst, ratio or 0.0)
                    rows.append((factor, result, ratio))
                    previous = result
                print(f"\ndoubling series on {db} ({args.drafts} drafts, {args.delegations} delegations):")
                print(f"  {'step':<6}{'paragraphs':>11}{'proposals':>11}{'full build s':>14}{'median':>9}{'ratio':>8}"
                      f"{'peak RSS MB':>13}")  # fmt: skip
                for factor, result, ratio in rows:
                    step = f"{ratio:.2f}×" if ratio else "-"
                    print(
                        f"  ×{factor:<5}{result.paragraphs:>11,}{result.proposals:>11,}{result.full.best:14.2f}"
                        f"{result.full.median:9.2f}{step:>8}{max(result.rss_mb.values()):13.0f}"
                    )
                print(f"  worst step = {worst:.2f}×; target each doubling ≤ {TARGET_PER_DOUBLING}×: "
                      f"{verdict(worst <= TARGET_PER_DOUBLING)}")  # fmt: skip
        else:
            size = (base_n, args.drafts, base_p, args.delegations)
            for db in dbs:
                result = build(size, args.seed, db, repeats, work, stages=not args.no_stages)
                results.append(result)
                print_build(result)
            at_target = size == TARGET_SIZE
            print()
            for result in results:
                if result.db != "sqlite":
                    continue
                target = f"{TARGET_SIZE[0]:,} × {TARGET_SIZE[1]} × {TARGET_SIZE[2]:,}"
                note = "" if at_target else f" (at this size; the target is for {target})"
                print(f"target: full build on SQLite under {TARGET_SECONDS:g} s: {result.full.best:.1f} s: "
                      f"{verdict(result.full.best < TARGET_SECONDS)}{note}")  # fmt: skip
                peak = max(result.rss_mb.values())
                print(
                    f"target: peak RSS under {TARGET_RSS_MB:g} MB: {peak:.0f} MB: {verdict(peak < TARGET_RSS_MB)}{note}"
                )
            if len(results) == 2:
                ratio = results[1].full.best / results[0].full.best
                print(f"target: PostgreSQL within {TARGET_PG_RATIO}× of SQLite: {ratio:.2f}×: "
                      f"{verdict(ratio <= TARGET_PG_RATIO)}")  # fmt: skip
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summary = {
        "date": dt.date.today().isoformat(),
        "machine": {"cores": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "repeats": repeats,
        "scale": args.scale,
        "builds": [record(r) for r in results],
        "startup": {name: timing.record() for name, timing in started.items()},
        "import_sqlalchemy_orm_s": round(orm, 3) if orm is not None else None,
        "bench_process_peak_rss_mb": round(peak_self, 1),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
