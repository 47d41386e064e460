"""Shared fixtures: databases on both backends, a hand-built draft, and stand-in readers.

The PostgreSQL fixture uses the server on 127.0.0.1:5432 (database `test`) for real: each test
gets a schema of its own, reached through the URL's search_path, dropped afterwards.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from amendtrack.errors import InputError
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Proposal, Source, Sponsor, apply
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.read import files

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_CONNINFO = "host=127.0.0.1 port=5432 dbname=test user=postgres connect_timeout=5"

# --- Hypothesis profiles and the hostile corpus summary -----------------------------------------------
# "ci" (the default) runs every property 2,000 times, "slow" 20,000 (`pytest --slow`, or
# HYPOTHESIS_PROFILE=slow), "dev" 200 for a quick local run. Tests that pin max_examples keep theirs.
settings.register_profile("ci", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("slow", max_examples=20000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="Hypothesis profile 'slow': 20,000 examples.")


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile("slow" if config.getoption("--slow") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After a run that included the hostile corpus (`pytest -m hostile`), print its count and outcomes."""
    outcomes: dict[str, int] = {}
    for status in ("passed", "failed", "xfailed", "xpassed", "skipped", "error"):
        for report in terminalreporter.stats.get(status, []):
            keywords = getattr(report, "keywords", {})
            if "hostile" in keywords and (report.when == "call" or status in ("skipped", "error")):
                outcomes[status] = outcomes.get(status, 0) + 1
    if outcomes:
        total = sum(outcomes.values())
        detail = ", ".join(f"{n} {status}" for status, n in outcomes.items())
        terminalreporter.write_line(f"hostile corpus: {total} cases ({detail})")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite database file (not created yet) in the test's temporary folder."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema, dropped after the test; skips when the server is not reachable."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_CONNINFO, autocommit=True)
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split())
        pytest.skip(f"PostgreSQL server not reachable on 127.0.0.1:5432: {reason}")
    schema = f"amendtrack_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            yield schema
        finally:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def pg_url(pg_schema: str) -> str:
    """A URL whose connections use their own schema (search_path) on the test server."""
    return f"{PG_ADMIN_URL}?options=-csearch_path%3D{pg_schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on SQLite and on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


def build_draft() -> Draft:
    """A small hand-built tree: headings, children, markers, brackets, an inferred label, a given pid."""
    return Draft(
        preface=["United Nations", "Draft resolution"],
        source="hand.txt",
        paragraphs=[
            Paragraph(
                label="PP1",
                kind="preamble",
                text="Guided by the purposes [and principles / and aims] of the Charter,",
                eid="pp_1",
                num="PP1.",
                brackets=[Bracket(23, 50, "[and principles / and aims]", ["and principles", "and aims"])],
                line_start=3,
                line_end=4,
            ),
            Paragraph(
                label="PP2bis",
                kind="preamble",
                text="Recalling the Millennium Declaration — “fight transnational crime”,",
                eid="pp_2bis",
                num="PP.2 bis",
                markers=[Marker("formerly", "[Formerly PP12]", "PP12")],
                line_start=6,
                line_end=6,
                pid="older:pp_12",
            ),
            Paragraph(
                label="I",
                kind="heading",
                text="Preventing trafficking in persons",
                eid="sec_I",
                num="I.",
                line_start=8,
                line_end=8,
                children=[
                    Paragraph(
                        label="42",
                        kind="operative",
                        text="Urge States to take measures",
                        eid="para_42",
                        num="42.",
                        markers=[
                            Marker("merged", "[Merged with paragraph 43]", "43"),
                            Marker("facilitator_edit", "Deleted: role", None),
                        ],
                        line_start=9,
                        line_end=11,
                        children=[
                            Paragraph("42(a)", "subparagraph", "to protect victims;", "para_42__subpara_a", "(a)"),
                            Paragraph(
                                "42(b)",
                                "subparagraph",
                                "to prosecute [traffickers",
                                "para_42__subpara_b",
                                "(b)",
                                brackets=[Bracket(13, 25, "[traffickers", [], closed=False)],
                            ),
                        ],
                    ),
                    Paragraph("43", "operative", "", "para_43", None, label_inferred=True, line_start=12, line_end=12),
                ],
            ),
        ],
    )


@pytest.fixture
def hand_draft() -> Draft:
    """A fresh copy of build_draft() (tests may mutate it)."""
    return build_draft()


FAKE_LINE = re.compile(r"^(?P<label>PP\d+|\d+|\([a-z]\))\s+(?P<text>.+)$")


def fake_read_draft_file(path: Path) -> Draft:
    """Stand-in for amendtrack.read.text.read_draft_file: 'PP1 text', '1 text', '(a) text' per line.

    Like the real reader it refuses bytes that are not text, naming the file.
    """
    data = Path(path).read_bytes()
    if b"\x00" in data:
        raise InputError(str(path), "not a text file (contains NUL bytes)")
    top: list[Paragraph] = []
    seen: set[str] = set()
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        match = FAKE_LINE.match(line.strip())
        if not match or (match["label"].startswith("(") and not top):
            continue
        label, text = match["label"], match["text"]
        if label.startswith("("):
            parent = top[-1]
            letter = label.strip("()")
            node = Paragraph(f"{parent.label}{label}", "subparagraph", text, f"{parent.eid}__subpara_{letter}", label)
            node.line_start = node.line_end = number
            if node.eid not in seen:  # crude, like the rest of this stand-in: a repeated label is dropped
                seen.add(node.eid)
                parent.children.append(node)
            continue
        kind, eid = ("preamble", f"pp_{label[2:]}") if label.startswith("PP") else ("operative", f"para_{label}")
        if eid not in seen:
            seen.add(eid)
            top.append(Paragraph(label, kind, text, eid, label, line_start=number, line_end=number))
    return Draft(paragraphs=top, source=Path(path).name)


FAKE_INPUT = re.compile(r"^(?P<who>[^:]+):\s*delete\s+(?P<label>\S+)\s*$")


def fake_read_compilation(path: Path, base: Draft, registry: Registry) -> list[Proposal]:
    """Stand-in for amendtrack.read.compilation.read_compilation_file: one 'Name: delete LABEL' per line."""
    proposals = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        match = FAKE_INPUT.match(line.strip())
        if not match:
            continue
        delegation = registry.resolve(match["who"])
        if delegation is None:
            raise InputError(str(path), f"unknown delegation {match['who']!r}", line=number)
        node = base.find(match["label"])
        proposal = Proposal(
            "delete",
            node.label if node else None,
            [Sponsor(delegation.name, "labelled", line.strip(), Source(str(path), number, number))],
        )
        proposals.append(apply(proposal, node.text if node else None))
    return proposals


@pytest.fixture
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Draft]:
    """Make the importer use fake_read_draft_file (and fake_read_compilation) instead of the real readers."""
    monkeypatch.setattr(files, "read_draft_file", fake_read_draft_file)
    monkeypatch.setattr(files, "read_compilation", fake_read_compilation)
    return fake_read_draft_file


@pytest.fixture
def negotiation_folder(tmp_path: Path) -> Path:
    """A negotiation folder with two drafts and one compilation of inputs, in the fake reader's format."""
    folder = tmp_path / "neg"
    folder.mkdir()
    (folder / "01-first.txt").write_text("PP1 Guided by the Charter,\n1 Decides to act;\n(a) swiftly;\n(b) fully;\n")
    (folder / "02-inputs.txt").write_text("USA: delete PP1\n")
    (folder / "03-second.txt").write_text("PP1 Guided by the Charter,\n1 Decides to act now;\n2 Requests a report.\n")
    (folder / "manifest.toml").write_text(
        """
[negotiation]
id = "neg"
title = "A test negotiation"

[[documents]]
id = "first"
label = "First draft"
date = "2010-04-16"
kind = "draft"
file = "01-first.txt"

[[documents]]
id = "inputs"
label = "Inputs on the first draft"
kind = "inputs"
against = "first"
file = "02-inputs.txt"

[[documents]]
id = "second"
label = "Second draft"
date = 2010-07-19
kind = "draft"
file = "03-second.txt"
""",
        encoding="utf-8",
    )
    return folder


PAGE_TYPES = [  # one page of every kind the site writes, in the demo site (browser tests open each)
    "index.html",
    "gpa-2010/index.html",
    "gpa-2010/dashboard.html",
    "gpa-2010/redline-first-draft-to-draft-2010-07-19.html",
    "gpa-2010/compilation-first-draft.html",
    "gpa-2010/delegation-japan.html",
    "gpa-2010/paragraph-first-draft-pp-4.html",
    "gpa-2010/agreed-draft-2010-07-19.html",
    "wg-tip-2019/echoes.html",
]
