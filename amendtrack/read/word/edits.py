"""The edits that turn a paragraph's old text into its new one, each anchored on words found once.

A tracked change is a change of words at a place; a proposal states it as edits ('insert X
after Y', 'replace A with B') that `amendtrack.model.proposal.apply_edits` can place again on
the stored paragraph. Each edit takes the least context that makes its place unambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from amendtrack.compare.redline import DELETE, EQUAL, INSERT, redline
from amendtrack.model.proposal import Edit, apply_edits

_WORD_SPAN = re.compile(r"\S+")

Region = list  # [start, end, inserted] in the old text's coordinates


def norm(text: str) -> str:
    """Text compared as apply_edits writes it: single spaces, none before punctuation."""
    return re.sub(r"\s+([,;.:])", r"\1", " ".join(text.split()))


def edits_between(old: str, new: str) -> tuple[str, list[Edit]] | None:
    """The operation and edits that turn `old` into `new`, each anchored on words that occur once.

    Regions come from the word-level redline; an insertion hangs on the words before it (or after
    it, at the start), a deletion or replacement names its words, with as many words of context as
    it takes to be found once. None when no such edits give `new` back, or when no word is kept
    (then the paragraph is rewritten: a redraft).
    """
    changes = redline(old, new)
    if not any(c.op == EQUAL and re.search(r"\w", c.text) for c in changes):
        return None
    current, delta = old, 0
    edits: list[Edit] = []
    kinds: set[str] = set()
    for start, end, inserted in _regions(changes):
        s, e = start + delta, end + delta
        deleted = current[s:e]
        if not deleted.strip() and not inserted.strip():
            continue
        expected = norm(current[:s] + inserted + current[e:])
        edit = _least_context_edit(current, s, e, inserted, expected)
        if edit is None:
            return None
        kinds.add("insert" if not deleted.strip() else "delete" if not inserted.strip() else "replace")
        edits.append(edit)
        current = current[:s] + inserted + current[e:]
        delta += len(inserted) - (e - s)
    try:
        if norm(apply_edits(old, edits)) != norm(new):
            return None
    except ValueError:
        return None
    operation = kinds.pop() if len(kinds) == 1 else "replace"
    return operation, edits


def _regions(changes: list) -> list[Region]:
    """The changed stretches of a redline: where in the old text, and what is put there."""
    regions: list[Region] = []
    pos = 0
    pending: Region | None = None
    for change in changes:
        if change.op == EQUAL:
            if pending is not None:
                regions.append(pending)
                pending = None
            pos += len(change.text)
            continue
        if pending is None:
            pending = [pos, pos, ""]
        if change.op == DELETE:
            pos += len(change.text)
            pending[1] = pos
        elif change.op == INSERT:
            pending[2] += change.text
    if pending is not None:
        regions.append(pending)
    return regions


def _least_context_edit(text: str, s: int, e: int, inserted: str, expected: str) -> Edit | None:
    """One edit at [s, e) of `text` that apply_edits places right, with the least context that makes it so."""

    def works(edit: Edit) -> bool:
        try:
            return norm(apply_edits(text, [edit])) == expected
        except ValueError:
            return False

    before = [m.start() for m in _WORD_SPAN.finditer(text[:s])]
    after = [m.end() + e for m in _WORD_SPAN.finditer(text[e:])]
    if not text[s:e].strip():  # an insertion
        return _anchored_insertion(text, s, e, inserted.strip(), before, after, works)
    for left in range(0, min(len(before), 6) + 1):
        for right in range(0, min(len(after), 2) + 1) if left == 0 else (0,):
            a = before[-left] if left else s
            b = after[right - 1] if right else e
            old = text[a:b].strip()
            new = (text[a:s] + inserted + text[e:b]).strip()
            edit = Edit("delete", old=old) if not new else Edit("replace", old=old, new=new)
            if works(edit):
                return edit
    return None


def _anchored_insertion(
    text: str, s: int, e: int, words: str, before: list[int], after: list[int], works: Callable[[Edit], bool]
) -> Edit | None:
    """An insertion after the fewest words before it, else before the fewest words after it."""
    for k in range(1, min(len(before), 8) + 1):
        edit = Edit("insert", new=words, anchor=text[before[-k] : s].strip(), position="after")
        if works(edit):
            return edit
    for k in range(1, min(len(after), 8) + 1):
        edit = Edit("insert", new=words, anchor=text[e : after[k - 1]].strip(), position="before")
        if works(edit):
            return edit
    return None
