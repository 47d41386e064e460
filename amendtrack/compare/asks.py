"""What a proposal asks for, in words the next draft can be searched for.

- Its change (`hunks_of`): the word diff between its paragraph and the text it would give, or its
  edits when they could not be applied.
- A descriptive proposal ("add a reference to the OAS, most notably its Work Plan", "include
  existing best practices"): the thing it names (`described`), looked for by its names and acronyms.
- A comment that quotes words and says what to do with them ("Suggest adding 'particularly in
  mixed migration flows'"): the edit it describes (`quoted_asks`), traced like one.
"""

from __future__ import annotations

import re

from amendtrack.compare.align import composite_text
from amendtrack.compare.change import Hunk, change_of
from amendtrack.model.proposal import Edit, Proposal, apply_edits
from amendtrack.model.tree import Paragraph
from amendtrack.model.words import content_stems

DESCRIBED = re.compile(
    r"^\s*(?:(?:also\s+)?(?:we\s+)?(?:recommends?|suggests?|proposes?|requests?)\s+(?:that\s+)?(?:to\s+)?"
    r"(?:further\s+|also\s+)?)?"
    r"(?:(?:please\s+)?(?:add|adding|insert|include|including|introduce|mention|make|consider)\s+)?(?:an?\s+|the\s+)?"
    r"(?:explicit\s+|specific\s+)?(?:reference|references|mention|allusion|inclusion|insertion|addition)"
    r"(?:\s+(?:be|is|should be)\s+made)?\s+(?:to|of)\s+(?P<thing>.+)$"
    r"|^\s*(?:please\s+)?(?:include|mention)\s+(?P<plain>[^'\"“‘]+)$",
    re.I | re.S,
)
QUOTED = re.compile(r"[\"“”‘’']{1,2}([^\"“”]{3,}?)[\"“”’']{1,2}(?=[\s,.;:)]|$)")
ASK_VERB = re.compile(
    r"\b(?P<verb>add|adding|insert|inserting|include|including|consider|considering|suggest|use|using"
    r"|delete|deleting|remove|removing|replace|replacing|change|changing|instead of)\b[^\"“‘']{0,60}$",
    re.I,
)
REMOVING = ("delete", "deleting", "remove", "removing")
PLACED = re.compile(
    r"\b(?:add|adding|insert|inserting|include|including)\s+(?:the\s+)?(?:following\s+)?(?:after|following|before)\s*:?\s*"
    r"[\"“‘]+(?P<at>[^\"“”]{2,}?)[\"”’]+\s*[,:]?\s*[\"“‘]+(?P<new>[^\"“”]{3,}?)(?:[\"”’]|$)",
    re.I,
)
ELLIPSES = ("...", "…")
_CAPITAL = r"(?:[A-Z]{2,}[a-z]?|[A-Z][a-z]+)"
NAME = re.compile(rf"\b{_CAPITAL}(?:\s+(?:(?:of|on|in|for|and|the|to)\s+)*{_CAPITAL})+\b|\b[A-Z]{{2,}}[a-z]?\b")


def hunks_of(proposal: Proposal, base: Paragraph | None) -> list[Hunk]:
    """The change a proposal asks of its paragraph: each edit on its own, with the words around it where the
    edit can be placed; a redraft's word diff with the paragraph."""
    if proposal.operation == "redraft" and proposal.text:
        return _redrafted(_redrafted_base(base, proposal.text), proposal.text)
    base_text = base.text if base is not None else ""
    found: list[Hunk] = []
    for edit in proposal.edits:
        try:
            found.extend(change_of(base_text, apply_edits(base_text, [edit])) if base_text else [])
            continue
        except ValueError:  # it cannot be placed: the bare words, without context
            pass
        found.extend(_bare(edit))
    if not found and proposal.applied and proposal.resulting_text is not None and base is not None:
        found = change_of(base_text, proposal.resulting_text)
    return found


def _bare(edit: Edit) -> list[Hunk]:
    if edit.kind == "insert" and edit.new:
        return [Hunk("", edit.new)]
    if edit.kind in ("delete", "replace") and (edit.old or edit.new):
        return [Hunk(edit.old or "", (edit.new or "") if edit.kind == "replace" else "")]
    return []


def _redrafted(base: str, proposed: str) -> list[Hunk]:
    """A redraft's change; '…' at either end stands for the paragraph's words it leaves as they are."""
    text = proposed.strip()
    open_start, open_end = text.startswith(ELLIPSES), text.endswith(ELLIPSES)
    hunks = change_of(base, text.strip("." + "".join(ELLIPSES)).strip())
    if open_start and hunks and not hunks[0].added and not hunks[0].before:
        hunks = hunks[1:]
    if open_end and hunks and not hunks[-1].added and not hunks[-1].after:
        hunks = hunks[:-1]
    return hunks


def _redrafted_base(base: Paragraph | None, proposed: str) -> str:
    """What a redraft rewrites: the paragraph's own text, or with its sub-paragraphs when the redraft covers them."""
    if base is None:
        return ""
    whole = composite_text(base)
    own, everything, wanted = len(base.text.split()), len(whole.split()), len(proposed.split())
    return whole if abs(everything - wanted) < abs(own - wanted) else base.text


def described(words: str) -> str | None:
    """The thing a descriptive proposal names ('a reference to the OAS' → 'the OAS'), or None."""
    match = DESCRIBED.match(" ".join((words or "").split()))
    if match is None:
        return None
    thing = (match.group("thing") or match.group("plain") or "").strip(" .;,")
    # a quotation after the thing gives its place, a sentence after it (a full stop after a lower-case word
    # of four letters or more, not 'e.g.' or 'art.', then a capital) asks something else
    named = re.split(r"\s[“\"‘]|(?<=[a-z]{4})\.\s+(?=[A-Z])", thing)[0]
    named = re.sub(r"\s+in\s+(?:the\s+)?(?:list|paragraph|text)\s*$", "", named).strip(" .;,")
    return named if content_stems(named) else thing or None


SUGGESTED = re.compile(
    r"\b(?P<no>not\s+|n't\s+)?(?:suggests?|proposes?|recommends?|calls? for|asks? for)\s+(?:the\s+)?"
    r"(?:establishment|creation|setting[- ]up|inclusion|introduction)\s+of\s+"
    r"(?P<thing>[^.;,:]+?)(?=\s+(?:and|or|that|which|who|to|so|as|in order)\b|[.;,:]|$)",
    re.I,
)


def suggested(remark: str) -> str | None:
    """The thing a comment suggests creating or including, to the end of its phrase ('we suggest the
    establishment of a Steering Committee, as is the practice' → 'a Steering Committee'), or None (also
    for 'we do not suggest …'): a descriptive ask."""
    match = SUGGESTED.search(" ".join((remark or "").split()))
    if match is None or match.group("no"):
        return None
    return match.group("thing").strip()


def names_in(text: str) -> list[str]:
    """The names and acronyms a text gives ('the OAS Work Plan' → ['OAS', 'Work Plan']), which the next draft
    must say for a descriptive proposal to be taken up."""
    return list(dict.fromkeys(m.group(0) for m in NAME.finditer(text or "")))


def quoted_asks(remark: str) -> list[Hunk]:
    """The edits a comment describes: each quoted phrase of two words or more, put in unless the verb before
    it says to take it out ('Suggest adding “particularly in mixed migration flows”')."""
    text = " ".join((remark or "").split())
    placed = PLACED.search(text)
    if placed:  # 'Recommend inserting following “X” “Y”': Y goes in after X
        return [Hunk("", placed.group("new").strip(" ,.;:"), placed.group("at").strip(" ,.;:"), "")]
    asks = []
    for match in QUOTED.finditer(text):
        phrase = match.group(1).strip(" ,.;:")
        if len(phrase.split()) < 2:
            continue
        verb = ASK_VERB.search(text[max(0, match.start() - 80) : match.start()])
        if verb is None:
            continue
        removing = verb.group("verb").lower() in REMOVING
        asks.append(Hunk(phrase, "") if removing else Hunk("", phrase))
    return asks
