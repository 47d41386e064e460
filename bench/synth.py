"""A deterministic synthetic negotiation: N paragraphs, D drafts, P proposals from up to K delegations.

Run with ``python bench/synth.py OUT --paragraphs 2000 --drafts 20 --proposals 20000 --delegations 193``.
It writes a negotiation folder that ``amendtrack import OUT`` reads: ``manifest.toml``, the D drafts
as plain text (``01-draft-01.txt`` …) and, after each draft, the delegations' proposals on it as a
CSV inputs document in the README's format (``02-inputs-on-draft-01.csv`` …), plus ``expected.json``
(what the generator made: nodes and labels per draft, rows and proposals per inputs file), which
amendtrack never reads.

The text is UN-style and drawn from the sample drafts in ``data/drafts`` (their clauses and
vocabulary, read with amendtrack's own reader): a General Assembly resolution with preambular
paragraphs (``PP1.``), operative paragraphs (``1.``) and an annex in sections (``I. Title``) of
numbered paragraphs, some with sub-paragraphs (``(a)``). Between drafts the text is edited as
negotiators do: rewording, bis paragraphs, deletions (``[Paragraph deleted]``), merges (``[Merged with
paragraph N]``), splits, moves, brackets put in and taken out, some proposals of the previous round
taken up, and every fourth draft a clean renumbering (``[Formerly PP12]``).

``N`` counts the nodes of the first draft's tree (headings, paragraphs and sub-paragraphs), as
``amendtrack drafts`` counts paragraphs. Everything depends on the seed only: the same arguments
give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the checkout's amendtrack, not an older installed copy

from amendtrack.model.delegation import Registry  # noqa: E402
from amendtrack.model.proposal import find_span  # noqa: E402
from amendtrack.read.text import read_text_file  # noqa: E402

SEEDS = ROOT / "data" / "drafts"
SUFFIXES = ("bis", "ter", "quater", "quinquies")
LETTERS = "abcdefgh"
WIDTH = 92  # characters per line, as a word processor's PDF export wraps them
FIRST_DATE = dt.date(2026, 1, 12)
RENUMBER_EVERY = 4  # every fourth draft is a clean, renumbered text

PREAMBLE_VERBS = (
    "Recalling", "Reaffirming", "Recognizing", "Noting with concern", "Welcoming", "Bearing in mind",
    "Acknowledging", "Emphasizing", "Stressing", "Reiterating", "Taking note of", "Mindful of",
    "Expressing concern about", "Guided by", "Convinced of", "Considering", "Noting with appreciation",
)  # fmt: skip
OPERATIVE_VERBS = (
    "Urges", "Calls upon", "Requests", "Encourages", "Decides", "Invites", "Welcomes", "Stresses",
    "Reaffirms", "Emphasizes", "Notes with concern", "Recommends", "Underlines", "Requests the Secretary-General to",
)  # fmt: skip
ANNEX_VERBS = (
    "Ensure", "Promote", "Strengthen", "Take measures to address", "Encourage", "Support", "Develop",
    "Enhance", "Adopt", "Provide", "Consider", "Establish", "Improve", "Integrate", "Review",
)  # fmt: skip
SUB_VERBS = ("To strengthen", "To promote", "To ensure", "To support", "To develop", "To consider", "To review")
RATIONALES = (
    "We would like to know if this is agreed language.",
    "Agreed language from the Trafficking Protocol; we prefer to keep it as it stands.",
    "This duplicates another paragraph of the annex.",
    "Our delegation needs more time to consult capital on this paragraph.",
    "The reference should be to the resolution adopted most recently.",
    "Please align this wording with the Convention.",
    "We can accept this paragraph if the brackets are removed.",
    "This goes beyond the mandate of the Working Group.",
)
# Words a line must not start with, or the reader would take the line for a label, heading or bullet.
_RISKY_START = re.compile(
    r"^(?:\d|PP|\(|\[|[IVXLl1]+[.,\-]?$|[LlIS]\d{0,2}[.,]|annex|recommendation|deleted|formatted|[eo]$|[a-z][.)]|[-•·«»=!*–<.])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")


# --- the corpus ------------------------------------------------------------------------------------


@dataclass
class Corpus:
    """Clauses, words and section titles of the sample drafts."""

    clauses: list[str]
    words: list[str]  # lower-case content words
    titles: list[str]


def _clean(text: str) -> str:
    """Text safe to reprint: no brackets, markers, footnote digits, asterisks or dangling hyphens."""
    text = re.sub(r"\[[^\]]*\]?|[\]*_{}|<>]", " ", text)
    text = re.sub(r"\b\w+-(?=\s)", " ", text)
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    text = re.sub(r'"', "", text)
    text = re.sub(r"\b(Deleted|Formatted)\b", lambda m: m.group(1).lower(), text)  # read as Word balloons
    return " ".join(text.split())


def load_corpus() -> Corpus:
    """Read every sample draft (not the compilation) and cut its paragraphs into clauses."""
    clauses: dict[str, None] = {}
    words: dict[str, None] = {}
    titles: dict[str, None] = {}
    for path in sorted(SEEDS.glob("*/*.txt")):
        if "table-of-inputs" in path.name:
            continue
        for node, _ in read_text_file(path).walk():
            text = _clean(node.text)
            if node.kind == "heading":
                if 2 <= len(text.split()) <= 10 and text[:1].isupper() and not re.search(r"\d", text):
                    titles[text.rstrip(".")] = None
                continue
            for piece in re.split(r"[;:,]\s+|\.\s+(?=[A-Z])", text):
                piece = piece.strip(" .;:,")
                count = len(piece.split())
                if 4 <= count <= 22 and piece[:1].isalpha() and not re.match(r"^[a-z]\)|^\w\.", piece):
                    clauses[piece] = None
            for word in _WORD.findall(text):
                if word.islower() and len(word) > 3:
                    words[word] = None
    for noun in ("international cooperation", "the protection of victims", "data collection and research",
                 "regional mechanisms", "capacity-building", "the role of civil society", "financial flows",
                 "the follow-up to the Plan of Action", "the implementation of the Protocol"):  # fmt: skip
        titles[f"Strengthening {noun}"] = None
        titles[f"Promoting {noun}"] = None
    return Corpus(list(clauses), list(words), list(titles))


# --- the negotiated text ------------------------------------------------------------------------


@dataclass
class Para:
    """One paragraph as the generator keeps it: part, text, sub-paragraphs and what this draft says about it."""

    uid: int
    part: str  # pp, op, annex
    text: str
    subs: list[str] = field(default_factory=list)
    section: int = 0  # annex: the section it sits in
    number: int = 0
    suffix: str = ""
    placeholder: str | None = None  # "[Paragraph deleted]", "[Merged with paragraph 42]"
    formerly: str | None = None  # the label it had in the draft before, when it changed

    @property
    def label(self) -> str:
        """The label amendtrack's reader gives it: PP4, OP2bis, 26."""
        core = f"{self.number}{self.suffix}"
        return {"pp": "PP", "op": "OP", "annex": ""}[self.part] + core

    def sub_labels(self) -> list[str]:
        return [f"{self.label}({LETTERS[k]})" for k in range(len(self.subs))]

    def ref(self) -> str:
        """How a marker names it: '[Merged with paragraph 42]' for the annex, else the label."""
        return f"paragraph {self.label}" if self.part == "annex" else self.label


@dataclass
class Text:
    """A whole draft: the paragraphs in order (each knows its part and section) and the section titles."""

    paras: list[Para]
    titles: list[str]  # annex section titles, by section number - 1
    annex_title: str
    title: str


@dataclass
class _Target:
    """What a proposal is made on: a paragraph (or one of its sub-paragraphs: its label and text), and the draft's
    top-level paragraphs and labels."""

    para: Para
    label: str
    base: str
    tops: list[Para]
    labels: set[str]


# The operations of the synthetic proposals, and their shares (in this order: the random draws depend on it).
OPERATIONS = ("insert", "replace", "delete", "redraft", "new_paragraph", "comment", "move", "merge", "split")
OPERATION_SHARES = (25, 20, 12, 10, 9, 10, 4, 4, 6)


def _roman(number: int) -> str:
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += digits
            number -= value
    return out


class Generator:
    """The whole negotiation, draft after draft, from one random.Random(seed)."""

    def __init__(self, paragraphs: int, drafts: int, proposals: int, delegations: int, seed: int):
        if paragraphs < 30:
            raise ValueError("at least 30 paragraphs")
        if not 1 <= drafts <= 99:
            raise ValueError("between 1 and 99 drafts")
        self.n, self.d, self.p, self.seed = paragraphs, drafts, proposals, seed
        self.random = random.Random(seed)
        self.corpus = load_corpus()
        states = [d for d in Registry.load() if d.kind == "member_state"]
        chosen = self.random.sample(states, min(max(delegations, 1), len(states)))
        self.delegations = chosen
        # A few delegations speak often, most rarely (a Zipf-like share of the proposals).
        self.weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(chosen))]
        self.next_uid = 0
        self.fresh: set[int] = set()  # paragraphs new in the draft being written: not deleted, merged or moved yet

    # --- words -------------------------------------------------------------------------------

    def _uid(self) -> int:
        self.next_uid += 1
        return self.next_uid

    def clause(self) -> str:
        """A clause of the corpus with a word or two changed, so paragraphs do not repeat each other."""
        words = self.random.choice(self.corpus.clauses).split()
        for _ in range(self.random.randint(0, 2)):
            k = self.random.randrange(len(words))
            if words[k].islower() and len(words[k]) > 3:
                words[k] = self.random.choice(self.corpus.words)
        text = " ".join(words)
        first = words[0]
        if first[:1].isupper() and first.lower() in self._lower:
            text = first.lower() + text[len(first) :]
        return text

    @property
    def _lower(self) -> set[str]:
        if not hasattr(self, "_lower_words"):
            self._lower_words = set(self.corpus.words)
        return self._lower_words

    def body(self, clauses: int) -> str:
        parts = [self.clause() for _ in range(clauses)]
        joiners = [", ", ", including ", " and ", ", in particular ", ", as well as "]
        text = parts[0]
        for part in parts[1:]:
            text += self.random.choice(joiners) + part
        return text

    def paragraph_text(self, part: str, subs: bool, last: bool = False) -> str:
        verb = self.random.choice({"pp": PREAMBLE_VERBS, "op": OPERATIVE_VERBS, "annex": ANNEX_VERBS}[part])
        end = ":" if subs else ("," if part == "pp" else ("." if last else ";"))
        return f"{verb} {self.body(self.random.randint(2, 4))}{end}"

    def sub_texts(self, count: int) -> list[str]:
        return [f"{self.random.choice(SUB_VERBS)} {self.body(self.random.randint(2, 3))};" for _ in range(count)]

    # --- the first draft -------------------------------------------------------------------------

    def first_text(self) -> Text:
        n = self.n
        pp = max(5, min(60, round(0.04 * n)))
        op = max(3, min(120, round(0.06 * n)))
        sections = max(2, min(18, n // 150))
        sub_share = 0.3 if n <= 2400 else 0.6
        paras: list[Para] = []
        nodes = 1 + sections  # the annex heading and the section headings
        for k in range(pp):
            paras.append(Para(self._uid(), "pp", self.paragraph_text("pp", False), number=k + 1))
            nodes += 1
        for k in range(op):
            subs = self.sub_texts(self.random.randint(2, 5)) if self.random.random() < 0.25 else []
            paras.append(Para(self._uid(), "op", self.paragraph_text("op", bool(subs)), subs, number=k + 1))
            nodes += 1 + len(subs)
        remaining = max(n - nodes, sections)
        annex: list[Para] = []
        while remaining > 0:
            count = self.random.randint(2, 6) if self.random.random() < sub_share else 0
            count = min(count, remaining - 1)
            count = 0 if count < 2 else count
            annex.append(Para(self._uid(), "annex", self.paragraph_text("annex", bool(count)), self.sub_texts(count)))
            remaining -= 1 + count
        if len(annex) > 900:
            raise ValueError(f"{n} paragraphs make {len(annex)} annex paragraphs; the reader numbers at most 999")
        per_section = len(annex) / sections
        for k, para in enumerate(annex):
            para.number = k + 1
            para.section = min(int(k / per_section), sections - 1)
        paras.extend(annex)
        titles = self.random.sample(self.corpus.titles, min(sections, len(self.corpus.titles)))
        while len(titles) < sections:
            titles.append(f"{self.random.choice(self.corpus.titles)} ({len(titles) + 1})")
        return Text(paras, titles, "Plan of Action", f"Synthetic negotiation (seed {self.seed})")

    # --- edits between drafts -----------------------------------------------------------------------

    def next_text(self, text: Text, taken: list[tuple[Para, str]], renumber: bool) -> Text:
        """The draft after `text`: proposals taken up, rewording, brackets, insertions, deletions, merges…"""
        rnd = self.random
        self.fresh = set()
        paras = [self._copy(p) for p in text.paras if not (p.placeholder and renumber)]
        by_uid = {p.uid: p for p in paras}
        for old, new_text in taken:  # the facilitators take up some proposals of the last round
            para = by_uid.get(old.uid)
            if para is not None and not para.placeholder:
                para.text = new_text
        live = [p for p in paras if not p.placeholder]
        for para in live:
            roll = rnd.random()
            if roll < 0.08:
                para.text = self.reword(para.text)
            elif roll < 0.11:
                para.text = self.bracket(para.text)
            if "[" in para.text and rnd.random() < 0.4:
                para.text = self.unbracket(para.text)
            if para.subs and rnd.random() < 0.05:
                k = rnd.randrange(len(para.subs))
                para.subs[k] = self.reword(para.subs[k])
        structural = max(1, round(len(live) * 0.004))
        for _ in range(structural):
            self._insert_bis(paras)
        for _ in range(structural):
            self._delete(paras)
        for _ in range(max(1, structural // 2)):
            self._merge(paras)
        for _ in range(max(1, structural // 2)):
            self._split(paras)
        for _ in range(max(1, structural // 2)):
            self._move(paras)
        if renumber:
            self._renumber(paras)
        return Text(paras, list(text.titles), text.annex_title, text.title)

    def _copy(self, para: Para) -> Para:
        return Para(
            para.uid, para.part, para.text, list(para.subs), para.section, para.number, para.suffix,
            para.placeholder, None,
        )  # fmt: skip

    def reword(self, text: str) -> str:
        """Change a few words, or a clause, as a facilitator's redraft does."""
        rnd = self.random
        end = text[-1] if text[-1] in ",;:." else ""
        core = text[: len(text) - len(end)]
        words = core.split()
        choice = rnd.random()
        if choice < 0.5:
            for _ in range(rnd.randint(1, 3)):
                k = rnd.randrange(1, len(words))
                if words[k].isalpha() and words[k].islower():
                    words[k] = rnd.choice(self.corpus.words)
            core = " ".join(words)
        elif choice < 0.75:
            core = f"{core}, {rnd.choice(['including', 'in particular', 'as appropriate,', 'and'])} {self.clause()}"
        else:
            cut = core.rfind(", ")
            core = core[:cut] if cut > len(core) // 3 else core + f" and {self.clause()}"
        return core + end

    def bracket(self, text: str) -> str:
        """Put a few words in square brackets, sometimes with an alternative."""
        rnd = self.random
        words = text.split()
        if len(words) < 8 or "[" in text:
            return text
        start = rnd.randrange(1, len(words) - 5)
        length = rnd.randint(2, 5)
        span = words[start : start + length]
        tail = ""
        while span and span[-1][-1:] in ",;:.":
            tail = span[-1][-1]
            span[-1] = span[-1][:-1]
        if not span or not span[0][:1].isalpha() or span[0].lower() in ("language", "source", "based", "note", "taken"):
            return text
        inner = " ".join(span)
        if rnd.random() < 0.3:
            inner = f"{inner} / {' '.join(rnd.choice(self.corpus.clauses).split()[:3])}"
        words[start : start + length] = [f"[{inner}]{tail}"]
        return " ".join(words)

    def unbracket(self, text: str) -> str:
        """Take brackets out: agreed (the words stay, the first alternative wins) or dropped."""
        if self.random.random() < 0.7:
            return re.sub(r"\[([^\[\]/]*)(?:/[^\[\]]*)?\]", lambda m: m.group(1).strip(), text, count=1)
        return " ".join(re.sub(r"\s*\[[^\[\]]*\]", "", text, count=1).split())

    def _pick(self, paras: list[Para], part: str | None = None) -> int | None:
        """A paragraph of the draft before (not a placeholder, not new in this one), by index."""
        indices = [
            k
            for k, p in enumerate(paras)
            if not p.placeholder and p.uid not in self.fresh and (part is None or p.part == part)
        ]
        return self.random.choice(indices) if indices else None

    def _free_suffix(self, paras: list[Para], anchor: Para) -> str | None:
        used = {p.suffix for p in paras if p.part == anchor.part and p.number == anchor.number}
        return next((s for s in SUFFIXES if s not in used), None)

    def _insert_bis(self, paras: list[Para]) -> None:
        k = self._pick(paras)
        if k is None:
            return
        anchor = paras[k]
        suffix = self._free_suffix(paras, anchor)
        if suffix is None:
            return
        new = Para(self._uid(), anchor.part, self.paragraph_text(anchor.part, False), [], anchor.section,
                   anchor.number, suffix)  # fmt: skip
        at = k + 1
        while at < len(paras) and paras[at].number == anchor.number and paras[at].part == anchor.part:
            at += 1  # after the anchor's other bis paragraphs
        paras.insert(at, new)
        self.fresh.add(new.uid)

    def _delete(self, paras: list[Para]) -> None:
        k = self._pick(paras)
        if k is not None and sum(1 for p in paras if p.part == paras[k].part and not p.placeholder) > 3:
            paras[k].placeholder, paras[k].text, paras[k].subs = "[Paragraph deleted]", "", []

    def _merge(self, paras: list[Para]) -> None:
        """A paragraph folded into the one before it, which says so in a placeholder."""
        k = self._pick(paras)
        if k is None or k == 0:
            return
        into = next((j for j in range(k - 1, -1, -1) if not paras[j].placeholder), None)
        para = paras[k]
        if into is None or paras[into].part != para.part or paras[into].subs or para.subs:
            return
        target = paras[into]
        base = target.text.rstrip(",;:.")
        end = target.text[len(base) :]
        rest = para.text.rstrip(",;:.")
        target.text = f"{base}, and {rest[:1].lower()}{rest[1:]}{end}"
        para.placeholder, para.text = f"[Merged with {target.ref()}]", ""

    def _split(self, paras: list[Para]) -> None:
        """A long paragraph cut in two; the second half becomes a bis paragraph after it."""
        k = self._pick(paras)
        if k is None:
            return
        para = paras[k]
        cut = para.text.find(", ", len(para.text) // 3)
        suffix = self._free_suffix(paras, para)
        if para.subs or cut < 0 or suffix is None or para.text.endswith(":"):
            return
        after = paras[k + 1] if k + 1 < len(paras) else None
        if after is not None and after.part == para.part and after.number == para.number:
            return  # the new part goes right after it, where a bis paragraph of the same number already is
        end = para.text[-1] if para.text[-1] in ",;." else ""
        first, second = para.text[:cut] + end, para.text[cut + 2 :]
        verb = self.random.choice({"pp": PREAMBLE_VERBS, "op": OPERATIVE_VERBS, "annex": ANNEX_VERBS}[para.part])
        para.text = first
        new = Para(self._uid(), para.part, f"{verb} {second}", [], para.section, para.number, suffix)
        paras.insert(k + 1, new)
        self.fresh.add(new.uid)

    def _move(self, paras: list[Para]) -> None:
        """A paragraph moved elsewhere in its part, under a bis label of its new neighbour: [Formerly 12]."""
        k = self._pick(paras)
        if k is None:
            return
        para = paras[k]
        neighbours = [p.number for p in paras if p.part == para.part and p is not para]
        if para.suffix == "" and (para.number - 1 not in neighbours or para.number + 1 not in neighbours):
            return  # its number would leave a gap the reader cannot bridge
        j = self._pick(paras, para.part)
        if j is None or j == k or paras[j].number == para.number:
            return
        anchor = paras[j]
        suffix = self._free_suffix(paras, anchor)
        if suffix is None:
            return
        paras.pop(k)
        para.formerly = para.label
        para.number, para.suffix, para.section = anchor.number, suffix, anchor.section
        at = paras.index(anchor) + 1
        while at < len(paras) and paras[at].number == anchor.number and paras[at].part == anchor.part:
            at += 1
        paras.insert(at, para)

    def _renumber(self, paras: list[Para]) -> None:
        """A clean text: placeholders gone, every part numbered 1, 2, 3…; changed labels say [Formerly …]."""
        paras[:] = [p for p in paras if not p.placeholder]
        counters = {"pp": 0, "op": 0, "annex": 0}
        for para in paras:
            counters[para.part] += 1
            old = para.label
            para.number, para.suffix = counters[para.part], ""
            if para.label != old and para.uid not in self.fresh:  # a paragraph new in this draft had no label
                para.formerly = para.formerly or old

    # --- writing a draft ----------------------------------------------------------------------------

    def render(self, text: Text, label: str) -> str:
        lines = ["United Nations", "General Assembly", f"Draft resolution: {label}", "", text.title, ""]
        lines += ["The General Assembly,", ""]
        section = -1
        annex_open = False
        for para in text.paras:
            if para.part == "annex":
                if not annex_open:
                    lines += [f"ANNEX: {text.annex_title}", ""]
                    annex_open = True
                if para.section != section:
                    section = para.section
                    lines += [f"{_roman(section + 1)}. {text.titles[section]}", ""]
            printed = f"PP{para.number}{para.suffix}." if para.part == "pp" else f"{para.number}{para.suffix}."
            if para.placeholder:
                placeholder = para.placeholder
                if para.part == "op":  # not the same line as the annex's paragraph of that number (read as a header)
                    placeholder = placeholder.replace("[Paragraph deleted]", "[paragraph deleted]")
                lines += [f"{printed} {placeholder}", ""]
                continue
            body = para.text + (f" [Formerly {para.formerly}]" if para.formerly else "")
            lines += wrap(f"{printed} {body}") + [""]
            for letter, sub in zip(LETTERS, para.subs, strict=False):
                lines += wrap(f"({letter}) {sub}") + [""]
        return "\n".join(lines)

    # --- proposals -----------------------------------------------------------------------------------

    def sponsors(self) -> list[str]:
        rnd = self.random
        count = 1 if rnd.random() < 0.9 else rnd.randint(2, 4)
        chosen: list[str] = []
        while len(chosen) < min(count, len(self.delegations)):
            delegation = rnd.choices(self.delegations, self.weights)[0]
            forms = [delegation.name] + list(delegation.aliases[:1])
            name = forms[0] if rnd.random() < 0.85 else rnd.choice(forms)
            if all(self._canonical(c) != delegation.name for c in chosen):
                chosen.append(name)
        return chosen

    @staticmethod
    def _canonical(name: str) -> str:
        found = Registry.load().resolve(name)
        return found.name if found else name

    def _span(self, text: str, words: int) -> str | None:
        """A run of words that occurs exactly once in the text (what an anchor or an `old` must be)."""
        tokens = text.split()
        for _ in range(6):
            if len(tokens) < words + 2:
                return None
            start = self.random.randrange(1, len(tokens) - words)
            span = " ".join(tokens[start : start + words]).strip(" ,;:.[]/")
            if len(span.split()) < 2 or "[" in span or "]" in span or "/" in span:
                continue
            try:
                if find_span(text, span) is not None:
                    return span
            except ValueError:
                continue  # occurs more than once
        return None

    def proposals_on(self, text: Text, count: int) -> tuple[list[dict], list[tuple[Para, str]], int]:
        """`count` CSV rows on a draft; the changes the next draft may take up; the proposals amendtrack will store.

        Rows making the same change as an earlier row, from other delegations, are stored as one
        co-sponsored proposal (amendtrack.compare.cosponsor); the count follows the same rule.
        """
        rnd = self.random
        targets: list[tuple[Para, str, str]] = []  # (paragraph, label, text)
        for para in text.paras:
            if para.placeholder:
                continue
            targets.append((para, para.label, para.text))
            for label, sub in zip(para.sub_labels(), para.subs, strict=True):
                targets.append((para, label, sub))
        tops = [p for p in text.paras if not p.placeholder]
        labels = {p.label for p in text.paras} | {label for p in text.paras for label in p.sub_labels()}
        rows: list[dict] = []
        takeable: list[tuple[Para, str]] = []
        groups: dict[tuple, list[set[str]]] = {}  # change → the sponsors of each proposal making it
        stored = 0
        while len(rows) < count:
            if rows and rnd.random() < 0.04:  # another delegation asks for the very same change
                again = dict(rnd.choice(rows))
                others = [name for name in self.sponsors() if name not in again["delegation"]]
                if others:
                    again["delegation"] = others[0]
                    rows.append(again)
                    stored += self._group(groups, again)
                continue
            op = rnd.choices(OPERATIONS, OPERATION_SHARES)[0]
            target = _Target(*rnd.choice(targets), tops, labels)
            row = {"delegation": "; ".join(self.sponsors()), "paragraph": target.label, "operation": op}
            if not getattr(self, f"_fill_{op}")(row, target):
                continue
            if row.get("rationale") is None and op != "comment" and rnd.random() < 0.15:
                row["rationale"] = rnd.choice(RATIONALES)
            rows.append(row)
            stored += self._group(groups, row)
            if target.label == target.para.label and op in ("insert", "replace", "redraft") and rnd.random() < 0.15:
                takeable.append((target.para, self._applied(row, target.base)))
        return rows, [t for t in takeable if t[1]], stored

    # Each _fill_<operation> completes a CSV row of that operation on its target; False: none fits, draw again.

    def _fill_insert(self, row: dict, target: _Target) -> bool:
        anchor = self._span(target.base, self.random.randint(2, 4))
        if anchor is None:
            return False
        row.update(anchor=anchor, position=self.random.choice(["after", "after", "before"]), text=self._words(2, 6))
        return True

    def _fill_replace(self, row: dict, target: _Target) -> bool:
        old = self._span(target.base, self.random.randint(2, 5))
        if old is None:
            return False
        row.update(old=old, text=self._words(2, 6))
        return True

    def _fill_delete(self, row: dict, target: _Target) -> bool:
        if self.random.random() < 0.2:
            row.update(old="")
            return True
        old = self._span(target.base, self.random.randint(2, 6))
        if old is None:
            return False
        row.update(old=old)
        return True

    def _fill_redraft(self, row: dict, target: _Target) -> bool:
        row.update(text=self.reword(self.reword(target.base)))
        return True

    def _fill_new_paragraph(self, row: dict, target: _Target) -> bool:
        anchor = self.random.choice(target.tops)
        suffix = next((s for s in SUFFIXES if f"{anchor.label}{s}" not in target.labels), None)
        if suffix is None:
            return False
        row.update(paragraph=f"{anchor.label}{suffix}", anchor=anchor.label)
        row.update(text=self.paragraph_text(anchor.part, False))
        return True

    def _fill_comment(self, row: dict, target: _Target) -> bool:
        row.update(rationale=self.random.choice(RATIONALES))
        return True

    def _fill_move(self, row: dict, target: _Target) -> bool:
        return self._fill_move_or_merge(row, target, "move")

    def _fill_merge(self, row: dict, target: _Target) -> bool:
        return self._fill_move_or_merge(row, target, "merge")

    def _fill_move_or_merge(self, row: dict, target: _Target, op: str) -> bool:
        para, label = target.para, target.label
        same = [p for p in target.tops if p.part == para.part and p.label != label and p is not para]
        if not same or label != para.label:
            return False
        other = self.random.choice(same)
        row.update(anchor=other.label)
        if op == "move":
            row.update(position=self.random.choice(["after", "before"]))
        elif self.random.random() < 0.5:
            row.update(text=f"{target.base.rstrip(',;:.')}, and {other.text[:1].lower()}{other.text[1:]}")
        return True

    def _fill_split(self, row: dict, target: _Target) -> bool:
        if self.random.random() < 0.3:
            row.update(text=target.base)
        return True

    def _group(self, groups: dict[tuple, list[set[str]]], row: dict) -> int:
        """1 when the row is a proposal of its own, 0 when it joins an earlier one as a co-sponsor."""
        fold = _fold
        op = row["operation"]
        who = {self._canonical(name.strip()) for name in row["delegation"].split(";")}
        position = row.get("position") or "after" if op in ("insert", "move") else ""
        key = (row["paragraph"], op, fold(row.get("anchor")), position, fold(row.get("old")), fold(row.get("text")))
        if op == "comment":
            key += (fold(row.get("rationale")),)
        for sponsors in groups.get(key, []):
            if not sponsors & who:
                sponsors |= who
                return 0
        groups.setdefault(key, []).append(set(who))
        return 1

    def _words(self, low: int, high: int) -> str:
        return " ".join(self.random.choice(self.corpus.words) for _ in range(self.random.randint(low, high)))

    @staticmethod
    def _applied(row: dict, base: str) -> str:
        from amendtrack.model.proposal import Edit, apply_edits

        try:
            if row["operation"] == "redraft":
                return row["text"]
            if row["operation"] == "insert":
                return apply_edits(
                    base, [Edit("insert", new=row["text"], anchor=row["anchor"], position=row["position"])]
                )
            return apply_edits(base, [Edit("replace", old=row["old"], new=row["text"])])
        except ValueError:
            return ""


def _fold(text: str | None) -> str:
    """Words as amendtrack.compare.cosponsor compares them: quotes, case, spacing and outer punctuation folded."""
    text = re.sub(r"[\"'“”‘’«»„`]", "", text or "").casefold()
    return " ".join(text.split()).strip(" .,;:")


def wrap(text: str, width: int = WIDTH) -> list[str]:
    """Lines of at most about `width` characters; no line starts with a word the reader would take for a label."""
    words = text.split()
    lines: list[list[str]] = [[words[0]]]
    length = len(words[0])
    for word in words[1:]:
        if length + 1 + len(word) > width and not _RISKY_START.match(word):
            lines.append([word])
            length = len(word)
        else:
            lines[-1].append(word)
            length += 1 + len(word)
    if len(lines) > 1 and len(lines[-1]) < 3:  # a short last line could pass for a symbol or a page number
        lines[-2].extend(lines.pop())
    return [" ".join(line) for line in lines]


# --- the folder -------------------------------------------------------------------------------------

COLUMNS = ("delegation", "paragraph", "operation", "anchor", "position", "old", "text", "rationale")


def csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.get(column, "") or "" for column in COLUMNS])
    return out.getvalue()


def tree_labels(text: Text) -> list[str]:
    """Every node's label in document order, as amendtrack's reader should find them."""
    labels: list[str] = []
    section = -1
    annex = False
    for para in text.paras:
        if para.part == "annex":
            if not annex:
                labels.append("Annex")
                annex = True
            if para.section != section:
                section = para.section
                labels.append(_roman(section + 1))
        labels.append(para.label)
        if not para.placeholder:
            labels.extend(para.sub_labels())
    return labels


def generate(
    out: Path | str,
    paragraphs: int = 200,
    drafts: int = 4,
    proposals: int = 400,
    delegations: int = 193,
    seed: int = 1,
) -> dict:
    """Write the negotiation folder `out` (created; files in it are replaced) and return what it holds."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(paragraphs, drafts, proposals, delegations, seed)
    key = f"synth-{paragraphs}x{drafts}x{proposals}-s{seed}"
    manifest = [
        "# Written by bench/synth.py: a synthetic negotiation (UN-style text drawn from data/drafts).",
        "[negotiation]",
        f'id = "{key}"',
        f'title = "Synthetic negotiation: {paragraphs} paragraphs, {drafts} drafts, {proposals} proposals'
        f' (seed {seed})"',
        "",
    ]
    expected: dict = {"negotiation": key, "drafts": [], "inputs": []}
    text = gen.first_text()
    per_draft = [proposals // drafts + (1 if k < proposals % drafts else 0) for k in range(drafts)]
    order = 0
    taken: list[tuple[Para, str]] = []  # proposals of the last round the next draft takes up
    for k in range(drafts):
        if k > 0:
            text = gen.next_text(text, taken, renumber=(k % RENUMBER_EVERY == 0))
        date = (FIRST_DATE + dt.timedelta(days=14 * k)).isoformat()
        draft_id, label = f"draft-{k + 1:02d}", f"Draft {k + 1} ({date})"
        order += 1
        name = f"{order:02d}-{draft_id}.txt"
        (out / name).write_text(gen.render(text, label) + "\n", encoding="utf-8")
        labels = tree_labels(text)
        manifest += ["[[documents]]", f'id = "{draft_id}"', f'label = "{label}"', f'date = "{date}"', 'kind = "draft"']
        manifest += [f'file = "{name}"', ""]
        expected["drafts"].append({"id": draft_id, "file": name, "nodes": len(labels), "labels": labels})
        taken = []
        if per_draft[k]:
            rows, taken, stored = gen.proposals_on(text, per_draft[k])
            order += 1
            inputs_id = f"inputs-{k + 1:02d}"
            name = f"{order:02d}-inputs-on-{draft_id}.csv"
            (out / name).write_text(csv_text(rows), encoding="utf-8")
            manifest += [
                "[[documents]]",
                f'id = "{inputs_id}"',
                f'label = "Inputs on draft {k + 1}"',
                'kind = "inputs"',
            ]
            manifest += [f'file = "{name}"', f'against = "{draft_id}"', ""]
            expected["inputs"].append({"id": inputs_id, "file": name, "rows": len(rows), "proposals": stored})
    (out / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    (out / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the negotiation into")
    parser.add_argument("--paragraphs", type=int, default=200, help="nodes of the first draft (N)")
    parser.add_argument("--drafts", type=int, default=4, help="successive drafts (D)")
    parser.add_argument("--proposals", type=int, default=400, help="CSV rows in all (P)")
    parser.add_argument("--delegations", type=int, default=193, help="member states that make them (K, at most 193)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    expected = generate(args.out, args.paragraphs, args.drafts, args.proposals, args.delegations, args.seed)
    nodes = [d["nodes"] for d in expected["drafts"]]
    rows = sum(i["rows"] for i in expected["inputs"])
    stored = sum(i["proposals"] for i in expected["inputs"])
    print(
        f"{args.out}: {expected['negotiation']}: {len(nodes)} drafts ({nodes[0]}…{nodes[-1]} nodes), "
        f"{rows} CSV rows ({stored} proposals once co-sponsored ones are grouped)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
