"""Restatements and ellipsis fragments, diffed against the base paragraph to find the edit they make.

Delegations often write no instruction at all: they restate the paragraph as they want it
(striking words through), or quote a stretch of it between ellipses ("… victims of
trafficking, in particular women …"). The edit is what differs from the base: the stretch
of the base the fragment covers, replaced by the fragment's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import Match, SequenceMatcher

from amendtrack.compare.change import Hunk, Words, change_of, in_order_share
from amendtrack.model.proposal import Edit, apply_edits
from amendtrack.model.tree import Paragraph
from amendtrack.model.words import fold_spelling, stem
from amendtrack.read.compilation.strikethrough import Vocabulary, unstrike
from amendtrack.read.compilation.wording import WORDS, words_of

_ELLIPSIS = ("...", "…")
_CLOSING = " .;:,"
_DOTS = re.compile(r"^\s*(?:\.\s?){2,}|(?:\.\s?){2,}$")  # '...', or the scan's '. ..' and '..' for it
REPLACED = 1  # at most this many stretches changed, a restatement is a replacement rather than a redraft
_NEAR = 3  # unmatched words at a fragment's edge that still belong to the stretch it restates
BROKEN_OFF = 0.5  # the reader's confidence in a restatement that breaks off before its change
INSERTED_RUNS = 2  # a fragment that keeps a stretch whole in this many runs or more puts words in between
INSERTED_LEAST = 5  # … when the stretch is at least this many words (fewer could be words met by chance)


@dataclass(frozen=True)
class Restatement:
    """The change a restatement makes: a redraft (text) or one edit, with how sure the reading is."""

    operation: str  # "redraft" for a whole paragraph restated; "replace", "insert" or "delete" for a stretch
    confidence: float
    text: str | None = None
    edits: list[Edit] = field(default_factory=list)
    form: Restatement | None = None  # a change of form only ('Ensuring' → 'To ensure') beside others: an ask apart


def restatement(text: str, paragraph: Paragraph, struck_from: set[str], vocabulary: Vocabulary) -> Restatement | None:
    """The change an input makes by restating (part of) `paragraph`; None when it is not a restatement
    of it, or restates it unchanged."""
    fragment = text.strip()
    dotted = fragment.startswith(_ELLIPSIS) or fragment.endswith(_ELLIPSIS) or bool(_DOTS.search(fragment))
    words, struck = unstrike(fragment.strip(".… "), struck_from, vocabulary)
    cleaned = " ".join(words)
    base, restated = words_of(paragraph.text), words_of(cleaned)
    pieces = any(mark in fragment.strip(".… ") for mark in _ELLIPSIS)  # '… X … Y': pieces, not one stretch
    blocks, put_in = _shared_runs(base, restated, stretch_only=not pieces)
    if blocks is None:
        return None
    start, end = _restated_stretch(blocks, len(base), len(restated))
    # restates the paragraph from its beginning (a stretch with words put in restates only that stretch, and
    # so does one cut short: it stops mid-sentence, on words of the base, where the paragraph goes on)
    cut_short = end < len(base) and blocks[-1].b + blocks[-1].size == len(restated) and not _closed(fragment)
    whole = not dotted and not put_in and not cut_short and start <= 2 and blocks[0].b <= 2
    confidence = 0.7 if struck else 0.9
    old = _stretch_text(paragraph.text, start, end)
    if words_of(old) == restated or (whole and base == restated):
        if cut_short and not dotted and start == 0 and blocks[0].b == 0:
            return Restatement("redraft", BROKEN_OFF)  # its opening words only: the change went with the rest
        return None  # the base text again, unchanged: no proposal in it
    if whole:
        return _whole(paragraph.text, cleaned, confidence)
    if end >= len(base):
        cleaned = cleaned.rstrip(" ;,.:")  # the paragraph keeps its own closing mark after the stretch
    if put_in and in_order(words_of(old), restated):
        return Restatement("insert", confidence, edits=[Edit("replace", old=old, new=cleaned)])
    return _stretch(paragraph.text, old, cleaned, confidence, opening=start == 0)


def _stretch(paragraph: str, old: str, new: str, confidence: float, opening: bool) -> Restatement:
    """A stretch of the paragraph restated: one edit, named by the change (several changes of wording in it
    are a redraft of the paragraph, as for a whole restatement); a change of the opening's form beside other
    changes is an edit apart (see `form_apart`)."""
    apart = form_apart(old, new) if opening else None
    if apart is not None:
        form, rest = apart
        edits = [Edit("replace", old=old, new=form)]
        kept = _stretch(paragraph, old, rest, confidence, False)
        return replace(kept, form=Restatement("replace", confidence, edits=edits))
    edit = Edit("replace", old=old, new=new)
    kind = kind_of_change(old, new)
    if kind == "replace" and len(change_of(old, new)) > REPLACED:
        try:
            return Restatement("redraft", confidence, text=apply_edits(paragraph, [edit]))
        except ValueError:  # the stretch cannot be placed: the edit alone
            pass
    return Restatement(kind, confidence, edits=[edit])


def unchanged(text: str, paragraph: Paragraph, struck_from: set[str], vocabulary: Vocabulary) -> bool:
    """Whether a fragment, its struck-through words taken out, is words of the paragraph as they stand."""
    words, _ = unstrike(text.strip(".… "), struck_from, vocabulary)
    restated = words_of(" ".join(words))
    return bool(restated) and f" {' '.join(restated)} " in f" {' '.join(words_of(paragraph.text))} "


def _closed(fragment: str) -> bool:
    """Whether a fragment ends as a paragraph or a sentence does (a full stop, semicolon or colon)."""
    return fragment.rstrip(" ”\"'’)").endswith((".", ";", ":"))


def _whole(base: str, restated: str, confidence: float) -> Restatement:
    """The paragraph restated from its beginning: named by the change it makes. Only words put in is an
    insertion, only words taken out a deletion, one stretch changed (half the paragraph's words at most) a
    replacement (the restated text as the new words of one edit); anything more a redraft. Changes
    of form only, beside changes of wording, are a proposal apart (see `form_apart`)."""
    apart = form_apart(base, restated)
    if apart is not None:
        form, rest = apart
        edits = [Edit("replace", old=base, new=form)]
        return replace(_whole(base, rest, confidence), form=Restatement("replace", confidence, form, edits))
    hunks = change_of(base.rstrip(_CLOSING), restated.rstrip(_CLOSING))  # the reader drops its closing mark
    if _mostly_new(hunks, base):
        return Restatement("redraft", confidence, text=restated)
    if hunks and all(not h.removed for h in hunks):
        kind = "insert"
    elif hunks and all(not h.added for h in hunks):
        kind = "delete"
    elif len(hunks) <= REPLACED and sum(len(h.removed.split()) for h in hunks) <= len(base.split()) / 2:
        kind = "replace"
    else:
        return Restatement("redraft", confidence, text=restated)
    return Restatement(kind, confidence, text=restated, edits=[Edit("replace", old=base, new=restated)])


def _mostly_new(hunks: list[Hunk], base: str) -> bool:
    """Whether the words put in outnumber the paragraph's own: a new text around the old one, a redraft."""
    return sum(len(h.added.split()) for h in hunks) > len(base.split())


def form_apart(base: str, restated: str) -> tuple[str, str] | None:
    """A restatement that changes the form of the paragraph's opening words only ('Ensuring' → 'To ensure')
    and the wording elsewhere, as two texts: the base with only the changes of form (the opening's and any
    other, 'strengthening' → 'strengthen'), and the restatement without them. How a paragraph opens is a
    drafting convention a delegation carries through every paragraph, an ask a later draft takes up or not
    apart from the wording; spelling variants are neither. None when the opening keeps its form or nothing
    else changes."""
    old, new = base.split(), restated.split()
    matcher = SequenceMatcher(None, [_folded(w) for w in old], [_folded(w) for w in new], autojunk=False)
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    of_form = {op for op in opcodes if _of_form(op, old, new)}
    of_wording = [op for op in opcodes if op not in of_form and _reworded(old[op[1] : op[2]], new[op[3] : op[4]])]
    if not of_wording or not any(op[1] == 0 for op in of_form):
        return None
    form, rest = [], []
    for op in matcher.get_opcodes():
        _, i1, i2, j1, j2 = op
        form.extend(new[j1:j2] if op in of_form else old[i1:i2])
        rest.extend(old[i1:i2] if op in of_form else new[j1:j2])
    if not change_of(base, " ".join(rest)):  # the rest only mends the scan's misreadings: nothing asked
        return None
    closing = "" if restated.rstrip()[-1:] in _CLOSING.strip() else _CLOSING  # the form ends as the restatement
    return " ".join(form).rstrip(closing), " ".join(rest)


def _of_form(op: tuple[str, int, int, int, int], old: list[str], new: list[str]) -> bool:
    """A change of the words' form only: the same stems ('Ensuring' → 'To ensure'), or 'to' put in before a
    gerund on its way to an infinitive ('and strengthening' → 'and to strengthen…', struck by halves)."""
    _, i1, i2, j1, j2 = op
    if i1 == i2 and [w.lower() for w in new[j1:j2]] == ["to"]:
        return i1 < len(old) and _folded(old[i1]).endswith("ing")
    return Hunk(" ".join(old[i1:i2]), " ".join(new[j1:j2])).inflection_only


def _folded(word: str) -> str:
    return fold_spelling(word.strip(",.;:()[]\"'“”‘’").lower())


def _reworded(removed: list[str], added: list[str]) -> bool:
    """Whether a change is of words, not only of spelling or punctuation."""
    return Words(" ".join(removed)).surface != Words(" ".join(added)).surface


def _shared_runs(base: list[str], restated: list[str], stretch_only: bool = True) -> tuple[list[Match] | None, bool]:
    """The runs of words the fragment shares with the base, when it shares enough to restate it; and whether
    they are a stretch of the base with words put in (see _words_put_in; only for a fragment in one piece)
    rather than a restatement."""
    if len(restated) < 3:
        return None, False
    matcher = SequenceMatcher(None, [stem(w) for w in base], [stem(w) for w in restated], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    shared = sum(b.size for b in blocks)
    if shared >= max(2, 0.4 * min(len(restated), len(base))) and (shared >= 3 or blocks[0].a <= 2):
        return blocks, False
    put_in = _words_put_in(blocks) if stretch_only else None
    return put_in, put_in is not None


def _words_put_in(blocks: list[Match]) -> list[Match] | None:
    """The runs of a fragment that is a stretch of the base with words put in, however many: it opens with
    the stretch's first words and keeps every base word of the stretch, in order, in INSERTED_RUNS runs or
    more ("Strengthening or continuing to strengthen … the capacity and training of service providers …").
    Words after the stretch are put in after it; what matches further on is chance ('to', 'of')."""
    if not blocks or blocks[0].b > 1:
        return None
    kept = [blocks[0]]
    for block in blocks[1:]:
        if block.a != kept[-1].a + kept[-1].size:
            break
        kept.append(block)
    stretch = kept[-1].a + kept[-1].size - kept[0].a
    return kept if len(kept) >= INSERTED_RUNS and stretch >= INSERTED_LEAST else None


def _restated_stretch(blocks: list[Match], base_length: int, restated_length: int) -> tuple[int, int]:
    """The base words (start, end) the fragment restates: its shared runs, widened over a few changed
    words at either edge ("To support the …" replaces "Supporting the …")."""
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    leading, trailing = blocks[0].b, restated_length - (blocks[-1].b + blocks[-1].size)
    if leading and start <= _NEAR:
        start = 0
    elif 0 < leading <= _NEAR:
        start = max(0, start - leading)
    if trailing and base_length - end <= _NEAR:
        end = base_length
    elif 0 < trailing <= _NEAR:
        end = min(base_length, end + trailing)
    return start, end


def kind_of_change(old: str, new: str) -> str:
    """'insert' when every old word is kept in order (words only put in), 'delete' when the new words are old
    ones in order (words only taken out), else 'replace'."""
    old_words, new_words = words_of(old), words_of(new)
    if old_words == new_words:
        return "replace"
    if old_words and in_order(old_words, new_words):
        return "insert"
    if new_words and in_order(new_words, old_words):
        return "delete"
    return "replace"


def in_order(part: list[str], whole: list[str]) -> bool:
    """Whether the words of `part` are all in `whole`, in the same order (others may stand between them)."""
    rest = iter(whole)
    return all(word in rest for word in part)


def _stretch_text(text: str, start: int, end: int) -> str:
    """The stretch of `text` from its start-th to its (end-1)-th word."""
    positions = [m.span() for m in WORDS.finditer(text)]
    if not positions or start >= len(positions):
        return ""
    return text[positions[start][0] : positions[min(end, len(positions)) - 1][1]]


APPENDED = 0.5  # share of a paragraph's content words, in order, that a text's tail must hold to append it
APPENDED_OWN = 0.8  # … and share of the tail's own content words that are that paragraph's
APPENDED_LEAST = 8  # … and the fewest content words such a tail has (fewer could be words met by chance)


def appended_at(text: str, paragraph: str) -> int | None:
    """Where in `text` a tail starts that is `paragraph`'s text (most of its content words in order, and
    little else, from its first), at a clause's start ('; and to …', ', and …'); None when there is none."""
    theirs = Words(paragraph).stems
    known = set(theirs)
    best, at = 0.0, None
    for clause in re.finditer(r"[;,]\s*(?:and\s+)?|\band\s+to\b", text):
        tail = Words(text[clause.start() :]).stems
        if len(tail) < APPENDED_LEAST or tail[0] not in known:  # it opens with that paragraph's words
            continue
        held, own = in_order_share(theirs, tail), sum(1 for stem in tail if stem in known) / len(tail)
        fit = 2 * held * own / (held + own)  # the clause where the tail is most nearly that paragraph, and all of it
        if held >= APPENDED and own >= APPENDED_OWN and fit > best:
            best, at = fit, clause.start()
    return at
