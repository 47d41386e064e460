"""Time to align two versions of a synthetic treaty as its number of Articles doubles (100 to 800).

Containers (Articles, sections) are paired before their paragraphs by the likeness of all they hold,
and headings by their titles, so every old Article is set against every new one: this part grows with
the square of the Articles (real treaties and decisions hold tens of them). Each Article holds three
numbered paragraphs of 25 words drawn (seeded) from the GPA first draft's vocabulary; the second
version adds a word to about a third of the paragraphs. Reading is not timed; best of 3 runs.

    python bench/treaty_scale.py
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from amendtrack.compare.align import align  # noqa: E402
from amendtrack.read.files import read_draft_file  # noqa: E402

VOCABULARY = sorted(set(re.findall(r"[a-z]{4,}", (ROOT / "data/drafts/gpa-2010/01-first-draft.txt").read_text())))


def treaty(articles: int, rnd: random.Random) -> list[str]:
    """The lines of a Markdown treaty: a preamble of five recitals, then Articles of three paragraphs."""
    lines = ["## Preamble", ""]
    lines += [" ".join(rnd.choices(VOCABULARY, k=20)) + ",\n" for _ in range(5)]
    for number in range(1, articles + 1):
        lines += [f"## Article {number}", ""]
        lines += [f"{p}. " + " ".join(rnd.choices(VOCABULARY, k=25)) + ".\n" for p in range(1, 4)]
    return lines


def revised(lines: list[str], rnd: random.Random) -> list[str]:
    """The same treaty with a word added to about a third of its paragraphs."""
    out = []
    for line in lines:
        edit = line[:1].isdigit() and rnd.random() < 0.3
        out.append(f"{line[:-2]} {rnd.choice(VOCABULARY)}.\n" if edit else line)
    return out


def main() -> None:
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for articles in (100, 200, 400, 800):
            first = treaty(articles, random.Random(articles))
            second = revised(first, random.Random(articles + 1))
            paths = [Path(folder) / f"{articles}-{k}.md" for k in (1, 2)]
            for path, lines in zip(paths, (first, second), strict=True):
                path.write_text("\n".join(lines), encoding="utf-8")
            old, new = (read_draft_file(path) for path in paths)
            best = min(_timed(old, new) for _ in range(3))
            growth = f"  {best / previous:.2f}x the previous size" if previous else ""
            print(f"  {articles:4d} Articles  {best * 1000:8.0f} ms{growth}")
            previous = best


def _timed(old, new) -> float:  # noqa: ANN001 - drafts
    started = time.perf_counter()
    align(old, new)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
