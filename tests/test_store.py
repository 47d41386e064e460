"""The store: round trips on SQLite and PostgreSQL, persistent ids, lookups, engine set-up."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.store.drafts import list_documents, list_negotiations, load_draft, save_draft
from amendtrack.store.engine import create_schema, engine_for, require_schema, resolve_url
from amendtrack.store.tables import ParagraphRow

from conftest import build_draft

SHA_A = "a" * 64
SHA_B = "b" * 64


def save(url: str, draft: Draft | None, key: str = "first", sha: str = SHA_A, label: str = "First draft") -> None:
    """Save one draft in its own transaction."""
    engine = engine_for(url)
    try:
        with Session(engine) as session, session.begin():
            create_schema(session.connection())
            save_draft(session, "neg", "A negotiation", key, label, "2010-04-16", "draft", "hand.txt", sha, draft)
    finally:
        engine.dispose()


def load(url: str, ref: str) -> Draft:
    engine = engine_for(url)
    try:
        with Session(engine) as session:
            return load_draft(session, "neg", ref)
    finally:
        engine.dispose()


def with_pids(draft: Draft, doc_key: str) -> Draft:
    expected = copy.deepcopy(draft)
    for node, _parent in expected.walk():
        if node.pid is None:
            node.pid = f"{doc_key}:{node.eid}"
    return expected


def test_round_trip_rebuilds_the_same_tree(db_url: str, hand_draft: Draft) -> None:
    expected = with_pids(hand_draft, "first")
    save(db_url, hand_draft)
    loaded = load(db_url, "first")
    assert loaded == expected
    assert loaded.paragraphs[2].children[0].children[1].brackets[0].closed is False
    assert [m.kind for m in loaded.paragraphs[2].children[0].markers] == ["merged", "facilitator_edit"]


def test_both_backends_give_identical_json(sqlite_url: str, pg_url: str) -> None:
    save(sqlite_url, build_draft())
    save(pg_url, build_draft())
    dumped = [json.dumps(load(url, "1").records(), ensure_ascii=False, indent=2) for url in (sqlite_url, pg_url)]
    assert dumped[0] == dumped[1]
    assert '"pid": "older:pp_12"' in dumped[0]


def test_pids_positions_and_parents_are_stored(sqlite_url: str, hand_draft: Draft) -> None:
    save(sqlite_url, hand_draft)
    engine = engine_for(sqlite_url)
    with Session(engine) as session:
        rows = session.scalars(select(ParagraphRow).order_by(ParagraphRow.position)).all()
        by_id = {row.id: row for row in rows}
        assert [row.position for row in rows] == list(range(1, 8))
        assert [row.eid for row in rows] == [
            "pp_1",
            "pp_2bis",
            "sec_I",
            "para_42",
            "para_42__subpara_a",
            "para_42__subpara_b",
            "para_43",
        ]
        assert [by_id[row.parent_id].eid if row.parent_id else None for row in rows] == [
            None,
            None,
            None,
            "sec_I",
            "para_42",
            "para_42",
            "sec_I",
        ]
        assert rows[0].pid == "first:pp_1"
        assert rows[1].pid == "older:pp_12"  # a pid the tree already carries is kept
    engine.dispose()
    assert hand_draft.paragraphs[0].pid == "first:pp_1"  # and the given tree gets its pids too


def test_same_bytes_again_is_a_no_op(db_url: str) -> None:
    save(db_url, build_draft())
    engine = engine_for(db_url)
    try:
        with Session(engine) as session, session.begin():
            result = save_draft(session, "neg", "t", "other", "Other", None, "draft", "copy.txt", SHA_A, build_draft())
        assert result.status == "already_imported"
        assert result.existing_key == "first"
        assert result.message.startswith("already imported: neg/first from copy.txt (sha256 aaaaaaaaaaaa)")
        with Session(engine) as session:
            assert [d["key"] for d in list_documents(session)] == ["first"]
            assert session.query(ParagraphRow).count() == 7
    finally:
        engine.dispose()


def test_orders_lookups_and_listings(db_url: str) -> None:
    save(db_url, build_draft(), key="first", sha=SHA_A, label="First draft")
    second = Draft([Paragraph("1", "operative", "Decides", "para_1")], source="second.txt")
    save(db_url, second, key="second", sha=SHA_B, label="Draft of 19 July 2010")
    assert load(db_url, "second").paragraphs[0].pid == "second:para_1"
    assert load(db_url, "draft of 19 july 2010").paragraphs[0].text == "Decides"
    assert load(db_url, "2").paragraphs[0].eid == "para_1"
    assert load(db_url, "1").paragraphs[0].eid == "pp_1"
    with pytest.raises(InputError, match=r"negotiation 'neg' has no draft '3'.*1 first, 2 second"):
        load(db_url, "3")
    with pytest.raises(InputError, match=r"unknown negotiation 'nope' \(known: neg\)"):
        engine = engine_for(db_url)
        try:
            with Session(engine) as session:
                load_draft(session, "nope", "1")
        finally:
            engine.dispose()
    engine = engine_for(db_url)
    try:
        with Session(engine) as session:
            documents = list_documents(session, "neg")
            negotiations = list_negotiations(session)
    finally:
        engine.dispose()
    assert [(d["order"], d["key"], d["paragraphs"]) for d in documents] == [(1, "first", 7), (2, "second", 1)]
    assert documents[0] == {
        "negotiation": "neg",
        "key": "first",
        "label": "First draft",
        "date": "2010-04-16",
        "kind": "draft",
        "order": 1,
        "source_file": "hand.txt",
        "sha256": SHA_A,
        "paragraphs": 7,
        "parts": [],
    }
    assert negotiations == [{"key": "neg", "title": "A negotiation", "documents": 2}]


def test_same_key_with_other_bytes_is_refused(sqlite_url: str) -> None:
    save(sqlite_url, build_draft())
    with pytest.raises(InputError, match="already has a document 'first' with other content"):
        save(sqlite_url, build_draft(), key="first", sha=SHA_B)


def test_duplicate_eids_are_refused_before_writing(sqlite_url: str) -> None:
    draft = Draft(
        [Paragraph("1", "operative", "a", "para_1", line_start=3), Paragraph("1", "operative", "b", "para_1")]
    )
    with pytest.raises(InputError, match="duplicate paragraph eId 'para_1'"):
        save(sqlite_url, draft)


def test_engine_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("AMENDTRACK_DB", raising=False)
    assert resolve_url(None) == "sqlite:///amendtrack.db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("AMENDTRACK_DB", "sqlite:///from-env.db")
    assert resolve_url(None) == "sqlite:///from-env.db"
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"
    monkeypatch.delenv("AMENDTRACK_DB")
    monkeypatch.chdir(tmp_path)
    engine = engine_for(None)
    assert not (tmp_path / "amendtrack.db").exists()  # nothing is created before first use
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    engine.dispose()
    assert (tmp_path / "amendtrack.db").exists()


def test_bad_url_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a database URL"):
        engine_for("not a url")


def test_a_url_whose_driver_is_not_installed_is_an_input_error() -> None:
    """mysql:// needs MySQLdb, which amendtrack does not install: one line, not a traceback."""
    with pytest.raises(InputError, match="cannot open mysql databases: its driver MySQLdb is not installed"):
        engine_for("mysql://someone@localhost/negotiations")


def test_require_schema_never_creates_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    engine = engine_for(f"sqlite:///{path}")
    with pytest.raises(InputError, match="no such database"):
        require_schema(engine)
    assert not path.exists()


def test_schema_ddl_is_rolled_back_with_the_transaction(sqlite_url: str) -> None:
    engine = engine_for(sqlite_url)
    with pytest.raises(RuntimeError), Session(engine) as session, session.begin():
        create_schema(session.connection())
        raise RuntimeError("abort")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar() == 0
    engine.dispose()


# --- property: any tree survives the store ---------------------------------------------------------

safe_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> list[Paragraph]:
    count = draw(st.integers(0, 3 if depth else 5))
    nodes = []
    for _ in range(count):
        nodes.append(
            Paragraph(
                label=draw(safe_text),
                kind=draw(st.sampled_from(["preamble", "operative", "subparagraph", "item", "heading"])),
                text=draw(safe_text),
                eid="",  # numbered below so eIds are unique
                num=draw(st.none() | safe_text),
                label_inferred=draw(st.booleans()),
                markers=draw(st.lists(st.builds(Marker, safe_text, safe_text, st.none() | safe_text), max_size=2)),
                brackets=draw(
                    st.lists(
                        st.builds(
                            Bracket,
                            st.integers(0, 99),
                            st.integers(0, 99),
                            safe_text,
                            st.lists(safe_text, max_size=2),
                            st.booleans(),
                        ),
                        max_size=2,
                    )
                ),
                children=draw(trees(depth + 1)) if depth < 2 else [],
                line_start=draw(st.none() | st.integers(1, 10**6)),
                line_end=draw(st.none() | st.integers(1, 10**6)),
            )
        )
    return nodes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=trees(), preface=st.lists(safe_text, max_size=3))
def test_any_tree_round_trips_through_sqlite(paragraphs: list[Paragraph], preface: list[str]) -> None:
    draft = Draft(paragraphs=paragraphs, preface=preface, source="x.txt")
    for number, (node, _parent) in enumerate(draft.walk()):
        node.eid = f"n{number}"
    expected = with_pids(draft, "d")
    engine = engine_for("sqlite://")
    with Session(engine) as session, session.begin():
        create_schema(session.connection())
        save_draft(session, "neg", "t", "d", "D", None, "draft", "x.txt", SHA_A, draft)
        assert load_draft(session, "neg", "d") == expected
    engine.dispose()


def test_the_gpa_sample_reads_back_the_same_from_both_backends(sqlite_url: str, pg_url: str) -> None:
    """PostgreSQL stores rows with COPY, SQLite with INSERT: what comes back, and what is derived, is the same."""
    from amendtrack.api import align_drafts, dispositions
    from amendtrack.store.importer import import_path
    from amendtrack.store.proposals import load_proposals

    sample = Path(__file__).resolve().parent.parent / "data" / "drafts" / "gpa-2010"
    seen = []
    for url in (sqlite_url, pg_url):
        import_path(sample, url)
        engine = engine_for(url)
        try:
            with Session(engine) as session:
                trees = [load_draft(session, "gpa-2010", ref).records() for ref in ("1", "3")]
                proposals = [{"id": pid, **p.to_dict()} for pid, p in load_proposals(session, "gpa-2010")]
        finally:
            engine.dispose()
        links = [link.to_dict() for link in align_drafts(url, "gpa-2010", "1", "3").alignment.links]
        seen.append(json.dumps([trees, proposals, links, dispositions(url, "gpa-2010")], ensure_ascii=False))
    assert seen[0] == seen[1]
    assert len(json.loads(seen[0])[1]) == 574  # every proposal of the compilation made it, on both
