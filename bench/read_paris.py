"""Time to read each Paris Agreement text of 2015 into its paragraph tree (target: under 0.5 s each).

Reads ../shared/corpora/paris-2015/*.md (the corpus is shared, never copied into the repository)
with `amendtrack.read.files.read_draft_file`, the whole reader from the file's bytes to the tree
(Markdown parsing, structure, labels, brackets). Each figure is the best and the median of
--repeats runs in this process; the first run of the first file also pays for importing the
Markdown parser, so it is run once before timing.

    python bench/read_paris.py [--repeats 9]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import amendtrack  # noqa: E402
from amendtrack.read.files import read_draft_file  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpora" / "paris-2015"
TARGET = 0.5  # seconds per draft


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    repeats = parser.parse_args().repeats
    files = sorted(CORPUS.glob("[0-9]*.md"))  # the drafts, not SOURCES.md
    if not files:
        print(f"the Paris corpus is not here ({CORPUS}): nothing to time")
        return 1
    print(f"amendtrack {amendtrack.__version__} from {Path(amendtrack.__file__).parent}")
    print(f"best (and median) of {repeats} runs per draft\n")
    read_draft_file(files[0])  # imports and warms the parser
    worst = 0.0
    for path in files:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            draft = read_draft_file(path)
            times.append(time.perf_counter() - started)
        nodes = sum(1 for _ in draft.walk())
        best = min(times)
        worst = max(worst, best)
        size, middle = path.stat().st_size // 1024, statistics.median(times)
        print(f"{path.name:22} {size:4d} KiB {nodes:4d} nodes  {best * 1000:7.1f} ms (median {middle * 1000:7.1f})")
    verdict = "MET" if worst < TARGET else "NOT MET"
    print(f"\nslowest draft {worst * 1000:.1f} ms; target under {TARGET * 1000:.0f} ms each: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
