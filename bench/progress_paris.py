"""Time `amendtrack progress` on the five Paris Agreement texts of 2015 (target: under 2 s).

The five drafts are imported into a fresh SQLite database once (not timed); then `progress` runs as a
whole process, five times, and the best and median are printed, with what it counted.

    python bench/progress_paris.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpora" / "paris-2015"
FILES = ["01_23-oct-2015.md", "02_4-dec-2015.md", "03_9-dec-2015.md", "04_12-dec-2015.md", "05_final.md"]
TARGET = 2.0


def main() -> int:
    if not CORPUS.is_dir():
        print(f"the Paris corpus is not at {CORPUS}")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'paris.db'}"
        command = [sys.executable, "-m", "amendtrack", "--db", db]
        for name in FILES:
            subprocess.run([*command, "import", str(CORPUS / name), "--negotiation", "paris"], check=True,
                           capture_output=True)  # fmt: skip
        times, output = [], ""
        for _ in range(5):
            started = time.perf_counter()
            output = subprocess.run([*command, "progress", "paris", "--json"], check=True, capture_output=True,
                                    text=True).stdout  # fmt: skip
            times.append(time.perf_counter() - started)
    found = json.loads(output)
    for draft in found["drafts"]:
        print(f"  {draft['draft']:16} {draft['brackets']:5d} brackets {draft['option_groups']:3d} option groups")
    best, median = min(times), statistics.median(times)
    print(f"progress on 5 Paris drafts (whole process): best {best:.2f} s, median {median:.2f} s")
    print(f"target under {TARGET} s: {'MET' if median < TARGET else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
