"""Accessibility: axe-core (vendored in tests/vendor) finds no serious or critical violation on any page type."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli

from conftest import PAGE_TYPES

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
PAGES = PAGE_TYPES  # every kind of page the site writes
RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(cli, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "amendtrack-site"


@pytest.mark.parametrize("width", [1366, 390])
def test_no_page_type_has_a_serious_or_critical_violation(site: Path, width: int) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the accessibility test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    script = AXE.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in PAGES:
                page.goto((site / path).as_uri())
                page.add_script_tag(content=script)
                found[path] = page.evaluate(RUN)
        finally:
            browser.close()
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_the_redline_controls_are_reachable_by_keyboard(site: Path) -> None:
    """Tab reaches the filters and the next/previous buttons; Enter on 'Next change' moves to a change."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); the accessibility test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto((site / PAGES[3]).as_uri())
            reached = set()
            for _ in range(80):
                page.keyboard.press("Tab")
                reached.add(page.evaluate("document.activeElement.id || document.activeElement.className"))
                if "next-change" in reached:
                    break
            page.keyboard.press("Enter")
            where = page.inner_text("#where")
        finally:
            browser.close()
    assert {"filter", "changes-only", "previous-change", "next-change"} <= reached
    assert where.startswith("change 1 of ")
