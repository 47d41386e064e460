"""Reading of inputs and dispositions against the hand-labelled GPA sample in bench/eval/gpa_inputs_*.py.

The compilation (table of inputs on the first draft) is read as `amendtrack import` reads it, and every
proposal on annex paragraphs 21–70 and the section headings II–IV is judged against the July draft.
Gold entries and our proposals are paired per (paragraph, delegation), the nearest lines of the
compilation first (both give the line an input starts on). Printed:

* extraction: precision, recall and F1 of the (paragraph, delegation) pairs, counted with repeats;
* operation agreement: the share of paired entries whose operation agrees;
* disposition agreement: the same for the disposition, leaving out pairs where either side says
  `unclear`, with the confusion matrix (gold in rows, ours in columns).

Targets (issue 17): extraction F1 ≥ 0.95, operation ≥ 0.85, disposition ≥ 0.90.

    python bench/eval_proposals.py [--show]
"""

from __future__ import annotations

import argparse
import runpy
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from amendtrack.compare.align import align  # noqa: E402
from amendtrack.compare.disposition import Disposer  # noqa: E402
from amendtrack.model.delegation import Registry  # noqa: E402
from amendtrack.read.compilation import read_compilation_file  # noqa: E402
from amendtrack.read.text import read_text_file  # noqa: E402

GPA = ROOT / "data" / "drafts" / "gpa-2010"
GOLD = sorted((ROOT / "bench" / "eval").glob("gpa_inputs_*.py"))
IN_SAMPLE = {str(n) for n in range(21, 71)} | {"II", "III", "IV"}
STATUSES = ("accepted", "partial", "not_reflected", "superseded", "unclear", "n/a")
TARGETS = {"extraction F1": 0.95, "operation": 0.85, "disposition": 0.90}

Entry = tuple[str, str, str, str, int, str]  # paragraph, delegation, operation, disposition, line, what


def gold() -> list[Entry]:
    """The hand-labelled entries, one per delegation of each (joint inputs count for each of their names)."""
    found = []
    for path in GOLD:
        for paragraph, delegations, operation, disposition, reason, where in runpy.run_path(str(path))["INPUTS"]:
            line = int(where.split()[-1])
            for delegation in delegations:
                found.append((paragraph, delegation, operation, disposition, line, reason))
    return found


def ours() -> list[Entry]:
    """amendtrack's proposals on the sample's paragraphs, with their dispositions in the July draft."""
    base = read_text_file(GPA / "01-first-draft.txt")
    july = read_text_file(GPA / "03-draft-2010-07-19.txt")
    proposals = read_compilation_file(GPA / "02-table-of-inputs-on-first-draft.txt", base, Registry.load())
    judge = Disposer(base, july, align(base, july), "the draft of 19 July 2010", proposals)
    found = []
    for proposal in proposals:
        if proposal.paragraph not in IN_SAMPLE:
            continue
        verdict = judge.dispose(proposal)
        for sponsor in proposal.sponsors:
            line = sponsor.source.line_start if sponsor.source else 0
            found.append(
                (proposal.paragraph, sponsor.delegation, proposal.operation, verdict.status, line, verdict.explanation)
            )
    return found


def paired(gold_entries: list[Entry], our_entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Gold and our entries of the same (paragraph, delegation), the nearest lines first and, at the same
    distance, the same operation first (one input read as two proposals pairs by what it asks)."""
    by_key: dict[tuple[str, str], list[Entry]] = {}
    for entry in our_entries:
        by_key.setdefault((entry[0], entry[1]), []).append(entry)
    pairs = []
    for key in {(g[0], g[1]) for g in gold_entries}:
        golds = [g for g in gold_entries if (g[0], g[1]) == key]
        candidates = sorted(
            (abs(g[4] - o[4]), g[2] != o[2], x, y)
            for x, g in enumerate(golds)
            for y, o in enumerate(by_key.get(key, []))
        )
        used_gold, used_ours = set(), set()
        for _distance, _other_operation, x, y in candidates:
            if x not in used_gold and y not in used_ours:
                pairs.append((golds[x], by_key[key][y]))
                used_gold.add(x)
                used_ours.add(y)
    return sorted(pairs, key=lambda pair: pair[0][4])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every pair that disagrees")
    show = parser.parse_args().show
    gold_entries, our_entries = gold(), ours()
    pairs = paired(gold_entries, our_entries)
    precision, recall = len(pairs) / len(our_entries), len(pairs) / len(gold_entries)
    f1 = 2 * precision * recall / (precision + recall)
    operation = sum(g[2] == o[2] for g, o in pairs) / len(pairs)
    judged = [(g, o) for g, o in pairs if "unclear" not in (g[3], o[3])]
    disposition = sum(g[3] == o[3] for g, o in judged) / len(judged)
    print(f"gold: {len(gold_entries)} (delegation, input) entries from {len(GOLD)} files; ours: {len(our_entries)}")
    print(f"extraction   P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}   ({len(pairs)} paired)")
    print(f"operation    {operation:.3f} of {len(pairs)} paired entries agree")
    print(f"disposition  {disposition:.3f} of {len(judged)} paired entries agree (unclear on either side left out)")
    print("\ndisposition confusion (gold rows, ours columns; all paired entries):")
    matrix = Counter((g[3], o[3]) for g, o in pairs)
    print(" " * 15 + "".join(f"{s[:12]:>13}" for s in STATUSES))
    for row in STATUSES:
        print(f"{row[:14]:15}" + "".join(f"{matrix[(row, col)]:13d}" for col in STATUSES))
    print("\noperation confusion (gold → ours, where they differ):")
    for (g, o), n in Counter((g[2], o[2]) for g, o in pairs if g[2] != o[2]).most_common():
        print(f"  {g:14} → {o:14} {n}")
    figures = {"extraction F1": f1, "operation": operation, "disposition": disposition}
    for name, target in TARGETS.items():
        print(
            f"{name}: {figures[name]:.3f}; target at least {target}: {'MET' if figures[name] >= target else 'NOT MET'}"
        )
    if show:
        _show(gold_entries, our_entries, pairs)
    return 0


def _show(gold_entries: list[Entry], our_entries: list[Entry], pairs: list[tuple[Entry, Entry]]) -> None:
    matched_gold = {id(g) for g, _ in pairs}
    matched_ours = {id(o) for _, o in pairs}
    print("\nunmatched gold:")
    for g in gold_entries:
        if id(g) not in matched_gold:
            print(f"  {g[0]:5} {g[1]:14} {g[2]:13} line {g[4]}: {g[5][:100]}")
    print("\nunmatched ours:")
    for o in our_entries:
        if id(o) not in matched_ours:
            print(f"  {o[0]:5} {o[1]:14} {o[2]:13} line {o[4]}")
    print("\ndisagreeing pairs:")
    for g, o in pairs:
        if g[2] != o[2] or g[3] != o[3]:
            print(f"  {g[0]:5} {g[1]:14} line {g[4]}/{o[4]}: gold {g[2]}/{g[3]}, ours {o[2]}/{o[3]}")
            print(f"        gold: {g[5][:160]}")
            print(f"        ours: {o[5][:160]}")


if __name__ == "__main__":
    raise SystemExit(main())
