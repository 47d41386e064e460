"""What an input asks, read by the forms negotiators write.

Each form is tried in turn, and the first that fits gives the proposals: deletions ("Delete",
"Delete PP3", "Delete “X”"), replacements ("Replace “X” with “Y”"), insertions ("Add, after “X”,
“Y”"), redrafts ("Redraft as follows: …"), moves, merges, splits, additions, and at last a
restatement of the paragraph diffed against the base. What fits no form is a comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from amendtrack.compare.asks import described
from amendtrack.model.proposal import Edit, Proposal, apply, find_span
from amendtrack.model.tree import Draft, Paragraph, normalise_label
from amendtrack.read.compilation.context import Compilation
from amendtrack.read.compilation.fragments import base_paragraph, continuation, pieces, restatement_of
from amendtrack.read.compilation.request import Request
from amendtrack.read.compilation.restatement import appended_at, kind_of_change
from amendtrack.read.compilation.strikethrough import unstrike
from amendtrack.read.compilation.targets import PARAGRAPH_NAMED, opens_as, resolve_label
from amendtrack.read.compilation.wording import text_with_subparagraphs, without_quotes, words_of

_Q = r"[“\"‘']\s*(.+?)\s*[”\"’']"  # a quoted string
_UNCLOSED = r"[“\"‘]\s*(.+?)\s*(?:[”\"’]|\.\.\.|…|$)"  # a quote the scan may have cut off
_NEXT = r"(?=\s*(?:,|and)?\s*\b(?:add\s*,?\s*)?(?:after|before)\s+[“\"‘]|\s*$)"  # where inserted words end
_COMMENT = re.compile(
    r"^\s*(?:recommend|suggest|we\b|it\b|needs?\b|ideally|again|please|this\b|there\b|would|should|in addition"
    r"|currently|the aim|comment|question|note\b|\[note|why\b|what\b|how\b|is\b|are\b)",
    re.I,
)
_JUDGEMENT = re.compile(  # '… is worthwhile.', '… are not necessary.': a sentence that judges, no words of a text
    r"^[^.;:“\"‘]+\b(?P<verb>is|are|seems?|remains?)\s+(?:(?:very|most|particularly|not|also|still|highly)\s+)*"
    r"(?:worthwhile|welcomed?|important|useful|necessary|unnecessary|essential|crucial|valuable|appreciated"
    r"|supported|acceptable|unacceptable|problematic|unclear|vague|redundant|premature|superfluous)\s*[.!]?\s*$",
    re.I,
)
_FOLDED_INTO = re.compile(
    r"\b(?:streamlined|merged?|incorporated|folded|combined|moved)\b\s+(?:with|into|in|to)\s+"
    r"(?:(?:the\s+)?(?:paragraph|para|op|pp)\s*\.?\s*)?(?P<n>\d+\w*)",
    re.I,
)
_DELETE_ALONE = ("delete", "delete whole paragraph", "delete paragraph", "delete the paragraph", "deleted")
_REMARK_WORDS = re.compile(r"\b(?:should|must|would|could|needs? to)\b", re.I)
STRAY_MOST = 3  # 'Delete' and at most this many words the paragraph does not have: the scan's, from elsewhere
STRAY_CONFIDENCE = 0.6  # … a reading to check
SUGGESTED_MOST = 8  # the most words after 'suggest deleting' looked for in the paragraph
DESCRIBED_CONFIDENCE = 0.8  # a new paragraph known only by what it is about
_ASIDE = re.compile(  # a parenthesis closing a restatement that asks the facilitators something
    r"\(\s*((?:seek|request|ask|need)s?\b[^()]*\bclarif\w*|to be (?:discussed|confirmed|clarified)[^()]*)\s*\)"
    r"[\s”\"’.;,]*$",
    re.I,
)
RESTATES = 0.6  # share of a text's words that are its paragraph's for it to restate the paragraph
_SUGGESTED = r"(?:(?:also|further|we)\s+)?(?:(?:suggest|recommend|propose)(?:s|ed)?\s+(?:to\s+)?)?"  # before a verb
_MOVED_FROM = re.compile(r"^\(?\s*moved from (?:paragraph|para|op)\s*\.?\s*(\d+\w*)\s*\)?\s*", re.I)


Form = Callable[[Request, Compilation], list[Proposal] | None]


_NEXT_INSTRUCTION = re.compile(  # "… and replace with “Y”" finishes a deletion: it starts nothing
    r"(?<=[.;”\"])\s+(?:and\s+(?=(?:add|insert|delete|change|move)\b)"
    r"|(?=(?:also\s+|then\s+)?(?:add|insert|delete|replace|change|substitute|move|redraft)\b"
    r"|(?:also\s+|further\s+)?(?:suggest|recommend|propose)(?:s|ed)?\s+(?:further\s+|also\s+)?(?:adding|inserting|including"
    r"|deleting|replacing|reference|the\s+inclusion|inclusion)\b"
    r"|\d(?:st|nd|rd|th)\s+bullet\s*:"
    r"|(?:(?:further|also|in addition)\s*,?\s*)?(?:after|before)\s+[“\"‘][^”\"’]{1,80}[”\"’]\s*,?\s*"
    r"(?:add|insert|include)\b"  # 'After “A” add …', 'Further, after “A” include …' opens one
    r"|[^.;“\"‘]{0,40}[“\"‘][^”\"’]{1,150}[”\"’][^.;“\"‘]{0,30}?\b(?:should|must|could|to)\s+be\s+(?:deleted|removed"
    r"|replaced|changed)\b))",  # 'In any case “X” in line 2 should be deleted.'
    re.I,
)
_PASSIVE = re.compile(  # '“X” (in line 2) should be deleted', '… should be replaced with “Y”'
    rf"^[^“\"‘]{{0,40}}{_Q}[^“\"‘.;]{{0,30}}?\b(?:should|must|could|to)\s+be\s+(?P<verb>deleted|removed|replaced|changed)\b"
    rf"(?:\s+(?:with|by|to)\s+{_Q})?",
    re.I | re.S,
)


_VERB = re.compile(
    r"\b(?:add|4dd|insert|include|delete|replace|change|substitute|move|redraft)\b|^(?:also\s+|further\s+)?(?:suggest|recommend"
    r"|propose)|\bbe\s+(?:deleted|removed|replaced|changed)\b",
    re.I,
)


def is_remark(text: str) -> bool:
    """An input that opens as a remark ('We think …', 'Recommend …', 'It is …'), not as words of a text."""
    return _COMMENT.match(text) is not None


def read_request(request: Request, compilation: Compilation) -> list[Proposal]:
    """The proposals an input makes, one per instruction it gives ('Add … . Change “X” to “Y”' is two); a remark
    beside an instruction ('It is unclear what “X” means. Also suggest replacing …') is a comment of its own. An
    input with a part no form reads that is no remark stays whole (its reading is then flagged, not cut up)."""
    parts = _instructions(request.text)
    if len(parts) > 1:
        found = [read_one(replace(request, text=part.strip()), compilation) for part in parts]
        read = [bool(proposals) and proposals[0].operation != "comment" for proposals in found]
        remarks = [done or is_remark(part) for done, part in zip(read, parts, strict=True)]
        if (read[0] and sum(read) >= 2) or (any(read) and all(remarks)):  # never an instruction left unread
            node = base_paragraph(request, compilation)
            return _put_in_place(
                [proposal for proposals in found for proposal in proposals], node.text if node else None
            )
    return read_one(request, compilation)


def _put_in_place(proposals: list[Proposal], base: str | None) -> list[Proposal]:
    """'After “A” add “Y” and delete “Z”' where Z stands right after A, or 'Delete “Z”. Replace with “Y”' where
    Y is no restatement of the paragraph: one replacement of Z by Y, the way the delegation would say it had it
    thought of it so."""
    out: list[Proposal] = []
    for proposal in proposals:
        edit = _replacement_of(out[-1], proposal, base) if out and base is not None else None
        if edit is None:
            out.append(proposal)
            continue
        kind = kind_of_change(edit.old or "", edit.new or "")
        out[-1] = apply(replace(out[-1], operation=kind, edits=[edit], text=None), base)
    return out


def _replacement_of(one: Proposal, other: Proposal, base: str) -> Edit | None:
    """The replacement two readings of one input make together, if they do."""
    pair = _insertion_and_deletion(one, other)
    if pair is not None:
        inserted, deleted = pair
        in_place = _in_place_of(inserted, deleted, base)
        return Edit("replace", old=deleted.old, new=inserted.new) if in_place else None
    deletes = one.operation == "delete" and len(one.edits) == 1 and one.edits[0].old
    if deletes and other.operation == "redraft" and other.text and not restates(other.text, base):
        return Edit("replace", old=one.edits[0].old, new=other.text.strip(" .…"))
    return None


def restates(text: str, base: str) -> bool:
    """Whether most of a text's words are the paragraph's: a restatement of it, not new words for a stretch."""
    words, known = words_of(text), set(words_of(base))
    return bool(words) and sum(w in known for w in words) >= RESTATES * len(words)


def _insertion_and_deletion(one: Proposal, other: Proposal) -> tuple[Edit, Edit] | None:
    """The insertion's and the deletion's edits of two proposals that are one of each, one edit each."""
    if len(one.edits) != 1 or len(other.edits) != 1 or {one.operation, other.operation} != {"insert", "delete"}:
        return None
    return (one.edits[0], other.edits[0]) if one.operation == "insert" else (other.edits[0], one.edits[0])


def _in_place_of(inserted: Edit, deleted: Edit, base: str) -> bool:
    """Whether the words deleted stand right after the insertion's anchor: the new words take their place."""
    if inserted.position != "after" or not inserted.anchor or not deleted.old:
        return False
    try:
        gone = find_span(base, deleted.old)
    except ValueError:  # words found more than once: no telling
        return False
    anchor = words_of(inserted.anchor)
    return gone is not None and bool(anchor) and words_of(base[: gone[0]])[-len(anchor) :] == anchor


def _instructions(text: str) -> list[str]:
    """The input cut before each instruction verb (or suggestion) that follows a full stop, semicolon or closing
    quote; a piece that gives no instruction of its own ('After “X”' before 'add “Y”') stays with the one after
    it, unless it is a remark of its own ('It is unclear what “X” means.')."""
    parts: list[str] = []
    pending = ""
    for piece in _NEXT_INSTRUCTION.split(text):
        pending = f"{pending} {piece}".strip() if pending else piece.strip()
        if pending and (_VERB.search(pending) or (is_remark(pending) and pending.endswith("."))):  # a remark stands
            parts.append(pending)
            pending = ""
    if pending and parts:
        parts[-1] = f"{parts[-1]} {pending}"
    elif pending:
        parts.append(pending)
    return parts


def read_one(request: Request, compilation: Compilation) -> list[Proposal]:
    """The proposals of one instruction: those of the first form it fits (`_FORMS`, in order), else a comment."""
    for form in _FORMS:
        proposals = form(request, compilation)
        if proposals is not None:
            return proposals
    return _restatement_or_comment(request, compilation)


def new_paragraph(request: Request, label: str | None, text: str, base: Draft) -> Proposal:
    """A new paragraph ('PP5bis: …'), placed after the paragraph it is numbered from; or, when it says
    it was moved from another ('Paragraph 10ter (moved from paragraph 39)'), a move with the text as it should read."""
    moved = _MOVED_FROM.match(text)
    if moved:
        source = moved.group(1)
        text = without_quotes(text[moved.end() :]) or None
        return replace(request, paragraph=source).proposal("move", text=text, new_label=label, related=[source])
    numbered_from = re.sub(r"(bis|ter|quater)\b", "", label or "", flags=re.I).replace("()", "")
    found = base.find(numbered_from) if numbered_from else None
    after = found.label if found is not None else request.paragraph  # PP2bis follows PP2, wherever it was written
    proposal = replace(request, paragraph=after).proposal(
        "new_paragraph", text=without_quotes(text) or None, new_label=label
    )
    return apply(proposal, None)


# --- deleting the paragraph -------------------------------------------------------------------


def _deletion_of_paragraph(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete', 'Delete paragraph.', and 'Delete. It repeats PP3' (the reason is the rationale)."""
    if request.text.lower().strip().rstrip(" .;:") in _DELETE_ALONE:
        return [request.proposal("delete")]
    m = re.match(
        r"^delete(?:\s+(?:the\s+)?(?:whole\s+)?paragraph)?\s*[.;]\s*(?P<why>[^“\"]+)$", request.text, re.I | re.S
    )
    return [_because(request.proposal("delete"), m.group("why").strip())] if m else None


def _deletion_with_stray_words(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete' followed by a few words that are nowhere in the paragraph and not quoted ('delete clarification);'):
    the words are the scan's, from another column; the paragraph is deleted, the reading flagged for a look."""
    m = re.match(r"^delete\s+(?P<rest>[^“\"‘]+)$", request.text, re.I | re.S)
    node = base_paragraph(request, compilation)
    if not m or node is None or len(words_of(m.group("rest"))) > STRAY_MOST:
        return None
    rest = m.group("rest")
    if set(words_of(rest)) & set(words_of(node.text)) or _VERB.search(rest) or re.search(r"\d", rest):
        return None  # words of the paragraph, another instruction, or a paragraph named: not stray
    return [request.proposal("delete", confidence=STRAY_CONFIDENCE)]


def _suggested_deletion(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Suggest deleting UN.GIFT as it is not a separate entity': the words named, when the paragraph has them
    (the longest run of the words after the verb that it has), deleted; the rest is the reason."""
    verb = r"^(?:\w+\s+)?(?:suggests?|recommends?|proposes?)\s+(?:deleting|removing|the deletion of)"
    m = re.match(verb + r"\s+(?P<rest>[^“\"‘]+)$", request.text, re.I | re.S)
    node = base_paragraph(request, compilation)
    if not m or node is None:
        return None
    said = m.group("rest").split()
    paragraph = f" {' '.join(words_of(node.text))} "
    for size in range(min(len(said), SUGGESTED_MOST), 0, -1):
        words = words_of(" ".join(said[:size]))
        if words and f" {' '.join(words)} " in paragraph and (size > 1 or len(said[0]) > 3):
            old = " ".join(said[:size]).strip(" ,.;:")
            why = " ".join(said[size:]).strip(" ,.;:") or None
            return [_because(request.proposal("delete", edits=[Edit("delete", old=old)]), why)]
    return None


def _deletion_and_redraft(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete and redraft as follows: …': a redraft. 'Delete and draft a para on ICAT as follows: …': the
    paragraph deleted and a new one in its place (a paragraph of its own, on its own subject)."""
    m = re.match(r"^delete and (?:re)?draft\b(?P<how>.*?)as follows\s*:?\s*(?P<t>.+)$", request.text, re.I | re.S)
    if not m:
        return None
    text = without_quotes(m.group("t"))
    if re.search(r"\b(?:a|another|new)\s+(?:new\s+)?(?:para|paragraph)\b", m.group("how"), re.I):
        placed = new_paragraph(request, None, text, compilation.base)
        return [request.proposal("delete"), placed]
    return [request.proposal("redraft", text=text)]


def _deletion_of_named_paragraph(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete PP3', 'Delete the whole paragraph OP 2': the paragraph it names is deleted."""
    low = request.text.lower().strip()
    if not re.match(r"^delete\s+(?:the\s+)?(?:whole\s+)?(?:paragraph|para)?\s*(?:pp|op)\s*\.?\s*\d", low):
        return None
    named = PARAGRAPH_NAMED.search(request.text[6:])
    proposal = request.proposal("delete")
    if named:
        proposal.paragraph = resolve_label(named, base_paragraph(request, compilation), compilation)
    return [proposal]


def _deletion_with_reason(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete (covered by OP4)': the reason in brackets is the rationale."""
    m = re.match(r"^delete\s*\((?P<why>[^()]+)\)", request.text, re.I)
    if not m:
        return None
    into = _FOLDED_INTO.search(m.group("why"))
    if into:  # 'Delete (streamlined with OP42)', '(idea moved to paragraph 44)': its substance goes there
        return [_because(request.proposal("merge", related=[into.group("n")]), m.group("why"))]
    return [_because(request.proposal("delete"), m.group("why"))]


def _deletion_or_redraft(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete or replace with: …': two proposals, the redraft as the less certain."""
    m = re.match(r"^delete\s+or\s+(?:change|replace)\s+(?:to|with)\s*:?\s*(?P<alt>.+)$", request.text, re.I | re.S)
    if not m:
        return None
    return [
        request.proposal("delete"),
        request.proposal("redraft", text=without_quotes(m.group("alt")), confidence=0.8),
    ]


# --- quoted words deleted or replaced -----------------------------------------------------------


def _deletion_then_replacement(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete “X” and replace it with “Y”': a replacement."""
    m = re.match(
        rf"^delete\s+{_Q}\s*,?\s*and\s+replace\s+(?:it\s+)?(?:with|by)\s+(?P<new>[“\"‘].*)$", request.text, re.I | re.S
    )
    if not m:
        return None
    return [request.proposal("replace", edits=[Edit("replace", old=m.group(1), new=without_quotes(m.group("new")))])]


def _deletion_from_quote(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete the sentence starting with “X” (and replace with “Y”)': the words of the paragraph from X to the
    end of its sentence are taken out (or replaced)."""
    m = re.match(
        rf"^delete\s+(?:the\s+)?(?:sentence|clause|phrase|part|text|words)\s+(?:starting|beginning)\s+(?:with|from)\s+"
        rf"{_Q}\s*,?\s*(?:and\s+replace\s+(?:it\s+)?(?:with|by)\s+(?P<new>[“\"‘].*))?[\s.;]*$",
        request.text,
        re.I | re.S,
    )
    node = base_paragraph(request, compilation)
    if not m or node is None:
        return None
    try:
        span = find_span(node.text, m.group(1))
    except ValueError:  # the words stand more than once: no telling which sentence
        return None
    if span is None:
        return None
    at = span[0]
    ends = [node.text.find(mark, at) for mark in (". ", ";", ":")]
    old = node.text[at : min([e for e in ends if e >= 0], default=len(node.text))].rstrip(" .;:")
    if m.group("new") is None:
        return [request.proposal("delete", edits=[Edit("delete", old=old)])]
    return [request.proposal("replace", edits=[Edit("replace", old=old, new=without_quotes(m.group("new")))])]


def _passive_instruction(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'In any case “X” in line 2 should be deleted', '“X” should be replaced with “Y”': the instruction said of
    the words rather than given."""
    m = _PASSIVE.match(request.text)
    if not m:
        return None
    old, new = m.group(1), m.group(3)
    if m.group("verb").lower() in ("deleted", "removed"):
        return [request.proposal("delete", edits=[Edit("delete", old=old)])]
    if new is None:
        return None
    return [request.proposal(kind_of_change(old, new), edits=[Edit("replace", old=old, new=new)])]


def _deletion_of_words(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete “X”, “Y” and “Z”', with any reason after them as the rationale."""
    m = re.match(
        rf"^delete\s+(?P<spans>{_Q}(?:\s*(?:,|and|,\s*and)\s*{_Q})*)\s*[.;]?\s*(?P<why>.*)$", request.text, re.I | re.S
    )
    if not m:
        return _deletion_unclosed(request, compilation)
    proposal = request.proposal("delete", edits=[Edit("delete", old=q) for q in re.findall(_Q, m.group("spans"))])
    return [_because(proposal, m.group("why").strip() or None)]


def _deletion_unclosed(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Delete “formal and informal' (the OCR lost the closing quote): the words after the opening quote, to
    the end, when the paragraph has them word for word."""
    m = re.match(r"^delete\s+[“\"‘']([^”\"’]+?)[\s.;,]*$", request.text, re.I)
    node = base_paragraph(request, compilation)
    if not m or node is None or " ".join(words_of(m.group(1))) not in " ".join(words_of(node.text)):
        return None
    return [request.proposal("delete", edits=[Edit("delete", old=m.group(1).strip())])]


def _bracketing(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Bracket “X”', 'Put “X” in (square) brackets': a replacement of X by [X]; 'Unbracket “X”', 'Remove the
    brackets around “X”', 'Delete the brackets in “X”': of [X] by X."""
    text = request.text
    put = re.match(
        rf"^(?:bracket|square-bracket|put|place)\s+{_Q}(?:\s+(?:in|into|between)\s+(?:square\s+)?brackets)?", text, re.I
    )
    if put and (text.lower().startswith(("bracket", "square")) or "bracket" in text[put.end(2) :].lower()[:30]):
        words = put.group(1)
        return [request.proposal("replace", edits=[Edit("replace", old=words, new=f"[{words}]")])]
    off = re.match(
        rf"^(?:unbracket|(?:remove|delete|lift|drop)\s+(?:the\s+)?(?:square\s+)?brackets?\s+(?:around|from|in|on)?)\s*{_Q}",
        text,
        re.I,
    )
    if off:
        words = off.group(1).strip("[]")
        return [request.proposal("replace", edits=[Edit("replace", old=f"[{words}]", new=words)])]
    return None


def _replacement(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Replace “X” with “Y”', 'Change “X” to “Y”': named by the change it makes, so 'Change “and their full
    rehabilitation” to “and their rehabilitation”' is a deletion and “is voluntary” → “is preferably voluntary”
    an insertion."""
    m = re.match(
        rf"^{_SUGGESTED}(?:replac|chang|substitut)(?:e|ing)\s+(?:the\s+words?\s+)?{_Q}\s+(?:with|by|to|into)\s+{_Q}",
        request.text,
        re.I,
    )
    if not m:
        return None
    return [
        request.proposal(
            kind_of_change(m.group(1), m.group(2)), edits=[Edit("replace", old=m.group(1), new=m.group(2))]
        )
    ]


def _deletion_after_quote(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'After “..proceedings” delete “including, inter alia, …”': the quoted words deleted (the first quote
    only says where they are)."""
    m = re.match(rf"^(?:after|following)\s+{_Q}\s*,?\s*(?:delete|remove)\s+{_Q}", request.text, re.I | re.S)
    return [request.proposal("delete", edits=[Edit("delete", old=m.group(2).strip(" .,;"))])] if m else None


def _instruction_in_brackets(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Ensuring liability of all categories of offenders, (delete “including liability of legal persons”)': a
    restatement that says in brackets what it changes; the instruction is what it asks."""
    m = re.search(rf"\((?P<say>(?:delete|remove|add|insert|replace|change)\s+{_Q}[^()]*)\)", request.text, re.I)
    if not m or m.start() == 0:
        return None
    return read_one(replace(request, text=m.group("say")), compilation)


# --- words inserted -------------------------------------------------------------------------------


def _insertion(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """Words inserted after or before quoted words, or at the end (see `insertions`)."""
    edits = insertions(request.text)
    return [request.proposal("insert", edits=edits)] if edits else None


# Quoted words to insert after or before quoted words; the inserted words run to the next
# 'after “…”' or to the end, so quotes inside them ('“(hereinafter “X Protocol”)”') stay whole.
_INSERTED_AT_QUOTE = (
    rf"(?:add|4dd|insert)\s*,?\s*(?P<pos>after|before)\s+{_Q}(?:\s+in line \d+)?\s*,?\s*(?P<new>[“\"‘].*?)",
    rf"(?P<pos>after|before)\s+{_Q}\s*,?\s*(?:add|insert)\s+(?P<new>[“\"‘].*?)",
)


def insertions(text: str) -> list[Edit]:
    """The insertions an input asks: 'Add, after “X”, “Y”', 'After “X” add “Y”' (several at once),
    '… adding “Y” before “X”', 'At the end of the paragraph add: …', 'After “X” include Y'."""
    for pattern in _INSERTED_AT_QUOTE:
        edits = [
            Edit("insert", new=without_quotes(m.group("new")), anchor=m.group(2), position=m.group("pos").lower())
            for m in re.finditer(pattern + _NEXT, text, re.I | re.S)
        ]
        if edits:
            return edits
    edit = _single_insertion(text)
    return [edit] if edit is not None else []


def _single_insertion(text: str) -> Edit | None:
    """'Adding “Y” after “X…”' (the anchor's quote may be cut off), 'At the end of the sentence add: …',
    'After “X” include Y' (unquoted words)."""
    m = re.search(
        rf"(?:add|adding|insert|inserting)\s*:?\s*{_Q}.*?\b(?P<pos>after|before)\s+{_UNCLOSED}", text, re.I | re.S
    )
    if m:
        return Edit("insert", new=m.group(1), anchor=m.group(3), position=m.group("pos").lower())
    m = re.match(r"^at the end of the (?:paragraph|sentence),?\s*(?:add|insert)\s*:?\s*(?P<new>.+)$", text, re.I | re.S)
    if m:
        return Edit("insert", new=without_quotes(m.group("new")), position="end")
    m = re.match(
        rf"^(?:(?:further|also|in addition)\s*,?\s*)?(?P<pos>after|before)\s+(?:the\s+)?{_Q}\s*,?\s*"
        rf"(?:include|add|insert)\s+(?P<new>[^“\"].*)$",
        text,
        re.I | re.S,
    )
    if m:
        return Edit("insert", new=m.group("new").strip(), anchor=m.group(2), position=m.group("pos").lower())
    return None


# --- the paragraph redrafted, moved, merged or split -----------------------------------------------


def _redraft_as_follows(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Redraft as follows: …', 'Redraft in accordance with UNTOC: …' (what comes before the colon is the
    rationale), 'Change whole paragraph to: …', 'Replace OP2 with: …'."""
    text = request.text
    m = re.match(
        r"^(?:redraft|request revision|rephrase|revise|reword|amend)\s+(?:as follows|to read)\s*[:.]?\s*(?P<t>.*)$"
        r"|^(?:redraft|rephrase|revise|reword)\b(?P<why>[^:“\"]{0,80}):\s*(?P<t4>.+)$"
        r"|^change whole paragraph to\s*:?\s*(?P<t2>.*)$"
        r"|^replace\s+(?:(?:pp|op)\s*\.?\s*\d+\s*(?:\([a-z]\))?\s*)?with\s*[:.…]*\s*(?P<t3>.*)$",
        text,
        re.I | re.S,
    )
    if not m or (m.group("t4") and _REMARK_WORDS.search(m.group("t4"))):
        return None  # 'redraft: the role of NGOs should be explained' says what to do, not the wording
    proposed = without_quotes(m.group("t") or m.group("t2") or m.group("t3") or m.group("t4") or "")
    named = re.match(r"^replace\s+(?P<pp>pp|op)\s*\.?\s*(?P<n>\d+)\s*(?P<suf>)(?P<sub>\([a-z]\))?", text, re.I)
    proposal = _because(request.proposal("redraft", text=proposed or None), (m.group("why") or "").strip() or None)
    if named and named.group("n"):
        proposal.paragraph = resolve_label(named, base_paragraph(request, compilation), compilation)
    return [proposal]


def _redraft_without_words(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Redraft in accordance with UNTOC provisions on confiscation', 'redraft: the role of NGOs should be
    explained': a redraft asked for by what it should do, without its words (the ask is the rationale)."""
    m = re.match(r"^(?:redraft|rephrase|revise|reword)\b\s*[:,]?\s*(?P<why>[^“\"‘]*)$", request.text, re.I | re.S)
    if not m or not m.group("why").strip(" .;"):
        return None
    return [_because(request.proposal("redraft"), " ".join(m.group("why").split()).strip(" .;"))]


_BETTER_WORDED = re.compile(
    r"\b(?:could|should|must|needs?\s+to|ought\s+to)\s+be\s+(?:made\s+)?(?:stronger|strengthened|clearer|clarified"
    r"|reformulated|rephrased|redrafted|reworded|more\s+(?:specific|explicit|precise|concrete))\b"
    r"|\brecommends?\s+(?:consideration\s+(?:for|of)\s+)?(?:rewording|redrafting|rephrasing)\b",
    re.I,
)


def _redraft_asked_as_remark(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'§52 could be stronger in its formulation, so that …', 'should be reworded': a redraft asked for in a
    remark, without words (quoted words are traced as the comment's own asks instead)."""
    first = re.split(r"(?<=[.;])\s", request.text.strip(), maxsplit=1)[0]
    if not _BETTER_WORDED.search(first) or re.search(r"[“\"‘]", request.text):
        return None
    return [_because(request.proposal("redraft"), " ".join(request.text.split()))]


def _move_of_paragraph(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Place this paragraph after OP6', 'Switch the order of paragraphs 4 and 5', 'Move to the preamble'."""
    move = _order_stated(request.text, request.paragraph) or _destination(request.text)
    return [request.proposal("move", new_label=move[0], related=move[1])] if move is not None else None


_NUMBERED = r"(?:\bpara(?:graph)?s?\s*\.?\s*|\b(?=(?:PP|OP)\s*\.?\s*\d))"  # 'paragraph 41', 'para. 39', 'OP4'
_LABEL = r"(?:(?:PP|OP)\s*\.?\s*)?\d+\w*"
_ORDER = re.compile(
    rf"{_NUMBERED}(?P<a>{_LABEL})\s+(?:should\s+(?:come|be\s+placed|go)|(?:is\s+)?placed)\s+"
    rf"(?P<where>before|after)\s+(?:para(?:graph)?\s*\.?\s*)?(?P<b>{_LABEL})",
    re.I,
)
_OWN_ORDER = re.compile(  # 'should come before PP1' after the paragraph it names ('PP 2 should …', 'OP3: …')
    rf"^\s*:?\s*(?:should\s+(?:come|be\s+placed|go)|(?:is\s+)?placed|to\s+(?:come|go))\s+(?P<where>before|after)\s+"
    rf"(?:para(?:graph)?\s*\.?\s*)?(?P<b>{_LABEL})",
    re.I,
)
_RENUMBERED = re.compile(
    rf"(?:\bprevious\s+)?{_NUMBERED}(?P<a>{_LABEL})\s+(?:(?:is\s+)?now|becomes?|(?:is\s+)?moved\s+to)\s+"
    rf"(?:para(?:graph)?\s*\.?\s*)?(?P<b>{_LABEL})",
    re.I,
)


def _order_stated(text: str, paragraph: str | None) -> tuple[str | None, list[str]] | None:
    """'Paragraph 41 should come before paragraph 31' in 31's row is 31 moved after 41 (in 41's row, 41 moved
    before 31); 'previous para 39 now 41' in 39's row is 39 moved to 41. Only an order that names the row's own
    paragraph: a delegation's remark on other paragraphs moves none of this one."""
    own = normalise_label(paragraph or "")
    m = _OWN_ORDER.match(text)
    if m and paragraph:
        return f"{m.group('where').lower()} {_label_of(m.group('b'))}", [_label_of(m.group("b"))]
    for m in _ORDER.finditer(text):
        a, b, where = _label_of(m.group("a")), _label_of(m.group("b")), m.group("where").lower()
        if own == normalise_label(a):
            return f"{where} {b}", [b]
        if own == normalise_label(b):
            return f"{'after' if where == 'before' else 'before'} {a}", [a]
    m = next((m for m in _RENUMBERED.finditer(text) if normalise_label(_label_of(m.group("a"))) == own), None)
    return (_label_of(m.group("b")), [_label_of(m.group("b"))]) if m else None


def _label_of(said: str) -> str:
    """'OP. 4' as the draft writes it: 'OP4'."""
    return re.sub(r"[\s.]", "", said).upper() if said[:1].isalpha() else said


def _destination(text: str) -> tuple[str | None, list[str]] | None:
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
    m = re.search(
        r"\b(?:move|moving|place|placing)\b[^.;]*?\b(?:to\s+)?(?:follow(?:ing)?\s+)?(after|before)\s+"
        r"(?:op|pp|paragraph|para)\s*\.?\s*(\d+\w*)",
        text,
        re.I | re.S,
    )
    if m:  # 'Suggest moving the paragraph up to follow after paragraph 44'
        return f"{m.group(1).lower()} {m.group(2)}", [m.group(2)]
    return None


def _merger_with_others(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Merge with paragraph 7', 'Streamline paragraphs … by deleting paragraphs 8 and 9', '(see pp 3 above)'."""
    text = request.text
    merge = re.search(r"\bmerg(?:e|ing)\b[^.]*?\b(?:with|into)\s+(?:paragraph|para|op|pp)?\s*\.?\s*(\d+)", text, re.I)
    named = merge or re.search(r"streamline paragraphs?.*?deleting paragraphs?\s+([\d,\sand]+)", text, re.I | re.S)
    if not named and not re.search(r"\(see pp\.?\s*\d+ above\)", text, re.I):
        return None
    related = re.findall(r"\d+", named.group(1)) if named else []
    if not related:
        related = [f"PP{n}" for n in re.findall(r"pp\.?\s*(\d+)", text, re.I)]
    related = [label for label in dict.fromkeys(related) if label != request.paragraph]  # never itself
    return [request.proposal("merge", related=related)]


def _split_of_paragraph(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Split into two paragraphs: …' (the text after the colon, if any)."""
    if not re.search(r"\bsplit(?:ting)?\b", request.text, re.I):
        return None
    _, colon, rest = request.text.partition(":")
    return [request.proposal("split", text=rest.strip() or None if colon else None)]


# --- words added, restatements, comments ------------------------------------------------------------


_SUGGEST_ADDING = r"^(?:\w+\s+)?(?:suggests?|recommends?)\s+(?:further\s+|also\s+)?(?:adding|inserting|including)"


def _suggested_addition(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Japan suggests adding “…”', 'Recommends including “…”': an insertion without a place; 'Recommend
    inserting following “by exchanging information” “with full respect for …”': one after those words."""
    placed = re.match(
        _SUGGEST_ADDING + r"\s+(?:the\s+)?(?:following\s+)?"
        r"(?P<pos>after|following|before)?\s*:?\s*[“\"‘](?P<at>[^”\"’]{2,}?)[”\"’]\s*[,:]?\s*[“\"‘](?P<new>[^”\"]{3,}?)(?:[”\"’]|$)",
        request.text,
        re.I | re.S,
    )
    if placed:
        position = "before" if (placed.group("pos") or "").lower() == "before" else "after"
        new = " ".join(placed.group("new").split()).strip(" ,.;")
        return [
            request.proposal(
                "insert",
                edits=[Edit("insert", new=new, anchor=" ".join(placed.group("at").split()), position=position)],
            )
        ]
    m = re.match(
        rf"{_SUGGEST_ADDING}\s*:?\s*{_Q}",
        request.text,
        re.I,
    )
    m = m or re.match(  # 'Suggest inclusion of a sentence along the lines of “…”': the words it quotes
        rf"^(?:\w+\s+)?(?:suggests?|recommends?)\s+(?:the\s+)?(?:inclusion|addition|insertion)\s+of\b[^“\"‘]*?{_Q}",
        request.text,
        re.I | re.S,
    )
    return [request.proposal("insert", edits=[Edit("insert", new=m.group(1))])] if m else None


def _descriptive_addition(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Recommend reference to the UN Guidelines on …', 'Suggest inclusion of family tracing': words asked for
    by what they are about; the disposition looks for what they name."""
    if described(request.text) is None:
        return None
    return [request.proposal("insert", edits=[Edit("insert", new=request.text.strip())])]


def _described_paragraph(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Recommend consideration of an additional paragraph, to consider the creation of National Rapporteurs':
    a new paragraph known by what it is about; the disposition looks for a paragraph that says it."""
    m = re.match(
        r"^(?:\w+ ){0,2}(?:recommends?|suggests?|proposes?|requests?) (?:the )?(?:consideration of |considering "
        r"|adding |inserting |including |inclusion of |insertion of |the addition of )?(?:an?|another) "
        r"(?:(?:additional|new|separate|further) (?:paragraph|para)\b[ ,:]*"
        r"|(?:paragraph|para) (?=(?:that|which|on|about|addressing|dealing|to)\b))(?P<about>.+)$",
        " ".join(request.text.split()),  # spaces as one: a run of them costs the pattern nothing
        re.I | re.S,
    )
    if not m:
        return None
    return [request.proposal("new_paragraph", text=" ".join(m.group("about").split()), confidence=DESCRIBED_CONFIDENCE)]


def _addition(request: Request, compilation: Compilation) -> list[Proposal] | None:
    """'Add: …', 'Insert …', 'Suggest adding …' (unquoted, no place); 'Add new section …' is a new paragraph."""
    low = request.text.lower().strip()
    if not re.match(r"^(?:add|insert|include)\b", low) and not re.match(r"^suggest(?:s)?\s+adding\b", low):
        return None
    words = re.sub(r"^(?:add|insert|include|suggests?\s+adding)\s*[:,]?\s*", "", request.text, flags=re.I)
    if re.match(r"^new section\b", words, re.I):
        return [request.proposal("new_paragraph", text=words, new_label="new section")]
    return [request.proposal("insert", edits=[Edit("insert", new=without_quotes(words))])]


def _restatement_or_comment(request: Request, compilation: Compilation) -> list[Proposal]:
    """The paragraph restated with changes (the edit is the difference), words carried on from a place in
    it, else a comment."""
    if _COMMENT.match(request.text) or _judgement(request, compilation):
        return [request.proposal("comment")]
    quoted = pieces(request, compilation)
    if quoted is not None:
        return [quoted]
    aside = _ASIDE.search(request.text)
    if aside:  # '… (seek further clarification)': a word to the facilitators, not words of the text
        return [
            _because(p, aside.group(1))
            for p in _restatement_or_comment(replace(request, text=request.text[: aside.start()]), compilation)
        ]
    carried_on = continuation(request, compilation)
    if carried_on is not None and request.text.lstrip().startswith(("...", "…")):
        return [carried_on]  # '… X Y new words': a place in the paragraph, then what goes there
    found = restatement_of(request, compilation)
    if found is None:
        struck = _struck_and_redrafted(request, compilation)
        if struck is not None:
            return [struck]
        if carried_on is None and _worded_as_paragraph(request, compilation):
            return [request.proposal("redraft", text=without_quotes(" ".join(request.text.split())), confidence=0.8)]
        return [carried_on] if carried_on is not None else [request.proposal("comment")]
    proposals = [
        request.proposal(one.operation, text=one.text, edits=one.edits, confidence=one.confidence)
        for one in (found.form, found)
        if one is not None
    ]
    merges = _merge_by_restating(proposals, request, compilation)  # may leave the redraft out
    return [*proposals, *merges]


PARAGRAPH_LEAST = 12  # the fewest words of an input worded as a paragraph of the draft


def _worded_as_paragraph(request: Request, compilation: Compilation) -> bool:
    """'Encouraging Member States that are party to … ;' in the row of 'Concluding and implementing …': new
    words in the form of the draft's paragraphs (its opening word's ending; closing as a paragraph does,
    with ';' or the row's own mark), long enough to be one: the row's paragraph worded anew, not a remark."""
    node = base_paragraph(request, compilation)
    text = " ".join(request.text.split())
    words, theirs = words_of(text), words_of(node.text) if node is not None else []
    if node is None or len(words) < PARAGRAPH_LEAST or not theirs or not text[:1].isupper():
        return False
    same_form = words[0].endswith("ing") == theirs[0].endswith("ing") and words[0][-1:] == theirs[0][-1:]
    mark = text[-1:]
    return same_form and (mark == ";" or mark == node.text.rstrip()[-1:])


def _merge_by_restating(proposals: list[Proposal], request: Request, compilation: Compilation) -> list[Proposal]:
    """A redraft that ends with the next paragraph's words ('… victims; and to continue to improve the coherence
    …' where that is paragraph 66's) folds that paragraph into this one: a merge beside the redraft, whose text
    then stops before them."""
    node = base_paragraph(request, compilation)
    at = compilation.place(node)
    redraft = next((p for p in proposals if p.operation == "redraft" and p.text), None)
    if redraft is None or at is None or at + 1 >= len(compilation.row_paragraphs):
        return []
    neighbour = compilation.row_paragraphs[at + 1]
    cut = appended_at(redraft.text or "", text_with_subparagraphs(neighbour))
    if cut is None:
        return []
    redraft.text = redraft.text[:cut].rstrip(" ;,")
    if node is not None and words_of(redraft.text) == words_of(text_with_subparagraphs(node)):  # only appended
        proposals.remove(redraft)
    return [request.proposal("merge", related=[neighbour.label])]


def _struck_and_redrafted(request: Request, compilation: Compilation) -> Proposal | None:
    """The paragraph's opening words struck through ('Coneludingandimplementing'), then new words that
    restate little else of it ('To promote mutual legal assistance …'): a redraft as those words, from the
    first capitalised word the delegation typed."""
    node = base_paragraph(request, compilation)
    if node is None or not opens_as(request.text, node):
        return None
    if words_of(request.text)[:2] == words_of(node.text)[:2]:  # its opening as it stands: not struck
        return None
    typed = re.search(r"(?<=[\s\-—–+])[A-Z][a-z]*\b.*$", request.text.strip(".… "), re.S)  # its own words start
    words, _ = unstrike(typed.group(0) if typed else "", compilation.nearby_words(node), compilation.vocabulary)
    if len(words) < 3:
        return None
    return request.proposal("redraft", text=without_quotes(" ".join(words)), confidence=0.7)


def _judgement(request: Request, compilation: Compilation) -> bool:
    """'Setting up a United Nations trust fund for victims is worthwhile.': one sentence judging what the paragraph
    says, however many of its words it repeats; a restatement opens as the paragraph does."""
    said = " ".join(request.text.split())
    m = _JUDGEMENT.match(said)
    if not m or re.search(r"\bthat\b", said[: m.start("verb")], re.I):  # 'Recognizing that … is essential.'
        return False
    node = base_paragraph(request, compilation)
    return node is None or not _restates_opening(request.text, node)


def _restates_opening(text: str, node: Paragraph) -> bool:
    """Whether an input opens as its paragraph does: its first two words, or them struck through."""
    return words_of(text)[:2] == words_of(node.text)[:2] or opens_as(text, node)


def _because(proposal: Proposal, why: str | None) -> Proposal:
    """The proposal with `why` as its rationale, unless it has one already."""
    proposal.rationale = proposal.rationale or why
    return proposal


# In the order they are tried: a form earlier in the list wins.
_FORMS: tuple[Form, ...] = (
    _deletion_of_paragraph,
    _deletion_and_redraft,
    _deletion_of_named_paragraph,
    _deletion_with_reason,
    _deletion_or_redraft,
    _bracketing,
    _deletion_from_quote,
    _passive_instruction,
    _deletion_then_replacement,
    _deletion_of_words,
    _deletion_after_quote,
    _instruction_in_brackets,
    _deletion_with_stray_words,
    _suggested_deletion,
    _replacement,
    _insertion,
    _redraft_as_follows,
    _redraft_without_words,
    _redraft_asked_as_remark,
    _move_of_paragraph,
    _merger_with_others,
    _split_of_paragraph,
    _suggested_addition,
    _descriptive_addition,
    _described_paragraph,
    _addition,
)
