"""Agreed language at the scale of the UN's adopted texts: a synthetic corpus of 10,000 adopted documents.

The corpus (seeded, so every run is the same): 10,000 documents of about 3,000 words each (30 million
words), 30 paragraphs of about 100 words, drawn from a vocabulary of 30,000 made-up content words
(Zipf-distributed, as words are) between the English small words. Each document is stored as a
draft and registered as adopted through the store's own functions (store.drafts.save_draft,
store.provenance.register_adopted), 100 documents per transaction. Then a 100-paragraph draft is
stored whose paragraphs each carry two phrases of 10 to 16 words taken from random adopted
paragraphs (one of them with a word changed), among words of its own; `api.provenance` finds them.

Printed per backend (SQLite file; PostgreSQL on 127.0.0.1:5432 in a schema of its own, dropped after):
the time to store and index the corpus, the index's size (the shingle table and its indexes), the
provenance time for the draft (best of 3) with how many of its planted phrases were found, and the
peak memory of the process. Targets: build under 5 minutes, provenance under 2 s, memory under 1 GB.

    python bench/provenance_scale.py [--documents N] [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from amendtrack.api import provenance  # noqa: E402
from amendtrack.model.tree import Draft, Paragraph  # noqa: E402
from amendtrack.model.words import STOPWORDS  # noqa: E402
from amendtrack.store.drafts import document_id, save_draft  # noqa: E402
from amendtrack.store.engine import engine_for, ensure_schema  # noqa: E402
from amendtrack.store.provenance import register_adopted  # noqa: E402

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PARAGRAPHS, WORDS = 30, 100
SMALL = sorted(STOPWORDS)
SYLLABLES = [c + v for c in "bcdfghjklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


class Corpus:
    """Seeded made-up text: content words with a Zipf law, small words between them."""

    def __init__(self, seed: int = 1, vocabulary: int = 30_000):
        self.rng = random.Random(seed)
        words = {
            "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))) for _ in range(vocabulary * 2)
        }
        self.words = sorted(words)[:vocabulary]
        self.rng.shuffle(self.words)
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words))))

    def paragraph(self, size: int) -> str:
        content = self.rng.choices(self.words, cum_weights=self.cumulative, k=size)
        out = []
        for word in content:
            out.append(word)
            if self.rng.random() < 0.45:
                out.append(self.rng.choice(SMALL))
        return " ".join(out).capitalize() + "."

    def document(self, number: int) -> Draft:
        nodes = [
            Paragraph(label=str(k), kind="operative", text=self.paragraph(69), eid=f"para_{k}", num=str(k))
            for k in range(1, PARAGRAPHS + 1)
        ]
        return Draft(nodes, source=f"adopted-{number}.txt")


def build(url: str, documents: int) -> float:
    """Store and index the corpus; the seconds it took to write the documents and their shingles (made-up
    text is made between the batches, outside the time)."""
    corpus = Corpus()
    engine = engine_for(url)
    took = 0.0
    try:
        for first in range(0, documents, 100):
            batch = [(number, corpus.document(number)) for number in range(first, min(first + 100, documents))]
            started = time.perf_counter()
            with Session(engine) as session, session.begin():
                ensure_schema(session.connection())
                for number, draft in batch:
                    key = f"doc-{number}"
                    save_draft(session, "adopted", "Adopted texts", key, key, None, "draft", f"{key}.txt",
                               f"{number:064x}", draft)  # fmt: skip
                    register_adopted(session, document_id(session, "adopted", key), draft)
            took += time.perf_counter() - started
    finally:
        engine.dispose()
    return took


def draft_with_phrases(url: str, documents: int) -> list[str]:
    """Store a 100-paragraph draft carrying two planted phrases per paragraph; the phrases."""
    rng = random.Random(7)
    corpus = Corpus()
    planted, nodes = [], []
    sources = [(rng.randrange(documents), rng.randrange(PARAGRAPHS) + 1) for _ in range(200)]
    engine = engine_for(url)
    try:
        with Session(engine) as session:
            texts = {}
            for number, paragraph in sources:
                row = session.execute(
                    text(
                        "SELECT p.text FROM paragraph p JOIN document d ON d.id = p.document_id "
                        "WHERE d.key = :k AND p.label = :l"
                    ),
                    {"k": f"doc-{number}", "l": str(paragraph)},
                ).scalar_one()
                texts[(number, paragraph)] = row
        for k in range(100):
            pieces = []
            for number, paragraph in sources[2 * k : 2 * k + 2]:
                words = texts[(number, paragraph)].rstrip(".").split()
                size = rng.randint(10, 16)
                start = rng.randrange(len(words) - size)
                phrase = words[start : start + size]
                if len(planted) % 2:
                    phrase[size // 2] = "changed"  # a word of the phrase replaced: found as two parts or one
                planted.append(" ".join(phrase))
                pieces.append(" ".join(phrase))
            body = f"{corpus.paragraph(20)} {pieces[0]} {corpus.paragraph(20)} {pieces[1]} {corpus.paragraph(15)}"
            nodes.append(Paragraph(label=str(k + 1), kind="operative", text=body, eid=f"para_{k + 1}", num=str(k + 1)))
        with Session(engine) as session, session.begin():
            save_draft(
                session, "new", "A new draft", "draft", "Draft", None, "draft", "draft.txt", "f" * 64, Draft(nodes)
            )
    finally:
        engine.dispose()
    return planted


def index_size(url: str) -> int:
    """Bytes of the shingle table and its indexes."""
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                return int(connection.execute(text("SELECT pg_total_relation_size('shingle')")).scalar_one())
            names = ("shingle", "ix_shingle_hash", "sqlite_autoindex_shingle_1")
            query = text("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (:a, :b, :c)")
            return int(connection.execute(query, dict(zip("abc", names, strict=True))).scalar_one())
    finally:
        engine.dispose()


def run(url: str, name: str, documents: int) -> None:
    took = build(url, documents)
    planted = draft_with_phrases(url, documents)
    size = index_size(url)
    best, report = float("inf"), None
    for _ in range(3):
        started = time.perf_counter()
        report = provenance(url, "new", "draft", ["adopted"])
        best = min(best, time.perf_counter() - started)
    assert report is not None
    found = sum(1 for phrase in planted if any(f.text in phrase or phrase in f.text for f in report.found))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name:10} {documents:6d} documents ({documents * PARAGRAPHS * WORDS / 1e6:.0f}M words): "
          f"built in {took:6.1f} s, index {size / 2**20:7.1f} MiB, provenance {best:5.2f} s "
          f"({len(report.found)} phrases; {found} of {len(planted)} planted), peak memory {peak:6.0f} MiB")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{Path(folder) / 'adopted.db'}", "sqlite", args.documents)
    if args.backend in ("postgresql", "both"):
        import psycopg

        schema = f"amendtrack_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as admin:
            admin.execute(f'CREATE SCHEMA "{schema}"')
            try:
                run(f"{PG}?options=-csearch_path%3D{schema}", "postgresql", args.documents)
            finally:
                admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
