"""Read a compilation of delegations' inputs (the facilitators' side-by-side table, as text) into proposals.

The compilation repeats each paragraph of the draft on the left and lists every
delegation's input on the right; OCR reads the two columns interleaved. The reader
works by general rules, with the base draft's own tree as its map:

1. each paragraph of the base draft is found in the compilation by its opening words
   (in draft order), which cuts the document into one block per paragraph;
2. in a block, the paragraph's own text is followed word by word, so base lines that
   OCR interleaved with the inputs are recognised, and a delegation's restatement
   (which starts again from the beginning) is not;
3. inputs start at a delegation's name ("Japan: …"); an unlabelled block that names a
   paragraph of its own ("OP 1bis", "Paragraph 2: delete") is a further input of the
   delegation before it, attributed by its place (``inferred``); other unlabelled text
   continues the input before it;
4. each input is read by a grammar of the forms negotiators write (delete, "Replace “X”
   with “Y”", "Add, after “X”, “Y”", "Redraft as follows:", PP5bis, moves, merges,
   splits, ellipsis fragments, restatements with struck-through words, comments).

Page furniture and the facilitators' Word balloons ("Deleted: role") never become inputs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError
from amendtrack.model.proposal import Edit, Proposal, Source, Sponsor, apply
from amendtrack.model.tree import Draft, Paragraph, normalise_label
from amendtrack.read import ocr

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

BLOCK_KINDS = ("preamble", "operative", "chapeau", "paragraph", "recommendation", "heading")
_WORDS = re.compile(r"[A-Za-z0-9]+")
_BASE_LABEL = re.compile(
    r"^\s*(?:PP\s*\.?\s*\d+\s*(?:bis|ter)?|OP\s*\.?\s*\d+|[0-9LlIS]{1,3}\s*(?:bis|ter)?|[IVX1l]{1,4})\s*[.,:]?\s+(?=\S)"
)
_Q = r"[“\"‘']\s*(.+?)\s*[”\"’']"  # a quoted string
_TARGET = re.compile(
    r"^\s*(?:(?P<new>New\s+)?(?:para(?:graph)?\.?|§)\s*)?\(?§?\s*(?P<pp>PP|OP)?\s*\.?\s*(?P<n>\d{1,2})\s*\.?\s*"
    r"(?P<suf>bis|ter|quater)?\s*(?P<sub>\([a-z]\))?\s*\)?\s*(?:,\s*page\s*\d+\s*)?"
    r"(?::|\)|\.(?=\s)|\s*$|(?=\s+[A-Z“\"(]))",
    re.I,
)
_NEXT = r"(?=\s*(?:,|and)?\s*\b(?:add\s*,?\s*)?(?:after|before)\s+[“\"‘]|\s*$)"  # where inserted words end
_STRAY = re.compile(r"^\s*(?:\d{1,3}\s*[.,]?|[^\w\s]{1,3}|[a-z])\s*$")  # "52.", "o", "~"
_PART_HEADING = re.compile(r"^\s*ANNEX\b.*$|^\s*(?:I|II|III|IV|I1|I11|II1)\.\s+[A-Z][a-z]+ing\b.*$")
_OPERATION = re.compile(
    r"^\s*(?:delete|replace|change|add|4dd|insert|redraft|request|rephrase|revise|after|before|move|merg|split"
    r"|place|switch|streamline|suggest|recommend)",
    re.I,
)
_UNCLOSED = r"[“\"‘]\s*(.+?)\s*(?:[”\"’]|\.\.\.|…|$)"  # a quote the scan may have cut off
_COMMENT = re.compile(
    r"^\s*(?:recommend|suggest|we\b|it\b|needs?\b|ideally|again|please|this\b|there\b|would|should|in addition"
    r"|currently|the aim|comment|question|note\b|\[note|why\b|what\b|how\b|is\b|are\b)",
    re.I,
)
_SUB_NEW = re.compile(r"^\s*(?P<l>[a-z])\s*(?P<suf>bis|ter)\)\s*(?P<rest>.*)$", re.I)
_RATIONALE = re.compile(r"^\s*\(rationale\)\s*", re.I)
_REFERENCE = re.compile(
    r"\(\s*(?:taken from\s+|based (?:on|in)\s+|source:\s*)?"
    r"(?P<ref>(?:A/RES/|A/|E/RES/|E/)[^()]*?|paragraph \d+ [^()]*?)\s*\)",
    re.I,
)


@dataclass
class _Entry:
    """One input as cut from the compilation, before it is read."""

    delegation: str
    attribution: str
    block: Paragraph | None  # the base paragraph whose row it sits in
    lines: list[tuple[int, str]] = field(default_factory=list)
    rationale: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return ocr.join_lines([line for _, line in self.lines])


def read_compilation_file(path: Path | str, base: Draft, registry: Registry) -> list[Proposal]:
    """Read a compilation of inputs (text) on `base` into proposals; bad input raises InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return read_compilation_text(ocr.decode_text(data, str(path)), base, registry, source=str(path))


def read_compilation_text(text: str, base: Draft, registry: Registry, source: str = "<text>") -> list[Proposal]:
    """Proposals from the text of a compilation of inputs on the draft `base`."""
    ocr.check_text(text, source)
    reader = _Compilation(text, base, registry, source)
    proposals = reader.read()
    if not proposals:
        raise InputError(source, "no delegation inputs found: is this a compilation of inputs on this draft?")
    return proposals


class _Compilation:
    def __init__(self, text: str, base: Draft, registry: Registry, source: str):
        self.base, self.registry, self.source = base, registry, source
        raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = [(k + 1, ocr.clean_line(line)) for k, line in enumerate(raw)]
        self.vocabulary = self._vocabulary(text)
        self.resolution_ops = [
            n.label
            for n, parent in base.walk()
            if n.kind == "operative" and n.label.startswith("OP") and parent is None
        ]

    # --- cleaning ----------------------------------------------------------------------

    def _vocabulary(self, text: str) -> set[str]:
        """Real words: those of the base draft and those the compilation uses three times or more."""
        counts = Counter(w.lower() for w in _WORDS.findall(text))
        words = {w for w, n in counts.items() if n > 2}
        self.base_words: set[str] = set()
        self.hyphenated: set[str] = set()
        for node, _ in self.base.walk():
            self.base_words.update(w.lower() for w in _WORDS.findall(node.text))
            self.hyphenated.update(w.lower() for w in re.findall(r"\w+(?:-\w+)+", node.text))
        return words | self.base_words

    def _clean(self) -> list[tuple[int, str]]:
        """Lines with page furniture, running headers and Word balloons blanked."""
        texts = [line for _, line in self.lines]
        repeated = ocr.repeated_lines(texts)
        out: list[tuple[int, str]] = []
        in_balloon = False
        for no, line in self.lines:
            if not line:
                in_balloon = False
                out.append((no, ""))
                continue
            labelled = self.registry.match_label(line) is not None
            if (in_balloon and not labelled) or ocr.BALLOON_START.match(line):
                in_balloon = True  # a balloon runs to the next blank line or delegation's name
                out.append((no, ""))
                continue
            inline = ocr.BALLOON_INLINE.search(line)
            if inline and inline.start("at") > 0:
                line = line[: inline.start("at")]
            in_balloon = False
            header = " ".join(line.split()) in repeated and not labelled
            if ocr.is_furniture(line) or header:  # a delegation's input is never a running header
                line = ""
            out.append((no, line))
        return out

    # --- blocks -------------------------------------------------------------------------

    def _base_nodes(self) -> list[Paragraph]:
        nodes = []
        for node, parent in self.base.walk():
            if node.kind not in BLOCK_KINDS or not node.text:
                continue
            if parent is None or parent.kind == "heading":
                nodes.append(node)
        return nodes

    def _starts(self, line: str, node: Paragraph) -> bool:
        """Whether a compilation line opens the row of a base paragraph (its label, then its first words)."""
        m = _BASE_LABEL.match(line)
        rest = line[m.end() :] if m else line
        if m and node.kind != "heading":
            printed = normalise_label(m.group(0).replace(",", "."))
            wanted = normalise_label(node.label).removeprefix("op")
            if printed and printed.rstrip(".") not in (wanted, "pp" + wanted.removeprefix("pp")):
                if not (printed.isalpha() and len(printed) <= 2):  # OCR'd label such as "L." or "S1."
                    return False
        want = [w.lower() for w in _WORDS.findall(node.text)][:7]
        have = [w.lower() for w in _WORDS.findall(rest)][: len(want)]
        if len(want) < 3 or len(have) < min(4, len(want)):
            return False
        same = sum(1 for a, b in zip(want, have, strict=False) if a == b)
        return same >= len(have) - 1 and same >= 3

    def _blocks(self, lines: list[tuple[int, str]]) -> list[tuple[Paragraph, int, int]]:
        """(base paragraph, first line index, end index) for every paragraph found, in order."""
        found: list[tuple[Paragraph, int]] = []
        at = 0
        self.missing: dict[int, list[Paragraph]] = {}  # a found paragraph → the next ones the compilation lacks
        for node in self._base_nodes():
            if found and not any(n is node for n, _ in found):
                self.missing.setdefault(id(found[-1][0]), []).append(node)
            for k in range(at, len(lines)):
                line = lines[k][1]
                if line and self.registry.match_label(line) is None and self._starts(line, node):
                    if found:
                        self.missing[id(found[-1][0])].remove(node)
                    found.append((node, k))
                    at = k + 1
                    break
        blocks = []
        if not found:
            return blocks
        for (node, start), following in zip(found, found[1:] + [(None, len(lines))], strict=True):
            blocks.append((node, start, following[1]))
        return blocks

    # --- inputs ---------------------------------------------------------------------------

    def read(self) -> list[Proposal]:
        lines = self._clean()
        proposals: list[Proposal] = []
        for node, start, end in self._blocks(lines):
            for entry in self._entries(node, lines[start:end]):
                proposals.extend(self._interpret(entry))
        return proposals

    def _entries(self, node: Paragraph, lines: list[tuple[int, str]]) -> list[_Entry]:
        base_words = [w.lower() for w in _WORDS.findall(_composite(node))]
        pointer = 0
        entries: list[_Entry] = []
        current: _Entry | None = None
        gap = True
        in_base = True
        for no, line in lines:
            if not line:
                gap = True
                continue
            label = self.registry.match_label(line, block_start=gap)
            if label is not None:
                delegation, rest = label
                current = _Entry(delegation.name, "labelled", node, [(no, rest)] if rest.strip() else [])
                entries.append(current)
                in_base, gap = False, False
                continue
            if _STRAY.match(line):
                continue  # a left-column label ("52.") or a bullet glyph left alone on its line
            if _PART_HEADING.match(line):
                current, gap = None, True  # "ANNEX: PLAN OF ACTION" closes the row's inputs
                continue
            words = [w.lower() for w in _WORDS.findall(line)]
            advanced = _follows(base_words, pointer, words)
            if advanced is not None and (in_base or current is None or not gap or pointer > 0):
                if in_base or _continues_base(base_words, pointer, words):
                    pointer = advanced
                    gap = False
                    continue
            in_base = False
            if _RATIONALE.match(line) and current is not None:
                current.rationale.append(_RATIONALE.sub("", line))
                gap = False
                continue
            if current is None:
                gap = False
                continue  # text before any input: the base row's own remnants
            if gap and _names_target(line) and current.lines:
                current = _Entry(current.delegation, "inferred", node, [(no, line)])
                entries.append(current)
            elif current.rationale and gap:
                current.rationale.append(line)
            else:
                current.lines.append((no, line))
            gap = False
        return [entry for entry in entries if entry.lines or entry.rationale]

    # --- reading one input -------------------------------------------------------------------

    def _interpret(self, entry: _Entry) -> list[Proposal]:
        text = entry.text
        verbatim = "\n".join(line for _, line in entry.lines)
        first, last = (entry.lines[0][0], entry.lines[-1][0]) if entry.lines else (0, 0)
        sponsor = Sponsor(entry.delegation, entry.attribution, verbatim, Source(self.source, first, last))
        references = [m.group("ref").strip() for m in _REFERENCE.finditer(text)]
        text = _REFERENCE.sub("", text).strip()
        rationale = " ".join(entry.rationale).strip() or None
        block = entry.block
        target = block.label if block is not None else None
        m = _TARGET.match(text)
        if m and (m.group("pp") or m.group("new") or m.group("suf") or text[: m.end()].rstrip().endswith(":")):
            named = self._resolve(m, block)
            text = text[m.end() :].strip()
            if m.group("suf"):
                return [self._new_paragraph(named, text, target, sponsor, rationale, references)]
            target = named or target
            if m.group("new") and text:  # "New Paragraph 39:" rewrites 39
                words, struck = self._unstrike(text, self._nearby_words(self.base.find(target) or block))
                proposal = Proposal(
                    "redraft",
                    target,
                    [sponsor],
                    text=_unquote(" ".join(words)),
                    rationale=rationale,
                    references=references,
                    confidence=0.7 if struck else 1.0,
                )
                return [apply(proposal, None)]
        if (
            re.search(r"\bbullets\b", text, re.I)
            and block is not None
            and not any(c.kind == "item" for c in block.children)
        ):
            target = self._with_bullets(block) or target  # "Replace bullets with a, b, c": the list's paragraph
        bullet = re.match(r"^\s*Bullet\s+(\d+)\s*:?\s*", text, re.I)
        if bullet:
            named = next((n.label for n, _ in self.base.walk() if n.label.endswith(f" bullet {bullet.group(1)}")), None)
            target, text = named or target, re.sub(r"^(?:[eo•·«]|<\+?)\s+(?=\w)", "", text[bullet.end() :])
        m = _SUB_NEW.match(text)
        if m and block is not None:
            label = f"{block.label}({m.group('l').lower()}{m.group('suf').lower()})"
            return [self._new_paragraph(label, m.group("rest"), target, sponsor, rationale, references)]
        if target == (block.label if block is not None else None) and not _OPERATION.match(text):
            target = self._restated(text, block) or target
        proposals = self._grammar(text, target, sponsor, rationale, references)
        alternative = re.search(r"\[\s*alternative\s*:\s*(?P<t>[^\]]+)\]?", text, re.I)
        if alternative and all(p.operation == "comment" for p in proposals):  # "[alternative: To consider …]"
            proposals = [
                Proposal(
                    "redraft",
                    target,
                    [sponsor],
                    text=" ".join(alternative.group("t").split()),
                    rationale=rationale,
                    references=references,
                    confidence=0.8,
                )
            ]
        for proposal in proposals:
            base = self.base.find(proposal.paragraph) if proposal.paragraph else None
            apply(proposal, base.text if base is not None else None)
            if proposal.edits and not proposal.applied and "not found" in (proposal.unapplied_reason or ""):
                self._move_to_quoted(proposal, block)
        return proposals

    def _move_to_quoted(self, proposal: Proposal, block: Paragraph | None) -> None:
        """An edit quoting words of a neighbouring paragraph rather than of its row's: it is about that one."""
        nodes = self._base_nodes()
        at = next((k for k, n in enumerate(nodes) if n is block), None)
        if at is None:
            return
        near = list(self.missing.get(id(block), [])) + nodes[max(0, at - 2) : at + 3]
        for node in near:
            for candidate in [node] + [c for c, _ in Draft(node.children).walk()]:
                if candidate.label == proposal.paragraph or not candidate.text:
                    continue
                trial = apply(Proposal(proposal.operation, candidate.label, [], edits=proposal.edits), candidate.text)
                if trial.applied:
                    proposal.paragraph = candidate.label
                    apply(proposal, candidate.text)
                    return

    def _with_bullets(self, block: Paragraph) -> str | None:
        """The nearest paragraph with bullet items around a row (inputs on a list sit in the next row too)."""
        nodes = self._base_nodes()
        at = next((k for k, n in enumerate(nodes) if n is block), 0)
        near = sorted(nodes[max(0, at - 3) : at + 4], key=lambda n: abs(nodes.index(n) - at))
        return next((n.label for n in near if any(c.kind == "item" for c in n.children)), None)

    def _restated(self, text: str, block: Paragraph | None) -> str | None:
        """The paragraph an input restates when its row is followed by paragraphs the compilation lost.

        The GPA compilation has no row for PP2 or PP3: inputs on them sit in PP1's row; and now
        and then an input on one paragraph was pasted into its neighbour's row.
        """
        others = list(self.missing.get(id(block), [])) if block is not None else []
        nodes = self._base_nodes()
        at = next((k for k, n in enumerate(nodes) if n is block), None)
        if at is not None:
            others += [n for n in nodes[max(0, at - 2) : at + 3] if n is not block and n.kind != "heading"]
        words = _fold_words(text)
        if not others or len(words) < 5:
            return None

        def shared(node: Paragraph) -> int:
            matcher = SequenceMatcher(None, _fold_words(node.text), words, autojunk=False)
            return sum(b.size for b in matcher.get_matching_blocks())

        best = max(others, key=shared)
        if shared(best) >= max(4, 1.5 * shared(block)):
            return best.label
        return None

    def _resolve(self, m: re.Match, block: Paragraph | None) -> str | None:
        """A paragraph named in an input: 'PP14', 'OP5' (resolution or annex, by where it stands), '2(d)'."""
        number, suffix, sub = m.group("n"), (m.group("suf") or "").lower(), (m.group("sub") or "").lower()
        in_resolution = block is None or block.kind == "preamble" or block.label.startswith("OP")
        prefix = (m.group("pp") or "").upper()
        if prefix == "PP" or (not prefix and block is not None and block.kind == "preamble"):
            label = f"PP{number}{suffix}"  # in a preambular row, "New para 13bis" is PP13bis
        elif in_resolution and f"OP{number}" in self.resolution_ops:
            label = f"OP{number}{suffix}"
        else:
            label = f"{number}{suffix}"
        return label + sub

    def _new_paragraph(
        self,
        label: str | None,
        text: str,
        after: str | None,
        sponsor: Sponsor,
        rationale: str | None,
        references: list[str],
    ) -> Proposal:
        moved = re.match(r"^\(?\s*moved from (?:paragraph|para|op)\s*\.?\s*(\d+\w*)\s*\)?\s*", text, re.I)
        if moved:  # "Paragraph 10ter (moved from paragraph 39)": a move, with the text as it should read
            text = text[moved.end() :]
        base = re.sub(r"(bis|ter|quater)\b", "", label or "", flags=re.I).replace("()", "")
        if base and self.base.find(base) is not None:
            after = self.base.find(base).label  # PP2bis follows PP2, wherever the input was written
        if moved:
            proposal = Proposal(
                "move",
                moved.group(1),
                [sponsor],
                text=_unquote(text) or None,
                new_label=label,
                related=[moved.group(1)],
                rationale=rationale,
                references=references,
            )
            return proposal
        proposal = Proposal(
            "new_paragraph",
            after,
            [sponsor],
            text=_unquote(text) or None,
            new_label=label,
            rationale=rationale,
            references=references,
        )
        return apply(proposal, None)

    def _grammar(
        self, text: str, target: str | None, sponsor: Sponsor, rationale: str | None, references: list[str]
    ) -> list[Proposal]:
        def make(operation: str, **kw: object) -> Proposal:
            return Proposal(operation, target, [sponsor], rationale=rationale, references=references, **kw)  # type: ignore[arg-type]

        low = text.lower().strip()
        plain = low.rstrip(" .;:")
        if plain in ("delete", "delete whole paragraph", "delete paragraph", "delete the paragraph", "deleted"):
            return [make("delete")]
        m = re.match(r"^delete(?:\s+(?:the\s+)?(?:whole\s+)?paragraph)?\s*[.;]\s*(?P<why>[^“\"]+)$", text, re.I | re.S)
        if m:
            proposal = make("delete")
            proposal.rationale = proposal.rationale or m.group("why").strip()
            return [proposal]
        m = re.match(r"^delete and (?:re)?draft\b.*?as follows\s*:?\s*(?P<t>.+)$", text, re.I | re.S)
        if m:
            return [make("redraft", text=_unquote(m.group("t")))]
        m = re.match(r"^delete\s+(?:the\s+)?(?:whole\s+)?(?:paragraph|para)?\s*(?:pp|op)\s*\.?\s*\d", low)
        if m or re.match(r"^delete\s+(?:pp|op)\s*\.?\s*\d", low):
            named = _TARGET.search(text[6:])
            proposal = make("delete")
            if named:
                proposal.paragraph = self._resolve(named, self.base.find(target) if target else None)
            return [proposal]
        m = re.match(r"^delete\s*\((?P<why>[^()]+)\)", text, re.I)
        if m:
            proposal = make("delete")
            proposal.rationale = proposal.rationale or m.group("why")
            return [proposal]
        m = re.match(r"^delete\s+or\s+(?:change|replace)\s+(?:to|with)\s*:?\s*(?P<alt>.+)$", text, re.I | re.S)
        if m:
            return [make("delete"), make("redraft", text=_unquote(m.group("alt")), confidence=0.8)]
        m = re.match(
            rf"^delete\s+{_Q}\s*,?\s*and\s+replace\s+(?:it\s+)?(?:with|by)\s+(?P<new>[“\"‘].*)$", text, re.I | re.S
        )
        if m:
            return [make("replace", edits=[Edit("replace", old=m.group(1), new=_unquote(m.group("new")))])]
        m = re.match(
            rf"^delete\s+(?P<spans>{_Q}(?:\s*(?:,|and|,\s*and)\s*{_Q})*)\s*[.;]?\s*(?P<why>.*)$", text, re.I | re.S
        )
        if m:
            proposal = make("delete", edits=[Edit("delete", old=q) for q in re.findall(_Q, m.group("spans"))])
            proposal.rationale = proposal.rationale or m.group("why").strip() or None
            return [proposal]
        m = re.match(rf"^(?:replace|change|substitute)\s+{_Q}\s+(?:with|by|to|into)\s+{_Q}", text, re.I)
        if m:
            return [make("replace", edits=[Edit("replace", old=m.group(1), new=m.group(2))])]
        inserts = self._insertions(text)
        if inserts:
            return [make("insert", edits=inserts)]
        m = re.match(
            r"^(?:redraft|request revision|rephrase|revise|reword|amend)\s+(?:as follows|to read)\s*[:.]?\s*(?P<t>.*)$"
            r"|^change whole paragraph to\s*:?\s*(?P<t2>.*)$"
            r"|^replace\s+(?:(?:pp|op)\s*\.?\s*\d+\s*(?:\([a-z]\))?\s*)?with\s*[:.…]*\s*(?P<t3>.*)$",
            text,
            re.I | re.S,
        )
        if m:
            proposed = _unquote(m.group("t") or m.group("t2") or m.group("t3") or "")
            named = re.match(r"^replace\s+(?P<pp>pp|op)\s*\.?\s*(?P<n>\d+)\s*(?P<suf>)(?P<sub>\([a-z]\))?", text, re.I)
            proposal = make("redraft", text=proposed or None)
            if named and named.group("n"):
                proposal.paragraph = self._resolve(named, self.base.find(target) if target else None)
            return [proposal]
        move = self._move(text, target)
        if move is not None:
            return [make("move", new_label=move[0], related=move[1])]
        merge = re.search(
            r"\bmerg(?:e|ing)\b[^.]*?\b(?:with|into)\s+(?:paragraph|para|op|pp)?\s*\.?\s*(\d+)", text, re.I
        )
        streamline = re.search(r"streamline paragraphs?.*?deleting paragraphs?\s+([\d,\sand]+)", text, re.I | re.S)
        if merge or streamline or re.search(r"\(see pp\.?\s*\d+ above\)", text, re.I):
            related = re.findall(r"\d+", (merge or streamline).group(1)) if (merge or streamline) else []
            if not related:
                related = re.findall(r"pp\.?\s*(\d+)", text, re.I)
                related = [f"PP{n}" for n in related]
            return [make("merge", related=related)]
        if re.search(r"\bsplit(?:ting)?\b", text, re.I):
            return [make("split", text=_after_colon(text))]
        adding = re.match(
            rf"^(?:\w+\s+)?(?:suggests?|recommends?)\s+(?:adding|inserting|including)\s*:?\s*{_Q}", text, re.I
        )
        if adding:
            return [make("insert", edits=[Edit("insert", new=adding.group(1))])]
        if re.match(r"^(?:add|insert|include)\b", low) or re.match(r"^suggest(?:s)?\s+adding\b", low):
            words = re.sub(r"^(?:add|insert|include|suggests?\s+adding)\s*[:,]?\s*", "", text, flags=re.I)
            if re.match(r"^new section\b", words, re.I):
                return [make("new_paragraph", text=words, new_label="new section")]
            return [make("insert", edits=[Edit("insert", new=_unquote(words))])]
        restated = None if _COMMENT.match(text) else self._restatement(text, target)
        if restated is not None:
            return [restated(make)]
        return [make("comment")]

    def _insertions(self, text: str) -> list[Edit]:
        """'Add, after “X”, “Y”', 'After “X” add “Y”' (several), '… adding “Y” before “X”'.

        The inserted words run to the next 'after “…”' or to the end, so quotes inside them
        ('“(hereinafter “Trafficking in Persons Protocol”)”') stay whole.
        """
        edits = []
        pattern = (
            rf"(?:add|4dd|insert)\s*,?\s*(?P<pos>after|before)\s+{_Q}(?:\s+in line \d+)?\s*,?\s*(?P<new>[“\"‘].*?)"
        )
        for m in re.finditer(pattern + _NEXT, text, re.I | re.S):
            edits.append(
                Edit("insert", new=_unquote(m.group("new")), anchor=m.group(2), position=m.group("pos").lower())
            )
        if edits:
            return edits
        pattern = rf"(?P<pos>after|before)\s+{_Q}\s*,?\s*(?:add|insert)\s+(?P<new>[“\"‘].*?)"
        for m in re.finditer(pattern + _NEXT, text, re.I | re.S):
            edits.append(
                Edit("insert", new=_unquote(m.group("new")), anchor=m.group(2), position=m.group("pos").lower())
            )
        if edits:
            return edits
        m = re.search(
            rf"(?:add|adding|insert|inserting)\s*:?\s*{_Q}.*?\b(?P<pos>after|before)\s+{_UNCLOSED}", text, re.I | re.S
        )
        if m:
            return [Edit("insert", new=m.group(1), anchor=m.group(3), position=m.group("pos").lower())]
        m = re.match(
            r"^at the end of the (?:paragraph|sentence),?\s*(?:add|insert)\s*:?\s*(?P<new>.+)$", text, re.I | re.S
        )
        if m:
            return [Edit("insert", new=_unquote(m.group("new")), position="end")]
        m = re.match(
            rf"^(?P<pos>after|before)\s+(?:the\s+)?{_Q}\s*,?\s*(?:include|add|insert)\s+(?P<new>[^“\"].*)$",
            text,
            re.I | re.S,
        )
        if m:
            return [Edit("insert", new=m.group("new").strip(), anchor=m.group(2), position=m.group("pos").lower())]
        return []

    def _move(self, text: str, target: str | None) -> tuple[str | None, list[str]] | None:
        """Where a move sends the paragraph, and which other paragraphs it names."""
        m = re.search(r"place (?:this )?paragraph (after|before) (?:op|pp|paragraph)?\s*\.?\s*(\d+\w*)", text, re.I)
        if m:
            return f"{m.group(1).lower()} {m.group(2)}", [m.group(2)]
        m = re.search(r"switch (?:the )?order of paragraphs? (\d+) and (\d+)", text, re.I)
        if m:
            return None, [m.group(1), m.group(2)]
        m = re.search(r"moved? (?:from|to) paragraph\s+(\d+\s*(?:bis|ter)?)", text, re.I)
        if m:
            return "".join(m.group(1).split()), [m.group(1).replace(" ", "")]
        m = re.search(r"\b(?:move|moving)\b.*?\bto\s+(?:the\s+)?(preamble|[a-z]+ section|point \d+)", text, re.I | re.S)
        if m:
            return m.group(1), []
        return None

    def _restatement(self, text: str, target: str | None):  # noqa: ANN202 - returns a builder
        """An ellipsis fragment or a full restatement: the edit is what differs from the base."""
        node = self.base.find(target) if target else None
        if node is None:
            return None
        fragment = text.strip()
        dotted = fragment.startswith(("...", "…")) or fragment.endswith(("...", "…"))
        fragment = fragment.strip(".… ")
        words, struck = self._unstrike(fragment, self._nearby_words(node))
        base_words = _WORDS.findall(node.text)
        lower_base = [w.lower() for w in base_words]
        lower = [w.lower() for w in _WORDS.findall(" ".join(words))]
        if len(lower) < 3:
            return None
        matcher = SequenceMatcher(None, lower_base, lower, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        shared = sum(b.size for b in blocks)
        if shared < max(2, 0.4 * min(len(lower), len(lower_base))) or (shared < 3 and blocks[0].a > 2):
            return None
        cleaned = " ".join(words)
        start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
        leading, trailing = blocks[0].b, len(lower) - (blocks[-1].b + blocks[-1].size)
        if leading and start <= 3:
            start = 0  # "To support the …" replaces "Supporting the …"
        elif 0 < leading <= 3:
            start = max(0, start - leading)
        if trailing and len(lower_base) - end <= 3:
            end = len(lower_base)
        elif 0 < trailing <= 3:
            end = min(len(lower_base), end + trailing)
        whole = not dotted and start <= 2 and blocks[0].b <= 2  # restates the paragraph from its beginning
        confidence = 0.7 if struck else 0.9
        old = _span_text(node.text, base_words, start, end)
        if _fold_words(old) == _fold_words(cleaned) or (whole and _fold_words(node.text) == _fold_words(cleaned)):
            return None  # the base text again, unchanged: no proposal in it

        def build(make):  # noqa: ANN001, ANN202
            if whole:
                return make("redraft", text=cleaned, confidence=confidence)
            new = cleaned
            kind = "replace"
            if old and _fold_words(old) == [w for w in _fold_words(new) if w in set(_fold_words(old))]:
                kind = "insert"  # every old word kept, in order: only words added
            elif new and _fold_words(new) == [w for w in _fold_words(old) if w in set(_fold_words(new))]:
                kind = "delete"  # only words taken out
            return make(kind, edits=[Edit("replace", old=old, new=new)], confidence=confidence)

        return build

    def _nearby_words(self, node: Paragraph) -> set[str]:
        """Words of a paragraph and of its neighbours: what a restatement of it can strike through."""
        nodes = self._base_nodes()
        at = next((k for k, n in enumerate(nodes) if n is node), None)
        near = nodes[max(0, at - 1) : at + 2] if at is not None else [node]
        return {w.lower() for n in near for w in _WORDS.findall(_composite(n))}

    def _garbled(self, word: str, struck_from: set[str]) -> bool:
        """A word OCR made of a struck-through one: not a word of the texts, yet close to a word of the
        paragraph it was struck from ('vietims', 'natienal'), or several of its words fused ('traffickedpersens')."""
        low = word.lower()
        if not low.isalpha():
            return bool(re.search(r"[A-Za-z]", low)) and not low.isdigit()
        if low in self.base_words or len(low) < 3:
            return False
        if any(_misread(low, w) for w in struck_from):
            return True  # even when OCR garbled it the same way several times ('Supperting')
        if low in self.vocabulary:
            return False
        if any(low[:k] in struck_from and low[k:] in struck_from for k in range(2, len(low) - 1)):
            return True  # two struck words fused: 'inpersons'
        return any(low.startswith(w) and low[len(w) :] and len(w) > 3 for w in struck_from)

    def _unstrike(self, text: str, struck_from: set[str]) -> tuple[list[str], bool]:
        """Words of a restatement with OCR'd strike-through taken out ('Supperting-To support' → 'To support').

        Struck words come out garbled or fused with hyphens: a hyphenated token that is not a
        hyphenated word of the draft, with a garbled part, is struck, but for a capitalised real
        word at its end (the African Group's 'Supperting-To').
        """
        out: list[str] = []
        struck = False
        for token in text.split():
            if len(token) > 2 and token.endswith("-") and token[-2].isalpha():
                struck = True  # "Ensuring-that- To ensure": a dangling hyphen inside a line is the strike line
                continue
            core = token.strip(".,;:()“”\"'[]|")
            parts = [p for p in re.split(r"[-—–+]+", core) if p]
            if len(parts) > 1 and core.lower() not in self.hyphenated:
                if any(self._garbled(p, struck_from) for p in parts) or len(parts) > 2:
                    struck = True
                    keep = [p for p in parts[1:] if p[:1].isupper() and p.lower() in self.vocabulary]
                    if keep:
                        out.append(token.replace(core, keep[-1]))
                    continue
            elif len(parts) == 1 and self._garbled(core, struck_from):
                struck = True
                continue
            out.append(token)
        return out, struck


def _misread(word: str, real: str) -> bool:
    """The same word with one or two letters misread ('vietims' for 'victims', 'Pproviding' for 'providing')."""
    if len(word) == len(real) + 1 and len(real) >= 4:
        return any(word[:k] + word[k + 1 :] == real for k in range(len(word)))
    if len(word) != len(real) or len(word) < 4 or word == real:
        return False
    differ = sum(1 for a, b in zip(word, real, strict=True) if a != b)
    return differ <= (1 if len(word) <= 5 else 2)


def _fold_words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def _composite(node: Paragraph) -> str:
    return " ".join([node.text] + [_composite(child) for child in node.children])


def _follows(base: list[str], pointer: int, words: list[str]) -> int | None:
    """The new pointer if `words` continue the base text at `pointer` (OCR-tolerant), else None."""
    if not words or pointer >= len(base):
        return None
    window = base[pointer : pointer + len(words) + 4]
    matcher = SequenceMatcher(None, window, words, autojunk=False)
    shared = sum(b.size for b in matcher.get_matching_blocks())
    if shared < max(1, 0.7 * len(words)):
        return None
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks or blocks[0].a > 3:
        return None
    return pointer + blocks[-1].a + blocks[-1].size


def _continues_base(base: list[str], pointer: int, words: list[str]) -> bool:
    """A base line interleaved among inputs: it continues the base text exactly where it stopped."""
    return pointer > 0 and len(words) >= 3 and base[pointer : pointer + 2] == words[:2]


_TARGET_NAMED = re.compile(
    r"^\s*(?:(?:New\s+)?(?:para(?:graph)?|§)\s*\.?\s*\d|(?:OP|PP)\s*\.?\s*\d|Bullet\s+\d|\(?§\s*\d|[a-z]\s*(?:bis|ter)\)"
    r"|\d{1,2}\s*\.?\s*(?:bis|ter)\b|OP\s*\d*\s*\(?[a-z]\)?\s*:)",
    re.I,
)


def _names_target(line: str) -> bool:
    """An unlabelled block that opens with a paragraph of its own: 'OP 1bis', 'Paragraph 2: delete'."""
    return bool(_TARGET_NAMED.match(line))


def _unquote(text: str) -> str:
    """Words without the quotes around them (inner quotes kept): '“(see “X”)”.' → '(see “X”)'."""
    text = text.strip()
    if len(text) > 1 and text[0] in '“"‘':
        body = text[1:].rstrip(" .,;")
        if body[-1:] in '”"’':
            return body[:-1].strip()
        return text[1:].strip()
    return text


def _after_colon(text: str) -> str | None:
    _, colon, rest = text.partition(":")
    return rest.strip() or None if colon else None


def _span_text(text: str, words: list[str], start: int, end: int) -> str:
    """The stretch of `text` from its start-th to its (end-1)-th word."""
    positions = [m.span() for m in _WORDS.finditer(text)]
    if not positions or start >= len(positions):
        return ""
    return text[positions[start][0] : positions[min(end, len(positions)) - 1][1]]
