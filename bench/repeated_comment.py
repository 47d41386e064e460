"""One delegation repeating one comment 120,000 times: an 8.5 MB CSV inputs file (under the 10 MiB limit).

An independent probe found co-sponsor grouping quadratic on such a file (2,000 rows 1.8 s, 16,000 rows
147 s, 120,000 still running after 600 s). This prints, for 2,000 … 120,000 rows, the time to read the
file against the GPA first draft and group co-sponsors (what `import-inputs` does before it writes), the
growth per step, and the target *120,000 rows under 5 s* (`store.importer.read_proposals`: reading and
grouping as `import-inputs` does them); with `--store`, also the whole
`amendtrack import-inputs` into a fresh SQLite file.

    python bench/repeated_comment.py [--store]
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure the checkout's code

from amendtrack.read.files import read_draft_file  # noqa: E402
from amendtrack.store.importer import read_proposals  # noqa: E402

GPA = ROOT / "data" / "drafts" / "gpa-2010"
TARGET_ROWS, TARGET_SECONDS = 120_000, 5.0


def inputs_csv(rows: int) -> str:
    """`rows` times Japan's same comment on paragraph 26, as a CSV inputs file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["delegation", "paragraph", "operation", "anchor", "position", "old", "text", "rationale"])
    for _ in range(rows):
        writer.writerow(["Japan", "26", "comment", "", "", "", "", "We would like to know if this is agreed language."])
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="store_true", help="also time the whole import-inputs into SQLite")
    args = parser.parse_args()
    base = read_draft_file(GPA / "01-first-draft.txt")
    with tempfile.TemporaryDirectory() as work:
        previous = None
        for rows in (2_000, 8_000, 16_000, 120_000):
            path = Path(work) / f"repeated-{rows}.csv"
            path.write_text(inputs_csv(rows), encoding="utf-8")
            start = time.perf_counter()
            grouped, _ = read_proposals(path, base)  # as import-inputs reads a file, before it writes
            total = time.perf_counter() - start
            step = f"  ({total / previous:.1f}× the step before)" if previous else ""
            size = path.stat().st_size / 1e6
            print(f"{rows:>8,} rows ({size:4.1f} MB): read and grouped in {total:6.2f} s, "
                  f"{len(grouped):,} proposals{step}")  # fmt: skip
            previous = total
        verdict = "MET" if total < TARGET_SECONDS else "NOT MET"
        print(f"target: {TARGET_ROWS:,} rows read and grouped under {TARGET_SECONDS:g} s: {total:.2f} s: {verdict}")
        if args.store:
            db = Path(work) / "store.db"
            amendtrack = [sys.executable, "-m", "amendtrack", "--db", f"sqlite:///{db}"]
            subprocess.run([*amendtrack, "import", str(GPA)], check=True, capture_output=True)
            start = time.perf_counter()
            subprocess.run([*amendtrack, "import-inputs", str(path), "--negotiation", "gpa-2010", "--draft", "1"],
                           check=True, capture_output=True)  # fmt: skip
            print(f"amendtrack import-inputs of the {TARGET_ROWS:,} rows, stored: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
