"""Near-identical advance and final versions of a report: built from real reports, checked against the truth.

A report's nodes are read from the sample data (the 2019 draft report of the Working Group on
Trafficking in Persons, its two addenda, the 2015 consolidated recommendations) and written out
again twice by a seeded random script that knows what it did:

- the **advance** version: an 'Advance unedited version' line and a limited-distribution masthead,
  one paragraph per line, as a Word file saved as text, or (in half the trials) as a PDF's text layer
  with a page number and the watermark 'Advance unedited version' at each page break, or, every other
  four trials, the watermark alone there (no page number beside it to tell it from a title);
- the **final** version: a general-distribution masthead with another date, in two trials of three a
  table of contents (its headings with their pages, after dot leaders or a tab), and editorial changes:
  a tenth of the paragraphs edited (a phrase added, a placeholder such as '[3rd and 4th]'
  resolved), and in two trials of three one numbered paragraph inserted or removed, so that
  every paragraph after it is renumbered. Every other trial writes the final as a PDF's text layer:
  lines wrapped, a blank line after each, the symbol and a page footer in the flow, also in the
  middle of a paragraph.

A scenario is wrong when an advance node is not linked one to one to its counterpart, or its
relation is not the truth's: 'same' (text and label kept), 'renumbered' (text kept, printed number
changed), 'modified' (text edited), 'deleted' (the removed paragraph); and when the inserted
paragraph is not 'new'. It prints the scenarios with errors and their first errors, and the count
per report.

    python bench/report_scenarios.py [--trials 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from amendtrack.compare.align import align  # noqa: E402
from amendtrack.model.tree import Draft  # noqa: E402
from amendtrack.read.files import read_draft_file  # noqa: E402
from amendtrack.read.structure import read_text  # noqa: E402

REPORTS = {
    "2019 L.1": ROOT / "data" / "drafts" / "wg-tip-2019" / "01-draft-report-L1.txt",
    "2019 L.1/Add.1": ROOT / "data" / "drafts" / "wg-tip-2019" / "02-draft-report-L1-Add1.txt",
    "2019 L.1/Add.2": ROOT / "data" / "drafts" / "wg-tip-2019" / "03-draft-report-L1-Add2.txt",
    "2015 consolidated": ROOT / "data" / "drafts" / "wg-tip-2015" / "01-consolidated-recommendations.txt",
}
INSERTED = "The Working Group also took note of the oral report of the Chair on the consultations held."
PLACEHOLDER = re.compile(r"\[([^\]]*\w[^\]]*)\]")  # '[3rd and 4th]', not '[...]'
TEXT_KINDS = ("paragraph", "recommendation", "item", "subparagraph", "heading", "section")


@dataclass
class Block:
    """One printed block of the report: what it prints, the text it carries, and where it stands."""

    kind: str
    number: str  # the printed number ('3', 'A', '(a)', 'Recommendation 4'), '' for none
    text: str
    level: int = 0
    edited: bool = False
    children: list[Block] = field(default_factory=list)


def blocks_of(draft: Draft) -> list[Block]:
    """The report's nodes as printed blocks, in order (sub-paragraphs flattened after their paragraph)."""
    found = []
    for node, _ in draft.walk():
        if node.kind not in TEXT_KINDS or not node.text.strip():
            continue
        last = node.label.replace(")", "").replace("(", " ").replace(".", " ").split()[-1]
        number = node.label if node.kind == "recommendation" else last
        level = node.label.count("(") if node.kind in ("item", "subparagraph") else 0
        found.append(Block(node.kind, number, " ".join(node.text.split()), level))
    return found


def edited(text: str) -> str:
    """An editorial change: a placeholder resolved where there is one, else a phrase added."""
    if PLACEHOLDER.search(text):
        return PLACEHOLDER.sub(r"\1", text)
    return text[:-1] + ", as appropriate" + text[-1] if text[-1:] in ".;:" else text + " as appropriate"


def printed(block: Block, number: str) -> list[str]:
    """The lines one block prints as, one paragraph per line."""
    if block.kind == "recommendation":
        return [number, block.text]
    if block.kind in ("heading", "section"):
        return [f"{number}. {block.text}" if number else block.text]
    if block.kind == "subparagraph" or number.isalpha():
        return [f"{'  ' * block.level}({number}) {block.text}"]
    return [f"{number}. {block.text}"]


def renumbered(blocks: list[Block], change: str, at: int) -> list[tuple[Block, str, bool]]:
    """The final's blocks with their printed numbers, one numbered paragraph inserted or removed at ``at``.

    The flag says whether the block is cited anew: a sub-paragraph of a renumbered paragraph is.
    """
    out, shift, shifted, removing = [], 0, False, False
    for index, block in enumerate(blocks):
        numbered = block.kind == "paragraph" and block.number.isdigit()
        if index == at and change == "insert":
            out.append((Block("paragraph", "", INSERTED), str(int(block.number)), False))
            shift = 1
        if index == at and change == "remove":
            shift, removing = -1, True  # with its sub-paragraphs
            continue
        if removing and block.kind in ("item", "subparagraph"):
            continue
        removing = False
        if block.kind not in ("item", "subparagraph"):
            shifted = numbered and shift != 0
        out.append((block, str(int(block.number) + shift) if numbered else block.number, shifted))
    return out


def masthead(final: bool) -> list[str]:
    if final:
        return ["Distr.: General", "2 October 2019", "Original: English"]
    return ["Advance unedited version", "Distr.: Limited", "11 September 2019", "Original: English"]


def contents(final: list[tuple[Block, str, bool]], style: str) -> list[str]:
    """The final's table of contents: its headings with their pages, after dot leaders ('leaders') or a tab
    (Word's tab leaders saved as text: 'tabs'); none for 'none'."""
    if style == "none":
        return []
    entries = [
        printed(Block(block.kind, number, edited(block.text) if block.edited else block.text), number)[0]
        for block, number, _ in final
        if block.kind in ("heading", "section")
    ]
    lines = ["Contents", "Page"]
    for k, entry in enumerate(entries):
        page = 2 + k // 3
        lines.append(f"{entry} {'.' * max(4, 70 - len(entry))} {page}" if style == "leaders" else f"{entry}\t{page}")
    return lines


def as_word(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def as_pdf(lines: list[str], rng: random.Random, running: list[str]) -> str:
    """A PDF's text layer: wrapped lines, a blank line after each, the running lines (a symbol and page
    number, or the advance version's 'Advance unedited version') at each page break, also mid-paragraph."""
    out, page, every = [], 1, rng.randint(25, 45)
    for line in lines:
        for part in textwrap.wrap(line, 84, break_on_hyphens=False) or [""]:
            out += [part + " ", ""]
            if len(out) // 2 >= every * page:
                page += 1
                out += ["", " "] + [f"{r.format(page=page)} \n" for r in running] + [" "]
        out += [" ", ""]
    return "\n".join(out)


FINAL_RUNNING = ["CTOC/COP/WG.4/2019/L.1", "{page}/9 V.19-09261"]
ADVANCE_RUNNING = ["{page}", "Advance unedited version"]  # a page number, and the watermark atop each page
WATERMARK_ONLY = ["Advance unedited version"]  # the watermark alone at each page break, no page number
LAYOUTS = (("word", "word"), ("word", "pdf"), ("pdf", "pdf"), ("pdf", "word"))  # advance's, final's
CONTENTS = ("leaders", "tabs", "none")  # the final's table of contents, four trials each in turn (see contents)


def versions(
    blocks: list[Block], rng: random.Random, trial: int
) -> tuple[str, str, list[tuple[Block, str, bool]], str]:
    """The advance and final texts, the final's blocks with their numbers, and the change made."""
    numbered = [i for i, b in enumerate(blocks) if b.kind == "paragraph" and b.number.isdigit()]
    change = ("insert", "remove", "none")[trial % 3] if numbered else "none"
    at = rng.choice(numbered[1:] or numbered) if numbered else -1
    for block in blocks:
        block.edited = rng.random() < 0.1 or PLACEHOLDER.search(block.text) and rng.random() < 0.5
    final = renumbered(blocks, change, at)
    advance = masthead(False) + [line for b in blocks for line in printed(b, b.number)]
    lines = masthead(True) + contents(final, CONTENTS[trial // len(LAYOUTS) % len(CONTENTS)])  # titles as edited
    for block, number, _ in final:
        text = edited(block.text) if block.edited else block.text
        lines += printed(Block(block.kind, number, text, block.level), number)
    layouts = LAYOUTS[trial % len(LAYOUTS)]
    running = ADVANCE_RUNNING if trial // len(LAYOUTS) % 2 == 0 else WATERMARK_ONLY
    advance_text = as_pdf(advance, rng, running) if layouts[0] == "pdf" else as_word(advance)
    final_text = as_pdf(lines, rng, FINAL_RUNNING) if layouts[1] == "pdf" else as_word(lines)
    return advance_text, final_text, final, change


def expected(block: Block, number: str, cited_anew: bool) -> str:
    if block.edited and edited(block.text) != block.text:
        return "modified"
    return "same" if number == block.number and not cited_anew else "renumbered"


def errors_of(old: Draft, new: Draft, blocks: list[Block], final: list[tuple[Block, str, bool]]) -> list[str]:
    """What the alignment got wrong, against what the script did (texts met twice are told apart by order)."""
    kept = {id(block): (block, number, anew) for block, number, anew in final}
    truths: dict[str, list[tuple[str | None, str]]] = {}
    for block in blocks:
        if id(block) not in kept:
            truths.setdefault(block.text, []).append((None, "deleted"))
            continue
        _, number, anew = kept[id(block)]
        want = edited(block.text) if block.edited else block.text
        truths.setdefault(block.text, []).append((want, expected(block, number, anew)))
    truth, seen = {}, {}
    for node, _ in old.walk():
        if node.kind in TEXT_KINDS:
            text = " ".join(node.text.split())
            ahead = truths.get(text, [])[seen.setdefault(text, 0) :]
            truth[id(node)], seen[text] = (ahead[0] if ahead else (None, "read otherwise")), seen[text] + 1
    wrong = []
    for link in align(old, new).links:
        for target in (t for t in link.targets if not link.sources and t.kind in TEXT_KINDS):
            if " ".join(target.text.split()) != INSERTED or link.relation != "new":
                wrong.append(f"{target.label} {link.relation} (in the final only)")
        for node in (n for n in link.sources if n.kind in TEXT_KINDS):
            want, relation = truth[id(node)]
            got = [" ".join(t.text.split()) for t in link.targets]
            if got != ([want] if want else []) or link.relation != relation:
                wrong.append(f"{node.label} -> {[t.label for t in link.targets]} {link.relation}, not {relation}")
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for name, path in REPORTS.items():
        rng, bad = random.Random(args.seed), 0
        blocks = blocks_of(read_draft_file(path))
        for trial in range(args.trials):
            advance, final_text, final, change = versions(blocks, rng, trial)
            wrong = errors_of(read_text(advance, "advance"), read_text(final_text, "final"), blocks, final)
            if wrong:
                bad += 1
                layout = "{} to {}".format(*LAYOUTS[trial % len(LAYOUTS)])
                print(f"  {name} trial {trial} ({change}, {layout}): {len(wrong)}: {wrong[:3]}")
        print(f"{name:18s} {bad} of {args.trials} scenarios with errors ({len(blocks)} blocks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
