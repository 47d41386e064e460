"""Agreed language: which phrases of a draft are found, word for word or nearly, in text already adopted.

A phrase is compared as a negotiator hears it: inflection and British/American spelling aside
('encourages' is 'encourage', 'organisations' is 'organizations'), small words aside ('in' for
'of'), and a word or two inserted or dropped inside it ('trafficking [in persons] and smuggling').
So texts are cut into the stems of their content words, and every SHINGLE of them in a row is a
shingle, hashed to one integer. An adopted paragraph is indexed by about half its shingles of KEY
stems (its `fingerprints`; the store keeps them in a table with an index, on SQLite and PostgreSQL
alike); a draft's paragraph looks its own `keys` up, and in each adopted paragraph they lead to,
the SHINGLE-stem shingles both have that follow one another in both texts, with at most GAP shingles skipped on
either side, make one phrase. A phrase is reported when it spans at least `min_words` words of
the draft.

Pure: no database. `fingerprints` gives what to store or look up; `chains` turns the shingles two
paragraphs share into runs long enough to report, and `phrases` those into phrases.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from amendtrack.model.words import STOPWORDS, fold_spelling, stem

SHINGLE = 3  # content stems per shingle, to trace a phrase: 'trafficking persons smuggling'
KEY = 4  # content stems per shingle of the index: rarer, so a look-up brings fewer paragraphs to compare
WINDOW = 3  # shingles per window of which the index keeps the least hash (winnowing)
GAP = 4  # shingles one side may skip inside a phrase: a content word or two inserted or dropped
MIN_WORDS = 8  # the least words a phrase must span, by default
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Words:
    """A text as compared: its content stems, and for each the character span of its word."""

    text: str
    stems: list[str]
    spans: list[tuple[int, int]]  # (start, end) in `text` of the word of each stem
    word_starts: list[int]  # start of every word, content or not (to count a phrase's words)


@dataclass(frozen=True)
class Phrase:
    """A phrase of a draft's paragraph found in an adopted paragraph."""

    start: int  # character offsets in the draft paragraph's text, end exclusive
    end: int
    source: int  # the adopted paragraph (its store id)
    source_start: int
    source_end: int
    words: int  # words of the draft the phrase spans
    verbatim: bool  # the same words in the same order, case and punctuation aside


class _Stems(dict):
    """word as written → its stem, '' for a small word; bounded (a hostile text of random words)."""

    def __setitem__(self, word: str, value: str) -> None:
        if len(self) >= 200_000:
            self.clear()
        super().__setitem__(word, value)


def words_of(text: str) -> Words:
    """The content stems of a text with where each word is."""
    stems, spans, starts = [], [], []
    known = _STEMS
    for match in _WORD.finditer(text):
        start = match.start()
        starts.append(start)
        word = match.group()
        found = known.get(word)
        if found is None:
            found = known[word] = _content_stem(word)
        if found:
            stems.append(found)
            spans.append((start, match.end()))
    return Words(text, stems, spans, starts)


_STEMS = _Stems()


def _content_stem(word: str) -> str:
    folded = fold_spelling(word)
    return "" if folded in STOPWORDS else stem(folded)


def _code(stem_: str) -> int:
    code = _CODES.get(stem_)
    if code is None:
        code = _CODES[stem_] = int.from_bytes(hashlib.blake2b(stem_.encode("utf-8"), digest_size=8).digest(), "big")
    return code


_MIX, _MASK = 0x9E3779B97F4A7C15, (1 << 64) - 1
_CODES = _Stems()


def shingles(words: Words) -> list[tuple[int, int]]:
    """(hash, position) of every run of SHINGLE content stems, in order."""
    return list(zip(_hashes(words.stems), range(len(words.stems)), strict=False))


def keys(stems: list[str]) -> list[int]:
    """The hash of every run of KEY content stems, in order: what a draft looks up in the index."""
    return _hashes(stems, KEY)


def fingerprints(stems: list[str]) -> list[tuple[int, int]]:
    """The shingles an adopted paragraph is indexed by: (hash, position) of the least hash in every window
    of WINDOW shingles, each once (winnowing, Schleimer et al. 2003).

    Shingles of KEY stems; about half are kept, and any run of WINDOW + KEY - 1 content stems two
    texts share has one of them in common; the phrase itself is then traced on the SHINGLE-stem
    shingles of both paragraphs in full (`shingles`), read only for the paragraphs the index points to."""
    hashes = _hashes(stems, KEY)
    n = len(hashes)
    if n <= WINDOW:
        return [min((value, k) for k, value in enumerate(hashes))] if hashes else []
    kept: list[tuple[int, int]] = []
    least = -1  # the position of the least hash of the current window (the rightmost of equals)
    for end in range(WINDOW - 1, n):
        start = end - WINDOW + 1
        if least < start:  # the least left the window: look at all of it again
            least = start
            for k in range(start + 1, end + 1):
                if hashes[k] <= hashes[least]:
                    least = k
        elif hashes[end] <= hashes[least]:
            least = end
        else:
            continue
        if not kept or kept[-1][1] != least:
            kept.append((hashes[least], least))
    return kept


def stems_of(text: str) -> list[str]:
    """The content stems of a text alone (what indexing needs; `words_of` also says where they are)."""
    known = _STEMS
    out = []
    for word in _WORD.findall(text):
        found = known.get(word)
        if found is None:
            found = known[word] = _content_stem(word)
        if found:
            out.append(found)
    return out


def shingle_hashes(stems: list[str]) -> list[int]:
    """The hash of every run of SHINGLE stems, in order (shingle k starts at stem k)."""
    return _hashes(stems)


def _hashes(stems: list[str], size: int = SHINGLE) -> list[int]:
    """The signed 64-bit hash of every run of `size` stems, in one pass: each stem's own hash (BLAKE2b, kept
    once computed) mixed in turn, the same on every machine and in every process."""
    codes = [_code(s) for s in stems]
    mask = _MASK
    raw = codes[: max(len(codes) - size + 1, 0)]
    for k in range(1, size):
        raw = [(value * _MIX + code) & mask for value, code in zip(raw, codes[k:], strict=False)]
    return [v - (1 << 64) if v >= 1 << 63 else v for v in raw]


@dataclass(frozen=True)
class Chain:
    """Shingle hits that follow one another in a draft's paragraph and one adopted paragraph."""

    source: int  # the adopted paragraph (its store id)
    first: tuple[int, int]  # (draft position, adopted position) of its first shingle
    last: tuple[int, int]


def chains(draft: Words, hits: Iterable[tuple[int, int, int]], min_words: int) -> list[Chain]:
    """The runs of hits long enough to report: (draft position, adopted paragraph, its position) in, chains out.

    Only the draft's words are needed to tell a chain's length, so the adopted texts are read only
    for the chains that pass."""
    by_source: dict[int, set[tuple[int, int]]] = {}
    for mine, source, theirs in hits:
        by_source.setdefault(source, set()).add((mine, theirs))
    found = []
    for source, pairs in by_source.items():
        for first, last in _runs(sorted(pairs)):
            start, end = draft.spans[first[0]][0], draft.spans[last[0] + SHINGLE - 1][1]
            if sum(1 for s in draft.word_starts if start <= s < end) >= min_words:
                found.append(Chain(source, first, last))
    return found


def phrases(draft: Words, found: list[Chain], sources: dict[int, Words]) -> list[Phrase]:
    """The phrases the chains make, in the draft's order, none inside a longer one found elsewhere."""
    return _outermost([_phrase(draft, sources[c.source], c.source, c.first, c.last) for c in found])


def _runs(pairs: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Runs of hits that follow one another in both texts (each step forward on both, by at most GAP + 1)."""
    runs: list[list[tuple[int, int]]] = []
    for mine, theirs in pairs:
        for run in runs:
            last_mine, last_theirs = run[-1]
            if 0 < mine - last_mine <= GAP + 1 and 0 < theirs - last_theirs <= GAP + 1:
                run.append((mine, theirs))
                break
        else:
            runs.append([(mine, theirs)])
    return [(run[0], run[-1]) for run in runs]


def _phrase(draft: Words, source: Words, source_id: int, first: tuple[int, int], last: tuple[int, int]) -> Phrase:
    """The phrase a chain of hits covers, from the first stem of its first shingle to the last of its last."""
    start, end = draft.spans[first[0]][0], draft.spans[last[0] + SHINGLE - 1][1]
    source_start, source_end = source.spans[first[1]][0], source.spans[last[1] + SHINGLE - 1][1]
    words = sum(1 for s in draft.word_starts if start <= s < end)
    same = _plain(draft.text[start:end]) == _plain(source.text[source_start:source_end])
    return Phrase(start, end, source_id, source_start, source_end, words, same)


def _plain(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _outermost(found: list[Phrase]) -> list[Phrase]:
    """The phrases in the draft's order, leaving out one that lies inside a longer one (found in another source);
    the same words found in several sources are kept for each."""
    kept: list[Phrase] = []
    for phrase in sorted(found, key=lambda p: (-(p.end - p.start), p.start, p.source)):
        size = phrase.end - phrase.start
        if not any(k.start <= phrase.start and phrase.end <= k.end and k.end - k.start > size for k in kept):
            kept.append(phrase)
    return sorted(kept, key=lambda p: (p.start, -(p.end - p.start), p.source))
