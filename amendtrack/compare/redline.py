"""Word-level redlines of aligned paragraphs, with diff-match-patch.

Each word, run of spaces and punctuation mark is mapped to one character before
diffing (as diff-match-patch's line mode does for lines), so changes are whole
words; a semantic clean-up then turns confetti into phrases. Spaces stay tokens
of their own: the clean-up measures in tokens, and an unchanged "the" between two
changes must weigh enough to stay. Applying a redline to the old text always
gives the new text exactly.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

from amendtrack.model.words import tokens

try:  # Google's C++ diff-match-patch: the same algorithm and output, about ten times faster
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - the pure-Python port serves where the C++ wheel is missing
    _fast = None

EQUAL, DELETE, INSERT = "equal", "delete", "insert"
BOUNDARY = "\n"  # between the paragraphs of a merge or split

_OPS = {0: EQUAL, -1: DELETE, 1: INSERT, "=": EQUAL, "-": DELETE, "+": INSERT}
_FIRST_CODE = 0xE000  # private-use characters stand for tokens


class Change(NamedTuple):
    """One run of a redline: its op (equal, delete, insert) and its text; immutable, compared by value."""

    op: str
    text: str


class Codec:
    """Tokens as single private-use characters, one vocabulary shared by every redline of a comparison."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.tokens: dict[str, str] = {}

    def encode(self, text: str) -> str:
        codes = self.codes
        split = tokens(text)
        for token in dict.fromkeys(split):  # each distinct token once, in order
            if token not in codes:
                number = _FIRST_CODE + len(codes)
                if number > 0x10FFFF:
                    raise ValueError("too many distinct words to diff")
                codes[token] = chr(number)
                self.tokens[codes[token]] = token
        return "".join(map(codes.__getitem__, split))

    def decode(self, chars: str) -> str:
        return "".join(map(self.tokens.__getitem__, chars))


def redline(old: str, new: str, codec: Codec | None = None) -> list[Change]:
    """The changes that turn `old` into `new`, word by word, cleaned up into phrases.

    Pass one Codec to many calls (a whole comparison) to encode each distinct token once.
    """
    trivial = _trivial(old, new)
    if trivial is not None:
        return trivial
    codec = codec or Codec()
    a, b = codec.encode(old), codec.encode(new)
    return _phrases([(_OPS[op], codec.decode(chars)) for op, chars in diff_tokens(a, b)])


def redline_all(pairs: Sequence[tuple[str, str]], codec: Codec | None = None) -> list[list[Change]]:
    """The redlines of many (old, new) pairs, as [redline(old, new, codec) for old, new in pairs] gives them.

    The diffs of a long comparison run on every core: the C++ diff-match-patch releases the GIL, and
    the pairs do not depend on each other. Encoding and the clean-up into phrases stay in order.
    """
    codec = codec or Codec()
    found: list[list[Change] | None] = []
    encoded: list[tuple[str, str]] = []
    for old, new in pairs:
        trivial = _trivial(old, new)
        found.append(trivial)
        if trivial is None:
            encoded.append((codec.encode(old), codec.encode(new)))
    diffs = iter(_diff_all(encoded))
    return [
        changes if changes is not None else _phrases([(_OPS[op], codec.decode(chars)) for op, chars in next(diffs)])
        for changes in found
    ]


def _trivial(old: str, new: str) -> list[Change] | None:
    """The redline of identical texts, or of a text against nothing; None when there is diffing to do."""
    if old == new:
        return [Change(EQUAL, old)] if old else []
    if not old or not new:
        return [Change(INSERT, new)] if new else [Change(DELETE, old)]
    return None


DIFF_WORKERS = min(os.cpu_count() or 1, 8)  # threads that diff at once (1: all on the calling thread)
PARALLEL_TOKENS = 4_000  # fewer tokens than this in all are diffed on one thread: a pool would cost more
_pool: tuple[int, int, ThreadPoolExecutor] | None = None  # (the process that made it, its size, the pool)


def _diff_all(encoded: list[tuple[str, str]]) -> list[list[tuple]]:
    """diff_tokens of every pair, in order; spread over DIFF_WORKERS threads when there is enough to share."""
    workers = DIFF_WORKERS
    if _fast is None or workers < 2 or sum(len(a) + len(b) for a, b in encoded) < PARALLEL_TOKENS:
        return [diff_tokens(a, b) for a, b in encoded]
    global _pool
    if _pool is None or _pool[:2] != (os.getpid(), workers):  # a forked child cannot use its parent's threads
        if _pool is not None and _pool[0] == os.getpid():
            _pool[2].shutdown(wait=False)
        _pool = (os.getpid(), workers, ThreadPoolExecutor(max_workers=workers, thread_name_prefix="amendtrack-diff"))
    shares = [encoded[k::workers] for k in range(workers)]  # every n-th pair: long and short ones mixed
    done = list(_pool[2].map(lambda share: [diff_tokens(a, b) for a, b in share], shares))
    return [done[k % workers][k // workers] for k in range(len(encoded))]


def diff_tokens(a: str, b: str, engine: str = "auto") -> list[tuple]:
    """diff-match-patch with semantic clean-up on token-encoded strings: [(op, chars)], no time limit.

    `engine` is "auto" (the C++ implementation when installed), "c++" or "python".
    """
    if engine != "python" and _fast is not None:
        return _fast.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False)
    if engine == "c++":
        raise ImportError("fast-diff-match-patch is not installed")
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return diffs


def _phrases(diffs: list[tuple[str, str]]) -> list[Change]:
    """Absorb lone spaces and punctuation between two changes, put deletions before insertions, slide spaces."""
    merged: list[list[str]] = []  # [op, text], built as plain lists: this runs for every paragraph
    run_del: list[str] = []
    run_ins: list[str] = []
    last = len(diffs) - 1

    def flush() -> None:
        deleted, inserted = "".join(run_del), "".join(run_ins)
        run_del.clear()
        run_ins.clear()
        # a space both sides of a replacement start with belongs to the text before it: "and [-x-]{+y+}"
        space = _leading_space(deleted)
        if space and space == _leading_space(inserted) and deleted.strip() and inserted.strip():
            deleted, inserted = deleted[len(space) :], inserted[len(space) :]
            if merged and merged[-1][0] == EQUAL:
                merged[-1][1] += space
            else:
                merged.append([EQUAL, space])
        if deleted:
            merged.append([DELETE, deleted])
        if inserted:
            merged.append([INSERT, inserted])

    for k, (op, text) in enumerate(diffs):
        if op == EQUAL and 0 < k < last and not any(map(str.isalnum, text)):
            if diffs[k - 1][0] != EQUAL and diffs[k + 1][0] != EQUAL:
                run_del.append(text)  # a lone "," between two changes joins them
                run_ins.append(text)
                continue
        if op == DELETE:
            run_del.append(text)
        elif op == INSERT:
            run_ins.append(text)
        else:
            flush()
            if merged and merged[-1][0] == EQUAL:
                merged[-1][1] += text
            elif text:
                merged.append([EQUAL, text])
    flush()
    _shift_spaces(merged)
    return [Change(op, text) for op, text in merged if text]


def _shift_spaces(changes: list[list[str]]) -> None:
    """Slide a lone insertion or deletion that starts with a space so it ends with it instead.

    "officers,{+ labor inspectors,+} consular" reads better as
    "officers, {+labor inspectors, +}consular"; both give back the same old and new texts.
    """
    for k in range(1, len(changes) - 1):
        before, change, after = changes[k - 1], changes[k], changes[k + 1]
        if before[0] != EQUAL or after[0] != EQUAL or change[0] == EQUAL:
            continue
        space = _leading_space(change[1])
        if space and change[1].strip() and _leading_space(after[1]) == space:
            before[1] += space
            change[1] = change[1][len(space) :] + space
            after[1] = after[1][len(space) :]


def _leading_space(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def redline_many(old: list[str], new: list[str], codec: Codec | None = None) -> list[Change]:
    """A redline across a merge or a split: the texts of each side joined with BOUNDARY."""
    return redline(BOUNDARY.join(old), BOUNDARY.join(new), codec)


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
