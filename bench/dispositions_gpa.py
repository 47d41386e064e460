"""How long amendtrack takes to decide the disposition of every proposal in the GPA compilation.

Run with ``python bench/dispositions_gpa.py``. It reads the first draft, the compilation of
inputs and the 19 July 2010 draft (not timed), aligns the two drafts once (timed apart), then
times the dispositions of all proposals against the July draft, best and median of several
runs, and prints the target: under 1 second.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure the checkout's code, not an older installed copy

from amendtrack.compare.align import align  # noqa: E402
from amendtrack.compare.disposition import Disposer  # noqa: E402
from amendtrack.model.delegation import Registry  # noqa: E402
from amendtrack.read.compilation import read_compilation_file  # noqa: E402
from amendtrack.read.text import read_text_file  # noqa: E402

GPA = ROOT / "data" / "drafts" / "gpa-2010"
TARGET = 1.0  # seconds for all dispositions


def times(work, repeats: int) -> list[float]:  # noqa: ANN001
    found = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        work()
        found.append(time.perf_counter() - start)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    repeats = max(1, parser.parse_args(argv).repeats)
    base = read_text_file(GPA / "01-first-draft.txt")
    july = read_text_file(GPA / "03-draft-2010-07-19.txt")
    proposals = read_compilation_file(GPA / "02-table-of-inputs-on-first-draft.txt", base, Registry.load())
    aligning = times(lambda: align(base, july), repeats)
    alignment = align(base, july)

    def decide() -> list:
        judge = Disposer(base, july, alignment, "the draft of 19 July 2010", proposals)
        return [judge.dispose(p) for p in proposals]

    verdicts = decide()
    deciding = times(decide, repeats)
    counts = Counter(v.status for v in verdicts)
    print(f"GPA 2010: {len(proposals)} proposals on the first draft, judged against the draft of 19 July 2010")
    print(f"best (and median) of {repeats} runs; reading the files is not timed\n")
    for label, measured in (("align first draft → July draft", aligning), ("all dispositions", deciding)):
        best, median = min(measured) * 1000, statistics.median(measured) * 1000
        print(f"{label:<35}{best:8.1f} ms (median {median:6.1f})")
    print("  " + ", ".join(f"{n} {status}" for status, n in counts.most_common()))
    met = "MET" if max(deciding) < TARGET else "NOT MET"
    print(f"\ntarget: all dispositions under {TARGET:g} s (every run): {met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
