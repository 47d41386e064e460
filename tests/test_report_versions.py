"""Near-identical advance and final versions of a report: read alike from Word text and a PDF's text layer,
and aligned paragraph for paragraph (bench/report_scenarios.py builds them from the sample reports)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from amendtrack.model.tree import Draft
from amendtrack.read.structure import read_text
from amendtrack.read.text.labels import roman_heading

ROOT = Path(__file__).resolve().parents[1]
L1 = ROOT / "data" / "drafts" / "wg-tip-2019" / "01-draft-report-L1.txt"
CONSOLIDATED = ROOT / "data" / "drafts" / "wg-tip-2015" / "01-consolidated-recommendations.txt"


def _scenarios():  # noqa: ANN202 - a module
    spec = importlib.util.spec_from_file_location("report_scenarios", ROOT / "bench" / "report_scenarios.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("report_scenarios", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def nodes(draft: Draft) -> list[tuple[str, str, str]]:
    return [(node.kind, node.label, " ".join(node.text.split())) for node, _ in draft.walk()]


def test_a_date_is_never_a_section_heading() -> None:
    assert roman_heading("11 September 2019") is None  # OCR's '11' for II needs its stop
    assert roman_heading("1 July 2010") is None
    assert roman_heading("11. Prevention").number == 2 and roman_heading("II Prevention").number == 2


def test_an_advance_version_masthead_leaves_the_sections_as_they_were() -> None:
    text = L1.read_text(encoding="utf-8")
    masthead = "Advance unedited version\n\nDistr.: Limited\n\n11 September 2019\n\nOriginal: English\n\n"
    advance = read_text(masthead + text, "advance.txt")
    assert nodes(advance) == nodes(read_text(text, "L1.txt"))
    assert nodes(advance)[0] == ("heading", "I", "Introduction")
