"""A proposal's word edits placed in its paragraph as tracked changes, where `find_span` finds their words.

Spacing follows `proposal.apply_edits`, so that accepting the changes gives the proposal's text;
an edit whose words are not in the paragraph, or are there more than once, is not placed.
"""

from __future__ import annotations

from amendtrack.compare.redline import DELETE, EQUAL, INSERT, Change
from amendtrack.model.proposal import Edit, find_span

_PUNCTUATION = (",", ";", ".", ":")  # apply_edits puts no space before these


def place_edits(base: str, edits: list[Edit]) -> list[Change] | None:
    """The edits placed where `find_span` finds their words, as changes; None when one cannot be placed.

    Spacing follows `proposal.apply_edits`; callers check that the result is the proposal's text.
    """
    marked = _MarkedText(base)
    try:
        for edit in edits:
            if not _mark_edit(marked, edit):
                return None
    except ValueError:  # the words occur more than once
        return None
    return marked.changes()


class _MarkedText:
    """The paragraph's characters, each kept, inserted or deleted by the edits placed so far."""

    def __init__(self, base: str) -> None:
        self.chars: list[list[str]] = [[ch, EQUAL] for ch in base]

    def _shown(self) -> list[int]:
        """Where the characters not deleted are: the text the next edit is placed in."""
        return [k for k, (_, op) in enumerate(self.chars) if op != DELETE]

    def text(self) -> str:
        """The paragraph as the edits placed so far leave it."""
        return "".join(self.chars[k][0] for k in self._shown())

    def insert(self, where: int, words: str) -> None:
        """Insert words before character `where` of `text()` (at the end when there is none)."""
        at = self._shown()
        spot = at[where] if where < len(at) else len(self.chars)
        self.chars[spot:spot] = [[ch, INSERT] for ch in words]

    def delete(self, start: int, end: int) -> None:
        """Delete characters start..end of `text()`: words of the paragraph are struck, inserted ones go."""
        gone = set()
        for k in self._shown()[start:end]:
            if self.chars[k][1] == INSERT:
                gone.add(k)
            else:
                self.chars[k][1] = DELETE
        self.chars = [item for k, item in enumerate(self.chars) if k not in gone]

    def changes(self) -> list[Change]:
        """The characters as changes, neighbours of one kind joined."""
        changes: list[Change] = []
        for ch, op in self.chars:
            if changes and changes[-1].op == op:
                changes[-1] = Change(op, changes[-1].text + ch)
            else:
                changes.append(Change(op, ch))
        return changes


def _mark_edit(marked: _MarkedText, edit: Edit) -> bool:
    """Place one edit; False when its words are not in the paragraph or it is no word edit."""
    text = marked.text()
    words = (edit.new or "").strip()
    if edit.kind == "insert" and edit.position == "end":
        _insert_at_end(marked, text, words)
        return True
    if edit.kind == "insert":
        return _insert_beside_anchor(marked, text, edit, words)
    if edit.kind in ("delete", "replace"):
        return _delete_or_replace(marked, text, edit, words)
    return False


def _insert_at_end(marked: _MarkedText, text: str, words: str) -> None:
    """Words added at the end go before the paragraph's closing punctuation."""
    end = len(text.rstrip(" .;,:"))
    marked.insert(end, (" " if end and words[:1] not in _PUNCTUATION else "") + words)


def _insert_beside_anchor(marked: _MarkedText, text: str, edit: Edit, words: str) -> bool:
    """Words inserted before or after the anchor's words, with the commas of a parenthetical kept."""
    span = find_span(text, edit.anchor or "") if edit.anchor else None
    if span is None:
        return False
    start, end = span
    if edit.position == "before":
        if "," in (edit.anchor or "") + words and words[-1:].isalnum():
            words += ","
        marked.insert(start, words + " ")
    elif text[end:].lstrip().startswith(",") and words[:1].isalnum():
        marked.insert(end, ", " + words.rstrip(","))
    else:
        marked.insert(end, ("" if words[:1] in _PUNCTUATION else " ") + words)
    return True


def _delete_or_replace(marked: _MarkedText, text: str, edit: Edit, words: str) -> bool:
    """The old words deleted (with one space beside them), or replaced by the new words."""
    span = find_span(text, edit.old or "") if edit.old else None
    if span is None:
        return False
    start, end = span
    if edit.kind == "replace" and words:
        marked.delete(start, end)
        marked.insert(start, words)
        return True
    marked.delete(*_with_one_space(text, start, end))
    return True


def _with_one_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Deleted words take the space after them, or before punctuation the space before: single spaces remain."""
    if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] == " "):
        return start, end + 1
    if start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in ",;.:)"):
        return start - 1, end
    return start, end
