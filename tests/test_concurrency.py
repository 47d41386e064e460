"""Concurrent use: 8 processes importing and setting overrides at once lose nothing and duplicate nothing.

The processes are real (Python subprocesses calling the library, as the command line does) and
meet at a barrier of files, so their transactions overlap. The retry helper is also tested on its
own against what databases really answer: SQLite's "database is locked" and PostgreSQL's
deadlock (40P01), serialization failure (40001) and unique violation (23505).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from amendtrack.store.engine import engine_for, retry_reason, retrying
from amendtrack.store.importer import import_path
from amendtrack.store.tables import (
    AlignmentRow,
    DelegationRow,
    DocumentRow,
    NegotiationRow,
    OverrideRow,
    ParagraphRow,
    ProposalRow,
)

WORKERS = 8

# One worker, for each database in turn: wait for the others, import a draft and the inputs on it into
# the shared negotiation, wait again, then set an override on each of its own proposals and on the
# first proposal of all. (One set of processes serves both databases: starting Python is the cost.)
WORKER = r"""
import json, logging, sys, time
from pathlib import Path
from sqlalchemy import select
from sqlalchemy.orm import Session
from amendtrack.store.importer import import_inputs, import_path
from amendtrack.store.tables import DocumentRow, ProposalRow
from amendtrack.store.engine import engine_for
from amendtrack.api import set_disposition

urls, barrier, me = json.loads(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
draft, inputs = Path(sys.argv[4]), Path(sys.argv[5])
retries = []

class Count(logging.Handler):
    def emit(self, record):
        retries[-1].append(record.getMessage().split(";")[0])

logging.getLogger("amendtrack.store.tables").addHandler(Count())
logging.getLogger("amendtrack.store.tables").setLevel(logging.INFO)

def meet(stage):
    (barrier / f"{stage}-{me}").touch()
    deadline = time.monotonic() + 60
    while len(list(barrier.glob(f"{stage}-*"))) < WORKERS:
        if time.monotonic() > deadline:
            sys.exit(f"worker {me}: the others never reached {stage}")
        time.sleep(0.002)

reports = []
for n, url in enumerate(urls):  # one database after the other, every worker at once on each
    retries.append([])
    meet(f"start{n}")
    started = time.monotonic()
    [result] = import_path(draft, url, negotiation="shared", label=f"Draft {me}")
    assert result.status == "imported", result.message
    result = import_inputs(inputs, url, "shared", f"draft-{me}", label=f"Inputs {me}")
    assert result.status == "imported" and result.proposals == 3, result.message
    meet(f"imported{n}")
    engine = engine_for(url)
    with Session(engine) as session:
        mine = session.scalars(
            select(ProposalRow.id).join(DocumentRow, DocumentRow.id == ProposalRow.document_id)
            .where(DocumentRow.key == f"inputs-{me}").order_by(ProposalRow.id)
        ).all()
        first = session.scalar(select(ProposalRow.id).order_by(ProposalRow.id).limit(1))
    engine.dispose()
    for proposal_id in mine:
        set_disposition(url, proposal_id, "partial", f"worker {me}")
    set_disposition(url, first, "accepted", f"contested by {me}")
    reports.append({"mine": list(mine), "retries": retries[-1], "seconds": time.monotonic() - started})
print(json.dumps(reports))
""".replace("WORKERS", str(WORKERS))

DRAFT = """PP1. Guided by the purposes and principles of the Charter of the United Nations,

PP2. Recalling its resolution 64/178 of 18 December 2009, as adopted in meeting {k},

1. Decides to strengthen coordination against trafficking in persons;

2. Requests the Secretary-General to report on the matter under item {k}.
"""
INPUTS = """delegation,paragraph,operation,anchor,position,old,text,rationale
USA,PP1,insert,Charter of the United Nations,after,,and the Universal Declaration {k},
Japan,OP1,replace,,,strengthen,improve ({k}),
Norway,OP2,comment,,,,,Which item is meant ({k})?
"""


def run_workers(urls: list[str], tmp_path: Path) -> list[list[dict]]:
    """Start the workers together and wait for all of them; each must finish cleanly. Reports by database."""
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    children = []
    for k in range(1, WORKERS + 1):
        draft, inputs = tmp_path / f"draft-{k}.txt", tmp_path / f"inputs-{k}.csv"
        draft.write_text(DRAFT.format(k=k), encoding="utf-8")
        inputs.write_text(INPUTS.format(k=k), encoding="utf-8")
        command = [sys.executable, "-c", WORKER, json.dumps(urls), str(barrier), str(k), str(draft), str(inputs)]
        children.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    finished = [child.communicate(timeout=300) for child in children]  # all of them: a failure shows its cause
    failed = [
        f"worker {k}: {err.strip()}"
        for k, (child, (_, err)) in enumerate(zip(children, finished, strict=True), 1)
        if child.returncode
    ]
    assert not failed, "\n".join(failed)
    reports = []
    for out, err in finished:
        assert "Traceback" not in err, err
        reports.append(json.loads(out))
    return [[worker[n] for worker in reports] for n in range(len(urls))]


@pytest.fixture
def both_urls(request: pytest.FixtureRequest, sqlite_url: str) -> list[str]:
    """One SQLite file, and the PostgreSQL server when it is reachable."""
    try:
        return [sqlite_url, request.getfixturevalue("pg_url")]
    except pytest.skip.Exception:
        return [sqlite_url]


def test_eight_processes_import_and_set_overrides_at_once(both_urls: list[str], tmp_path: Path) -> None:
    """From an empty database: schema, negotiation, delegations and order numbers are all contended."""
    for url, reports in zip(both_urls, run_workers(both_urls, tmp_path), strict=True):
        retries = Counter(reason for report in reports for reason in report["retries"])
        slowest = max(report["seconds"] for report in reports)
        print(f"{url.split(':')[0]}: slowest worker {slowest:.1f} s, retries: {dict(retries) or 'none'}")
        check_shared(url, reports)


def check_shared(db_url: str, reports: list[dict]) -> None:
    """Every worker's documents, proposals and overrides are there, once; order numbers and lineage whole."""
    engine = engine_for(db_url)
    with Session(engine) as session:
        assert session.scalars(select(NegotiationRow.key)).all() == ["shared"]  # one, not several
        documents = session.scalars(select(DocumentRow).order_by(DocumentRow.seq)).all()
        assert [d.seq for d in documents] == list(range(1, 2 * WORKERS + 1))  # no order number lost or doubled
        assert len({d.sha256 for d in documents}) == 2 * WORKERS
        assert sorted(d.key for d in documents) == sorted(
            [f"draft-{k}" for k in range(1, WORKERS + 1)] + [f"inputs-{k}" for k in range(1, WORKERS + 1)]
        )
        for document in documents:  # each inputs document comes after its draft
            if document.kind == "inputs":
                draft = next(d for d in documents if d.key == document.key.replace("inputs", "draft"))
                assert draft.seq < document.seq
        paragraphs = Counter(session.scalars(select(ParagraphRow.document_id)).all())
        assert all(paragraphs[d.id] == 4 for d in documents if d.kind == "draft")

        # every draft is aligned with the draft before it: no lineage lost to a concurrent import
        drafts = [d.id for d in documents if d.kind == "draft"]
        pairs = {(a.from_document_id, a.to_document_id) for a in session.scalars(select(AlignmentRow))}
        assert pairs == set(zip(drafts, drafts[1:], strict=False))

        proposals = session.scalars(select(ProposalRow).order_by(ProposalRow.id)).all()
        assert len(proposals) == 3 * WORKERS
        assert sorted(session.scalars(select(DelegationRow.name)).all()) == ["Japan", "Norway", "USA"]

        overrides = {o.proposal_id: (o.status, o.note) for o in session.scalars(select(OverrideRow))}
        first = proposals[0].id
        assert set(overrides) == {p.id for p in proposals}  # every override stored, each once (its key)
        assert overrides[first][0] == "accepted" and overrides[first][1].startswith("contested by ")
        for k, report in enumerate(reports, start=1):
            assert len(report["mine"]) == 3
            for proposal_id in report["mine"]:
                if proposal_id != first:
                    assert overrides[proposal_id] == ("partial", f"worker {k}")
    engine.dispose()


# --- the retry helper against real database answers ----------------------------------------------------


def test_retrying_runs_again_when_sqlite_says_locked(sqlite_url: str) -> None:
    engine = engine_for(sqlite_url)  # a deferred BEGIN: its snapshot goes stale when another process writes
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE counter (n INTEGER)")
        connection.exec_driver_sql("INSERT INTO counter VALUES (0)")
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    attempts: list[int] = []
    errors: list[str] = []

    def work() -> None:
        attempts.append(1)
        with engine.begin() as connection:
            n = connection.exec_driver_sql("SELECT n FROM counter").scalar()
            if len(attempts) == 1:
                other.execute("UPDATE counter SET n = n + 100")  # another process commits in between
            try:
                connection.exec_driver_sql(f"UPDATE counter SET n = {n + 1}")
            except DBAPIError as exc:
                errors.append(str(exc.orig))
                raise

    retrying(work, sleep=lambda _s: None)
    assert errors == ["database is locked"] and len(attempts) == 2
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT n FROM counter").scalar() == 101  # neither write lost
    other.close()
    engine.dispose()


@pytest.fixture
def pg_table(pg_url: str) -> str:
    engine = engine_for(pg_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (id integer PRIMARY KEY, n integer NOT NULL)")
        connection.exec_driver_sql("INSERT INTO t VALUES (1, 0), (2, 0)")
    engine.dispose()
    return pg_url


def values(url: str) -> list[int]:
    engine = engine_for(url)
    with engine.connect() as connection:
        found = list(connection.exec_driver_sql("SELECT n FROM t ORDER BY id").scalars())
    engine.dispose()
    return found


def test_retrying_resolves_a_real_postgresql_deadlock(pg_table: str, caplog: pytest.LogCaptureFixture) -> None:
    engine = engine_for(pg_table)
    meet = threading.Barrier(2)
    attempts: Counter[int] = Counter()
    failures: list[BaseException] = []

    def transfer(first: int, second: int) -> Callable[[], None]:
        def once() -> None:
            attempts[first] += 1
            with engine.begin() as connection:
                connection.exec_driver_sql("SET LOCAL deadlock_timeout = '50ms'")
                connection.execute(text("UPDATE t SET n = n + 1 WHERE id = :id"), {"id": first})
                if attempts[first] == 1:
                    meet.wait(timeout=10)  # both hold one row and want the other's: a deadlock
                connection.execute(text("UPDATE t SET n = n + 10 WHERE id = :id"), {"id": second})

        return once

    def run(work: Callable[[], None]) -> None:
        try:
            retrying(work)
        except BaseException as exc:  # reported below
            failures.append(exc)

    caplog.set_level(logging.INFO, logger="amendtrack.store.engine")
    threads = [threading.Thread(target=run, args=(transfer(a, b),)) for a, b in ((1, 2), (2, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    engine.dispose()
    assert failures == []
    assert sum(attempts.values()) == 3  # the deadlock's victim ran once more
    assert any(r.getMessage().startswith("deadlock;") for r in caplog.records)
    assert values(pg_table) == [11, 11]  # both transfers applied once


def test_retrying_runs_again_after_a_postgresql_serialization_failure(pg_table: str) -> None:
    engine = engine_for(pg_table)
    attempts: list[str] = []

    def work() -> None:
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
            with connection.begin():
                n = connection.exec_driver_sql("SELECT n FROM t WHERE id = 1").scalar()
                if not attempts:
                    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as other:
                        other.exec_driver_sql("UPDATE t SET n = n + 100 WHERE id = 1")
                try:
                    connection.execute(text("UPDATE t SET n = :n WHERE id = 1"), {"n": n + 1})
                except DBAPIError as exc:
                    attempts.append(retry_reason(exc) or "not retried")
                    raise
            attempts.append("committed")

    retrying(work, sleep=lambda _s: None)
    engine.dispose()
    assert attempts == ["serialization failure", "committed"]
    assert values(pg_table)[0] == 101


def test_a_lasting_unique_violation_is_retried_twice_then_reported(pg_url: str) -> None:
    engine = engine_for(pg_url)
    with engine.begin() as connection:
        NegotiationRow.__table__.create(connection)
        connection.execute(NegotiationRow.__table__.insert().values(key="gpa", title="GPA"))
    calls: list[int] = []

    def duplicate() -> None:
        calls.append(1)
        with engine.begin() as connection:
            connection.execute(NegotiationRow.__table__.insert().values(key="gpa", title="again"))

    with pytest.raises(IntegrityError):
        retrying(duplicate, sleep=lambda _s: None)
    engine.dispose()
    assert len(calls) == 3


def test_errors_the_database_does_not_ask_to_retry_are_raised_at_once(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    import_path(negotiation_folder, sqlite_url)
    engine = engine_for(sqlite_url)
    calls: list[int] = []

    def duplicate() -> None:
        calls.append(1)
        with engine.begin() as connection:
            connection.execute(NegotiationRow.__table__.insert().values(key="neg", title="again"))

    with pytest.raises(IntegrityError) as caught:
        retrying(duplicate)
    engine.dispose()
    assert calls == [1] and retry_reason(caught.value) is None
