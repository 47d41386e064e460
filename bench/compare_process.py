"""`amendtrack compare` as a whole process on the GPA pair, next to the `redlines` package as a whole process.

Run with ``python bench/compare_process.py`` (``pip install .[bench]`` first for `redlines`). A newcomer with
two drafts pays for a whole process: starting Python, importing, reading both files, aligning and
redlining, printing. Both tools are run that way, taking turns, on the same two files:

- ours: ``python -m amendtrack compare FIRST JULY`` (the redline printed), and with ``--html FILE``;
- theirs: a Python process that reads both files and prints ``Redlines(old, new).output_markdown``.

It prints the best and median wall-clock time of each and the ratio (target: ours faster than redlines).
Nothing is asserted: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GPA = ROOT / "data" / "drafts" / "gpa-2010"
FIRST, JULY = GPA / "01-first-draft.txt", GPA / "03-draft-2010-07-19.txt"
REDLINES = """
import sys
from redlines import Redlines
old = open(sys.argv[1], encoding="utf-8").read()
new = open(sys.argv[2], encoding="utf-8").read()
sys.stdout.write(Redlines(old, new).output_markdown)
"""


def run(command: list[str]) -> float:
    """Seconds one whole process takes, its output thrown away (a failure stops the bench)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the checkout's code, not an older installed copy
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def has_redlines() -> bool:
    try:
        import redlines  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=11, help="runs of each command (best and median printed)")
    repeats = max(1, parser.parse_args(argv).repeats)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "redline.html"
        commands = {
            "amendtrack compare (printed)": [sys.executable, "-m", "amendtrack", "compare", str(FIRST), str(JULY)],
            "amendtrack compare --html": [
                *[sys.executable, "-m", "amendtrack", "compare", str(FIRST), str(JULY)],
                *["--html", str(page), "--force"],
            ],
        }
        if has_redlines():
            commands["redlines (Markdown printed)"] = [sys.executable, "-c", REDLINES, str(FIRST), str(JULY)]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            run(command)  # warm the file cache and the bytecode before timing
        for _ in range(repeats):
            for name, command in commands.items():  # taking turns, so a slow moment hits both
                times[name].append(run(command))
    print(f"GPA 2010: {FIRST.name} → {JULY.name}, whole processes, best (median) of {repeats} runs taking turns")
    for name, seconds in times.items():
        print(f"  {name:<32}{min(seconds) * 1000:7.0f} ms ({statistics.median(seconds) * 1000:.0f} ms)")
    if "redlines (Markdown printed)" not in times:
        print("redlines: not installed (pip install .[bench]); no comparison")
        return 0
    ours, theirs = min(times["amendtrack compare (printed)"]), min(times["redlines (Markdown printed)"])
    verdict = "MET" if ours < theirs else "NOT MET"
    print(f"redlines / ours = {theirs / ours:.2f}x; target: ours faster than redlines as a whole process: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
