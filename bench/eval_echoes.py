"""Echoes of the 2019 Working Group report against the hand-read sample in bench/eval/wg2019_echoes.py.

Within the report (one draft in three parts): of the pairs of recommendations the reader found
restated, how many `amendtrack echoes` reports (recall); of the recommendation pairs it reports,
how many the reader called restated, how many near misses (same topic, another ask), how many
borderline and how many the reader did not judge. Against the 2015 consolidated recommendations:
for the reader's thematic antecedents, whether the antecedent amendtrack gives is the reader's.

    python bench/eval_echoes.py
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from amendtrack.api import echoes, import_path  # noqa: E402

GOLD = ROOT / "bench" / "eval" / "wg2019_echoes.py"


def load():  # noqa: ANN201 - a module
    spec = importlib.util.spec_from_file_location("gold", GOLD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def number(label: str) -> int | None:
    return int(label.split()[1]) if label.startswith("Recommendation ") else None


def main() -> int:
    gold = load()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'wg.db'}"
        for name in ("wg-tip-2019", "wg-tip-2015"):
            import_path(ROOT / "data" / "drafts" / name, url)
        report = echoes(url, "wg-tip-2019", against=["wg-tip-2015"])
    found = {}
    antecedent = {}
    for row in report.rows:
        a, b = number(row.echo.first.label), number(row.echo.second.label)
        if row.kind == "within" and a is not None and b is not None:
            found[frozenset((a, b))] = row.echo.similarity
        elif row.kind == "antecedent" and a is not None:
            antecedent[a] = (row.echo.second.label, row.echo.similarity)
    restated = {frozenset((a, b)) for a, b, _ in gold.RESTATED}
    near = {frozenset((a, b)) for a, b, _ in gold.NOT_RESTATED}
    borderline = {frozenset((a, b)) for a, b, _ in gold.BORDERLINE}
    print(f"threshold {report.echo_threshold}; antecedents {report.antecedent_threshold}")
    print(f"restated pairs found: {len(restated & set(found))} of {len(restated)}")
    for a, b, why in gold.RESTATED:
        shown = f"{found[frozenset((a, b))]:.2f}" if frozenset((a, b)) in found else "not found"
        print(f"  {a:2d} ~ {b:2d}  {shown:9}  {why[:90]}")
    print(
        f"recommendation pairs reported: {len(found)}: restated {len(restated & set(found))}, "
        f"near misses {len(near & set(found))}, borderline {len(borderline & set(found))}, "
        f"not judged {len(set(found) - restated - near - borderline)}"
    )
    right = sum(1 for rec, label, _p, _w in gold.ANTECEDENTS_2015 if antecedent.get(rec, ("",))[0] == label)
    print(f"2015 antecedents: {right} of {len(gold.ANTECEDENTS_2015)} given as the reader's")
    for rec, label, _phrase, _why in gold.ANTECEDENTS_2015:
        ours = antecedent.get(rec)
        shown = f"{ours[0]} ({ours[1]:.2f})" if ours else "none at the threshold"
        print(f"  {rec:2d} -> {label:7}  ours: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
