"""The benchmark's synthetic negotiation (bench/synth.py): deterministic, and amendtrack reads what it writes."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from amendtrack.store.drafts import drafts_of, load_draft
from amendtrack.store.engine import engine_for
from amendtrack.store.importer import import_path
from amendtrack.store.lineage import lineage_rows
from amendtrack.store.proposals import load_proposals

SYNTH = Path(__file__).resolve().parent.parent / "bench" / "synth.py"
SIZE = {"paragraphs": 60, "drafts": 5, "proposals": 150, "delegations": 25}  # draft 5 is a renumbered one


@pytest.fixture(scope="module")
def synth():
    spec = importlib.util.spec_from_file_location("amendtrack_bench_synth", SYNTH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_the_same_seed_writes_the_same_files(synth, tmp_path: Path) -> None:
    synth.generate(tmp_path / "a", **SIZE, seed=7)
    synth.generate(tmp_path / "b", **SIZE, seed=7)
    synth.generate(tmp_path / "c", **SIZE, seed=8)
    first = digests(tmp_path / "a")
    assert len(first) == 2 * SIZE["drafts"] + 2  # drafts, their CSV inputs, manifest.toml, expected.json
    assert digests(tmp_path / "b") == first
    assert digests(tmp_path / "c") != first


def test_a_generated_negotiation_imports_and_aligns_as_generated(synth, tmp_path: Path) -> None:
    folder = tmp_path / "negotiation"
    expected = synth.generate(folder, **SIZE, seed=3)
    url = f"sqlite:///{tmp_path / 'synth.db'}"
    results = import_path(folder, url)

    drafts = [r for r in results if r.kind == "draft"]
    inputs = [r for r in results if r.kind == "inputs"]
    assert [r.status for r in results] == ["imported"] * len(results)
    assert [r.paragraphs for r in drafts] == [d["nodes"] for d in expected["drafts"]]
    assert [r.proposals for r in inputs] == [i["proposals"] for i in expected["inputs"]]
    assert sum(i["rows"] for i in expected["inputs"]) == SIZE["proposals"]

    engine = engine_for(url)
    try:
        with Session(engine) as session:
            key = expected["negotiation"]
            documents = drafts_of(session, key)
            for document, generated in zip(documents, expected["drafts"], strict=True):
                tree = load_draft(session, key, document.key)
                assert [node.label for node, _ in tree.walk()] == generated["labels"]
            renumbered = load_draft(session, key, documents[4].key)
            assert any(m.kind == "formerly" for node, _ in renumbered.walk() for m in node.markers)
            for old, new in zip(documents, documents[1:], strict=False):  # every consecutive pair aligned on import
                links = lineage_rows(session, old.id, new.id)
                to = [eid for link in links for eid in link.to_eids + link.placeholder_eids]
                assert sorted(to) == sorted(node.eid for node, _ in load_draft(session, key, new.key).walk())
            proposals = [p for _, p in load_proposals(session, key)]
            assert {p.operation for p in proposals} >= {"insert", "replace", "delete", "redraft", "new_paragraph"}
            words = [p for p in proposals if p.operation in ("insert", "replace", "delete", "redraft", "new_paragraph")]
            assert all(p.applied for p in words), [p.unapplied_reason for p in words if not p.applied]
    finally:
        engine.dispose()
