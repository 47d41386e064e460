"""Decisions whose sections are dropped and reordered: built from real paragraphs, checked against the truth.

A decision is built from the numbered paragraphs of the Paris Agreement (final text), with their
sub-paragraphs, one section per Article under a short title, and a later version of it by a seeded
random script that knows what it did: some sections dropped, the rest kept in order, two swapped or
all shuffled, a fifth of the paragraphs edited ('shall' → 'should', ', as appropriate' before the
final stop); in every other trial the later version is a PDF's text layer (wrapped lines, a blank
line after each, the symbol and page number at each page break), except in Markdown. What comes before
the numbered paragraphs varies from trial to trial: a preamble (a formula and a recital), nothing (the
text opens on its first section's title), or a preamble and, in each section, a sentence ending in a
colon that opens it. Each scenario is written in five styles of title (a bare title line, a
Markdown heading, 'II. Title', lettered subsections 'A. Title' under parts 'I. Title' of three
sections each, so that a section moved far changes part, and bare titles under parts 'I. TITLE'),
with the paragraphs numbered on through the sections or afresh in each, and with an unlabelled preamble
(structure reader) or a PP-labelled one (resolution reader).

A scenario is wrong when a paragraph or section of a kept section is not linked one to one to its own
counterpart, one of a dropped section is not deleted, a section heading is paired with a node of
another kind, or, with the numbering afresh under titles without numerals, a paragraph is called
renumbered. It prints the scenarios with errors and their first errors, and the count per style.

    python bench/decision_scenarios.py [--trials 60] [--seed 1]

Needs ../shared/corpora/paris-2015/05_final.md; without it, it says so and stops.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from report_scenarios import as_pdf  # noqa: E402  (bench/, the script's own folder)

from amendtrack.compare.align import align  # noqa: E402
from amendtrack.model.tree import Draft  # noqa: E402
from amendtrack.read.files import read_draft_file  # noqa: E402
from amendtrack.read.structure import read_blocks, read_text  # noqa: E402
from amendtrack.read.structure.markdown import markdown_blocks  # noqa: E402

FINAL = ROOT / ".." / "shared" / "corpora" / "paris-2015" / "05_final.md"
TITLES = {
    2: "Purpose",
    4: "Mitigation",
    5: "Sinks and reservoirs",
    6: "Cooperative approaches",
    7: "Adaptation",
    8: "Loss and damage",
    9: "Finance",
    10: "Technology development and transfer",
    11: "Capacity-building",
    13: "Enhanced transparency framework",
    14: "Global stocktake",
    15: "Facilitating implementation and compliance",
}
ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV".split()
STYLES = ("plain", "markdown", "roman", "parts", "capsparts")
# 'parts': every three sections under a part ('I. Mitigation and adaptation'), each lettered ('A. Purpose');
# 'capsparts': the parts' titles in capitals ('I. MITIGATION AND ADAPTATION'), the sections' bare ('Purpose')
PARTS = ["Mitigation and adaptation", "Means of implementation", "Transparency and review", "Institutions"]
OPENINGS = ("preamble", "none", "chapeaus")  # what comes before each section's numbered paragraphs (see decision)
SUBS: dict[str, list[str]] = {}  # paragraph text → its sub-paragraphs, printed (a), (b) … under it


def sections_of(final: Draft) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Title → the texts of that Article's numbered paragraphs; paragraph text → its sub-paragraphs' texts."""
    found: dict[str, list[str]] = {}
    subs: dict[str, list[str]] = {}
    for node, parent in final.walk():
        if node.kind == "paragraph" and parent is not None and parent.kind == "article":
            title = TITLES.get(int(parent.label.split()[1]))
            if title:
                found.setdefault(title, []).append(node.text)
                subs[node.text] = [child.text for child in node.children if child.kind == "subparagraph"]
    return found, subs


def edited(text: str) -> str:
    return text.replace(" shall ", " should ", 1)[:-1] + ", as appropriate" + text[-1]


def chapeau(title: str) -> str:
    """The unnumbered sentence that opens a section in some scenarios, before its numbered paragraphs."""
    return f"The Working Group recommended the following on {title.lower()}:"


def decision(sections: dict[str, list[str]], titles: list[str], style: str, afresh: bool, labelled: bool,
             edits: frozenset[str] = frozenset(), opening: str = "preamble") -> str:  # fmt: skip
    """The decision's text; `opening`: 'preamble' (a formula and a recital before the first section), 'none'
    (the first section's title first), 'chapeaus' (a preamble, and each section opens with a sentence)."""
    recital = f"{'PP1 ' if labelled else ''}Recalling decision 1/CP.17 on the Durban Platform,"
    text, number = "" if opening == "none" else f"The Conference of the Parties,\n\n{recital}\n\n", 0
    for title in titles:
        number = 0 if afresh else number
        text += f"{heading(titles, title, style)}\n\n" + (f"{chapeau(title)}\n\n" if opening == "chapeaus" else "")
        for paragraph in sections[title]:
            number += 1
            text += f"{number}. {edited(paragraph) if paragraph in edits else paragraph}\n\n"
            text += "".join(f"({chr(97 + k)}) {sub}\n\n" for k, sub in enumerate(SUBS.get(paragraph, [])))
    return text


def heading(titles: list[str], title: str, style: str) -> str:
    """A section's heading in a style; in 'parts' a part's heading above every third section."""
    k = titles.index(title)
    if style == "parts":
        part = f"{ROMAN[k // 3]}. {PARTS[k // 3]}\n\n" if k % 3 == 0 else ""
        return f"{part}{chr(ord('A') + k % 3)}. {title}"
    if style == "capsparts":
        return (f"{ROMAN[k // 3]}. {PARTS[k // 3].upper()}\n\n" if k % 3 == 0 else "") + title
    return {"plain": title, "markdown": f"## {title}", "roman": f"{ROMAN[k]}. {title}"}[style]


def read(text: str, style: str, name: str) -> Draft:
    return read_blocks(markdown_blocks(text, name), name) if style == "markdown" else read_text(text, name)


def errors_of(sections: dict[str, list[str]], old: Draft, new: Draft, kept: set[str], afresh_plain: bool) -> list[str]:
    """What the alignment got wrong, against what the script did."""
    section_of = {text: title for title, texts in sections.items() for text in texts}
    section_of.update({sub: section_of[text] for text in section_of.copy() for sub in SUBS.get(text, [])})
    section_of.update({chapeau(title): title for title in sections})
    link_of = {id(node): link for link in align(old, new).links for node in link.sources}
    wrong = []
    for node, _ in old.walk():
        if node.kind in ("preamble", "chapeau") or node.text.title() in map(str.title, PARTS):  # a part: other sections
            continue
        link = link_of[id(node)]
        title = next((t for t in sections if node.text.endswith(t)), None) or section_of.get(node.text)
        if title not in kept:
            if link.relation != "deleted":
                wrong.append(f"{node.label} of a dropped section {link.relation}")
            continue
        if (
            len(link.targets) != 1
            or link.targets[0].text not in (node.text, edited(node.text))
            and not (link.targets[0].text.endswith(node.text))
        ):
            wrong.append(f"{node.label} -> {[t.label for t in link.targets]} {link.relation}")
        elif node.kind in ("section", "heading") and link.targets[0].kind != node.kind:
            wrong.append(f"{node.label} ({node.kind}) -> {link.targets[0].kind}")
        elif afresh_plain and link.relation == "renumbered":
            wrong.append(f"{node.label} renumbered by an inferred section label")
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not FINAL.exists():
        print(f"needs {FINAL} (the shared corpora): not found, nothing measured")
        return 0
    sections, subs = sections_of(read_draft_file(FINAL))
    SUBS.update(subs)
    titles = [t for t in TITLES.values() if t in sections]
    for style in STYLES:
        rng, bad = random.Random(args.seed), 0
        for trial in range(args.trials):
            afresh, labelled = trial % 2 == 0, trial % 3 == 0
            kept = [t for t in titles if rng.random() > 0.2]
            if trial % 4 == 0:
                rng.shuffle(kept)
            elif trial % 4 == 1 and len(kept) > 3:
                i, j = rng.sample(range(len(kept)), 2)
                kept[i], kept[j] = kept[j], kept[i]
            edits = frozenset(p for t in kept for p in sections[t] if rng.random() < 0.2)
            opening = OPENINGS[trial % 5 % len(OPENINGS)]
            old = read(decision(sections, titles, style, afresh, labelled, opening=opening), style, "old")
            later = decision(sections, kept, style, afresh, labelled, edits, opening)
            if style != "markdown" and trial % 2:  # the later version as a PDF's text layer
                blocks = [block for block in later.split("\n\n") if block.strip()]
                later = as_pdf(blocks, random.Random(trial), ["FCCC/CP/2015/L.9", "{page}/9 GE.15-21932"])
            new = read(later, style, "new")
            wrong = errors_of(sections, old, new, set(kept), afresh and style in ("plain", "markdown", "capsparts"))
            if wrong:
                bad += 1
                what = f"afresh={afresh}, PP-labelled={labelled}, {opening}"
                print(f"  {style} trial {trial} ({what}): {len(wrong)}: {wrong[:3]}")
        print(f"{style:9s} {bad} of {args.trials} scenarios with errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
