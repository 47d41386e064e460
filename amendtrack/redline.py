"""Word-level redlines of aligned paragraphs, with diff-match-patch.

Each word, run of spaces and punctuation mark is mapped to one character before
diffing (as diff-match-patch's line mode does for lines), so changes are whole
words; a semantic clean-up then turns confetti into phrases. Applying a redline
to the old text always gives the new text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from .words import tokens

EQUAL, DELETE, INSERT = "equal", "delete", "insert"
BOUNDARY = "\n"  # between the paragraphs of a merge or split

_OPS = {0: EQUAL, -1: DELETE, 1: INSERT}
_FIRST_CODE = 0xE000  # private-use characters stand for tokens
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True)
class Change:
    op: str  # equal, delete, insert
    text: str


def _encode(texts: tuple[str, str]) -> tuple[str, str, list[str]]:
    vocabulary: dict[str, str] = {}
    table: list[str] = []
    encoded = []
    for text in texts:
        chars = []
        for token in tokens(text):
            code = vocabulary.get(token)
            if code is None:
                number = _FIRST_CODE + len(table)
                if number >= 0x10FFFF:
                    raise ValueError("too many distinct words to diff")
                code = chr(number)
                vocabulary[token] = code
                table.append(token)
            chars.append(code)
        encoded.append("".join(chars))
    return encoded[0], encoded[1], table


def redline(old: str, new: str) -> list[Change]:
    """The changes that turn `old` into `new`, word by word, cleaned up into phrases."""
    if old == new:
        return [Change(EQUAL, old)] if old else []
    a, b, table = _encode((old, new))
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    changes = [Change(_OPS[op], "".join(table[ord(ch) - _FIRST_CODE] for ch in chars)) for op, chars in diffs]
    return _phrases(changes)


def _phrases(changes: list[Change]) -> list[Change]:
    """Absorb lone spaces and punctuation between two changes, then put deletions before insertions."""
    out: list[Change] = []
    for k, change in enumerate(changes):
        between = 0 < k < len(changes) - 1 and changes[k - 1].op != EQUAL and changes[k + 1].op != EQUAL
        if change.op == EQUAL and between and not any(ch.isalnum() for ch in change.text):
            out.append(Change(DELETE, change.text))
            out.append(Change(INSERT, change.text))
        else:
            out.append(change)
    merged: list[Change] = []
    run_del: list[str] = []
    run_ins: list[str] = []

    def flush() -> None:
        if run_del:
            merged.append(Change(DELETE, "".join(run_del)))
        if run_ins:
            merged.append(Change(INSERT, "".join(run_ins)))
        run_del.clear()
        run_ins.clear()

    for change in out:
        if change.op == DELETE:
            run_del.append(change.text)
        elif change.op == INSERT:
            run_ins.append(change.text)
        else:
            flush()
            if merged and merged[-1].op == EQUAL:
                merged[-1] = Change(EQUAL, merged[-1].text + change.text)
            elif change.text:
                merged.append(change)
    flush()
    return merged


def redline_many(old: list[str], new: list[str]) -> list[Change]:
    """A redline across a merge or a split: the texts of each side joined with BOUNDARY."""
    return redline(BOUNDARY.join(old), BOUNDARY.join(new))


def old_text(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.op != INSERT)


def new_text(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.op != DELETE)


def plain(changes: list[Change]) -> str:
    """The redline as plain text: [-deleted-]{+inserted+}."""
    parts = []
    for change in changes:
        if change.op == DELETE:
            parts.append(f"[-{change.text}-]")
        elif change.op == INSERT:
            parts.append(f"{{+{change.text}+}}")
        else:
            parts.append(change.text)
    return "".join(parts)
