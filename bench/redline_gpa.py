"""How fast amendtrack aligns and redlines the Global Plan of Action, next to `redlines` and `difflib`.

Run with ``python bench/redline_gpa.py`` (``pip install .[bench]`` first for `redlines`). It prints:

- our time to align and redline the whole first draft → 19 July 2010 draft in process
  (`amendtrack.compare.comparison.compare`; reading the two files is not counted), as a user gets it (the
  word diffs spread over the cores) and with every diff on one thread;
- the time the `redlines` package takes to diff the two whole texts and render its Markdown;
- the time Python's `difflib` takes on the same texts (word opcodes, and `ndiff` on lines);
- the ratios, with the target "ours at least 5x faster than redlines";
- our time when both drafts are scaled x2, x4, x8 (concatenated copies with renumbered labels),
  with the ratio per doubling and the target "at most 2.3x per doubling".

Every figure is the median of several runs. Nothing is asserted: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import gc
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure the checkout's code, not an older installed copy

import amendtrack  # noqa: E402
import amendtrack.compare.redline as redline_module  # noqa: E402
from amendtrack.compare.align import align  # noqa: E402
from amendtrack.compare.comparison import compare  # noqa: E402
from amendtrack.model import words  # noqa: E402
from amendtrack.model.tree import Draft, Paragraph, normalise_label  # noqa: E402
from amendtrack.read.text import read_text_file  # noqa: E402

GPA = ROOT / "data" / "drafts" / "gpa-2010"
FIRST, JULY = GPA / "01-first-draft.txt", GPA / "03-draft-2010-07-19.txt"
TARGET_VS_REDLINES = 5.0  # ours at least this many times faster than `redlines`
TARGET_PER_DOUBLING = 2.3  # our time may grow at most this much when the drafts double
SCALES = (1, 2, 4, 8)
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of several runs: the fastest (what the code costs; noise only adds) and the median."""

    best: float
    median: float

    def __truediv__(self, other: Timing) -> float:
        return self.best / other.best


def timing(work: Callable[[], object], repeats: int) -> Timing:
    """Run `work` `repeats` times and time it; before each run, garbage is collected and amendtrack's memo
    tables (stems of words, normalised labels) are emptied, so every run pays what a fresh process pays."""
    times = []
    for _ in range(repeats):
        words.forget()
        normalise_label.cache_clear()
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return Timing(min(times), statistics.median(times))


def whole_text(draft: Draft) -> str:
    """Every node's text in document order, one paragraph per block (what a whole-text diff sees)."""
    return "\n\n".join(node.text for node, _ in draft.walk() if node.text)


def relabel(label: str, copy_number: int) -> str:
    """The label of copy k: its first number offset by k*100 ('PP13' → 'PP213'), else ' k' appended ('IV' → 'IV 2')."""
    if copy_number == 0:
        return label
    if _NUMBER.search(label):
        return _NUMBER.sub(lambda m: str(int(m.group()) + 100 * copy_number), label, count=1)
    return f"{label} {copy_number}"


def _renumber(node: Paragraph, copy_number: int) -> None:
    node.label = relabel(node.label, copy_number)
    node.eid = f"{node.eid}__copy_{copy_number}" if copy_number else node.eid
    node.pid = None
    for marker in node.markers:
        if marker.ref and _NUMBER.search(marker.ref):  # "[Formerly PP12]", "[Merged with paragraph 42]"
            new_ref = relabel(marker.ref, copy_number)
            marker.text = marker.text.replace(marker.ref, new_ref)
            marker.ref = new_ref
    for child in node.children:
        _renumber(child, copy_number)


def scaled(draft: Draft, times: int) -> Draft:
    """The draft concatenated `times` times, copy k with its labels, eIds and marker references renumbered."""
    paragraphs: list[Paragraph] = []
    for k in range(times):
        for node in copy.deepcopy(draft.paragraphs):
            _renumber(node, k)
            paragraphs.append(node)
    return Draft(paragraphs, list(draft.preface), draft.source)


def verdict(met: bool) -> str:
    return "MET" if met else "NOT MET"


def line(label: str, measured: Timing, note: str = "") -> None:
    """One timing, aligned: label, best and median milliseconds, what was done."""
    print(f"{label:<48}{measured.best * 1000:8.1f} ms (median {measured.median * 1000:6.1f})  {note}".rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=15, help="runs per figure (best and median are printed)")
    repeats = max(1, parser.parse_args(argv).repeats)

    old, new = read_text_file(FIRST), read_text_file(JULY)  # not timed
    text_old, text_new = whole_text(old), whole_text(new)
    print(f"GPA 2010: {FIRST.name} ({sum(1 for _ in old.walk())} nodes) → {JULY.name} ({sum(1 for _ in new.walk())})")
    print(f"whole texts (every node's text, joined by blank lines): {len(text_old):,} → {len(text_new):,} characters")
    print(f"best (and median) of {repeats} runs; ratios and verdicts use the best run, since a shared machine's")
    print(f"noise only ever adds time; reading the files is not timed; code: {Path(amendtrack.__file__).parent}\n")

    comparison = compare(old, new)  # warm up, and show what the work produced
    ours = timing(lambda: compare(old, new), repeats)
    line("(a) amendtrack align + redline (compare)", ours, f"({len(comparison.rows)} links redlined)")
    alignment = align(old, new)
    line("    of which align", timing(lambda: align(old, new), repeats))
    line("    of which redline every link", timing(lambda: compare(old, new, alignment=alignment), repeats))
    workers = redline_module.DIFF_WORKERS
    redline_module.DIFF_WORKERS = 1
    try:
        one_thread = timing(lambda: compare(old, new), repeats)
    finally:
        redline_module.DIFF_WORKERS = workers
    line(
        "    the same, diffs on one thread",
        one_thread,
        f"(by default on {workers} threads: the C++ diff frees the GIL)",
    )

    try:
        from redlines import Redlines
    except ImportError:
        Redlines = None  # noqa: N806
    theirs = None
    if Redlines is not None:
        markdown = Redlines(text_old, text_new).output_markdown
        theirs = timing(lambda: Redlines(text_old, text_new).output_markdown, repeats)
        line("(b) redlines: Redlines(old, new).output_markdown", theirs, f"({len(markdown):,} chars of Markdown)")
    else:
        print("(b) redlines: not installed (pip install .[bench])")

    words_old, words_new = text_old.split(), text_new.split()
    opcodes = difflib.SequenceMatcher(None, words_old, words_new).get_opcodes()
    by_words = timing(lambda: difflib.SequenceMatcher(None, words_old, words_new).get_opcodes(), repeats)
    line(
        "(c) difflib: SequenceMatcher on words",
        by_words,
        f"({len(words_old):,} → {len(words_new):,} words, {len(opcodes)} opcodes)",
    )
    lines_old, lines_new = text_old.splitlines(), text_new.splitlines()
    by_lines = timing(lambda: list(difflib.ndiff(lines_old, lines_new)), repeats)
    line("    difflib: ndiff on lines", by_lines, f"({len(lines_old)} → {len(lines_new)} lines)")

    print()
    if theirs is not None:
        ratio = theirs / ours
        met = verdict(ratio >= TARGET_VS_REDLINES)
        print(f"(d) redlines / ours = {ratio:.2f}x; target ours ≥ {TARGET_VS_REDLINES:g}x faster than redlines: {met}")
        print(f"    redlines / ours with the diffs on one thread = {theirs / one_thread:.2f}x")
    print(f"    difflib words / ours = {by_words / ours:.2f}x; difflib ndiff / ours = {by_lines / ours:.2f}x")

    print("\n(e) both drafts scaled (concatenated copies, copy k's labels renumbered by k*100):")
    previous = None
    growth = []
    for times in SCALES:
        big_old, big_new = scaled(old, times), scaled(new, times)
        result = compare(big_old, big_new)
        elapsed = timing(lambda a=big_old, b=big_new: compare(a, b), max(9, repeats // times))
        note = f"({len(result.rows)} links)"
        if previous is not None:
            growth.append(elapsed / previous)
            note += f"  {growth[-1]:.2f}x the previous scale"
        line(f"    x{times}", elapsed, note)
        previous = elapsed
    worst = max(growth)
    met = verdict(worst <= TARGET_PER_DOUBLING)
    print(f"    worst growth per doubling = {worst:.2f}x; target at most {TARGET_PER_DOUBLING:g}x per doubling: {met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
