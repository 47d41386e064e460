"""Proposals: what a delegation asked to change in one paragraph of a draft, and the text it would give.

A proposal has an operation in the shared vocabulary and, where the operation edits words,
a list of edits (insert after/before an anchor, delete a span, replace a span). Applying the
edits to the base paragraph gives the *resulting text*: the paragraph as the delegation wants
it. A proposal that cannot be applied (anchor not found, ambiguous, no position given) keeps
the reason, so a facilitator can work through the list.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from amendtrack.model.words import stem

OPERATIONS = ("insert", "delete", "replace", "redraft", "new_paragraph", "move", "split", "merge", "comment")
ATTRIBUTIONS = ("labelled", "inferred")
# What became of a proposal in the next draft (compare.disposition decides; a facilitator may override).
STATUSES = ("accepted", "partial", "not_reflected", "superseded", "unclear", "pending", "n/a")
# What a facilitator may decide: 'unclear' is the tool's word for a draft that cannot tell, never a decision.
OVERRIDE_STATUSES = tuple(status for status in STATUSES if status != "unclear")


@dataclass
class Edit:
    """One change of words: insert `new` after/before `anchor`, delete `old`, or replace `old` by `new`."""

    kind: str  # insert, delete, replace
    old: str | None = None  # the words deleted or replaced
    new: str | None = None  # the words inserted or put in
    anchor: str | None = None  # for insert: the words it goes after or before
    position: str | None = None  # for insert: "after" or "before" the anchor, or "end" of the paragraph


@dataclass
class Source:
    """Where an input came from: the file and its lines (1-based, inclusive), or a CSV row."""

    file: str
    line_start: int
    line_end: int


@dataclass
class Sponsor:
    """One delegation's share in a proposal, with its own evidence (co-sponsors keep theirs)."""

    delegation: str  # canonical name
    attribution: str = "labelled"  # labelled: the input carries its name; inferred: from its place
    verbatim: str = ""
    source: Source | None = None


@dataclass
class Proposal:
    """What one or more delegations proposed for one paragraph of a draft."""

    operation: str
    paragraph: str | None  # label of the target paragraph in the base draft (None: not resolved)
    sponsors: list[Sponsor]
    edits: list[Edit] = field(default_factory=list)
    text: str | None = None  # redraft / new paragraph: the whole proposed text
    new_label: str | None = None  # new_paragraph: "PP5bis"; move: where to ("10ter", "after OP6")
    related: list[str] = field(default_factory=list)  # other paragraphs named: merge partners, move source
    rationale: str | None = None
    references: list[str] = field(default_factory=list)  # source tags: "A/RES/64/178 pp4"
    resulting_text: str | None = None
    applied: bool = False
    unapplied_reason: str | None = None
    confidence: float = 1.0  # below 1 where the edit was recovered from a restatement or OCR damage
    pid: str | None = None  # persistent id of the target paragraph, when stored
    corrected: str | None = None  # a facilitator's correction of the reading, with its note ("" for none)

    @property
    def bracketing(self) -> str | None:
        """'bracket' or 'unbracket' for a proposal that only puts words into square brackets or takes them out
        ('Bracket “new and additional”'): stored as a replacement, judged and shown as an operation of its own."""
        if self.operation != "replace" or not self.edits:
            return None
        kinds = {_bracketing(edit) for edit in self.edits}
        return kinds.pop() if len(kinds) == 1 else None

    @property
    def delegations(self) -> list[str]:
        return [sponsor.delegation for sponsor in self.sponsors]

    @property
    def anchor(self) -> str | None:
        """The first edit's anchor or span: what the proposal hangs on."""
        for edit in self.edits:
            if edit.anchor or edit.old:
                return edit.anchor or edit.old
        return None

    def to_dict(self) -> dict:
        """The JSON record of `amendtrack proposals --json` (without the store's id)."""
        first = self.sponsors[0] if self.sponsors else Sponsor("")
        return {
            "delegations": self.delegations,
            "paragraph": self.paragraph,
            "pid": self.pid,
            "operation": self.operation,
            "anchor": self.anchor,
            "text": self.text if self.text is not None else _edit_words(self.edits),
            "edits": [asdict(edit) for edit in self.edits],
            "new_label": self.new_label,
            "related": self.related,
            "rationale": self.rationale,
            "references": self.references,
            "resulting_text": self.resulting_text,
            "applied": self.applied,
            "unapplied_reason": self.unapplied_reason,
            "confidence": round(self.confidence, 2),
            "corrected": self.corrected,
            "verbatim": first.verbatim,
            "source": asdict(first.source) if first.source else None,
            "attribution": first.attribution,
            "sponsors": [
                {
                    "delegation": s.delegation,
                    "attribution": s.attribution,
                    "verbatim": s.verbatim,
                    "source": asdict(s.source) if s.source else None,
                }
                for s in self.sponsors
            ],
        }


def _edit_words(edits: list[Edit]) -> str | None:
    words = [edit.new for edit in edits if edit.new]
    return " … ".join(words) if words else None


# --- applying edits -------------------------------------------------------------------------------


def _pattern(words: str) -> re.Pattern[str]:
    """Find `words` in a paragraph despite differences of spacing, quotes, case and line-end hyphens."""
    parts = [re.escape(part) for part in re.findall(r"\w+|[^\w\s]", _fold(words))]
    return re.compile(r"\W*".join(parts) if parts else r"(?!)", re.IGNORECASE)


def _fold(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")


def find_span(text: str, words: str) -> tuple[int, int] | None:
    """Where `words` stand in `text` (start, end), or None; ambiguous places raise ValueError.

    Exact words first; failing that, the same word stems in the same order ('resource' finds
    'resources'), since inputs are typed in a hurry and drafts are OCR'd.
    """
    folded = _fold(text)
    matches = list(_pattern(words.strip(' .,;:"“”')).finditer(folded))
    if not matches:
        return _find_by_stems(text, words)
    if len(matches) > 1:
        raise ValueError(f"“{words.strip()}” occurs {len(matches)} times")
    return matches[0].start(), matches[0].end()


def _find_by_stems(text: str, words: str) -> tuple[int, int] | None:
    wanted = [stem(w) for w in re.findall(r"\w+", words)]
    if not wanted:
        return None
    spans = [(m.start(), m.end(), stem(m.group())) for m in re.finditer(r"\w+", text)]
    hits = [
        (spans[k][0], spans[k + len(wanted) - 1][1])
        for k in range(len(spans) - len(wanted) + 1)
        if [s for _, _, s in spans[k : k + len(wanted)]] == wanted
    ]
    if len(hits) > 1:
        raise ValueError(f"“{words.strip()}” occurs {len(hits)} times")
    return hits[0] if hits else None


def apply_edits(base: str, edits: list[Edit]) -> str:
    """The base text with every edit made; raises ValueError naming the edit that cannot be placed."""
    text = base
    for edit in edits:
        if edit.kind == "insert" and edit.position == "end":
            end = len(text.rstrip(" .;,:"))
            text = _join(text[:end], (edit.new or "").strip(), text[end:])
        elif edit.kind == "insert":
            if not edit.anchor:
                raise ValueError("no position given for the insertion")
            span = find_span(text, edit.anchor)
            if span is None:
                raise ValueError(f"anchor “{edit.anchor.strip()}” not found in the paragraph")
            at = span[1] if edit.position != "before" else span[0]
            words = (edit.new or "").strip()
            if edit.position != "before" and text[at:].lstrip().startswith(",") and words[:1].isalnum():
                words = ", " + words.rstrip(",")  # one more item of a list: "officers, labor inspectors, consular"
            elif edit.position == "before" and "," in (edit.anchor or "") + words and words[-1:].isalnum():
                words = words + ","  # before an item of a list: "social welfare, labour, law enforcement"
            text = _join(text[:at], words, text[at:])
        elif edit.kind in ("delete", "replace"):
            if not edit.old:
                raise ValueError(f"nothing to {edit.kind}")
            span = find_span(text, edit.old)
            if span is None:
                raise ValueError(f"“{edit.old.strip()}” not found in the paragraph")
            words = (edit.new or "").strip() if edit.kind == "replace" else ""
            text = _join(text[: span[0]], words, text[span[1] :])
        else:
            raise ValueError(f"unknown edit {edit.kind!r}")
    return " ".join(text.split())


def _join(before: str, words: str, after: str) -> str:
    """Put words between two pieces of text with single spaces, no space before punctuation."""
    before = before.rstrip()
    after = after.lstrip()
    if words.startswith(","):
        text = before + words
    else:
        text = " ".join(piece for piece in (before, words) if piece)
    if after:
        text = text + ("" if after[:1] in ",;.:)" or not text else " ") + after
    return re.sub(r"\s+([,;.:])", r"\1", text)


def apply(proposal: Proposal, base: str | None) -> Proposal:
    """Derive the resulting text of a proposal against its base paragraph (in place; returns it)."""
    proposal.applied, proposal.unapplied_reason, proposal.resulting_text = False, None, None
    op = proposal.operation
    try:
        if op in ("redraft", "new_paragraph"):
            if not proposal.text:
                raise ValueError("no text given")
            proposal.resulting_text = proposal.text
        elif op == "delete" and not proposal.edits:
            proposal.resulting_text = ""
        elif op in ("insert", "delete", "replace"):
            if base is None:
                raise ValueError("the target paragraph is not in the draft")
            proposal.resulting_text = apply_edits(base, proposal.edits)
        else:
            return proposal  # move, split, merge, comment: nothing to apply to words
        proposal.applied = True
    except ValueError as exc:
        proposal.unapplied_reason = str(exc)
    return proposal


def _bracketing(edit: Edit) -> str | None:
    old, new = (edit.old or "").strip(), (edit.new or "").strip()
    if old and new == f"[{old}]":
        return "bracket"
    if new and old == f"[{new}]":
        return "unbracket"
    return None
