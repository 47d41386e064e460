"""Properties of the readers, the alignment and the store, tested by Hypothesis on generated drafts.

How many examples: the profile loaded in tests/conftest.py ("ci": 2,000 per property; `pytest --slow`
or HYPOTHESIS_PROFILE=slow: 20,000). The redline round-trip (old text + redline = new text, on arbitrary
pairs) is tested in tests/test_redline.py under the same profile.

* The text reader never raises anything but InputError, on arbitrary text and on generated drafts
  with noise.
* The text reader keeps every word. Precisely: a generated draft is made of words and structure (a
  title block, labelled and unlabelled paragraphs, stacked labels, sub-paragraphs, section headings,
  editorial markers, bracketed text, Word balloons, and page furniture: page numbers, document
  symbols, job numbers, bar codes, rule lines). Every word (a run of letters or digits, compared
  case-insensitively, counted with repeats) of every line that is not page furniture by the reader's
  rule (amendtrack.read.ocr.is_furniture) is found in the tree: in the preface, or in a node's printed
  label (`num`), text, or markers (text and ref).
* Alignment accounts for every paragraph of both drafts exactly once (a new draft's placeholder such
  as "[Merged with paragraph 4]" counts as accounted for by the link that names it), on pairs of
  generated drafts: one derived from the other by edits, merges, splits, moves, deletions,
  insertions and markers, or two unrelated drafts.
* Import → export → import is the identity: a draft stored (`save_draft`, as `amendtrack import`
  does), exported as Akoma Ntoso (`draft_to_akn`, as `amendtrack export akn`), read back (`read_akn`)
  and stored again has the same `paragraphs --json` records (line numbers aside: they become the XML
  file's) and the same preface, persistent ids included.
"""

from __future__ import annotations

import copy
import itertools
import random
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amendtrack.compare.align import RELATIONS, align
from amendtrack.errors import InputError
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.read import ocr
from amendtrack.read.akn import read_akn
from amendtrack.read.text import read_draft_text
from amendtrack.render.akn import draft_to_akn
from amendtrack.store.drafts import load_draft, save_draft
from amendtrack.store.engine import create_schema, engine_for

# --- generated drafts, as text ---------------------------------------------------------------------------

PREFACE = ["United Nations", "Draft resolution"]  # the title block: no word of it is in VOCABULARY
VOCABULARY = (
    "Recalling",
    "Reaffirming",
    "States",
    "shall",
    "should",
    "victims",
    "trafficking",
    "persons",
    "Protocol",
    "cooperation",
    "Member",
    "report",
    "measures",
    "women",
    "children",
    "Urges",
    "Requests",
    "Decides",
    "further",
    "labour",
    "inspectors",
    "border",
    "officials",
    "Secretary-General",
    "non-discriminatory",
    "Côte",
    "d’Ivoire",
    "naïve",
    "ООН",
    "2030",
    "64",
    "2010",
)
PUNCTUATION = ("", "", "", ",", ";", ":", ".")
FURNITURE = ("12", "3/5", "A/RES/64/293", "V.19-09261", "*1909261*", "---------", "United Nations A/AC.254/L.1")
MARKERS = ("[Formerly PP2]", "[Merged with paragraph 3]", "[Paragraph deleted]", "[Language from A/RES/64/178]")
BRACKETED = ("[and principles / and aims]", "[as appropriate]", "[unclosed bracket")


def _phrases(count: int, seed: int) -> list[str]:
    """Fixed phrases of 1 to 5 words with their punctuation: drawing a phrase is one draw, not five."""
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(VOCABULARY) + rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 5)))
        for _ in range(count)
    ]


PHRASES = _phrases(400, 1)
phrase = st.sampled_from(PHRASES)
BALLOON_GLYPHS = ("- { ", "~ | ", "")


@st.composite
def paragraph_lines(draw: st.DrawFn, label: str | None, tag: str) -> list[str]:
    """One paragraph: optional label, a unique tag word, words, markers; wrapped; furniture and balloons inside."""
    words = [tag, *" ".join(draw(st.lists(phrase, min_size=1, max_size=4))).split()]
    for marker in draw(st.lists(st.sampled_from(MARKERS + BRACKETED), max_size=1)):
        words.insert(len(words) // 2, marker)
    width = draw(st.integers(2, 12))
    lines = [" ".join(words[k : k + width]) for k in range(0, len(words), width)]
    extra = draw(st.sampled_from(["", "", "", "furniture", "balloon"]))
    if extra == "furniture":  # a page break inside the paragraph
        lines.insert(len(lines) // 2 + 1, draw(st.sampled_from(FURNITURE)))
    elif extra == "balloon":  # a Word balloon: it takes the lines after it, up to a blank line, as its own text
        glyphs = draw(st.sampled_from(BALLOON_GLYPHS))
        lines.insert(len(lines) // 2 + 1, f"{glyphs}Deleted: {draw(phrase)}")
    if label is not None:
        if draw(st.integers(0, 4)) == 0:
            lines.insert(0, label)  # a label printed on its own line (stacked)
        else:
            lines[0] = f"{label} {lines[0]}"
    return lines


@st.composite
def drafts_as_text(draw: st.DrawFn) -> str:
    """A resolution draft: title block, PP1…, operative paragraphs with sub-paragraphs, a section heading or not."""
    tags = (f"tag{n}x" for n in itertools.count(1))  # one unique word per paragraph: no two lines alike
    blocks: list[list[str]] = []
    for n in range(1, draw(st.integers(1, 3)) + 1):
        printed = draw(st.sampled_from([f"PP{n}.", f"PP.{n}", f"PP {n}", f"PP{n}", None] if n > 1 else [f"PP{n}."]))
        blocks.append(draw(paragraph_lines(printed, next(tags))))
    for n in range(1, draw(st.integers(0, 4)) + 1):
        shape = draw(st.sampled_from(["plain", "plain", "lost", "heading", "subparagraphs"]))
        if shape == "heading":
            blocks.append([f"{ocr.to_roman(n)}. {draw(phrase)}"])
        blocks.append(draw(paragraph_lines(None if shape == "lost" else f"{n}.", next(tags))))
        if shape == "subparagraphs":
            for letter in "abc"[: draw(st.integers(1, 3))]:
                blocks.append(draw(paragraph_lines(f"({letter})", next(tags))))
    lines = [*PREFACE, ""]
    for block in blocks:
        lines.extend(block)
        separator = draw(st.sampled_from(["blank", "none", "furniture"]))
        if separator == "blank":
            lines.append("")
        elif separator == "furniture":
            lines.extend(["", draw(st.sampled_from(FURNITURE)), ""])
    return "\n".join(lines) + "\n"


def words_of(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[^\W_]+", text)]


def kept_words(draft: Draft) -> Counter[str]:
    """Every word the tree holds: preface, printed labels, texts, markers (text and ref)."""
    found: Counter[str] = Counter()
    for line in draft.preface:
        found.update(words_of(line))
    for node, _ in draft.walk():
        found.update(words_of(f"{node.num or ''} {node.text}"))
        for marker in node.markers:
            found.update(words_of(f"{marker.text} {marker.ref or ''}"))
    return found


STACKED_LABEL = re.compile(r"^(PP\s*\.?\s*\d+\.?|\d+\.|\([a-z]\))$")


def input_words(text: str) -> Counter[str]:
    """Every word of the input but those of page furniture and of labels printed alone on a line.

    The reader drops furniture by rule (ocr.is_furniture). A label alone on its line is a stacked
    label: structure, not words; it becomes a node's `num` when the reader matches it with the text
    that follows, and is dropped when no unlabelled text is left for it (the text went on the paragraph
    before it, as OCR of a margin column requires).
    """
    found: Counter[str] = Counter()
    for line in text.split("\n"):
        line = ocr.clean_line(line)
        if not ocr.is_furniture(line) and not STACKED_LABEL.match(line.strip()):
            found.update(words_of(line))
    return found


noise = st.sampled_from(
    ["\x00", "\x0c", "\t", "\r", "\u2028", "\ufeff", "ﬁ", "[", "]", "(", "_", "*", "|", "-", "\n\n"]
)


@st.composite
def noisy_drafts(draw: st.DrawFn) -> str:
    """A generated draft with control characters, brackets, glyphs and line breaks sprinkled in."""
    text = list(draw(drafts_as_text()))
    for _ in range(draw(st.integers(0, 12))):
        text.insert(draw(st.integers(0, len(text))), draw(noise))
    return "".join(text)


@given(st.one_of(st.text(), noisy_drafts(), st.lists(st.sampled_from(FURNITURE + MARKERS), max_size=5).map("\n".join)))
def test_text_reader_raises_only_input_error(text: str) -> None:
    try:
        draft = read_draft_text(text, "generated.txt")
    except InputError as exc:
        assert str(exc).startswith("generated.txt") and "\n" not in str(exc)
        return
    assert any(True for _ in draft.walk())


@given(drafts_as_text())
def test_text_reader_keeps_every_word_but_page_furniture(text: str) -> None:
    draft = read_draft_text(text, "generated.txt")
    missing = input_words(text) - kept_words(draft)
    assert not missing, f"lost {dict(missing)}"


# --- generated drafts, as trees ----------------------------------------------------------------------------

SENTENCES = ["", *(" ".join(PHRASES[k : k + n]) for k, n in zip(range(0, 400, 2), itertools.cycle([1, 2, 3])))]
sentence = st.sampled_from(SENTENCES)  # texts for trees: shared words make drafts comparable, one draw each


@st.composite
def nodes(draw: st.DrawFn, kind: str, label: str, eid: str, depth: int = 0) -> Paragraph:
    children: list[Paragraph] = []
    if depth == 0 and kind in ("preamble", "operative", "paragraph", "chapeau"):
        shape = draw(st.sampled_from(["", "", "", "ab", "abc", "items"]))
        child_kind = "item" if shape == "items" else "subparagraph"
        for letter in "ab" if shape == "items" else shape:
            children.append(draw(nodes(child_kind, f"{label}({letter})", f"{eid}__subpara_{letter}", depth + 1)))
    return Paragraph(label, kind, draw(sentence), eid, num=f"{label}.", children=children)


@st.composite
def draft_trees(draw: st.DrawFn, most: int = 6) -> Draft:
    """A draft tree: preambular paragraphs, then operative ones, some under section headings; or a report."""
    top: list[Paragraph] = []
    kind = draw(st.sampled_from(["operative", "operative", "paragraph", "recommendation"]))
    if kind == "operative":
        for n in range(1, draw(st.integers(0, most * 2 // 3)) + 1):
            top.append(draw(nodes("preamble", f"PP{n}", f"pp_{n}")))
    section: Paragraph | None = None
    for n in range(1, draw(st.integers(0, most)) + 1):
        if draw(st.integers(0, 3)) == 0:
            roman = ocr.to_roman(n)
            section = Paragraph(roman, "heading", draw(sentence), f"sec_{roman}", f"{roman}.")
            top.append(section)
        node = draw(nodes(kind, str(n), f"para_{n}"))
        (section.children if section is not None else top).append(node)
    return Draft(paragraphs=top, preface=list(PREFACE), source="generated.txt")


def relabel(draft: Draft) -> None:
    """Give every node a unique eid (derived drafts may repeat one)."""
    seen: Counter[str] = Counter()
    for node, _ in draft.walk():
        seen[node.eid] += 1
        if seen[node.eid] > 1:
            node.eid = f"{node.eid}_{seen[node.eid]}"


@st.composite
def derived_drafts(draw: st.DrawFn, old: Draft) -> Draft:
    """The next draft: paragraphs kept, reworded, renumbered, moved, merged (with a placeholder), split, deleted."""
    new = copy.deepcopy(old)
    blocks = [node for node, _ in new.walk() if node.kind not in ("heading", "subparagraph", "item")]
    for node in blocks:
        action = draw(
            st.sampled_from(["keep", "keep", "reword", "renumber", "delete", "placeholder", "merge", "split"])
        )
        siblings = _siblings(new, node)
        at = siblings.index(node)
        if action == "reword":
            node.text = f"{draw(sentence)} {node.text} {draw(sentence)}".strip()
        elif action == "renumber":
            node.label = f"{node.label}bis"
            node.eid = f"{node.eid}bis"
        elif action == "delete":
            siblings.remove(node)
        elif action == "placeholder":
            node.text, node.children = "", []
            node.markers = [Marker("deleted", "[Paragraph deleted]")]
        elif action == "merge" and at > 0:
            into = siblings[at - 1]
            into.text = f"{into.text} {node.text}".strip()
            node.text, node.children = "", []
            node.markers = [Marker("merged", f"[Merged with paragraph {into.label}]", into.label)]
        elif action == "split":
            half = len(node.text) // 2
            twin = Paragraph(f"{node.label}ter", node.kind, node.text[half:], f"{node.eid}ter", f"{node.label}ter.")
            node.text = node.text[:half]
            siblings.insert(at + 1, twin)
        if action in ("keep", "reword") and draw(st.integers(0, 5)) == 0:
            ref = draw(st.sampled_from([n.label for n, _ in old.walk()] or ["PP1"]))
            node.markers.append(Marker("formerly", f"[Formerly {ref}]", ref))
    if len(new.paragraphs) > 1 and draw(st.booleans()):
        i, j = draw(st.integers(0, len(new.paragraphs) - 1)), draw(st.integers(0, len(new.paragraphs) - 1))
        new.paragraphs[i], new.paragraphs[j] = new.paragraphs[j], new.paragraphs[i]
    for n in range(draw(st.integers(0, 2))):
        new.paragraphs.insert(
            draw(st.integers(0, len(new.paragraphs))),
            Paragraph(f"{n + 1}quater", "operative", draw(sentence), f"para_{n + 1}quater"),
        )
    relabel(new)
    return new


def _siblings(draft: Draft, node: Paragraph) -> list[Paragraph]:
    for parent, _ in draft.walk():
        if any(child is node for child in parent.children):
            return parent.children
    return draft.paragraphs


@st.composite
def draft_pairs(draw: st.DrawFn) -> tuple[Draft, Draft]:
    old = draw(draft_trees())
    new = draw(st.one_of(derived_drafts(old), draft_trees()))
    return old, new


@given(draft_pairs())
def test_alignment_accounts_for_every_paragraph_exactly_once(pair: tuple[Draft, Draft]) -> None:
    old, new = pair
    alignment = align(old, new)
    old_seen = Counter(id(p) for link in alignment.links for p in link.sources)
    new_seen = Counter(id(p) for link in alignment.links for p in link.targets + link.placeholders)
    assert old_seen == Counter(id(node) for node, _ in old.walk())
    assert new_seen == Counter(id(node) for node, _ in new.walk())
    for link in alignment.links:
        assert link.relation in RELATIONS and link.source in ("declared", "inferred")
        assert link.sources or link.targets
        assert 0.0 <= link.score <= 1.0 + 1e-9, link.to_dict()


# --- import → export → import ----------------------------------------------------------------------------

any_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@st.composite
def awkward_trees(draw: st.DrawFn) -> Draft:
    """A draft tree whose texts, printed labels, markers and brackets are arbitrary text (control characters too)."""
    draft = draw(draft_trees(most=3))  # small: each example is stored twice (the store writes row by row)
    for node, _ in draft.walk():
        aspect = draw(st.sampled_from(["", "", "text", "num", "marker", "bracket", "inferred"]))
        if aspect == "text":
            node.text = draw(any_text)
        elif aspect == "num":
            node.num = draw(st.none() | any_text)
        elif aspect == "marker":
            kind = draw(st.sampled_from(["formerly", "merged", "deleted", "note", "footnote", "facilitator_edit"]))
            node.markers = [Marker(kind, draw(any_text), draw(st.none() | any_text))]
        elif aspect == "bracket":
            start, end = draw(st.integers(0, 99)), draw(st.integers(0, 99))
            node.brackets = [
                Bracket(start, end, draw(any_text), draw(st.lists(any_text, max_size=2)), draw(st.booleans()))
            ]
        elif aspect == "inferred":
            node.label_inferred = True
    draft.preface = draw(st.lists(any_text, max_size=2))
    return draft


_counter = itertools.count(1)
_engine: list[Engine] = []


def engine() -> Engine:
    """One in-memory SQLite store for every example (each example uses negotiations of its own)."""
    if not _engine:
        _engine.append(engine_for("sqlite://"))
        with Session(_engine[0]) as session, session.begin():
            create_schema(session.connection())
    return _engine[0]


def records(draft: Draft) -> list[dict]:
    """`paragraphs --json` records without line numbers (an XML file has lines of its own)."""
    return [{k: v for k, v in r.items() if k not in ("line_start", "line_end")} for r in draft.records()]


@pytest.fixture(scope="module", autouse=True)
def dispose_engine() -> object:
    yield
    for e in _engine:
        e.dispose()


@given(st.one_of(awkward_trees(), drafts_as_text().map(lambda text: read_draft_text(text, "generated.txt"))))
def test_import_export_import_is_the_identity(draft: Draft) -> None:
    n = next(_counter)
    first_negotiation, again_negotiation = f"neg{n}", f"again{n}"
    with Session(engine()) as session, session.begin():
        save_draft(session, first_negotiation, "T", "d", "D", "2010-07-19", "draft", "d.txt", f"{n:064x}", draft)
        stored = load_draft(session, first_negotiation, "d")
        xml = draft_to_akn(stored, first_negotiation, "d", "D", "2010-07-19", "T")
        back = read_akn(xml, "d.xml")
        save_draft(session, again_negotiation, "T", "d", "D", "2010-07-19", "draft", "d.xml", f"{n:064x}", back)
        again = load_draft(session, again_negotiation, "d")
    assert records(again) == records(stored)
    assert again.preface == stored.preface
    assert [node.pid for node, _ in again.walk()] == [f"d:{node.eid}" for node, _ in draft.walk()]


# --- the disposition search ------------------------------------------------------------------------------

_WORDS = st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=12).map(" ".join)


@given(st.lists(_WORDS, min_size=1, max_size=25), _WORDS)
def test_most_alike_is_the_first_best_of_all_paragraphs(texts: list[str], proposed: str) -> None:
    """Disposer.most_alike reads only part of its index; its answer is that of scoring every paragraph."""
    from amendtrack.compare.disposition import Disposer

    nxt = Draft(
        [Paragraph(label=str(k + 1), kind="operative", text=t, eid=f"para_{k + 1}") for k, t in enumerate(texts)]
    )
    disposer = Disposer(nxt, nxt, None)
    score, node = disposer.most_alike(proposed)
    candidates = [n for n in nxt.paragraphs if n.text]
    if not candidates:
        assert node is None
        return
    expected = max(((disposer.likeness(proposed, n), k) for k, n in enumerate(candidates)), key=lambda t: (t[0], -t[1]))
    assert node is candidates[expected[1]]
    assert score == expected[0]
